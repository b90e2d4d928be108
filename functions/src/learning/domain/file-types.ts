/**
 * Files a learner hands in (an assignment's work, an external training's certificate), pure: the
 * document types (platform/domain/document-types.ts, re-checked against their first bytes) and
 * the limits per module and submission.
 */
import { safeFileName } from '../../platform/domain/file-name';
import { documentTypes, matchesDocument, type DocumentType } from '../../platform/domain/document-types';

export const learnerFileTypes = documentTypes;

export type LearnerFileType = DocumentType;
export const learnerFileContentTypes = Object.keys(learnerFileTypes) as LearnerFileType[];

/** Streamed through the API like attachments; 4 MB keeps a Lambda response under its 6 MB limit. */
export const maxLearnerFileBytes = 4 * 1024 * 1024;

/** At most this many files kept per learner and module (every upload, handed in or not). */
export const maxFilesPerModule = 10;

/** At most this many files on one submission or completion report. */
export const maxFilesPerSubmission = 3;

export const matchesLearnerFile = matchesDocument;

/** A file name safe for a URL path segment and a Content-Disposition header, with the type's extension. */
export function learnerFileName(name: string, type: LearnerFileType): string {
  return safeFileName(name, learnerFileTypes[type].extension, 'bestand');
}
