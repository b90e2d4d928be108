/**
 * Files a learner hands in (assignment work, an external training's certificate) and links to
 * them. Uploads go in the same three steps as article attachments (POST …/files → presigned POST
 * straight to storage → …/complete, where the API checks size and first bytes); the form then
 * names the checked files by id. Downloads go through `downloadLink` (they need the bearer token).
 */
import { h, on, replaceChildren, uid } from '../../dom';
import { problemAlert } from '../../ui/alert';
import { formatBytes, sendToStorage } from '../../ui/upload';
import { completeFileUpload, deleteFile, startFileUpload } from './api';
import type { LearnerFile } from './api';
import { downloadLink } from './common';
import { lt } from './messages';

/** What the API accepts (functions/src/learning/domain/file-types.ts), with the extensions a file picker knows. */
const types: Record<string, { label: string; extensions: string[] }> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word', extensions: ['docx'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
};
const maxBytes = 4 * 1024 * 1024;
const maxFiles = 3;
const accept = [...Object.keys(types), ...Object.values(types).flatMap((x) => x.extensions.map((e) => `.${e}`))].join(',');

function contentTypeOf(file: { name: string; type: string }): string | null {
  if (file.type && file.type in types) return file.type;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return Object.keys(types).find((type) => types[type]!.extensions.includes(extension)) ?? null;
}

export interface FilePicker {
  wrapper: HTMLElement;
  /** Ids of the checked files to name in the form's request. */
  ids(): string[];
  /** True while an upload runs: the form waits for it rather than submitting without the file. */
  busy(): boolean;
}

/** A file input that uploads at once and lists what was handed in, each removable again. */
export function filePicker(moduleId: string, label: string, initial: LearnerFile[] = []): FilePicker {
  const m = lt().files;
  const id = uid('file');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = h('input', { type: 'file', id, accept, 'aria-describedby': hintId });
  const error = h('p', { class: 'field__error', id: errorId, hidden: true });
  const status = h('p', { role: 'status', class: 'status' });
  const alerts = h('div', { class: 'alerts' });
  const list = h('ul', { class: 'file-list' });
  let files: LearnerFile[] = [...initial];
  let uploading = false;

  const setError = (message: string | null) => {
    error.textContent = message ?? '';
    error.hidden = !message;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${errorId} ${hintId}`);
    } else {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', hintId);
    }
  };
  const render = () => {
    replaceChildren(
      list,
      files.map((f) => {
        // Deleting takes the file out of the hand-in at once (so a submit meanwhile never names it)
        // and puts it back if the API refuses.
        const remove = h('button', { type: 'button', class: 'button button--quiet' }, m.delete, h('span', { class: 'visually-hidden' }, `: ${f.fileName}`));
        on(remove, {
          click: async () => {
            alerts.replaceChildren();
            const before = files;
            files = files.filter((x) => x.id !== f.id);
            render();
            input.focus();
            try {
              await deleteFile(moduleId, f.id);
              status.textContent = m.deleted(f.fileName);
            } catch (err) {
              files = before;
              render();
              alerts.replaceChildren(problemAlert(err));
            }
          },
        });
        return h('li', null, h('span', { class: 'file-list__name' }, f.fileName), ` (${types[f.contentType]?.label ?? f.contentType}, ${formatBytes(f.bytes)}) `, remove);
      }),
    );
  };

  on(input, {
    change: () => {
      const file = input.files?.[0];
      input.value = ''; // picking the same file again (after fixing it) is a change too
      if (!file) return;
      alerts.replaceChildren();
      setError(null);
      // Refused with a message rather than a disabled input, which would drop keyboard focus.
      if (files.length >= maxFiles) {
        setError(m.tooMany(maxFiles));
        input.focus();
        return;
      }
      const type = contentTypeOf(file);
      const refusal = !type ? m.wrongType(file.name) : file.size === 0 ? m.empty(file.name) : file.size > maxBytes ? m.tooLarge(file.name, formatBytes(file.size), formatBytes(maxBytes)) : null;
      if (refusal || !type) {
        setError(refusal);
        input.focus();
        return;
      }
      uploading = true;
      status.textContent = m.uploading(file.name);
      void (async () => {
        try {
          const ticket = await startFileUpload(moduleId, { fileName: file.name, contentType: type, bytes: file.size });
          await sendToStorage(ticket, file);
          const added = await completeFileUpload(moduleId, ticket.uploadId);
          files = [...files, added];
          render();
          status.textContent = m.added(added.fileName);
        } catch (err) {
          status.textContent = '';
          alerts.replaceChildren(problemAlert(err));
        } finally {
          uploading = false;
        }
      })();
    },
  });

  const wrapper = h(
    'div',
    { class: 'field', 'data-field': 'files' },
    h('label', { for: id, class: 'field__label' }, label),
    h('p', { class: 'field__hint', id: hintId }, m.hint(formatBytes(maxBytes), maxFiles)),
    error,
    input,
    status,
    alerts,
    list,
  );
  render();
  return { wrapper, ids: () => files.map((f) => f.id), busy: () => uploading };
}

/** Links that download handed-in files with the signed-in user's token. */
export function fileLinks(files: LearnerFile[] | undefined): HTMLElement | null {
  if (!files || files.length === 0) return null;
  const alerts = h('div', { class: 'alerts' });
  return h(
    'div',
    { class: 'file-links' },
    h('p', { class: 'signal__label' }, lt().files.handedIn),
    h('ul', { class: 'file-list' }, files.map((f) => h('li', null, downloadLink(f.url, f.fileName, f.fileName, alerts), ` (${types[f.contentType]?.label ?? f.contentType}, ${formatBytes(f.bytes)})`))),
    alerts,
  );
}
