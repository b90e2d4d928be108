import { describe, expect, it } from 'vitest';
import { isStoreUnreachable } from '../../functions/src/platform/store/clients';
import { conditionFailed } from '../../functions/src/platform/store/items';

describe('store reachability classification', () => {
  it('treats connection failures and timeouts as unreachable', () => {
    expect(isStoreUnreachable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isStoreUnreachable(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
    expect(isStoreUnreachable(Object.assign(new Error('x'), { cause: { code: 'ECONNRESET' } }))).toBe(true);
    expect(isStoreUnreachable(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 503 } }))).toBe(true);
  });

  it('does not hide caller or programming errors as outages', () => {
    expect(isStoreUnreachable(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } }))).toBe(false);
    expect(isStoreUnreachable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isStoreUnreachable(undefined)).toBe(false);
  });
});

describe('conditional writes that lose a race', () => {
  const cancelled = (...codes: string[]) => Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });

  it('count a failed condition as "did not happen"', () => {
    expect(conditionFailed(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }))).toBe(true);
    expect(conditionFailed(cancelled('None', 'ConditionalCheckFailed'))).toBe(true);
    expect(conditionFailed(cancelled('None', 'ConditionalCheckFailed'), 1)).toBe(true);
    expect(conditionFailed(cancelled('None', 'ConditionalCheckFailed'), 0)).toBe(false);
  });

  // Real DynamoDB (not DynamoDB Local) cancels a transaction that meets another one in flight on
  // the same item with TransactionConflict; the loser of that race gets a 409, never a 500.
  it('count a transaction conflict with a concurrent write the same way', () => {
    expect(conditionFailed(cancelled('TransactionConflict', 'None'))).toBe(true);
    expect(conditionFailed(cancelled('TransactionConflict', 'None'), 0)).toBe(true);
    expect(conditionFailed(Object.assign(new Error('x'), { name: 'TransactionConflictException' }))).toBe(true);
  });

  it('leave other failures alone', () => {
    expect(conditionFailed(cancelled('ValidationError'))).toBe(false);
    expect(conditionFailed(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' }))).toBe(false);
  });
});
