import type { StoreClients } from '../platform/store/clients';
import type { Role } from '../platform/auth/roles';

/**
 * What networks needs to know of people, without importing identity (identity reads memberships
 * from here, so the other direction is handed in once by the composition root,
 * functions/src/features.ts): the name of someone being appointed who is not yet a member.
 */
export interface PeopleLinks {
  personOf(store: StoreClients, userId: string): Promise<{ id: string; name: string; roles: Role[]; organisationId?: string } | undefined>;
}

let links: PeopleLinks | undefined;

export function usePeopleLinks(value: PeopleLinks): void {
  links = value;
}

export function peopleLinks(): PeopleLinks {
  if (!links) throw new Error('networks: the people links are not connected; import functions/src/features.ts in the composition root');
  return links;
}

/**
 * What networks asks of partners (partners reads profiles through identity, which reads
 * memberships from here, so this too is handed in by features.ts): whether a partner user's
 * organisation lets them use this network. Not connected (a script): no extra check.
 */
export type OrganisationAllows = (store: StoreClients, organisationId: string, what: { networkId: string }) => Promise<boolean>;

let organisationCheck: OrganisationAllows | undefined;

export function usePartnerLinks(value: OrganisationAllows): void {
  organisationCheck = value;
}

export function partnerLinks(): OrganisationAllows | undefined {
  return organisationCheck;
}
