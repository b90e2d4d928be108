import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it, vi } from 'vitest';
import { z as plainZod } from 'zod';
import { onError, problemJson } from '../../functions/src/platform/http/errors';
import { currentLanguage, languageOf, say, text, useRequestLanguageForValidation, withLanguage } from '../../functions/src/platform/http/language';
import { createLogger } from '../../functions/src/platform/http/logging';
import { requestContext } from '../../functions/src/platform/http/middleware';
import { Problem, problemBody, problemTypes } from '../../functions/src/platform/http/problem';
import { newRouter } from '../../functions/src/platform/http/router';
import { body, json } from '../../functions/src/platform/http/contract';

describe('languageOf (Accept-Language)', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['nl', 'nl'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['en-US', 'en'],
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['nl;q=0.5,en;q=0.8', 'en'],
    ['en;q=0.3,nl;q=0.7', 'nl'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'], // an unsupported first choice: the best supported one
    ['fr,de', 'nl'], // nothing supported: Dutch
    ['*', 'nl'],
    ['en;q=0', 'nl'], // q=0 means "not this one"
    ['en;q=abc', 'nl'],
    ['en;q=0.8,nl;q=0.8', 'nl'], // a tie: Dutch
    [';;;,,,', 'nl'],
    ['en-', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(languageOf(header)).toBe(expected);
  });
});

describe('problemBody picks one language', () => {
  const extensions = { errors: [{ path: 'title', message: text('Minstens 3 tekens', 'At least 3 characters') }], currentRevision: 4 };

  it('Dutch unless told', () => {
    const body = problemBody('versionConflict', { detail: text('Laad opnieuw', 'Reload'), extensions });
    expect(body).toMatchObject({ title: 'Iemand anders heeft dit intussen gewijzigd', detail: 'Laad opnieuw', errors: [{ path: 'title', message: 'Minstens 3 tekens' }], currentRevision: 4 });
  });

  it('English when asked: title, detail and every field message', () => {
    const body = problemBody('versionConflict', { detail: text('Laad opnieuw', 'Reload'), language: 'en', extensions });
    expect(body).toMatchObject({ title: 'Someone else has changed this in the meantime', detail: 'Reload', errors: [{ path: 'title', message: 'At least 3 characters' }], currentRevision: 4 });
  });

  it('has every title in both languages, and they differ where the words do', () => {
    for (const [kind, t] of Object.entries(problemTypes)) {
      expect(t.title.nl, kind).toBeTruthy();
      expect(t.title.en, kind).toBeTruthy();
      if (kind !== 'conflict') expect(t.title.en, kind).not.toBe(t.title.nl);
    }
  });
});

describe('the request language, from middleware to response', () => {
  useRequestLanguageForValidation();
  const deps = { config: { mode: 'local' }, logger: createLogger('test') } as never;
  const app = newRouter();
  app.use('*', requestContext(deps));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/things',
      request: body(z.object({ name: z.string().min(3, say('Minstens 3 tekens', 'At least 3 characters')), count: z.number().int() })),
      responses: { 200: json(z.object({ ok: z.boolean() }), 'ok') },
    }),
    (c) => c.json({ ok: true }, 200),
  );
  app.get('/gone', () => {
    throw new Problem('notFound', text('Geen ding met id 7', 'No thing with id 7'));
  });
  app.get('/language', (c) => c.json({ context: c.get('language'), stored: currentLanguage() }));
  app.get('/direct', (c) => problemJson(c, 'forbidden', text('Niet voor jou', 'Not for you')));
  app.onError((err, c) => onError(err, c as never));

  const send = async (path: string, language?: string, payload?: unknown): Promise<Response> =>
    app.request(path, {
      method: payload === undefined ? 'GET' : 'POST',
      headers: { ...(language ? { 'accept-language': language } : {}), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });

  it('sets the language once, on the context and for everything the request runs', async () => {
    expect(await (await send('/language')).json()).toEqual({ context: 'nl', stored: 'nl' });
    expect(await (await send('/language', 'en-GB,en;q=0.9')).json()).toEqual({ context: 'en', stored: 'en' });
  });

  it('answers a thrown Problem in the request language, with Content-Language', async () => {
    const nl = await send('/gone');
    expect(nl.headers.get('content-language')).toBe('nl');
    expect(nl.headers.get('vary')?.toLowerCase()).toContain('accept-language');
    expect(await nl.json()).toMatchObject({ title: 'Niet gevonden', detail: 'Geen ding met id 7' });
    const en = await send('/gone', 'en');
    expect(en.headers.get('content-language')).toBe('en');
    expect(await en.json()).toMatchObject({ title: 'Not found', detail: 'No thing with id 7' });
    expect(await (await send('/direct', 'en')).json()).toMatchObject({ title: 'No access', detail: 'Not for you' });
  });

  it("parses inside the request's language: zod's own messages and `say` messages both follow it", async () => {
    const nl = await (await send('/things', undefined, { name: 'x', count: 'veel' })).json();
    expect(nl.detail).toBe('Controleer de gemarkeerde velden.');
    expect(nl.errors).toEqual([
      { path: 'name', message: 'Minstens 3 tekens' },
      { path: 'count', message: expect.stringMatching(/^Ongeldige invoer: verwacht getal/) },
    ]);
    const en = await (await send('/things', 'en', { name: 'x', count: 'veel' })).json();
    expect(en.detail).toBe('Check the highlighted fields.');
    expect(en.errors).toEqual([
      { path: 'name', message: 'At least 3 characters' },
      { path: 'count', message: expect.stringMatching(/^Invalid input: expected number/) },
    ]);
  });

  it('keeps concurrent requests in their own language', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send('/things', i % 2 ? 'en' : 'nl', { name: 'x', count: 1 }).then((r) => r.json() as Promise<{ errors: Array<{ message: string }> }>)));
    answers.forEach((a, i) => expect(a.errors[0]?.message).toBe(i % 2 ? 'At least 3 characters' : 'Minstens 3 tekens'));
  });

  it('translates the refusals Hono makes itself that a client can cause', async () => {
    const res = await app.request('/things', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: '{nope' });
    expect(await res.json()).toMatchObject({ status: 400, title: 'Bad request', detail: 'The request body is not valid JSON' });
    const nl = await app.request('/things', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(await nl.json()).toMatchObject({ status: 400, title: 'Ongeldig verzoek', detail: 'De inhoud van het verzoek is geen geldige JSON' });
  });

  it('outside a request, zod speaks Dutch; @hono/zod-openapi shares the one zod instance', () => {
    expect(z).toBe(plainZod);
    const issue = plainZod.string().min(2).safeParse('x').error!.issues[0]!;
    expect(issue.message).toMatch(/^Te kort/);
    expect(withLanguage('en', () => plainZod.string().min(2).safeParse('x').error!.issues[0]!.message)).toMatch(/^Too small/);
  });
});

describe('one request language per process', () => {
  it('holds when this module is loaded twice (two local stacks in one test runner): zod reads the store the middleware set', async () => {
    const first = await import('../../functions/src/platform/http/language');
    vi.resetModules();
    const second = await import('../../functions/src/platform/http/language');
    expect(second).not.toBe(first); // really two copies of the module
    first.useRequestLanguageForValidation();
    second.useRequestLanguageForValidation(); // the last one configures zod, which is one per process
    const message = first.withLanguage('en', () => plainZod.string().safeParse(1).error!.issues[0]!.message);
    expect(message).toMatch(/expected string/i);
    useRequestLanguageForValidation();
  });
});
