import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { buckets, table } from '../../functions/src/platform/store/schema';

/** Creates the table exactly as schema.ts describes it (the CDK stack reads the same module). Idempotent. */
export async function ensureTable(ddb: DynamoDBClient, tableName: string = table.localName): Promise<'created' | 'exists'> {
  try {
    await ddb.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
  }
  const attrs = new Set<string>([table.partitionKey, table.sortKey, ...table.globalIndexes.flatMap((g) => [g.partitionKey, g.sortKey])]);
  const gsis: GlobalSecondaryIndex[] = table.globalIndexes.map((g) => ({
    IndexName: g.name,
    KeySchema: [
      { AttributeName: g.partitionKey, KeyType: 'HASH' },
      { AttributeName: g.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  }));
  try {
    await ddb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: 'HASH' },
          { AttributeName: table.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: gsis,
      }),
    );
  } catch (err) {
    // Two starters racing: the other one created it.
    if ((err as { name?: string }).name === 'ResourceInUseException') return 'exists';
    throw err;
  }
  await ddb.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } }));
  return 'created';
}

/** Buckets are normally created by s3rver at start; this makes provisioning complete on its own too. */
export async function ensureBuckets(s3: S3Client): Promise<void> {
  for (const b of Object.values(buckets)) {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: b.localName }));
    } catch {
      await s3.send(new CreateBucketCommand({ Bucket: b.localName }));
    }
  }
}
