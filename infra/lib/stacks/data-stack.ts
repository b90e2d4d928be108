import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Bucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { table as tableSchema } from '../../../functions/src/platform/store/schema';
import { createRoleBucket, secureBucketDefaults } from '../constructs/role-bucket';
import { exportNamed } from '../exports';
import { acknowledge } from '../nag';

/** What other stacks use from the Data stack: named imports, see exportNamed. */
export interface SharedData {
  tableName: string;
  tableArn: string;
  /** The table's stream (both images): the search indexer's trigger. */
  tableStreamArn: string;
  contentBucket: SharedBucket;
  attachmentsBucket: SharedBucket;
  accessLogBucket: SharedBucket;
}

export interface SharedBucket {
  bucketName: string;
  bucketArn: string;
  bucketRegionalDomainName: string;
}

/**
 * Stateful resources only: the single table, the buckets whose contents must outlive any
 * deployment (content, attachments) and the access-log bucket. Nothing here depends on another
 * stack, so the rest can be destroyed and recreated without touching data.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly contentBucket: Bucket;
  readonly attachmentsBucket: Bucket;
  readonly accessLogBucket: Bucket;
  readonly shared: SharedData;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      ...secureBucketDefaults,
      // CloudFront standard logging still delivers through bucket ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
    });
    acknowledge(
      this.accessLogBucket,
      'AwsSolutions-S1',
      'This is the access-log destination itself; logging its own access would write logs about log delivery in a loop.',
    );

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableSchema.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableSchema.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: tableSchema.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
      // Changes feed the search indexer (App stack); enabling a stream updates the table in place.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
    });
    for (const index of tableSchema.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    // The content bucket's policy names the one distribution that may read it (Origin Access
    // Control, AWS:SourceArn = that distribution). The distribution lives in the App stack, so the
    // policy does too (ContentDistribution): this stack keeps depending on nothing. See
    // docs/operations.md for the move of this policy out of this stack.
    this.contentBucket = createRoleBucket(this, {
      role: 'content',
      accessLogs: this.accessLogBucket,
      policyOwnedBy: 'the App stack (ContentDelivery/ContentBucketPolicy)',
    });
    this.attachmentsBucket = createRoleBucket(this, { role: 'attachments', accessLogs: this.accessLogBucket });

    // Buckets in other stacks log here too. CDK cannot add their grants to this policy from
    // there (it would tie the stacks in a cycle), so one statement admits this account's buckets.
    this.accessLogBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowServerAccessLogsFromThisAccount',
        principals: [new ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.accessLogBucket.arnForObjects('s3/*')],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );

    const share = (key: string, bucket: Bucket): SharedBucket => ({
      bucketName: exportNamed(this, `${key}Name`, bucket.bucketName),
      bucketArn: exportNamed(this, `${key}Arn`, bucket.bucketArn),
      bucketRegionalDomainName: exportNamed(this, `${key}RegionalDomainName`, bucket.bucketRegionalDomainName),
    });
    this.shared = {
      tableName: exportNamed(this, 'TableName', this.table.tableName),
      tableArn: exportNamed(this, 'TableArn', this.table.tableArn),
      tableStreamArn: exportNamed(this, 'TableStreamArn', this.table.tableStreamArn!),
      contentBucket: share('ContentBucket', this.contentBucket),
      attachmentsBucket: share('AttachmentsBucket', this.attachmentsBucket),
      accessLogBucket: share('AccessLogBucket', this.accessLogBucket),
    };

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'DynamoDB single table' });
  }
}
