import { beforeAll, describe, expect, it } from 'vitest';
import { CopyObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import type { Principal } from '../../functions/src/platform/auth/principal';
import '../../functions/src/features';
import { searchIndexFor } from '../../functions/src/knowledge';
import * as svc from '../../functions/src/knowledge/articles/service';
import * as attachmentService from '../../functions/src/knowledge/attachments/service';
import { keys } from '../../functions/src/platform/store/keys';
import { api, demo, stack } from '../support/api';
import { createArticle, fetchAttachment, handInNextVersion, png, publishArticle, syntheticAuthor, tokens, uniqueWord, upload } from '../support/knowledge';

/**
 * Knowledge-base integrity under concurrency, on the real local DynamoDB and S3: counters that
 * no publish can overwrite, drafts that cannot revert a newer version, slugs that are given back,
 * an editor that writes nothing until the first save, and attachments that follow the published version.
 */

let store: StoreClients;
let issuer: Awaited<ReturnType<typeof createDevIssuer>>;
const run = Math.random().toString(36).slice(2, 7);

beforeAll(async () => {
  store = buildDeps(loadConfig(stack().env)).store;
  issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
});

const principal = (id: string, name: string): Principal => ({ id, name, roles: ['author', 'employee'] });

/** Fresh employees, each a distinct reader. */
const readers = (n: number, tag: string) =>
  Promise.all(Array.from({ length: n }, (_, i) => issuer.mint({ id: `u-reader-${tag}-${i}-${run}`, name: `Lezer ${i}`, roles: ['employee'] })));

const contentOf = (d: Record<string, any>) => ({ title: d.title, summary: d.summary, markdown: d.markdown, audience: d.audience, tags: d.tags, themes: d.themes, language: d.language, slug: d.slug });

const metaOf = async (id: string) => (await api(`/api/articles/${id}`, { token: await tokens.author() })).data;

/** The editor's starting point for a published article, as the web builds it: the published version, unsaved. */
async function startingPoint(id: string, token: string) {
  const editing = await api(`/api/articles/${id}`, { token });
  const n = editing.data.article.publishedVersion as number;
  const version = await api(`/api/articles/${id}/versions/${n}`, { token });
  return { ...contentOf(version.data), slug: editing.data.article.slug as string, basedOn: n };
}

/** First save on a published article: creates the draft from the version it names. */
const firstSave = (id: string, token: string, content: Record<string, unknown>, basedOn: number) =>
  api(`/api/articles/${id}/draft`, { method: 'PUT', token, json: { ...content, expectedRevision: 0, basedOn } });

/** A next version in review: open a draft, save a change, submit. Returns the draft's revision. */
const nextInReview = (id: string, change: { markdown?: string; slug?: string }, author?: string) => handInNextVersion(id, change, { author });

const publish = async (id: string, revision: number, note = 'Volgende versie') =>
  api(`/api/articles/${id}/publish`, { method: 'POST', token: await tokens.lead(), json: { expectedRevision: revision, note } });

const vote = (slug: string, token: string, useful: boolean, remark?: string) =>
  api(`/api/articles/by-slug/${slug}/signals`, { method: 'POST', token, json: { useful, ...(remark ? { remark } : {}) } });

describe('counters: votes and signals', () => {
  it('counts every vote cast while a publish runs: none lost, none twice', async () => {
    const people = await readers(24, 'race');
    for (let round = 0; round < 2; round++) {
      const { id, slug } = await publishArticle({ title: `Stemrace ${round} ${uniqueWord()}`, audience: 'internal' });
      const revision = await nextInReview(id, { markdown: `Versie 2, ronde ${round}.` });
      // Votes land before, during and after the publish's read-modify-write of the article.
      const voting = people.map(async (t, i) => {
        await new Promise((r) => setTimeout(r, (i % 8) * 6));
        return vote(slug, t, i % 3 !== 0, i % 4 === 0 ? `Vraag ${i}` : undefined);
      });
      const [published, ...votes] = await Promise.all([publish(id, revision), ...voting]);
      expect(published.status, JSON.stringify(published.data)).toBe(200);
      expect(votes.map((v) => v.status), JSON.stringify(votes.filter((v) => v.status !== 201).map((v) => v.data))).toEqual(people.map(() => 201));
      const article = (await metaOf(id)).article;
      const useful = people.filter((_, i) => i % 3 !== 0).length;
      const questions = people.filter((_, i) => i % 4 === 0).length;
      expect({ useful: article.useful, notUseful: article.notUseful, openSignals: article.openSignals }).toEqual({ useful, notUseful: people.length - useful, openSignals: questions });
      expect(article.publishedVersion).toBe(2);
    }
  });

  it('counts one vote per reader: the same vote again changes nothing, a changed vote moves the count', async () => {
    const [reader] = await readers(1, 'once');
    const { id, slug } = await publishArticle({ title: `Eén stem ${uniqueWord()}`, audience: 'internal' });
    expect((await vote(slug, reader!, true)).status).toBe(201);
    expect((await vote(slug, reader!, true)).status).toBe(201);
    expect((await metaOf(id)).article).toMatchObject({ useful: 1, notUseful: 0 });
    // Changing one's mind: the vote moves, it is not added.
    expect((await vote(slug, reader!, false)).status).toBe(201);
    expect((await metaOf(id)).article).toMatchObject({ useful: 0, notUseful: 1 });
    // Two of the same reader's votes at once still count once.
    await Promise.all([vote(slug, reader!, true), vote(slug, reader!, true)]);
    expect((await metaOf(id)).article).toMatchObject({ useful: 1, notUseful: 0 });
  });

  it('keeps openSignals equal to the open questions through a publish, and never below zero', async () => {
    const people = await readers(12, 'open');
    const lead = await tokens.lead();
    const { id, slug } = await publishArticle({ title: `Open vragen ${uniqueWord()}`, audience: 'internal' });
    const revision = await nextInReview(id, { markdown: 'Versie 2 met vragen.' });
    const [published, ...asked] = await Promise.all([
      publish(id, revision),
      ...people.map(async (t, i) => {
        await new Promise((r) => setTimeout(r, (i % 6) * 8));
        return vote(slug, t, false, `Vraag ${i} ${uniqueWord()}`);
      }),
    ]);
    expect(published.status).toBe(200);
    expect(asked.every((a) => a.status === 201)).toBe(true);
    const open = (await api('/api/networks/suicidepreventie/signals', { token: lead })).data.filter((s: { articleId: string }) => s.articleId === id);
    expect(open).toHaveLength(people.length);
    expect((await metaOf(id)).article.openSignals).toBe(people.length);
    // Answering every question (two at once each) brings the count to exactly zero.
    for (const s of open) {
      const answers = await Promise.all([1, 2].map((n) => api(`/api/articles/${id}/signals/${s.id}/answer`, { method: 'POST', token: lead, json: { answer: `Antwoord ${n}` } })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    }
    expect((await metaOf(id)).article.openSignals).toBe(0);
  });
});

describe('drafts: no version reverts, no draft by merely looking', () => {
  /** The store as a use case sees it, held still before the first read that `when` picks, until released. */
  function pausedAt(when: (input: { Key?: Record<string, unknown> }) => boolean) {
    let release!: () => void;
    let reached!: () => void;
    const open = new Promise<void>((r) => (release = r));
    const arrived = new Promise<void>((r) => (reached = r));
    let armed = true;
    const doc = {
      send: async (cmd: any, ...rest: unknown[]) => {
        if (armed && cmd instanceof GetCommand && when(cmd.input as never)) {
          armed = false;
          reached();
          await open;
        }
        return (store.doc.send as any)(cmd, ...rest);
      },
    };
    return { store: { ...store, doc } as unknown as StoreClients, arrived, release };
  }

  it('opens a draft on the version that was published while it opened, so the next publish reverts nothing', async () => {
    const { id, slug } = await publishArticle({ title: `Conceptrace ${uniqueWord()}`, audience: 'internal', markdown: 'Versie een.' });
    const revision = await nextInReview(id, { markdown: 'Versie twee, met de nieuwe richtlijn.' });
    // Joost opens a draft; his request is held right before it looks for a running draft...
    const paused = pausedAt((input) => input.Key?.SK === 'DRAFT');
    const opening = svc.startDraft({ store: paused.store, search: searchIndexFor(store), principal: principal(demo.author2, 'Joost Bakker') }, id);
    await paused.arrived;
    // ...while Fatima publishes version 2.
    expect((await publish(id, revision)).status).toBe(200);
    paused.release();
    const draft = await opening;
    expect(draft.basedOn).toBe(2);
    expect(draft.markdown).toContain('Versie twee');

    // Whatever happens next, version 3 carries version 2's text.
    const author = await tokens.author();
    const editing = await api(`/api/articles/${id}`, { token: author });
    const submitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: editing.data.draft.revision } });
    const third = await publish(id, submitted.data.revision);
    expect(third.status, JSON.stringify(third.data)).toBe(200);
    expect((await api(`/api/articles/by-slug/${slug}`, { token: author })).data.html).toContain('Versie twee');
  });

  it('refuses to publish a draft based on an older version than the live one: 409 naming both', async () => {
    const { id } = await publishArticle({ title: `Verouderd concept ${uniqueWord()}`, audience: 'internal', markdown: 'Versie een.' });
    const revision = await nextInReview(id, { markdown: 'Versie twee.' });
    expect((await publish(id, revision)).status).toBe(200);
    // A draft left over from before version 2 (as the race above used to leave one), handed in.
    const v1 = (await api(`/api/articles/${id}/versions/1`, { token: await tokens.author() })).data;
    const now = new Date().toISOString();
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          PK: `ARTICLE#${id}`, SK: 'DRAFT', GSI2PK: 'REVIEW#suicidepreventie', GSI2SK: `${now}#${id}`, type: 'draft',
          ...contentOf(v1), html: v1.html, authors: v1.authors, articleId: id, networkId: 'suicidepreventie',
          state: 'in-review', revision: 7, basedOn: 1, updatedBy: { id: demo.author2, name: 'Joost Bakker' }, updatedAt: now, submittedAt: now, comments: [],
        },
      }),
    );
    const refused = await publish(id, 7);
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ basedOn: 1, currentVersion: 2 });
    expect(refused.data.detail).toMatch(/versie 1.*versie 2/i);
    expect((await api(`/api/articles/${id}/versions`, { token: await tokens.author() })).data.versions).toHaveLength(2);
  });

  it('writes no draft when the editor opens; the first save creates it, and a second first save is a version conflict', async () => {
    const [author, lead] = await Promise.all([tokens.author(), tokens.lead()]);
    const { id } = await publishArticle({ title: `Alleen kijken ${uniqueWord()}`, audience: 'internal' });
    // What the editor loads: the article and its published version, nothing written.
    const base = await startingPoint(id, lead);
    const after = await api(`/api/articles/${id}`, { token: lead });
    expect(after.data.draft).toBeUndefined();
    expect(after.data.article.hasDraft).toBe(false);
    expect((await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { PK: `ARTICLE#${id}`, SK: 'DRAFT' } }))).Item).toBeUndefined();

    // Two writers both start from version 1: the first save makes the draft, the second is told who saved.
    const { basedOn, ...content } = base;
    const first = await firstSave(id, author, { ...content, markdown: 'Joost schrijft.' }, basedOn);
    expect(first.status, JSON.stringify(first.data)).toBe(200);
    expect(first.data).toMatchObject({ revision: 1, basedOn: 1, updatedBy: { id: demo.author2 }, markdown: 'Joost schrijft.' });
    const second = await firstSave(id, lead, { ...content, markdown: 'Fatima schrijft.' }, basedOn);
    expect(second.status).toBe(409);
    expect(second.data).toMatchObject({ currentRevision: 1, updatedBy: { id: demo.author2 } });
    expect((await api(`/api/articles/${id}`, { token: lead })).data.draft.markdown).toBe('Joost schrijft.');
  });

  it('refuses a first save on a published article that does not say which version it starts from', async () => {
    const author = await tokens.author();
    const { id } = await publishArticle({ title: `Zonder basis ${uniqueWord()}`, audience: 'internal', markdown: 'Versie een.' });
    // Edited from version 1 in a client that leaves `basedOn` out; version 2 is published meanwhile.
    const { basedOn: _, ...content } = await startingPoint(id, author);
    expect((await publish(id, await nextInReview(id, { markdown: 'Versie twee.' }))).status).toBe(200);
    for (const language of ['nl', 'en'] as const) {
      const res = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, headers: { 'accept-language': language }, json: { ...content, markdown: 'Op versie 1 gebouwd.', expectedRevision: 0 } });
      expect(res.status, JSON.stringify(res.data)).toBe(422);
      expect(res.data.errors).toEqual([{ path: 'basedOn', message: expect.any(String) }]);
      expect(res.data.detail).toMatch(language === 'nl' ? /gepubliceerde versie/ : /published version/);
    }
    // Nothing written: no draft, and version 2 stays what readers get.
    expect((await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { PK: `ARTICLE#${id}`, SK: 'DRAFT' }, ConsistentRead: true }))).Item).toBeUndefined();
    expect((await metaOf(id)).article).toMatchObject({ publishedVersion: 2, hasDraft: false });
  });

  it('refuses a first save based on a version that is no longer the live one', async () => {
    const author = await tokens.author();
    const { id } = await publishArticle({ title: `Oude basis ${uniqueWord()}`, audience: 'internal' });
    const base = await startingPoint(id, author);
    const revision = await nextInReview(id, { markdown: 'Intussen versie twee.' });
    expect((await publish(id, revision)).status).toBe(200);
    const { basedOn, ...content } = base;
    const stale = await firstSave(id, author, { ...content, markdown: 'Op versie 1 gebouwd.' }, basedOn);
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ basedOn: 1, currentVersion: 2 });
  });
});

describe('slugs are given back', () => {
  const slugItem = async (slug: string) => (await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { PK: `SLUG#${slug}`, SK: 'SLUG' } }))).Item;

  it('releases the slug a draft held when the draft is renamed, so another article can take it', async () => {
    const author = await tokens.author();
    const word = uniqueWord('hernoemd');
    const created = await createArticle(author, { title: `Eerste naam ${word}`, audience: 'internal', slug: `${word}-oud` });
    expect(created.status).toBe(201);
    const id = created.data.article.id;
    const renamed = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, json: { ...contentOf(created.data.draft), slug: `${word}-nieuw`, expectedRevision: 1 } });
    expect(renamed.status, JSON.stringify(renamed.data)).toBe(200);
    expect(await slugItem(`${word}-oud`)).toBeUndefined();
    const other = await createArticle(author, { title: `Ander artikel ${word}`, audience: 'internal', slug: `${word}-oud` });
    expect(other.status, JSON.stringify(other.data)).toBe(201);
    // The new slug is held by the first article: nobody else takes it.
    expect((await createArticle(author, { title: `Derde ${word}`, audience: 'internal', slug: `${word}-nieuw` })).status).toBe(409);
  });

  it('keeps the redirects of published slugs and gives back slugs only drafts ever held', async () => {
    const author = await tokens.author();
    const word = uniqueWord('verhuisd');
    const { id, slug } = await publishArticle({ title: `Verhuizend ${word}`, audience: 'internal', slug: `${word}-een` });
    // A next draft tries a name, then another; only the last one is published.
    const base = await startingPoint(id, author);
    const { basedOn, ...content } = base;
    const tried = await firstSave(id, author, { ...content, slug: `${word}-geprobeerd` }, basedOn);
    expect(tried.status, JSON.stringify(tried.data)).toBe(200);
    const saved = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, json: { ...content, slug: `${word}-twee`, expectedRevision: tried.data.revision } });
    expect(saved.status, JSON.stringify(saved.data)).toBe(200);
    const submitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: saved.data.revision } });
    expect((await publish(id, submitted.data.revision)).status).toBe(200);
    expect(await slugItem(`${word}-geprobeerd`)).toBeUndefined();
    // The old published slug still leads readers to the article.
    const old = await api(`/api/articles/by-slug/${slug}`, { token: author, redirect: 'manual' });
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`/api/articles/by-slug/${word}-twee`);
    // A later draft that renames back to the old published slug and away again leaves its redirect alone.
    const again = await startingPoint(id, author);
    const { basedOn: b2, ...c2 } = again;
    const back = await firstSave(id, author, { ...c2, slug: slug }, b2);
    expect(back.status, JSON.stringify(back.data)).toBe(200);
    const away = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, json: { ...c2, slug: `${word}-drie`, expectedRevision: back.data.revision } });
    expect(away.status).toBe(200);
    expect((await api(`/api/articles/by-slug/${slug}`, { token: author, redirect: 'manual' })).status).toBe(301);
  });

  it('gives back the slug of an abandoned draft; a never-published article goes with its draft', async () => {
    const [author, employee] = await Promise.all([tokens.author(), tokens.employee()]);
    const word = uniqueWord('verlaten');
    const created = await createArticle(author, { title: `Nooit gepubliceerd ${word}`, audience: 'internal', slug: `${word}-a` });
    const id = created.data.article.id;
    // Not a writer of the network: a never-published article is, for Noor, not there.
    expect((await api(`/api/articles/${id}/draft?expectedRevision=1`, { method: 'DELETE', token: employee })).status).toBe(404);
    expect((await api(`/api/articles/${id}/draft?expectedRevision=9`, { method: 'DELETE', token: author })).status).toBe(409);
    const gone = await api(`/api/articles/${id}/draft?expectedRevision=1`, { method: 'DELETE', token: author });
    expect(gone.status, JSON.stringify(gone.data)).toBe(204);
    expect(await slugItem(`${word}-a`)).toBeUndefined();
    expect((await api(`/api/articles/${id}`, { token: author })).status).toBe(404);

    // A draft on a published article: discarding it keeps the article and gives back the name it tried.
    const pub = await publishArticle({ title: `Gepubliceerd ${word}`, audience: 'internal', slug: `${word}-b` });
    const base = await startingPoint(pub.id, author);
    const { basedOn, ...content } = base;
    const saved = await firstSave(pub.id, author, { ...content, slug: `${word}-c` }, basedOn);
    expect(saved.status).toBe(200);
    expect((await api(`/api/articles/${pub.id}/draft?expectedRevision=${saved.data.revision}`, { method: 'DELETE', token: author })).status).toBe(204);
    expect(await slugItem(`${word}-c`)).toBeUndefined();
    const after = (await api(`/api/articles/${pub.id}`, { token: author })).data;
    expect(after.draft).toBeUndefined();
    expect(after.article).toMatchObject({ hasDraft: false, publishedVersion: 1, slug: `${word}-b` });
    expect((await api(`/api/articles/by-slug/${word}-b`, { token: author })).status).toBe(200);
  });

  it('lets exactly one of two drafts take a slug at the same moment', async () => {
    const author = await tokens.author();
    const word = uniqueWord('gegrepen');
    const [a, b] = await Promise.all([1, 2].map((n) => createArticle(author, { title: `Kandidaat ${n} ${word}`, audience: 'internal' })));
    const take = (d: { article: { id: string }; draft: Record<string, unknown> }) =>
      api(`/api/articles/${d.article.id}/draft`, { method: 'PUT', token: author, json: { ...contentOf(d.draft), slug: `${word}-begeerd`, expectedRevision: 1 } });
    const results = await Promise.all([take(a!.data), take(b!.data)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('attachments follow the published version', () => {
  it('serves a draft\'s attachment of a public article to its writers only, until a published version uses it', async () => {
    const [author, employee] = await Promise.all([tokens.author(), tokens.employee()]);
    const { id, slug } = await publishArticle({ title: `Bijlage in concept ${uniqueWord()}`, audience: 'public' });
    const added = (await upload(author, id, { name: 'nieuw.png', type: 'image/png', body: png })).complete!;
    expect(added.status).toBe(201);
    const url = added.data.url as string;
    expect((await fetchAttachment(url)).status).toBe(404);
    expect((await fetchAttachment(url, employee)).status).toBe(404);
    const asWriter = await fetchAttachment(url, author);
    expect(asWriter.status).toBe(200);
    expect(asWriter.headers.get('cache-control')).toBe('private, no-store');
    expect(asWriter.headers.get('vary')).toMatch(/authorization/i);

    // Published with the image in it: now anyone reads it, cacheable, but never across callers.
    const revision = await nextInReview(id, { markdown: `Met afbeelding.\n\n${added.data.markdown}` });
    expect((await publish(id, revision)).status).toBe(200);
    expect((await api(`/api/articles/by-slug/${slug}`)).data.html).toContain(url);
    const anonymous = await fetchAttachment(url);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=300');
    expect(anonymous.headers.get('vary')).toMatch(/authorization/i);
  });

  it('deletes attachments for the article\'s writers, except one the published version shows', async () => {
    const [author, employee] = await Promise.all([tokens.author(), tokens.employee()]);
    const { id } = await publishArticle({ title: `Bijlagen opruimen ${uniqueWord()}`, audience: 'internal' });
    const kept = (await upload(author, id, { name: 'blijft.png', type: 'image/png', body: png })).complete!;
    const spare = (await upload(author, id, { name: 'weg.png', type: 'image/png', body: png })).complete!;
    const revision = await nextInReview(id, { markdown: `Zie ${kept.data.markdown}` });
    expect((await publish(id, revision)).status).toBe(200);

    const del = (attachmentId: string, token?: string) => api(`/api/articles/${id}/attachments/${attachmentId}`, { method: 'DELETE', token });
    expect((await del(spare.data.id, employee)).status).toBe(403);
    expect((await del(spare.data.id)).status).toBe(401);
    const inUse = await del(kept.data.id, author);
    expect(inUse.status).toBe(409);
    expect(inUse.data.detail).toMatch(/gepubliceerde versie/);
    expect((await del(spare.data.id, author)).status).toBe(204);
    expect((await del(spare.data.id, author)).status).toBe(404);
    expect((await fetchAttachment(spare.data.url, author)).status).toBe(404);
    expect((await api(`/api/articles/${id}/attachments`, { token: author })).data.map((a: { id: string }) => a.id)).toEqual([kept.data.id]);
    expect((await fetchAttachment(kept.data.url, employee)).status).toBe(200);
  });

  it('keeps at most 50 attachments per article, also when uploads complete side by side', async () => {
    // A fresh author of the network: 54 upload starts fit their hourly allowance (60), whatever other tests spent.
    const author = (await syntheticAuthor()).token;
    const created = await createArticle(author, { title: `Veel bijlagen ${uniqueWord()}`, audience: 'internal' });
    const id = created.data.article.id;
    for (let batch = 0; batch < 6; batch++) {
      const done = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(author, id, { name: `b${batch}-${i}.png`, type: 'image/png', body: png })));
      expect(done.map((d) => d.complete?.status)).toEqual(done.map(() => 201));
    }
    const last = await Promise.all(Array.from({ length: 5 }, (_, i) => upload(author, id, { name: `laatste-${i}.png`, type: 'image/png', body: png })));
    const statuses = last.map((d) => d.complete?.status ?? d.start.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 422)).toHaveLength(3);
    const refused = last.find((d) => (d.complete?.status ?? d.start.status) === 422)!;
    expect((refused.complete ?? refused.start).data.detail).toMatch(/50 bijlagen/);
    expect((await api(`/api/articles/${id}/attachments`, { token: author })).data).toHaveLength(50);
    // Deleting one makes room for one.
    const list = (await api(`/api/articles/${id}/attachments`, { token: author })).data;
    expect((await api(`/api/articles/${id}/attachments/${list[0].id}`, { method: 'DELETE', token: author })).status).toBe(204);
    expect((await upload(author, id, { name: 'erbij.png', type: 'image/png', body: png })).complete!.status).toBe(201);
  });
});

// ---- attachment uploads that fail halfway ------------------------------------------------------

/** Start an attachment upload and POST the bytes to S3 (as the browser does); returns the upload id, not yet completed. */
async function sendAttachment(token: string, articleId: string, name = 'plaatje.png') {
  const start = await api(`/api/articles/${articleId}/attachments`, { method: 'POST', token, json: { fileName: name, contentType: 'image/png', bytes: png.length } });
  expect(start.status, JSON.stringify(start.data)).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), name);
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return start.data.uploadId as string;
}
const completeAttachment = (token: string, articleId: string, uploadId: string) => api(`/api/articles/${articleId}/attachments/${uploadId}/complete`, { method: 'POST', token });
const attachmentsOf = async (token: string, articleId: string) => (await api(`/api/articles/${articleId}/attachments`, { token })).data as Array<{ id: string; url: string }>;
const attachmentCounter = async (articleId: string) =>
  (await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.attachmentCount(articleId), ConsistentRead: true }))).Item?.attachments as number | undefined;
const unavailable = () => Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });

/** Store clients whose S3 `CopyObject`s go through `copy` first (which may wait, fail, or let it pass). */
function copyingThrough(copy: (n: number) => Promise<void>): StoreClients {
  let copies = 0;
  const s3 = {
    send: async (command: unknown, ...rest: unknown[]) => {
      if (command instanceof CopyObjectCommand) await copy(copies++);
      return (store.s3.send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
    },
  };
  return { ...store, s3 } as unknown as StoreClients;
}

/** A gate a request waits at: `arrived` once it is there, `open()` lets it on (or `fail(err)` makes it fail). */
function gate() {
  let reached!: () => void;
  const arrived = new Promise<void>((r) => (reached = r));
  let settle!: (err?: unknown) => void;
  const passed = new Promise<void>((resolve, reject) => (settle = (err) => (err ? reject(err) : resolve())));
  return { arrived, wait: () => (reached(), passed), open: () => settle(), fail: (err: unknown) => settle(err) };
}

describe('attachment uploads that fail halfway', () => {
  it('lets an author retry an upload whose copy failed after it was claimed', async () => {
    const author = await syntheticAuthor();
    const created = await createArticle(author.token, { title: `Kopie mislukt ${uniqueWord()}`, audience: 'internal' });
    const id = created.data.article.id as string;
    const ctx = { store: copyingThrough(async (n) => { if (n === 0) throw unavailable(); }), search: searchIndexFor(store), principal: principal(author.id, author.name) };

    const uploadId = await sendAttachment(author.token, id);
    await expect(attachmentService.completeUpload(ctx, id, uploadId)).rejects.toMatchObject({ name: 'SlowDown' });
    expect(await attachmentCounter(id)).toBe(0);

    // Tried again (twice at once, a double click): the upload becomes one attachment.
    const retried = await Promise.all([1, 2].map(() => completeAttachment(author.token, id, uploadId)));
    expect(retried.map((r) => r.status).sort(), JSON.stringify(retried.map((r) => r.data))).toEqual([201, 404]);
    const kept = await attachmentsOf(author.token, id);
    expect(kept).toHaveLength(1);
    const served = await fetchAttachment(kept[0]!.url, author.token);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect(await attachmentCounter(id)).toBe(1);
  });

  it('gives back only its own claim: a request whose lease lapsed cannot free the upload for a second attachment', async () => {
    const author = await syntheticAuthor();
    const created = await createArticle(author.token, { title: `Verlopen claim ${uniqueWord()}`, audience: 'internal' });
    const id = created.data.article.id as string;
    const uploadId = await sendAttachment(author.token, id);
    const ctxOf = (s: StoreClients) => ({ store: s, search: searchIndexFor(store), principal: principal(author.id, author.name) });

    // A claims and reaches its copy, then stalls past its lease (as a frozen request would)...
    const slow = gate();
    const a = attachmentService.completeUpload(ctxOf(copyingThrough(() => slow.wait())), id, uploadId);
    await slow.arrived;
    await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: keys.upload(uploadId), UpdateExpression: 'SET claimedUntil = :past', ExpressionAttributeValues: { ':past': 0 } }));
    // ...so B may claim the upload, and is copying when A's copy fails.
    const copying = gate();
    const b = attachmentService.completeUpload(ctxOf(copyingThrough(() => copying.wait())), id, uploadId);
    await copying.arrived;
    slow.fail(unavailable());
    await expect(a).rejects.toMatchObject({ name: 'SlowDown' });
    // A gave back its own claim only: B still holds the upload, so a second complete finds it taken.
    const c = await completeAttachment(author.token, id, uploadId);
    copying.open();
    const bDone = await b.then(() => 201, (err) => err);
    expect([bDone, c.status], JSON.stringify(c.data)).toEqual([201, 404]);
    expect(await attachmentsOf(author.token, id)).toHaveLength(1);
    expect(await attachmentCounter(id)).toBe(1);
  });

  it('lets an author retry an upload whose attachment record could not be written after the copy', async () => {
    const author = await syntheticAuthor();
    const created = await createArticle(author.token, { title: `Record mislukt ${uniqueWord()}`, audience: 'internal' });
    const id = created.data.article.id as string;
    // The first write of an attachment record fails as DynamoDB may (a Put, or a transaction with one).
    let failed = 0;
    const writesAttachment = (command: unknown) =>
      (command instanceof PutCommand && command.input.Item?.type === 'attachment') ||
      (command instanceof TransactWriteCommand && (command.input.TransactItems ?? []).some((t) => t.Put?.Item?.type === 'attachment'));
    const doc = {
      send: async (command: unknown, ...rest: unknown[]) => {
        if (writesAttachment(command) && failed++ === 0) throw Object.assign(new Error('Internal server error'), { name: 'InternalServerError', $metadata: { httpStatusCode: 500 } });
        return (store.doc.send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
      },
    };
    const ctx = { store: { ...store, doc } as unknown as StoreClients, search: searchIndexFor(store), principal: principal(author.id, author.name) };

    const uploadId = await sendAttachment(author.token, id);
    await expect(attachmentService.completeUpload(ctx, id, uploadId)).rejects.toMatchObject({ name: 'InternalServerError' });
    expect(failed).toBe(1);
    expect(await attachmentCounter(id)).toBe(0);

    const retried = await completeAttachment(author.token, id, uploadId);
    expect(retried.status, JSON.stringify(retried.data)).toBe(201);
    const kept = await attachmentsOf(author.token, id);
    expect(kept.map((k) => k.id)).toEqual([retried.data.id]);
    expect((await fetchAttachment(kept[0]!.url, author.token)).status).toBe(200);
    expect(await attachmentCounter(id)).toBe(1);
  });
});
