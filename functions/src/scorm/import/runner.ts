import type { PlatformDeps } from '../../platform/deps';
import { createStoreClients, type StoreClients } from '../../platform/store/clients';
import { importScormPackage, type ImportJob } from './job';

/**
 * Starts the import of a queued package. In AWS this does nothing: the queued zip's S3 event
 * (`ObjectCreated` under `pending/scorm/` in the uploads bucket) invokes the import Lambda
 * (functions/src/scorm-import.ts), which retries and, at the end, reports to its dead-letter queue.
 * Locally (the local server, the tests) there are no S3 events: the same job runs here, in the API
 * process, after the complete-route has answered, with the same retries Lambda would make.
 */
export function startImport(deps: PlatformDeps, job: ImportJob): void {
  if (deps.config.mode === 'aws') return;
  void runInProcess(deps, job);
}

/** The job's own clients: its S3 and DynamoDB calls may take longer than an API request's fail-fast timeout. */
const jobClients = new WeakMap<PlatformDeps, StoreClients>();

const running = new Set<Promise<unknown>>();

async function runInProcess(deps: PlatformDeps, job: ImportJob) {
  let clients = jobClients.get(deps);
  if (!clients) jobClients.set(deps, (clients = createStoreClients({ ...deps.config, storeTimeoutMs: 60_000 })));
  const run = (async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await importScormPackage({ store: clients, logger: deps.logger }, job);
        return;
      } catch (err) {
        deps.logger.warn('SCORM import (in process) failed; trying again', { ...job, attempt, error: err as Error });
        await new Promise((r) => setTimeout(r, 500 * attempt));
      }
    }
  })();
  running.add(run);
  await run.finally(() => running.delete(run));
}

/** Resolves when every in-process import has finished (local server shutdown, tests). */
export async function importsSettled(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}
