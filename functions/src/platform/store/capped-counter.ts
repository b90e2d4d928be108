import type { StoreClients } from './clients';
import { conditional } from './items';
import { get, put, update, type ItemKey, type TransactPart } from './table';

/**
 * A count kept in one item beside what it counts, with a cap (an article's attachments, a learner's
 * files for a module). Counting the records before writing one lets writes side by side all pass
 * the cap together; a place taken and given back conditionally on this one item lets exactly `max`
 * in. The counter starts, on first use, from what was kept before it existed.
 */
export interface CappedCounter {
  /** The counter item's key (keys.ts). */
  key: ItemKey;
  /** The attribute that holds the count. */
  attribute: string;
  /** The item's `type`, and what else it carries (the owner's id), when it is first written. */
  type: string;
  fields?: Record<string, unknown>;
}

/** Takes a place for one more; false at the cap. `kept` counts what exists, for a counter not yet written. */
export async function takePlace(store: StoreClients, counter: CappedCounter, max: number, kept: () => Promise<number>): Promise<boolean> {
  if (!(await get(store, counter.key, { ConsistentRead: true }))) {
    // Only what was kept before the counter existed is counted here: a new one needs a place, so the counter, first.
    const count = await kept();
    await conditional(() => put(store, { ...counter.key, type: counter.type, ...counter.fields, [counter.attribute]: count }, { ConditionExpression: 'attribute_not_exists(PK)' }));
  }
  return conditional(() =>
    update(store, counter.key, {
      UpdateExpression: 'SET #n = #n + :one',
      ConditionExpression: '#n < :max',
      ExpressionAttributeNames: { '#n': counter.attribute },
      ExpressionAttributeValues: { ':one': 1, ':max': max },
    }),
  );
}

const giveBack = (attribute: string) => ({
  UpdateExpression: 'SET #n = #n - :one',
  ConditionExpression: '#n > :zero',
  ExpressionAttributeNames: { '#n': attribute },
  ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
});

/** Gives a place back in a transaction (never below zero; the part's condition fails when there is no counter). */
export function giveBackPart(counter: Pick<CappedCounter, 'key' | 'attribute'>): TransactPart {
  return { Update: { Key: counter.key, ...giveBack(counter.attribute) } };
}

/** Gives a place back: something that took one did not become a record, or a record was deleted. */
export async function giveBackPlace(store: StoreClients, counter: Pick<CappedCounter, 'key' | 'attribute'>): Promise<void> {
  await conditional(() => update(store, counter.key, giveBack(counter.attribute)));
}
