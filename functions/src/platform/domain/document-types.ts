/**
 * Documents people upload as proof or work (a certificate, an attendance statement, an
 * assignment), pure: the accepted types and how a stored file must begin. The declared type is
 * never trusted alone (and s3rver does not enforce the upload policy), so every upload is checked
 * against its first bytes before it counts.
 */
export const documentTypes = {
  'application/pdf': { extension: 'pdf', label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // A .docx is a ZIP container; served only as a download, never rendered.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', label: 'Word', magic: [0x50, 0x4b, 0x03, 0x04] },
  'image/png': { extension: 'png', label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'image/jpeg': { extension: 'jpg', label: 'JPEG', magic: [0xff, 0xd8, 0xff] },
} as const;

export type DocumentType = keyof typeof documentTypes;

/** Whether a stored file begins as its type must. */
export const matchesDocument = (type: DocumentType, head: Uint8Array) => documentTypes[type].magic.every((byte, i) => head[i] === byte);
