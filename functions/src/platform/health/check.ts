import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { StoreClients } from '../store/clients';
import { ping } from '../store/table';

export interface CheckResult {
  status: 'ok' | 'down';
  latencyMs: number;
  error?: string;
}

async function timed(fn: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // Race as well as abort: a request stuck before the SDK looks at the signal must not hang the check.
    await Promise.race([
      fn(signal),
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error(`timed out after ${timeoutMs} ms`)), { once: true })),
    ]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    const e = err as { name?: string; code?: string; message?: string };
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: e.code ?? e.name ?? e.message ?? 'unknown' };
  }
}

/** How long a bucket found reachable counts as reachable without asking S3 again. */
export const bucketCheckTtlMs = 10_000;
const reachableBuckets = new Map<string, { at: number; result: CheckResult }>();

/**
 * A bucket check, remembered briefly when it succeeds: buckets rarely go away, and three
 * HeadBucket calls on every health probe made it six times a table read. A failure is never
 * remembered, so recovery shows on the next probe and an outage within `bucketCheckTtlMs`.
 */
async function bucketCheck(clients: StoreClients, bucket: string, timeoutMs: number, now: number): Promise<CheckResult> {
  const known = reachableBuckets.get(bucket);
  if (known && now - known.at < bucketCheckTtlMs) return known.result;
  const result = await timed((abortSignal) => clients.s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal }), timeoutMs);
  if (result.status === 'ok') reachableBuckets.set(bucket, { at: now, result });
  else reachableBuckets.delete(bucket);
  return result;
}

/**
 * Reachability of the table and the buckets the API uses. A GetItem on a key that never
 * exists is the cheapest call that proves the table answers with our own permissions; it is
 * made on every probe.
 */
export async function checkStores(clients: StoreClients, timeoutMs: number, now = Date.now()) {
  const [tableCheck, content, attachments, uploads] = await Promise.all([
    timed((abortSignal) => ping(clients, abortSignal), timeoutMs),
    bucketCheck(clients, clients.buckets.content, timeoutMs, now),
    bucketCheck(clients, clients.buckets.attachments, timeoutMs, now),
    bucketCheck(clients, clients.buckets.uploads, timeoutMs, now),
  ]);
  const checks = { table: tableCheck, contentBucket: content, attachmentsBucket: attachments, uploadsBucket: uploads };
  const healthy = Object.values(checks).every((c) => c.status === 'ok');
  return { healthy, checks };
}
