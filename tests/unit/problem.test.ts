import { describe, expect, it } from 'vitest';
import { Problem, problemBody, problemTypes } from '../../functions/src/platform/http/problem';
import { text } from '../../functions/src/platform/http/language';

describe('problem details (RFC 9457)', () => {
  it('carries type, title, status, detail, instance and request id', () => {
    const body = problemBody('notFound', { detail: text('Geen artikel', 'No article'), instance: '/api/x', requestId: 'req-123456' });
    expect(body).toEqual({
      type: problemTypes.notFound.type,
      title: 'Niet gevonden',
      status: 404,
      detail: 'Geen artikel',
      instance: '/api/x',
      requestId: 'req-123456',
    });
  });

  it('never lets an extension overwrite a standard member', () => {
    const body = problemBody('conflict', { extensions: { status: 200, type: 'x', currentVersion: 3 } });
    expect(body.status).toBe(409);
    expect(body.type).toBe(problemTypes.conflict.type);
    expect(body.currentVersion).toBe(3);
  });

  it('has a unique, stable type URI per kind', () => {
    const types = Object.values(problemTypes).map((t) => t.type);
    expect(new Set(types).size).toBe(types.length);
    for (const t of types) expect(t).toMatch(/^https:\/\/academie\.example\/problems\/[a-z-]+$/);
  });

  it('maps a thrown Problem to its status', () => {
    expect(new Problem('forbidden').status).toBe(403);
    expect(new Problem('storeUnavailable').status).toBe(503);
  });
});
