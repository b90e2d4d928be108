/**
 * Evidence of external learning (a certificate, an attendance statement), pure: the accepted types
 * and how a stored file must begin. The declared type is never trusted alone (s3rver does not
 * enforce the upload policy), so every upload is checked against its first bytes before it counts.
 */
import { safeFileName } from '../../platform/domain/file-name';

export const evidenceTypes = {
  'application/pdf': { extension: 'pdf', label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // A .docx is a ZIP container; served only as a download, never rendered.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', label: 'Word', magic: [0x50, 0x4b, 0x03, 0x04] },
  'image/png': { extension: 'png', label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'image/jpeg': { extension: 'jpg', label: 'JPEG', magic: [0xff, 0xd8, 0xff] },
} as const;

export type EvidenceType = keyof typeof evidenceTypes;
export const evidenceContentTypes = Object.keys(evidenceTypes) as EvidenceType[];

/** Streamed through the API; 4 MB keeps a Lambda response under its 6 MB limit. */
export const maxEvidenceBytes = 4 * 1024 * 1024;

export const matchesEvidence = (type: EvidenceType, head: Uint8Array) => evidenceTypes[type].magic.every((byte, i) => head[i] === byte);

/** A file name safe for a Content-Disposition header, with the type's extension. */
export const evidenceFileName = (name: string, type: EvidenceType) => safeFileName(name, evidenceTypes[type].extension, 'bewijs');

/** Where an entry's evidence lives in the attachments bucket; everything of a learner under one prefix (erasure). */
export const evidencePrefix = (userId: string) => `portfolio/${userId}/`;
export const evidenceKey = (userId: string, entryId: string, fileId: string) => `${evidencePrefix(userId)}${entryId}/${fileId}`;
