import { describe, expect, it } from 'vitest';
import { isStoreUnreachable } from '../../functions/src/platform/store/clients';
import { ConditionalCheckFailedException, TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { conditionFailed, contended, retryOnContention } from '../../functions/src/platform/store/items';
import { onError } from '../../functions/src/platform/http/errors';
import { newRouter } from '../../functions/src/platform/http/router';

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
  // The SDK's own exception classes, shaped as DynamoDB sends them (a cancelled transaction names a reason per part).
  const cancelled = (...codes: string[]) =>
    new TransactionCanceledException({ message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`, $metadata: { httpStatusCode: 400 }, CancellationReasons: codes.map((Code) => ({ Code })) });
  const checkFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: { httpStatusCode: 400 } });
  const inFlight = () => new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata: { httpStatusCode: 400 } });

  it('count a failed condition as "did not happen"', () => {
    expect(conditionFailed(checkFailed())).toBe(true);
    expect(conditionFailed(cancelled('None', 'ConditionalCheckFailed'))).toBe(true);
    expect(conditionFailed(cancelled('None', 'ConditionalCheckFailed'), 1)).toBe(true);
    expect(conditionFailed(cancelled('None', 'ConditionalCheckFailed'), 0)).toBe(false);
    expect(contended(checkFailed())).toBe(false);
    expect(contended(cancelled('None', 'ConditionalCheckFailed'))).toBe(false);
  });

  // Real DynamoDB (not DynamoDB Local) cancels a transaction that meets another one in flight on
  // the same item with TransactionConflict (and refuses a single write to an item a transaction is
  // changing with TransactionConflictException). That is contention, not a failed condition: it is
  // tried again, and what is left of it is a retryable conflict, never a specific 409 such as
  // "stale base" or "slug taken".
  it('tell contention apart from a failed condition', () => {
    expect(conditionFailed(cancelled('None', 'TransactionConflict'))).toBe(false);
    expect(conditionFailed(cancelled('None', 'TransactionConflict'), 1)).toBe(false);
    expect(conditionFailed(inFlight())).toBe(false);
    expect(contended(cancelled('None', 'TransactionConflict'))).toBe(true);
    expect(contended(inFlight())).toBe(true);
    // A condition that failed decides, whatever else met a conflict: retrying would not change the answer.
    expect(contended(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false);
    expect(conditionFailed(cancelled('ConditionalCheckFailed', 'TransactionConflict'), 0)).toBe(true);
    expect(conditionFailed(cancelled('ConditionalCheckFailed', 'TransactionConflict'), 1)).toBe(false);
  });

  it('leave other failures alone', () => {
    expect(conditionFailed(cancelled('ValidationError'))).toBe(false);
    expect(contended(cancelled('ValidationError'))).toBe(false);
    expect(conditionFailed(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' }))).toBe(false);
    expect(contended(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' }))).toBe(false);
  });

  it('retry only contention, and give up after the attempts', async () => {
    let calls = 0;
    await expect(retryOnContention(async () => (++calls < 3 ? Promise.reject(cancelled('TransactionConflict')) : 'done'), 5)).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryOnContention(async () => (calls++, Promise.reject(checkFailed())), 5)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    expect(calls).toBe(1);
    calls = 0;
    await expect(retryOnContention(async () => (calls++, Promise.reject(inFlight())), 3)).rejects.toBeInstanceOf(TransactionConflictException);
    expect(calls).toBe(3);
  });

  it('answer leftover contention with a retryable 409, not as a failed condition or an internal error', async () => {
    const app = newRouter();
    app.use('*', async (c, next) => {
      c.set('language', 'en');
      await next();
    });
    app.get('/busy', () => Promise.reject(cancelled('None', 'TransactionConflict')));
    app.onError((err, c) => onError(err, c as never));
    const res = await app.request('/busy');
    expect(res.status).toBe(409);
    expect(res.headers.get('retry-after')).toBe('1');
    const body = (await res.json()) as { type: string; detail: string };
    expect(body.type).toBe('https://academie.example/problems/conflict');
    expect(body.detail).toMatch(/at the same moment/);
  });
});
