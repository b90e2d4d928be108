import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';

/** Who may read an article: decided here and nowhere else, for every route that shows knowledge. */
export type Audience = 'internal' | 'partners' | 'public';
export const audiences: readonly Audience[] = ['internal', 'partners', 'public'];

/** Staff roles read internal knowledge; a partner account never does, whatever else it carries. */
const staffRoles: readonly Role[] = ['academy-admin', 'author', 'trainer', 'team-manager', 'employee'];

export function isStaff(principal: Principal | null): boolean {
  return principal !== null && !principal.roles.includes('partner') && principal.roles.some((r) => staffRoles.includes(r));
}

export function visibleAudiences(principal: Principal | null): Audience[] {
  if (isStaff(principal)) return ['internal', 'partners', 'public'];
  if (principal?.roles.includes('partner')) return ['partners', 'public'];
  return ['public'];
}

export function canRead(principal: Principal | null, audience: Audience): boolean {
  return visibleAudiences(principal).includes(audience);
}

/**
 * What a refused reader is told. Anonymous readers get 401 so the app can offer sign-in; a
 * signed-in reader without access gets 404, so a partner never learns an internal article exists.
 */
export function refusal(principal: Principal | null): 'unauthenticated' | 'notFound' {
  return principal === null ? 'unauthenticated' : 'notFound';
}

/**
 * Whether everyone in a module's enrolment audience may read an article of `article` audience
 * (a reading module must not assign an article some of its learners cannot open). Both scales
 * nest: employees ⊂ partners ⊂ public.
 */
export function articleReachesAll(article: Audience, enrolAudience: 'employees' | 'partners' | 'public'): boolean {
  const enrolWidth = { employees: 0, partners: 1, public: 2 }[enrolAudience];
  return enrolWidth <= audiences.indexOf(article);
}
