import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { generateSyntheticDocs } from '../../functions/src/knowledge/domain/synthetic';
import { keys } from '../../functions/src/platform/store/keys';
import * as svc from '../../functions/src/knowledge/articles/service';
import type { LocalStack } from '../local/stack';
import { measure, printTable, ratio, type Summary } from './measure';
import { benchSearchEngines, printEngineFigures, queries } from './search';

/** Knowledge-base figures: in-process search over 10,000 articles, article reads vs raw GetItem, publish time. */
export async function benchKnowledge(stack: LocalStack, opts: { requests: number; concurrency: number }) {
  console.log('\n## Kennisbank\n');

  // 1. Search, in-process, over a generated corpus: the engine before this change and the current one, same run.
  const docs = generateSyntheticDocs(10_000);
  const engines = await benchSearchEngines(docs);
  const { search: searchBefore, browse: browseBefore } = engines.before;
  const { search, browse } = engines.after;

  // 2. Article read through the API vs the raw GetItem of the same item, same run.
  const slug = 'suicidaliteit-bespreekbaar-maken';
  const rawSlug = async () => Boolean((await stack.store.doc.send(new GetCommand({ TableName: stack.store.tableName, Key: keys.slug(slug) }))).Item);
  const readArticle = async () => {
    const res = await fetch(`${stack.appUrl}/api/articles/by-slug/${slug}`);
    await res.arrayBuffer();
    return res.status === 200;
  };
  await measure('warm-up', rawSlug, { requests: 1000, concurrency: opts.concurrency, warmup: 0 });
  await measure('warm-up', readArticle, { requests: 500, concurrency: opts.concurrency, warmup: 0 });
  const rawBefore = await measure('raw GetItem slug item (before)', rawSlug, opts);
  const article = await measure('GET /api/articles/by-slug/{slug} (+related)', readArticle, opts);
  const rawAfter = await measure('raw GetItem slug item (after)', rawSlug, opts);
  const searchApi = await measure('GET /api/articles?q= (seeded index + re-check BatchGet)', async (i) => {
    const res = await fetch(`${stack.appUrl}/api/articles?q=${encodeURIComponent(queries[i % queries.length]!)}`);
    await res.arrayBuffer();
    return res.status === 200;
  }, opts);
  const raw: Summary = { ...rawBefore, p50: (rawBefore.p50 + rawAfter.p50) / 2, p95: (rawBefore.p95 + rawAfter.p95) / 2 };

  // 3. Publish, end to end (transaction + render; locally also the index update: snapshot to S3 + pointer), sequentially.
  const author = { id: 'u-joost-bakker', name: 'Joost Bakker', roles: ['author' as const, 'employee' as const] };
  const lead = { id: 'u-fatima-el-amrani', name: 'Fatima el Amrani', roles: ['author' as const, 'employee' as const] };
  const ctx = (principal: typeof author) => ({ store: stack.store, search: stack.deps.search, principal });
  const publishRun = async (label: string, n: number) =>
    measure(
      label,
      async (i) => {
        const created = await svc.createArticle(ctx(author), 'suicidepreventie', {
          title: `Benchmarkartikel ${label.length}-${i}-${Date.now()}`,
          summary: 'Gegenereerd artikel voor de benchmark van het publiceren.',
          markdown: `## Inleiding\n\nDit artikel gaat over ${queries[i % queries.length]}.\n\n- punt een\n- punt twee\n`,
          tags: ['benchmark'],
          themes: ['suïcidepreventie'],
          audience: 'internal',
          language: 'nl',
          coAuthors: [],
        });
        const submitted = await svc.submitDraft(ctx(author), created.article.id, created.draft.revision);
        await svc.publishDraft(ctx(lead), created.article.id, submitted.revision, 'benchmark');
        return true;
      },
      { requests: n, concurrency: 1, warmup: 0 },
    );
  const publishSmall = await publishRun('publish (index ≈ seeded corpus)', 30);
  await stack.deps.search.update((idx) => {
    for (const d of docs) idx.upsert(d);
  });
  const publishLarge = await publishRun('publish (index with +10k docs)', 10);

  printTable([searchBefore, search, browseBefore, browse, rawBefore, article, rawAfter, searchApi, publishSmall, publishLarge]);
  console.log('');
  printEngineFigures(engines, docs.length);
  console.log(`ratio article GET to raw GetItem: ${ratio(article, raw)}`);
}
