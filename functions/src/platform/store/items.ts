/**
 * What every store module needs besides the table calls (table.ts): the domain view of a stored
 * item (without table and index keys), and conditional writes that report "the condition did not
 * hold" as `false` rather than as an exception, so the use case can answer with the right 409, and
 * contention (another write in flight) as what it is: tried again, never mistaken for a condition.
 */
const storageKeys = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type']);

export function fromItem<T>(item: Record<string, unknown>): T;
export function fromItem<T>(item: Record<string, unknown> | undefined): T | undefined;
export function fromItem<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([k]) => !storageKeys.has(k))) as T;
}

type StoreError = { name?: string; CancellationReasons?: Array<{ Code?: string }> };
const reasonsOf = (e: StoreError) => (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');

/**
 * True when a write (or the `index`-th part of a transaction) did not happen because its condition
 * did not hold: the caller lost a race it can name (the slug is taken, the draft moved on) and
 * answers with that 409. Only a failed condition: a transaction that met another one in flight
 * is `contended`, which says nothing about the item's state.
 */
export function conditionFailed(err: unknown, index?: number): boolean {
  const e = err as StoreError;
  if (e.name === 'ConditionalCheckFailedException') return true;
  if (e.name !== 'TransactionCanceledException') return false;
  if (index === undefined) return reasonsOf(e).includes('ConditionalCheckFailed');
  return e.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
}

/**
 * True when a write did not happen only because another write was in flight on the same item (real
 * DynamoDB: a transaction cancelled with TransactionConflict and no failed condition, or a single
 * write refused with TransactionConflictException). Nothing was written and nothing is known about
 * the item: trying again may succeed (`retryOnContention`); what is left after the retries is a
 * retryable conflict (the error handler answers 409 with Retry-After), never a specific 409.
 */
export function contended(err: unknown): boolean {
  const e = err as StoreError;
  if (e.name === 'TransactionConflictException') return true;
  if (e.name !== 'TransactionCanceledException') return false;
  const codes = reasonsOf(e);
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}

/**
 * Runs a write again after a short random wait while it is only `contended` (a hot item: votes
 * during a publish, seats taken at once); any other outcome, a failed condition included, is the
 * caller's. After `attempts` tries the contention is thrown.
 */
export async function retryOnContention<T>(write: () => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt >= attempts || !contended(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)));
    }
  }
}

/**
 * Runs a conditional write (tried again while contended): true when it happened, false when its
 * condition did not hold. Contention left after the retries is thrown, not reported as false.
 */
export async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await retryOnContention(write);
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}
