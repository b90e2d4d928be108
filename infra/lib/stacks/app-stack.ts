import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { ApiFunction } from '../constructs/api-function';
import { AppDistribution } from '../constructs/app-distribution';
import { createAppClient } from '../constructs/app-client';
import { ContentDistribution } from '../constructs/content-distribution';
import { HttpApiGateway } from '../constructs/http-api';
import { Monitoring } from '../constructs/monitoring';
import { SearchIndexer } from '../constructs/search-indexer';
import { ScormImport } from '../constructs/scorm-import';
import { createRoleBucket } from '../constructs/role-bucket';
import { exportNamed } from '../exports';
import { acknowledge } from '../nag';
import type { DataStack } from './data-stack';
import type { IdentityStack } from './identity-stack';
import type { CustomDomains } from '../settings';

export interface AppStackProps extends StackProps {
  data: DataStack;
  identity: IdentityStack;
  stackPrefix: string;
  devOrigins: string[];
  /** WAFv2 web ACL (scope CLOUDFRONT) for both distributions: the Edge stack's, or one given in context. */
  webAclArn: string;
  apiReservedConcurrency: number;
  alarmEmail?: string;
  /** Sibling subdomains of one registrable domain for app and content (settings.ts); without them, *.cloudfront.net. */
  domains?: CustomDomains;
}

/**
 * The running application: the API (function + HTTP API), the app and content CloudFront
 * distributions, the web and uploads buckets and the Cognito app client.
 *
 * These share one stack because they name each other's generated addresses: the app client's
 * callback URLs, the uploads bucket's CORS origin and the content CSP name the app distribution;
 * the function's environment names both distributions; the app distribution routes to the API.
 * In one stack CloudFormation orders them; split over stacks they would form a cycle.
 */
export class AppStack extends Stack {
  readonly webBucket: Bucket;
  readonly uploadsBucket: Bucket;
  readonly appDistribution: AppDistribution;
  readonly contentDistribution: ContentDistribution;
  readonly appClient: UserPoolClient;
  readonly api: ApiFunction;
  /** Keeps the search index in step with the articles (table stream, hourly reconciliation); its dead-letter queue is alarmed. */
  readonly searchIndexer: SearchIndexer;
  /** Imports uploaded SCORM packages (S3 event on the uploads bucket); the only writer of the content bucket. */
  readonly scormImport: ScormImport;
  readonly gateway: HttpApiGateway;
  /** Dashboard and alarms of the regional parts (API, functions, table, queues); add more with its lists. */
  readonly monitoring: Monitoring;
  /** What the Web stack writes to, as named imports (see exportNamed). */
  readonly shared: { webBucket: { bucketName: string; bucketArn: string } };

  constructor(scope: Construct, id: string, props: AppStackProps) {
    // Cross-region references: the web ACL comes from us-east-1 (Edge), the distributions' ids go there (EdgeMonitoring).
    super(scope, id, { ...props, crossRegionReferences: true });
    const { data, identity } = props;
    // Named imports rather than the Data stack's objects: using those objects here would let CDK
    // edit their policies from this stack (a cycle), and named exports keep ids stable.
    const accessLogs = Bucket.fromBucketAttributes(this, 'AccessLogBucketRef', data.shared.accessLogBucket);
    const contentBucket = Bucket.fromBucketAttributes(this, 'ContentBucketRef', data.shared.contentBucket);
    const attachmentsBucket = Bucket.fromBucketAttributes(this, 'AttachmentsBucketRef', data.shared.attachmentsBucket);
    const table = Table.fromTableAttributes(this, 'TableRef', { tableArn: data.shared.tableArn, tableStreamArn: data.shared.tableStreamArn, grantIndexPermissions: true });

    this.webBucket = createRoleBucket(this, { role: 'web', accessLogs });
    const gateway = new HttpApiGateway(this, 'Api');
    this.gateway = gateway;

    // CloudFront sends this to the API on every /api request; requests without it did not come
    // through CloudFront (and its WAF) and are refused by the API (platform/http/origin-verify.ts).
    const originVerifySecret = new Secret(this, 'OriginVerifySecret', {
      description: 'Shared secret CloudFront adds to API requests (x-origin-verify); rotate by a new value and a deploy',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    acknowledge(
      originVerifySecret,
      'AwsSolutions-SMG4',
      'Not a credential to a system but a marker CloudFront adds to origin requests; CloudFront and the function read it at deploy ' +
        'time, so rotation is a new value plus a deploy (docs/operations.md), not a rotation Lambda.',
    );

    // SCORM: launch tokens (API only) and the package cookie (API and the content distribution's
    // viewer-request function). Generated, never in code or template; rotation as for the origin secret.
    const scormLaunchSecret = new Secret(this, 'ScormLaunchSecret', {
      description: 'Signs SCORM launch tokens (HS256, SCORM_LAUNCH_SECRET of the API); rotate by a new value and a deploy',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const packageCookieSecret = new Secret(this, 'ScormPackageCookieSecret', {
      description: 'HMAC key of the SCORM package cookie: the API signs it, the content distribution checks it; rotate by a new value and a deploy',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    for (const secret of [scormLaunchSecret, packageCookieSecret]) {
      acknowledge(
        secret,
        'AwsSolutions-SMG4',
        'A signing key read at deploy time (function environment, CloudFront Function code), like the origin secret: ' +
          'rotation is a new value plus a deploy (docs/operations.md), not a rotation Lambda.',
      );
    }
    // One certificate (us-east-1, CloudFront's region) for both names; referenced, never created here.
    const certificate = props.domains ? Certificate.fromCertificateArn(this, 'DomainCertificate', props.domains.certificateArn) : undefined;

    this.appDistribution = new AppDistribution(this, 'AppDelivery', {
      webBucket: this.webBucket,
      apiDomainName: gateway.domainName,
      connectOrigins: [identity.cognitoApiOrigin, identity.hostedUiUrl],
      accessLogs,
      originVerifySecret,
      webAclArn: props.webAclArn,
      domain: props.domains && certificate ? { name: props.domains.app, certificate } : undefined,
    });
    const appOrigin = this.appDistribution.origin;

    this.contentDistribution = new ContentDistribution(this, 'ContentDelivery', {
      contentBucket,
      appOrigin,
      accessLogs,
      webAclArn: props.webAclArn,
      apiDomainName: gateway.domainName,
      originVerifySecret,
      packageCookieSecret,
      domain: props.domains && certificate ? { name: props.domains.content, certificate } : undefined,
    });

    this.uploadsBucket = createRoleBucket(this, {
      role: 'uploads',
      accessLogs,
      // Browsers post files straight to S3 with presigned POST from the app page.
      cors: [
        {
          allowedOrigins: [appOrigin],
          allowedMethods: [HttpMethods.POST],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'Location'],
          maxAge: 3600,
        },
      ],
    });

    this.appDistribution.completeHeaders({
      contentOrigin: this.contentDistribution.origin,
      uploadsOrigin: `https://${this.uploadsBucket.bucketRegionalDomainName}`,
    });

    this.appClient = createAppClient(this, 'AppClient', {
      userPool: identity.userPool,
      appOrigin,
      devOrigins: props.devOrigins,
    });

    this.api = new ApiFunction(this, 'ApiFunction', {
      table,
      tableName: data.shared.tableName,
      buckets: { uploads: this.uploadsBucket, content: contentBucket, attachments: attachmentsBucket },
      authIssuer: identity.issuerUrl,
      authAudience: this.appClient.userPoolClientId,
      appOrigin,
      contentOrigin: this.contentDistribution.origin,
      originVerifySecret,
      scormLaunchSecret,
      packageCookieSecret,
      reservedConcurrency: props.apiReservedConcurrency,
      userPool: identity.userPool,
    });
    gateway.routeAllTo(this.api.function);
    this.searchIndexer = new SearchIndexer(this, 'SearchIndexer', { table, tableName: data.shared.tableName, attachmentsBucket });
    this.scormImport = new ScormImport(this, 'ScormImport', { table, tableName: data.shared.tableName, uploadsBucket: this.uploadsBucket, contentBucket });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      name: props.stackPrefix,
      alarmEmail: props.alarmEmail,
      httpApi: gateway.httpApi,
      functions: [this.api.function, this.searchIndexer.function, this.scormImport.function],
      table,
      deadLetterQueues: [this.searchIndexer.deadLetterQueue, this.scormImport.deadLetterQueue],
    });

    this.shared = {
      webBucket: {
        bucketName: exportNamed(this, 'WebBucketName', this.webBucket.bucketName),
        bucketArn: exportNamed(this, 'WebBucketArn', this.webBucket.bucketArn),
      },
    };

    new CfnOutput(this, 'AppUrl', { value: appOrigin, description: 'The academy (front end and /api)' });
    new CfnOutput(this, 'ContentUrl', { value: this.contentDistribution.origin, description: 'SCORM content origin' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.appClient.userPoolClientId });
    if (props.domains) {
      // DNS is the operator's (the zone may live anywhere): CNAME (or Route 53 alias) each name to its distribution.
      new CfnOutput(this, 'AppDnsTarget', { value: this.appDistribution.distribution.distributionDomainName, description: `CNAME target for ${props.domains.app}` });
      new CfnOutput(this, 'ContentDnsTarget', { value: this.contentDistribution.distribution.distributionDomainName, description: `CNAME target for ${props.domains.content}` });
    }
  }
}
