import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { fromItem } from '../../platform/store/items';
import { get, put, query } from '../../platform/store/table';
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

export async function putAttachment(store: StoreClients, a: Attachment) {
  await put(store, { ...keys.attachment(a.articleId, a.id), type: 'attachment', ...a }, { ConditionExpression: 'attribute_not_exists(PK)' });
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
