import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreClients } from './clients';
import { keys } from './keys';
import { fromItem } from './items';
import type { AttachmentType } from '../knowledge/attachments';

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
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.upload(u.uploadId), type: 'upload', ...u }, ConditionExpression: 'attribute_not_exists(PK)' }));
}

export async function getPendingUpload(store: StoreClients, uploadId: string) {
  const res = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.upload(uploadId) }));
  return fromItem<PendingUpload>(res.Item);
}

export async function putAttachment(store: StoreClients, a: Attachment) {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.attachment(a.articleId, a.id), type: 'attachment', ...a }, ConditionExpression: 'attribute_not_exists(PK)' }));
}

export async function getAttachment(store: StoreClients, articleId: string, attachmentId: string) {
  const res = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.attachment(articleId, attachmentId) }));
  return fromItem<Attachment>(res.Item);
}

export async function listAttachments(store: StoreClients, articleId: string) {
  const res = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
      ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':a': keys.attachmentPrefix },
    }),
  );
  return (res.Items ?? []).map((i) => fromItem<Attachment>(i)!);
}
