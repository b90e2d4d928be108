/**
 * The personal-data pages' requests (and what other features may show of them: the links).
 * Types come from the backend's schemas (type-only).
 */
import type { AuditList, Erasure, People } from '../../../../functions/src/privacy/schemas';
import { api, ProblemError, toProblemError } from '../../api';
import { h } from '../../dom';
import { lang, t } from '../../i18n';
import { getToken } from '../../token';
import { pm } from './messages';

export type { AuditList, Erasure, People };

export const listPeople = () => api<People>('/api/academy/people');
export const listErasures = () => api<{ erasures: Erasure[] }>('/api/academy/erasures');
export const requestErasure = (personId: string, reason: string) => api<Erasure>('/api/academy/erasures', { method: 'POST', body: { personId, reason } });
export const readAudit = (q: { from?: string; to?: string; action?: string; actor?: string }) => {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
  return api<AuditList>(`/api/academy/audit${params.size > 0 ? `?${params.toString()}` : ''}`);
};

/** My data as a file (a blob), fetched with the token: a plain link would carry no sign-in. */
export async function fetchMyData(): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': lang() };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch('/api/me/personal-data', { headers });
  } catch {
    throw new ProblemError({ title: t().errors.network, detail: t().errors.networkDetail, status: 0 });
  }
  if (!res.ok) throw await toProblemError(res);
  const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'mijn-gegevens.json';
  return { blob: await res.blob(), fileName };
}

/** The academy overview's links to the privacy pages (shown when /api/me says the caller may read the audit log). */
export function privacyAdminLinks(): HTMLElement[] {
  const m = pm().links;
  return [h('li', null, h('a', { href: '/academie/privacy' }, m.erasures)), h('li', null, h('a', { href: '/academie/audit' }, m.audit))];
}

/** A small link to /mijn-gegevens, for pages of signed-in people (Mijn leren). */
export function myDataLink(): HTMLElement {
  return h('p', { class: 'my-data-link' }, h('a', { href: '/mijn-gegevens' }, pm().links.myData));
}
