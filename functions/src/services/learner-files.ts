/**
 * Files a learner hands in with an assignment or an external training's report, in the same three
 * steps as article attachments: a presigned POST bounded in size and type, a check of what arrived
 * (size and first bytes, never the declared type alone), then the file is the learner's. A file
 * is seen by its learner, by trainers and by the academy, and by nobody else.
 */
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { Problem } from '../http/problem';
import { timeId } from '../store/keys';
import { uploadsPendingPrefix } from '../store/schema';
import * as files from '../store/learner-files';
import { getModule } from '../store/learning';
import { learnerFileName, learnerFileTypes, matchesLearnerFile, maxFilesPerSubmission, maxLearnerFileBytes, type LearnerFileType } from '../learning/files';
import type { LearningCtx } from './learning';

const uploadWindowSeconds = 300;
/** Kinds whose completion a learner supports with files. */
const kindsWithFiles = new Set(['assignment', 'external']);

export const learnerFileUrl = (f: { moduleId: string; userId: string; id: string; fileName: string }) => `/api/modules/${f.moduleId}/files/${f.userId}/${f.id}/${f.fileName}`;

/** What a submission or report carries of a file (no storage key). */
export type FileRef = files.LearnerFileRef;
const refOf = (f: files.LearnerFile): FileRef => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, bytes: f.bytes, url: learnerFileUrl(f) });

function signedIn(ctx: LearningCtx) {
  if (!ctx.principal) throw new Problem('unauthenticated', 'Meld je aan om een bestand in te leveren');
  return ctx.principal;
}

async function moduleTakingFiles(ctx: LearningCtx, moduleId: string) {
  const m = await getModule(ctx.store, moduleId);
  if (!m || m.status !== 'published') throw new Problem('notFound', 'Deze module bestaat niet');
  if (!kindsWithFiles.has(m.kind)) throw new Problem('unprocessable', 'Bij deze module lever je geen bestanden in');
  return m;
}

export async function startUpload(ctx: LearningCtx, moduleId: string, input: { fileName: string; contentType: LearnerFileType; bytes: number }) {
  const p = signedIn(ctx);
  await moduleTakingFiles(ctx, moduleId);
  const uploadId = timeId();
  await files.putPendingLearnerUpload(ctx.store, {
    uploadId,
    purpose: 'learner-file',
    moduleId,
    userId: p.id,
    fileName: learnerFileName(input.fileName, input.contentType),
    contentType: input.contentType,
    declaredBytes: input.bytes,
    createdAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 24 * 3600,
  });
  const post = await createPresignedPost(ctx.store.s3, {
    Bucket: ctx.store.buckets.uploads,
    Key: `${uploadsPendingPrefix}${uploadId}`,
    Conditions: [
      ['content-length-range', 1, maxLearnerFileBytes],
      ['eq', '$Content-Type', input.contentType],
    ],
    Fields: { 'Content-Type': input.contentType },
    Expires: uploadWindowSeconds,
  });
  return { uploadId, url: post.url, fields: post.fields, maxBytes: maxLearnerFileBytes, expiresInSeconds: uploadWindowSeconds };
}

/** The upload policy is not trusted alone (and s3rver does not enforce it): check what arrived. */
export async function completeUpload(ctx: LearningCtx, moduleId: string, uploadId: string): Promise<FileRef> {
  const p = signedIn(ctx);
  const pending = await files.getPendingLearnerUpload(ctx.store, uploadId);
  if (!pending || pending.moduleId !== moduleId || pending.userId !== p.id) throw new Problem('notFound', 'Onbekende of verlopen upload');
  const { s3, buckets } = ctx.store;
  const source = `${uploadsPendingPrefix}${uploadId}`;
  const discard = async (reason: string): Promise<never> => {
    await s3.send(new DeleteObjectCommand({ Bucket: buckets.uploads, Key: source })).catch(() => undefined);
    await files.deletePendingUpload(ctx.store, uploadId);
    throw new Problem('unprocessable', reason);
  };
  let size: number;
  try {
    size = (await s3.send(new HeadObjectCommand({ Bucket: buckets.uploads, Key: source }))).ContentLength ?? 0;
  } catch (err) {
    if ((err as { name?: string }).name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      throw new Problem('conflict', 'Het bestand is nog niet (volledig) geüpload');
    }
    throw err;
  }
  if (size === 0 || size > maxLearnerFileBytes) return discard(`Bestand is ${size} bytes; maximaal ${maxLearnerFileBytes / 1024 / 1024} MB toegestaan`);
  const head = await s3.send(new GetObjectCommand({ Bucket: buckets.uploads, Key: source, Range: 'bytes=0-15' }));
  if (!matchesLearnerFile(pending.contentType, await head.Body!.transformToByteArray())) {
    return discard(`De inhoud is geen geldig ${learnerFileTypes[pending.contentType].label}-bestand`);
  }
  const id = timeId();
  const file: files.LearnerFile = {
    id,
    moduleId,
    userId: p.id,
    fileName: pending.fileName,
    contentType: pending.contentType,
    bytes: size,
    objectKey: `learners/${p.id}/${moduleId}/${id}`,
    createdAt: new Date().toISOString(),
  };
  await s3.send(new CopyObjectCommand({ Bucket: buckets.attachments, Key: file.objectKey, CopySource: `${buckets.uploads}/${source}`, ContentType: file.contentType, MetadataDirective: 'REPLACE' }));
  await files.putLearnerFile(ctx.store, file);
  await s3.send(new DeleteObjectCommand({ Bucket: buckets.uploads, Key: source })).catch(() => undefined);
  await files.deletePendingUpload(ctx.store, uploadId);
  return refOf(file);
}

/** The files a learner names on a submission must be theirs, for this module, and checked. */
export async function resolveFiles(ctx: LearningCtx, userId: string, moduleId: string, ids: string[]): Promise<FileRef[]> {
  const unique = [...new Set(ids)];
  if (unique.length > maxFilesPerSubmission) {
    throw new Problem('validation', `Maximaal ${maxFilesPerSubmission} bestanden`, { errors: [{ path: 'files', message: `Maximaal ${maxFilesPerSubmission} bestanden` }] });
  }
  const found = await Promise.all(unique.map((id) => files.getLearnerFile(ctx.store, userId, moduleId, id)));
  const missing = unique.filter((_, i) => !found[i]);
  if (missing.length > 0) throw new Problem('validation', 'Onbekend bestand', { errors: [{ path: 'files', message: `Onbekend bestand: ${missing.join(', ')}` }] });
  return found.map((f) => refOf(f!));
}

/** Serving: the learner, trainers and the academy; anyone else is told it does not exist. */
export async function open(ctx: LearningCtx, moduleId: string, userId: string, fileId: string) {
  const p = signedIn(ctx);
  const mayRead = p.id === userId || p.roles.includes('trainer') || p.roles.includes('academy-admin');
  const file = mayRead ? await files.getLearnerFile(ctx.store, userId, moduleId, fileId) : undefined;
  if (!file) throw new Problem('notFound', 'Bestand niet gevonden');
  const object = await ctx.store.s3.send(new GetObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: file.objectKey }));
  return { file, body: object.Body!.transformToWebStream() };
}
