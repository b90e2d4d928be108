import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { fromItem } from '../../platform/store/items';
import { get, query, queryAll, transact } from '../../platform/store/table';
import type { Membership, NetworkRole } from '../domain/workflow';

export interface Network {
  id: string;
  name: string;
  theme: string;
  description: string;
  leads: string[];
}

export interface NetworkMember {
  userId: string;
  name: string;
  role: NetworkRole;
}

export async function getNetwork(store: StoreClients, networkId: string): Promise<Network | undefined> {
  const item = await get(store, keys.network(networkId));
  return item ? fromItem<Network>(item) : undefined;
}

export async function listNetworks(store: StoreClients): Promise<Network[]> {
  const res = await query(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'NETWORKS' } });
  return (res.Items ?? []).map((i) => fromItem<Network>(i));
}

export async function listMembers(store: StoreClients, networkId: string): Promise<NetworkMember[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :m)',
    ExpressionAttributeValues: { ':pk': `NETWORK#${networkId}`, ':m': 'MEMBER#' },
  });
  return items.map((i) => ({ userId: i.userId as string, name: i.name as string, role: i.role as NetworkRole }));
}

/** The caller's memberships: one Query on GSI1, made only by routes that need them. */
export async function membershipsOf(store: StoreClients, userId: string): Promise<Membership[]> {
  const res = await query(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `USER#${userId}#NETWORKS` },
  });
  return (res.Items ?? []).map((i) => ({ networkId: i.networkId as string, role: i.role as NetworkRole }));
}

/** Creates a network with its members in one transaction; a second call for the same id changes nothing. */
export async function createNetwork(store: StoreClients, network: Network, members: NetworkMember[]): Promise<'created' | 'exists'> {
  try {
    await transact(store, [
      {
        Put: {
          Item: { ...keys.network(network.id), ...keys.networkIndex(network.name), type: 'network', ...network },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...members.map((m) => ({
        Put: {
          Item: { ...keys.member(network.id, m.userId), ...keys.memberIndex(m.userId, network.id), type: 'membership', networkId: network.id, networkName: network.name, ...m },
        },
      })),
    ]);
    return 'created';
  } catch (err) {
    const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return 'exists';
    throw err;
  }
}
