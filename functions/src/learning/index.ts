/**
 * The academy: catalogue and modules in every learning form, sessions with seats and waitlist,
 * blended paths, assignments, learner files, evaluations and Mijn leren. Other features import
 * only from here.
 */
import type { LearningLinks } from '../knowledge';
import { joinRouters } from '../platform/http/router';
import { listPublishedModules } from './store';
import { relatedModules } from './service';
import { academyRoutes, evaluationRoutes, moduleRoutes, myLearningRoutes, pathRoutes, sessionRoutes, trainerRoutes } from './routes';
import { learnerFileRoutes } from './files/routes';

/**
 * The academy's resources, one router each with paths relative to its base; app.ts mounts them at
 * `/api/modules` (a learner's files for a module included), `/api/sessions`, `/api/paths`,
 * `/api/trainer`, `/api/academy`, `/api/evaluations`, and in `/api/me` (`/learning`).
 */
export const routes = {
  modules: joinRouters(learnerFileRoutes, moduleRoutes),
  sessions: sessionRoutes,
  paths: pathRoutes,
  trainer: trainerRoutes,
  academy: academyRoutes,
  evaluations: evaluationRoutes,
  me: myLearningRoutes,
};

/** What the knowledge base may ask of the academy (connected in functions/src/features.ts). */
export const linksForKnowledge: LearningLinks = {
  readingModules: async (store) =>
    (await listPublishedModules(store)).flatMap((m) => (m.kind === 'reading' && m.articleSlug ? [{ id: m.id, title: m.title, articleSlug: m.articleSlug, enrolAudience: m.enrolAudience }] : [])),
  relatedModules: (ctx, article) => relatedModules(ctx, article),
};
