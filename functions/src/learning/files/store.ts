import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem } from '../../platform/store/items';
import { del, get, put, query, transact, update, type TransactPart } from '../../platform/store/table';
import type { LearnerFileType } from '../domain/file-types';

/** A learner's upload between the presigned POST and its check (same key space as article uploads). */
export interface PendingLearnerUpload {
  uploadId: string;
  purpose: 'learner-file';
  moduleId: string;
  userId: string;
  fileName: string;
  contentType: LearnerFileType;
  declaredBytes: number;
  createdAt: string;
  /** TTL: an upload never completed disappears (the uploads bucket expires its object too). */
  expiresAt: number;
}

/** What a submission or completion report keeps of a file: enough to list and fetch it, no storage key. */
export interface LearnerFileRef {
  id: string;
  fileName: string;
  contentType: LearnerFileType;
  bytes: number;
  url: string;
}

/** A checked file in the attachments bucket, owned by the learner, for one module. */
export interface LearnerFile {
  id: string;
  moduleId: string;
  userId: string;
  fileName: string;
  contentType: LearnerFileType;
  bytes: number;
  objectKey: string;
  createdAt: string;
}

export async function putPendingLearnerUpload(store: StoreClients, u: PendingLearnerUpload) {
  await put(store, { ...keys.upload(u.uploadId), type: 'upload', ...u }, { ConditionExpression: 'attribute_not_exists(PK)' });
}

export async function getPendingLearnerUpload(store: StoreClients, uploadId: string): Promise<PendingLearnerUpload | undefined> {
  const item = fromItem<PendingLearnerUpload>(await get(store, keys.upload(uploadId)));
  return item?.purpose === 'learner-file' ? item : undefined;
}

export async function putLearnerFile(store: StoreClients, f: LearnerFile) {
  await put(store, { ...keys.learnerFile(f.userId, f.moduleId, f.id), type: 'learner-file', ...f }, { ConditionExpression: 'attribute_not_exists(PK)' });
}

export async function getLearnerFile(store: StoreClients, userId: string, moduleId: string, fileId: string, opts: { consistent?: boolean } = {}) {
  return fromItem<LearnerFile>(await get(store, keys.learnerFile(userId, moduleId, fileId), opts.consistent ? { ConsistentRead: true } : undefined));
}

/** How many files a learner keeps for one module (a bound on uploads, which cost storage). */
export async function countLearnerFiles(store: StoreClients, userId: string, moduleId: string): Promise<number> {
  const res = await query(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.learner(userId).PK, ':sk': `FILE#${moduleId}#` },
    Select: 'COUNT',
    // It starts the cap's counter: a file just written must be counted.
    ConsistentRead: true,
  });
  return res.Count ?? 0;
}

// ---- the cap on a learner's files ------------------------------------------------------------

/**
 * How many files a learner keeps for one module, counted in one item beside the learner's record.
 * Counting the file records before writing one lets uploads completed side by side all pass the
 * cap together; a place taken and given back conditionally on this counter lets exactly `max` in.
 */
const fileCountKey = keys.learnerFileCount;

/** Takes a place for one more file; false at the cap. The first use starts from the files already kept. */
export async function takeFilePlace(store: StoreClients, userId: string, moduleId: string, max: number, kept: () => Promise<number>): Promise<boolean> {
  const Key = fileCountKey(userId, moduleId);
  const existing = await get(store, Key, { ConsistentRead: true });
  if (!existing) {
    // Only files kept before the counter existed are counted here: a new file needs a place, so the counter, first.
    const files = await kept();
    await conditional(() => put(store, { ...Key, type: 'learner-file-count', moduleId, files }, { ConditionExpression: 'attribute_not_exists(PK)' }));
  }
  return conditional(() =>
    update(store, Key, {
      UpdateExpression: 'SET #files = #files + :one',
      ConditionExpression: '#files < :max',
      ExpressionAttributeNames: { '#files': 'files' },
      ExpressionAttributeValues: { ':one': 1, ':max': max },
    }),
  );
}

/** Gives a place back: an upload that did not become a file, or a deleted file. */
export async function giveBackFilePlace(store: StoreClients, userId: string, moduleId: string): Promise<void> {
  await conditional(() =>
    update(store, fileCountKey(userId, moduleId), {
      UpdateExpression: 'SET #files = #files - :one',
      ConditionExpression: '#files > :zero',
      ExpressionAttributeNames: { '#files': 'files' },
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    }),
  );
}

/** A check per named file that its record still exists, for the transaction that names it (a hand-in, a completion report). */
export function fileChecks(userId: string, moduleId: string, files: Array<{ id: string }>): TransactPart[] {
  return files.map((f) => ({ ConditionCheck: { Key: keys.learnerFile(userId, moduleId, f.id), ConditionExpression: 'attribute_exists(PK)' } }));
}

/** What the learner's module record said about hand-ins and evidence when a deletion was decided. */
export interface NamingState {
  submission?: { submittedAt: string; status: string };
  evidenceFiles?: LearnerFileRef[];
}

/**
 * Deletes a learner's file record, together with a check that the learner's module record still
 * names files as it did when the deletion was decided (the same hand-in in the same state, the
 * same evidence): a hand-in or report saved at the same moment either sees the file gone (its own
 * check fails) or makes this deletion fail. `deleted` only for the one call that removed it (so
 * its place is given back once).
 */
export async function deleteLearnerFileUnlessNamed(store: StoreClients, f: { userId: string; moduleId: string; id: string }, read: NamingState): Promise<'deleted' | 'gone' | 'changed'> {
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  if (read.submission) {
    conditions.push('submission.submittedAt = :sAt AND submission.#st = :sSt');
    values[':sAt'] = read.submission.submittedAt;
    values[':sSt'] = read.submission.status;
  } else conditions.push('attribute_not_exists(submission)');
  if (read.evidenceFiles) {
    conditions.push('evidenceFiles = :ev');
    values[':ev'] = read.evidenceFiles;
  } else conditions.push('attribute_not_exists(evidenceFiles)');
  try {
    await transact(store, [
      { Delete: { Key: keys.learnerFile(f.userId, f.moduleId, f.id), ConditionExpression: 'attribute_exists(PK)' } },
      {
        ConditionCheck: {
          Key: keys.learnerModule(f.userId, f.moduleId),
          ConditionExpression: conditions.join(' AND '),
          ...(read.submission ? { ExpressionAttributeNames: { '#st': 'status' } } : {}),
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        },
      },
    ]);
    return 'deleted';
  } catch (err) {
    if (conditionFailed(err, 0)) return 'gone';
    if (conditionFailed(err, 1)) return 'changed';
    throw err;
  }
}
