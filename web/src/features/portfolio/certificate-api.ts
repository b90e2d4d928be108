/**
 * The requests of the certificate pages (/portfolio/certificaten, /verify/:code), and the shapes
 * they exchange: the API's zod schemas (functions/src/portfolio/certificates/schemas.ts), imported
 * as types only. A PDF download needs the bearer token, so `pdfLink` fetches it and hands the
 * browser a blob URL (a plain link would arrive without the token).
 */
import type { z } from 'zod';
import type { MyCertificatesSchema, VerificationSchema } from '../../../../functions/src/portfolio/certificates/schemas';
import { api, ProblemError, toProblemError } from '../../api';
import { h, on } from '../../dom';
import type { Child } from '../../dom';
import { lang, t } from '../../i18n';
import { getToken } from '../../token';
import { problemAlert } from '../../ui/alert';

export type MyCertificates = z.infer<typeof MyCertificatesSchema>;
export type MyCertificate = MyCertificates['items'][number];
export type Verification = z.infer<typeof VerificationSchema>;

export const myCertificates = () => api<MyCertificates>('/api/me/certificates');
export const verifyCertificate = (code: string) => api<Verification>(`/api/certificates/${encodeURIComponent(code)}`);

async function fetchPdf(url: string): Promise<Blob> {
  const headers: Record<string, string> = { Accept: 'application/pdf, application/problem+json', 'Accept-Language': lang() };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch {
    throw new ProblemError({ title: t().errors.network, detail: t().errors.networkDetail, status: 0 });
  }
  if (!res.ok) throw await toProblemError(res);
  return res.blob();
}

/**
 * A link that downloads a certificate with the signed-in user's token: the first click fetches it
 * (which issues the certificate) and follows a blob URL; `then` runs once it is there (to show the
 * code that was just issued). Problems show in `alerts`.
 */
export function pdfLink(url: string, filename: string, label: Child, alerts: HTMLElement, then?: () => void): HTMLAnchorElement {
  const link = h('a', { href: url, download: filename, class: 'button button--secondary' }, label);
  let ready = false;
  on(link, {
    click: (event) => {
      if (ready) return;
      event.preventDefault();
      if (link.getAttribute('aria-busy') === 'true') return;
      link.setAttribute('aria-busy', 'true');
      alerts.replaceChildren();
      void fetchPdf(url)
        .then((blob) => {
          link.href = URL.createObjectURL(blob);
          ready = true;
          link.click();
          then?.();
        })
        .catch((err: unknown) => alerts.replaceChildren(problemAlert(err)))
        .finally(() => link.removeAttribute('aria-busy'));
    },
  });
  return link;
}
