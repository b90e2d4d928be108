/**
 * The browser's half of an upload (knowledge attachments, learners' files): after the API handed
 * out a presigned POST (functions/src/platform/uploads), the file goes straight to the bucket.
 */
import type { z } from 'zod';
import type { PresignedPostSchema } from '../../../functions/src/platform/uploads/schemas';
import { ProblemError } from '../api';
import { lang, t } from '../i18n';
import { ut } from './messages';

export type UploadTicket = z.infer<typeof PresignedPostSchema>;

/** Straight to the bucket, as multipart/form-data with the policy fields first and the file last. */
export async function sendToStorage(ticket: UploadTicket, file: File): Promise<void> {
  const m = ut().upload;
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(ticket.url, { method: 'POST', body: form, credentials: 'omit' });
  } catch {
    throw new ProblemError({ title: m.failed, detail: t().errors.networkDetail, status: 0 });
  }
  if (!res.ok) throw new ProblemError({ title: m.failed, detail: m.failedDetail(res.status), status: res.status });
}

/**
 * As `sendToStorage`, with upload progress (`onProgress(sent, total)`), for large files such as
 * SCORM packages: `fetch` cannot report request-body progress, XMLHttpRequest can.
 */
export function sendToStorageWithProgress(ticket: UploadTicket, file: File, onProgress: (sent: number, total: number) => void): Promise<void> {
  const m = ut().upload;
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ticket.url);
    xhr.withCredentials = false;
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve();
      } else reject(new ProblemError({ title: m.failed, detail: m.failedDetail(xhr.status), status: xhr.status }));
    });
    const network = () => reject(new ProblemError({ title: m.failed, detail: t().errors.networkDetail, status: 0 }));
    xhr.addEventListener('error', network);
    xhr.addEventListener('abort', network);
    xhr.addEventListener('timeout', network);
    xhr.send(form);
  });
}

export function formatBytes(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
