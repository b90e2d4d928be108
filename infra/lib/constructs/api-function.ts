import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
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
}

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

    for (const [name, bucket] of Object.entries(props.buckets)) {
      role.addToPolicy(new PolicyStatement({ actions: objectActions, resources: [bucket.arnForObjects('*')] }));
      // ListBucket turns "missing object" into 404 instead of 403, so the API can tell the two apart.
      role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::${nagReference(this, bucket.arnForObjects('*'))}]`,
        `Object keys in the ${name} bucket are created at run time (ids, versions); the grant is limited to ` +
          'this one bucket and to get/put/delete/abort.',
      );
    }
  }
}

function acknowledgeTableIndexes(role: Role, table: ITable): void {
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::${nagReference(role, table.tableArn)}/index/*]`,
    "Queries on the table's global secondary indexes (GSI1, GSI2 from the schema); the wildcard covers only this table's indexes.",
  );
}
