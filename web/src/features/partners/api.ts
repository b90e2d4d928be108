/**
 * The partner pages' requests (and what other features may show of them: the academy's link).
 * Types come from the backend's schemas (type-only).
 */
import type { Accepted, InvitationCreated, InvitationPreview, OrganisationList, OrganisationView, PartnerUsers } from '../../../../functions/src/partners/schemas';
import type { Me } from '../../auth';
import { api } from '../../api';
import { h } from '../../dom';
import { ptm } from './messages';

export type { Accepted, InvitationCreated, InvitationPreview, OrganisationList, OrganisationView, PartnerUsers };
export type OrganisationInput = Pick<OrganisationView, 'name' | 'kind' | 'contact' | 'networkIds' | 'moduleIds'>;
export type StatusChange = 'suspend' | 'revoke' | 'reactivate';

const enc = encodeURIComponent;
export const listOrganisations = () => api<OrganisationList>('/api/partners');
export const getOrganisation = (id: string) => api<OrganisationView>(`/api/partners/${enc(id)}`);
export const createOrganisation = (input: OrganisationInput) => api<OrganisationView>('/api/partners', { method: 'POST', body: input });
export const updateOrganisation = (id: string, input: OrganisationInput & { rev: number }) => api<OrganisationView>(`/api/partners/${enc(id)}`, { method: 'PUT', body: input });
export const changeStatus = (id: string, change: StatusChange, reason: string) => api<OrganisationView>(`/api/partners/${enc(id)}/${change}`, { method: 'POST', body: { reason } });
export const listUsers = (id: string) => api<PartnerUsers>(`/api/partners/${enc(id)}/users`);
export const invite = (id: string, name: string, email: string) => api<InvitationCreated>(`/api/partners/${enc(id)}/invitations`, { method: 'POST', body: { name, email } });
export const removeUser = (id: string, userId: string) => api<PartnerUsers['users'][number]>(`/api/partners/${enc(id)}/users/${enc(userId)}`, { method: 'DELETE' });
export const previewInvitation = (token: string) => api<InvitationPreview>(`/api/invitations/${enc(token)}`);
export const acceptInvitation = (token: string) => api<Accepted>(`/api/invitations/${enc(token)}/accept`, { method: 'POST' });
export const myProfile = () => api<Me>('/api/me');

/** The academy overview's link to the partner pages (shown when /api/me says the caller may manage them). */
export function partnerAdminLinks(): HTMLElement[] {
  return [h('li', null, h('a', { href: '/academie/partners' }, ptm().links.partners))];
}
