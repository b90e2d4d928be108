import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditionFailed } from '../../platform/store/items';
import { get, put } from '../../platform/store/table';
import { createSearchIndex, loadSearchIndex, type SearchIndex } from '../domain/search';

interface Pointer {
  version: number;
  key: string;
}

/**
 * Who brings article changes into the index. `stream`: in AWS the table's stream invokes the
 * search-indexer Lambda (functions/src/search-indexer.ts). `inline`: locally and in tests there is
 * no stream, so the use case hands the written article to the same handler right after the write
 * (see `indexAfterWrite` in indexer.ts).
 */
export type IndexingMode = 'inline' | 'stream';

export interface SearchIndexOptions {
  indexing?: IndexingMode;
  /** How long an instance trusts its in-memory index before it looks at the pointer again. */
  recheckMs?: number;
}

/**
 * The search index lives as a snapshot in S3; a DynamoDB pointer names the current snapshot and
 * orders concurrent writers (conditional write on its version). Each API instance keeps the index
 * in memory and re-reads the pointer at most every `recheckMs`, so a publish elsewhere shows up
 * within seconds without a request-path S3 read. See functions/docs/knowledge-base.md for the OpenSearch path.
 */
export class SearchIndexStore {
  private cached?: { pointer: Pointer; index: SearchIndex; checkedAt: number };
  readonly indexing: IndexingMode;
  private readonly recheckMs: number;

  constructor(
    private readonly store: StoreClients,
    options: SearchIndexOptions = {},
    private readonly name = 'articles',
  ) {
    this.indexing = options.indexing ?? 'inline';
    this.recheckMs = options.recheckMs ?? 5000;
  }

  private async readPointer(): Promise<Pointer | undefined> {
    const item = await get(this.store, keys.searchPointer(this.name));
    return item ? { version: item.version as number, key: item.key as string } : undefined;
  }

  private async load(pointer: Pointer | undefined): Promise<SearchIndex> {
    if (!pointer) return createSearchIndex([]);
    const res = await this.store.s3.send(new GetObjectCommand({ Bucket: this.store.buckets.attachments, Key: pointer.key }));
    return loadSearchIndex(await res.Body!.transformToString());
  }

  /** The current index together with its snapshot version (a cache key for derived results). */
  async currentWithVersion(): Promise<{ index: SearchIndex; version: number }> {
    const index = await this.current();
    return { index, version: this.cached?.pointer.version ?? 0 };
  }

  /** The current index; cheap on the hot path (memory), with a pointer check every few seconds. */
  async current(): Promise<SearchIndex> {
    const now = Date.now();
    if (this.cached && now - this.cached.checkedAt < this.recheckMs) return this.cached.index;
    const pointer = await this.readPointer();
    if (this.cached && pointer?.version === this.cached.pointer.version) {
      this.cached.checkedAt = now;
      return this.cached.index;
    }
    const index = await this.load(pointer);
    this.cached = { pointer: pointer ?? { version: 0, key: '' }, index, checkedAt: now };
    return index;
  }

  /** Writers in this instance take turns; they would otherwise only race each other for the pointer. */
  private writing: Promise<unknown> = Promise.resolve();

  /**
   * Applies a change on top of the newest snapshot and publishes it. Updates from this instance
   * run one at a time; writers in other instances are ordered by the pointer's condition, and a
   * writer that lost waits a random, growing moment before it tries again on the winner's snapshot.
   */
  update(mutate: (index: SearchIndex) => void): Promise<void> {
    const run = this.writing.then(() => this.apply(mutate));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async apply(mutate: (index: SearchIndex) => void): Promise<void> {
    try {
      await this.applyWithRetries(mutate);
    } catch (err) {
      // The change was made on the cached index itself (copying tens of MB per change would cost
      // more than it saves), so the cache is now ahead of what S3 holds: forget it, and the next
      // read loads the snapshot that really is current.
      this.cached = undefined;
      throw err;
    }
  }

  private async applyWithRetries(mutate: (index: SearchIndex) => void): Promise<void> {
    const attempts = 10;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 20 * 2 ** attempt)));
      const pointer = await this.readPointer();
      const index = this.cached && pointer?.version === this.cached.pointer.version ? this.cached.index : await this.load(pointer);
      mutate(index);
      const version = (pointer?.version ?? 0) + 1;
      const key = `search/${this.name}/v${String(version).padStart(8, '0')}-${crypto.randomUUID().slice(0, 8)}.json`;
      await this.store.s3.send(new PutObjectCommand({ Bucket: this.store.buckets.attachments, Key: key, Body: index.toJSON(), ContentType: 'application/json' }));
      try {
        await put(this.store, { ...keys.searchPointer(this.name), type: 'search-pointer', version, key, updatedAt: new Date().toISOString() }, {
          ConditionExpression: pointer ? 'version = :v' : 'attribute_not_exists(PK)',
          ExpressionAttributeValues: pointer ? { ':v': pointer.version } : undefined,
        });
        this.cached = { pointer: { version, key }, index, checkedAt: Date.now() };
        return;
      } catch (err) {
        if (!conditionFailed(err)) throw err;
        this.cached = undefined; // someone else published first: apply the change again on their snapshot
      }
    }
    throw new Error(`Search index update lost ${attempts} races in a row`);
  }
}

/**
 * A search index over these store clients, with these options. Each call makes a new one (each
 * keeps its own copy in memory), so a composition root makes one per process and hands it down:
 * the app's deps (`deps.search`, deps.ts), the search indexer's runtime. Nothing looks it up again.
 */
export function searchIndexFor(store: StoreClients, options?: SearchIndexOptions): SearchIndexStore {
  return new SearchIndexStore(store, options);
}
