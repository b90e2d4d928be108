/**
 * A partner user's personal data in the partners feature, for the export and for an erasure
 * (functions/docs/privacy.md): their record in the organisation (name, e-mail, status) and the
 * invitations that named them. An erasure moves the record to the person's pseudonym (kept as
 * removed, so the organisation's list still shows that someone left) and pseudonymises the
 * invitations; nothing keeps their id, name or e-mail.
 */
import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { retryOnContention } from '../platform/store/items';
import { put, transact } from '../platform/store/table';
import { scrubPerson, type PersonTraces, type Pseudonym } from '../platform/audit';
import { getPartnerUser, invitationItem, listInvitations, partnerUserItem, type Invitation, type PartnerUser } from './store';

const namesPerson = (i: Invitation, person: Pick<PersonTraces, 'id' | 'email'>) => i.acceptedBy === person.id || (person.email !== undefined && i.email.toLowerCase() === person.email.toLowerCase());

export async function partnerDataOf(store: StoreClients, person: Pick<PersonTraces, 'id' | 'email'>, organisationId: string | undefined) {
  if (!organisationId) return { record: null, invitations: [] };
  const [record, invitations] = await Promise.all([getPartnerUser(store, organisationId, person.id), listInvitations(store, organisationId)]);
  return {
    record: record ? { organisationId: record.organisationId, name: record.name, email: record.email, status: record.status, joinedAt: record.joinedAt, ...(record.removedAt ? { removedAt: record.removedAt } : {}) } : null,
    invitations: invitations.filter((i) => namesPerson(i, person)).map((i) => ({ organisationId: i.organisationId, name: i.name, email: i.email, createdAt: i.createdAt, ...(i.acceptedAt ? { acceptedAt: i.acceptedAt } : {}) })),
  };
}

export async function erasePartnerUser(store: StoreClients, person: PersonTraces, pseudonym: Pseudonym, organisationId: string | undefined): Promise<{ records: number; invitations: number }> {
  if (!organisationId) return { records: 0, invitations: 0 };
  let records = 0;
  const record = await getPartnerUser(store, organisationId, person.id);
  if (record) {
    const moved: PartnerUser = { ...scrubPerson(record, person, pseudonym), userId: pseudonym.id, name: pseudonym.name, email: '', status: 'removed', removedAt: record.removedAt ?? new Date().toISOString() };
    await retryOnContention(() =>
      transact(store, [
        { Put: { Item: partnerUserItem(moved) } },
        { Delete: { Key: keys.partnerUser(organisationId, person.id) } },
      ]),
    );
    records = 1;
  }
  const invitations = (await listInvitations(store, organisationId)).filter((i) => namesPerson(i, person));
  for (const i of invitations) {
    const scrubbed = { ...scrubPerson(i, person, pseudonym), name: pseudonym.name, email: '', ...(i.acceptedBy ? { acceptedBy: pseudonym.id } : {}) };
    await put(store, invitationItem(scrubbed));
  }
  return { records, invitations: invitations.length };
}
