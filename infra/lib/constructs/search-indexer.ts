import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { paths } from '../paths';
import { acknowledge, nagReference } from '../nag';
import { workerFunction } from './worker-function';

export interface SearchIndexerProps {
  /** The single table, with its stream (NEW_AND_OLD_IMAGES, see the Data stack). */
  table: ITable;
  tableName: string;
  /** Holds the search index snapshots under `search/`. */
  attachmentsBucket: IBucket;
  /** How often the reconciliation runs; hourly unless given. */
  reconcileEvery?: Duration;
}

export const searchIndexerEntry = path.join(paths.repoRoot, 'functions/src/search-indexer.ts');

/** How the stream is read; tests/infra/search-indexer.test.ts checks the template against these. */
export const searchIndexerStream = {
  batchSize: 100,
  /** Then the batch is split in halves (bisect) to isolate a bad record, and finally sent to the dead-letter queue. */
  retryAttempts: 5,
  /** Older changes go to the dead-letter queue: by then the hourly reconciliation has repaired them anyway. */
  maxRecordAge: Duration.hours(6),
} as const;

/** The reconciliation event (functions/src/search-indexer.ts dispatches on it). */
export const reconcileEvent = { job: 'reconcile-search-index' } as const;

/**
 * Keeps the search index snapshot in step with the articles (functions/src/search-indexer.ts):
 *
 * - the table's stream, filtered to published article META items, invokes it; a failed batch is
 *   retried, bisected, and finally described in an encrypted SQS dead-letter queue (`deadLetterQueue`,
 *   alarmed by Monitoring), so one bad record never blocks the stream;
 * - an EventBridge schedule runs the reconciliation, which repairs whatever the stream missed.
 *
 * The article write never waits for the index: publishing succeeds whatever happens here, and
 * search re-checks its hits against the article records until the index has caught up.
 */
export class SearchIndexer extends Construct {
  readonly function: NodejsFunction;
  /** Where batches go that failed every retry: any message here means the index may lag until the next reconciliation. */
  readonly deadLetterQueue: Queue;
  readonly schedule: Rule;

  constructor(scope: Construct, id: string, props: SearchIndexerProps) {
    super(scope, id);
    const worker = workerFunction(this, {
      entry: searchIndexerEntry,
      description: 'Academy search indexer: article changes from the table stream, hourly reconciliation',
      // The index (tens of MB as JSON) is loaded, changed and written again in memory.
      memorySize: 1024,
      // The reconciliation reads every article record; a stream batch needs seconds.
      timeout: Duration.minutes(5),
      environment: { TABLE_NAME: props.tableName, BUCKET_ATTACHMENTS: props.attachmentsBucket.bucketName, STORE_TIMEOUT_MS: '10000' },
      deadLetterQueueId: 'DeadLetters',
      deadLetterQueueReason:
        'This queue is itself the dead-letter destination of the search indexer (on-failure destination of its stream mapping); ' +
        'a dead-letter queue of its own would only move the same messages once more.',
    });
    const role = worker.role;
    this.function = worker.function;
    this.deadLetterQueue = worker.deadLetterQueue;

    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: searchIndexerStream.batchSize,
        bisectBatchOnError: true,
        retryAttempts: searchIndexerStream.retryAttempts,
        maxRecordAge: searchIndexerStream.maxRecordAge,
        onFailure: new SqsDlq(this.deadLetterQueue),
        // Only article META items of published articles: drafts, counters of other items, seats… never wake it.
        filters: [FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.isEqual('article') }, publishedVersion: { N: FilterRule.notEquals('0') } } } })],
      }),
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams, which the stream event source needs and which has no resource-level permissions; reading records ' +
        '(DescribeStream, GetRecords, GetShardIterator) is granted on this table\'s stream only.',
    );

    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
        resources: [props.table.tableArn, `${props.table.tableArn}/index/*`],
      }),
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagReference(role, props.table.tableArn)}/index/*]`,
      "The reconciliation lists each network's articles on GSI1; the wildcard covers only this table's indexes.",
    );
    const snapshots = props.attachmentsBucket.arnForObjects('search/*');
    role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [snapshots] }));
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagReference(role, snapshots)}]`,
      'Snapshot names carry their version and a random part; the grant is read and write under search/ in the attachments bucket only.',
    );

    this.schedule = new Rule(this, 'Reconcile', {
      description: 'Repairs drift between the article records and the search index',
      schedule: Schedule.rate(props.reconcileEvery ?? Duration.hours(1)),
      targets: [new LambdaFunction(this.function, { event: RuleTargetInput.fromObject(reconcileEvent), retryAttempts: 2 })],
    });
  }
}
