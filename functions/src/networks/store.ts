import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { conditionFailed, fromItem, retryOnContention } from '../platform/store/items';
import { get, queryAll, transact, update, type TransactPart } from '../platform/store/table';
import type { Membership, NetworkRole } from '../policy';
import { leadsAfter, renderGoals, type NetworkKind, type NetworkStatus } from './domain/networks';

/** A network's META item (`NETWORK#{id}`/`META`); see functions/docs/networks.md. */
export interface Network {
  id: string;
  name: string;
  theme: string;
  description: string;
  /** Lead experts' user ids (kept with the `lead` membership rows, in the same transactions). */
  leads: string[];
  kind: NetworkKind;
  openToPartners: boolean;
  /** This year's goals and priorities, Markdown as the lead experts wrote it… */
  goals: string;
  /** …and as sanitised HTML (rendered on save with the articles' renderer). */
  goalsHtml: string;
  status: NetworkStatus;
  /** Page revision: an edit names the revision it started from (409 otherwise). */
  rev: number;
  /** Membership rows, counted in the transaction that adds or removes one. */
  memberCount: number;
  /** Last membership change, page edit, or activity another feature reported (`touchNetwork`). */
  lastActivityAt?: string;
  createdAt?: string;
  archivedAt?: string;
}

export interface NetworkMember {
  userId: string;
  name: string;
  role: NetworkRole;
  joinedAt?: string;
}

export interface NetworkLead {
  networkId: string;
  userId: string;
  name: string;
}

/** What creating a network takes; the new fields default for records written before them. */
export type NewNetwork = Pick<Network, 'id' | 'name' | 'theme' | 'description' | 'leads'> & Partial<Pick<Network, 'kind' | 'openToPartners' | 'goals' | 'createdAt'>>;

/** Old items (before kind, goals, status…) read as the defaults the seed upgrade writes. */
function networkOf(item: Record<string, unknown>): Network {
  const n = fromItem<Partial<Network> & Pick<Network, 'id' | 'name' | 'theme' | 'description'>>(item);
  return {
    ...n,
    leads: n.leads ?? [],
    kind: n.kind ?? 'diagnosis',
    openToPartners: n.openToPartners ?? false,
    goals: n.goals ?? '',
    goalsHtml: n.goalsHtml ?? '',
    status: n.status ?? 'active',
    rev: n.rev ?? 1,
    memberCount: n.memberCount ?? 0,
  };
}

const memberOf = (i: Record<string, unknown>): NetworkMember => ({ userId: i.userId as string, name: i.name as string, role: i.role as NetworkRole, ...(i.joinedAt ? { joinedAt: i.joinedAt as string } : {}) });

export async function getNetwork(store: StoreClients, networkId: string, consistent = false): Promise<Network | undefined> {
  const item = await get(store, keys.network(networkId), consistent ? { ConsistentRead: true } : undefined);
  return item ? networkOf(item) : undefined;
}

/** Every network, by name: one Query on GSI1. */
export async function listNetworks(store: StoreClients): Promise<Network[]> {
  const items = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'NETWORKS' } });
  return items.map(networkOf);
}

/** Every network's lead experts with their names: one Query on the sparse GSI2 (the overview's second read). */
export async function listAllLeads(store: StoreClients): Promise<NetworkLead[]> {
  const items = await queryAll(store, { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': keys.leadIndex('', '').GSI2PK } });
  return items.map((i) => ({ networkId: i.networkId as string, userId: i.userId as string, name: i.name as string }));
}

export async function listMembers(store: StoreClients, networkId: string): Promise<NetworkMember[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :m)',
    ExpressionAttributeValues: { ':pk': keys.network(networkId).PK, ':m': 'MEMBER#' },
  });
  return items.map(memberOf);
}

export async function getMember(store: StoreClients, networkId: string, userId: string): Promise<NetworkMember | undefined> {
  const item = await get(store, keys.member(networkId, userId), { ConsistentRead: true });
  return item ? memberOf(item) : undefined;
}

/** The caller's memberships: one Query on GSI1, made only by routes that need them. */
export async function membershipsOf(store: StoreClients, userId: string): Promise<Membership[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `USER#${userId}#NETWORKS` },
  });
  return items.map((i) => ({ networkId: i.networkId as string, role: i.role as NetworkRole }));
}

/** A membership row; lead rows are also in the sparse lead index. */
function memberItem(networkId: string, networkName: string, m: NetworkMember) {
  return {
    ...keys.member(networkId, m.userId),
    ...keys.memberIndex(m.userId, networkId),
    ...(m.role === 'lead' ? keys.leadIndex(networkId, m.userId) : {}),
    type: 'membership',
    networkId,
    networkName,
    ...m,
  };
}

function metaItem(network: NewNetwork, memberCount: number, at: string) {
  const goals = network.goals ?? '';
  const n: Network = {
    id: network.id,
    name: network.name,
    theme: network.theme,
    description: network.description,
    leads: network.leads,
    kind: network.kind ?? 'diagnosis',
    openToPartners: network.openToPartners ?? false,
    goals,
    goalsHtml: renderGoals(goals),
    status: 'active',
    rev: 1,
    memberCount,
    createdAt: network.createdAt ?? at,
    lastActivityAt: at,
  };
  return { ...keys.network(network.id), ...keys.networkIndex(network.name), type: 'network', ...n };
}

/**
 * Creates a network with its members (and `extra` parts: the audit entries) in one transaction; a
 * second call for the same id changes nothing.
 */
export async function createNetwork(store: StoreClients, network: NewNetwork, members: NetworkMember[], extra: TransactPart[] = []): Promise<'created' | 'exists'> {
  const at = new Date().toISOString();
  try {
    await retryOnContention(() =>
      transact(store, [
        { Put: { Item: metaItem(network, members.length, at), ConditionExpression: 'attribute_not_exists(PK)' } },
        ...members.map((m) => ({ Put: { Item: memberItem(network.id, network.name, { joinedAt: at, ...m }) } })),
        ...extra,
      ]),
    );
    return 'created';
  } catch (err) {
    if (conditionFailed(err, 0)) return 'exists';
    throw err;
  }
}

/**
 * For networks stored before kind, goals, status and counts existed (the seed runs this): fills in
 * only what is absent, counts the member rows, and puts lead rows in the lead index. Idempotent.
 */
export async function completeNetwork(store: StoreClients, n: Pick<Network, 'id' | 'kind' | 'openToPartners' | 'goals'>): Promise<void> {
  const [meta, members] = await Promise.all([get(store, keys.network(n.id), { ConsistentRead: true }), listMembers(store, n.id)]);
  if (!meta) return;
  if (meta.memberCount === undefined || meta.goalsHtml === undefined || meta.status === undefined || meta.kind === undefined) {
    await update(store, keys.network(n.id), {
      UpdateExpression:
        'SET kind = if_not_exists(kind, :kind), openToPartners = if_not_exists(openToPartners, :open), goals = if_not_exists(goals, :goals), goalsHtml = if_not_exists(goalsHtml, :html), #status = if_not_exists(#status, :active), rev = if_not_exists(rev, :one), memberCount = if_not_exists(memberCount, :count), lastActivityAt = if_not_exists(lastActivityAt, :now)',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':kind': n.kind, ':open': n.openToPartners, ':goals': n.goals, ':html': renderGoals(n.goals), ':active': 'active', ':one': 1, ':count': members.length, ':now': new Date().toISOString() },
    });
  }
  const unindexed = (await queryAll(store, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :m)', ExpressionAttributeValues: { ':pk': keys.network(n.id).PK, ':m': 'MEMBER#' } })).filter(
    (i) => i.role === 'lead' && i.GSI2PK === undefined,
  );
  for (const i of unindexed) {
    const lead = keys.leadIndex(n.id, i.userId as string);
    await update(store, keys.member(n.id, i.userId as string), { UpdateExpression: 'SET GSI2PK = :pk, GSI2SK = :sk', ExpressionAttributeValues: { ':pk': lead.GSI2PK, ':sk': lead.GSI2SK } });
  }
}

// ---- changes: each one transaction with its audit parts ------------------------------------------

/** Which part of a membership change did not hold. */
export type ChangeOutcome = 'done' | 'member-exists' | 'not-member' | 'archived' | 'leads-changed';

/** An update of the META item; `#status` and `:active` are there when the expressions use them (DynamoDB refuses unused ones). */
function metaUpdate(networkId: string, expression: string, values: Record<string, unknown>, condition: string): TransactPart {
  const used = `${expression} ${condition}`;
  const names = used.includes('#status') ? { ExpressionAttributeNames: { '#status': 'status' } } : {};
  return {
    Update: {
      Key: keys.network(networkId),
      UpdateExpression: expression,
      ConditionExpression: condition,
      ...names,
      ExpressionAttributeValues: { ...(used.includes(':active') ? { ':active': 'active' } : {}), ...values },
    },
  };
}

async function run(store: StoreClients, parts: TransactPart[], reasons: ChangeOutcome[]): Promise<ChangeOutcome> {
  try {
    await retryOnContention(() => transact(store, parts));
    return 'done';
  } catch (err) {
    const failed = reasons.findIndex((_, i) => conditionFailed(err, i));
    if (failed >= 0) return reasons[failed]!;
    throw err;
  }
}

/**
 * Adds a member (join, or an appointment of someone not yet a member): the row, the count (ADD,
 * same transaction), the lead list when they come in as lead, the activity time, the audit parts.
 * Only while the network is active.
 */
export async function addMember(store: StoreClients, network: Network, member: NetworkMember, audit: TransactPart[], at: string): Promise<ChangeOutcome> {
  const leadsChange = member.role === 'lead';
  return run(
    store,
    [
      { Put: { Item: memberItem(network.id, network.name, { ...member, joinedAt: at }), ConditionExpression: 'attribute_not_exists(PK)' } },
      metaUpdate(
        network.id,
        `ADD memberCount :one SET lastActivityAt = :at${leadsChange ? ', leads = :next' : ''}`,
        { ':one': 1, ':at': at, ...(leadsChange ? { ':next': leadsAfter(network.leads, member.userId, 'lead'), ':read': network.leads } : {}) },
        `#status = :active${leadsChange ? ' AND leads = :read' : ''}`,
      ),
      ...audit,
    ],
    ['member-exists', leadsChange ? 'leads-changed' : 'archived'],
  );
}

/** Removes a member (leaving, or removed by a lead expert): the row, the count, the lead list, the audit parts. */
export async function removeMember(store: StoreClients, network: Network, member: NetworkMember, audit: TransactPart[], at: string): Promise<ChangeOutcome> {
  const wasLead = member.role === 'lead';
  return run(
    store,
    [
      { Delete: { Key: keys.member(network.id, member.userId), ConditionExpression: '#role = :role', ExpressionAttributeNames: { '#role': 'role' }, ExpressionAttributeValues: { ':role': member.role } } },
      metaUpdate(
        network.id,
        `ADD memberCount :minus SET lastActivityAt = :at${wasLead ? ', leads = :next' : ''}`,
        { ':minus': -1, ':at': at, ...(wasLead ? { ':next': leadsAfter(network.leads, member.userId, undefined), ':read': network.leads } : {}) },
        wasLead ? 'attribute_exists(PK) AND leads = :read' : 'attribute_exists(PK)',
      ),
      ...audit,
    ],
    ['not-member', 'leads-changed'],
  );
}

/** A member's role becomes `role` (from `member.role`, checked): the row, its place in the lead index and the lead list. */
export async function changeRole(store: StoreClients, network: Network, member: NetworkMember, role: NetworkRole, audit: TransactPart[], at: string): Promise<ChangeOutcome> {
  const leadsChange = member.role === 'lead' || role === 'lead';
  const lead = keys.leadIndex(network.id, member.userId);
  return run(
    store,
    [
      {
        Update: {
          Key: keys.member(network.id, member.userId),
          UpdateExpression: role === 'lead' ? 'SET #role = :role, GSI2PK = :gpk, GSI2SK = :gsk' : 'SET #role = :role REMOVE GSI2PK, GSI2SK',
          ConditionExpression: '#role = :was',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':role': role, ':was': member.role, ...(role === 'lead' ? { ':gpk': lead.GSI2PK, ':gsk': lead.GSI2SK } : {}) },
        },
      },
      metaUpdate(
        network.id,
        `SET lastActivityAt = :at${leadsChange ? ', leads = :next' : ''}`,
        { ':at': at, ...(leadsChange ? { ':next': leadsAfter(network.leads, member.userId, role), ':read': network.leads } : {}) },
        `#status = :active${leadsChange ? ' AND leads = :read' : ''}`,
      ),
      ...audit,
    ],
    ['not-member', leadsChange ? 'leads-changed' : 'archived'],
  );
}

/** The page (description, goals) from revision `rev` on; false when someone else saved in between. */
export async function savePage(store: StoreClients, networkId: string, rev: number, page: { description: string; goals: string }, audit: TransactPart[], at: string): Promise<boolean> {
  const outcome = await run(
    store,
    [
      metaUpdate(
        networkId,
        'SET description = :d, goals = :g, goalsHtml = :h, rev = :next, lastActivityAt = :at, updatedAt = :at',
        { ':d': page.description, ':g': page.goals, ':h': renderGoals(page.goals), ':next': rev + 1, ':rev': rev, ':at': at },
        'attribute_exists(PK) AND rev = :rev',
      ),
      ...audit,
    ],
    ['leads-changed'],
  );
  return outcome === 'done';
}

/** Archives an active network; false when it was archived already. */
export async function archiveNetwork(store: StoreClients, networkId: string, audit: TransactPart[], at: string): Promise<boolean> {
  const outcome = await run(
    store,
    [metaUpdate(networkId, 'SET #status = :archived, archivedAt = :at, rev = rev + :one', { ':archived': 'archived', ':at': at, ':one': 1 }, '#status = :active'), ...audit],
    ['archived'],
  );
  return outcome === 'done';
}

/**
 * Another feature reports activity in a network (an article published, an event held, a question
 * answered): the overview's "recent activity" moves on. Never moves back; an unknown network is ignored.
 */
export async function touchNetwork(store: StoreClients, networkId: string, at: string): Promise<void> {
  try {
    await update(store, keys.network(networkId), {
      UpdateExpression: 'SET lastActivityAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(lastActivityAt) OR lastActivityAt < :at)',
      ExpressionAttributeValues: { ':at': at },
    });
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
}

/**
 * An erasure (functions/src/privacy) takes the person out of every network as if they left: the
 * row, the count and the lead list change together, so `memberCount` stays the number of rows. A
 * lead is taken out even when they were the last one (the academy appoints another). Running it
 * again finds only what is left.
 */
export async function eraseMemberships(store: StoreClients, userId: string): Promise<{ memberships: number }> {
  let removed = 0;
  for (const { networkId } of await membershipsOf(store, userId)) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const [network, member] = await Promise.all([getNetwork(store, networkId, true), getMember(store, networkId, userId)]);
      if (!network || !member) break;
      const outcome = await removeMember(store, network, member, [], new Date().toISOString());
      if (outcome === 'done') {
        removed++;
        break;
      }
      // The role or the lead list moved at the same moment: read both again.
    }
  }
  return { memberships: removed };
}
