import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { batchGet, get, transact, type TransactPart } from '../../platform/store/table';
import type { StoredRegistration } from '../store';

/** A learner's registration with one register (`PORTFOLIO#{userId}`, `REGISTRATION#{registerId}`; P5). */

export async function getRegistration(store: StoreClients, userId: string, registerId: string) {
  return fromItem<StoredRegistration>(await get(store, keys.registration(userId, registerId), { ConsistentRead: true }));
}

/**
 * The count of shared registrations moves in the same transaction as the registration, which is
 * conditional on the revision (and sharing) read: the count cannot drift from the registrations.
 */
function sharingPart(userId: string, delta: number): TransactPart[] {
  if (delta === 0) return [];
  return [{ Update: { Key: keys.portfolioSharing(userId), UpdateExpression: 'ADD #shared :d SET #type = :type', ExpressionAttributeNames: { '#shared': 'shared', '#type': 'type' }, ExpressionAttributeValues: { ':d': delta, ':type': 'portfolio-sharing' } } }];
}
const shares = (shared: boolean | undefined) => (shared ? 1 : 0);

/** Adds (`expected` null: only when the learner has none for this register) or replaces the revision read. */
export function putRegistration(store: StoreClients, userId: string, r: StoredRegistration, expected: { rev: number; shareWithManager: boolean } | null): Promise<boolean> {
  const put: TransactPart = {
    Put: {
      Item: { ...keys.registration(userId, r.registerId), type: 'registration', userId, ...r },
      ...(expected === null ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': expected.rev } }),
    },
  };
  return conditional(() => transact(store, [put, ...sharingPart(userId, shares(r.shareWithManager) - shares(expected?.shareWithManager))]));
}

export function deleteRegistration(store: StoreClients, userId: string, current: Pick<StoredRegistration, 'registerId' | 'rev' | 'shareWithManager'>): Promise<boolean> {
  const del: TransactPart = { Delete: { Key: keys.registration(userId, current.registerId), ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': current.rev } } };
  return conditional(() => transact(store, [del, ...sharingPart(userId, -shares(current.shareWithManager))]));
}

/** Of these people, those who share at least one registration with their team manager (one BatchGet per 100). */
export async function sharingPeople(store: StoreClients, userIds: string[]): Promise<Set<string>> {
  const items = await batchGet(store, userIds.map((id) => keys.portfolioSharing(id)));
  return new Set(items.filter((i) => Number(i.shared ?? 0) > 0).map((i) => String(i.PK).slice('PORTFOLIO#'.length)));
}
