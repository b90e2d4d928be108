import type { Role } from '../../../functions/src/platform/auth/roles';

/**
 * Most specific role first: a person who is both author and employee is shown as an
 * author. A Record (not an array) so a role added to the API is a type error here.
 */
const rank: Record<Role, number> = {
  'academy-admin': 0,
  author: 1,
  trainer: 2,
  'team-manager': 3,
  employee: 4,
  partner: 5,
};

export function isKnownRole(role: string): role is Role {
  return Object.hasOwn(rank, role);
}

export function sortRoles(roles: readonly string[]): string[] {
  const order = (r: string) => (isKnownRole(r) ? rank[r] : Number.MAX_SAFE_INTEGER);
  return [...new Set(roles)].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

export function primaryRole(roles: readonly string[]): string | undefined {
  return sortRoles(roles)[0];
}
