/**
 * Every request the network pages make, and the shapes they exchange: the API's own zod schemas
 * (functions/src/networks/schemas.ts), imported as types only. The network page also shows what
 * other features hold about the network, each from its own endpoint: articles (knowledge's search),
 * modules (the catalogue); events and questions are sections of their own (./events.ts, ./questions.ts).
 */
import type { z } from 'zod';
import type { CreateNetworkSchema, MembershipSchema, NetworkMemberSchema, NetworkPageSchema, NetworkRoleSchema, NetworkSchema } from '../../../../functions/src/networks/schemas';
import { api } from '../../api';

export type NetworkSummary = z.infer<typeof NetworkSchema>;
export type NetworkPage = z.infer<typeof NetworkPageSchema>;
export type NetworkMember = z.infer<typeof NetworkMemberSchema>;
export type NetworkRole = z.infer<typeof NetworkRoleSchema>;
export type Membership = z.infer<typeof MembershipSchema>;
export type NewNetwork = z.input<typeof CreateNetworkSchema>;

const enc = encodeURIComponent;

export interface OverviewQuery {
  q?: string;
  kind?: string;
  theme?: string;
  openToPartners?: string;
}

export const overview = (q: OverviewQuery, signal?: AbortSignal) => {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
  return api<NetworkSummary[]>(`/api/networks${params.size > 0 ? `?${params}` : ''}`, { signal });
};
export const networkPage = (id: string) => api<NetworkPage>(`/api/networks/${enc(id)}`);
export const join = (id: string) => api<Membership>(`/api/networks/${enc(id)}/membership`, { method: 'POST' });
export const leave = (id: string) => api<void>(`/api/networks/${enc(id)}/membership`, { method: 'DELETE' });
export const editPage = (id: string, body: { description: string; goals: string; expectedRev: number }) => api<NetworkPage>(`/api/networks/${enc(id)}`, { method: 'PUT', body });
export const setRole = (id: string, userId: string, role: NetworkRole) => api<NetworkMember>(`/api/networks/${enc(id)}/members/${enc(userId)}`, { method: 'PUT', body: { role } });
export const removeMember = (id: string, userId: string) => api<void>(`/api/networks/${enc(id)}/members/${enc(userId)}`, { method: 'DELETE' });
export const createNetwork = (body: NewNetwork) => api<NetworkPage>('/api/networks', { method: 'POST', body });
export const archiveNetwork = (id: string) => api<NetworkPage>(`/api/networks/${enc(id)}/archive`, { method: 'POST' });
