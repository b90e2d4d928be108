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

/**
 * Reachability of the table and the buckets the API uses. A GetItem on a key that never
 * exists is the cheapest call that proves the table answers with our own permissions.
 */
export async function checkStores(clients: StoreClients, timeoutMs: number) {
  const [tableCheck, content, attachments, uploads] = await Promise.all([
    timed((abortSignal) => ping(clients, abortSignal), timeoutMs),
    timed((abortSignal) => clients.s3.send(new HeadBucketCommand({ Bucket: clients.buckets.content }), { abortSignal }), timeoutMs),
    timed((abortSignal) => clients.s3.send(new HeadBucketCommand({ Bucket: clients.buckets.attachments }), { abortSignal }), timeoutMs),
    timed((abortSignal) => clients.s3.send(new HeadBucketCommand({ Bucket: clients.buckets.uploads }), { abortSignal }), timeoutMs),
  ]);
  const checks = { table: tableCheck, contentBucket: content, attachmentsBucket: attachments, uploadsBucket: uploads };
  const healthy = Object.values(checks).every((c) => c.status === 'ok');
  return { healthy, checks };
}
