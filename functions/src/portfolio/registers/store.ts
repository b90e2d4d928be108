import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { get, put, queryAll } from '../../platform/store/table';
import type { Register } from '../domain/registers';

/**
 * Registers (functions/docs/portfolio.md, patterns P1–P3): one item each (`REGISTER#{id}`, `META`),
 * listed by name on GSI1 (`REGISTERS`). A write names the revision it replaces.
 */

export async function getRegister(store: StoreClients, id: string, opts: { consistent?: boolean } = {}) {
  return fromItem<Register>(await get(store, keys.register(id), opts.consistent ? { ConsistentRead: true } : undefined));
}

export async function listRegisters(store: StoreClients): Promise<Register[]> {
  const items = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'REGISTERS' } });
  return items.map((i) => fromItem<Register>(i));
}

/** Creates (`expectedRev` null: only if absent) or replaces the revision read; false when that no longer holds. */
export function putRegister(store: StoreClients, r: Register, expectedRev: number | null): Promise<boolean> {
  const item = { ...keys.register(r.id), ...keys.registerIndex(r.name, r.id), type: 'register', ...r };
  return conditional(() =>
    put(store, item, expectedRev === null ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': expectedRev } }),
  );
}
