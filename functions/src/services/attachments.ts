import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { Problem } from '../http/problem';
import { timeId } from '../store/keys';
import { uploadsPendingPrefix } from '../store/schema';
import * as store from '../store/attachments';
import { membershipsOf } from '../store/networks';
import { canRead, refusal } from '../knowledge/visibility';
import { canPublish, canWrite } from '../knowledge/workflow';
import { attachmentTypes, matchesMagic, maxAttachmentBytes, safeFileName, type AttachmentType } from '../knowledge/attachments';
import { loadMeta, requireWriter, type KnowledgeCtx } from './articles';

const uploadWindowSeconds = 300;

export const attachmentUrl = (a: { articleId: string; id: string; fileName: string }) => `/api/attachments/${a.articleId}/${a.id}/${a.fileName}`;

/** Step 1: the browser gets a presigned POST that bounds size and type; the API never carries the bytes in. */
export async function startUpload(ctx: KnowledgeCtx, articleId: string, input: { fileName: string; contentType: AttachmentType; bytes: number }) {
  const meta = await loadMeta(ctx, articleId);
  const p = await requireWriter(ctx, meta);
  const uploadId = timeId();
  const key = `${uploadsPendingPrefix}${uploadId}`;
  await store.putPendingUpload(ctx.store, {
    uploadId,
    articleId,
    fileName: safeFileName(input.fileName, attachmentTypes[input.contentType].extension),
    contentType: input.contentType,
    declaredBytes: input.bytes,
    createdBy: p.id,
    createdAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 24 * 3600,
  });
  const post = await createPresignedPost(ctx.store.s3, {
    Bucket: ctx.store.buckets.uploads,
    Key: key,
    Conditions: [
      ['content-length-range', 1, maxAttachmentBytes],
      ['eq', '$Content-Type', input.contentType],
    ],
    Fields: { 'Content-Type': input.contentType },
    Expires: uploadWindowSeconds,
  });
  return { uploadId, url: post.url, fields: post.fields, maxBytes: maxAttachmentBytes, expiresInSeconds: uploadWindowSeconds };
}

/**
 * Step 2: the API checks what actually arrived (size, first bytes) before it becomes an
 * attachment: the upload policy is not trusted alone, and s3rver does not enforce it at all.
 */
export async function completeUpload(ctx: KnowledgeCtx, articleId: string, uploadId: string) {
  const meta = await loadMeta(ctx, articleId);
  const p = await requireWriter(ctx, meta);
  const pending = await store.getPendingUpload(ctx.store, uploadId);
  if (!pending || pending.articleId !== articleId || pending.createdBy !== p.id) throw new Problem('notFound', 'Onbekende of verlopen upload');
  const { s3, buckets } = ctx.store;
  const source = `${uploadsPendingPrefix}${uploadId}`;
  const discard = async (reason: string) => {
    await s3.send(new DeleteObjectCommand({ Bucket: buckets.uploads, Key: source })).catch(() => undefined);
    await store.deletePendingUpload(ctx.store, uploadId);
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
  if (size === 0 || size > maxAttachmentBytes) return discard(`Bestand is ${size} bytes; maximaal ${maxAttachmentBytes / 1024 / 1024} MB toegestaan`);
  const head = await s3.send(new GetObjectCommand({ Bucket: buckets.uploads, Key: source, Range: 'bytes=0-15' }));
  const bytes = await head.Body!.transformToByteArray();
  if (!matchesMagic(pending.contentType, bytes)) return discard(`De inhoud is geen geldig ${attachmentTypes[pending.contentType].extension.toUpperCase()}-bestand`);

  const id = timeId();
  const objectKey = `articles/${articleId}/${id}`;
  await s3.send(
    new CopyObjectCommand({
      Bucket: buckets.attachments,
      Key: objectKey,
      CopySource: `${buckets.uploads}/${source}`,
      ContentType: pending.contentType,
      MetadataDirective: 'REPLACE',
    }),
  );
  const attachment = { id, articleId, fileName: pending.fileName, contentType: pending.contentType, bytes: size, objectKey, createdBy: { id: p.id, name: p.name }, createdAt: new Date().toISOString() };
  await store.putAttachment(ctx.store, attachment);
  await s3.send(new DeleteObjectCommand({ Bucket: buckets.uploads, Key: source })).catch(() => undefined);
  await store.deletePendingUpload(ctx.store, uploadId);
  const url = attachmentUrl(attachment);
  const markdown = attachmentTypes[pending.contentType].inline ? `![${pending.fileName}](${url})` : `[${pending.fileName}](${url})`;
  return { ...attachment, url, markdown };
}

export async function list(ctx: KnowledgeCtx, articleId: string) {
  const meta = await loadMeta(ctx, articleId);
  await requireWriter(ctx, meta);
  return (await store.listAttachments(ctx.store, articleId)).map((a) => ({ ...a, url: attachmentUrl(a) }));
}

/** Serving: the attachment is exactly as visible as its article's published version (writers always see it). */
export async function open(ctx: KnowledgeCtx, articleId: string, attachmentId: string) {
  const [meta, attachment] = await Promise.all([loadMeta(ctx, articleId).catch(() => undefined), store.getAttachment(ctx.store, articleId, attachmentId)]);
  if (!meta || !attachment) throw new Problem(refusal(ctx.principal), 'Bijlage niet gevonden');
  const readable = meta.publishedVersion > 0 && !meta.archived && canRead(ctx.principal, meta.audience);
  if (!readable) {
    const ms = ctx.principal ? await membershipsOf(ctx.store, ctx.principal.id) : [];
    if (!canWrite(ctx.principal, meta.networkId, ms) && !canPublish(ctx.principal, meta.networkId, ms)) throw new Problem(refusal(ctx.principal), 'Bijlage niet gevonden');
  }
  const object = await ctx.store.s3.send(new GetObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: attachment.objectKey }));
  return { attachment, body: object.Body!.transformToWebStream(), public: readable && meta.audience === 'public' };
}
