import type { Logger } from '@aws-lambda-powertools/logger';
import type { AppConfig } from './config';
import { createStoreClients, type StoreClients } from './store/clients';
import { createTokenVerifier, type TokenVerifier } from './auth/verify';
import { createLogger } from './http/logging';

/** Everything the app needs from outside, built once per process (Lambda cold start or local server start). */
export interface PlatformDeps {
  config: AppConfig;
  store: StoreClients;
  verifyToken: TokenVerifier;
  logger: Logger;
}

export function buildPlatformDeps(config: AppConfig, logger: Logger = createLogger()): PlatformDeps {
  return { config, store: createStoreClients(config), verifyToken: createTokenVerifier(config.auth), logger };
}
