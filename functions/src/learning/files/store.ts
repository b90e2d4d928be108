import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { giveBackPlace, takePlace, type CappedCounter } from '../../platform/store/capped-counter';
import { get, put, query, transact, type TransactPart } from '../../platform/store/table';
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

/** The file record, as a part of the transaction that ends its upload (`keepUpload`). */
export function learnerFilePart(f: LearnerFile): TransactPart {
  return { Put: { Item: { ...keys.learnerFile(f.userId, f.moduleId, f.id), type: 'learner-file', ...f }, ConditionExpression: 'attribute_not_exists(PK)' } };
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
 * How many files a learner keeps for one module, counted in one item beside the learner's record
 * (`keys.learnerFileCount`; a capped counter, platform/store/capped-counter.ts).
 */
const counterOf = (userId: string, moduleId: string): CappedCounter => ({ key: keys.learnerFileCount(userId, moduleId), attribute: 'files', type: 'learner-file-count', fields: { moduleId } });

/** Takes a place for one more file; false at the cap. The first use starts from the files already kept. */
export function takeFilePlace(store: StoreClients, userId: string, moduleId: string, max: number, kept: () => Promise<number>): Promise<boolean> {
  return takePlace(store, counterOf(userId, moduleId), max, kept);
}

/** Gives a place back: an upload that did not become a file, or a deleted file. */
export function giveBackFilePlace(store: StoreClients, userId: string, moduleId: string): Promise<void> {
  return giveBackPlace(store, counterOf(userId, moduleId));
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
    await retryOnContention(() => transact(store, [
      { Delete: { Key: keys.learnerFile(f.userId, f.moduleId, f.id), ConditionExpression: 'attribute_exists(PK)' } },
      {
        ConditionCheck: {
          Key: keys.learnerModule(f.userId, f.moduleId),
          ConditionExpression: conditions.join(' AND '),
          ...(read.submission ? { ExpressionAttributeNames: { '#st': 'status' } } : {}),
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        },
      },
    ]));
    return 'deleted';
  } catch (err) {
    if (conditionFailed(err, 0)) return 'gone';
    if (conditionFailed(err, 1)) return 'changed';
    throw err;
  }
}
