/**
 * Files a learner hands in (an assignment's work, an external training's certificate), pure:
 * which types are accepted and how a stored file must begin. As with article attachments, the
 * declared type is never trusted alone (and s3rver does not enforce the upload policy), so every
 * upload is re-checked against its first bytes before it counts.
 */
import { safeFileName } from '../../platform/domain/file-name';

export const learnerFileTypes = {
  'application/pdf': { extension: 'pdf', label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // A .docx is a ZIP container; served only as a download, never rendered.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', label: 'Word', magic: [0x50, 0x4b, 0x03, 0x04] },
  'image/png': { extension: 'png', label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'image/jpeg': { extension: 'jpg', label: 'JPEG', magic: [0xff, 0xd8, 0xff] },
} as const;

export type LearnerFileType = keyof typeof learnerFileTypes;
export const learnerFileContentTypes = Object.keys(learnerFileTypes) as LearnerFileType[];

/** Streamed through the API like attachments; 4 MB keeps a Lambda response under its 6 MB limit. */
export const maxLearnerFileBytes = 4 * 1024 * 1024;

/** At most this many files kept per learner and module (every upload, handed in or not). */
export const maxFilesPerModule = 10;

/** At most this many files on one submission or completion report. */
export const maxFilesPerSubmission = 3;

export function matchesLearnerFile(type: LearnerFileType, head: Uint8Array): boolean {
  return learnerFileTypes[type].magic.every((byte, i) => head[i] === byte);
}

/** A file name safe for a URL path segment and a Content-Disposition header, with the type's extension. */
export function learnerFileName(name: string, type: LearnerFileType): string {
  return safeFileName(name, learnerFileTypes[type].extension, 'bestand');
}
