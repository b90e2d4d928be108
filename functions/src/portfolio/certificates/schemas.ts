import { z } from '@hono/zod-openapi';
import { say } from '../../platform/http/language';

export const CertificateKind = z.enum(['module', 'path']).openapi({ description: 'Een certificaat hoort bij een afgeronde module of een afgerond leerpad' });
export const TargetId = z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/);
/** `{targetId}.pdf`: the id of the module or path, then `.pdf`. */
export const PdfFile = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,80}\.pdf$/, say('Verwacht {id}.pdf', 'Expected {id}.pdf'))
  .openapi({ description: 'Het id van de module of het leerpad gevolgd door .pdf', example: 'm-deescalatie-training.pdf' });
export const CodeParam = z.string().min(1).max(40).openapi({ description: 'De verificatiecode (met of zonder streepjes)', example: '7K2QD-M9XTA-4PZ1R' });

const Points = z.object({ register: z.string(), points: z.number(), accreditationNumber: z.string().optional(), edition: z.string().optional() });
const Person = z.object({ id: z.string(), name: z.string() });

export const MyCertificatesSchema = z
  .object({
    items: z.array(
      z.object({
        kind: CertificateKind,
        targetId: z.string(),
        title: z.string(),
        completedAt: z.string(),
        points: z.array(Points).openapi({ description: 'Accreditatie zoals die gold bij afronding' }),
        certificate: z
          .object({ code: z.string().openapi({ description: 'Gegroepeerd, zoals op het certificaat' }), issuedAt: z.string(), revokedAt: z.string().optional() })
          .optional()
          .openapi({ description: 'Al uitgegeven; ontbreekt zolang het certificaat nog niet is gedownload' }),
        pdf: z.string().openapi({ description: 'Het pad van de PDF (geeft het certificaat uit bij de eerste keer)' }),
      }),
    ),
  })
  .openapi('MyCertificates');

/** The public answer: only name, title and date (and whether it was revoked). */
export const VerificationSchema = z
  .object({
    status: z.enum(['valid', 'revoked']),
    code: z.string(),
    name: z.string(),
    title: z.string(),
    completedAt: z.string(),
    revokedAt: z.string().optional(),
  })
  .openapi('CertificateVerification');

export const CertificateSchema = z
  .object({
    code: z.string(),
    kind: CertificateKind,
    targetId: z.string(),
    userId: z.string(),
    name: z.string(),
    title: z.string(),
    completedAt: z.string(),
    issuedAt: z.string(),
    points: z.array(Points),
    revokedAt: z.string().optional(),
    revokedBy: Person.optional(),
    revokeReason: z.string().optional(),
  })
  .openapi('Certificate');

export const CertificateListSchema = z
  .object({ items: z.array(CertificateSchema), next: z.string().optional().openapi({ description: 'Cursor van de volgende pagina; ontbreekt op de laatste' }) })
  .openapi('CertificateList');

export const CertificateListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).openapi({ description: 'Hoeveel per pagina (1–100)' }),
  cursor: z.string().max(2000).optional().openapi({ description: 'De `next` van de vorige pagina' }),
});

export const RevokeSchema = z
  .object({ reason: z.string().trim().min(3, say('Geef een reden van minstens 3 tekens', 'Give a reason of at least 3 characters')).max(500, say('Hoogstens 500 tekens', 'At most 500 characters')) })
  .openapi('RevokeCertificate');
