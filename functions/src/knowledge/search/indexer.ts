/**
 * Keeping the search index in step with published articles. The article records in DynamoDB are
 * the truth; the index follows them and may lag behind (search re-checks its hits, see service.ts):
 *
 * - `indexArticleChanges(records)`: applies changes of article META items (DynamoDB Streams
 *   records). In AWS the table's stream invokes it (functions/src/search-indexer.ts), with retries,
 *   bisection and a dead-letter queue; locally `indexAfterWrite` calls it right after the write.
 * - `reconcileSearchIndex()`: compares every article record with the index and repairs what is
 *   missing, stale or extra. Hourly in AWS; locally after seeding (`rebuildSearchIndex`).
 *
 * Both build a document from the immutable version item the META record names, and the index
 * applies it only if it is newer than what it holds (versions and tombstones, domain/search.ts),
 * so events that arrive late, twice or out of order do no harm.
 */
import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { fromItem } from '../../platform/store/items';
import { batchGet, get, queryAll } from '../../platform/store/table';
import { createLogger } from '../../platform/http/logging';
import type { ArticleMeta, Version } from '../articles/store';
import { getNetwork, listNetworks } from '../../networks';
import { renderMarkdown } from '../domain/render';
import type { SearchDoc, SearchIndex } from '../domain/search';
import type { SearchIndexStore } from './index-store';
import { fromImage, recordOf, type ChangeRecord } from './stream-records';

/** What the index needs to know about an article: which version is published, and whether it still is. */
interface ArticleState {
  id: string;
  networkId: string;
  publishedVersion: number;
  /** Archived (or the record deleted): out of the index, at this version. */
  withdrawn: boolean;
  reviewBy?: string;
}

/** A removal without a version is for a document whose article does not exist (no tombstone needed). */
type Change = { kind: 'upsert'; doc: SearchDoc } | { kind: 'remove'; id: string; version?: number };

export interface IndexingReport {
  /** Documents added or replaced with a newer version. */
  upserted: number;
  removed: number;
  /** Records that change nothing search shows (drafts, counters, other items). */
  skipped: number;
}

/** The search document of a published version (immutable, so any reader builds the same one). */
export function searchDocOf(version: Version, networkName: string, reviewBy?: string): SearchDoc {
  return {
    id: version.articleId,
    slug: version.slug,
    title: version.title,
    summary: version.summary,
    body: renderMarkdown(version.markdown).plainText,
    tags: version.tags,
    themes: version.themes,
    network: version.networkId,
    networkName,
    audience: version.audience,
    language: version.language,
    publishedAt: version.publishedAt,
    reviewBy,
    version: version.version,
  };
}

/**
 * Applies a batch of stream records to the index: one snapshot write per batch, the newest state
 * per article. Throws when the index cannot be written, so the stream retries the batch.
 */
export async function indexArticleChanges(store: StoreClients, search: SearchIndexStore, records: readonly ChangeRecord[]): Promise<IndexingReport> {
  const latest = new Map<string, ArticleState>();
  let skipped = 0;
  for (const record of records) {
    const state = articleChange(record);
    if (!state) {
      skipped++;
      continue;
    }
    const seen = latest.get(state.id);
    if (!seen || isNewer(state, seen)) latest.set(state.id, state);
  }
  // Nothing search shows changed (every vote on a published article reaches this handler): no pointer read, no snapshot load.
  if (latest.size === 0) return { upserted: 0, removed: 0, skipped };
  // What the index already has (a repeated or late event) is neither read again nor written.
  const index = await search.current();
  const states = [...latest.values()].filter((s) => (s.withdrawn ? index.has(s.id) || (index.tombstoneOf(s.id) ?? -1) < s.publishedVersion : index.accepts(s.id, s.publishedVersion)));
  const changes = await changesFor(store, states);
  const report = { upserted: 0, removed: 0, skipped: skipped + latest.size - states.length };
  if (changes.length === 0) return report;
  await search.update((index) => Object.assign(report, apply(index, changes)));
  return report;
}

/**
 * The local stand-in for the stream: hands the article record just written to
 * `indexArticleChanges`. The write is the truth: a failed index update is logged and left to the
 * next change or the reconciliation, never reported as a failed write. In AWS (`stream`) it does
 * nothing, the table's stream delivers the change.
 */
export async function indexAfterWrite(store: StoreClients, search: SearchIndexStore, articleId: string): Promise<void> {
  if (search.indexing === 'stream') return;
  try {
    const item = await get(store, keys.article(articleId), { ConsistentRead: true });
    if (item) await indexArticleChanges(store, search, [recordOf(item)]);
  } catch (err) {
    log().warn('Search index not updated after a write; reconciliation repairs it', { articleId, error: err instanceof Error ? err.message : String(err) });
  }
}

export interface ReconcileReport {
  /** Published, readable articles found in the store. */
  published: number;
  /** Documents that were missing from the index. */
  added: number;
  /** Documents indexed at an older version (or another audience). */
  updated: number;
  /** Documents of archived, unpublished or unknown articles. */
  removed: number;
}

/**
 * Compares the article records with the index and repairs the drift: adds what is missing,
 * replaces what is stale, removes what should not be there. Reads every article META item
 * (Query per network, no Scan) and only the version items of what needs repair; writes a snapshot
 * only when something changed. Safe to run beside the stream: every repair is version-aware, and
 * a document is removed only when its article record, read again, says so.
 */
export async function reconcileSearchIndex(store: StoreClients, search: SearchIndexStore, options: { networkIds?: string[] } = {}): Promise<ReconcileReport> {
  const networkIds = options.networkIds ?? (await listNetworks(store)).map((n) => n.id);
  const live = new Map<string, ArticleState>();
  for (const networkId of networkIds) {
    for (const meta of await listArticleStates(store, networkId)) if (!meta.withdrawn && meta.publishedVersion > 0) live.set(meta.id, meta);
  }
  const index = await search.current();
  const missing = [...live.values()].filter((s) => !index.has(s.id));
  const stale = [...live.values()].filter((s) => index.has(s.id) && index.versionOf(s.id)! < s.publishedVersion);
  // Extra documents are confirmed against the article record itself (the network listing is an index, and may lag).
  const extraIds = [...index.entries()].map((e) => e.id).filter((id) => !live.has(id));
  const records = await currentArticles(store, extraIds);
  const extra: Change[] = [];
  for (const id of extraIds) {
    const record = records.get(id);
    if (!record) extra.push({ kind: 'remove', id });
    else if (record.archived || record.publishedVersion < 1) extra.push({ kind: 'remove', id, version: record.publishedVersion });
  }
  const repairs = await changesFor(store, [...missing, ...stale]);
  const report: ReconcileReport = { published: live.size, added: missing.length, updated: stale.length, removed: 0 };
  if (repairs.length + extra.length === 0) return report;
  await search.update((current) => {
    report.removed = apply(current, extra).removed;
    apply(current, repairs);
  });
  return report;
}

// ---------------------------------------------------------------------------------------------

function apply(index: SearchIndex, changes: readonly Change[]): { upserted: number; removed: number } {
  let upserted = 0;
  let removed = 0;
  for (const change of changes) {
    if (change.kind === 'upsert') upserted += index.upsert(change.doc) ? 1 : 0;
    else removed += index.remove(change.id, change.version) ? 1 : 0;
  }
  return { upserted, removed };
}

const isNewer = (a: ArticleState, b: ArticleState) => a.publishedVersion > b.publishedVersion || (a.publishedVersion === b.publishedVersion && a.withdrawn && !b.withdrawn);

/** The article state a record carries, or undefined when it changes nothing search shows. */
function articleChange(record: ChangeRecord): ArticleState | undefined {
  const next = record.dynamodb?.NewImage ? fromImage(record.dynamodb.NewImage) : undefined;
  const before = record.dynamodb?.OldImage ? fromImage(record.dynamodb.OldImage) : undefined;
  const item = next ?? before;
  if (!item || item.type !== 'article') return undefined;
  const state = stateOf(item, record.eventName === 'REMOVE');
  if (state.publishedVersion < 1) return undefined; // never published: nothing to index or remove
  // Counters, drafts and review dates change the record but not what search shows.
  if (next && before && before.publishedVersion === next.publishedVersion && Boolean(before.archived) === Boolean(next.archived)) return undefined;
  return state;
}

function stateOf(item: Record<string, unknown>, deleted = false): ArticleState {
  const meta = item as Partial<ArticleMeta>;
  return {
    id: String(meta.id),
    networkId: String(meta.networkId),
    publishedVersion: Number(meta.publishedVersion ?? 0),
    withdrawn: deleted || meta.archived === true,
    reviewBy: meta.reviewBy,
  };
}

/** Upserts built from version items (read consistently: the stream may run right after the write), removals as they are. */
async function changesFor(store: StoreClients, states: readonly ArticleState[]): Promise<Change[]> {
  const networkNames = new Map<string, Promise<string>>();
  const nameOf = (networkId: string) => {
    if (!networkNames.has(networkId)) networkNames.set(networkId, getNetwork(store, networkId).then((n) => n?.name ?? networkId));
    return networkNames.get(networkId)!;
  };
  const changes: Change[] = [];
  // A few at a time: reconciliation after an outage may repair many.
  for (let i = 0; i < states.length; i += 25) {
    const batch = await Promise.all(
      states.slice(i, i + 25).map(async (state): Promise<Change> => {
        if (state.withdrawn) return { kind: 'remove', id: state.id, version: state.publishedVersion };
        const version = fromItem<Version>(await get(store, keys.version(state.id, state.publishedVersion), { ConsistentRead: true }));
        if (!version) throw new Error(`Version ${state.publishedVersion} of article ${state.id} is missing`);
        return { kind: 'upsert', doc: searchDocOf(version, await nameOf(state.networkId), state.reviewBy) };
      }),
    );
    changes.push(...batch);
  }
  return changes;
}

/** Every article of a network as the index sees it (access pattern 13, all pages, only the fields needed). */
async function listArticleStates(store: StoreClients, networkId: string): Promise<ArticleState[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `NETWORK#${networkId}#ARTICLES` },
    ProjectionExpression: 'id, networkId, publishedVersion, archived, reviewBy',
  });
  return items.map((item) => stateOf(item));
}

let logger: ReturnType<typeof createLogger> | undefined;
const log = () => (logger ??= createLogger('academy-search-indexer'));

/** Current article records (META items) by id: one BatchGet, for the re-check of a page of hits. */
export async function currentArticles(store: StoreClients, ids: readonly string[]): Promise<Map<string, ArticleMeta>> {
  if (ids.length === 0) return new Map();
  const items = await batchGet(store, [...new Set(ids)].map((id) => keys.article(id)));
  return new Map(items.map((item) => fromItem<ArticleMeta>(item)).map((meta) => [meta.id, meta]));
}
