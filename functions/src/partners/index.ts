/**
 * Partner organisations: the academy registers regional partners (GP practices, district nursing,
 * social teams, police, schools …), invites their users, and suspends, revokes or re-activates
 * them; a partner user's every request is checked against their organisation (`partnerAccessCheck`,
 * mounted by app.ts after sign-in). Other features import only from here. See functions/docs/partners.md.
 */
import { invitationRoutes, partnerRoutes } from './routes';

/** Mounted by app.ts: `partners` at `/api/partners` (academy), `invitations` at `/api/invitations` (public, local mode). */
export const routes = { partners: partnerRoutes, invitations: invitationRoutes };

export { partnerAccessCheck, refusalFor, answersToOrganisation } from './access';
/** For networks (joining) and learning: whether an organisation lets its users use a network or module (its `networkIds`/`moduleIds`; empty = all). */
export { organisationAllows } from './service';
export { partnerDataOf, erasePartnerUser } from './personal-data';
export { seedOrganisations, type SeedOrganisation } from './seed';
export { organisationKinds, organisationStatuses, type OrganisationKind, type OrganisationStatus } from './domain/organisation';
export { partnerAccountsFor, cognitoAccounts, type PartnerAccounts } from './accounts';
export type { OrganisationView, OrganisationList, PartnerUsers, InvitationCreated, InvitationPreview, Accepted } from './schemas';
