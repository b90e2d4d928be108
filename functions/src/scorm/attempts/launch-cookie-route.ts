import { randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppConfig } from '../../platform/config';
import { newRouter } from '../../platform/http/router';
import { problemResponse, problems } from '../../platform/http/contract';
import { ctxOf, nowOf } from '../context';
import { isPackagePrefix, packageCookieSeconds, packageSetCookie } from '../player/package-cookie';
import { AttemptId } from './schemas';
import * as svc from './service';

/**
 * `POST /api/scorm/runtime/launch-cookie`: the package cookie for the player, issued by the API.
 *
 * In AWS the content distribution routes the player's `POST /launch-cookie` here (origin path
 * `/api/scorm/runtime`, so the player calls the same path as on the local content origin). The
 * launch token is checked exactly as the runtime checks it (`svc.runtime`: signature, expiry, the
 * attempt named in the body, superseded or finished attempts), and only then the answer sets
 * `scorm_pkg` for that attempt's package version (`Path=/packages/{moduleId}/{versionPrefix}/`),
 * signed with `SCORM_PACKAGE_COOKIE_KEY`, the key the content distribution's CloudFront Function
 * verifies with. Locally the content origin (functions/src/local/content-origin.ts) issues the
 * same cookie itself with its own key; this route then uses a random key per process.
 */
export const launchCookiePath = '/launch-cookie';

let processKey: string | undefined;

export function packageCookieKeyOf(config: Pick<AppConfig, 'mode' | 'scormPackageCookieKey'>): string {
  if (config.scormPackageCookieKey) return config.scormPackageCookieKey;
  if (config.mode === 'aws') throw new Error('Invalid configuration: SCORM_PACKAGE_COOKIE_KEY is required in AWS mode');
  return (processKey ??= randomBytes(32).toString('base64url'));
}

const LaunchCookieRequest = z.object({ attemptId: AttemptId }).openapi('ScormLaunchCookieRequest');

const launchCookie = createRoute({
  method: 'post',
  path: launchCookiePath,
  tags: ['SCORM'],
  summary: 'Cookie voor de bestanden van het pakket van deze poging (alleen met een launch-token)',
  description:
    'Alleen met een launch-token: `Authorization: Launch <token>`. Zet `scorm_pkg` (HttpOnly, SameSite=Strict, Secure) met ' +
    '`Path=/packages/{moduleId}/{versie}/`, een uur geldig en nooit langer dan de start; de speler vraagt elke 20 minuten een nieuwe. ' +
    'Op het inhoudsdomein heet dit pad `/launch-cookie`.',
  request: { body: { required: true, content: { 'application/json': { schema: LaunchCookieRequest } } } },
  responses: {
    204: { description: 'Cookie gezet (`Set-Cookie`)' },
    400: problemResponse('Ongeldige invoer'),
    ...problems({ 401: 'Geen, ongeldig of verlopen launch-token', 403: 'Launch-token van een andere poging', 404: 'Onbekende poging', 409: 'Poging afgerond, of overgenomen door een nieuwere start' }),
    422: problemResponse('Geen poging genoemd'),
  },
});

/** Joined with the runtime routes at `/api/scorm/runtime` (scorm/index.ts). */
export const launchCookieRoutes = newRouter().openapi(launchCookie, async (c) => {
  // The token first: without one the answer is 401 whatever the body holds.
  const token = svc.launchTokenOf(c.req.header('authorization'), undefined, false);
  const { attemptId } = c.req.valid('json');
  const ctx = ctxOf(c);
  const rt = await svc.runtime(ctx, attemptId, token);
  const prefix = rt.package.baseUrl;
  if (!isPackagePrefix(prefix)) throw new Error(`The package of attempt ${attemptId} has no valid prefix: ${prefix}`);
  const nowS = Math.floor(nowOf(ctx).getTime() / 1000);
  const launchEnds = Math.floor(Date.parse(rt.expiresAt) / 1000);
  const expiry = Math.min(nowS + packageCookieSeconds, Number.isFinite(launchEnds) ? launchEnds : Infinity);
  const config = ctx.deps.config;
  const secure = config.mode === 'aws' || (config.contentOrigin ?? '').startsWith('https:');
  c.header('set-cookie', packageSetCookie(packageCookieKeyOf(config), prefix, expiry, { secure, now: nowS }));
  c.header('cache-control', 'no-store');
  return c.body(null, 204);
});
