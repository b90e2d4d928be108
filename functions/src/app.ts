import { bodyLimit } from 'hono/body-limit';
import { newRouter, type Router } from './platform/http/router';
import { authenticate, requestContext, requireSignInWhereDocumented } from './platform/http/middleware';
import { onError, problemJson } from './platform/http/errors';
import { mountOpenApi } from './platform/http/openapi';
import type { AppDeps } from './deps';
import { healthRoutes } from './platform/health/routes';
import { meRoutes } from './identity';
import { articleRoutes, attachmentRoutes, networkRoutes, signalRoutes } from './knowledge';
import { learnerFileRoutes, learningRoutes } from './learning';
import './features';

export interface CreateAppOptions {
  /** Extra route modules; the local server adds the dev identity routes here. Never used by the Lambda entry. */
  extraRoutes?: Router[];
}

/**
 * The one API application. The Lambda handler and the local server mount this same object;
 * only `deps` (configuration and clients) differ between them.
 */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}) {
  const app = newRouter();
  app.use('*', requestContext(deps));
  // JSON bodies are small; files go straight to S3 with presigned requests.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot be reused.
        c.header('connection', 'close');
        return problemJson(c as never, 'payloadTooLarge', 'Maximaal 256 KB per verzoek');
      },
    }),
  );
  app.use('/api/*', authenticate());
  app.use('/api/*', requireSignInWhereDocumented(app.openAPIRegistry));

  app.route('/', healthRoutes);
  app.route('/', meRoutes);
  app.route('/', signalRoutes);
  app.route('/', attachmentRoutes);
  app.route('/', articleRoutes);
  app.route('/', networkRoutes);
  app.route('/', learnerFileRoutes);
  app.route('/', learningRoutes);
  for (const extra of options.extraRoutes ?? []) app.route('/', extra);

  mountOpenApi(app);
  app.notFound((c) => problemJson(c as never, 'notFound', `Geen route voor ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => onError(err, c as never));
  return app;
}

export type ApiApp = ReturnType<typeof createApp>;
