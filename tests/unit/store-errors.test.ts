import { describe, expect, it } from 'vitest';
import { isStoreUnreachable } from '../../functions/src/store/clients';

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
