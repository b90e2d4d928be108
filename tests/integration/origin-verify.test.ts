import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { originVerifyHeader } from '../../functions/src/platform/http/origin-verify';
import { api, stack } from '../support/api';

/**
 * CloudFront-only API: with ORIGIN_VERIFY_SECRET set (as in AWS), a request without the header
 * CloudFront adds is refused before anything else runs; the local server has no secret.
 */
describe('origin verification', () => {
  const secret = 'cloudfront-origin-secret-for-tests-0123456789';
  const app = () => createApp(buildDeps(loadConfig({ ...stack().env, ORIGIN_VERIFY_SECRET: secret })));

  it('refuses requests that did not come through CloudFront with a 403 problem', async () => {
    const a = app();
    for (const headers of [{}, { [originVerifyHeader]: 'wrong' }, { [originVerifyHeader]: `${secret}x` }] as Array<Record<string, string>>) {
      const res = await a.request('/api/health', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await res.json()) as { type: string; requestId: string };
      expect(body.type).toBe('https://academie.example/problems/forbidden');
      expect(res.headers.get('x-request-id')).toBe(body.requestId);
    }
  });

  it('serves requests that carry the secret', async () => {
    const res = await app().request('/api/health', { headers: { [originVerifyHeader]: secret } });
    expect(res.status).toBe(200);
    // Past the check, the normal rules apply: an operation that needs sign-in still answers 401.
    expect((await app().request('/api/me', { headers: { [originVerifyHeader]: secret } })).status).toBe(401);
  });

  it('refuses everything in AWS mode when the secret is missing, instead of letting requests around CloudFront', async () => {
    const config = { ...loadConfig(stack().env), mode: 'aws' as const, originVerifySecret: undefined };
    const res = await createApp(buildDeps(config)).request('/api/health');
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('needs a secret of at least 32 characters', () => {
    expect(() => loadConfig({ ...stack().env, ORIGIN_VERIFY_SECRET: 'short' })).toThrow(/ORIGIN_VERIFY_SECRET/);
  });

  it('is off on the local server, which has no CloudFront in front', async () => {
    expect((await api('/api/health')).status).toBe(200);
  });
});
