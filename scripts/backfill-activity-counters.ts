/**
 * One-off admin job: the activity counters (functions/docs/reports.md) for what happened before
 * the write sites counted. Scans the table (allowed here: an admin job, never a request), derives
 * every event the records still show — module enrolments (learner record and session seats),
 * module completions with the points of their frozen copy, path enrolments and completions,
 * evaluations — counts them per month (Europe/Amsterdam) and module or path exactly as the write
 * sites do (platform/store/activity-counters.ts), and writes the absolute counts; counter items
 * the records no longer support are removed. Idempotent.
 *
 * Run it ONCE, when the counting code is deployed and before anyone is erased (an erasure removes
 * records, not counts: a later backfill would lose them) and in a quiet moment (an event written
 * during the scan may be counted twice or not at all). What records cannot show is not counted:
 * a seat cancelled and taken again is one enrolment here, two in the live count.
 *
 *   AWS_REGION=… TABLE_NAME=… npx tsx scripts/backfill-activity-counters.ts [--dry-run]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../functions/src/platform/config';
import { createStoreClients, type StoreClients } from '../functions/src/platform/store/clients';
import { counterItem, mergeDeltas, type ActivityCounts, type ActivityDelta } from '../functions/src/platform/store/activity-counters';
import { keys } from '../functions/src/platform/store/keys';

type Item = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The counted events one stored item stands for (none for anything else). Pure. */
export function deltasOf(item: Item): ActivityDelta[] {
  const out: ActivityDelta[] = [];
  switch (item.type) {
    case 'learner-module': {
      const moduleId = str(item.moduleId);
      if (!moduleId) break;
      const enrolledAt = str(item.enrolledAt);
      const completedAt = str(item.completedAt);
      if (enrolledAt) out.push({ at: enrolledAt, targetType: 'module', targetId: moduleId, enrolments: 1 });
      if (completedAt) {
        const copy = item.completedModule as { accreditation?: Array<{ register: string; points: number }> } | undefined;
        out.push({ at: completedAt, targetType: 'module', targetId: moduleId, completions: 1, points: (copy?.accreditation ?? []).map((a) => ({ register: a.register, points: a.points })) });
      }
      break;
    }
    case 'seat': {
      // Every seat item was an enrolment (or a waitlist place) when it was taken, whatever it is now.
      const moduleId = str(item.moduleId);
      const createdAt = str(item.createdAt);
      if (moduleId && createdAt) out.push({ at: createdAt, targetType: 'module', targetId: moduleId, enrolments: 1 });
      break;
    }
    case 'learner-path': {
      const pathId = str(item.pathId);
      if (!pathId) break;
      if (str(item.enrolledAt)) out.push({ at: str(item.enrolledAt)!, targetType: 'path', targetId: pathId, enrolments: 1 });
      if (str(item.completedAt)) out.push({ at: str(item.completedAt)!, targetType: 'path', targetId: pathId, completions: 1 });
      break;
    }
    case 'evaluation': {
      const targetType = item.targetType === 'module' || item.targetType === 'path' ? item.targetType : undefined;
      const targetId = str(item.targetId);
      const createdAt = str(item.createdAt);
      if (targetType && targetId && createdAt && typeof item.rating === 'number') out.push({ at: createdAt, targetType, targetId, evaluations: 1, scoreSum: item.rating });
      break;
    }
  }
  return out;
}

async function scanAll(store: StoreClients, onPage: (items: Item[]) => void) {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey }));
    onPage(res.Items ?? []);
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

async function batchWrite(store: StoreClients, requests: Array<{ PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } }>) {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Record<string, typeof requests> | undefined = { [store.tableName]: requests.slice(i, i + 25) };
    while (pending && Object.keys(pending).length > 0) {
      const res = await store.doc.send(new BatchWriteCommand({ RequestItems: pending as never }));
      pending = res.UnprocessedItems as typeof pending;
    }
  }
}

/** Recounts everything from the records and writes it; returns the counts written and the stale items removed. */
export async function backfillActivityCounters(store: StoreClients, o: { dryRun?: boolean } = {}): Promise<{ events: number; counters: ActivityCounts[]; removed: number }> {
  const deltas: ActivityDelta[] = [];
  const existing: Item[] = [];
  await scanAll(store, (items) => {
    for (const item of items) {
      if (item.type === 'activity-counter') existing.push({ PK: item.PK, SK: item.SK });
      else deltas.push(...deltasOf(item));
    }
  });
  const counters = mergeDeltas(deltas);
  const written = new Set(counters.map((c) => { const k = keys.activityCounter(c.month, c.targetType, c.targetId); return `${k.PK}|${k.SK}`; }));
  const stale = existing.filter((k) => !written.has(`${k.PK}|${k.SK}`));
  if (!o.dryRun) await batchWrite(store, [...counters.map((c) => ({ PutRequest: { Item: counterItem(c) } })), ...stale.map((Key) => ({ DeleteRequest: { Key } }))]);
  return { events: deltas.length, counters, removed: stale.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dryRun = process.argv.includes('--dry-run');
  const store = createStoreClients(loadConfig(process.env));
  const result = await backfillActivityCounters(store, { dryRun });
  console.log(`${dryRun ? '[dry run] ' : ''}${result.events} events → ${result.counters.length} counter items written, ${result.removed} stale removed`);
}
