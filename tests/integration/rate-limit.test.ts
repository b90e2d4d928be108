import { describe, expect, it } from 'vitest';
import { rateLimits } from '../../functions/src/platform/http/rate-limit';
import { api } from '../support/api';
import { publishArticle, uniqueWord } from '../support/knowledge';
import { createModule, syntheticEmployees } from '../support/learning';
import { demo, tokenFor } from '../support/api';

/**
 * Per-user limits on requests that make work for others (functions/src/platform/http/rate-limit.ts).
 * Fresh synthetic users, so the demo users other test files sign in as are never counted here.
 */

/** Limits count per fixed window: start a run clear of a window's end, so all of it falls in one window. */
async function clearOfWindowEnd(windowSeconds: number, marginSeconds = 20) {
  const left = windowSeconds - (Math.floor(Date.now() / 1000) % windowSeconds);
  if (left < marginSeconds) await new Promise((r) => setTimeout(r, left * 1000 + 250));
}

const signal = (slug: string, token: string, i: number) =>
  api(`/api/articles/by-slug/${slug}/signals`, { method: 'POST', token, json: { useful: false, remark: `Vraag ${i}: geldt dit ook thuis?` } });

describe('rate limits per user', () => {
  it(`answers the signal after the ${rateLimits.signals.limit}th in a window with 429 problem+json and Retry-After; others are unaffected`, async () => {
    const { limit, windowSeconds } = rateLimits.signals;
    const { slug } = await publishArticle({ title: `Drukte ${uniqueWord()}`, audience: 'internal' });
    const [reader, other] = await syntheticEmployees(2, 'u-rate');
    await clearOfWindowEnd(windowSeconds);

    for (let i = 1; i <= limit; i++) expect((await signal(slug, reader!.token, i)).status, `signal ${i}`).toBe(201);
    const refused = await signal(slug, reader!.token, limit + 1);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.data).toMatchObject({ type: 'https://academie.example/problems/too-many-requests', title: 'Te veel verzoeken', status: 429, limit });
    expect(refused.data.detail).toContain(`${limit} signalen`);
    expect(refused.data.requestId).toEqual(expect.any(String));
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= windowSeconds, `Retry-After ${refused.headers.get('retry-after')}`).toBe(true);
    expect(refused.data.retryAfterSeconds).toBe(retryAfter);

    // The refused signal was not stored: the reader has exactly the allowed number.
    const mine = await api('/api/me/signals', { token: reader!.token });
    expect(mine.data.filter((s: { articleSlug: string }) => s.articleSlug === slug)).toHaveLength(limit);
    // Another reader of the same article, at the same moment, is not held back.
    expect((await signal(slug, other!.token, 1)).status).toBe(201);
    // Reading is never limited.
    expect((await api('/api/me/signals', { token: reader!.token })).status).toBe(200);
  });

  it('lets no more through than the limit when requests arrive at once', async () => {
    const { limit, windowSeconds } = rateLimits.signals;
    const { slug } = await publishArticle({ title: `Tegelijk ${uniqueWord()}`, audience: 'internal' });
    const [reader] = await syntheticEmployees(1, 'u-rate-burst');
    await clearOfWindowEnd(windowSeconds);
    const results = await Promise.all(Array.from({ length: limit + 5 }, (_, i) => signal(slug, reader!.token, i)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201), JSON.stringify(statuses)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429), JSON.stringify(statuses)).toHaveLength(5);
  });

  it(`limits starting uploads to ${rateLimits.uploads.limit} per window`, async () => {
    const { limit, windowSeconds } = rateLimits.uploads;
    const assignment = await createModule(await tokenFor(demo.admin), { kind: 'assignment', title: `Uploads ${uniqueWord()}` });
    const [learner] = await syntheticEmployees(1, 'u-rate-upload');
    await clearOfWindowEnd(windowSeconds);
    const start = () =>
      api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: learner!.token, json: { fileName: 'verslag.pdf', contentType: 'application/pdf', bytes: 100 } });
    for (let i = 0; i < limit; i += 10) {
      const batch = await Promise.all(Array.from({ length: Math.min(10, limit - i) }, start));
      expect(batch.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    }
    const refused = await start();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
