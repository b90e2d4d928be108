import { beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '../../functions/src/platform/http/rate-limit';
import { api, demo, tokenFor } from '../support/api';
import { publishArticle, uniqueWord } from '../support/knowledge';
import { createModule, syntheticEmployees } from '../support/learning';

/**
 * What the API says to people follows the request's `Accept-Language`: Dutch by default and for
 * `nl`, English for `en` (functions/src/platform/http/language.ts). Title, detail and every field
 * message of a problem are in one language, named by `Content-Language`.
 */

/** The three ways a client asks: not at all, Dutch, and English the way a browser sends it. */
const asked = { default: undefined, nl: 'nl', en: 'en-GB,en;q=0.9' } as const;
type Asked = keyof typeof asked;

type Call = { method?: string; path: string; token?: string; json?: unknown; body?: string; headers?: Record<string, string> };

function send(call: Call, language: Asked) {
  const headers: Record<string, string> = { ...call.headers };
  if (asked[language]) headers['accept-language'] = asked[language]!;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  return api(call.path, { method: call.method ?? 'GET', token: call.token, json: call.json, body: call.body, headers });
}

/** Sends the call in each of the three ways; Dutch twice (unasked, asked), English once. */
async function inEachLanguage(call: Call) {
  const [unasked, nl, en] = await Promise.all((['default', 'nl', 'en'] as const).map((l) => send(call, l)));
  for (const [res, lang] of [[unasked!, 'nl'], [nl!, 'nl'], [en!, 'en']] as const) {
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('content-language')).toBe(lang);
  }
  expect(nl!.data).toEqual({ ...unasked!.data, requestId: nl!.data.requestId });
  expect(en!.status).toBe(nl!.status);
  return { nl: nl!, en: en! };
}

/** Common words of one language that the other language's messages never contain. */
const dutchWords = /\b(de|het|een|niet|geen|van|je|dit|deze|alleen|moet|bestaat|meld|ongeldige|verwacht)\b/i;
const englishWords = /\b(the|not|you|your|must|only|this|does|expected|invalid|malformed|request|sign|too)\b/i; // not 'of': Dutch for 'or'

/** Ids in the sweep are neutral (`qq7`), so no language's words come from the request itself. */
const missing = 'x-qq7';

/** Everything a problem says to a person, as one list. */
const words = (data: { title?: string; detail?: string; errors?: Array<{ message: string }> }) => [data.title ?? '', data.detail ?? '', ...(data.errors ?? []).map((e) => e.message)];

let author: string;
let admin: string;
let employee: string;
let draftModule: string;

beforeAll(async () => {
  [author, admin, employee] = await Promise.all([tokenFor(demo.author2), tokenFor(demo.admin), tokenFor(demo.employee)]);
  draftModule = (await createModule(admin, { kind: 'classroom', title: `Taal ${uniqueWord()}`, status: 'draft' })).id;
});

const invalidArticle = () => ({
  method: 'POST',
  path: '/api/articles',
  token: author,
  json: { networkId: 'suicidepreventie', title: 'x', summary: 42, markdown: '', audience: 'internal' },
});

describe('problems in the language of the request', () => {
  it("a validation error: zod's own message and a schema's custom one", async () => {
    const { nl, en } = await inEachLanguage(invalidArticle());
    expect(nl.status).toBe(400);
    expect(nl.data).toMatchObject({ title: 'Ongeldige invoer', detail: 'Controleer de gemarkeerde velden.' });
    expect(nl.data.errors).toEqual([
      { path: 'title', message: 'Minstens 3 tekens' },
      { path: 'summary', message: expect.stringMatching(/^Ongeldige invoer: verwacht/) },
    ]);
    expect(en.data).toMatchObject({ title: 'Invalid input', detail: 'Check the highlighted fields.' });
    expect(en.data.errors).toEqual([
      { path: 'title', message: 'At least 3 characters' },
      { path: 'summary', message: expect.stringMatching(/^Invalid input: expected string/) },
    ]);
  });

  it('a custom refine message on a whole object (hand-in: text or a file)', async () => {
    const { nl, en } = await inEachLanguage({ method: 'POST', path: `/api/modules/${draftModule}/submission`, token: employee, json: { text: 'kort' } });
    expect(nl.data.errors).toEqual([{ path: 'text', message: 'Minstens 20 tekens, of lever een bestand in' }]);
    expect(en.data.errors).toEqual([{ path: 'text', message: 'At least 20 characters, or hand in a file' }]);
  });

  it('a not-found from the policy: a draft module is not there for a learner', async () => {
    const { nl, en } = await inEachLanguage({ path: `/api/modules/${draftModule}`, token: employee });
    expect(nl.status).toBe(404);
    expect(nl.data).toMatchObject({ title: 'Niet gevonden', detail: 'Deze module bestaat niet' });
    expect(en.data).toMatchObject({ title: 'Not found', detail: 'This module does not exist' });
  });

  it('a refusal from the policy names who may, in words', async () => {
    const { nl, en } = await inEachLanguage({ path: '/api/evaluations/module/m-suicidepreventie-training', token: employee });
    expect(nl.status).toBe(403);
    expect(nl.data).toMatchObject({ title: 'Geen toegang', detail: 'Dit mogen alleen de academie, trainers en auteurs' });
    expect(en.data).toMatchObject({ title: 'No access', detail: 'Only the academy, trainers and authors may do this' });
  });

  it('a conflict from a service', async () => {
    const { nl, en } = await inEachLanguage({ method: 'POST', path: '/api/evaluations', token: employee, json: { targetType: 'module', targetId: 'm-veiligheidsplan-elearning', rating: 4 } });
    expect(nl.status).toBe(409);
    expect(nl.data).toMatchObject({ title: 'Conflict', detail: 'Je kunt een module evalueren nadat je hem hebt afgerond' });
    expect(en.data).toMatchObject({ title: 'Conflict', detail: 'You can evaluate a module after you have completed it' });
  });

  it('a malformed Authorization header (401)', async () => {
    const { nl, en } = await inEachLanguage({ path: '/api/me', headers: { authorization: 'Token abc' } });
    expect(nl.status).toBe(401);
    expect(nl.data).toMatchObject({ title: 'Aanmelden vereist', detail: 'Authorization-header moet de vorm "Bearer <token>" hebben' });
    expect(en.data).toMatchObject({ title: 'Sign-in required', detail: 'The Authorization header must have the form "Bearer <token>"' });
  });

  it('a refused token (401)', async () => {
    const { nl, en } = await inEachLanguage({ path: '/api/me', headers: { authorization: 'Bearer geen.echt.token' } });
    expect(nl.data.detail).toBe('Token is ongeldig');
    expect(en.data.detail).toBe('The token is invalid');
  });

  it('the rate limit (429): title and detail', async () => {
    const { limit } = rateLimits.signals;
    const { slug } = await publishArticle({ title: `Taalgrens ${uniqueWord()}`, audience: 'internal' });
    const [reader] = await syntheticEmployees(1, 'u-lang-rate');
    const signal = (i: number) => ({ method: 'POST', path: `/api/articles/by-slug/${slug}/signals`, token: reader!.token, json: { useful: true, remark: `Opmerking ${i}` } });
    for (let i = 1; i <= limit; i++) expect((await send(signal(i), 'default')).status, `signal ${i}`).toBe(201);
    // A refused request is not counted, so each language can be asked in turn.
    const { nl, en } = await inEachLanguage(signal(limit + 1));
    expect(nl.status).toBe(429);
    expect(nl.data).toMatchObject({ title: 'Te veel verzoeken', detail: expect.stringContaining(`maximum van ${limit} signalen en vragen per 60 minuten`) });
    expect(en.data).toMatchObject({ title: 'Too many requests', detail: expect.stringContaining(`maximum of ${limit} signals and questions per 60 minutes`) });
  });
});

describe('no response mixes languages', () => {
  /** Failing requests from every layer: routing, sign-in, validation, policy, services, domain rules. */
  const sweep = (): Array<[string, Call]> => [
    ['no route', { path: `/api/${missing}` }],
    ['sign-in needed', { path: '/api/me' }],
    ['malformed Authorization', { path: '/api/me', headers: { authorization: 'Token abc' } }],
    ['refused token', { path: '/api/me', headers: { authorization: 'Bearer geen.echt.token' } }],
    ['zod: article', invalidArticle()],
    ['malformed JSON', { method: 'POST', path: '/api/articles', token: author, body: '{"title": ' }],
    ['unknown network', { method: 'POST', path: '/api/articles', token: admin, json: { networkId: missing, title: 'Een titel', summary: 'Een samenvatting van genoeg tekens.', markdown: 'Tekst', audience: 'internal' } }],
    ['missing article', { path: `/api/articles/by-slug/${missing}` }],
    ['missing article by id', { path: `/api/articles/${missing}/versions`, token: author }],
    ['hidden module', { path: `/api/modules/${draftModule}`, token: employee }],
    ['missing session', { method: 'POST', path: `/api/sessions/${missing}/enrolment`, token: employee }],
    ['missing path', { path: `/api/paths/${missing}`, token: employee }],
    ['unknown network signals', { path: `/api/networks/${missing}/signals`, token: author }],
    ['policy: forbidden', { path: '/api/evaluations/module/m-suicidepreventie-training', token: employee }],
    ['service: conflict', { method: 'POST', path: '/api/evaluations', token: employee, json: { targetType: 'path', targetId: missing, rating: 3 } }],
    ['refine: hand-in', { method: 'POST', path: `/api/modules/${draftModule}/submission`, token: employee, json: { text: 'kort' } }],
    ['refine: https link', { method: 'POST', path: `/api/modules/${draftModule}/sessions`, token: admin, json: { start: '2031-03-03T10:00:00+01:00', end: '2031-03-03T12:00:00+01:00', meetingUrl: 'http://vergadering.example', trainers: [{ id: demo.trainer, name: 'Ingrid' }], capacity: 0 } }],
    ['service: end before start', { method: 'POST', path: `/api/modules/${draftModule}/sessions`, token: admin, json: { start: '2031-03-03T12:00:00+01:00', end: '2031-03-03T10:00:00+01:00', trainers: [{ id: demo.trainer, name: 'Ingrid' }], capacity: 5 } }],
    ['domain: path rules', { method: 'POST', path: '/api/paths', token: admin, json: { title: 'Leerpad', description: '', minOptional: 2, steps: [{ id: 's1', moduleId: missing, required: true, unlockAfter: ['s2'] }, { id: 's2', moduleId: 'm-suicidepreventie-training', required: true, unlockAfter: ['s1', 's9'] }] } }],
    ['upload: unknown', { method: 'POST', path: `/api/modules/${draftModule}/files/${missing}/complete`, token: employee }],
  ];

  it('answers every failure in one language: English words only in English, Dutch only in Dutch', async () => {
    const mixed: string[] = [];
    const checked = await Promise.all(
      sweep().map(async ([name, call]) => {
        const { nl, en } = await inEachLanguage(call);
        expect(nl.status, name).toBeGreaterThanOrEqual(400);
        for (const said of words(en.data)) if (dutchWords.test(said)) mixed.push(`${name} (en): ${said}`);
        for (const said of words(nl.data)) if (englishWords.test(said)) mixed.push(`${name} (nl): ${said}`);
        return words(en.data).filter(Boolean).length;
      }),
    );
    expect(mixed).toEqual([]);
    expect(checked.reduce((a, b) => a + b, 0)).toBeGreaterThan(40);
  });
});
