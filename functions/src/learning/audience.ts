import type { Principal } from '../auth/principal';
import { isStaff } from '../knowledge/visibility';
import type { EnrolAudience } from './types';

/**
 * Who may see and join a module, decided here for the catalogue, module pages, enrolment, files
 * and related modules: staff every module, partners those open to partners, anyone public ones.
 */
export function enrolAudiences(principal: Principal | null): EnrolAudience[] {
  if (isStaff(principal)) return ['employees', 'partners', 'public'];
  if (principal?.roles.includes('partner')) return ['partners', 'public'];
  return ['public'];
}
