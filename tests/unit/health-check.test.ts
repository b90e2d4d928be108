import { describe, expect, it } from 'vitest';
import { bucketCheckTtlMs, checkStores } from '../../functions/src/platform/health/check';
import type { StoreClients } from '../../functions/src/platform/store/clients';

/** Clients that count what they are asked; S3 answers ok or fails as told. */
function clients(s3Up: { value: boolean }) {
  const calls = { table: 0, buckets: 0 };
  const fake = {
    tableName: 't',
    buckets: { content: `c-${Math.random()}`, attachments: `a-${Math.random()}`, uploads: `u-${Math.random()}` },
    ddb: { send: async () => (calls.table++, {}) },
    s3: { send: async () => {
      calls.buckets++;
      if (!s3Up.value) throw Object.assign(new Error('down'), { name: 'NetworkingError' });
      return {};
    } },
  } as unknown as StoreClients;
  return { fake, calls };
}

describe('the health check', () => {
  it('asks the table every time, and S3 again only after a bucket was last found reachable a while ago', async () => {
    const up = { value: true };
    const { fake, calls } = clients(up);
    const t0 = 1_000_000;
    expect((await checkStores(fake, 1000, t0)).healthy).toBe(true);
    expect((await checkStores(fake, 1000, t0 + 1000)).healthy).toBe(true);
    expect(calls).toEqual({ table: 2, buckets: 3 });
    await checkStores(fake, 1000, t0 + bucketCheckTtlMs);
    expect(calls).toEqual({ table: 3, buckets: 6 });
  });

  it('never remembers a failure: a bucket that is down is asked again on the next probe, and shows recovered at once', async () => {
    const up = { value: false };
    const { fake, calls } = clients(up);
    const t0 = 2_000_000;
    const down = await checkStores(fake, 1000, t0);
    expect(down.healthy).toBe(false);
    expect(down.checks.contentBucket.status).toBe('down');
    up.value = true;
    expect((await checkStores(fake, 1000, t0 + 1)).healthy).toBe(true);
    expect(calls.buckets).toBe(6);
  });
});
