/**
 * What every store module needs besides the table calls (table.ts): the domain view of a stored
 * item (without table and index keys), and conditional writes that report "the condition did not
 * hold" as `false` rather than as an exception, so the use case can answer with the right 409.
 */
const storageKeys = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type']);

export function fromItem<T>(item: Record<string, unknown>): T;
export function fromItem<T>(item: Record<string, unknown> | undefined): T | undefined;
export function fromItem<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([k]) => !storageKeys.has(k))) as T;
}

/** Reasons a transaction part did not happen because of another write: its condition, or a concurrent transaction. */
const lostRace = new Set(['ConditionalCheckFailed', 'TransactionConflict']);

/**
 * True when a write (or the `index`-th part of a transaction) did not happen because of another
 * write: its condition failed, or (on real DynamoDB) it met a concurrent transaction on the same
 * item. Either way the caller lost a race and answers 409, never 500.
 */
export function conditionFailed(err: unknown, index?: number): boolean {
  const e = err as { name?: string; CancellationReasons?: Array<{ Code?: string }> };
  if (e.name === 'ConditionalCheckFailedException' || e.name === 'TransactionConflictException') return true;
  if (e.name !== 'TransactionCanceledException') return false;
  if (index === undefined) return e.CancellationReasons?.some((r) => lostRace.has(r.Code ?? '')) ?? false;
  return lostRace.has(e.CancellationReasons?.[index]?.Code ?? '');
}

/** Runs a conditional write: true when it happened, false when its condition did not hold. */
export async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}
