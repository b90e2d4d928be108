import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { loadConfig } from './config';
import { createStoreClients } from './store/clients';
import { createTokenVerifier } from './auth/verify';
import { createLogger } from './http/logging';

// Built once per cold start and reused across invocations.
const config = loadConfig();
const app = createApp({
  config,
  store: createStoreClients(config),
  verifyToken: createTokenVerifier(config.auth),
  logger: createLogger(),
});

export const handler = handle(app);
