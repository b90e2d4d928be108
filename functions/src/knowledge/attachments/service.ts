import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { timeId } from '../../platform/store/keys';
import * as store from './store';
import { actorOf, can } from '../../policy';
import { attachmentIdsIn, attachmentTypes, matchesMagic, maxAttachmentBytes, maxAttachmentsPerArticle, safeFileName, type AttachmentType } from '../domain/attachment-types';
import { actorFor, articleResource, authorizeArticle, loadMeta, requireWriter, type KnowledgeCtx } from '../articles/service';
import { getVersion, type ArticleMeta } from '../articles/store';
import * as uploads from '../../platform/uploads/pipeline';

export const attachmentUrl = (a: { articleId: string; id: string; fileName: string }) => `/api/attachments/${a.articleId}/${a.id}/${a.fileName}`;

/** Step 1: the browser gets a presigned POST that bounds size and type; the API never carries the bytes in. */
export async function startUpload(ctx: KnowledgeCtx, articleId: string, input: { fileName: string; contentType: AttachmentType; bytes: number }) {
  const meta = await loadMeta(ctx, articleId);
  const p = await requireWriter(ctx, meta);
  // Early and friendly; the place itself is taken when the upload completes.
  if ((await store.countAttachments(ctx.store, articleId)) >= maxAttachmentsPerArticle) throw full();
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
  if (!pending || pending.articleId !== articleId || pending.createdBy !== p.id) throw new Problem('notFound', text('Onbekende of verlopen upload', 'Unknown or expired upload'));
  const type = attachmentTypes[pending.contentType];
  // A place under the cap first (the pending upload stays if there is none, for after a delete).
  if (!(await store.takeAttachmentPlace(ctx.store, articleId, maxAttachmentsPerArticle))) throw full();
  const id = timeId();
  const objectKey = `articles/${articleId}/${id}`;
  const attachment = { id, articleId, fileName: pending.fileName, contentType: pending.contentType, bytes: 0, objectKey, createdBy: { id: p.id, name: p.name }, createdAt: new Date().toISOString() };
  try {
    const { size, etag, claim } = await uploads.claimUpload(ctx.store, uploadId, { maxBytes: maxAttachmentBytes, matches: (head) => matchesMagic(pending.contentType, head), label: type.extension.toUpperCase() });
    attachment.bytes = size;
    // The record is written with the end of the upload, under this request's claim: a copy or a
    // record write that fails leaves the upload to be completed again, and a request whose claim
    // lapsed makes no second attachment of it.
    await uploads.keepUpload(ctx.store, uploadId, objectKey, pending.contentType, etag, claim, 'attachments', [store.attachmentPart(attachment)]);
  } catch (err) {
    await store.giveBackAttachmentPlace(ctx.store, articleId).catch(() => undefined);
    throw err;
  }
  const url = attachmentUrl(attachment);
  const markdown = type.inline ? `![${pending.fileName}](${url})` : `[${pending.fileName}](${url})`;
  return { ...attachment, url, markdown };
}

export async function list(ctx: KnowledgeCtx, articleId: string) {
  const meta = await loadMeta(ctx, articleId);
  await requireWriter(ctx, meta);
  return (await store.listAttachments(ctx.store, articleId)).map((a) => ({ ...a, url: attachmentUrl(a) }));
}

const full = () =>
  new Problem(
    'unprocessable',
    text(
      `Een artikel heeft maximaal ${maxAttachmentsPerArticle} bijlagen. Verwijder eerst een bijlage die het artikel niet meer gebruikt.`,
      `An article has at most ${maxAttachmentsPerArticle} attachments. First delete an attachment the article no longer uses.`,
    ),
  );

/**
 * The attachments the published version shows. Set on the article at publish; for an article
 * published before that, read from its published version.
 */
async function publishedAttachments(ctx: KnowledgeCtx, meta: ArticleMeta): Promise<string[]> {
  if (meta.publishedVersion === 0) return [];
  if (meta.publishedAttachments) return meta.publishedAttachments;
  const v = await getVersion(ctx.store, meta.id, meta.publishedVersion);
  return v ? attachmentIdsIn(v.markdown, meta.id) : [];
}

/**
 * Serving follows the published version, not the article's current audience: readers (anonymous
 * included) get an attachment only if the published version shows it and they may read that
 * version; the article's writers get every attachment, drafts' too. Only a published attachment
 * of a public article may be cached publicly; every answer varies with Authorization.
 */
export async function open(ctx: KnowledgeCtx, articleId: string, attachmentId: string) {
  const [meta, attachment] = await Promise.all([loadMeta(ctx, articleId).catch(() => undefined), store.getAttachment(ctx.store, articleId, attachmentId)]);
  // Hidden and missing answer alike, signed in or not.
  if (!meta || !attachment) throw new Problem('notFound', text('Bijlage niet gevonden', 'Attachment not found'));
  const resource = { ...articleResource(meta), attachmentPublished: (await publishedAttachments(ctx, meta)).includes(attachmentId) };
  // Reading needs no memberships; only an attachment readers cannot see asks for the caller's networks.
  const asReader = can(actorOf(ctx.principal), 'article', 'read-attachment', resource);
  if (!asReader && !can(await actorFor(ctx), 'article', 'read-attachment', resource)) throw new Problem('notFound', text('Bijlage niet gevonden', 'Attachment not found'));
  const object = await ctx.store.s3.send(new GetObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: attachment.objectKey }));
  const isPublic = can(actorOf(null), 'article', 'read-attachment', resource);
  return { attachment, body: object.Body!.transformToWebStream(), public: isPublic };
}

/**
 * Deletes an attachment (the article's writers). One the published version shows stays until a
 * version without it is published: readers would otherwise meet a broken image. Older versions
 * are not protected: an editor looking back sees the link without the file.
 */
export async function remove(ctx: KnowledgeCtx, articleId: string, attachmentId: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const meta = await loadMeta(ctx, articleId);
    await authorizeArticle(ctx, 'delete-attachment', meta);
    const attachment = await store.getAttachment(ctx.store, articleId, attachmentId);
    if (!attachment) throw new Problem('notFound', text('Bijlage niet gevonden', 'Attachment not found'));
    if ((await publishedAttachments(ctx, meta)).includes(attachmentId)) {
      throw new Problem('conflict', text('Deze bijlage staat in de gepubliceerde versie van het artikel. Publiceer eerst een versie zonder deze bijlage; daarna kun je haar verwijderen.', 'This attachment is in the published version of the article. First publish a version without it; then you can delete it.'));
    }
    const outcome = await store.deleteAttachment(ctx.store, attachment, meta.rev);
    if (outcome === 'gone') throw new Problem('notFound', text('Bijlage niet gevonden', 'Attachment not found'));
    if (outcome === 'deleted') {
      await ctx.store.s3.send(new DeleteObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: attachment.objectKey })).catch(() => undefined);
      return;
    }
  }
  throw new Problem('conflict', text('Het artikel werd intussen gewijzigd; probeer het opnieuw', 'The article was changed in the meantime; please try again'));
}
