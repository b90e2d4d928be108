import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/local/ports';
import { startLocalStack } from '../../scripts/local/stack';

export interface StackInfo {
  appUrl: string;
  contentUrl: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  env: Record<string, string>;
  /** The dev issuer's private key, so tests can mint expired or foreign-audience tokens. */
  devKeyFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

const root = resolve(import.meta.dirname, '../..');

/** One real local stack per test project: DynamoDB Local in memory, s3rver in a temp dir, random ports. */
export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL ??= 'SILENT';
  const dataDir = mkdtempSync(join(tmpdir(), 'academy-test-'));
  // A free port can be taken by a neighbour (the other project's stack, a test's own servers)
  // before our server binds it, so a start that loses that race is retried on fresh ports.
  const start = async () => {
    const ports = { appPort: await freePort(), contentPort: await freePort(), dynamoPort: await freePort(), s3Port: await freePort() };
    const stack = await startLocalStack({
      ...ports,
      dataDir,
      persistDynamo: false,
      webDir: join(root, 'web', 'dist'),
      contentDir: join(root, 'content'),
      logDir: join(dataDir, 'logs'),
    });
    return { ports, stack };
  };
  let started: Awaited<ReturnType<typeof start>> | undefined;
  for (let attempt = 1; !started; attempt++) {
    try {
      started = await start();
    } catch (err) {
      if (attempt >= 3 || !/EADDRINUSE|already in use|in gebruik|stopte direct/i.test(String((err as Error)?.message ?? err))) throw err;
      console.warn(`local stack: port taken while starting (${(err as Error).message}); retrying on fresh ports`);
    }
  }
  const { ports, stack } = started;
  const { localEnv } = await import('../../scripts/local/stack');
  project.provide('stack', {
    appUrl: stack.appUrl,
    contentUrl: stack.contentUrl,
    dynamoEndpoint: stack.dynamo.endpoint,
    s3Endpoint: stack.s3.endpoint,
    env: localEnv(ports),
    devKeyFile: join(dataDir, 'dev-issuer-key.json'),
  });
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
