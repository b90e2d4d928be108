import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The cookie that unlocks one package version's files on the content origin for one launch.
 *
 * `scorm_pkg=<expiry epoch s>.<base64url HMAC-SHA256(key, "<prefix>|<expiry>")>`, set with
 * `Path=<prefix>` (`/packages/{moduleId}/{versionPrefix}/`), HttpOnly, SameSite=Strict. The browser
 * sends it only for files of that version; the check needs nothing but the key, the request path
 * and the clock, so the same rule runs in the local content server and in a CloudFront Function
 * (infra/lib/constructs/content-distribution.ts, which embeds {@link cloudFrontVerifierSource}).
 * It is issued only after the launch token was accepted by the runtime API (see functions/docs/scorm.md, "Player").
 */
export const packageCookieName = 'scorm_pkg';

/** How long one cookie lasts; the player renews it while the launch is valid. */
export const packageCookieSeconds = 60 * 60;

const prefixPattern = /^\/packages\/([A-Za-z0-9_-]{1,80})\/([A-Za-z0-9_-]{1,80})\/$/;

/** `/packages/{moduleId}/{versionPrefix}/` of a package file's path, or undefined. */
export function packagePrefixOf(path: string): string | undefined {
  const m = /^\/packages\/([A-Za-z0-9_-]{1,80})\/([A-Za-z0-9_-]{1,80})\//.exec(path);
  return m ? m[0] : undefined;
}

export const isPackagePrefix = (prefix: string): boolean => prefixPattern.test(prefix);

const sign = (key: Buffer | string, prefix: string, expiry: number) => createHmac('sha256', key).update(`${prefix}|${expiry}`).digest('base64url');

/** The cookie's value for a prefix, valid until `expiry` (epoch seconds). */
export function packageCookieValue(key: Buffer | string, prefix: string, expiry: number): string {
  if (!isPackagePrefix(prefix)) throw new Error(`not a package prefix: ${prefix}`);
  return `${expiry}.${sign(key, prefix, expiry)}`;
}

/** The whole Set-Cookie header. */
export function packageSetCookie(key: Buffer | string, prefix: string, expiry: number, opts: { secure: boolean; now: number }): string {
  const maxAge = Math.max(0, expiry - opts.now);
  return `${packageCookieName}=${packageCookieValue(key, prefix, expiry)}; Path=${prefix}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${opts.secure ? '; Secure' : ''}`;
}

/** Reads every `scorm_pkg` value from a Cookie header (several paths may each send one). */
export function packageCookieValues(cookieHeader: string | null | undefined): string[] {
  if (!cookieHeader) return [];
  return cookieHeader
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p.startsWith(`${packageCookieName}=`))
    .map((p) => p.slice(packageCookieName.length + 1));
}

/** Does one of the request's cookies unlock this path now? */
export function packageCookieAllows(key: Buffer | string, path: string, cookieHeader: string | null | undefined, nowSeconds: number): boolean {
  const prefix = packagePrefixOf(path);
  if (!prefix) return false;
  for (const value of packageCookieValues(cookieHeader)) {
    const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
    if (!m) continue;
    const expiry = Number(m[1]);
    if (expiry <= nowSeconds) continue;
    const expected = Buffer.from(sign(key, prefix, expiry));
    const given = Buffer.from(m[2]!);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return true;
  }
  return false;
}

/**
 * The same check as a CloudFront Function (cloudfront-js-2.0, viewer request on `/packages/*`).
 * Kept here, next to the Node version, so the two cannot drift apart unnoticed (tests run both
 * against one vector). The key comes from one of:
 * - a KeyValueStore id (a string): read from that store's `packageCookieKey` on every request;
 * - `{ embeddedKey }`: written into the code. The AWS content distribution uses this with a
 *   CloudFormation dynamic reference to a Secrets Manager secret, resolved at deploy time (so the
 *   key is in neither this source nor the template); filling a KeyValueStore from a secret would
 *   need a deploy-time writer signing with SigV4A (see infra/README.md).
 */
export function cloudFrontVerifierSource(keySource: string | { embeddedKey: string }): string {
  const embedded = typeof keySource === 'object';
  if (embedded && !/^[A-Za-z0-9_${}.:\[\]-]+$/.test(keySource.embeddedKey)) throw new Error('The embedded package-cookie key must be a plain token (letters, digits)');
  const keyStore = embedded
    ? `import crypto from 'crypto';
const packageCookieKey = '${keySource.embeddedKey}';`
    : `import cf from 'cloudfront';
import crypto from 'crypto';
const kvs = cf.kvs('${keySource}');`;
  const readKey = embedded ? 'key = packageCookieKey;' : "try { key = await kvs.get('packageCookieKey'); } catch (e) { return deny(); }";
  return `${keyStore}
const prefixRe = /^\\/packages\\/([A-Za-z0-9_-]{1,80})\\/([A-Za-z0-9_-]{1,80})\\//;
const valueRe = /^(\\d{1,12})\\.([A-Za-z0-9_-]{43})$/;
function deny() { return { statusCode: 403, statusDescription: 'Forbidden', headers: { 'cache-control': { value: 'no-store' } } }; }
async function handler(event) {
  const request = event.request;
  const m = prefixRe.exec(request.uri);
  if (!m || request.uri.indexOf('/../') >= 0 || request.uri.indexOf('%2e%2e') >= 0 || request.uri.indexOf('%2E%2E') >= 0) return deny();
  const prefix = m[0];
  const cookie = request.cookies['${packageCookieName}'];
  if (!cookie) return deny();
  const values = [cookie.value].concat((cookie.multiValue || []).map(function (v) { return v.value; }));
  let key;
  ${readKey}
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < values.length; i++) {
    const v = valueRe.exec(values[i] || '');
    if (!v || Number(v[1]) <= now) continue;
    const expected = crypto.createHmac('sha256', key).update(prefix + '|' + v[1]).digest('base64url');
    if (expected === v[2]) { delete request.cookies['${packageCookieName}']; return request; }
  }
  return deny();
}
`;
}
