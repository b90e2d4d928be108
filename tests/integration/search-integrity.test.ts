import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app';
import { buildDeps } from '../../functions/src/deps';
import * as knowledge from '../../functions/src/knowledge';
import { setExtrasTtlMs } from '../../functions/src/knowledge/articles/service';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients, type StoreClients } from '../../functions/src/platform/store/clients';
import { keys } from '../../functions/src/platform/store/keys';
import { get } from '../../functions/src/platform/store/table';
import { api, stack } from '../support/api';
import { handInNextVersion, publishArticle, tokens, uniqueWord } from '../support/knowledge';

/**
 * The search index follows the article records and may lag behind them: an index update can fail
 * (S3 unavailable, a timeout) after the article write has succeeded. Against the real local stack:
 *
 * - a *writer* API instance whose snapshot writes to S3 fail (the fault is injected into its S3
 *   client, for `search/` keys only; nothing of our own is mocked), and
 * - a *reader* API instance, as another Lambda instance would be, that reads the shared snapshot.
 */
let snapshotWritesFail = false;

/** The S3 client as it is, except that writing a search snapshot fails while `snapshotWritesFail` is set. */
function withFailingSnapshots(s3: S3Client): S3Client {
  const failing = Object.create(s3) as S3Client;
  failing.send = ((command: unknown, ...rest: unknown[]) => {
    if (snapshotWritesFail && command instanceof PutObjectCommand && String(command.input.Key).startsWith('search/')) {
      return Promise.reject(Object.assign(new Error('S3 unavailable (injected by the test)'), { name: 'ServiceUnavailable' }));
    }
    return (s3.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
  }) as S3Client['send'];
  return failing;
}

type App = ReturnType<typeof createApp>;
let writer: App;
let reader: App;
let readerStore: StoreClients;
let readerSearch: knowledge.SearchIndexStore;

beforeAll(() => {
  const config = loadConfig(stack().env);
  const base = buildDeps(config);
  const writerClients = createStoreClients(config);
  const writerStore = { ...writerClients, s3: withFailingSnapshots(writerClients.s3) };
  writer = createApp({ ...base, store: writerStore, search: knowledge.searchIndexFor(writerStore, { indexing: 'inline', recheckMs: 0 }) });
  readerStore = createStoreClients(config);
  readerSearch = knowledge.searchIndexFor(readerStore, { indexing: 'inline', recheckMs: 0 });
  reader = createApp({ ...base, store: readerStore, search: readerSearch });
});

async function call(app: App, path: string, init: { method?: string; token?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  return { status: res.status, data: (await res.json().catch(() => undefined)) as any };
}

const search = async (word: string, token?: string) => {
  const res = await call(reader, `/api/articles?q=${encodeURIComponent(word)}`, { token });
  expect(res.status).toBe(200);
  return res.data as { total: number; results: Array<{ id: string; title: string; summary: string; audience: string; snippet: string }>; facets: Record<string, Record<string, number>> };
};
const ids = (r: { results: Array<{ id: string }> }) => r.results.map((h) => h.id);

/** The stream record DynamoDB would deliver for the article's META item as it is now (typed JSON by the AWS SDK's own marshaller). */
async function currentMetaRecord(id: string) {
  const item = await get(readerStore, keys.article(id), { ConsistentRead: true });
  return { eventName: 'MODIFY' as const, dynamodb: { NewImage: marshall(item!, { removeUndefinedValues: true }) as never } };
}

/** The extras window (what a page shows beside an article is kept this long), shortened for these tests. */
const extrasWindowMs = 1500;

describe('search index out of step with the articles', () => {
  beforeAll(() => setExtrasTtlMs(extrasWindowMs));
  afterAll(() => setExtrasTtlMs(undefined));

  it('publishing succeeds when the index update fails, and a narrowed article never reaches anonymous search; reconciliation repairs the index', async () => {
    const word = uniqueWord('smaldeel');
    const subject = uniqueWord('buurthema');
    const { id, slug } = await publishArticle({ title: `Openbaar over ${word}`, summary: `Samenvatting over ${word}`, audience: 'public', tags: [subject] });
    expect(ids(await search(word))).toContain(id);
    // A public neighbour on the same subject. Its page is opened before the narrowing, so what a page
    // shows beside the article is already kept (per article version, reader tier and snapshot, for
    // the extras window: 30 s, shortened here to keep the test quick).
    const neighbour = await publishArticle({ title: `Buurman over ${subject}`, audience: 'public', tags: [subject] });
    const relatedOf = async (token?: string) => (await call(reader, `/api/articles/by-slug/${neighbour.slug}`, { token })).data.related.map((r: { slug: string }) => r.slug) as string[];
    expect(await relatedOf()).toContain(slug);

    const revision = await handInNextVersion(id, { audience: 'internal', title: `Intern over ${word}` });
    snapshotWritesFail = true;
    try {
      const published = await call(writer, `/api/articles/${id}/publish`, { method: 'POST', token: await tokens.lead(), json: { expectedRevision: revision, note: 'Voortaan alleen intern' } });
      expect(published.status, JSON.stringify(published.data)).toBe(200);
    } finally {
      snapshotWritesFail = false;
    }
    const narrowedAt = Date.now();

    // The index really is stale: it still holds the public version 1…
    const stale = await readerSearch.current();
    expect(stale.search(word, { audiences: ['public'] }).results.map((h) => h.id)).toContain(id);
    // …yet anonymous search shows nothing of it: no hit, no title, summary or snippet, not counted.
    const anonymous = await search(word);
    expect(ids(anonymous)).not.toContain(id);
    expect(JSON.stringify(anonymous.results)).not.toContain(word);
    expect(anonymous.total).toBe(0);
    expect(anonymous.facets.audience).toEqual({});
    // Nor as a related article beside its public neighbour, once the list kept before the narrowing
    // has run out (within the window, as CloudFront keeps the anonymous page 60 s anyway), and never
    // again after it, although the snapshot (and so the cache key) has not changed.
    const windowEnd = narrowedAt + extrasWindowMs + 1000;
    while ((await relatedOf()).includes(slug)) {
      expect(Date.now(), 'still shown beside its public neighbour after the extras window').toBeLessThan(windowEnd);
      await new Promise((r) => setTimeout(r, 100));
    }
    const watchUntil = Date.now() + extrasWindowMs + 500;
    while (Date.now() < watchUntil) {
      expect(await relatedOf()).not.toContain(slug);
      await new Promise((r) => setTimeout(r, 150));
    }
    // Staff, who may read it, do see it there.
    expect(await relatedOf(await tokens.employee())).toContain(slug);
    // Staff may read internal articles: they get the hit, with the current title and audience.
    const staff = await search(word, await tokens.employee());
    expect(staff.results.find((h) => h.id === id)).toMatchObject({ audience: 'internal', title: `Intern over ${word}` });

    const report = await knowledge.reconcileSearchIndex(readerStore, readerSearch);
    expect(report.updated).toBeGreaterThanOrEqual(1);
    const repaired = await readerSearch.current();
    expect(repaired.versionOf(id)).toBe(2);
    expect(repaired.search(word, { audiences: ['public'] }).total).toBe(0);
    expect(repaired.search(word, { audiences: ['internal', 'partners', 'public'] }).results.map((h) => [h.id, h.audience])).toEqual([[id, 'internal']]);
  });

  it('archiving succeeds when the index update fails, the article leaves search at once, and a late publish event cannot bring it back', async () => {
    const word = uniqueWord('archiefzwaluw');
    const { id } = await publishArticle({ title: `Verdwijnt over ${word}`, audience: 'public' });
    expect(ids(await search(word))).toContain(id);
    const publishedRecord = await currentMetaRecord(id);

    snapshotWritesFail = true;
    try {
      const archived = await call(writer, `/api/articles/${id}/archive`, { method: 'POST', token: await tokens.lead() });
      expect(archived.status, JSON.stringify(archived.data)).toBe(200);
    } finally {
      snapshotWritesFail = false;
    }

    expect((await readerSearch.current()).has(id)).toBe(true); // stale
    expect(ids(await search(word))).not.toContain(id);
    expect(ids(await search(word, await tokens.employee()))).not.toContain(id);

    const report = await knowledge.reconcileSearchIndex(readerStore, readerSearch);
    expect(report.removed).toBeGreaterThanOrEqual(1);
    expect((await readerSearch.current()).has(id)).toBe(false);

    // The publish event of version 1, delivered again after the archive (a retry, a replay): ignored.
    const late = await knowledge.indexArticleChanges(readerStore, readerSearch, [publishedRecord]);
    expect(late.upserted).toBe(0);
    expect((await readerSearch.current()).has(id)).toBe(false);
  });

  it('applies change events out of order without going back: an older version never replaces a newer one', async () => {
    const word = uniqueWord('volgordevink');
    const { id } = await publishArticle({ title: `Eerste versie ${word}`, audience: 'public' });
    const first = await currentMetaRecord(id);
    const revision = await handInNextVersion(id, { title: `Tweede versie ${word}` });
    const published = await api(`/api/articles/${id}/publish`, { method: 'POST', token: await tokens.lead(), json: { expectedRevision: revision, note: 'Nieuwe titel' } });
    expect(published.status).toBe(200);
    const second = await currentMetaRecord(id);

    // Newer first, then older, in one batch and in two.
    await knowledge.indexArticleChanges(readerStore, readerSearch, [second, first]);
    const late = await knowledge.indexArticleChanges(readerStore, readerSearch, [first]);
    expect(late.upserted).toBe(0);
    const index = await readerSearch.current();
    expect(index.versionOf(id)).toBe(2);
    expect(index.search(word, { audiences: ['public'] }).results.map((h) => h.title)).toEqual([`Tweede versie ${word}`]);
  });

  it('skips records that change nothing search shows (counters, drafts, other items)', async () => {
    const word = uniqueWord('tellervink');
    const { id } = await publishArticle({ title: `Teller ${word}`, audience: 'public' });
    const { dynamodb } = await currentMetaRecord(id);
    const counted = { ...dynamodb.NewImage as Record<string, unknown>, useful: { N: '3' } };
    const report = await knowledge.indexArticleChanges(readerStore, readerSearch, [
      { eventName: 'MODIFY', dynamodb: { OldImage: dynamodb.NewImage, NewImage: counted as never } },
      { eventName: 'INSERT', dynamodb: { NewImage: marshall({ PK: 'USER#x', SK: 'PROFILE', type: 'user', id: 'x' }) as never } },
    ]);
    expect(report).toEqual({ upserted: 0, removed: 0, skipped: 2 });
  });

  it('reads nothing when every record is skipped (each vote on a published article passes the stream filter)', async () => {
    const { id } = await publishArticle({ title: `Stemmen ${uniqueWord('stemvink')}`, audience: 'public' });
    const { dynamodb } = await currentMetaRecord(id);
    const voted = { ...(dynamodb.NewImage as Record<string, unknown>), useful: { N: '1' } };
    // Every call the indexer makes on the table or the bucket, counted on the SDK clients.
    const calls: string[] = [];
    const counting = <T extends { send: unknown }>(client: T): T => {
      const wrapped = Object.create(client) as T;
      wrapped.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
        calls.push(command.constructor.name);
        return (client.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
      }) as T['send'];
      return wrapped;
    };
    const countedStore = { ...readerStore, doc: counting(readerStore.doc), s3: counting(readerStore.s3) };
    const countedSearch = knowledge.searchIndexFor(countedStore, { indexing: 'inline', recheckMs: 0 });
    const report = await knowledge.indexArticleChanges(countedStore, countedSearch, [{ eventName: 'MODIFY', dynamodb: { OldImage: dynamodb.NewImage, NewImage: voted as never } }]);
    expect(report).toEqual({ upserted: 0, removed: 0, skipped: 1 });
    expect(calls).toEqual([]);
  });

  it('searches the index the app was given, made with the options it was asked for', async () => {
    const config = loadConfig(stack().env);
    const clients = createStoreClients(config);
    // Looked up once with the defaults (5 s between pointer checks), then asked for with its own options.
    knowledge.searchIndexFor(clients);
    const own = knowledge.searchIndexFor(clients, { indexing: 'inline', recheckMs: 0 });
    const app = createApp({ ...buildDeps(config), store: clients, search: own });
    const word = uniqueWord('doorgegeven');
    const find = async () => ((await call(app, `/api/articles?q=${word}`)).data as { results: Array<{ id: string }> }).results.map((h) => h.id);
    expect(await find()).toEqual([]); // the index is in memory now
    // Published elsewhere (the shared stack's API): an index that checks the pointer on every read sees it at once.
    const { id } = await publishArticle({ title: `Doorgegeven ${word}`, audience: 'public' });
    expect(await find()).toEqual([id]);
  });
});
