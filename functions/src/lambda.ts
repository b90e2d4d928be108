import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { loadConfig } from './platform/config';
import { buildDeps } from './deps';

// Built once per cold start and reused across invocations.
const app = createApp(buildDeps(loadConfig()));

export const handler = handle(app);
