import { createHash, randomBytes } from 'node:crypto';
import { auditParts } from '../platform/audit';
import type { Principal } from '../platform/auth/principal';
import { Problem } from '../platform/http/problem';
import { text } from '../platform/http/language';
import { keys } from '../platform/store/keys';
import { batchGet, type TransactPart } from '../platform/store/table';
import { newProfilePart } from '../identity';
import { actorOf, authorize, type Action } from '../policy';
import { partnerAccountsFor } from './accounts';
import { nowOf, type PartnersCtx } from './context';
import { allows, auditVerb, organisationIdFor, statusAfter, type StatusChange } from './domain/organisation';
import type { InvitationCreated, OrganisationInput, OrganisationList, OrganisationView, PartnerUsers } from './schemas';
import * as db from './store';
import type { Invitation, Organisation, PartnerUser } from './store';

/**
 * Partner organisations and their users: the academy registers organisations, invites users,
 * suspends, revokes and re-activates; every change to access is written to the audit log in the
 * same transaction as the change. The check on every request is ./access.ts.
 */

/** An invitation is valid for this long (and then removed by the table's TTL). */
export const invitationDays = 14;

const by = (p: Principal) => ({ id: p.id, name: p.name });

function authorized(ctx: PartnersCtx, action: Action<'partnerOrganisation'>): Principal {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om dit te doen', 'Sign in to do this'));
  authorize(actorOf(ctx.principal), 'partnerOrganisation', action, {});
  return ctx.principal;
}

const noOrganisation = (id: string) => new Problem('notFound', text(`Geen partnerorganisatie met id ${id}`, `No partner organisation with id ${id}`));
const changedMeanwhile = (current?: number) =>
  new Problem('versionConflict', text('Deze organisatie is intussen gewijzigd; laad de nieuwste versie', 'This organisation has been changed in the meantime; load the latest version'), { currentRev: current });

async function load(ctx: PartnersCtx, id: string): Promise<Organisation> {
  const org = await db.getOrganisation(ctx.deps.store, id, { consistent: true });
  if (!org) throw noOrganisation(id);
  return org;
}

const view = (o: Organisation): OrganisationView => ({ ...o, kind: o.kind, networkIds: o.networkIds ?? [], moduleIds: o.moduleIds ?? [] });

/**
 * Networks must be open to partners and modules partner-visible. Read straight from their items
 * (by key) rather than through the networks and learning features: partners stays below them, so
 * networks can ask `organisationAllows` without an import cycle.
 */
async function checkScope(ctx: PartnersCtx, input: OrganisationInput) {
  const store = ctx.deps.store;
  const [networks, modules] = await Promise.all([
    input.networkIds.length ? batchGet(store, [...new Set(input.networkIds)].map((id) => keys.network(id))) : [],
    input.moduleIds.length ? batchGet(store, [...new Set(input.moduleIds)].map((id) => keys.module(id))) : [],
  ]);
  const errors: Array<{ path: string; message: ReturnType<typeof text> }> = [];
  input.networkIds.forEach((id, i) => {
    const n = networks.find((x) => x.PK === keys.network(id).PK);
    // `openToPartners` is on every network of issue 12; an older item without it is taken as open.
    if (!n || n.openToPartners === false) errors.push({ path: `networkIds.${i}`, message: text(`${id}: geen netwerk dat openstaat voor ketenpartners`, `${id}: not a network open to partners`) });
  });
  input.moduleIds.forEach((id, i) => {
    const m = modules.find((x) => x.PK === keys.module(id).PK);
    if (!m || !['partners', 'public'].includes(m.enrolAudience as string) || m.status === 'archived') {
      errors.push({ path: `moduleIds.${i}`, message: text(`${id}: geen module voor ketenpartners`, `${id}: not a module for partners`) });
    }
  });
  if (errors.length) throw new Problem('validation', text('Controleer de netwerken en modules', 'Check the networks and modules'), { errors });
}

export async function listOrganisations(ctx: PartnersCtx): Promise<OrganisationList> {
  authorized(ctx, 'read');
  const orgs = await db.listOrganisations(ctx.deps.store);
  const users = await Promise.all(orgs.map((o) => db.listPartnerUsers(ctx.deps.store, o.id)));
  return { organisations: orgs.map((o, i) => ({ ...view(o), users: users[i]!.filter((u) => u.status === 'active').length })) };
}

export async function getOrganisation(ctx: PartnersCtx, id: string): Promise<OrganisationView> {
  authorized(ctx, 'read');
  return view(await load(ctx, id));
}

export async function createOrganisation(ctx: PartnersCtx, input: OrganisationInput): Promise<OrganisationView> {
  const p = authorized(ctx, 'manage');
  await checkScope(ctx, input);
  const now = nowOf(ctx).toISOString();
  const org: Organisation = {
    id: organisationIdFor(input.name),
    name: input.name,
    kind: input.kind,
    contact: { name: input.contact.name, email: input.contact.email, ...(input.contact.phone ? { phone: input.contact.phone } : {}) },
    networkIds: [...new Set(input.networkIds)],
    moduleIds: [...new Set(input.moduleIds)],
    status: 'active',
    statusChangedAt: now,
    statusChangedBy: by(p),
    rev: 1,
    createdAt: now,
    updatedAt: now,
  };
  const audit = await auditParts(ctx.deps.store, { actor: p, action: 'partner-organisation.create', target: { kind: 'partnerOrganisation', id: org.id }, requestId: ctx.requestId, at: now, details: { kind: org.kind, networks: org.networkIds.length, modules: org.moduleIds.length } });
  if ((await db.write(ctx.deps.store, [db.putOrganisationPart(org, null), ...audit])) === 'conflict') {
    throw new Problem('conflict', text(`Er is al een organisatie met id ${org.id}; kies een andere naam`, `There is already an organisation with id ${org.id}; choose another name`), { errors: [{ path: 'name', message: text('Deze naam is al in gebruik', 'This name is already in use') }] });
  }
  return view(org);
}

export async function updateOrganisation(ctx: PartnersCtx, id: string, input: OrganisationInput & { rev: number }): Promise<OrganisationView> {
  const p = authorized(ctx, 'manage');
  const current = await load(ctx, id);
  if (current.rev !== input.rev) throw changedMeanwhile(current.rev);
  await checkScope(ctx, input);
  const now = nowOf(ctx).toISOString();
  const next: Organisation = {
    ...current,
    name: input.name,
    kind: input.kind,
    contact: { name: input.contact.name, email: input.contact.email, ...(input.contact.phone ? { phone: input.contact.phone } : {}) },
    networkIds: [...new Set(input.networkIds)],
    moduleIds: [...new Set(input.moduleIds)],
    rev: current.rev + 1,
    updatedAt: now,
  };
  // What the organisation may use is access: the audit says what changed (counts, not names).
  const scopeChanged = JSON.stringify([current.networkIds, current.moduleIds]) !== JSON.stringify([next.networkIds, next.moduleIds]);
  const audit = await auditParts(ctx.deps.store, { actor: p, action: 'partner-organisation.update', target: { kind: 'partnerOrganisation', id }, requestId: ctx.requestId, at: now, details: { rev: next.rev, scopeChanged, networks: next.networkIds.length, modules: next.moduleIds.length } });
  if ((await db.write(ctx.deps.store, [db.putOrganisationPart(next, current.rev), ...audit])) === 'conflict') throw changedMeanwhile((await db.getOrganisation(ctx.deps.store, id, { consistent: true }))?.rev);
  return view(next);
}

/** Suspend, revoke or re-activate: the organisation's users are refused (or let in again) from their next request on. */
export async function changeStatus(ctx: PartnersCtx, id: string, change: StatusChange, reason: string): Promise<OrganisationView> {
  const p = authorized(ctx, 'change-status');
  const current = await load(ctx, id);
  const status = statusAfter(current.status, change);
  if (!status) {
    const words = { active: text('actief', 'active'), suspended: text('geschorst', 'suspended'), revoked: text('ingetrokken', 'revoked') }[current.status];
    throw new Problem('conflict', text(`De organisatie is al ${words.nl}`, `The organisation is already ${words.en}`), { organisationStatus: current.status });
  }
  const now = nowOf(ctx).toISOString();
  const next: Organisation = { ...current, status, statusChangedAt: now, statusChangedBy: by(p), statusReason: reason, rev: current.rev + 1, updatedAt: now };
  // The reason stays on the organisation; the audit entry holds only the facts (no free text).
  const audit = await auditParts(ctx.deps.store, { actor: p, action: `partner-organisation.${auditVerb[change]}`, target: { kind: 'partnerOrganisation', id }, requestId: ctx.requestId, at: now, details: { from: current.status, to: status } });
  if ((await db.write(ctx.deps.store, [db.putOrganisationPart(next, current.rev), ...audit])) === 'conflict') throw changedMeanwhile((await db.getOrganisation(ctx.deps.store, id, { consistent: true }))?.rev);
  return view(next);
}

const invitationView = (i: Invitation) => ({
  id: i.tokenHash.slice(0, 12),
  organisationId: i.organisationId,
  name: i.name,
  email: i.email,
  invitedBy: i.invitedBy,
  createdAt: i.createdAt,
  expiresAt: new Date(i.expiresAt * 1000).toISOString(),
});

export async function listUsers(ctx: PartnersCtx, id: string): Promise<PartnerUsers> {
  authorized(ctx, 'read');
  await load(ctx, id);
  const [users, invitations] = await Promise.all([db.listPartnerUsers(ctx.deps.store, id), db.listInvitations(ctx.deps.store, id)]);
  const nowSeconds = nowOf(ctx).getTime() / 1000;
  return {
    users: users.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    invitations: invitations.filter((i) => !i.acceptedAt && i.expiresAt > nowSeconds).map(invitationView),
  };
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64url');

/**
 * Invites a partner user. Locally: an invitation with a link (returned here and logged), accepted
 * at `/uitnodiging/{token}`. In AWS: the Cognito account is made now (partner group, the
 * organisation's id as `custom:organisationId`), Cognito e-mails it, and the user is recorded.
 */
export async function invite(ctx: PartnersCtx, orgId: string, input: { name: string; email: string }): Promise<InvitationCreated> {
  const p = authorized(ctx, 'manage-users');
  const org = await load(ctx, orgId);
  if (org.status !== 'active') throw new Problem('conflict', text('Een geschorste of ingetrokken organisatie kan geen gebruikers uitnodigen', 'A suspended or revoked organisation cannot invite users'));
  const now = nowOf(ctx);
  const at = now.toISOString();
  const accounts = partnerAccountsFor(ctx.deps.config);
  if (accounts.kind === 'cognito') {
    const { userId } = await accounts.create({ email: input.email, name: input.name, organisationId: orgId });
    const user: PartnerUser = { userId, organisationId: orgId, name: input.name, email: input.email, status: 'active', joinedAt: at };
    const profile = { id: userId, name: input.name, email: input.email, roles: ['partner' as const], organisationId: orgId, organisationName: org.name, createdAt: at };
    const audit = await auditParts(ctx.deps.store, { actor: p, action: 'partner-user.invite', target: { kind: 'person', personId: userId }, requestId: ctx.requestId, at, details: { organisationId: orgId, delivery: 'cognito' } });
    // The account exists from here on: if its record cannot be written (the organisation was suspended
    // in the meantime, or the write failed), the account is switched off again, so no account signs in
    // without a record the academy can see and remove.
    const outcome = await db.write(ctx.deps.store, [db.organisationActivePart(orgId), { Put: { Item: db.partnerUserItem(user) } }, newProfilePart(profile), ...audit]).catch(async (err: unknown) => {
      await accounts.disable(userId);
      throw err;
    });
    if (outcome === 'conflict') {
      await accounts.disable(userId);
      throw new Problem('conflict', text('De organisatie is intussen geschorst of ingetrokken', 'The organisation has been suspended or revoked in the meantime'));
    }
    return { delivery: 'cognito', user };
  }
  const token = randomBytes(32).toString('base64url');
  const invitation: Invitation = { tokenHash: hashToken(token), organisationId: orgId, name: input.name, email: input.email, invitedBy: by(p), createdAt: at, expiresAt: Math.floor(now.getTime() / 1000) + invitationDays * 86400 };
  const audit = await auditParts(ctx.deps.store, { actor: p, action: 'partner-user.invite', target: { kind: 'partnerOrganisation', id: orgId }, requestId: ctx.requestId, at, details: { delivery: 'link', invitation: invitation.tokenHash.slice(0, 12) } });
  if ((await db.write(ctx.deps.store, [db.organisationActivePart(orgId), { Put: { Item: db.invitationItem(invitation), ConditionExpression: 'attribute_not_exists(PK)' } }, ...audit])) === 'conflict') {
    throw new Problem('conflict', text('De organisatie is intussen geschorst of ingetrokken', 'The organisation has been suspended or revoked in the meantime'));
  }
  const link = `${ctx.origin}/uitnodiging/${token}`;
  // Locally there is no mail: the link is shown to the academy and logged for whoever runs the server.
  ctx.deps.logger.info('partner invitation (local: hand this link to the invitee)', { organisationId: orgId, link });
  return { delivery: 'link', invitation: invitationView(invitation), link };
}

const invitationGone = () => new Problem('notFound', text('Deze uitnodiging bestaat niet, is verlopen of al gebruikt', 'This invitation does not exist, has expired or has already been used'));

async function openInvitation(ctx: PartnersCtx, token: string): Promise<{ invitation: Invitation; org: Organisation }> {
  const invitation = await db.getInvitation(ctx.deps.store, hashToken(token));
  if (!invitation || invitation.acceptedAt || invitation.expiresAt * 1000 <= nowOf(ctx).getTime()) throw invitationGone();
  const org = await db.getOrganisation(ctx.deps.store, invitation.organisationId, { consistent: true });
  if (!org || org.status !== 'active') throw invitationGone();
  return { invitation, org };
}

/** Public: what the invitation is for (the accept page shows it). */
export async function previewInvitation(ctx: PartnersCtx, token: string) {
  if (partnerAccountsFor(ctx.deps.config).kind !== 'link') throw invitationGone();
  const { invitation, org } = await openInvitation(ctx, token);
  return { organisationName: org.name, name: invitation.name, email: invitation.email, expiresAt: new Date(invitation.expiresAt * 1000).toISOString() };
}

const slugOf = (name: string) => organisationIdFor(name).slice('org-'.length, 'org-'.length + 30).replace(/-+$/, '');

/**
 * Public, local mode: accepting makes the partner's profile (role partner, the organisation's id)
 * and their partner record, once, in one transaction with the invitation's use and the audit entry.
 */
export async function acceptInvitation(ctx: PartnersCtx, token: string) {
  if (partnerAccountsFor(ctx.deps.config).kind !== 'link') throw invitationGone();
  const { invitation, org } = await openInvitation(ctx, token);
  const at = nowOf(ctx).toISOString();
  const userId = `u-${slugOf(invitation.name)}-${randomBytes(3).toString('hex')}`;
  const user: PartnerUser = { userId, organisationId: org.id, name: invitation.name, email: invitation.email, status: 'active', joinedAt: at };
  const profile = { id: userId, name: invitation.name, email: invitation.email, roles: ['partner' as const], organisationId: org.id, organisationName: org.name, title: org.name, invited: true, createdAt: at };
  const audit = await auditParts(ctx.deps.store, { actor: { id: userId }, action: 'partner-user.accept', target: { kind: 'person', personId: userId }, requestId: ctx.requestId, at, details: { organisationId: org.id } });
  const parts: TransactPart[] = [
    { Put: { Item: { ...db.invitationItem({ ...invitation, acceptedAt: at, acceptedBy: userId }) }, ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(acceptedAt)' } },
    db.organisationActivePart(org.id),
    { Put: { Item: db.partnerUserItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
    newProfilePart(profile),
    ...audit,
  ];
  if ((await db.write(ctx.deps.store, parts)) === 'conflict') throw invitationGone();
  return { userId, organisationId: org.id, organisationName: org.name, name: invitation.name };
}

/** Removes a partner user: refused from their next request on (the record stays, marked removed); in AWS the account is disabled too. */
export async function removeUser(ctx: PartnersCtx, orgId: string, userId: string): Promise<PartnerUsers['users'][number]> {
  const p = authorized(ctx, 'manage-users');
  await load(ctx, orgId);
  const current = await db.getPartnerUser(ctx.deps.store, orgId, userId);
  if (!current) throw new Problem('notFound', text('Deze gebruiker hoort niet bij de organisatie', 'This user does not belong to the organisation'));
  // Removed before: the account is switched off again (idempotent), in case the first time failed after the record was written.
  if (current.status === 'removed') {
    await partnerAccountsFor(ctx.deps.config).disable(userId);
    return current;
  }
  const at = nowOf(ctx).toISOString();
  const removed: PartnerUser = { ...current, status: 'removed', removedAt: at, removedBy: by(p) };
  const audit = await auditParts(ctx.deps.store, { actor: p, action: 'partner-user.remove', target: { kind: 'person', personId: userId }, requestId: ctx.requestId, at, details: { organisationId: orgId } });
  const parts: TransactPart[] = [{ Put: { Item: db.partnerUserItem(removed), ConditionExpression: '#s = :active', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':active': 'active' } } }, ...audit];
  if ((await db.write(ctx.deps.store, parts)) === 'conflict') return (await db.getPartnerUser(ctx.deps.store, orgId, userId))!;
  await partnerAccountsFor(ctx.deps.config).disable(userId);
  return removed;
}

/**
 * For other features (networks: joining): whether the organisation lets its users use this
 * network or module. No organisation, or one not active: no.
 */
export async function organisationAllows(store: PartnersCtx['deps']['store'], orgId: string, what: { networkId?: string; moduleId?: string }): Promise<boolean> {
  const org = await db.getOrganisation(store, orgId, { consistent: true });
  if (!org || org.status !== 'active') return false;
  return allows({ networkIds: org.networkIds ?? [], moduleIds: org.moduleIds ?? [] }, what);
}
