/**
 * The knowledge base: articles with their review workflow and versions, search, reader signals,
 * attachments and the expert networks that own them. Other features import only from here.
 */
export { articleRoutes } from './articles/routes';
export { networkRoutes } from './networks/routes';
export { signalRoutes } from './signals/routes';
export { attachmentRoutes } from './attachments/routes';
export { publishedAudience } from './articles/service';
export { membershipsOf } from './networks/store';
export { searchIndexFor, type SearchIndexStore } from './search/index-store';
export { useLearningLinks, type LearningLinks } from './links';
export { renderMarkdown } from './domain/render';
export { articleReachesAll, type Audience } from './domain/visibility';
