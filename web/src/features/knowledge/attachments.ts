/**
 * The editor's "Bijlagen" panel for an existing article (/kennis/bewerken/{id}), loaded on demand
 * so /kennis/nieuw and the editor's first render do not pay for it.
 *
 * Upload in three steps (functions/src/knowledge/attachments/routes.ts):
 *   1. POST /api/articles/{id}/attachments → a presigned POST for the uploads bucket;
 *   2. the browser posts the file straight to that URL (the fields first, the file last as
 *      `file`, no bearer token: the signed policy is the authorisation);
 *   3. POST …/attachments/{uploadId}/complete → the API checks size and first bytes and returns
 *      the attachment with the Markdown to insert (409 not uploaded yet, 422 wrong content).
 * Type and size are checked here first only to spare the author a useless upload.
 */
import { ProblemError } from '../../api';
import { h, on, replaceChildren } from '../../dom';
import { field, problemWithErrors, statusRegion } from '../../ui/form';
import { formatBytes, sendToStorage } from '../../ui/upload';
import { attachments as fetchAttachments, completeAttachment, startAttachment } from './api';
import type { Attachment } from './api';
import { kt } from './messages';

/** What the API accepts (functions/src/knowledge/domain/attachment-types.ts), with the extensions a file picker knows. */
const types: Record<string, { label: string; extensions: string[]; inline: boolean }> = {
  'image/png': { label: 'PNG', extensions: ['png'], inline: true },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'], inline: true },
  'image/gif': { label: 'GIF', extensions: ['gif'], inline: true },
  'image/webp': { label: 'WebP', extensions: ['webp'], inline: true },
  'application/pdf': { label: 'PDF', extensions: ['pdf'], inline: false },
};
export const maxAttachmentBytes = 4 * 1024 * 1024;
export const acceptAttribute = [...Object.keys(types), ...Object.values(types).flatMap((x) => x.extensions.map((e) => `.${e}`))].join(',');


/** The accepted content type of a picked file, or null. Without a type from the system, the extension decides. */
export function contentTypeOf(file: { name: string; type: string }): string | null {
  if (file.type) return file.type in types ? file.type : null;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return Object.keys(types).find((type) => types[type]!.extensions.includes(extension)) ?? null;
}

/** The Markdown for an attachment: the API's own for a new upload, else the same rule (images inline, PDFs as a link). */
export function markdownFor(a: Attachment): string {
  if (a.markdown) return a.markdown;
  return types[a.contentType]?.inline ? `![${a.fileName}](${a.url})` : `[${a.fileName}](${a.url})`;
}

export interface AttachmentsOptions {
  articleId: string;
  /** Puts Markdown at the cursor of the article text and updates the preview; `block` = as its own paragraph. */
  insert(markdown: string, block: boolean): void;
}

/** Fills `container` with the file input, the live status and the list; never throws. */
export async function mountAttachments(container: HTMLElement, opts: AttachmentsOptions): Promise<void> {
  const m = kt().editor.attachments;
  const maxLabel = formatBytes(maxAttachmentBytes);

  const input = h('input', { type: 'file', class: 'attachments__input', accept: acceptAttribute });
  const fileField = field('attachment', m.file, input, m.fileHint(maxLabel));
  const status = statusRegion();
  // role=status is polite already; said explicitly, as the upload progress depends on it.
  status.setAttribute('aria-live', 'polite');
  const alerts = h('div', { class: 'alerts' });
  const listSlot = h('div', { class: 'attachments__items' }, h('p', { class: 'attachments__none' }, m.loading));
  let items: Attachment[] = [];

  const render = () => {
    if (items.length === 0) return replaceChildren(listSlot, h('p', { class: 'attachments__none' }, m.none));
    replaceChildren(
      listSlot,
      h(
        'ul',
        { class: 'attachments__list' },
        items.map((a) => {
          const type = types[a.contentType];
          const insert = h('button', { type: 'button', class: 'button button--quiet' }, m.insert, h('span', { class: 'visually-hidden' }, `: ${a.fileName}`));
          on(insert, {
            click: () => {
              opts.insert(markdownFor(a), type?.inline ?? false);
              status.textContent = m.inserted(a.fileName);
            },
          });
          return h(
            'li',
            { class: 'attachment' },
            h('span', { class: 'attachment__name' }, a.fileName),
            h('span', { class: 'attachment__meta' }, `${type?.label ?? a.contentType}, ${formatBytes(a.bytes)}`),
            insert,
          );
        }),
      ),
    );
  };

  const showProblem = (err: unknown) => {
    status.textContent = '';
    // Validation messages are about the file; their paths (contentType, bytes) mean nothing to an author.
    const errors = err instanceof ProblemError ? err.errors.map((e) => ({ path: '', message: e.message })) : [];
    replaceChildren(alerts, problemWithErrors(err, errors));
  };

  const upload = async (file: File) => {
    replaceChildren(alerts);
    fileField.setError(null);
    status.textContent = '';
    const contentType = contentTypeOf(file);
    const refusal = !contentType
      ? m.wrongType(file.name)
      : file.size === 0
        ? m.emptyFile(file.name)
        : file.size > maxAttachmentBytes
          ? m.tooLarge(file.name, formatBytes(file.size), maxLabel)
          : null;
    if (refusal || !contentType) {
      fileField.setError(refusal);
      input.focus();
      return;
    }
    container.setAttribute('aria-busy', 'true');
    status.textContent = m.uploading;
    try {
      const ticket = await startAttachment(opts.articleId, { fileName: file.name, contentType, bytes: file.size });
      await sendToStorage(ticket, file);
      const added = await completeAttachment(opts.articleId, ticket.uploadId);
      items = [...items.filter((a) => a.id !== added.id), added];
      render();
      status.textContent = m.added(added.fileName);
    } catch (err) {
      showProblem(err);
    } finally {
      container.removeAttribute('aria-busy');
    }
  };

  // One upload at a time, in the order the files were picked.
  let queue: Promise<void> = Promise.resolve();
  on(input, {
    change: () => {
      const file = input.files?.[0];
      // Cleared at once, so picking the same file again (after fixing it) is a change too.
      input.value = '';
      if (file) queue = queue.then(() => upload(file));
    },
  });

  replaceChildren(container, fileField.wrapper, status, alerts, listSlot);
  try {
    items = await fetchAttachments(opts.articleId);
    render();
  } catch (err) {
    showProblem(err);
  }
}
