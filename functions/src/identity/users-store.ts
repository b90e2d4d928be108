import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { fromItem } from '../platform/store/items';
import { get, put, query, queryAll, type TransactPart } from '../platform/store/table';
import type { Role } from '../platform/auth/roles';

export interface UserProfile {
  id: string;
  name: string;
  email?: string;
  roles: Role[];
  title?: string;
  organisationId?: string;
  organisationName?: string;
  /** Staff: where they work, as mandatory training and team compliance see it (set by HR data; seeded for the demo). */
  department?: string;
  /** Staff: their profession, e.g. "verpleegkundige", "psychiater" (mandatory training may apply per profession). */
  profession?: string;
  /** Staff: the team they belong to; a team manager manages the team they belong to. */
  teamId?: string;
  teamName?: string;
  /** Seeded demo user: listed on the local sign-in page. */
  demo?: boolean;
  /** Locally: a partner who accepted an invitation (functions/src/partners); listed on the local sign-in page too. */
  invited?: boolean;
  createdAt: string;
}

export async function getUser(store: StoreClients, userId: string): Promise<UserProfile | undefined> {
  return fromItem<UserProfile>(await get(store, keys.user(userId)));
}

/** Creates the profile unless it exists; returns whichever is stored (first sign-in is idempotent under races). */
export async function ensureUser(store: StoreClients, profile: UserProfile): Promise<UserProfile> {
  try {
    await put(store, { ...keys.user(profile.id), ...keys.userIndex(profile.name, profile.id), ...(profile.teamId ? keys.teamMemberIndex(profile.teamId, profile.name, profile.id) : {}), type: 'user', ...profile }, { ConditionExpression: 'attribute_not_exists(PK)' });
    return profile;
  } catch (err) {
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    const existing = await getUser(store, profile.id);
    if (!existing) throw err;
    return existing;
  }
}

/** The profile's creation as part of a transaction (a partner accepting an invitation): only if it does not exist yet. */
export function newProfilePart(profile: UserProfile): TransactPart {
  return { Put: { Item: { ...keys.user(profile.id), ...keys.userIndex(profile.name, profile.id), type: 'user', ...profile }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** The members of a team, by name (GSI2 on the profile: `TEAM#{teamId}`). */
export async function teamMembers(store: StoreClients, teamId: string): Promise<UserProfile[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.teamMemberIndex(teamId, '', '').GSI2PK },
  });
  return items.map((i) => fromItem<UserProfile>(i));
}

export async function listUsers(store: StoreClients, limit = 200): Promise<UserProfile[]> {
  const res = await query(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': 'USERS' },
    Limit: limit,
  });
  return (res.Items ?? []).map((i) => fromItem<UserProfile>(i));
}

/**
 * Every profile (GSI1 `USERS`, all pages): academy-wide figures such as mandatory-training
 * compliance per department. A few thousand profiles of about 0.5 KB are a few 1 MB pages.
 */
export async function everyUser(store: StoreClients): Promise<UserProfile[]> {
  const items = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'USERS' } });
  return items.map((i) => fromItem<UserProfile>(i));
}
