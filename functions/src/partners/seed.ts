import type { StoreClients } from '../platform/store/clients';
import type { OrganisationKind, OrganisationStatus } from './domain/organisation';
import { seedOrganisationItem, seedPartnerUserItem, type Organisation } from './store';

/** A demo organisation as content/people/organisations.json holds it. */
export interface SeedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  contact: { name: string; email: string; phone?: string };
  networkIds?: string[];
  moduleIds?: string[];
  status?: OrganisationStatus;
  statusReason?: string;
}

const seededAt = '2026-01-01T00:00:00.000Z';
const academy = { id: 'u-sanne-de-vries', name: 'Sanne de Vries' };

/**
 * The demo organisations and the partner records of their demo users. Idempotent: an organisation
 * already managed (with `rev`) is left as the academy changed it; partner records are written once.
 */
export async function seedOrganisations(store: StoreClients, orgs: SeedOrganisation[], users: Array<{ id: string; name: string; email: string; organisationId?: string }>): Promise<number> {
  let written = 0;
  for (const o of orgs) {
    const org: Organisation = {
      id: o.id,
      name: o.name,
      kind: o.kind,
      contact: o.contact,
      networkIds: o.networkIds ?? [],
      moduleIds: o.moduleIds ?? [],
      status: o.status ?? 'active',
      statusChangedAt: seededAt,
      statusChangedBy: academy,
      ...(o.statusReason ? { statusReason: o.statusReason } : {}),
      rev: 1,
      createdAt: seededAt,
      updatedAt: seededAt,
    };
    if (await seedOrganisationItem(store, org)) written++;
  }
  for (const u of users) {
    if (!u.organisationId) continue;
    await seedPartnerUserItem(store, { userId: u.id, organisationId: u.organisationId, name: u.name, email: u.email, status: 'active', joinedAt: seededAt });
  }
  return written;
}
