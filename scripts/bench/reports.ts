/**
 * Bench section `reports` (BENCH_ONLY=reports): the academy dashboard for 5,000 learners × 12
 * months. The activity counters are seeded as the writes would leave them: every learner's
 * events of a year (module enrolments and completions with points, path enrolments and
 * completions, evaluations) are generated, merged per month × module/path by the same code the
 * write sites use (platform/store/activity-counters.ts), and batch-written. Then the dashboard
 * route against the raw DynamoDB reads it makes, in the same run.
 */
import { BatchGetCommand, BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { counterItem, mergeDeltas, type ActivityDelta } from '../../functions/src/platform/store/activity-counters';
import { addMonths, monthOf, monthsBetween } from '../../functions/src/platform/domain/months';
import { keys } from '../../functions/src/platform/store/keys';
import { listNetworks } from '../../functions/src/networks';
import type { LocalStack } from '../local/stack';
import { measure, printTable, ratio } from './measure';

const learners = 5000;
const moduleCount = 200;
const pathCount = 20;
const registers = ['V&VN Kwaliteitsregister', 'NIP (Nederlands Instituut van Psychologen)', 'FGzPt', 'Registerplein', 'NVvP (accreditatie psychiaters)'];

/** A small deterministic generator, so every run seeds the same year. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function batchWrite(stack: LocalStack, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, Array<{ PutRequest: { Item: Record<string, unknown> } }>> | undefined = { [stack.store.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) {
      const res = await stack.store.doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = res.UnprocessedItems as typeof request;
    }
  }
}

export async function benchReports(stack: LocalStack, opts: { requests: number; concurrency: number }) {
  console.log('\n## Academierapportage\n');
  const to = monthOf(new Date().toISOString());
  const from = addMonths(to, -11);
  const months = monthsBetween(from, to);
  const networks = (await listNetworks(stack.store)).map((n) => n.id);
  const now = new Date().toISOString();

  // Modules and paths the counters name (only the fields the dashboard reads; kept out of the catalogue's index).
  const modules = Array.from({ length: moduleCount }, (_, i) => ({ id: `m-report-${i}`, networkId: networks.length > 0 && i % 5 !== 0 ? networks[i % networks.length] : undefined, points: i % 3 === 0 ? [] : [{ register: registers[i % registers.length]!, points: 1 + (i % 4) }] }));
  const metaItems = [
    ...modules.map((m, i) => ({ ...keys.module(m.id), type: 'module', id: m.id, kind: 'classroom', title: `Rapportagemodule ${i}`, ...(m.networkId ? { networkId: m.networkId } : {}), accreditation: m.points, status: 'archived', rev: 1, createdAt: now, updatedAt: now })),
    ...Array.from({ length: pathCount }, (_, i) => ({ ...keys.path(`p-report-${i}`), type: 'path', id: `p-report-${i}`, title: `Rapportageleerpad ${i}`, description: '', latestVersion: 0, status: 'archived', rev: 1, createdAt: now })),
  ];

  // A year of activity: per learner and month, enrolments, completions (with points) and evaluations.
  const rnd = random(11);
  const deltas: ActivityDelta[] = [];
  let events = 0;
  for (let l = 0; l < learners; l++) {
    for (const month of months) {
      const at = (day: number) => `${month}-${String(day).padStart(2, '0')}T10:00:00+01:00`;
      for (let k = Math.floor(rnd() * 4); k > 0; k--) {
        const m = modules[Math.floor(rnd() * moduleCount)]!;
        deltas.push({ at: at(1 + Math.floor(rnd() * 27)), targetType: 'module', targetId: m.id, enrolments: 1 });
        events++;
        if (rnd() < 0.7) {
          deltas.push({ at: at(1 + Math.floor(rnd() * 27)), targetType: 'module', targetId: m.id, completions: 1, points: m.points });
          events++;
          if (rnd() < 0.4) {
            deltas.push({ at: at(28), targetType: 'module', targetId: m.id, evaluations: 1, scoreSum: 1 + Math.floor(rnd() * 5) });
            events++;
          }
        }
      }
      if (rnd() < 0.08) {
        const p = `p-report-${Math.floor(rnd() * pathCount)}`;
        deltas.push({ at: at(2), targetType: 'path', targetId: p, enrolments: 1 }, ...(rnd() < 0.5 ? [{ at: at(26), targetType: 'path' as const, targetId: p, completions: 1 }] : []));
        events += 2;
      }
    }
  }
  const counters = mergeDeltas(deltas);
  const t0 = performance.now();
  await batchWrite(stack, [...metaItems, ...counters.map(counterItem)]);
  console.log(`seeded ${events.toLocaleString('en')} events of ${learners.toLocaleString('en')} learners over ${months.length} months (${from}…${to}) as ${counters.length.toLocaleString('en')} counter items for ${moduleCount} modules and ${pathCount} paths, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const token = ((await (await fetch(`${stack.appUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'u-sanne-de-vries' }) })).json()) as { token: string }).token;
  const get = (path: string) => async () => {
    const res = await fetch(`${stack.appUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    return res.status === 200;
  };
  const period = `from=${from}&to=${to}`;
  const check = (await (await fetch(`${stack.appUrl}/api/academy/reports?${period}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { months: Array<{ moduleEnrolments: number }>; modules: unknown[] };
  console.log(`dashboard check: ${check.modules.length} modules, ${check.months.reduce((s, m) => s + m.moduleEnrolments, 0).toLocaleString('en')} module enrolments in the period`);

  // The raw reads the dashboard makes: one Query per month; then, side by side, the modules (BatchGet), each path (GetItem) and the networks (Query).
  const { tableName, doc } = stack.store;
  const rawMonths = async () => (await Promise.all(months.map((m) => doc.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `STATS#${m}` } }))))).every((r) => (r.Items?.length ?? 0) > 0);
  const rawAll = async () => {
    const ok = await rawMonths();
    await Promise.all([
      ...[0, 100].map((start) => doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: modules.slice(start, start + 100).map((m) => keys.module(m.id)) } } }))),
      ...Array.from({ length: pathCount }, (_, i) => doc.send(new GetCommand({ TableName: tableName, Key: keys.path(`p-report-${i}`) }))),
      doc.send(new QueryCommand({ TableName: tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'NETWORKS' } })),
    ]);
    return ok;
  };
  const small = { requests: Math.min(opts.requests, 300), concurrency: 4 };
  await measure('warm-up', get(`/api/academy/reports?${period}`), { requests: 30, concurrency: 4, warmup: 0 });
  const raw12 = await measure('raw: 12 month Queries (parallel)', rawMonths, small);
  const rawReads = await measure('raw: 12 Queries, then BatchGet 200 modules ∥ 20 GetItem ∥ networks Query', rawAll, small);
  const dashboard = await measure(`GET /api/academy/reports (12 months, ${counters.length.toLocaleString('en')} counters)`, get(`/api/academy/reports?${period}`), small);
  const filtered = await measure('GET /api/academy/reports?networkId=… (same reads, filtered)', get(`/api/academy/reports?${period}&networkId=${networks[0] ?? 'none'}`), small);
  const csv = await measure('GET /api/academy/reports/modules.csv', get(`/api/academy/reports/modules.csv?${period}`), small);

  printTable([raw12, rawReads, dashboard, filtered, csv]);
  console.log('');
  console.log(`ratio dashboard to raw month Queries:         ${ratio(dashboard, raw12)}`);
  console.log(`ratio dashboard to all raw reads it makes:    ${ratio(dashboard, rawReads)}`);
  console.log(`ratio modules CSV to all raw reads it makes:  ${ratio(csv, rawReads)}`);
}
