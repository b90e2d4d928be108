import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import { devRoutes, type DevIssuer } from '../dev';
import { appCsp, commonSecurityHeaders } from '../platform/http/security-headers';
import { contentOriginRoutes } from './content-origin';
import { logMetricsSink, useMetricsSink } from '../platform/observability/metrics';

export interface LocalServerOptions {
  deps: AppDeps;
  devIssuer: DevIssuer;
  webDir: string;
  /** The built SCORM player, served on the content origin under /player/ (default: web/player/dist next to webDir). */
  playerDir?: string;
  appPort: number;
  contentPort: number;
  host?: string;
  /** Origins of the S3 endpoint; the browser uploads there directly (presigned POST). */
  s3Origins?: string[];
}

export interface LocalServer {
  appUrl: string;
  contentUrl: string;
  close(): Promise<void>;
}

function listen(fetch: (req: Request) => Response | Promise<Response>, port: number, host: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, () => resolve(server));
    server.once('error', reject);
  });
}

/**
 * Local composition: the same API app as Lambda under /api, the built web shell with the same
 * security headers CloudFront sets, the dev issuer's JWKS, and the SCORM content origin on a
 * second port (a different origin, as in AWS).
 */
export async function startLocalServer(opts: LocalServerOptions): Promise<LocalServer> {
  const host = opts.host ?? '127.0.0.1';
  const appOrigin = `http://localhost:${opts.appPort}`;
  const contentOrigin = `http://localhost:${opts.contentPort}`;
  const api = createApp(opts.deps, { extraRoutes: [devRoutes(opts.devIssuer)] });
  // Business events (platform/observability/metrics.ts) as debug log lines; CloudWatch only in Lambda.
  useMetricsSink(logMetricsSink(opts.deps.logger));

  const web = new Hono();
  web.get('/dev-issuer/.well-known/jwks.json', (c) => c.json(opts.devIssuer.jwks()));
  web.all('/api/*', (c) => api.fetch(c.req.raw));
  web.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', appCsp({ contentOrigin, connectSrc: opts.s3Origins ?? [] }));
    c.header('x-frame-options', 'DENY');
    for (const [k, v] of Object.entries(commonSecurityHeaders)) c.header(k, v);
  });
  web.get('/config.json', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ mode: 'local', contentOrigin });
  });
  if (!existsSync(join(opts.webDir, 'index.html'))) {
    throw new Error(`${opts.webDir}/index.html is missing: run \`npm run build:web\` first`);
  }
  web.use('/*', serveStatic({ root: opts.webDir }));
  // SPA fallback: extension-less paths are client routes; a missing asset stays a 404.
  web.get('*', async (c, next) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    return serveStatic({ root: opts.webDir, path: 'index.html' })(c, next);
  });

  // The content origin: player, runtime API (forwarded), package cookie and package files (content-origin.ts).
  const content = new Hono();
  content.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(commonSecurityHeaders)) c.header(k, v);
  });
  content.route(
    '/',
    contentOriginRoutes({ deps: opts.deps, api, appOrigin, contentOrigin, playerDir: opts.playerDir ?? resolve(opts.webDir, '..', 'player', 'dist') }),
  );

  const appServer = await listen(web.fetch, opts.appPort, host);
  let contentServer: ServerType;
  try {
    contentServer = await listen(content.fetch, opts.contentPort, host);
  } catch (err) {
    appServer.close();
    throw err;
  }
  const port = (s: ServerType) => (s.address() as AddressInfo).port;
  return {
    appUrl: `http://localhost:${port(appServer)}`,
    contentUrl: `http://localhost:${port(contentServer)}`,
    close: () =>
      Promise.all(
        [appServer, contentServer].map(
          (s) => new Promise<void>((resolve) => {
            s.close(() => resolve());
            (s as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
        ),
      ).then(() => undefined),
  };
}
