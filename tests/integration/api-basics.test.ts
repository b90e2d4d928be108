import { describe, expect, it } from 'vitest';
import { api, stack, tokenFor, demo } from '../support/api';

const problemType = (kind: string) => `https://academie.example/problems/${kind}`;

describe('API basics', () => {
  it('reports table and buckets healthy', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(res.data.status).toBe('ok');
    expect(Object.keys(res.data.checks).sort()).toEqual(['attachmentsBucket', 'contentBucket', 'table', 'uploadsBucket']);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an unknown route with a 404 problem that carries the request id', async () => {
    const res = await api('/api/bestaat-niet');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.data.type).toBe(problemType('not-found'));
    expect(res.data.requestId).toBe(res.headers.get('x-request-id'));
    expect(res.data.instance).toBe('/api/bestaat-niet');
  });

  it('keeps a well-formed incoming request id and replaces a malformed one', async () => {
    const kept = await api('/api/bestaat-niet', { headers: { 'x-request-id': 'trace-abcdef123' } });
    expect(kept.data.requestId).toBe('trace-abcdef123');
    const replaced = await api('/api/bestaat-niet', { headers: { 'x-request-id': '<script>' } });
    expect(replaced.data.requestId).not.toBe('<script>');
    expect(replaced.data.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects invalid bodies with per-field messages', async () => {
    const res = await api('/api/dev/token', { method: 'POST', json: { userId: 42, extra: true } });
    expect(res.status).toBe(400);
    expect(res.data.type).toBe(problemType('validation'));
    expect(res.data.errors).toEqual([expect.objectContaining({ path: 'userId', message: expect.any(String) })]);
  });

  it('rejects malformed JSON with a 400 problem, not a 500', async () => {
    const res = await api('/api/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('rejects oversized bodies with 413 before parsing them', async () => {
    const res = await api('/api/dev/token', { method: 'POST', json: { userId: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.data.type).toBe(problemType('payload-too-large'));
  });

  it('serves an OpenAPI 3.1 document generated from the routes, and a browsable reference', async () => {
    const doc = await api('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.data.openapi).toBe('3.1.0');
    expect(Object.keys(doc.data.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/me']));
    expect(doc.data.components.schemas.Problem).toBeDefined();
    const page = await fetch(`${stack().appUrl}/api/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('/api/health');
    expect(html).toContain('/api/me');
  });

  it('serves the web shell with a strict CSP and SPA fallback, but a missing asset stays 404', async () => {
    const page = await fetch(`${stack().appUrl}/een/client/route`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`frame-src ${stack().contentUrl}`);
    expect((await fetch(`${stack().appUrl}/assets/bestaat-niet.js`)).status).toBe(404);
  });

  it('runs the content origin on its own port, frameable only by the app', async () => {
    const res = await fetch(stack().contentUrl);
    expect(res.status).toBe(200);
    expect(new URL(stack().contentUrl).origin).not.toBe(new URL(stack().appUrl).origin);
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${stack().appUrl}`);
  });

  it('serves runtime config for the web shell', async () => {
    const res = await api('/config.json');
    expect(res.data).toEqual({ mode: 'local', contentOrigin: stack().contentUrl });
  });

  it('lists demo users of every role for the local sign-in page', async () => {
    const res = await api('/api/dev/users');
    expect(res.status).toBe(200);
    const roles = new Set(res.data.flatMap((u: { roles: string[] }) => u.roles));
    expect([...roles].sort()).toEqual(['academy-admin', 'author', 'employee', 'partner', 'team-manager', 'trainer']);
    const partner = res.data.find((u: { id: string }) => u.id === demo.partner);
    expect(partner.organisationName).toBe('Huisartsenpraktijk De Linde');
  });

  it('refuses a token for an unknown user', async () => {
    const res = await api('/api/dev/token', { method: 'POST', json: { userId: 'u-bestaat-niet' } });
    expect(res.status).toBe(404);
    await expect(tokenFor('u-bestaat-niet')).rejects.toThrow(/404/);
  });
});
