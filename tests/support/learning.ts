import { expect } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { api, stack } from './api';

/** Tokens for made-up employees, so load tests need no seeded users. */
export async function syntheticEmployees(n: number, prefix = 'u-load') {
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  const run = Math.random().toString(36).slice(2, 7);
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const id = `${prefix}-${run}-${i}`;
      return { id, token: await issuer.mint({ id, name: `Deelnemer ${i}`, roles: ['employee'] }) };
    }),
  );
}

export const unique = () => Math.random().toString(36).slice(2, 8);

export async function createModule(token: string, input: Record<string, unknown>) {
  const res = await api('/api/modules', {
    method: 'POST',
    token,
    json: { description: 'Beschrijving van de module voor de test.', durationMinutes: 60, enrolAudience: 'employees', status: 'published', accreditation: [], ...input },
  });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data as { id: string; rev: number };
}

export async function createSession(token: string, moduleId: string, input: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + 14 * 86400_000);
  const res = await api(`/api/modules/${moduleId}/sessions`, {
    method: 'POST',
    token,
    json: { start: start.toISOString(), end: new Date(start.getTime() + 3 * 3600_000).toISOString(), location: 'Zaal 1.01', trainers: [{ id: 'u-ingrid-jansen', name: 'Ingrid Jansen' }], capacity: 10, ...input },
  });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data as { id: string };
}
