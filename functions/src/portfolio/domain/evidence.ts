/**
 * Evidence of external learning (a certificate, an attendance statement), pure: the document types
 * (platform/domain/document-types.ts, checked against their first bytes), the size limit, names and
 * where the files live.
 */
import { safeFileName } from '../../platform/domain/file-name';
import { documentTypes, matchesDocument, type DocumentType } from '../../platform/domain/document-types';

export const evidenceTypes = documentTypes;

export type EvidenceType = DocumentType;
export const evidenceContentTypes = Object.keys(evidenceTypes) as EvidenceType[];

/** Streamed through the API; 4 MB keeps a Lambda response under its 6 MB limit. */
export const maxEvidenceBytes = 4 * 1024 * 1024;

export const matchesEvidence = matchesDocument;

/** A file name safe for a Content-Disposition header, with the type's extension. */
export const evidenceFileName = (name: string, type: EvidenceType) => safeFileName(name, evidenceTypes[type].extension, 'bewijs');

/** Where an entry's evidence lives in the attachments bucket; everything of a learner under one prefix (erasure). */
export const evidencePrefix = (userId: string) => `portfolio/${userId}/`;
export const evidenceKey = (userId: string, entryId: string, fileId: string) => `${evidencePrefix(userId)}${entryId}/${fileId}`;
