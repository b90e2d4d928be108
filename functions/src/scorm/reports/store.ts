import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { fromItem } from '../../platform/store/items';
import { queryAll } from '../../platform/store/table';
import type { ScoState } from '../domain/cmi';
import type { ReportAttempt, ReportSco } from '../domain/report';

/**
 * What the module report reads (functions/docs/data-model.md, "SCORM attempts"):
 * - every attempt at the module: one Query on GSI1 (`MODULE#{id}#SCORM#ATTEMPTS`, by start);
 * - the SCO states of one learner's attempts: one Query on the learner's partition
 *   (`SCORM#{moduleId}#{userId}`, `ATTEMPT#…#SCO#…`), the state from the row or, when it spilled,
 *   from the attachments bucket.
 */

const attemptFields = ['attemptId', 'userId', 'learnerName', 'number', 'packageVersion', 'scormVersion', 'status', 'startedAt', 'updatedAt', 'finishedAt', 'outcome'] as const;

export async function attemptsOfModule(store: StoreClients, moduleId: string): Promise<ReportAttempt[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.scormAttemptByModule(moduleId, '', '').GSI1PK },
    ProjectionExpression: attemptFields.map((_, i) => `#f${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(attemptFields.map((f, i) => [`#f${i}`, f])),
  });
  return items.map((i) => fromItem<ReportAttempt>(i));
}

interface StoredScoRow {
  attemptId: string;
  scoId: string;
  stateJson?: string;
  stateKey?: string;
}

async function stateOf(store: StoreClients, row: StoredScoRow): Promise<ScoState | undefined> {
  if (row.stateJson !== undefined) return JSON.parse(row.stateJson) as ScoState;
  if (!row.stateKey) return undefined;
  const res = await store.s3.send(new GetObjectCommand({ Bucket: store.buckets.attachments, Key: row.stateKey }));
  return JSON.parse(await res.Body!.transformToString('utf-8')) as ScoState;
}

/** The answers (interactions) of every SCO in every attempt of one learner at the module. */
export async function scosOfLearner(store: StoreClients, moduleId: string, userId: string): Promise<ReportSco[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
    FilterExpression: '#t = :sco',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: { ':pk': keys.scormLearner(moduleId, userId).PK, ':a': keys.scormAttemptPrefix, ':sco': 'scorm-sco' },
  });
  const rows = items.map((i) => fromItem<StoredScoRow>(i));
  const out: ReportSco[] = [];
  for (const row of rows) {
    const state = await stateOf(store, row);
    out.push({ attemptId: row.attemptId, scoId: row.scoId, interactions: state?.interactions ?? [] });
  }
  return out;
}
