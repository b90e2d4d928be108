/**
 * Downloads from the API that need the bearer token (CSV exports, PDFs, handed-in files,
 * calendar invites): a plain link would arrive without it. The first click fetches the file and
 * hands the browser a blob URL (same name, `download` attribute), then follows it; later clicks
 * download straight away. Problems show in `alerts`.
 */
import { ProblemError, toProblemError } from '../api';
import { h, on, type Child } from '../dom';
import { lang, t } from '../i18n';
import { getToken } from '../token';
import { problemAlert } from './alert';

export interface DownloadOptions {
  /** The type asked for (problem+json is always accepted too). */
  accept?: string;
  class?: string;
  /** Runs once the file is there (e.g. to show a certificate code just issued). */
  then?: () => void;
}

export function downloadLink(url: string, filename: string, label: Child, alerts: HTMLElement, options: DownloadOptions | string = {}): HTMLAnchorElement {
  const o: DownloadOptions = typeof options === 'string' ? { accept: options } : options;
  const link = h('a', { href: url, download: filename, ...(o.class ? { class: o.class } : {}) }, label);
  let ready = false;
  on(link, {
    click: (event) => {
      if (ready) return;
      event.preventDefault();
      if (link.getAttribute('aria-busy') === 'true') return;
      link.setAttribute('aria-busy', 'true');
      alerts.replaceChildren();
      void fetchWithToken(url, o.accept ?? '*/*')
        .then((blob) => {
          link.href = URL.createObjectURL(blob);
          ready = true;
          link.click();
          o.then?.();
        })
        .catch((err: unknown) => alerts.replaceChildren(problemAlert(err)))
        .finally(() => link.removeAttribute('aria-busy'));
    },
  });
  return link;
}

async function fetchWithToken(url: string, accept: string): Promise<Blob> {
  const headers: Record<string, string> = { Accept: `${accept}, application/problem+json`, 'Accept-Language': lang() };
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
