import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppDeps } from '../deps';
import { contentCsp } from '../platform/http/security-headers';
import { isPackagePrefix, packageCookieAllows, packageCookieSeconds, packageSetCookie } from '../scorm';

export interface ContentOriginOptions {
  deps: AppDeps;
  /** The API app (the same Hono app the app origin serves under /api). */
  api: { fetch(req: Request): Response | Promise<Response> };
  appOrigin: string;
  contentOrigin: string;
  /** The built player (web/player/dist). */
  playerDir: string;
  /** HMAC key of the package cookie; random per process unless given. */
  cookieKey?: Buffer;
  now?: () => Date;
}

const noStore = { 'cache-control': 'no-store' };

/**
 * The content origin, locally (in AWS: infra/lib/constructs/content-distribution.ts, same rules):
 * - `/player/*`: the SCORM player build, with the player's strict CSP;
 * - `/api/scorm/runtime/*`: forwarded to the API in-process (in AWS a behaviour to the API
 *   origin), so the player reaches the runtime API same-origin: no CORS, the launch token in a header;
 * - `POST /launch-cookie`: checks the launch token by asking the runtime API for the attempt and
 *   sets the cookie that unlocks that attempt's package version (`Path=/packages/{m}/{v}/`);
 * - `/packages/{moduleId}/{versionPrefix}/…`: files from the content bucket, only with that cookie.
 * Nothing else; no app cookie or storage ever reaches this origin.
 */
export function contentOriginRoutes(opts: ContentOriginOptions): Hono {
  const key = opts.cookieKey ?? randomBytes(32);
  const now = () => (opts.now ? opts.now() : new Date());
  const secure = opts.contentOrigin.startsWith('https:');
  const content = new Hono();

  content.use('*', async (c, next) => {
    await next();
    const player = c.req.path === '/player' || c.req.path.startsWith('/player/');
    c.header('content-security-policy', contentCsp({ appOrigin: opts.appOrigin, page: player ? 'player' : 'package' }));
  });

  content.get('/', (c) =>
    c.html(
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>GGZ Academie — inhoud</title></head>' +
        '<body><main><h1>Inhoudsdomein</h1><p>Hier speelt de SCORM-speler e-learning af, gescheiden van de app.</p></main></body></html>',
    ),
  );

  // ---- the runtime API, same-origin for the player -----------------------------------------------
  content.all('/api/scorm/runtime/*', (c) => opts.api.fetch(c.req.raw));

  // ---- the package cookie ------------------------------------------------------------------------
  content.post('/launch-cookie', async (c) => {
    const auth = c.req.header('authorization') ?? '';
    const body = (await c.req.json().catch(() => null)) as { attemptId?: unknown } | null;
    const attemptId = typeof body?.attemptId === 'string' && /^[A-Za-z0-9_-]{1,80}$/.test(body.attemptId) ? body.attemptId : undefined;
    if (!/^Launch \S+$/.test(auth) || !attemptId) return c.json({ title: 'Launch token en poging vereist' }, 400, noStore);
    const res = await opts.api.fetch(
      new Request(`${opts.contentOrigin}/api/scorm/runtime/${attemptId}`, { headers: { authorization: auth, accept: 'application/json' } }),
    );
    if (!res.ok) return c.json({ title: 'Deze start is niet (meer) geldig' }, res.status === 401 || res.status === 403 || res.status === 404 || res.status === 410 ? 403 : 502, noStore);
    const data = (await res.json().catch(() => null)) as { package?: { baseUrl?: unknown }; expiresAt?: unknown; attempt?: { expiresAt?: unknown } } | null;
    const prefix = typeof data?.package?.baseUrl === 'string' ? data.package.baseUrl : '';
    if (!isPackagePrefix(prefix)) return c.json({ title: 'Onbekend pakket' }, 502, noStore);
    const nowS = Math.floor(now().getTime() / 1000);
    const launchEnds = [data?.expiresAt, data?.attempt?.expiresAt].map((v) => (typeof v === 'string' ? Math.floor(Date.parse(v) / 1000) : NaN)).find((v) => Number.isFinite(v) && v > nowS);
    const expiry = Math.min(nowS + packageCookieSeconds, launchEnds ?? Infinity);
    c.header('set-cookie', packageSetCookie(key, prefix, expiry, { secure, now: nowS }));
    return c.body(null, 204, noStore);
  });

  // ---- package files -----------------------------------------------------------------------------
  content.on(['GET', 'HEAD'], '/packages/*', async (c) => {
    const path = c.req.path;
    if (!packageCookieAllows(key, path, c.req.header('cookie'), Math.floor(now().getTime() / 1000))) {
      return c.text('Geen toegang: open de e-learning vanuit je leeromgeving.', 403, noStore);
    }
    let objectKey: string;
    try {
      objectKey = decodeURIComponent(path.slice(1));
    } catch {
      return c.text('Not found', 404);
    }
    if (objectKey.split('/').some((s) => s === '..' || s === '.' || s === '') || objectKey.includes('\\')) return c.text('Not found', 404);
    const range = c.req.header('range');
    try {
      const { s3, buckets } = opts.deps.store;
      const obj = await s3.send(new GetObjectCommand({ Bucket: buckets.content, Key: objectKey, ...(range ? { Range: range } : {}) }));
      const headers: Record<string, string> = {
        'content-type': obj.ContentType ?? 'application/octet-stream',
        // Per-launch access: the browser may keep files for the session, shared caches may not.
        'cache-control': 'private, max-age=3600',
        'accept-ranges': 'bytes',
      };
      if (obj.ContentLength !== undefined) headers['content-length'] = String(obj.ContentLength);
      if (obj.ContentRange) headers['content-range'] = obj.ContentRange;
      if (obj.ETag) headers.etag = obj.ETag;
      const status = obj.ContentRange ? 206 : 200;
      if (c.req.method === 'HEAD' || !obj.Body) return c.body(null, status, headers);
      const body = Readable.toWeb(obj.Body as Readable) as unknown as ReadableStream;
      return new Response(body, { status, headers });
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return c.text('Not found', 404);
      if (name === 'InvalidRange') return c.text('Range not satisfiable', 416);
      throw err;
    }
  });

  // ---- the player ----------------------------------------------------------------------------------
  content.get('/player', (c) => c.redirect('/player/', 301));
  if (existsSync(opts.playerDir)) {
    content.use('/player/*', serveStatic({ root: opts.playerDir, rewriteRequestPath: (p) => p.replace(/^\/player/, '') }));
  }
  content.get('/player/*', (c) => {
    if (!existsSync(opts.playerDir)) return c.text('De speler is niet gebouwd: `npm run build:web`.', 503);
    return c.text('Not found', 404);
  });
  return content;
}
