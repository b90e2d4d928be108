import type { Logger } from '@aws-lambda-powertools/logger';
import type { AppConfig } from './platform/config';
import { buildPlatformDeps, type PlatformDeps } from './platform/deps';
import { searchIndexFor, type SearchIndexStore } from './knowledge';

/**
 * The composition root's dependencies: the platform's, plus the knowledge search index that
 * scripts (seed, bench) drive directly. The app itself needs only the platform's.
 */
export interface AppDeps extends PlatformDeps {
  search: SearchIndexStore;
}

export function buildDeps(config: AppConfig, logger?: Logger): AppDeps {
  const platform = buildPlatformDeps(config, logger);
  // In AWS the table's stream feeds the search indexer Lambda; locally the use cases call it after each write.
  return { ...platform, search: searchIndexFor(platform.store, { indexing: config.mode === 'aws' ? 'stream' : 'inline' }) };
}
