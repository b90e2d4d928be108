/**
 * `npm start`: the whole platform, offline, on this machine.
 * DynamoDB Local + s3rver (data under .data/), table and buckets from the shared schema,
 * demo content from content/, API + web on :3000 and the SCORM content origin on :3001.
 */
import { accessSync, constants, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isPortFree } from './local/ports';
import { checkJava, StartupError } from './local/services';
import { resetDataDir, startLocalStack, type LocalStack } from './local/stack';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const ports = {
  appPort: Number(process.env.PORT ?? 3000),
  contentPort: Number(process.env.CONTENT_PORT ?? 3001),
  dynamoPort: Number(process.env.DYNAMODB_PORT ?? 8600),
  s3Port: Number(process.env.S3_PORT ?? 4569),
};

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/**
 * mkdir -p one level at a time: Node's recursive mkdirSync spins forever under /proc (and other
 * pseudo file systems that answer ENOENT for every create), where a plain mkdir fails at once.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}

function checkDataDir(): void {
  try {
    makeDirs(dataDir);
    accessSync(dataDir, constants.W_OK);
    const probe = join(dataDir, '.write-test');
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch {
    fail(`Kan niet schrijven in ${dataDir}: maak de map schrijfbaar of zet DATA_DIR naar een andere map.`);
  }
}

async function checkPorts(): Promise<void> {
  const names: Record<keyof typeof ports, string> = { appPort: 'PORT', contentPort: 'CONTENT_PORT', dynamoPort: 'DYNAMODB_PORT', s3Port: 'S3_PORT' };
  for (const [key, port] of Object.entries(ports) as Array<[keyof typeof ports, number]>) {
    if (!(await isPortFree(port))) fail(`Poort ${port} is al in gebruik: stop dat proces of kies een andere poort met ${names[key]}=…`);
  }
}

/** The static front end, built quietly (warnings and errors only) into web/dist. */
async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  const started = Date.now();
  try {
    await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
  } catch (err) {
    fail(`De webapp bouwen mislukte: ${(err as Error).message}`);
  }
  console.log(`Webapp gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  const fresh = process.argv.includes('--fresh');
  if (fresh) resetDataDir(dataDir);
  checkDataDir();
  await checkPorts();
  try {
    checkJava();
  } catch (err) {
    fail((err as Error).message);
  }
  // After the checks, so a busy port or missing Java is the only thing on screen.
  if (process.argv.includes('--build-web')) await buildWeb();

  const startedAt = Date.now();
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      ...ports,
      dataDir,
      persistDynamo: true,
      webDir: join(root, 'web', 'dist'),
      contentDir: join(root, 'content'),
      logDir: join(dataDir, 'logs'),
    });
  } catch (err) {
    fail(err instanceof StartupError ? err.message : `Starten mislukt: ${(err as Error).message}`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: platform stopt…`);
    await stack.stop();
    process.exit(0);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void shutdown(sig));
  // Last resort so no java or s3rver outlives us, even on an unexpected exit.
  process.on('exit', () => {
    for (const child of [stack.dynamo.child, stack.s3.child]) if (child.exitCode === null) child.kill('SIGKILL');
  });

  // Supervision: a store that dies unexpectedly is restarted; the API answers 503 meanwhile.
  const superviseDynamo = () =>
    stack.dynamo.child.once('exit', async (code) => {
      if (stopping) return;
      console.error(`! DynamoDB Local stopte onverwacht (code ${code}); herstart…`);
      try {
        await stack.restartDynamo();
        console.log('✔ DynamoDB Local draait weer');
        superviseDynamo();
      } catch (err) {
        console.error(`✖ Herstart mislukt: ${(err as Error).message}`);
      }
    });
  superviseDynamo();
  stack.s3.child.once('exit', (code) => {
    if (!stopping) console.error(`! s3rver stopte onverwacht (code ${code}); herstart het platform met npm start`);
  });

  const secs = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
GGZ Academie draait lokaal (klaar in ${secs} s)${fresh ? ' — met verse data' : ''}

  App en API      ${stack.appUrl}
  API-referentie  ${stack.appUrl}/api/docs   (OpenAPI: ${stack.appUrl}/api/openapi.json)
  Gezondheid      ${stack.appUrl}/api/health
  Inhoudsdomein   ${stack.contentUrl}   (SCORM, eigen origin)
  DynamoDB Local  ${stack.dynamo.endpoint}   s3rver ${stack.s3.endpoint}   data in ${dataDir}

Aanmelden: open ${stack.appUrl}/aanmelden en kies een demogebruiker (per rol).
Automatisering: GET /api/dev/users en POST /api/dev/token {"userId": "u-noor-hendriks"}.
Demo-inhoud: ${stack.seeded?.users ?? 0} gebruikers, ${stack.seeded?.organisations ?? 0} organisaties, ${stack.seeded?.networks ?? 0} netwerken${stack.seeded?.versionsPublished ? `, ${stack.seeded.versionsPublished} artikelversies gepubliceerd` : ''}, ${stack.seeded?.learning.modules ?? 0} modules, ${stack.seeded?.learning.paths ?? 0} leerpaden, ${stack.seeded?.learning.sessions ?? 0} sessies, ${stack.seeded?.scorm.packages ?? 0} SCORM-pakketten${stack.seeded?.scorm.imported ? ` (${stack.seeded.scorm.imported} geïmporteerd)` : ''}.\nKennisbank: ${stack.appUrl}/kennis   Aanbod: ${stack.appUrl}/aanbod   Mijn leren: ${stack.appUrl}/mijn-leren
Stoppen: Ctrl-C. Opnieuw beginnen: npm start -- --fresh
`);
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
