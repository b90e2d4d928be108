import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';

type Operation = { security?: unknown[]; summary?: string };
type Doc = { paths: Record<string, Record<string, Operation>> };

/** Every documented operation, with its path parameters filled in by a value that exists nowhere. */
async function operations() {
  const doc = (await api('/api/openapi.json')).data as Doc;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, url: path.replace(/\{[^}]+\}/g, 'bestaat-niet'), op })),
  );
}

/**
 * Authorisation is decided in the API for every route: walking the OpenAPI document (so a new
 * route is covered the day it is added), no operation that asks for sign-in answers an anonymous
 * caller with anything but 401, and no operation answers a caller without the right role with
 * success or a server error.
 */
describe('route guards across the whole API', () => {
  it('answers 401 problem+json to anonymous callers on every operation that requires sign-in', async () => {
    const guarded = (await operations()).filter((o) => o.op.security && o.op.security.length > 0);
    expect(guarded.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const o of guarded) {
      const res = await api(o.url, { method: o.method, ...(o.method === 'GET' ? {} : { json: {} }) });
      if (res.status !== 401 || res.data?.status !== 401) failures.push(`${o.method} ${o.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('never gives a partner success or a server error on the academy\'s, trainers\' and authors\' operations', async () => {
    const partner = await tokenFor(demo.partner);
    const staffOnly = (await operations()).filter(
      (o) => o.op.security?.length && o.method !== 'GET' && /^\/api\/(academy|paths|trainer|articles|networks)|\/sessions$|\/review$|\/attendance\//.test(o.path) && !/\/signals$|\/enrol$/.test(o.path),
    );
    expect(staffOnly.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const o of staffOnly) {
      const res = await api(o.url, { method: o.method, token: partner, json: {} });
      if (res.status < 400 || res.status >= 500) failures.push(`${o.method} ${o.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
