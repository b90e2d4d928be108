/**
 * `npm run bench`: figures, not assertions. Starts a local stack (DynamoDB Local in memory,
 * s3rver, the API) on random loopback ports, drives it with a bounded load loop, and compares
 * API routes with the raw datastore call of the same run. Client and server share this process
 * and the machine's two cores, so read ratios rather than absolute numbers.
 *
 * Sections: platform, learning, knowledge, scorm, reports, portfolio, partners, networks. `BENCH_ONLY=scorm` (comma list) runs only those,
 * `BENCH_SKIP=scorm` leaves them out (the SCORM section runs ~3 minutes and needs ~0.6 GB in the temp
 * directory: the generated package and s3rver's copies). Lost or regressed SCORM commits set exit code 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { freePort } from './local/ports';
import { startLocalStack } from './local/stack';
import { keys } from '../functions/src/platform/store/keys';
import { measure, memory, printTable, ratio, type Summary } from './bench/measure';
import { benchKnowledge } from './bench/knowledge';
import { benchLearning } from './bench/learning';
import { benchScorm } from './bench/scorm';
import { benchReports } from './bench/reports';
import { benchPortfolio } from './bench/portfolio';
import { benchPartners } from './bench/partners';
import { benchNetworks } from './bench/networks';

process.env.LOG_LEVEL ??= 'SILENT';
const root = resolve(import.meta.dirname, '..');
const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const listed = (v: string | undefined) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
const section = (name: string) => (listed(process.env.BENCH_ONLY).length === 0 || listed(process.env.BENCH_ONLY).includes(name)) && !listed(process.env.BENCH_SKIP).includes(name);

const dataDir = mkdtempSync(join(tmpdir(), 'academy-bench-'));
const stack = await startLocalStack({
  appPort: await freePort(),
  contentPort: await freePort(),
  dynamoPort: await freePort(),
  s3Port: await freePort(),
  dataDir,
  persistDynamo: false,
  webDir: join(root, 'web', 'dist'),
  contentDir: join(root, 'content'),
});

try {
  const userId = 'u-noor-hendriks';
  const token = ((await (await fetch(`${stack.appUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json()) as { token: string }).token;
  const get = (path: string, auth = false) => async () => {
    const res = await fetch(`${stack.appUrl}${path}`, auth ? { headers: { authorization: `Bearer ${token}` } } : undefined);
    await res.arrayBuffer();
    return res.status === 200;
  };
  const opts = { requests, concurrency };

  console.log(`GGZ Academie bench — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} cores`);
  console.log(`${requests} requests per scenario at concurrency ${concurrency}, loopback, DynamoDB Local ${stack.dynamo.endpoint}\n`);

  const rawGetItem = async () => {
    const res = await stack.store.doc.send(new GetCommand({ TableName: stack.store.tableName, Key: keys.user(userId) }));
    return Boolean(res.Item);
  };
  // DynamoDB Local is a JVM: warm it (and our JIT) up first, and take the raw call before and
  // after the API scenarios so drift during the run shows instead of skewing the ratio.
  await measure('warm-up', rawGetItem, { requests: 3000, concurrency, warmup: 0 });
  await measure('warm-up', get('/api/me', true), { requests: 1000, concurrency, warmup: 0 });

  if (section('platform')) {
    const rawBefore = await measure('raw DynamoDB GetItem (before)', rawGetItem, opts);
    const health = await measure('GET /api/health (1 GetItem; bucket checks kept 10 s)', get('/api/health'), opts);
    const me = await measure('GET /api/me (JWT verify + GetItem ∥ memberships Query)', get('/api/me', true), opts);
    const notFound = await measure('GET /api/unknown (404 problem, no store)', async () => {
      const res = await fetch(`${stack.appUrl}/api/unknown`);
      await res.arrayBuffer();
      return res.status === 404;
    }, opts);
    const rawAfter = await measure('raw DynamoDB GetItem (after)', rawGetItem, opts);
    const raw: Summary = { ...rawBefore, name: 'raw (mean of before/after)', p50: (rawBefore.p50 + rawAfter.p50) / 2, p95: (rawBefore.p95 + rawAfter.p95) / 2 };

    console.log('## Platform\n');
    printTable([rawBefore, health, me, notFound, rawAfter]);
    console.log('');
    console.log(`ratio GET /api/me to raw GetItem:     ${ratio(me, raw)}`);
    console.log(`ratio GET /api/health to raw GetItem: ${ratio(health, raw)}`);
  }
  if (section('learning')) await benchLearning(stack, opts);
  if (section('knowledge')) await benchKnowledge(stack, opts);
  if (section('scorm') && !(await benchScorm(stack))) process.exitCode = 1;
  if (section('reports')) await benchReports(stack, opts);
  if (section('portfolio')) await benchPortfolio(stack, opts);
  if (section('partners')) await benchPartners(stack, opts);
  if (section('networks')) await benchNetworks(stack, opts);
  console.log(`\nmemory after run: ${memory()}`);
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
