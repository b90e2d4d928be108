/**
 * The academy: catalogue and modules in every learning form, sessions with seats and waitlist,
 * blended paths, assignments, learner files, evaluations and Mijn leren. Other features import
 * only from here.
 */
import type { LearningLinks } from '../knowledge';
import { joinRouters } from '../platform/http/router';
import { listPublishedModules } from './catalogue/store';
import { relatedModules } from './catalogue/service';
import { routes as catalogue } from './catalogue/routes';
import { routes as completion } from './completion/routes';
import { routes as sessions } from './sessions/routes';
import { routes as paths } from './paths/routes';
import { routes as assignments } from './assignments/routes';
import { routes as evaluations } from './evaluations/routes';
import { routes as myLearning } from './my-learning/routes';
import { learnerFileRoutes } from './files/routes';

/**
 * The academy's resources, one router each with paths relative to its base; app.ts mounts them at
 * `/api/modules` (a learner's files for a module included), `/api/sessions`, `/api/paths`,
 * `/api/trainer`, `/api/academy`, `/api/evaluations`, and in `/api/me` (`/learning`). Where several
 * parts answer under one base (a module's page, its sessions, its hand-ins, …), they are joined here.
 */
export const routes = {
  modules: joinRouters(learnerFileRoutes, catalogue.modules, completion.modules, assignments.modules, sessions.modules),
  sessions: sessions.sessions,
  paths: paths.paths,
  trainer: joinRouters(assignments.trainer, sessions.trainer),
  academy: catalogue.academy,
  evaluations: evaluations.evaluations,
  me: myLearning.me,
};

/** What the SCORM runtime tells the academy: a learner started an e-learning, or an attempt completed it (Mijn leren, paths, points). */
export { joinByScormLaunch, recordScormCompletion } from './completion/service';
export type { CompletionResult } from './shared/store';

/**
 * A learner's whole record, one Query: module enrolments and completions (each completion with the
 * module as it was, `completedModule`, and a SCORM `result`), path enrolments and path-completion
 * events with their points. The portfolio, certificates, mandatory training and the personal-data
 * export read it; only learning writes it.
 */
export { learnerRecord, getModule, getModules } from './shared/store';
export type { LearnerModule, LearnerPath, LearningEvent, CompletedModule, StoredModule } from './shared/store';
export type { Accreditation, LearningModule } from './domain/types';
export type { LearningCtx } from './shared/context';

/** What the knowledge base may ask of the academy (connected in functions/src/features.ts). */
export const linksForKnowledge: LearningLinks = {
  readingModules: async (store) =>
    (await listPublishedModules(store)).flatMap((m) => (m.kind === 'reading' && m.articleSlug ? [{ id: m.id, title: m.title, articleSlug: m.articleSlug, enrolAudience: m.enrolAudience }] : [])),
  relatedModules: (ctx, article) => relatedModules(ctx, article),
};
