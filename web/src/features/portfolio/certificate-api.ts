/**
 * The requests of the certificate pages (/portfolio/certificaten, /verify/:code), and the shapes
 * they exchange: the API's zod schemas (functions/src/portfolio/certificates/schemas.ts), imported
 * as types only. A PDF download needs the bearer token, so `pdfLink` fetches it and hands the
 * browser a blob URL (a plain link would arrive without the token).
 */
import type { z } from 'zod';
import type { MyCertificatesSchema, VerificationSchema } from '../../../../functions/src/portfolio/certificates/schemas';
import { api } from '../../api';
import type { Child } from '../../dom';
import { downloadLink } from '../../ui/download';

export type MyCertificates = z.infer<typeof MyCertificatesSchema>;
export type MyCertificate = MyCertificates['items'][number];
export type Verification = z.infer<typeof VerificationSchema>;

export const myCertificates = () => api<MyCertificates>('/api/me/certificates');
export const verifyCertificate = (code: string) => api<Verification>(`/api/certificates/${encodeURIComponent(code)}`);

/**
 * A link that downloads a certificate with the signed-in user's token (the first click issues it);
 * `then` runs once it is there (to show the code that was just issued).
 */
export function pdfLink(url: string, filename: string, label: Child, alerts: HTMLElement, then?: () => void): HTMLAnchorElement {
  return downloadLink(url, filename, label, alerts, { accept: 'application/pdf', class: 'button button--secondary', ...(then ? { then } : {}) });
}
