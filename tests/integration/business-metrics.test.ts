import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { useMetricsSink, type BusinessEvent, type MetricsSink } from '../../functions/src/platform/observability/metrics';
import { stack, tokenFor, demo } from '../support/api';
import { submitArticle, uniqueWord } from '../support/knowledge';
import { createModule, readingArticleSlug, syntheticEmployees, unique } from '../support/learning';

/**
 * Business events (platform/observability/metrics.ts) are counted where the write succeeded, once:
 * an API instance in this process with a recording sink, against the shared local stack.
 */
const counted: BusinessEvent[] = [];
const recording: MetricsSink = { count: (event, value) => counted.push(...Array<BusinessEvent>(value).fill(event)) };
let previous: MetricsSink;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  app = createApp(buildDeps(loadConfig(stack().env)));
  previous = useMetricsSink(recording);
});
afterAll(() => void useMetricsSink(previous));

async function call(path: string, token: string, init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, { method: init.method ?? 'POST', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  return { status: res.status, data: (await res.json().catch(() => undefined)) as any };
}

/** What `act` counted, and nothing from before it. */
async function countedBy(act: () => Promise<unknown>): Promise<BusinessEvent[]> {
  const from = counted.length;
  await act();
  return counted.slice(from);
}

describe('business metrics', () => {
  it('counts a publication once, and nothing for a refused one', async () => {
    const { id, revision } = await submitArticle({ title: `Meetbaar ${uniqueWord()}`, audience: 'internal' });
    const lead = await tokenFor(demo.admin);
    const publish = () => call(`/api/articles/${id}/publish`, lead, { json: { expectedRevision: revision, note: 'Eerste versie' } });
    expect(await countedBy(async () => expect((await publish()).status).toBe(200))).toEqual(['ArticlePublished']);
    expect(await countedBy(async () => expect((await publish()).status).toBe(409))).toEqual([]);
  });

  it('counts an enrolment and a completion once each, however often they are repeated', async () => {
    const admin = await tokenFor(demo.admin);
    const reading = await createModule(admin, { kind: 'reading', title: `Meetbaar lezen ${unique()}`, articleSlug: await readingArticleSlug() });
    const [learner] = await syntheticEmployees(1, 'u-metrics');
    const enrol = () => call(`/api/modules/${reading.id}/enrol`, learner!.token);
    expect(await countedBy(async () => expect((await enrol()).status).toBe(201))).toEqual(['Enrolment']);
    expect(await countedBy(async () => expect((await enrol()).status).toBe(201))).toEqual([]);
    expect(await countedBy(async () => expect((await call(`/api/modules/${reading.id}/complete`, learner!.token)).status).toBe(200))).toEqual(['Completion']);
    expect(await countedBy(async () => expect((await call(`/api/modules/${reading.id}/complete`, learner!.token)).status).toBe(200))).toEqual([]);
  });
});
