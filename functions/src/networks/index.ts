/**
 * Expert networks: the networks themselves, their members and the roles people have in them
 * (lead expert, network author, member). Other features import only from here; networks imports
 * no other feature (knowledge, learning and identity build on it; people's names for appointments
 * are handed in by functions/src/features.ts). See functions/docs/networks.md.
 */
import { networkRoutes } from './routes';

/** app.ts mounts `networks` at `/api/networks`, joined with knowledge's routes under it (a network's articles and signals). */
export const routes = { networks: networkRoutes };

export {
  getNetwork,
  listNetworks,
  listMembers,
  listAllLeads,
  membershipsOf,
  createNetwork,
  completeNetwork,
  touchNetwork,
  eraseMemberships,
  type Network,
  type NetworkMember,
  type NetworkLead,
  type NewNetwork,
} from './store';
export { usePeopleLinks, usePartnerLinks, type PeopleLinks, type OrganisationAllows } from './links';
export type { NetworkKind, NetworkStatus } from './domain/networks';
export type { Membership, NetworkRole } from '../policy';
