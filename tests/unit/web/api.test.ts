import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ProblemError, toProblemError } from '../../../web/src/api';
import { lang, setLang } from '../../../web/src/i18n';
import { parseConfig } from '../../../web/src/config';

describe('toProblemError', () => {
  it('keeps the fields of an RFC 9457 body', async () => {
    const res = new Response(
      JSON.stringify({ type: 'https://x/problems/forbidden', title: 'Geen toegang', status: 403, detail: 'Alleen voor medewerkers.', instance: '/api/x', requestId: 'req-1' }),
      { status: 403, headers: { 'content-type': 'application/problem+json' } },
    );
    const err = await toProblemError(res);
    expect(err).toBeInstanceOf(ProblemError);
    expect(err).toMatchObject({ title: 'Geen toegang', status: 403, detail: 'Alleen voor medewerkers.', requestId: 'req-1' });
  });

  it('falls back to a generic Dutch message for non-JSON errors', async () => {
    const err = await toProblemError(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(err.status).toBe(502);
    expect(err.title).toBe('Er ging iets mis');
  });
});

describe('api', () => {
  afterEach(() => {
    if (lang() !== 'nl') setLang('nl');
    vi.unstubAllGlobals();
  });

  it("asks the API to answer in the UI's language", async () => {
    vi.stubGlobal('document', { documentElement: {} });
    const sent: Array<string | undefined> = [];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      sent.push((init.headers as Record<string, string>)['Accept-Language']);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await api('/api/me');
    setLang('en');
    await api('/api/me');
    expect(sent).toEqual(['nl', 'en']);
  });
});

describe('parseConfig', () => {
  it('accepts local and aws shapes and rejects incomplete aws config', () => {
    expect(parseConfig({ mode: 'local', contentOrigin: 'http://localhost:1' }).mode).toBe('local');
    const aws = parseConfig({ mode: 'aws', contentOrigin: 'c', region: 'r', userPoolId: 'p', clientId: 'id', cognitoDomain: 'https://d.example/' });
    expect(aws.mode === 'aws' && aws.cognitoDomain).toBe('https://d.example');
    expect(() => parseConfig({ mode: 'aws', contentOrigin: 'c' })).toThrow(/region/);
    expect(() => parseConfig({})).toThrow(/mode/);
  });
});
