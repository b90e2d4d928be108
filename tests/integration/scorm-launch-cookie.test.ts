import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { signLaunchToken } from '../../functions/src/scorm/attempts/launch-token';
import { packageCookieAllows } from '../../functions/src/scorm/player/package-cookie';
import { api, demo, stack, tokenFor } from '../support/api';
import { fixture, importPackage } from '../support/scorm';
import { createModule, syntheticEmployees, unique } from '../support/learning';

/**
 * `POST /api/scorm/runtime/launch-cookie`: the API issues the package cookie that the content
 * distribution's CloudFront Function checks (in AWS the player's `POST /launch-cookie` reaches it
 * through an origin path). The launch token is checked as by the runtime; only then a cookie for
 * exactly the attempt's package version.
 */


const path = '/api/scorm/runtime/launch-cookie';
const askCookie = (attemptId: string, authorization?: string) =>
  api(path, { method: 'POST', headers: authorization ? { authorization } : {}, json: { attemptId } });
const launch = async (token: string, moduleId: string) => {
  const res = await api(`/api/modules/${moduleId}/scorm/launch`, { method: 'POST', token });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return { attemptId: res.data.attemptId as string, token: new URLSearchParams(new URL(res.data.launchUrl).hash.slice(1)).get('launch')!, expiresAt: res.data.expiresAt as string };
};
const baseUrlOf = async (attemptId: string, token: string) => {
  const rt = await api(`/api/scorm/runtime/${attemptId}`, { headers: { authorization: `Launch ${token}` } });
  expect(rt.status).toBe(200);
  return rt.data.package.baseUrl as string;
};
/** `name=value` and the attributes of one Set-Cookie header. */
function parseSetCookie(header: string) {
  const [pair, ...attrs] = header.split(';').map((p) => p.trim());
  const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
  const attributes = Object.fromEntries(attrs.map((a) => [a.split('=')[0]!.toLowerCase(), a.includes('=') ? a.slice(a.indexOf('=') + 1) : true]));
  return { name, value, attributes };
}

let moduleId: string;
let learners: Array<{ id: string; token: string }>;

beforeAll(async () => {
  const admin = await tokenFor(demo.admin);
  moduleId = (await createModule(admin, { kind: 'elearning', title: `Golf cookie ${unique()}` })).id;
  await importPackage(admin, moduleId, fixture('golf-scorm12-basic-runtime'));
  learners = await syntheticEmployees(3, 'u-scorm-cookie');
}, 120_000);

describe('POST /api/scorm/runtime/launch-cookie', () => {
  it('answers a valid launch with the package cookie for exactly its version: Path, HttpOnly, SameSite=Strict, not beyond the launch', async () => {
    const l = await launch(learners[0]!.token, moduleId);
    const baseUrl = await baseUrlOf(l.attemptId, l.token);
    const before = Math.floor(Date.now() / 1000);
    const res = await askCookie(l.attemptId, `Launch ${l.token}`);
    expect(res.status, JSON.stringify(res.data)).toBe(204);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const c = parseSetCookie(cookies[0]!);
    expect(c.name).toBe('scorm_pkg');
    expect(c.value).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(c.attributes).toMatchObject({ path: baseUrl, httponly: true, samesite: 'Strict' });
    expect(baseUrl).toMatch(new RegExp(`^/packages/${moduleId}/[A-Za-z0-9_-]+/$`));
    // The local content origin is http: no Secure there (in AWS always, see below).
    expect(c.attributes.secure).toBeUndefined();
    const expiry = Number(c.value.split('.')[0]);
    expect(expiry).toBeGreaterThanOrEqual(before + 3600 - 5);
    expect(expiry).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 3600);
    expect(expiry).toBeLessThanOrEqual(Math.floor(Date.parse(l.expiresAt) / 1000));
    expect(Number(c.attributes['max-age'])).toBeGreaterThan(3590);
  });

  it('signs with SCORM_PACKAGE_COOKIE_KEY: the cookie unlocks files of its version and nothing else, and is Secure in AWS', async () => {
    const key = 'k'.repeat(48);
    // The same app and data as the stack, with the key (and the https content origin) CloudFront would share.
    const app = createApp(buildDeps(loadConfig({ ...stack().env, SCORM_PACKAGE_COOKIE_KEY: key, CONTENT_ORIGIN: 'https://inhoud.ggz-voorbeeld.nl' })));
    const l = await launch(learners[1]!.token, moduleId);
    const baseUrl = await baseUrlOf(l.attemptId, l.token);
    const res = await app.fetch(
      new Request(`http://localhost${path}`, { method: 'POST', headers: { authorization: `Launch ${l.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ attemptId: l.attemptId }) }),
    );
    expect(res.status, await res.clone().text()).toBe(204);
    const c = parseSetCookie(res.headers.getSetCookie()[0]!);
    expect(c.attributes.secure).toBe(true);
    const header = `scorm_pkg=${c.value}`;
    const now = Math.floor(Date.now() / 1000);
    expect(packageCookieAllows(key, `${baseUrl}shared/launchpage.html`, header, now)).toBe(true);
    expect(packageCookieAllows(key, `/packages/${moduleId}/other/index.html`, header, now)).toBe(false);
    expect(packageCookieAllows('x'.repeat(48), `${baseUrl}shared/launchpage.html`, header, now)).toBe(false);
  });

  it('refuses without a valid launch token for that attempt, and sets no cookie', async () => {
    const mine = await launch(learners[2]!.token, moduleId);
    const other = await launch(learners[0]!.token, moduleId);
    const expired = await signLaunchToken(
      loadConfig(stack().env),
      { attemptId: mine.attemptId, learnerId: learners[2]!.id, moduleId, packageVersion: 1, launch: 1 },
      new Date(Date.now() - 9 * 3600_000),
    );
    const cases: Array<[string, string | undefined, number, string?]> = [
      ['no token', undefined, 401],
      ['an app token', `Bearer ${learners[2]!.token}`, 401],
      ['a forged token', `Launch ${mine.token.slice(0, -4)}AAAA`, 401, 'launch-invalid'],
      ['an expired token', `Launch ${expired.token}`, 401, 'launch-expired'],
      ["another learner's attempt's token", `Launch ${other.token}`, 403],
    ];
    for (const [name, authorization, status, code] of cases) {
      const res = await askCookie(mine.attemptId, authorization);
      expect(res.status, `${name}: ${JSON.stringify(res.data)}`).toBe(status);
      expect(res.data.status, name).toBe(status);
      if (code) expect(res.data.code, name).toBe(code);
      expect(res.headers.getSetCookie(), name).toEqual([]);
    }
    // No attempt named: refused before anything else is looked at.
    const bare = await api(path, { method: 'POST', headers: { authorization: `Launch ${mine.token}` }, json: {} });
    expect([400, 422]).toContain(bare.status);
    expect(bare.headers.getSetCookie()).toEqual([]);
  });

  it('refuses an older launch of the attempt (superseded) and a finished attempt', async () => {
    const me = learners[2]!;
    const older = await launch(me.token, moduleId);
    const newer = await launch(me.token, moduleId);
    expect(newer.attemptId).toBe(older.attemptId);
    const superseded = await askCookie(older.attemptId, `Launch ${older.token}`);
    expect(superseded.status).toBe(409);
    expect(superseded.data.code).toBe('superseded');
    expect(superseded.headers.getSetCookie()).toEqual([]);

    // Passing the golf course (1.2: lesson_status passed) on a terminate commit finishes the attempt.
    const commit = await api(`/api/scorm/runtime/${newer.attemptId}/scos/item_1/commit?terminate=true`, {
      method: 'POST',
      headers: { authorization: `Launch ${newer.token}` },
      json: { cmi: { core: { lesson_status: 'passed', exit: '', session_time: '00:00:30', score: { raw: '90', min: '0', max: '100' } } }, commitSequence: 1 },
    });
    expect(commit.status, JSON.stringify(commit.data)).toBe(200);
    expect(commit.data.attempt.status).toBe('completed');
    const finished = await askCookie(newer.attemptId, `Launch ${newer.token}`);
    expect(finished.status).toBe(409);
    expect(finished.data.code).toBe('attempt-finished');
    expect(finished.headers.getSetCookie()).toEqual([]);
  });
});
