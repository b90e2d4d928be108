import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { conditionFailed, fromItem, retryOnContention } from '../platform/store/items';
import { batchGet, get, put, queryAll, transact, type TransactPart } from '../platform/store/table';
import type { OrganisationKind, OrganisationStatus } from './domain/organisation';

/**
 * Partner organisations, their users and invitations in the single table (functions/docs/partners.md):
 * `ORG#{id}` holds the organisation (`PROFILE`, GSI1 `ORGS` by name) and its users (`USER#{userId}`);
 * an invitation is `INVITE#{sha256(token)}` (GSI1 per organisation), removed by the table's TTL.
 */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  contact: { name: string; email: string; phone?: string };
  /** Networks (open to partners) its users may join; empty = every network open to partners. */
  networkIds: string[];
  /** Partner-visible modules its users may use; empty = every module open to partners. */
  moduleIds: string[];
  status: OrganisationStatus;
  statusChangedAt: string;
  statusChangedBy: { id: string; name: string };
  statusReason?: string;
  rev: number;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerUser {
  userId: string;
  organisationId: string;
  name: string;
  email: string;
  status: 'active' | 'removed';
  joinedAt: string;
  removedAt?: string;
  removedBy?: { id: string; name: string };
}

export interface Invitation {
  tokenHash: string;
  organisationId: string;
  name: string;
  email: string;
  invitedBy: { id: string; name: string };
  createdAt: string;
  /** Epoch seconds (the table's TTL attribute); an invitation past it is gone even before DynamoDB deletes it. */
  expiresAt: number;
  acceptedAt?: string;
  acceptedBy?: string;
}

export const organisationItem = (o: Organisation) => ({ ...keys.organisation(o.id), ...keys.organisationIndex(o.name, o.id), type: 'organisation', ...o });
export const partnerUserItem = (u: PartnerUser) => ({ ...keys.partnerUser(u.organisationId, u.userId), type: 'partner-user', ...u });

export async function getOrganisation(store: StoreClients, id: string, opts: { consistent?: boolean } = {}): Promise<Organisation | undefined> {
  return fromItem<Organisation>(await get(store, keys.organisation(id), { ConsistentRead: opts.consistent ?? false }));
}

export async function listOrganisations(store: StoreClients): Promise<Organisation[]> {
  const items = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'ORGS' } });
  return items.map((i) => fromItem<Organisation>(i));
}

/** The organisation's users, removed ones included (one Query on its partition). */
export async function listPartnerUsers(store: StoreClients, orgId: string): Promise<PartnerUser[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :u)',
    ExpressionAttributeValues: { ':pk': keys.organisation(orgId).PK, ':u': keys.partnerUserPrefix },
  });
  return items.map((i) => fromItem<PartnerUser>(i));
}

export async function getPartnerUser(store: StoreClients, orgId: string, userId: string): Promise<PartnerUser | undefined> {
  return fromItem<PartnerUser>(await get(store, keys.partnerUser(orgId, userId), { ConsistentRead: true }));
}

/**
 * The request check's one read: the organisation and the user's own record together, in one
 * BatchGetItem with strongly consistent reads, so a suspension written a moment ago is seen.
 */
export async function accessRecords(store: StoreClients, orgId: string, userId: string): Promise<{ organisation?: Pick<Organisation, 'name' | 'status'>; user?: Pick<PartnerUser, 'status'> }> {
  const items = await batchGet(store, [keys.organisation(orgId), keys.partnerUser(orgId, userId)], { ConsistentRead: true });
  const org = items.find((i) => i.SK === 'PROFILE');
  const user = items.find((i) => i.SK !== 'PROFILE');
  return {
    ...(org ? { organisation: { name: org.name as string, status: org.status as OrganisationStatus } } : {}),
    ...(user ? { user: { status: user.status as PartnerUser['status'] } } : {}),
  };
}

/** Runs the transaction; `'conflict'` when the part at `index` (the organisation's revision check) failed its condition. */
export async function write(store: StoreClients, parts: TransactPart[], index = 0): Promise<'done' | 'conflict'> {
  try {
    await retryOnContention(() => transact(store, parts));
    return 'done';
  } catch (err) {
    if (conditionFailed(err, index)) return 'conflict';
    throw err;
  }
}

/** The organisation's new state, written if it is still at `expectedRev` (a new one when `null`). */
export function putOrganisationPart(o: Organisation, expectedRev: number | null): TransactPart {
  return {
    Put: {
      Item: organisationItem(o),
      ConditionExpression: expectedRev === null ? 'attribute_not_exists(PK)' : 'rev = :rev',
      ...(expectedRev === null ? {} : { ExpressionAttributeValues: { ':rev': expectedRev } }),
    },
  };
}

/** Holds a transaction to the organisation being active at this revision (inviting, accepting). */
export function organisationActivePart(orgId: string): TransactPart {
  return { ConditionCheck: { Key: keys.organisation(orgId), ConditionExpression: '#s = :active', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':active': 'active' } } };
}

/** Accepted invitations stay in the organisation's index until they expire (the list shows only open ones), so an erasure finds them. */
export function invitationItem(i: Invitation) {
  return { ...keys.invitation(i.tokenHash), ...keys.invitationByOrganisation(i.organisationId, i.createdAt, i.tokenHash), type: 'invitation', ...i };
}

export async function getInvitation(store: StoreClients, tokenHash: string): Promise<Invitation | undefined> {
  return fromItem<Invitation>(await get(store, keys.invitation(tokenHash), { ConsistentRead: true }));
}

/** An organisation's invitations, newest first (the caller keeps the open ones: not accepted, not expired). */
export async function listInvitations(store: StoreClients, orgId: string): Promise<Invitation[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.invitationByOrganisation(orgId, '', '').GSI1PK },
    ScanIndexForward: false,
  });
  return items.map((i) => fromItem<Invitation>(i));
}

/** Seed: an organisation written unless it is already managed (an older seed's item without `rev` is replaced). */
export async function seedOrganisationItem(store: StoreClients, o: Organisation): Promise<boolean> {
  try {
    await put(store, organisationItem(o), { ConditionExpression: 'attribute_not_exists(PK) OR attribute_not_exists(#rev)', ExpressionAttributeNames: { '#rev': 'rev' } });
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

export async function seedPartnerUserItem(store: StoreClients, u: PartnerUser): Promise<void> {
  try {
    await put(store, partnerUserItem(u), { ConditionExpression: 'attribute_not_exists(PK)' });
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
}
