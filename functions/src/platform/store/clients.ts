import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AppConfig } from '../config';

export interface StoreClients {
  ddb: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  s3: S3Client;
  tableName: string;
  buckets: AppConfig['buckets'];
}

/**
 * One place that builds the AWS SDK clients. Short connection and request timeouts and a
 * single retry make an unreachable store fail a request within ~2 s instead of hanging it
 * (the SDK default would retry with backoff for much longer).
 */
/** Not secrets: DynamoDB Local accepts any key pair, s3rver only its documented default. */
export const localCredentials = {
  dynamodb: { accessKeyId: 'local', secretAccessKey: 'local' },
  s3: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
};

export function createStoreClients(config: AppConfig): StoreClients {
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: Math.min(1000, config.storeTimeoutMs),
    requestTimeout: config.storeTimeoutMs,
    // Without this the handler only logs a warning when the timeout passes and keeps waiting, so
    // a store that accepts connections but never answers (a frozen process) would hang requests.
    throwOnRequestTimeout: true,
  });
  // AWS uses the Lambda role's credentials; the local servers take fixed, well-known keys.
  const local = config.mode === 'local';
  const ddb = new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoints.dynamodb,
    maxAttempts: 2,
    requestHandler,
    ...(local ? { credentials: localCredentials.dynamodb } : {}),
  });
  const doc = DynamoDBDocumentClient.from(ddb, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const s3 = new S3Client({
    region: config.region,
    endpoint: config.endpoints.s3,
    forcePathStyle: Boolean(config.endpoints.s3),
    maxAttempts: 2,
    requestHandler,
    ...(local ? { credentials: localCredentials.s3 } : {}),
  });
  return { ddb, doc, s3, tableName: config.tableName, buckets: config.buckets };
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
const unreachableNames = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'NetworkingError']);

/** True when an SDK error means "the store could not be reached" rather than "the request was wrong". */
export function isStoreUnreachable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: string; code?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } };
  if (e.code && unreachableCodes.has(e.code)) return true;
  if (e.name && unreachableNames.has(e.name)) return true;
  if (e.$metadata?.httpStatusCode && e.$metadata.httpStatusCode >= 500) return true;
  if (e.name === 'ProvisionedThroughputExceededException' || e.name === 'ThrottlingException') return true;
  return e.cause ? isStoreUnreachable(e.cause) : false;
}
