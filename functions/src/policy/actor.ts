import type { Principal } from '../platform/auth/principal';
import type { Role } from '../platform/auth/roles';

/**
 * Who is asking, as the policy needs to know it: the verified principal (or nobody) and the
 * networks they belong to. Role names are compared in this file and nowhere else in the API.
 */
export type NetworkRole = 'lead' | 'author' | 'member';

export interface Membership {
  networkId: string;
  role: NetworkRole;
}

export interface Actor {
  principal: Principal | null;
  memberships: readonly Membership[];
}

export const anonymous: Actor = { principal: null, memberships: [] };

export const actorOf = (principal: Principal | null, memberships: readonly Membership[] = []): Actor => ({ principal, memberships });

/** Audiences of knowledge and of modules; both scales nest: staff ⊃ partners ⊃ public. */
export type Audience = 'internal' | 'partners' | 'public';
export type EnrolAudience = 'employees' | 'partners' | 'public';

const staffRoles: readonly Role[] = ['academy-admin', 'author', 'trainer', 'team-manager', 'employee'];

const has = (a: Actor, role: Role) => a.principal?.roles.includes(role) ?? false;

export const isSignedIn = (a: Actor) => a.principal !== null;
export const isSelf = (a: Actor, userId: string | undefined) => a.principal !== null && a.principal.id === userId;
export const isPartner = (a: Actor) => has(a, 'partner');

/**
 * Staff: someone with a staff role and no partner role. A partner account never counts as staff
 * whatever else it carries, and neither does someone stripped of every role: the basis of every
 * editorial and academy right below.
 */
export const isStaff = (a: Actor) => a.principal !== null && !isPartner(a) && staffRoles.some((r) => has(a, r));
export const isAdmin = (a: Actor) => isStaff(a) && has(a, 'academy-admin');
export const isAuthor = (a: Actor) => isStaff(a) && has(a, 'author');
export const isTrainer = (a: Actor) => isStaff(a) && has(a, 'trainer');
export const isTeamManager = (a: Actor) => isStaff(a) && has(a, 'team-manager');

/** Membership counts only together with a staff role: a moved or stripped account keeps no rights from old rows. */
export const memberOf = (a: Actor, networkId: string) => isStaff(a) && a.memberships.some((m) => m.networkId === networkId);
export const leadOf = (a: Actor, networkId: string) => isStaff(a) && a.memberships.some((m) => m.networkId === networkId && m.role === 'lead');
/** A network author: appointed in that network by its lead experts; writes there like an author-role member. */
export const networkAuthorOf = (a: Actor, networkId: string) => isStaff(a) && a.memberships.some((m) => m.networkId === networkId && m.role === 'author');

export function readableAudiences(a: Actor): Audience[] {
  if (isStaff(a)) return ['internal', 'partners', 'public'];
  if (isPartner(a)) return ['partners', 'public'];
  return ['public'];
}

export function enrolAudiences(a: Actor): EnrolAudience[] {
  if (isStaff(a)) return ['employees', 'partners', 'public'];
  if (isPartner(a)) return ['partners', 'public'];
  return ['public'];
}
