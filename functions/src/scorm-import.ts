/**
 * The SCORM import Lambda (infra/lib/constructs/scorm-import.ts). The complete-route checks an
 * uploaded zip and copies it to `pending/scorm/{moduleId}/{importId}.zip` in the uploads bucket;
 * that object's S3 event (ObjectCreated, filtered to the prefix) invokes this handler
 * asynchronously. Each record runs the same `importScormPackage` the local runtime runs in process.
 *
 * A package the rules refuse ends as a failed import (the author reads why) and the invocation
 * succeeds. An infrastructure failure gives the import back to the queue and throws: Lambda retries
 * the event (twice) and then hands it to the dead-letter queue, which is alarmed; the import's last
 * attempt marks it failed for the author.
 */
import type { S3Event } from 'aws-lambda';
import { z } from 'zod';
import type { AppConfig } from './platform/config';
import { createStoreClients, type StoreClients } from './platform/store/clients';
import { createLogger } from './platform/http/logging';
import { importScormPackage, parseQueuedPackageKey, type ImportOutcome } from './scorm';

const envSchema = z.object({
  APP_MODE: z.enum(['local', 'aws']).default('aws'),
  AWS_REGION: z.string().default('eu-west-1'),
  TABLE_NAME: z.string().min(1),
  BUCKET_UPLOADS: z.string().min(1),
  BUCKET_CONTENT: z.string().min(1),
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  /** Parts of up to 8 MB and ranged reads take longer than an API request may. */
  STORE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});

/** The import reads the uploads bucket, writes the content bucket and the table; it signs nobody in. */
export function importerConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const e = envSchema.parse(env);
  return {
    mode: e.APP_MODE,
    region: e.AWS_REGION,
    tableName: e.TABLE_NAME,
    buckets: { uploads: e.BUCKET_UPLOADS, content: e.BUCKET_CONTENT, attachments: '' },
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, s3: e.S3_ENDPOINT },
    auth: { issuer: '', jwksUrl: '', audience: '' },
    storeTimeoutMs: e.STORE_TIMEOUT_MS,
  };
}

let runtime: { store: StoreClients; logger: ReturnType<typeof createLogger> } | undefined;
const runtimeOf = () => (runtime ??= { store: createStoreClients(importerConfig()), logger: createLogger('academy-scorm-import') });

/** S3 event keys are URL-encoded, with "+" for spaces. */
const objectKey = (raw: string) => decodeURIComponent(raw.replace(/\+/g, ' '));

export async function handler(event: S3Event): Promise<ImportOutcome[]> {
  const { store, logger } = runtimeOf();
  const outcomes: ImportOutcome[] = [];
  for (const record of event.Records ?? []) {
    const key = objectKey(record.s3.object.key);
    const job = parseQueuedPackageKey(key);
    if (!job) {
      logger.warn('SCORM import: ignoring an object outside the queued-package layout', { key });
      continue;
    }
    const outcome = await importScormPackage({ store, logger }, { ...job, uploadKey: key });
    logger.info('SCORM import finished', { ...job, ...outcome });
    outcomes.push(outcome);
  }
  return outcomes;
}
