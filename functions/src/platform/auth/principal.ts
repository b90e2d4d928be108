import type { Role } from './roles';

/** Who is calling, as established from a verified token. `null` in context means anonymous. */
export interface Principal {
  id: string;
  name: string;
  email?: string;
  roles: Role[];
  organisationId?: string;
}
