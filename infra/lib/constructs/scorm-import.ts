import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { packagesPrefix, scormUploadsPrefix } from '../../../functions/src/scorm/domain/locations';
import { acknowledge, nagReference, stackChildrenStartingWith } from '../nag';
import { paths } from '../paths';
import { workerFunction } from './worker-function';

export interface ScormImportProps {
  table: ITable;
  tableName: string;
  /** The API queues checked packages here, under `pending/scorm/`; their ObjectCreated events start the import. */
  uploadsBucket: IBucket;
  /** Extracted packages go here, under `packages/`; nothing else writes to this bucket. */
  contentBucket: IBucket;
}

export const scormImportEntry = path.join(paths.repoRoot, 'functions/src/scorm-import.ts');

/** How the import runs; tests/infra/scorm-import.test.ts checks the template against these. */
export const scormImportSettings = {
  /** A 1 GB package of 20,000 files takes minutes; the job's lease (20 min) outlasts this. */
  timeout: Duration.minutes(15),
  /** Parts of 8 MB, a few files at once, and the parsed manifest. */
  memorySize: 1024,
  /** Lambda's own retries of the S3 event after an infrastructure failure; then the dead-letter queue. */
  retryAttempts: 2,
  maxEventAge: Duration.hours(6),
} as const;

/** Item actions the job needs: read its import and the package counter, write them and the version (in one transaction). */
export const scormImportTableActions = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'];

/**
 * The SCORM import job (functions/src/scorm-import.ts): the uploads bucket's S3 event for a queued
 * package (`pending/scorm/*.zip`, written by the API after its own check) invokes it
 * asynchronously. It reads that zip with ranged requests, writes the extracted files to the
 * content bucket under `packages/`, records the version in the table, and removes the queued zip.
 *
 * It is the only principal that writes to the content bucket (the API may only list it, the
 * content distribution only read it). Failed invocations are retried by Lambda and then described
 * in an encrypted dead-letter queue (alarmed by Monitoring); a package the rules refuse is not a
 * failed invocation but a failed import, which the author sees.
 */
export class ScormImport extends Construct {
  readonly function: NodejsFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ScormImportProps) {
    super(scope, id);
    // Monitoring names a queue's alarm after its id, so it is unique in the stack (the search indexer has 'DeadLetters').
    const worker = workerFunction(this, {
      entry: scormImportEntry,
      description: 'Academy SCORM import: checks and extracts an uploaded package into a new module version',
      memorySize: scormImportSettings.memorySize,
      timeout: scormImportSettings.timeout,
      environment: {
        TABLE_NAME: props.tableName,
        BUCKET_UPLOADS: props.uploadsBucket.bucketName,
        BUCKET_CONTENT: props.contentBucket.bucketName,
        STORE_TIMEOUT_MS: '30000',
      },
      deadLetterQueueId: 'ImportDeadLetters',
      deadLetterQueueReason:
        'This queue is itself the dead-letter destination of the SCORM import (on-failure destination of its asynchronous ' +
        'invocations); a dead-letter queue of its own would only move the same messages once more.',
    });
    const role = worker.role;
    this.function = worker.function;
    this.deadLetterQueue = worker.deadLetterQueue;

    this.function.configureAsyncInvoke({
      retryAttempts: scormImportSettings.retryAttempts,
      maxEventAge: scormImportSettings.maxEventAge,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    // The table: its import records, the package counter and the version records (items only, no index).
    role.addToPolicy(new PolicyStatement({ actions: scormImportTableActions, resources: [props.table.tableArn] }));

    // The uploads bucket: only the queued packages, read and then removed.
    const queued = props.uploadsBucket.arnForObjects(`${scormUploadsPrefix}*`);
    role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:DeleteObject'], resources: [queued] }));
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagReference(role, queued)}]`,
      'Queued packages are named by module and import id at run time; the grant is read and delete under pending/scorm/ in the uploads bucket only.',
    );

    // The content bucket: write (and, for a failed import, remove) under packages/ only, and list there.
    const packages = props.contentBucket.arnForObjects(`${packagesPrefix}*`);
    role.addToPolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'], resources: [packages] }));
    role.addToPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.contentBucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${packagesPrefix}*`] } } }),
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagReference(role, packages)}]`,
      'Each import writes its own prefix packages/{moduleId}/{importId}/ with file names from the package; the grant is write/delete/abort under packages/ in the content bucket only.',
    );

    props.uploadsBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.function), { prefix: scormUploadsPrefix, suffix: '.zip' });
    // CDK writes bucket notifications with a singleton handler of its own, directly under the stack.
    const handlers = stackChildrenStartingWith(this, 'BucketNotificationsHandler');
    if (handlers.length !== 1) throw new Error(`Expected one BucketNotifications handler, found ${handlers.length}`);
    const cdkHandler = "CDK-provided handler that writes the uploads bucket's notification configuration (runs only while deploying)";
    acknowledge(handlers[0]!, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', `${cdkHandler}: CDK attaches the AWS-managed basic execution policy for its logs.`);
    acknowledge(handlers[0]!, 'AwsSolutions-IAM5[Resource::*]', `${cdkHandler}: CDK grants s3:PutBucketNotification on '*'; it configures only this bucket.`);
  }
}
