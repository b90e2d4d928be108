import v8 from 'node:v8';
import vm from 'node:vm';
import { createSearchIndex, loadSearchIndex, type Audience, type SearchDoc } from '../../functions/src/knowledge/domain/search';
import * as baseline from './search-baseline';
import { measure, type Summary } from './measure';

export const queries = ['depressie', 'cliënten suïcidaal', 'veiligheidsplan naasten', 'psychose signalen', 'herstel', 'angst behandeling ouderen', 'zorg', 'medicatie', 'gesprek', 'ervaringsdeskundige'];
const readerAudiences: Audience[][] = [['public'], ['partners', 'public'], ['internal', 'partners', 'public']];

// The heap is measured after a full collection; tsx does not start node with --expose-gc.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

interface Engine {
  search(q: string, opts: { audiences: Audience[]; limit?: number; theme?: string; network?: string }): { total: number };
  toJSON(): string;
}

export interface EngineFigures {
  label: string;
  search: Summary;
  browse: Summary;
  buildMs: number;
  snapshotBytes: number;
  serialiseMs: number;
  loadMs: number;
  /** Heap held by an index loaded from the snapshot (after full collections). */
  heapBytes: number;
}

/** One engine over the same corpus and query mix: build, snapshot, load, memory, then search and browse. */
async function figuresFor(label: string, docs: SearchDoc[], create: (docs: SearchDoc[]) => Engine, load: (json: string) => Engine): Promise<EngineFigures> {
  let t0 = performance.now();
  let json = create(docs).toJSON();
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const index = load(json);
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  json = index.toJSON();
  const serialiseMs = performance.now() - t0;
  // Memory: what a second copy loaded from the same snapshot adds to the heap.
  const before = heapUsed();
  const loaded = load(json);
  const heapBytes = heapUsed() - before;
  void loaded.search('', { audiences: ['public'], limit: 1 }); // keeps `loaded` alive until measured

  const search = await measure(
    `search 10k docs, ${label} (in-process, mixed queries/roles)`,
    async (i) => index.search(queries[i % queries.length]!, { audiences: readerAudiences[i % 3]!, limit: 20, ...(i % 4 === 0 ? { theme: docs[i % docs.length]!.themes[0] } : {}) }).total >= 0,
    { requests: 2000, concurrency: 1 },
  );
  const browse = await measure(`browse 10k docs, ${label} (empty query + network filter)`, async (i) => index.search('', { audiences: readerAudiences[i % 3]!, network: docs[i % docs.length]!.network, limit: 20 }).total >= 0, {
    requests: 500,
    concurrency: 1,
  });
  return { label, search, browse, buildMs, snapshotBytes: json.length, serialiseMs, loadMs, heapBytes };
}

/**
 * Search before (MiniSearch, one index per visibility tier: scripts/bench/search-baseline.ts) and
 * after (the compact index of functions/src/knowledge/domain/search.ts), in the same run.
 */
export async function benchSearchEngines(docs: SearchDoc[]): Promise<{ before: EngineFigures; after: EngineFigures }> {
  const before = await figuresFor('before', docs, (d) => baseline.createSearchIndex(d), (json) => baseline.loadSearchIndex(json));
  const after = await figuresFor('after', docs, (d) => createSearchIndex(d), (json) => loadSearchIndex(json));
  return { before, after };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function printEngineFigures({ before, after }: { before: EngineFigures; after: EngineFigures }, count: number): void {
  for (const f of [before, after]) {
    console.log(
      `search index ${f.label.padEnd(6)}: ${count} docs, build ${f.buildMs.toFixed(0)} ms, snapshot ${mb(f.snapshotBytes)} (serialise ${f.serialiseMs.toFixed(0)} ms, load ${f.loadMs.toFixed(0)} ms), index in memory ${mb(f.heapBytes)}`,
    );
  }
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(
    `search after/before: p50 ${ratio(after.search.p50, before.search.p50)}, p95 ${ratio(after.search.p95, before.search.p95)}; ` +
      `index memory ${ratio(after.heapBytes, before.heapBytes)}; snapshot ${ratio(after.snapshotBytes, before.snapshotBytes)}`,
  );
}
