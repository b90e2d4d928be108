import type { Logger } from '@aws-lambda-powertools/logger';
import type { AppConfig } from './config';
import { createStoreClients, type StoreClients } from './store/clients';
import { createTokenVerifier, type TokenVerifier } from './auth/verify';
import { createLogger } from './http/logging';
import { SearchIndexStore } from './store/search-index';

/** Everything the app needs from outside, built once per process (Lambda cold start or local server start). */
export interface AppDeps {
  config: AppConfig;
  store: StoreClients;
  verifyToken: TokenVerifier;
  logger: Logger;
  search: SearchIndexStore;
}

export function buildDeps(config: AppConfig, logger: Logger = createLogger()): AppDeps {
  const store = createStoreClients(config);
  return { config, store, verifyToken: createTokenVerifier(config.auth), logger, search: new SearchIndexStore(store) };
}
