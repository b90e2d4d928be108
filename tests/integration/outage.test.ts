import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/local/ports';
import { startLocalStack, type LocalStack } from '../../scripts/local/stack';

const root = resolve(import.meta.dirname, '../..');

/** Its own stack: this test stops DynamoDB Local and s3rver, which would disturb the shared one. */
describe('store outage', () => {
  let s: LocalStack;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'academy-outage-'));
    s = await startLocalStack({
      appPort: await freePort(),
      contentPort: await freePort(),
      dynamoPort: await freePort(),
      s3Port: await freePort(),
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
    await s?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const timed = async (path: string, init?: RequestInit) => {
    const started = performance.now();
    const res = await fetch(`${s.appUrl}${path}`, init);
    return { res, body: (await res.json()) as Record<string, any>, ms: performance.now() - started };
  };

  it('answers 503 problem+json within 2 s while DynamoDB Local is down, and recovers when it is back', async () => {
    expect((await timed('/api/health')).res.status).toBe(200);
    await s.dynamo.stop();

    const health = await timed('/api/health');
    expect(health.res.status).toBe(503);
    expect(health.res.headers.get('content-type')).toContain('application/problem+json');
    expect(health.body.type).toBe('https://academie.example/problems/store-unavailable');
    expect(health.body.checks.table.status).toBe('down');
    expect(health.body.checks.contentBucket.status).toBe('ok');
    expect(health.ms).toBeLessThan(2000); // the contract, not a performance figure

    const me = await timed('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.res.status).toBe(503);
    expect(me.body.type).toBe('https://academie.example/problems/store-unavailable');
    expect(me.res.headers.get('retry-after')).toBe('5');

    await s.restartDynamo();
    expect((await timed('/api/health')).res.status).toBe(200);
    const back = await timed('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(back.res.status).toBe(200);
    expect(back.body.id).toBe('u-noor-hendriks');
  });

  it('fails data routes fast while DynamoDB Local accepts connections but never answers, and recovers', async () => {
    const pid = s.dynamo.child.pid!;
    expect((await timed('/api/networks')).res.status).toBe(200);
    process.kill(pid, 'SIGSTOP'); // frozen: the kernel still accepts connections, nothing replies
    try {
      const [networks, health] = await Promise.all([timed('/api/networks'), timed('/api/health')]);
      expect(networks.res.status).toBe(503);
      expect(networks.body.type).toBe('https://academie.example/problems/store-unavailable');
      expect(networks.ms).toBeLessThan(5000); // fails instead of hanging: the point, not a speed figure
      expect(health.res.status).toBe(503);
      expect(health.ms).toBeLessThan(2000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect((await timed('/api/networks')).res.status).toBe(200);
  });

  it('reports the buckets down when s3rver is gone', async () => {
    await s.s3.stop();
    const health = await timed('/api/health');
    expect(health.res.status).toBe(503);
    expect(health.body.checks.table.status).toBe('ok');
    expect(health.body.checks.attachmentsBucket.status).toBe('down');
    expect(health.ms).toBeLessThan(2000);
  });
});
