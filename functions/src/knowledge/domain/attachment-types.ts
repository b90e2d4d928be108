import { safeFileName } from '../../platform/domain/file-name';

export { safeFileName };
/**
 * Rules for article attachments, pure: which files are accepted and how a stored file must
 * begin. The browser's declared type is never trusted on its own (and the local S3 server does
 * not enforce the upload policy), so every upload is re-checked against its first bytes.
 */
export const attachmentTypes = {
  'image/png': { extension: 'png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], inline: true },
  'image/jpeg': { extension: 'jpg', magic: [[0xff, 0xd8, 0xff]], inline: true },
  'image/gif': { extension: 'gif', magic: [[0x47, 0x49, 0x46, 0x38]], inline: true },
  'image/webp': { extension: 'webp', magic: [[0x52, 0x49, 0x46, 0x46, -1, -1, -1, -1, 0x57, 0x45, 0x42, 0x50]], inline: true },
  'application/pdf': { extension: 'pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]], inline: false },
} as const;

export type AttachmentType = keyof typeof attachmentTypes;
export const attachmentContentTypes = Object.keys(attachmentTypes) as AttachmentType[];

/** Attachments are streamed through the API (same origin, same visibility as the article); 4 MB keeps a Lambda response under its 6 MB limit after base64. */
export const maxAttachmentBytes = 4 * 1024 * 1024;

export function matchesMagic(type: AttachmentType, head: Uint8Array): boolean {
  return attachmentTypes[type].magic.some((sig) => sig.every((byte, i) => byte === -1 || head[i] === byte));
}


/** At most this many attachments per article (a counter beside the article holds it, so parallel uploads cannot pass it together). */
export const maxAttachmentsPerArticle = 50;

/**
 * The attachments a text shows: ids from links to `/api/attachments/{articleId}/{id}/…` of this
 * article, in order of first appearance. Readers are served exactly these of the published version.
 */
export function attachmentIdsIn(markdown: string, articleId: string): string[] {
  const escaped = articleId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`/api/attachments/${escaped}/([A-Za-z0-9_-]{1,80})/`, 'g');
  return [...new Set([...markdown.matchAll(pattern)].map((m) => m[1]!))];
}
