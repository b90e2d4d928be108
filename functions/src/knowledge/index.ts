/**
 * The knowledge base: articles with their review workflow and versions, search, reader signals,
 * attachments and the expert networks that own them. Other features import only from here.
 */
import { joinRouters } from '../platform/http/router';
import { articleRoutes } from './articles/routes';
import { articleAttachmentRoutes, attachmentRoutes } from './attachments/routes';
import { myKnowledgeRoutes, networkRoutes } from './networks/routes';
import { articleSignalRoutes, mySignalRoutes } from './signals/routes';
import { myQuestionRoutes, networkQuestionRoutes, questionRoutes } from './questions/routes';

/**
 * The knowledge base's resources, one router each with paths relative to its base; app.ts mounts
 * them at `/api/articles` (an article's signals and attachments included), `/api/attachments`,
 * `/api/networks`, and in `/api/me` (`/signals`, `/knowledge`).
 */
export const routes = {
  // Order matters where two paths overlap (`GET /by-slug/attachments`): the earlier router's route answers.
  articles: joinRouters(articleSignalRoutes, articleAttachmentRoutes, articleRoutes),
  attachments: attachmentRoutes,
  networks: networkRoutes,
  me: joinRouters(mySignalRoutes, myKnowledgeRoutes, myQuestionRoutes),
  /** Consultation questions: under `/api/networks` (a network's questions), at `/api/questions` (one question). */
  networkQuestions: networkQuestionRoutes,
  questions: questionRoutes,
};

/** The activity view (functions/src/reports/activity): when a network's questions were asked and answered (no text, no names). */
export { questionTimes } from './questions/service';
export { networkPublications } from './articles/activity';

export { publishedAudience } from './articles/service';
export { searchIndexFor, type SearchIndexStore } from './search/index-store';
export { indexArticleChanges, reconcileSearchIndex, type IndexingReport, type ReconcileReport } from './search/indexer';
export type { ChangeRecord } from './search/stream-records';
export { useLearningLinks, type LearningLinks } from './links';
export { renderMarkdown } from './domain/render';
export { articleReachesAll, type Audience } from './domain/visibility';
/** Personal data (functions/src/privacy): a reader's signals, votes and memberships for their export, and their erasure. */
export { knowledgeDataOf, eraseReader } from './personal-data/store';
