import { bucketCheckTtlMs } from '../../functions/src/platform/health/check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../functions/src/platform/config';
import { freePort } from '../../scripts/local/ports';
import { startS3rver, type Service } from '../../scripts/local/services';
import { localEnv, startLocalStack, type LocalStack } from '../../scripts/local/stack';

const root = resolve(import.meta.dirname, '../..');

/**
 * Its own stack: this test stops DynamoDB Local and s3rver, which would disturb the shared one.
 * Each test causes its own outage and ends it again (also when it fails), so any one of them can
 * run alone (`-t`) or in any order. No wall-clock thresholds: how fast a request fails is fixed by
 * the store clients' configured timeouts, which the first test checks.
 */
describe('store outage', () => {
  let s: LocalStack;
  let dataDir: string;
  let ports: { appPort: number; contentPort: number; dynamoPort: number; s3Port: number };
  let token: string;
  /** s3rver started again by a test, stopped at the end. */
  let s3Again: Service | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'academy-outage-'));
    ports = { appPort: await freePort(), contentPort: await freePort(), dynamoPort: await freePort(), s3Port: await freePort() };
    s = await startLocalStack({
      ...ports,
      dataDir,
      persistDynamo: true,
      webDir: join(root, 'web', 'dist'),
      contentDir: join(root, 'content'),
      logDir: join(dataDir, 'logs'),
    });
    const res = await fetch(`${s.appUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u-noor-hendriks"}' });
    token = ((await res.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await s3Again?.stop();
    await s?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // The abort is a hang detector that names the route, not a speed figure: the clients fail far sooner.
  const call = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${s.appUrl}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
    return { res, body: (await res.json()) as Record<string, any> };
  };
  const asNoor = () => ({ headers: { authorization: `Bearer ${token}` } });
  const healthy = async () => (await call('/api/health')).res.status;

  /** The outage answer of a data route: RFC 9457 problem+json, 503, a stable type, and when to try again. */
  function expectStoreUnavailable(r: Awaited<ReturnType<typeof call>>, path: string) {
    expect(r.res.status).toBe(503);
    expect(r.res.headers.get('content-type')).toContain('application/problem+json');
    expect(r.res.headers.get('retry-after')).toBe('5');
    expect(r.body).toMatchObject({ type: 'https://academie.example/problems/store-unavailable', title: 'Opslag tijdelijk niet bereikbaar', status: 503, instance: path });
    expect(r.body.requestId).toBe(r.res.headers.get('x-request-id'));
    expect(JSON.stringify(r.body)).not.toMatch(/ECONNREFUSED|TimeoutError|at .*\.ts|stack/);
  }

  it('bounds every store call by the configured client timeouts, inside the 2-second contract', async () => {
    // The timeout comes from configuration (STORE_TIMEOUT_MS), 1.5 s unless set.
    expect(loadConfig(localEnv(ports)).storeTimeoutMs).toBe(1500);
    expect(s.config.storeTimeoutMs).toBe(1500);
    for (const client of [s.store.ddb, s.store.s3]) {
      // The SDK's NodeHttpHandler resolves its options once; these are the ones every store call uses.
      const handler = await (client.config.requestHandler as unknown as { configProvider: Promise<{ connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: boolean }> }).configProvider;
      // A refused or unanswered connection fails within a second; an unanswered request at the configured timeout...
      expect(handler.connectionTimeout).toBeLessThanOrEqual(1000);
      expect(handler.requestTimeout).toBe(s.config.storeTimeoutMs);
      expect(handler.requestTimeout).toBeLessThan(2_000);
      // ...as an error (without this the SDK only logs a warning and keeps waiting)...
      expect(handler.throwOnRequestTimeout).toBe(true);
      // ...and is tried once more at most, not with the SDK's long default backoff.
      expect(await client.config.maxAttempts()).toBe(2);
    }
  });

  it('answers 503 problem+json with Retry-After while DynamoDB Local is down, and recovers when it is back', async () => {
    expect(await healthy()).toBe(200);
    await s.dynamo.stop();
    try {
      const health = await call('/api/health');
      expect(health.res.status).toBe(503);
      expect(health.res.headers.get('content-type')).toContain('application/problem+json');
      expect(health.body.type).toBe('https://academie.example/problems/store-unavailable');
      expect(health.body.checks.table.status).toBe('down');
      expect(health.body.checks.contentBucket.status).toBe('ok');

      expectStoreUnavailable(await call('/api/me', asNoor()), '/api/me');
    } finally {
      await s.restartDynamo();
    }
    await expect.poll(healthy, { timeout: 15_000 }).toBe(200);
    const back = await call('/api/me', asNoor());
    expect(back.res.status).toBe(200);
    expect(back.body.id).toBe('u-noor-hendriks');
  });

  it('fails data routes instead of hanging while DynamoDB Local accepts connections but never answers, and recovers', async () => {
    expect((await call('/api/networks')).res.status).toBe(200);
    const pid = s.dynamo.child.pid!;
    process.kill(pid, 'SIGSTOP'); // frozen: the kernel still accepts connections, nothing replies
    try {
      const [networks, health] = await Promise.all([call('/api/networks'), call('/api/health')]);
      expectStoreUnavailable(networks, '/api/networks');
      expect(health.res.status).toBe(503);
      expect(health.body.checks.table.status).toBe('down');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await expect.poll(async () => (await call('/api/networks')).res.status, { timeout: 15_000 }).toBe(200);
  });

  it('reports the buckets down while s3rver is gone, and recovers when it is back', async () => {
    expect(await healthy()).toBe(200);
    await (s3Again ?? s.s3).stop();
    try {
      // Buckets found reachable are remembered for a few seconds (bucketCheckTtlMs), so the outage shows within that time.
      await expect.poll(async () => (await call('/api/health')).res.status, { timeout: bucketCheckTtlMs + 5_000 }).toBe(503);
      const health = await call('/api/health');
      expect(health.res.status).toBe(503);
      expect(health.res.headers.get('retry-after')).toBe('5');
      expect(health.res.headers.get('content-type')).toContain('application/problem+json');
      expect(health.body.type).toBe('https://academie.example/problems/store-unavailable');
      expect(health.body.checks.table.status).toBe('ok');
      for (const bucket of ['contentBucket', 'attachmentsBucket', 'uploadsBucket']) expect(health.body.checks[bucket].status, bucket).toBe('down');
    } finally {
      // Same port and data directory, as the stack started it.
      s3Again = await startS3rver({ port: ports.s3Port, dataDir: join(dataDir, 's3'), appOrigin: `http://localhost:${ports.appPort}`, logDir: join(dataDir, 'logs') });
    }
    await expect.poll(healthy, { timeout: 15_000 }).toBe(200);
  });
});
