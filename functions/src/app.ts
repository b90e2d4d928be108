import { bodyLimit } from 'hono/body-limit';
import { newRouter, joinRouters, type Router } from './platform/http/router';
import { authenticate, requestContext, requireSignInWhereDocumented } from './platform/http/middleware';
import { onError, problemJson } from './platform/http/errors';
import { mountOpenApi } from './platform/http/openapi';
import { text, useRequestLanguageForValidation } from './platform/http/language';
import type { AppDeps } from './deps';
import { healthRoutes } from './platform/health/routes';
import { identity, knowledge, learning, networks } from './features';
import * as scorm from './scorm';
import * as portfolio from './portfolio';
import * as reports from './reports';
import * as privacy from './privacy';
import * as partners from './partners';

export interface CreateAppOptions {
  /**
   * Extra routers mounted at the root, so their paths are full paths; the local server adds the
   * dev routes (`/api/dev`, see functions/src/dev) here. Never used by the Lambda entry.
   */
  extraRoutes?: Router[];
}

/**
 * The one API application. The Lambda handler and the local server mount this same object;
 * only `deps` (configuration and clients) differ between them.
 */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}) {
  // Zod's own messages follow the request's language (set per request in `requestContext`).
  useRequestLanguageForValidation();
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
        return problemJson(c as never, 'payloadTooLarge', text('Maximaal 256 KB per verzoek', 'At most 256 KB per request'));
      },
    }),
  );
  app.use('/api/*', authenticate());
  // A partner user's organisation must be active (and they still in it) on every request, whatever their token says.
  app.use('/api/*', partners.partnerAccessCheck());
  // Reads the routes' `security` from the registry on the first request, when everything below is mounted.
  app.use('/api/*', requireSignInWhereDocumented(app.openAPIRegistry));

  // Each resource once, at its base path; the paths inside a feature's router are relative to it.
  app.route('/api/health', healthRoutes);
  app.route('/api/me', joinRouters(identity.routes.me, knowledge.routes.me, learning.routes.me, scorm.routes.me, portfolio.routes.me, privacy.routes.me));
  app.route('/api/articles', knowledge.routes.articles);
  app.route('/api/attachments', knowledge.routes.attachments);
  app.route('/api/networks', joinRouters(networks.routes.networks, knowledge.routes.networks, knowledge.routes.networkQuestions, learning.routes.networkEvents, reports.routes.networks));
  app.route('/api/questions', knowledge.routes.questions);
  app.route('/api/modules', joinRouters(learning.routes.modules, scorm.routes.modules));
  app.route('/api/scorm/runtime', scorm.routes.runtime);
  app.route('/api/sessions', learning.routes.sessions);
  app.route('/api/paths', learning.routes.paths);
  app.route('/api/trainer', learning.routes.trainer);
  app.route('/api/academy', joinRouters(learning.routes.academy, portfolio.routes.academy, reports.routes.academy, privacy.routes.academy));
  app.route('/api/registers', portfolio.routes.registers);
  app.route('/api/certificates', portfolio.routes.certificates);
  app.route('/api/teams', portfolio.routes.teams);
  app.route('/api/evaluations', learning.routes.evaluations);
  app.route('/api/partners', partners.routes.partners);
  app.route('/api/invitations', partners.routes.invitations);
  for (const extra of options.extraRoutes ?? []) app.route('/', extra);

  mountOpenApi(app);
  app.notFound((c) => problemJson(c as never, 'notFound', text(`Geen route voor ${c.req.method} ${c.req.path}`, `No route for ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => onError(err, c as never));
  return app;
}

export type ApiApp = ReturnType<typeof createApp>;
