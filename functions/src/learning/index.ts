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
import { myNetworkEventRoutes, networkEventRoutes } from './sessions/network-routes';

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
  me: joinRouters(myLearning.me, myNetworkEventRoutes),
  /** Network events, under `/api/networks` (a network's events: sessions of its event modules). */
  networkEvents: networkEventRoutes,
};

/** The activity view (functions/src/reports/activity): a network's events held in a period, with attendance (counts only). */
export { networkEventsHeld } from './sessions/network-events';

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
/** The published catalogue (no rendered descriptions): what the portfolio suggests to close a register's gap. */
export { listPublishedModules } from './catalogue/store';
export type { LearnerModule, LearnerPath, LearningEvent, CompletedModule, StoredModule } from './shared/store';
export type { Accreditation, LearningModule } from './domain/types';
export type { LearningCtx } from './shared/context';
/** The attendance export for the registers (functions/src/reports/pe-online): every module in a status, to find a course's modules. */
export { listModulesByStatus } from './catalogue/store';
/** Mandatory training and the home page (functions/src/portfolio): a module's sessions, a learner's seats, Mijn leren, a trainer's sessions and hand-ins to review. */
export { sessionsOfModule, seatsOfLearner, type Session, type Seat } from './sessions/store';
export { myLearning } from './my-learning/service';
export { sessionsOfTrainer } from './sessions/service';
export { pendingSubmissions } from './assignments/service';

/** What the academy reports read beside their counters: a path's title (meta) and the modules on a version. */
export { getPathMeta } from './paths/store';
export { pathVersion } from './shared/store';

/** What the knowledge base may ask of the academy (connected in functions/src/features.ts). */
export const linksForKnowledge: LearningLinks = {
  readingModules: async (store) =>
    (await listPublishedModules(store)).flatMap((m) => (m.kind === 'reading' && m.articleSlug ? [{ id: m.id, title: m.title, articleSlug: m.articleSlug, enrolAudience: m.enrolAudience }] : [])),
  relatedModules: (ctx, article) => relatedModules(ctx, article),
};

/** Personal data (functions/src/privacy): a learner's data for their export, their modules (where SCORM attempts are), and their erasure. */
export { learningDataOf, modulesOfLearner, eraseLearner } from './personal-data/store';
