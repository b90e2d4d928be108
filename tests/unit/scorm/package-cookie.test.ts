import { describe, expect, it } from 'vitest';
import { cloudFrontVerifierSource, packageCookieAllows, packageCookieValue, packagePrefixOf, packageSetCookie } from '../../../functions/src/scorm/player/package-cookie';

const key = Buffer.alloc(32, 7);
const prefix = '/packages/mod1/imp1/';

describe('package cookie', () => {
  it('unlocks exactly its prefix until it expires', () => {
    const cookie = `scorm_pkg=${packageCookieValue(key, prefix, 2000)}`;
    expect(packageCookieAllows(key, `${prefix}shared/launchpage.html`, cookie, 1000)).toBe(true);
    expect(packageCookieAllows(key, '/packages/mod1/imp2/index.html', cookie, 1000)).toBe(false);
    expect(packageCookieAllows(key, '/packages/mod2/imp1/index.html', cookie, 1000)).toBe(false);
    expect(packageCookieAllows(key, `${prefix}x.html`, cookie, 2000)).toBe(false);
    expect(packageCookieAllows(Buffer.alloc(32, 8), `${prefix}x.html`, cookie, 1000)).toBe(false);
    expect(packageCookieAllows(key, `${prefix}x.html`, cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 1000)).toBe(false);
    expect(packageCookieAllows(key, `${prefix}x.html`, `scorm_pkg=3000.${packageCookieValue(key, prefix, 2000).split('.')[1]}`, 1000)).toBe(false);
    expect(packageCookieAllows(key, `${prefix}x.html`, undefined, 1000)).toBe(false);
  });

  it('is set for the prefix only, HttpOnly and SameSite=Strict', () => {
    const header = packageSetCookie(key, prefix, 4600, { secure: true, now: 1000 });
    expect(header).toMatch(/^scorm_pkg=4600\.[A-Za-z0-9_-]{43}; Path=\/packages\/mod1\/imp1\/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure$/);
    expect(() => packageCookieValue(key, '/packages/../x/', 1)).toThrow();
    expect(packagePrefixOf('/player/index.html')).toBeUndefined();
  });

  it('the CloudFront Function source names the same cookie and message format', () => {
    const src = cloudFrontVerifierSource('kvs-id');
    expect(src).toContain("cf.kvs('kvs-id')");
    expect(src).toContain("request.cookies['scorm_pkg']");
    expect(src).toContain("prefix + '|' + v[1]");
  });
});
