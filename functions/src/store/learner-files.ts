import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreClients } from './clients';
import { keys } from './keys';
import { fromItem } from './items';
import type { LearnerFileType } from '../learning/files';

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
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.upload(u.uploadId), type: 'upload', ...u }, ConditionExpression: 'attribute_not_exists(PK)' }));
}

export async function getPendingLearnerUpload(store: StoreClients, uploadId: string): Promise<PendingLearnerUpload | undefined> {
  const item = fromItem<PendingLearnerUpload>((await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.upload(uploadId) }))).Item);
  return item?.purpose === 'learner-file' ? item : undefined;
}

export async function putLearnerFile(store: StoreClients, f: LearnerFile) {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.learnerFile(f.userId, f.moduleId, f.id), type: 'learner-file', ...f }, ConditionExpression: 'attribute_not_exists(PK)' }));
}

export async function getLearnerFile(store: StoreClients, userId: string, moduleId: string, fileId: string) {
  return fromItem<LearnerFile>((await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.learnerFile(userId, moduleId, fileId) }))).Item);
}

/** How many files a learner keeps for one module (a bound on uploads, which cost storage). */
export async function countLearnerFiles(store: StoreClients, userId: string, moduleId: string): Promise<number> {
  const res = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.learner(userId).PK, ':sk': `FILE#${moduleId}#` },
      Select: 'COUNT',
    }),
  );
  return res.Count ?? 0;
}

export async function deleteLearnerFile(store: StoreClients, f: Pick<LearnerFile, 'userId' | 'moduleId' | 'id'>) {
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: keys.learnerFile(f.userId, f.moduleId, f.id) }));
}
