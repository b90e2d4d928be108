import { mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../functions/src/platform/config';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import { buildDeps, type AppDeps } from '../../functions/src/deps';
import { createDevIssuer, type DevIssuer } from '../../functions/src/dev/issuer';
import { startLocalServer, type LocalServer } from '../../functions/src/local/server';
import { buckets, table } from '../../functions/src/platform/store/schema';
import { dynamoClient, startDynamoDbLocal, startS3rver, type Service } from './services';
import { ensureTable } from './provision';
import { seedContent } from './seed';
import { seedKnowledge } from './seed-knowledge';
import { seedLearning } from './seed-learning';
import { seedScorm } from './seed-scorm';
import { seedPortfolio } from './seed-portfolio';
import { seedMandatory } from './seed-mandatory';
import { seedHistory, type HistoryReport } from './seed-history';
import { seedQuestions } from './seed-questions';

// Lambda runs Node 22; this machine has Node 20. The SDK's reminder about that is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface LocalStackOptions {
  appPort: number;
  contentPort: number;
  dynamoPort: number;
  s3Port: number;
  /** Where DynamoDB and S3 keep their data; DynamoDB runs in memory when `persistDynamo` is false. */
  dataDir: string;
  persistDynamo: boolean;
  webDir: string;
  contentDir: string;
  logDir?: string;
  seed?: boolean;
}

export interface LocalStack {
  appUrl: string;
  contentUrl: string;
  config: AppConfig;
  store: StoreClients;
  deps: AppDeps;
  issuer: DevIssuer;
  dynamo: Service;
  s3: Service;
  server: LocalServer;
  seeded?: { users: number; organisations: number; networks: number; versionsPublished: number; learning: { modules: number; paths: number; sessions: number }; scorm: { packages: number; imported: number }; history: HistoryReport; questions: { questions: number; asked: number } };
  /** Restarts DynamoDB Local on the same port (used by supervision and by the outage test). */
  restartDynamo(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Signs SCORM launch tokens locally: made at random once per process, so the server and the tests
 * that read `localEnv` (to mint an expired token) share it, and it never lives in the code.
 */
const localScormLaunchSecret = randomBytes(32).toString('base64url');

/** Local environment as the Lambda would see it, only with local endpoints and the dev issuer. */
export function localEnv(o: { appPort: number; contentPort: number; dynamoPort: number; s3Port: number }): Record<string, string> {
  const appOrigin = `http://localhost:${o.appPort}`;
  return {
    APP_MODE: 'local',
    AWS_REGION: 'eu-west-1',
    TABLE_NAME: table.localName,
    BUCKET_UPLOADS: buckets.uploads.localName,
    BUCKET_CONTENT: buckets.content.localName,
    BUCKET_ATTACHMENTS: buckets.attachments.localName,
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${o.dynamoPort}`,
    S3_ENDPOINT: `http://127.0.0.1:${o.s3Port}`,
    AUTH_ISSUER: `${appOrigin}/dev-issuer`,
    AUTH_JWKS_URL: `http://127.0.0.1:${o.appPort}/dev-issuer/.well-known/jwks.json`,
    AUTH_AUDIENCE: 'academy-local',
    APP_ORIGIN: appOrigin,
    CONTENT_ORIGIN: `http://localhost:${o.contentPort}`,
    SCORM_LAUNCH_SECRET: localScormLaunchSecret,
  };
}

export async function startLocalStack(o: LocalStackOptions): Promise<LocalStack> {
  mkdirSync(o.dataDir, { recursive: true });
  const appOrigin = `http://localhost:${o.appPort}`;
  const started: Array<{ stop(): Promise<void> }> = [];
  const cleanup = () => Promise.all(started.reverse().map((s) => s.stop().catch(() => undefined)));
  try {
    const dynamoOpts = { port: o.dynamoPort, dataDir: o.persistDynamo ? join(o.dataDir, 'dynamodb') : undefined, logDir: o.logDir };
    // Started side by side; whichever came up is stopped again if the other failed.
    const [dynamoResult, s3Result] = await Promise.allSettled([
      startDynamoDbLocal(dynamoOpts),
      startS3rver({ port: o.s3Port, dataDir: join(o.dataDir, 's3'), appOrigin, logDir: o.logDir }),
    ]);
    if (dynamoResult.status === 'fulfilled') started.push(dynamoResult.value);
    if (s3Result.status === 'fulfilled') started.push(s3Result.value);
    if (dynamoResult.status === 'rejected') throw dynamoResult.reason;
    if (s3Result.status === 'rejected') throw s3Result.reason;
    let dynamo = dynamoResult.value;
    const s3 = s3Result.value;
    started[0] = { stop: () => dynamo.stop() };

    const raw = dynamoClient(dynamo.endpoint);
    await ensureTable(raw);
    raw.destroy();

    const config = loadConfig(localEnv(o));
    const deps = buildDeps(config);
    const store = deps.store;
    const seeded =
      o.seed === false
        ? undefined
        : {
            ...(await seedContent(store, o.contentDir)),
            ...(await seedKnowledge(store, deps.search, o.contentDir)),
            learning: await seedLearning(store, o.contentDir),
            // The professional registers (their names are the ones module accreditation uses).
            portfolio: await seedPortfolio(store, o.contentDir),
            // After learning: a requirement names a module (title and form come from it).
            mandatory: await seedMandatory(store, o.contentDir),
            // The demo SCORM packages, built into the data folder (so two stacks never write the same zip).
            scorm: await seedScorm(store, o.contentDir, join(o.dataDir, 'scorm-packages')),
            // Last: two years of the demo staff's learning, through the use cases, relative to today.
            history: await seedHistory(store),
            // Consultation questions, open and answered, relative to today (after the networks and their members).
            questions: await seedQuestions(store, deps.search),
          };
    const issuer = await createDevIssuer({ issuer: config.auth.issuer, audience: config.auth.audience, keyFile: join(o.dataDir, 'dev-issuer-key.json') });
    const server = await startLocalServer({
      deps,
      devIssuer: issuer,
      webDir: o.webDir,
      appPort: o.appPort,
      contentPort: o.contentPort,
      s3Origins: [`http://localhost:${o.s3Port}`, `http://127.0.0.1:${o.s3Port}`],
    });
    started.push({ stop: () => server.close() });

    return {
      appUrl: server.appUrl,
      contentUrl: server.contentUrl,
      config,
      store,
      deps,
      issuer,
      get dynamo() {
        return dynamo;
      },
      s3,
      server,
      seeded,
      async restartDynamo() {
        await dynamo.stop();
        dynamo = await startDynamoDbLocal(dynamoOpts);
      },
      async stop() {
        await cleanup();
        store.ddb.destroy();
        store.s3.destroy();
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

export function resetDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
