/**
 * The search indexer Lambda (infra/lib/constructs/search-indexer.ts). Two triggers, one handler:
 *
 * - the table's DynamoDB stream (filtered to published article META items): the changes are
 *   applied to the search index snapshot; a failure throws, so Lambda retries the batch (bisecting
 *   it) and finally hands it to the dead-letter queue;
 * - an hourly EventBridge schedule (`{ "job": "reconcile-search-index" }`): the reconciliation
 *   that repairs whatever drift is left (a batch that went to the dead-letter queue, a bug).
 *
 * Locally there is no stream: the API calls the same `indexArticleChanges` after each write.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { z } from 'zod';
import type { AppConfig } from './platform/config';
import type { Logger } from '@aws-lambda-powertools/logger';
import { createStoreClients, type StoreClients } from './platform/store/clients';
import { createLogger } from './platform/http/logging';
import { indexArticleChanges, reconcileSearchIndex, searchIndexFor, type SearchIndexStore } from './knowledge';

export const reconcileJob = { job: 'reconcile-search-index' } as const;
export type IndexerEvent = DynamoDBStreamEvent | typeof reconcileJob;

const envSchema = z.object({
  APP_MODE: z.enum(['local', 'aws']).default('aws'),
  AWS_REGION: z.string().default('eu-west-1'),
  TABLE_NAME: z.string().min(1),
  BUCKET_ATTACHMENTS: z.string().min(1),
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  /** A snapshot of tens of MB takes longer than an API request may. */
  STORE_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

/** The indexer reads the table and writes snapshots to the attachments bucket; it signs nobody in and uses no other bucket. */
export function indexerConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const e = envSchema.parse(env);
  return {
    mode: e.APP_MODE,
    region: e.AWS_REGION,
    tableName: e.TABLE_NAME,
    buckets: { attachments: e.BUCKET_ATTACHMENTS, uploads: '', content: '' },
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, s3: e.S3_ENDPOINT },
    auth: { issuer: '', jwksUrl: '', audience: '' },
    storeTimeoutMs: e.STORE_TIMEOUT_MS,
  };
}

// Built on the first invocation and reused. The index is read fresh for every batch (recheck 0):
// this function's writes must build on the newest snapshot.
let runtime: { store: StoreClients; search: SearchIndexStore; logger: Logger } | undefined;
function runtimeOf() {
  if (!runtime) {
    const store = createStoreClients(indexerConfig());
    runtime = { store, search: searchIndexFor(store, { indexing: 'stream', recheckMs: 0 }), logger: createLogger('academy-search-indexer') };
  }
  return runtime;
}

export async function handler(event: IndexerEvent) {
  const { store, search, logger } = runtimeOf();
  if ('Records' in event) {
    const report = await indexArticleChanges(store, search, event.Records);
    logger.info('Search index: article changes applied', { records: event.Records.length, ...report });
    return report;
  }
  if (event.job !== reconcileJob.job) throw new Error(`Unknown job: ${String((event as { job?: unknown }).job)}`);
  const report = await reconcileSearchIndex(store, search);
  logger.info('Search index: reconciled', { ...report });
  return report;
}
