import { text, type Text } from '../../platform/domain/text';

/**
 * Partner organisations as pure rules: their kinds, the status transitions the academy may make,
 * and whether a partner user's request may go on (the check on every request, ../access.ts).
 */
export const organisationKinds = ['huisartsenpraktijk', 'wijkverpleging', 'sociaal-wijkteam', 'beschermd-wonen', 'politie', 'school', 'gemeente', 'overig'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationStatuses = ['active', 'suspended', 'revoked'] as const;
export type OrganisationStatus = (typeof organisationStatuses)[number];
export type StatusChange = 'suspend' | 'revoke' | 'reactivate';

/** Who partner users are told to contact when their access has ended. */
export const academyContact = 'academie@ggz-academie.example';

/** The status a change leads to, or `undefined` when it cannot be made from `from` (the same status again, or revoking twice). */
export function statusAfter(from: OrganisationStatus, change: StatusChange): OrganisationStatus | undefined {
  if (change === 'suspend') return from === 'active' ? 'suspended' : undefined;
  if (change === 'revoke') return from === 'revoked' ? undefined : 'revoked';
  return from === 'active' ? undefined : 'active';
}

/** The audit log's verb for a change. */
export const auditVerb: Record<StatusChange, string> = { suspend: 'suspend', revoke: 'revoke', reactivate: 'reactivate' };

export interface AccessFacts {
  /** The principal carries the partner role. */
  partner: boolean;
  organisationId?: string;
  /** The organisation as stored; undefined when there is none. */
  organisation?: { name: string; status: OrganisationStatus };
  /** The user's own partner record in the organisation; undefined when there is none (a demo or older account). */
  user?: { status: 'active' | 'removed' };
}

export type Refusal = { kind: 'organisationSuspended' | 'partnerAccessRevoked'; detail: Text; organisationStatus: OrganisationStatus | 'removed' | 'unknown' };

/**
 * Whether a partner user's request may go on: their organisation exists and is active, and they
 * have not been removed from it. A partner account without an organisation has nothing to act for.
 */
export function partnerRefusal(f: AccessFacts): Refusal | undefined {
  const contact = `${academyContact}`;
  if (!f.organisationId) {
    if (!f.partner) return undefined;
    return {
      kind: 'partnerAccessRevoked',
      organisationStatus: 'unknown',
      detail: text(`Je account hoort bij geen partnerorganisatie en heeft daarom geen toegang tot de GGZ Academie. Neem contact op met de GGZ Academie (${contact}).`, `Your account belongs to no partner organisation and therefore has no access to the GGZ Academie. Please contact the GGZ Academie (${contact}).`),
    };
  }
  const org = f.organisation;
  if (!org) {
    return {
      kind: 'partnerAccessRevoked',
      organisationStatus: 'unknown',
      detail: text(`Je organisatie is niet (meer) aangesloten bij de GGZ Academie, dus je hebt geen toegang. Neem contact op met de GGZ Academie (${contact}).`, `Your organisation is not (or no longer) connected to the GGZ Academie, so you have no access. Please contact the GGZ Academie (${contact}).`),
    };
  }
  if (org.status === 'suspended') {
    return {
      kind: 'organisationSuspended',
      organisationStatus: 'suspended',
      detail: text(
        `Je organisatie (${org.name}) heeft op dit moment geen toegang tot de GGZ Academie (geschorst). Neem contact op met de contactpersoon van je organisatie of met de GGZ Academie (${contact}).`,
        `Your organisation (${org.name}) currently has no access to the GGZ Academie (suspended). Please contact your organisation's contact person or the GGZ Academie (${contact}).`,
      ),
    };
  }
  if (org.status === 'revoked') {
    return {
      kind: 'partnerAccessRevoked',
      organisationStatus: 'revoked',
      detail: text(
        `Je organisatie (${org.name}) heeft geen toegang meer tot de GGZ Academie (ingetrokken). Neem contact op met de GGZ Academie (${contact}).`,
        `Your organisation (${org.name}) no longer has access to the GGZ Academie (revoked). Please contact the GGZ Academie (${contact}).`,
      ),
    };
  }
  if (f.user?.status === 'removed') {
    return {
      kind: 'partnerAccessRevoked',
      organisationStatus: 'removed',
      detail: text(
        `Je account is verwijderd uit ${org.name} en heeft geen toegang meer tot de GGZ Academie. Neem contact op met de contactpersoon van je organisatie of met de GGZ Academie (${contact}).`,
        `Your account has been removed from ${org.name} and no longer has access to the GGZ Academie. Please contact your organisation's contact person or the GGZ Academie (${contact}).`,
      ),
    };
  }
  return undefined;
}

/** A readable id from the organisation's name: `org-` and its words in ASCII, lower case, joined by dashes. */
export function organisationIdFor(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return `org-${words || 'organisatie'}`;
}

/**
 * What an organisation may use: an empty list means "everything open to partners"; a list
 * restricts it to those networks or modules.
 */
export function allows(org: { networkIds: readonly string[]; moduleIds: readonly string[] }, what: { networkId?: string; moduleId?: string }): boolean {
  if (what.networkId !== undefined && org.networkIds.length > 0 && !org.networkIds.includes(what.networkId)) return false;
  if (what.moduleId !== undefined && org.moduleIds.length > 0 && !org.moduleIds.includes(what.moduleId)) return false;
  return true;
}
