import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { del, get, put, transact, type TransactPart } from '../../platform/store/table';
import { externalEntryId } from '../domain/entries';
import type { EvidenceFile, ExternalEntry } from '../domain/entries';
import type { EvidenceType } from '../domain/evidence';
import type { StoredReflection } from '../store';

/**
 * External learning (`ENTRY#{id}`, P6), reflections (`REFLECTION#{entryId}`, P7) in the learner's
 * portfolio partition, and an evidence upload in flight (`UPLOAD#{id}`, the shared pending-upload
 * key space, TTL). Every change of an entry names the revision it replaces.
 */

export async function getExternal(store: StoreClients, userId: string, id: string) {
  return fromItem<ExternalEntry>(await get(store, keys.externalEntry(userId, id), { ConsistentRead: true }));
}

/** Adds (`expectedRev` null) or replaces the revision read; false when that no longer holds. */
export function putExternal(store: StoreClients, userId: string, e: ExternalEntry, expectedRev: number | null): Promise<boolean> {
  return conditional(() =>
    put(store, { ...keys.externalEntry(userId, e.id), type: 'portfolio-entry', userId, ...e }, expectedRev === null ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': expectedRev } }),
  );
}

/** Deletes the revision read (an edit in between wins: false). */
/** The entry and its reflection go together (a reflection never outlives its entry). */
export function deleteExternal(store: StoreClients, userId: string, id: string, expectedRev: number): Promise<boolean> {
  return conditional(() =>
    transact(store, [
      { Delete: { Key: keys.externalEntry(userId, id), ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': expectedRev } } },
      { Delete: { Key: keys.reflection(userId, externalEntryId(id)) } },
    ]),
  );
}

/**
 * A reflection; on learning the learner added themselves, only while that entry exists (a delete
 * at the same moment cannot leave a reflection behind). False when the entry is gone.
 */
export function putReflection(store: StoreClients, userId: string, r: StoredReflection): Promise<boolean> {
  const item = { Put: { Item: { ...keys.reflection(userId, r.entryId), type: 'portfolio-reflection', userId, ...r } } };
  const external = /^external:(.+)$/.exec(r.entryId)?.[1];
  return conditional(() => transact(store, [item, ...(external ? [{ ConditionCheck: { Key: keys.externalEntry(userId, external), ConditionExpression: 'attribute_exists(PK)' } }] : [])]));
}

export function deleteReflection(store: StoreClients, userId: string, entryId: string) {
  return del(store, keys.reflection(userId, entryId));
}

// ---- evidence uploads -----------------------------------------------------------------------------

export interface PendingEvidenceUpload {
  uploadId: string;
  purpose: 'portfolio-evidence';
  userId: string;
  entryId: string;
  fileName: string;
  contentType: EvidenceType;
  declaredBytes: number;
  createdAt: string;
  /** TTL: an upload never completed disappears (the uploads bucket expires its object too). */
  expiresAt: number;
}

export async function putPendingEvidence(store: StoreClients, u: PendingEvidenceUpload) {
  await put(store, { ...keys.upload(u.uploadId), type: 'upload', ...u }, { ConditionExpression: 'attribute_not_exists(PK)' });
}

export async function getPendingEvidence(store: StoreClients, uploadId: string): Promise<PendingEvidenceUpload | undefined> {
  const item = fromItem<PendingEvidenceUpload>(await get(store, keys.upload(uploadId)));
  return item?.purpose === 'portfolio-evidence' ? item : undefined;
}

/**
 * The entry's new evidence, written in the transaction that ends the upload (`keepUpload`), only
 * while the entry is still the revision read (a deleted or edited entry takes no file).
 */
export function evidencePart(userId: string, entryId: string, expectedRev: number, evidence: EvidenceFile, now: string): TransactPart {
  return {
    Update: {
      Key: keys.externalEntry(userId, entryId),
      UpdateExpression: 'SET evidence = :e, rev = :next, updatedAt = :now',
      ConditionExpression: 'rev = :rev',
      ExpressionAttributeValues: { ':e': evidence, ':next': expectedRev + 1, ':rev': expectedRev, ':now': now },
    },
  };
}
