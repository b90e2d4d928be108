/**
 * The use cases of networks: the overview, a network's page, membership and network roles, page
 * edits, creating and archiving. Every access change writes its audit entry in the transaction of
 * the change itself (functions/docs/networks.md lists the actions).
 */
import type { Principal } from '../platform/auth/principal';
import type { Role } from '../platform/auth/roles';
import type { StoreClients } from '../platform/store/clients';
import type { TransactPart } from '../platform/store/table';
import { auditEntryOf, auditEntryPart, personRefPart, type AuditInput } from '../platform/audit';
import { Problem } from '../platform/http/problem';
import { text } from '../platform/http/language';
import { actorOf, authorize, can, visibleMembers, type Actor, type NetworkRole } from '../policy';
import { leavesNoLead, matchesFilter, networkIdFrom, type NetworkKind, type OverviewFilter } from './domain/networks';
import { partnerLinks, peopleLinks } from './links';
import * as store from './store';
import type { Network, NetworkMember } from './store';

export interface NetworksCtx {
  store: StoreClients;
  principal: Principal | null;
  requestId: string;
}

const notFound = (id: string) => new Problem('notFound', text(`Onbekend netwerk: ${id}`, `Unknown network: ${id}`));
const archivedProblem = () => new Problem('conflict', text('Dit netwerk is gearchiveerd: lidmaatschap en rollen liggen vast.', 'This network is archived: membership and roles are fixed.'));
const lastLeadProblem = () =>
  new Problem('conflict', text('Een netwerk houdt minstens één leidend expert: benoem eerst een ander.', 'A network keeps at least one lead expert: appoint another one first.'), { reason: 'last-lead' });

function signedIn(ctx: NetworksCtx): Principal {
  if (!ctx.principal) throw new Problem('unauthenticated');
  return ctx.principal;
}

async function actorFor(ctx: NetworksCtx): Promise<Actor> {
  return actorOf(ctx.principal, ctx.principal ? await store.membershipsOf(ctx.store, ctx.principal.id) : []);
}

async function requireNetwork(ctx: NetworksCtx, id: string, consistent = false): Promise<Network> {
  const n = await store.getNetwork(ctx.store, id, consistent);
  if (!n) throw notFound(id);
  return n;
}

const resourceOf = (n: Network) => ({ networkId: n.id, openToPartners: n.openToPartners });

/**
 * Audit parts for one change: the entries, and each person's reference once (the actor, and the
 * people whose access changed) so the audit page can name them while they exist. A transaction may
 * touch an item only once, hence the de-duplication.
 */
async function auditOf(ctx: NetworksCtx, at: string, entries: Array<Pick<AuditInput, 'action' | 'target' | 'details'>>): Promise<TransactPart[]> {
  const actor = signedIn(ctx);
  const made = await Promise.all(entries.map((e) => auditEntryOf(ctx.store, { ...e, actor: { id: actor.id }, requestId: ctx.requestId, at })));
  const people = new Map<string, string>([[made[0]!.actor.ref, actor.id]]);
  made.forEach((m, i) => {
    const personId = entries[i]!.target.personId;
    if (m.target.ref && personId) people.set(m.target.ref, personId);
  });
  return [...made.map(auditEntryPart), ...[...people].map(([ref, id]) => personRefPart(ref, id))];
}

// ---- reading --------------------------------------------------------------------------------------

/**
 * The overview: two Queries (every network; every lead expert) and, for a signed-in caller, their
 * memberships. Lead names for signed-in callers only (the policy's `read-leads`).
 */
export async function overview(ctx: NetworksCtx, filter: OverviewFilter) {
  const [networks, leads, memberships] = await Promise.all([
    store.listNetworks(ctx.store),
    store.listAllLeads(ctx.store),
    ctx.principal ? store.membershipsOf(ctx.store, ctx.principal.id) : Promise.resolve([]),
  ]);
  const actor = actorOf(ctx.principal, memberships);
  const leadsBy = new Map<string, Array<{ userId: string; name: string }>>();
  for (const l of leads) leadsBy.set(l.networkId, [...(leadsBy.get(l.networkId) ?? []), { userId: l.userId, name: l.name }]);
  const roleIn = new Map(memberships.map((m) => [m.networkId, m.role]));
  return networks
    .map((n) => {
      const leadExperts = can(actor, 'network', 'read-leads', { networkId: n.id }) ? (leadsBy.get(n.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'nl')) : [];
      return { n, leadExperts };
    })
    .filter(({ n, leadExperts }) => matchesFilter({ ...n, leadNames: leadExperts.map((l) => l.name) }, filter))
    .map(({ n, leadExperts }) => summaryOf(n, leadExperts, roleIn.get(n.id) ?? null, can(actor, 'network', 'read-leads', { networkId: n.id })));
}

function summaryOf(n: Network, leadExperts: Array<{ userId: string; name: string }>, myRole: NetworkRole | null, showLeads: boolean) {
  return {
    id: n.id,
    name: n.name,
    theme: n.theme,
    kind: n.kind,
    openToPartners: n.openToPartners,
    description: n.description,
    status: n.status,
    memberCount: n.memberCount,
    // Ids of people: only for those who may see who leads (as leadExperts).
    leads: showLeads ? n.leads : [],
    leadExperts,
    ...(n.lastActivityAt ? { lastActivityAt: n.lastActivityAt } : {}),
    myRole,
  };
}

/** A network's page: members as the caller may see them, their role, what they may do. */
export async function page(ctx: NetworksCtx, id: string) {
  const [n, members, actor] = await Promise.all([store.getNetwork(ctx.store, id), store.listMembers(ctx.store, id), actorFor(ctx)]);
  if (!n) throw notFound(id);
  const mine = ctx.principal ? members.find((m) => m.userId === ctx.principal!.id) : undefined;
  const shown = visibleMembers(actor, id, members).sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name, 'nl'));
  const leadExperts = visibleMembers(actor, id, members.filter((m) => m.role === 'lead')).map((m) => ({ userId: m.userId, name: m.name }));
  const active = n.status === 'active';
  return {
    ...summaryOf(n, leadExperts, mine?.role ?? null, can(actor, 'network', 'read-leads', { networkId: id })),
    goals: n.goals,
    goalsHtml: n.goalsHtml,
    rev: n.rev,
    members: shown,
    can: {
      join: active && !mine && can(actor, 'network', 'join', resourceOf(n)),
      leave: Boolean(mine) && can(actor, 'network', 'leave', resourceOf(n)),
      editPage: active && can(actor, 'network', 'edit-page', resourceOf(n)),
      manageMembers: active && can(actor, 'network', 'manage-members', resourceOf(n)),
      archive: active && can(actor, 'network', 'archive', resourceOf(n)),
    },
  };
}

const roleRank = (r: NetworkRole) => (r === 'lead' ? 0 : r === 'author' ? 1 : 2);

// ---- membership -------------------------------------------------------------------------------------

/**
 * Joins the network as a member. Joining again changes nothing and answers the membership as it
 * is (`created: false`), so a double click is harmless.
 */
export async function join(ctx: NetworksCtx, id: string) {
  const p = signedIn(ctx);
  const n = await requireNetwork(ctx, id, true);
  authorize(await actorFor(ctx), 'network', 'join', resourceOf(n));
  // A partner user's organisation may limit them to some networks (functions/src/partners).
  const organisationAllows = partnerLinks();
  if (p.organisationId && organisationAllows && !(await organisationAllows(ctx.store, p.organisationId, { networkId: id }))) {
    throw new Problem('forbidden', text('Je organisatie heeft geen toegang tot dit netwerk.', 'Your organisation has no access to this network.'));
  }
  const existing = await store.getMember(ctx.store, id, p.id);
  if (existing) return { created: false, membership: { networkId: id, userId: p.id, role: existing.role, memberCount: n.memberCount } };
  if (n.status !== 'active') throw archivedProblem();
  const at = new Date().toISOString();
  const audit = await auditOf(ctx, at, [{ action: 'network.join', target: { kind: 'network', id }, details: { role: 'member' } }]);
  const outcome = await store.addMember(ctx.store, n, { userId: p.id, name: p.name, role: 'member' }, audit, at);
  if (outcome === 'member-exists') return join(ctx, id);
  if (outcome === 'archived') throw archivedProblem();
  const after = await requireNetwork(ctx, id, true);
  return { created: true, membership: { networkId: id, userId: p.id, role: 'member' as NetworkRole, memberCount: after.memberCount } };
}

/** Leaves the network (their own membership). Not a member: nothing to do. The last lead expert stays. */
export async function leave(ctx: NetworksCtx, id: string): Promise<void> {
  const p = signedIn(ctx);
  const n = await requireNetwork(ctx, id, true);
  authorize(await actorFor(ctx), 'network', 'leave', resourceOf(n));
  const member = await store.getMember(ctx.store, id, p.id);
  if (!member) return;
  if (leavesNoLead(n.leads, p.id, undefined)) throw lastLeadProblem();
  const at = new Date().toISOString();
  const audit = await auditOf(ctx, at, [{ action: 'network.leave', target: { kind: 'network', id }, details: { role: member.role } }]);
  const outcome = await store.removeMember(ctx.store, n, member, audit, at);
  // Someone changed the row or the lead list in between: decide again on what is there now.
  if (outcome !== 'done') return leave(ctx, id);
}

/**
 * A lead expert (or the academy) sets someone's role in the network: appoints a co-lead or a
 * network author, or makes a lead or author a member again. Someone not yet a member is added with
 * that role (the academy appointing the first lead experts). The last lead expert stays.
 */
export async function setRole(ctx: NetworksCtx, id: string, userId: string, role: NetworkRole, attempt = 0): Promise<{ created: boolean; member: NetworkMember }> {
  signedIn(ctx);
  const n = await requireNetwork(ctx, id, true);
  authorize(await actorFor(ctx), 'network', 'manage-members', resourceOf(n));
  if (n.status !== 'active') throw archivedProblem();
  const [member, person] = await Promise.all([store.getMember(ctx.store, id, userId), peopleLinks().personOf(ctx.store, userId)]);
  if (member?.role === role) return { created: false, member };
  if (member && leavesNoLead(n.leads, userId, role)) throw lastLeadProblem();
  if (!person) throw new Problem('notFound', text(`Onbekende persoon: ${userId}`, `Unknown person: ${userId}`));
  mayHold(person, role, n);
  const at = new Date().toISOString();
  const audit = await auditOf(ctx, at, [{ action: 'network.role-change', target: { kind: 'person', personId: userId }, details: { networkId: id, from: member?.role ?? 'none', to: role } }]);
  let outcome: store.ChangeOutcome;
  let result: NetworkMember;
  if (member) {
    result = { ...member, role };
    outcome = await store.changeRole(ctx.store, n, member, role, audit, at);
  } else {
    result = { userId, name: person.name, role };
    outcome = await store.addMember(ctx.store, n, result, audit, at);
  }
  if (outcome === 'archived') throw archivedProblem();
  if (outcome !== 'done') {
    if (attempt >= 5) throw new Problem('conflict', text('Het netwerk veranderde tegelijk; probeer het opnieuw.', 'The network changed at the same time; try again.'));
    return setRole(ctx, id, userId, role, attempt + 1);
  }
  return { created: !member, member: result };
}

/** A lead expert (or the academy) removes someone from the network. Not a member: 404. The last lead expert stays. */
export async function removeMember(ctx: NetworksCtx, id: string, userId: string, attempt = 0): Promise<void> {
  signedIn(ctx);
  const n = await requireNetwork(ctx, id, true);
  authorize(await actorFor(ctx), 'network', 'manage-members', resourceOf(n));
  if (n.status !== 'active') throw archivedProblem();
  const member = await store.getMember(ctx.store, id, userId);
  if (!member) throw new Problem('notFound', text('Deze persoon is geen lid van het netwerk.', 'This person is not a member of the network.'));
  if (leavesNoLead(n.leads, userId, undefined)) throw lastLeadProblem();
  const at = new Date().toISOString();
  const audit = await auditOf(ctx, at, [{ action: 'network.remove-member', target: { kind: 'person', personId: userId }, details: { networkId: id, role: member.role } }]);
  const outcome = await store.removeMember(ctx.store, n, member, audit, at);
  if (outcome !== 'done') {
    if (attempt >= 5) throw new Problem('conflict', text('Het netwerk veranderde tegelijk; probeer het opnieuw.', 'The network changed at the same time; try again.'));
    return removeMember(ctx, id, userId, attempt + 1);
  }
}

// ---- the page, creating and archiving -----------------------------------------------------------------

export async function editPage(ctx: NetworksCtx, id: string, input: { description: string; goals: string; expectedRev: number }) {
  signedIn(ctx);
  const n = await requireNetwork(ctx, id, true);
  authorize(await actorFor(ctx), 'network', 'edit-page', resourceOf(n));
  if (n.status !== 'active') throw archivedProblem();
  if (n.rev !== input.expectedRev) throw new Problem('versionConflict', undefined, { currentRev: n.rev });
  const at = new Date().toISOString();
  const audit = await auditOf(ctx, at, [{ action: 'network.edit-page', target: { kind: 'network', id }, details: { rev: n.rev + 1 } }]);
  if (!(await store.savePage(ctx.store, id, input.expectedRev, input, audit, at))) {
    throw new Problem('versionConflict', undefined, { currentRev: (await requireNetwork(ctx, id, true)).rev });
  }
  return page(ctx, id);
}

export interface CreateInput {
  id?: string;
  name: string;
  theme: string;
  kind: NetworkKind;
  openToPartners: boolean;
  description: string;
  goals: string;
  leads: string[];
}

/**
 * Whether the person appointed may hold the role, asked of them as the policy sees them: lead
 * experts and network authors must be staff; a member must be someone who could join (a partner
 * only where the network is open to partners).
 */
function mayHold(person: { id: string; name: string; roles: Role[]; organisationId?: string }, role: NetworkRole, n: Network) {
  const appointee = actorOf({ id: person.id, name: person.name, roles: person.roles, ...(person.organisationId ? { organisationId: person.organisationId } : {}) });
  if (!can(appointee, 'network', 'take-role', { ...resourceOf(n), role })) {
    throw new Problem(
      'unprocessable',
      role === 'member'
        ? text(`${person.name} kan geen lid worden van dit netwerk`, `${person.name} cannot become a member of this network`)
        : text(`${person.name} kan geen leidend expert of netwerkauteur zijn: alleen medewerkers`, `${person.name} cannot be a lead expert or network author: employees only`),
    );
  }
}

/** The academy creates a network, with its first lead experts (each appointment audited too). */
export async function create(ctx: NetworksCtx, input: CreateInput) {
  signedIn(ctx);
  authorize(await actorFor(ctx), 'network', 'create', { networkId: input.id ?? '' });
  const id = input.id ?? networkIdFrom(input.name);
  if (!id) throw new Problem('validation', text('Kies een id voor het netwerk.', 'Choose an id for the network.'));
  const leadIds = [...new Set(input.leads)];
  const people = await Promise.all(leadIds.map((u) => peopleLinks().personOf(ctx.store, u)));
  const unknown = leadIds.filter((_, i) => !people[i]);
  if (unknown.length > 0) throw new Problem('unprocessable', text(`Onbekende personen: ${unknown.join(', ')}`, `Unknown people: ${unknown.join(', ')}`));
  for (const person of people) mayHold(person!, 'lead', { id: '', openToPartners: input.openToPartners } as Network);
  const at = new Date().toISOString();
  const audit = await auditOf(ctx, at, [
    { action: 'network.create', target: { kind: 'network', id }, details: { leads: leadIds.length, openToPartners: input.openToPartners } },
    ...leadIds.map((u) => ({ action: 'network.role-change', target: { kind: 'person', personId: u }, details: { networkId: id, from: 'none', to: 'lead' } })),
  ]);
  const members: NetworkMember[] = people.map((p) => ({ userId: p!.id, name: p!.name, role: 'lead' }));
  const outcome = await store.createNetwork(ctx.store, { ...input, id, leads: leadIds, createdAt: at }, members, audit);
  if (outcome === 'exists') throw new Problem('conflict', text(`Er is al een netwerk met id ${id}.`, `A network with id ${id} exists already.`), { reason: 'id-taken' });
  return page(ctx, id);
}

export async function archive(ctx: NetworksCtx, id: string) {
  signedIn(ctx);
  const n = await requireNetwork(ctx, id, true);
  authorize(await actorFor(ctx), 'network', 'archive', resourceOf(n));
  if (n.status !== 'active') throw new Problem('conflict', text('Dit netwerk is al gearchiveerd.', 'This network is archived already.'));
  const at = new Date().toISOString();
  const audit = await auditOf(ctx, at, [{ action: 'network.archive', target: { kind: 'network', id }, details: { members: n.memberCount } }]);
  if (!(await store.archiveNetwork(ctx.store, id, audit, at))) throw new Problem('conflict', text('Dit netwerk is al gearchiveerd.', 'This network is archived already.'));
  return page(ctx, id);
}
