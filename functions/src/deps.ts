import type { Logger } from '@aws-lambda-powertools/logger';
import type { AppConfig } from './config';
import type { StoreClients } from './store/clients';
import type { TokenVerifier } from './auth/verify';

/** Everything the app needs from outside, built once per process (Lambda cold start or local server start). */
export interface AppDeps {
  config: AppConfig;
  store: StoreClients;
  verifyToken: TokenVerifier;
  logger: Logger;
}
