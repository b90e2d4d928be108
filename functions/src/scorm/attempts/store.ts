import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem } from '../../platform/store/items';
import { get, put, queryAll, transact, update } from '../../platform/store/table';
import type { ScoState, ScormVersion } from '../domain/cmi';
import type { AttemptOutcome, Rollup } from '../domain/outcome';

/**
 * Attempts and their runtime state, one partition per learner × module (`PK=SCORM#{moduleId}#{userId}`,
 * see functions/docs/data-model.md):
 *
 * - `SK=LEARNER`: which attempt is current, and how many there were;
 * - `SK=ATTEMPT#{attemptId}`: one attempt on one package version (GSI1: the module's attempts by start);
 * - `SK=ATTEMPT#{attemptId}#SCO#{scoId}`: one SCO's state in it, with the commit sequence it holds.
 *
 * A SCO's state is JSON in one attribute; above `inlineStateChars` it goes to the attachments
 * bucket (`scorm-state/…`, one object per applied commit) and the row keeps its key.
 */

export type AttemptStatus = 'in-progress' | 'completed' | 'failed';

export interface ScormLearner {
  moduleId: string;
  userId: string;
  currentAttemptId?: string;
  attempts: number;
}

export interface Attempt {
  attemptId: string;
  moduleId: string;
  userId: string;
  learnerName: string;
  /** The learner's n-th attempt at the module. */
  number: number;
  packageVersion: number;
  scormVersion: ScormVersion;
  status: AttemptStatus;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** Launches so far; the newest launch holds the attempt (commits from an older one are refused). */
  launches: number;
  lastLaunchAt: string;
  /** The launch in which the attempt finished: it may still send its last commits (exit, session time). */
  finishedInLaunch?: number;
  outcome?: AttemptOutcome;
  /** SCORM 2004: the activity tree's rollup as the player last reported it. */
  rollup?: Rollup;
  /** Set once the module's completion was recorded in learning for this attempt. */
  completionRecordedAt?: string;
}

export interface ScoRow {
  attemptId: string;
  scoId: string;
  /** The commit sequence of the state held; a commit with a sequence ≤ this one changes nothing. */
  sequence: number;
  state: ScoState;
  updatedAt: string;
  /** Where the state lies in S3 when it was too large for the row. */
  stateKey?: string;
}

/** State JSON up to this size stays in the row (a DynamoDB item holds 400 KB; writes cost per KB). */
export const inlineStateChars = 100_000;
export const stateSpillPrefix = 'scorm-state/';

// ---- learner pointer and attempts ----------------------------------------------------------------

export async function getLearner(store: StoreClients, moduleId: string, userId: string) {
  return fromItem<ScormLearner>(await get(store, keys.scormLearner(moduleId, userId), { ConsistentRead: true }));
}

export async function getAttempt(store: StoreClients, moduleId: string, userId: string, attemptId: string, consistent = true) {
  return fromItem<Attempt>(await get(store, keys.scormAttempt(moduleId, userId, attemptId), { ConsistentRead: consistent }));
}

/** Every attempt of the learner at the module, newest first (without SCO rows). */
export async function listAttempts(store: StoreClients, moduleId: string, userId: string): Promise<Attempt[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
    FilterExpression: '#t = :attempt',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: { ':pk': keys.scormLearner(moduleId, userId).PK, ':a': keys.scormAttemptPrefix, ':attempt': 'scorm-attempt' },
    ScanIndexForward: false,
  });
  return items.map((i) => fromItem<Attempt>(i));
}

/**
 * Starts a new attempt and makes it current, conditional on the current one being what was read
 * (two launches at the same moment start one attempt; the other call reads it and continues it).
 * False when another launch got there first.
 */
export async function startAttempt(store: StoreClients, a: Attempt, readCurrent: string | undefined): Promise<boolean> {
  try {
    await transact(store, [
      {
        Update: {
          Key: keys.scormLearner(a.moduleId, a.userId),
          UpdateExpression: 'SET currentAttemptId = :id, moduleId = :m, userId = :u, #t = :type, attempts = if_not_exists(attempts, :zero) + :one',
          ConditionExpression: readCurrent ? 'currentAttemptId = :prev' : 'attribute_not_exists(currentAttemptId)',
          ExpressionAttributeNames: { '#t': 'type' },
          ExpressionAttributeValues: { ':id': a.attemptId, ':m': a.moduleId, ':u': a.userId, ':type': 'scorm-learner', ':zero': 0, ':one': 1, ...(readCurrent ? { ':prev': readCurrent } : {}) },
        },
      },
      { Put: { Item: { ...keys.scormAttempt(a.moduleId, a.userId, a.attemptId), ...keys.scormAttemptByModule(a.moduleId, a.startedAt, a.attemptId), type: 'scorm-attempt', ...a }, ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

/** One more launch of an attempt in progress; the new launch number, or undefined when it is no longer in progress. */
export async function addLaunch(store: StoreClients, a: Pick<Attempt, 'moduleId' | 'userId' | 'attemptId'>, at: string): Promise<number | undefined> {
  try {
    const res = await update(store, keys.scormAttempt(a.moduleId, a.userId, a.attemptId), {
      UpdateExpression: 'SET launches = launches + :one, lastLaunchAt = :at, updatedAt = :at',
      ConditionExpression: '#s = :progress',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':one': 1, ':at': at, ':progress': 'in-progress' },
      ReturnValues: 'UPDATED_NEW',
    });
    return Number(res.Attributes?.launches);
  } catch (err) {
    if (conditionFailed(err)) return undefined;
    throw err;
  }
}

/** The attempt's outcome (and rollup) after a commit, while it is in progress. */
export function saveOutcome(store: StoreClients, a: Pick<Attempt, 'moduleId' | 'userId' | 'attemptId'>, outcome: AttemptOutcome, rollup: Rollup | undefined, at: string) {
  return conditional(() =>
    update(store, keys.scormAttempt(a.moduleId, a.userId, a.attemptId), {
      UpdateExpression: `SET outcome = :o, updatedAt = :at${rollup ? ', rollup = :r' : ''}`,
      ConditionExpression: '#s = :progress',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':o': outcome, ':at': at, ':progress': 'in-progress', ...(rollup ? { ':r': rollup } : {}) },
    }),
  );
}

/** Finishes an attempt in progress (completed or failed), once. False when it was no longer in progress. */
export function finishAttempt(store: StoreClients, a: Pick<Attempt, 'moduleId' | 'userId' | 'attemptId'>, status: 'completed' | 'failed', outcome: AttemptOutcome, launch: number, at: string) {
  return conditional(() =>
    update(store, keys.scormAttempt(a.moduleId, a.userId, a.attemptId), {
      UpdateExpression: 'SET #s = :status, outcome = :o, finishedAt = :at, finishedInLaunch = :l, updatedAt = :at',
      ConditionExpression: '#s = :progress',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':status': status, ':o': outcome, ':at': at, ':l': launch, ':progress': 'in-progress' },
    }),
  );
}

export function markCompletionRecorded(store: StoreClients, a: Pick<Attempt, 'moduleId' | 'userId' | 'attemptId'>, at: string) {
  return update(store, keys.scormAttempt(a.moduleId, a.userId, a.attemptId), {
    UpdateExpression: 'SET completionRecordedAt = if_not_exists(completionRecordedAt, :at)',
    ExpressionAttributeValues: { ':at': at },
  });
}

/** The outcome of an attempt that finished, updated by its last commits (its status stays). */
export function updateFinishedOutcome(store: StoreClients, a: Pick<Attempt, 'moduleId' | 'userId' | 'attemptId'>, outcome: AttemptOutcome, at: string) {
  return update(store, keys.scormAttempt(a.moduleId, a.userId, a.attemptId), {
    UpdateExpression: 'SET outcome = :o, updatedAt = :at',
    ExpressionAttributeValues: { ':o': outcome, ':at': at },
  });
}

// ---- SCO state ------------------------------------------------------------------------------------

interface StoredScoRow {
  attemptId: string;
  scoId: string;
  sequence: number;
  stateJson?: string;
  stateKey?: string;
  updatedAt: string;
}

const spillKey = (moduleId: string, userId: string, attemptId: string, scoId: string, sequence: number) =>
  `${stateSpillPrefix}${encodeURIComponent(moduleId)}/${encodeURIComponent(userId)}/${attemptId}/${encodeURIComponent(scoId)}/${String(sequence).padStart(10, '0')}.json`;

async function stateOf(store: StoreClients, row: StoredScoRow): Promise<ScoState> {
  if (row.stateJson !== undefined) return JSON.parse(row.stateJson) as ScoState;
  const res = await store.s3.send(new GetObjectCommand({ Bucket: store.buckets.attachments, Key: row.stateKey! }));
  return JSON.parse(await res.Body!.transformToString('utf-8')) as ScoState;
}

export async function getSco(store: StoreClients, moduleId: string, userId: string, attemptId: string, scoId: string): Promise<ScoRow | undefined> {
  const row = fromItem<StoredScoRow>(await get(store, keys.scormScoState(moduleId, userId, attemptId, scoId), { ConsistentRead: true }));
  if (!row) return undefined;
  return rowOf(store, row);
}

const rowOf = async (store: StoreClients, row: StoredScoRow): Promise<ScoRow> => ({
  attemptId: row.attemptId,
  scoId: row.scoId,
  sequence: row.sequence,
  state: await stateOf(store, row),
  updatedAt: row.updatedAt,
  ...(row.stateKey ? { stateKey: row.stateKey } : {}),
});

/** Every SCO's state in an attempt, by SCO id. */
export async function listScos(store: StoreClients, moduleId: string, userId: string, attemptId: string): Promise<ScoRow[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)',
    ExpressionAttributeValues: { ':pk': keys.scormLearner(moduleId, userId).PK, ':s': `${keys.scormAttempt(moduleId, userId, attemptId).SK}#SCO#` },
    ConsistentRead: true,
  });
  return Promise.all(items.map((i) => rowOf(store, fromItem<StoredScoRow>(i))));
}

/**
 * Writes a SCO's state at `sequence`, only if the row still holds what was read (`readSequence`;
 * undefined = no row yet). False when another commit got there first: the caller reads again and
 * decides whether its commit is still the newer one. A large state goes to S3 first (its own key
 * per sequence, so a lost race never overwrites the stored one); a lost race removes it again.
 */
export async function writeSco(store: StoreClients, moduleId: string, userId: string, row: ScoRow, readSequence: number | undefined, replaced?: string): Promise<boolean> {
  const json = JSON.stringify(row.state);
  let stateKey: string | undefined;
  if (json.length > inlineStateChars) {
    stateKey = spillKey(moduleId, userId, row.attemptId, row.scoId, row.sequence);
    await store.s3.send(new PutObjectCommand({ Bucket: store.buckets.attachments, Key: stateKey, Body: json, ContentType: 'application/json' }));
  }
  const item = {
    ...keys.scormScoState(moduleId, userId, row.attemptId, row.scoId),
    type: 'scorm-sco',
    attemptId: row.attemptId,
    scoId: row.scoId,
    sequence: row.sequence,
    updatedAt: row.updatedAt,
    ...(stateKey ? { stateKey } : { stateJson: json }),
  };
  const ok = await conditional(() =>
    put(store, item, readSequence === undefined ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: '#seq = :read', ExpressionAttributeNames: { '#seq': 'sequence' }, ExpressionAttributeValues: { ':read': readSequence } }),
  );
  if (!ok && stateKey) await deleteSpill(store, stateKey);
  if (ok && replaced && replaced !== stateKey) await deleteSpill(store, replaced);
  return ok;
}

async function deleteSpill(store: StoreClients, key: string) {
  await store.s3.send(new DeleteObjectCommand({ Bucket: store.buckets.attachments, Key: key })).catch(() => undefined);
}
