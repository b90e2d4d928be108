/**
 * The academy: catalogue and modules in every learning form, sessions with seats and waitlist,
 * blended paths, assignments, learner files, evaluations and Mijn leren. Other features import
 * only from here.
 */
import type { LearningLinks } from '../knowledge';
import { listPublishedModules } from './store';
import { relatedModules } from './service';

export { learningRoutes } from './routes';
export { learnerFileRoutes } from './files/routes';

/** What the knowledge base may ask of the academy (connected in functions/src/features.ts). */
export const linksForKnowledge: LearningLinks = {
  readingModules: async (store) =>
    (await listPublishedModules(store)).flatMap((m) => (m.kind === 'reading' && m.articleSlug ? [{ id: m.id, title: m.title, articleSlug: m.articleSlug, enrolAudience: m.enrolAudience }] : [])),
  relatedModules: (ctx, article) => relatedModules(ctx, article),
};
