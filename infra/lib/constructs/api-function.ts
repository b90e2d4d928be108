import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { lambdaBundling } from '../lambda-bundling';
import { paths } from '../paths';
import { acknowledge, nagReference } from '../nag';

export interface ApiFunctionProps {
  table: ITable;
  tableName: string;
  buckets: { uploads: IBucket; content: IBucket; attachments: IBucket };
  /** Cognito issuer URL (https://cognito-idp.<region>.amazonaws.com/<poolId>), the `iss` of its tokens. */
  authIssuer: string;
  /** App client id: the audience of the tokens the API accepts. */
  authAudience: string;
  appOrigin: string;
  contentOrigin: string;
  /** The secret CloudFront adds as `x-origin-verify` (see AppDistribution); the API refuses requests without it. */
  originVerifySecret: ISecret;
  /** Signs SCORM launch tokens (SCORM_LAUNCH_SECRET). */
  scormLaunchSecret: ISecret;
  /** Signs the SCORM package cookie (SCORM_PACKAGE_COOKIE_KEY); the content distribution's CloudFront Function checks it with the same value. */
  packageCookieSecret: ISecret;
  /** Its share of the account's concurrency, reserved for it and at the same time its ceiling. */
  reservedConcurrency: number;
  /** The user pool partner invitations create users in (functions/src/partners): its id in the environment, the actions below on it. */
  userPool: { userPoolId: string; userPoolArn: string };
}

/**
 * What the API does in the user pool, and only there: partner invitations create a user in the
 * `partner` group (with the organisation's id), and removing a partner user disables the account
 * and signs it out everywhere (functions/src/partners/accounts.ts).
 */
export const partnerAccountActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

/**
 * Item-level reads and writes (transactions need no more than these). No Scan: every request-path
 * read is a GetItem or Query on a designed key (../shared/DESIGN.md); migrations and admin jobs that
 * scan get a role of their own.
 */
export const tableActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** Actions the API needs on its buckets' objects: read, write, delete, and clean up failed multipart uploads. */
export const objectActions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'];

/**
 * Object access per bucket. The content bucket (extracted SCORM packages) is written only by the
 * SCORM import job, which gets a role of its own when it arrives; the API only checks that the
 * bucket answers (health: HeadBucket, which needs s3:ListBucket) and never touches its objects.
 */
export const bucketObjectAccess = { uploads: objectActions, attachments: [...objectActions, 's3:DeleteObjectVersion'], content: [] as string[] } as const;

/**
 * Bucket-level actions. The attachments bucket is versioned: an erasure of a person (AVG) lists and
 * deletes every version of their objects (learner files, evidence, large SCORM state), so a plain
 * delete's noncurrent copy does not keep their data for 90 days (functions/docs/privacy.md).
 */
export const bucketListAccess = { uploads: ['s3:ListBucket'], attachments: ['s3:ListBucket', 's3:ListBucketVersions'], content: ['s3:ListBucket'] } as const;

/** Service name and metrics namespace of the API's Powertools logger, metrics and tracer. */
export const powertools = { serviceName: 'academy-api', metricsNamespace: 'Academy' } as const;

// ESM with a require() shim, minified, with source maps: shared with tests/integration/lambda-bundle.test.ts.
const { format, ...sharedBundling } = lambdaBundling.cdk;

/** The Hono API (functions/src/lambda.ts) as one Lambda function, bundled by the local esbuild. */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Explicit role: the default one would attach the AWS-managed basic execution policy
    // (log writes to every log group); this one may write only to its own.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: paths.apiEntry,
      handler: 'handler',
      projectRoot: paths.repoRoot,
      depsLockFilePath: paths.lockFile,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      // A ceiling for a flood (and its bill), and guaranteed room next to other functions in the account.
      reservedConcurrentExecutions: props.reservedConcurrency,
      // X-Ray: the function's segment plus the AWS SDK calls the Powertools tracer records.
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      description: 'Academy API (Hono)',
      environment: {
        APP_MODE: 'aws',
        TABLE_NAME: props.tableName,
        BUCKET_UPLOADS: props.buckets.uploads.bucketName,
        BUCKET_CONTENT: props.buckets.content.bucketName,
        BUCKET_ATTACHMENTS: props.buckets.attachments.bucketName,
        AUTH_ISSUER: props.authIssuer,
        AUTH_AUDIENCE: props.authAudience,
        APP_ORIGIN: props.appOrigin,
        CONTENT_ORIGIN: props.contentOrigin,
        // A CloudFormation dynamic reference ({{resolve:secretsmanager:...}}): resolved at deploy
        // time, so the value is in neither the template nor the code.
        ORIGIN_VERIFY_SECRET: props.originVerifySecret.secretValue.unsafeUnwrap(),
        // The same kind of dynamic references: launch tokens and package cookies are signed with these.
        SCORM_LAUNCH_SECRET: props.scormLaunchSecret.secretValue.unsafeUnwrap(),
        SCORM_PACKAGE_COOKIE_KEY: props.packageCookieSecret.secretValue.unsafeUnwrap(),
        COGNITO_USER_POOL_ID: props.userPool.userPoolId,
        POWERTOOLS_SERVICE_NAME: powertools.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: powertools.metricsNamespace,
        // Stack traces point into functions/src instead of the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        ...sharedBundling,
        format: format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
        // Never Docker: synth must work offline on machines without it.
        forceDockerBundling: false,
        sourcesContent: false,
        // Bundle the AWS SDK too: the deployed code then runs the versions from package-lock.json,
        // the ones the tests ran, not whatever the Lambda runtime ships this month.
        externalModules: [],
      },
    });
    acknowledge(
      this.function,
      'AwsSolutions-L1',
      'Node.js 22 on purpose: the LTS line the project builds and tests with; moving to a newer runtime is a ' +
        'deliberate upgrade of toolchain and tests together.',
    );

    role.addToPolicy(
      new PolicyStatement({ actions: tableActions, resources: [props.table.tableArn, `${props.table.tableArn}/index/*`] }),
    );
    acknowledgeTableIndexes(role, props.table);
    role.addToPolicy(new PolicyStatement({ actions: partnerAccountActions, resources: [props.userPool.userPoolArn] }));

    for (const [name, bucket] of Object.entries(props.buckets) as Array<[keyof typeof bucketObjectAccess, IBucket]>) {
      // ListBucket turns "missing object" into 404 instead of 403, so the API can tell the two apart;
      // it is also what HeadBucket (the health check) needs.
      role.addToPolicy(new PolicyStatement({ actions: [...bucketListAccess[name]], resources: [bucket.bucketArn] }));
      const actions = bucketObjectAccess[name];
      if (actions.length === 0) continue;
      role.addToPolicy(new PolicyStatement({ actions: [...actions], resources: [bucket.arnForObjects('*')] }));
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::${nagReference(this, bucket.arnForObjects('*'))}]`,
        `Object keys in the ${name} bucket are created at run time (ids, versions); the grant is limited to ` +
          'this one bucket and to get/put/delete/abort (and, in the versioned attachments bucket, deleting versions for erasures).',
      );
    }
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords, which X-Ray only grants on "*" (no resource-level permissions).',
    );
  }
}

function acknowledgeTableIndexes(role: Role, table: ITable): void {
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::${nagReference(role, table.tableArn)}/index/*]`,
    "Queries on the table's global secondary indexes (GSI1, GSI2 from the schema); the wildcard covers only this table's indexes.",
  );
}
