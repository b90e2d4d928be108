import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Problem } from '../../platform/http/problem';
import { timeId } from '../../platform/store/keys';
import * as store from './store';
import { actorOf, can } from '../../policy';
import { attachmentTypes, matchesMagic, maxAttachmentBytes, safeFileName, type AttachmentType } from '../domain/attachment-types';
import { actorFor, articleResource, loadMeta, requireWriter, type KnowledgeCtx } from '../articles/service';
import * as uploads from '../../platform/uploads/pipeline';

export const attachmentUrl = (a: { articleId: string; id: string; fileName: string }) => `/api/attachments/${a.articleId}/${a.id}/${a.fileName}`;

/** Step 1: the browser gets a presigned POST that bounds size and type; the API never carries the bytes in. */
export async function startUpload(ctx: KnowledgeCtx, articleId: string, input: { fileName: string; contentType: AttachmentType; bytes: number }) {
  const meta = await loadMeta(ctx, articleId);
  const p = await requireWriter(ctx, meta);
  const uploadId = timeId();
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
  return uploads.presignUpload(ctx.store, uploadId, input.contentType, maxAttachmentBytes);
}

/** Step 2: what actually arrived is checked (size, first bytes) before it becomes an attachment. */
export async function completeUpload(ctx: KnowledgeCtx, articleId: string, uploadId: string) {
  const meta = await loadMeta(ctx, articleId);
  const p = await requireWriter(ctx, meta);
  const pending = await store.getPendingUpload(ctx.store, uploadId);
  if (!pending || pending.articleId !== articleId || pending.createdBy !== p.id) throw new Problem('notFound', 'Onbekende of verlopen upload');
  const type = attachmentTypes[pending.contentType];
  const { size, etag } = await uploads.claimUpload(ctx.store, uploadId, { maxBytes: maxAttachmentBytes, matches: (head) => matchesMagic(pending.contentType, head), label: type.extension.toUpperCase() });

  const id = timeId();
  const objectKey = `articles/${articleId}/${id}`;
  await uploads.keepUpload(ctx.store, uploadId, objectKey, pending.contentType, etag);
  const attachment = { id, articleId, fileName: pending.fileName, contentType: pending.contentType, bytes: size, objectKey, createdBy: { id: p.id, name: p.name }, createdAt: new Date().toISOString() };
  await store.putAttachment(ctx.store, attachment);
  const url = attachmentUrl(attachment);
  const markdown = type.inline ? `![${pending.fileName}](${url})` : `[${pending.fileName}](${url})`;
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
  // Hidden and missing answer alike, signed in or not.
  if (!meta || !attachment) throw new Problem('notFound', 'Bijlage niet gevonden');
  // Reading needs no memberships; only an attachment readers cannot see asks for the caller's networks.
  const readable = can(actorOf(ctx.principal), 'article', 'read', articleResource(meta));
  if (!readable && !can(await actorFor(ctx), 'article', 'read-editorial', articleResource(meta))) throw new Problem('notFound', 'Bijlage niet gevonden');
  const object = await ctx.store.s3.send(new GetObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: attachment.objectKey }));
  return { attachment, body: object.Body!.transformToWebStream(), public: readable && meta.audience === 'public' };
}
