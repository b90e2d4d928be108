import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { giveBackPart, giveBackPlace, takePlace, type CappedCounter } from '../../platform/store/capped-counter';
import { del, get, put, query, transact, type TransactPart } from '../../platform/store/table';
import type { AttachmentType } from '../domain/attachment-types';

export interface PendingUpload {
  uploadId: string;
  articleId: string;
  fileName: string;
  contentType: AttachmentType;
  declaredBytes: number;
  createdBy: string;
  createdAt: string;
  /** TTL: an upload never completed disappears (the uploads bucket expires its object too). */
  expiresAt: number;
}

export interface Attachment {
  id: string;
  articleId: string;
  fileName: string;
  contentType: AttachmentType;
  bytes: number;
  objectKey: string;
  createdBy: { id: string; name: string };
  createdAt: string;
}

export async function putPendingUpload(store: StoreClients, u: PendingUpload) {
  await put(store, { ...keys.upload(u.uploadId), type: 'upload', ...u }, { ConditionExpression: 'attribute_not_exists(PK)' });
}

export async function getPendingUpload(store: StoreClients, uploadId: string) {
  return fromItem<PendingUpload>(await get(store, keys.upload(uploadId)));
}

/** The attachment record, as a part of the transaction that ends its upload (`keepUpload`). */
export function attachmentPart(a: Attachment): TransactPart {
  return { Put: { Item: { ...keys.attachment(a.articleId, a.id), type: 'attachment', ...a }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

export async function getAttachment(store: StoreClients, articleId: string, attachmentId: string) {
  return fromItem<Attachment>(await get(store, keys.attachment(articleId, attachmentId)));
}

export async function listAttachments(store: StoreClients, articleId: string) {
  const res = await query(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
    ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':a': keys.attachmentPrefix },
  });
  return (res.Items ?? []).map((i) => fromItem<Attachment>(i)!);
}

// ---- the cap on an article's attachments ------------------------------------------------------

/**
 * How many attachments an article keeps, counted in one item beside it (`keys.attachmentCount`;
 * its SK lies outside `ATTACHMENT#`, so listing attachments never meets it). A place is taken
 * conditionally before an upload is claimed and given back if it does not become an attachment,
 * so uploads completed side by side cannot pass the cap together.
 */
export async function countAttachments(store: StoreClients, articleId: string): Promise<number> {
  const item = await get(store, keys.attachmentCount(articleId), { ConsistentRead: true });
  if (item) return item.attachments as number;
  const res = await query(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
    ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':a': keys.attachmentPrefix },
    Select: 'COUNT',
  });
  return res.Count ?? 0;
}

/** The article's attachment counter (`keys.attachmentCount`). */
const counterOf = (articleId: string): CappedCounter => ({ key: keys.attachmentCount(articleId), attribute: 'attachments', type: 'attachment-count', fields: { articleId } });

/** Takes a place for one more attachment; false at the cap. The first use starts from the attachments kept before the counter existed. */
export function takeAttachmentPlace(store: StoreClients, articleId: string, max: number): Promise<boolean> {
  return takePlace(store, counterOf(articleId), max, () => countAttachments(store, articleId));
}

/** Gives a place back: an upload that did not become an attachment. */
export function giveBackAttachmentPlace(store: StoreClients, articleId: string): Promise<void> {
  return giveBackPlace(store, counterOf(articleId));
}

/**
 * Deletes an attachment record and gives its place back, only while the article is at the
 * revision the caller checked (a publish in between, which might show it, bumps it).
 * 'gone': already deleted; 'changed': the article moved on (check again).
 */
export async function deleteAttachment(store: StoreClients, a: Attachment, articleRev: number): Promise<'deleted' | 'gone' | 'changed'> {
  const parts = (withCount: boolean) => [
    { Delete: { Key: keys.attachment(a.articleId, a.id), ConditionExpression: 'attribute_exists(PK)' } },
    { ConditionCheck: { Key: keys.article(a.articleId), ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': articleRev } } },
    ...(withCount ? [giveBackPart(counterOf(a.articleId))] : []),
  ];
  for (const withCount of [true, false]) {
    try {
      await retryOnContention(() => transact(store, parts(withCount)));
      return 'deleted';
    } catch (err) {
      if (conditionFailed(err, 0)) return 'gone';
      if (conditionFailed(err, 1)) return 'changed';
      // No counter yet (attachments from before it existed): delete without it.
      if (!(withCount && conditionFailed(err, 2))) throw err;
    }
  }
  return 'changed';
}

/** Removes every attachment record of an article and its counter (a never-published article abandoned); returns the object keys to delete. */
export async function removeAllAttachments(store: StoreClients, articleId: string): Promise<string[]> {
  const all = await listAttachments(store, articleId);
  await Promise.all([...all.map((a) => del(store, keys.attachment(articleId, a.id))), del(store, keys.attachmentCount(articleId))]);
  return all.map((a) => a.objectKey);
}
