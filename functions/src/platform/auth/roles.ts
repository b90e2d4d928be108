/** Roles are Cognito groups in AWS and claims of the local issuer; one list for both. */
export const roles = ['academy-admin', 'author', 'trainer', 'team-manager', 'employee', 'partner'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { nl: string; en: string }> = {
  'academy-admin': { nl: 'Academiebeheerder', en: 'Academy administrator' },
  author: { nl: 'Auteur', en: 'Author' },
  trainer: { nl: 'Trainer', en: 'Trainer' },
  'team-manager': { nl: 'Teamleider', en: 'Team manager' },
  employee: { nl: 'Medewerker', en: 'Employee' },
  partner: { nl: 'Ketenpartner', en: 'Regional partner' },
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The claim names a token carries; Cognito's own names, so the same verifier serves AWS and local. */
export const claims = {
  groups: 'cognito:groups',
  organisationId: 'custom:organisationId',
} as const;
