import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/local/ports';

const root = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function ports() {
  return { PORT: String(await freePort()), CONTENT_PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), S3_PORT: String(await freePort()) };
}

/** `npm start` minus the web build (the test run builds it once): the supervisor itself. */
function startPlatform(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'SILENT', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitForOutput(output: () => string, pattern: RegExp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pattern.test(output())) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output()}`);
}

const processesOnPort = (port: string) =>
  spawnSync('pgrep', ['-f', `(-port ${port}|-p ${port} )`], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);

describe('npm start (scripts/start.ts)', () => {
  it('starts the platform with demo data, and Ctrl-C leaves no java or s3rver behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'academy-start-'));
    dirs.push(dataDir);
    const env = { ...(await ports()), DATA_DIR: dataDir };
    const p = startPlatform(env);
    await waitForOutput(p.output, /draait lokaal/, 150_000);
    expect(p.output()).toContain(`http://localhost:${env.PORT}/aanmelden`);

    const health = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
    expect(health.status).toBe(200);
    const users = (await (await fetch(`http://127.0.0.1:${env.PORT}/api/dev/users`)).json()) as Array<{ id: string }>;
    const demoUsers = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../..'), 'content', 'people', 'users.json'), 'utf8')) as Array<{ id: string }>;
    expect(users.map((u) => u.id).sort()).toEqual(demoUsers.map((u) => u.id).sort());
    expect(processesOnPort(env.DYNAMODB_PORT)).toHaveLength(1);
    expect(processesOnPort(env.S3_PORT)).toHaveLength(1);

    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(processesOnPort(env.DYNAMODB_PORT)).toEqual([]);
    expect(processesOnPort(env.S3_PORT)).toEqual([]);

    // A second start on the same data duplicates nothing.
    const again = startPlatform(env);
    await waitForOutput(again.output, /draait lokaal/, 150_000);
    const usersAgain = (await (await fetch(`http://127.0.0.1:${env.PORT}/api/dev/users`)).json()) as unknown[];
    expect(usersAgain.length).toBe(demoUsers.length);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(processesOnPort(env.DYNAMODB_PORT)).toEqual([]);
    // Generous: this test shares two cores with the rest of the suite; the start time itself is reported by npm start.
  }, 360_000);

  it('stops with one clear line and a non-zero exit when a port is busy', async () => {
    const env = await ports();
    const blocker = createServer().listen(Number(env.PORT), '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'academy-busy-'));
      dirs.push(dataDir);
      const p = startPlatform({ ...env, DATA_DIR: dataDir });
      expect(await p.exited).toBe(1);
      const lines = p.output().trim().split('\n').filter((l) => l.startsWith('✖'));
      expect(lines).toEqual([`✖ Poort ${env.PORT} is al in gebruik: stop dat proces of kies een andere poort met PORT=…`]);
    } finally {
      blocker.close();
    }
  });

  it('stops with one clear line when Java is missing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'academy-nojava-'));
    dirs.push(dataDir);
    const p = startPlatform({ ...(await ports()), DATA_DIR: dataDir, PATH: '/nonexistent' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/^✖ Java 17\+ is nodig voor DynamoDB Local.*apt-get install -y openjdk-17-jre-headless$/m);
  });

  it('stops with one clear line when the data directory cannot be written', async () => {
    // A path below a regular file can never be created, not even by root.
    const parent = mkdtempSync(join(tmpdir(), 'academy-nowrite-'));
    dirs.push(parent);
    const blocker = join(parent, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const p = startPlatform({ ...(await ports()), DATA_DIR: join(blocker, 'data') });
    expect(await p.exited).toBe(1);
    expect(p.output().trim()).toBe(`✖ Kan niet schrijven in ${join(blocker, 'data')}: maak de map schrijfbaar of zet DATA_DIR naar een andere map.`);

    // Under /proc a recursive mkdir never returns (a Node quirk); the start must still end.
    const proc = startPlatform({ ...(await ports()), DATA_DIR: '/proc/academy-data/data' });
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim()).toBe('✖ Kan niet schrijven in /proc/academy-data/data: maak de map schrijfbaar of zet DATA_DIR naar een andere map.');
  });
});
