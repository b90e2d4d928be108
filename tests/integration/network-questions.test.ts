import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { createNetwork } from '../../functions/src/networks';
import type { Role } from '../../functions/src/platform/auth/roles';
import { api, stack } from '../support/api';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/src/platform/store/keys';

/**
 * Consultation questions: a member asks their network, the check refuses client identifiers, lead
 * experts and network authors answer, the asker reads the answer on Mijn vragen, and an answered
 * question becomes one draft article of the network, linked both ways. A network of its own, with
 * made-up people, so nothing here meets another test file.
 */
const run = Math.random().toString(36).slice(2, 7);
const networkId = `n-vragen-${run}`;
type Who = 'lead' | 'author' | 'member' | 'outsider' | 'outsideAuthor' | 'partner' | 'admin';
const roles: Record<Who, Role[]> = {
  lead: ['employee'],
  author: ['author', 'employee'],
  member: ['employee'],
  outsider: ['employee'],
  outsideAuthor: ['author', 'employee'],
  partner: ['partner'],
  admin: ['academy-admin', 'employee'],
};
const id = (w: Who) => `u-vragen-${w.toLowerCase()}-${run}`;
const token = {} as Record<Who, string>;
const as = (w: Who, method: string, path: string, json?: unknown) => api(path, { method, token: token[w], ...(json !== undefined ? { json } : {}) });

const question = {
  title: 'Suïcidaliteit bespreken met een jongere na opname',
  body: 'Hoe bespreek je suïcidaliteit met een jongere die net uit een opname komt, en wanneer betrek je de ouders? Wij twijfelen over het moment.',
};
const answerText = 'Begin in het eerste gesprek na ontslag, open en concreet. Vraag de jongere wie er mag meekijken en maak samen een veiligheidsplan; ouders betrek je vanaf het begin, met toestemming.';

beforeAll(async () => {
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  for (const w of Object.keys(roles) as Who[]) token[w] = await issuer.mint({ id: id(w), name: `Vragen ${w}`, roles: roles[w], ...(w === 'partner' ? { organisationId: 'org-hap-de-linde' } : {}) });
  const store = buildDeps(loadConfig(stack().env)).store;
  await createNetwork(store, { id: networkId, name: `Proefnetwerk vragen ${run}`, theme: 'proef', description: 'Een netwerk voor de proef met consultatievragen.', leads: [id('lead')] }, [
    { userId: id('lead'), name: 'Vragen lead', role: 'lead' },
    { userId: id('author'), name: 'Vragen author', role: 'member' },
    { userId: id('member'), name: 'Vragen member', role: 'member' },
  ]);
});

describe('consultation questions', () => {
  it('lets a member ask and refuses a non-member, a partner and an anonymous caller', async () => {
    const asked = await as('member', 'POST', `/api/networks/${networkId}/questions`, { ...question, visibility: 'network' });
    expect(asked.status, JSON.stringify(asked.data)).toBe(201);
    expect(asked.data).toMatchObject({ networkId, status: 'open', visibility: 'network', asker: { id: id('member') }, mayAnswer: false });
    expect(Date.parse(asked.data.askedAt)).toBeGreaterThan(Date.now() - 60_000);
    // The network's "recent activity" moved with it.
    expect((await as('member', 'GET', `/api/networks/${networkId}`)).data.lastActivityAt >= asked.data.askedAt).toBe(true);
    for (const w of ['outsider', 'outsideAuthor', 'partner'] as const) expect((await as(w, 'POST', `/api/networks/${networkId}/questions`, question)).status, w).toBe(403);
    expect((await api(`/api/networks/${networkId}/questions`, { method: 'POST', json: question })).status).toBe(401);
    expect((await as('member', 'POST', `/api/networks/n-bestaat-niet-${run}/questions`, question)).status).toBe(404);
  });

  it('refuses a BSN or a date of birth with 422, saying what and where, in both languages', async () => {
    const bsn = await as('member', 'POST', `/api/networks/${networkId}/questions`, { title: question.title, body: 'Cliënt met BSN 123.456.782 vraagt om een second opinion; hoe pakken jullie dat aan?' });
    expect(bsn.status).toBe(422);
    expect(bsn.data.detail).toContain('BSN-nummer in de vraag');
    expect(bsn.data.detail).not.toContain('123.456.782');
    expect(bsn.data.errors).toEqual([{ path: 'body', message: expect.stringContaining('BSN') }]);
    expect(bsn.data.identifiers).toEqual([{ kind: 'bsn', field: 'body', index: 15 }]);

    const born = await api(`/api/networks/${networkId}/questions`, {
      method: 'POST',
      token: token.member,
      headers: { 'accept-language': 'en' },
      json: { title: 'Mevrouw geboren 14-03-1987', body: 'Welke dosering adviseren jullie bij een eerste depressieve episode op latere leeftijd?' },
    });
    expect(born.status).toBe(422);
    expect(born.data.detail).toContain('a date (of birth) in the title');
    expect(born.data.errors[0].path).toBe('title');

    // A written date of birth and a phone number, each named.
    const written = await as('member', 'POST', `/api/networks/${networkId}/questions`, { title: question.title, body: 'Zij is geboren op 3 mei 1990 en bereikbaar op 06-12345678; wie kan meedenken?' });
    expect(written.status).toBe(422);
    expect(written.data.identifiers.map((f: { kind: string }) => f.kind)).toEqual(['birthdate', 'phone']);
    // Nothing was stored.
    expect((await as('member', 'GET', '/api/me/questions')).data.filter((q: { title: string }) => q.title.includes('1987'))).toEqual([]);
  });

  it('lets the lead and the network author answer, shows the answer to the asker, and turns it into one draft article', async () => {
    const q = (await as('member', 'POST', `/api/networks/${networkId}/questions`, { ...question, visibility: 'network' })).data;
    // Members who are not lead or author answer nothing; nor does an author of another network.
    expect((await as('member', 'POST', `/api/networks/${networkId}/questions/${q.id}/answer`, { answer: answerText })).status).toBe(403);
    expect((await as('outsideAuthor', 'POST', `/api/networks/${networkId}/questions/${q.id}/answer`, { answer: answerText })).status).toBe(404);
    // Not answered yet: no draft.
    expect((await as('lead', 'POST', `/api/networks/${networkId}/questions/${q.id}/draft-article`)).status).toBe(409);
    // An answer is checked too.
    expect((await as('lead', 'POST', `/api/networks/${networkId}/questions/${q.id}/answer`, { answer: 'Bel de moeder op 06-12345678 of mail naar moeder@example.nl voor overleg.' })).status).toBe(422);

    const answered = await as('lead', 'POST', `/api/networks/${networkId}/questions/${q.id}/answer`, { answer: answerText });
    expect(answered.status, JSON.stringify(answered.data)).toBe(200);
    expect(answered.data).toMatchObject({ status: 'answered', answer: { text: answerText, by: { id: id('lead') } }, mayDraftArticle: true });
    expect(Date.parse(answered.data.answeredAt)).toBeGreaterThanOrEqual(Date.parse(q.askedAt));
    const again = await as('author', 'POST', `/api/networks/${networkId}/questions/${q.id}/answer`, { answer: answerText });
    expect(again.status).toBe(409);
    expect(again.data.detail).toContain('Vragen lead');

    // The asker sees the answer in the app and on Mijn leren (Mijn vragen).
    const mine = await as('member', 'GET', '/api/me/questions');
    expect(mine.status).toBe(200);
    expect(mine.data.find((x: { id: string }) => x.id === q.id)).toMatchObject({ status: 'answered', answer: { text: answerText } });
    expect((await as('member', 'GET', `/api/questions/${q.id}`)).data.answer.text).toBe(answerText);

    // A plain member may not turn it into an article; the lead may, once.
    expect((await as('member', 'POST', `/api/networks/${networkId}/questions/${q.id}/draft-article`)).status).toBe(403);
    const drafted = await as('lead', 'POST', `/api/networks/${networkId}/questions/${q.id}/draft-article`);
    expect(drafted.status, JSON.stringify(drafted.data)).toBe(201);
    const articleId = drafted.data.article.id as string;
    expect(drafted.data.question.articleId).toBe(articleId);
    expect(drafted.data.article).toMatchObject({ networkId, sourceQuestionId: q.id, publishedVersion: 0, hasDraft: true });

    // The draft is the network's: its writers open it, with the question and the answer in it.
    const editing = await as('lead', 'GET', `/api/articles/${articleId}`);
    expect(editing.status).toBe(200);
    expect(editing.data.article.sourceQuestionId).toBe(q.id);
    expect(editing.data.draft.markdown).toContain(answerText);
    expect(editing.data.draft.markdown).toContain('Wij twijfelen over het moment');
    expect((await as('member', 'GET', `/api/questions/${q.id}`)).data.articleId).toBe(articleId);

    // Twice: 409 naming the draft that exists, by whoever asks.
    for (const w of ['lead', 'admin'] as const) {
      const second = await as(w, 'POST', `/api/networks/${networkId}/questions/${q.id}/draft-article`);
      expect(second.status, w).toBe(409);
      expect(second.data.articleId).toBe(articleId);
      expect(second.data.detail).toContain(articleId);
    }
  });

  it('lets a network author (author role, member) answer and make the draft; two at once make one', async () => {
    const q = (await as('member', 'POST', `/api/networks/${networkId}/questions`, { title: 'Terugvalpreventie na ontslag', body: 'Welke afspraken maken jullie over terugvalpreventie bij ontslag uit de deeltijdbehandeling?' })).data;
    expect((await as('author', 'POST', `/api/networks/${networkId}/questions/${q.id}/answer`, { answer: answerText })).status).toBe(200);
    const both = await Promise.all([as('author', 'POST', `/api/networks/${networkId}/questions/${q.id}/draft-article`), as('lead', 'POST', `/api/networks/${networkId}/questions/${q.id}/draft-article`)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const made = both.find((r) => r.status === 201)!.data.article.id;
    expect(both.find((r) => r.status === 409)!.data.articleId).toBe(made);
    const list = await as('lead', 'GET', `/api/networks/${networkId}/articles`);
    expect(list.data.filter((a: { sourceQuestionId?: string }) => a.sourceQuestionId === q.id)).toHaveLength(1);
  });

  it('keeps a network question within the network, and shares an organisation question with all staff', async () => {
    const inside = (await as('member', 'POST', `/api/networks/${networkId}/questions`, { title: 'Alleen voor het netwerk', body: 'Een vraag die binnen het netwerk blijft, over de werkwijze van ons eigen team.', visibility: 'network' })).data;
    const shared = (await as('member', 'POST', `/api/networks/${networkId}/questions`, { title: 'Voor de hele organisatie', body: 'Een vraag die iedereen in de organisatie mag lezen, over de nieuwe richtlijn.', visibility: 'organisation' })).data;
    const titles = async (w: Who) => ((await as(w, 'GET', `/api/networks/${networkId}/questions`)).data?.questions ?? []).map((q: { id: string }) => q.id);

    expect(await titles('member')).toEqual(expect.arrayContaining([inside.id, shared.id]));
    expect(await titles('admin')).toEqual(expect.arrayContaining([inside.id, shared.id]));
    const outsider = await titles('outsider');
    expect(outsider).toContain(shared.id);
    expect(outsider).not.toContain(inside.id);
    expect(await titles('partner')).toEqual([]);
    // One by one: a hidden question answers exactly like a missing one.
    const hidden = await as('outsider', 'GET', `/api/questions/${inside.id}`);
    const missing = await as('outsider', 'GET', `/api/questions/q-bestaat-niet-${run}`);
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(hidden.data.detail).toBe(missing.data.detail.replace(`q-bestaat-niet-${run}`, inside.id));
    expect((await as('outsider', 'GET', `/api/questions/${shared.id}`)).status).toBe(200);
    expect((await as('partner', 'GET', `/api/questions/${shared.id}`)).status).toBe(404);
    // An outsider cannot answer either (for them it is not there).
    expect((await as('outsider', 'POST', `/api/networks/${networkId}/questions/${inside.id}/answer`, { answer: answerText })).status).toBe(404);
    // What the caller may do comes with the list.
    const forLead = await as('lead', 'GET', `/api/networks/${networkId}/questions`);
    expect(forLead.data.mayAsk).toBe(true);
    expect(forLead.data.questions.find((q: { id: string }) => q.id === inside.id).mayAnswer).toBe(true);
    expect((await as('outsider', 'GET', `/api/networks/${networkId}/questions`)).data.mayAsk).toBe(false);
  });

  it('counts questions in the activity view, with the median time to answer, for the lead and the academy only', async () => {
    const year = new Date().getFullYear();
    const lead = await as('lead', 'GET', `/api/networks/${networkId}/activity?year=${year}`);
    expect(lead.status, JSON.stringify(lead.data)).toBe(200);
    const total = (k: string) => lead.data.quarters.reduce((s: number, q: Record<string, number>) => s + q[k]!, 0);
    expect(lead.data.members).toBe(3);
    // Questions from this file: the asked ones so far (others may run before this one in the file, never in parallel to it).
    expect(total('questionsAsked')).toBeGreaterThanOrEqual(4);
    expect(total('questionsAnswered')).toBe(2);
    expect(total('membersJoined')).toBe(3);
    const answeredQuarter = lead.data.quarters.find((q: { questionsAnswered: number }) => q.questionsAnswered > 0);
    expect(answeredQuarter.medianHoursToAnswer).toBeGreaterThanOrEqual(0);
    expect(answeredQuarter.medianHoursToAnswer).toBeLessThan(1);
    for (const w of ['member', 'author', 'outsider', 'partner'] as const) expect((await as(w, 'GET', `/api/networks/${networkId}/activity`)).status, w).toBe(403);
    expect((await as('admin', 'GET', `/api/networks/${networkId}/activity`)).status).toBe(200);

    const academy = await as('admin', 'GET', `/api/academy/network-activity?quarter=${answeredQuarter.quarter}`);
    expect(academy.status).toBe(200);
    expect(academy.data.networks.find((n: { networkId: string }) => n.networkId === networkId)).toMatchObject({ questionsAnswered: 2, members: 3 });

    // A question asked last year and answered now counts as answered now, with its whole wait in the median.
    const askedAt = `${year - 1}-11-20T10:00:00.000Z`;
    const qid = `q-late-${run}`;
    const store = buildDeps(loadConfig(stack().env)).store;
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.question(qid), ...keys.questionByNetwork(networkId, askedAt, qid), type: 'question', id: qid, networkId, networkName: 'x', title: 'Een oude vraag', body: 'Een vraag van vorig jaar die nu pas antwoord kreeg.', visibility: 'network', asker: { id: id('member'), name: 'Q member' }, askedAt, status: 'answered', answer: { text: 'Het antwoord.', by: { id: id('lead'), name: 'Q lead' }, at: new Date().toISOString() }, answeredAt: new Date().toISOString() } }));
    const withLate = await as('lead', 'GET', `/api/networks/${networkId}/activity?year=${year}`);
    expect(withLate.data.quarters.reduce((n: number, q: { questionsAnswered: number }) => n + q.questionsAnswered, 0)).toBe(3);
    expect(withLate.data.quarters.reduce((n: number, q: { questionsAsked: number }) => n + q.questionsAsked, 0)).toBe(total('questionsAsked'));
    expect((await as('lead', 'GET', '/api/academy/network-activity')).status).toBe(403);
    expect((await as('admin', 'GET', '/api/academy/network-activity?quarter=2026-Q5')).status).toBe(400);
  });
});
