import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Bucket, HttpMethods } from 'aws-cdk-lib/aws-s3';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { ApiFunction } from '../constructs/api-function';
import { AppDistribution } from '../constructs/app-distribution';
import { createAppClient } from '../constructs/app-client';
import { ContentDistribution } from '../constructs/content-distribution';
import { HttpApiGateway } from '../constructs/http-api';
import { createRoleBucket } from '../constructs/role-bucket';
import type { DataStack } from './data-stack';
import type { IdentityStack } from './identity-stack';

export interface AppStackProps extends StackProps {
  data: DataStack;
  identity: IdentityStack;
  devOrigins: string[];
  webAclArn?: string;
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

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { data, identity } = props;
    const accessLogs = data.accessLogBucket;

    this.webBucket = createRoleBucket(this, { role: 'web', accessLogs });
    const gateway = new HttpApiGateway(this, 'Api');

    this.appDistribution = new AppDistribution(this, 'AppDelivery', {
      webBucket: this.webBucket,
      apiDomainName: gateway.domainName,
      connectOrigins: [`https://cognito-idp.${this.region}.amazonaws.com`, identity.hostedUiUrl],
      accessLogs,
      webAclArn: props.webAclArn,
    });
    const appOrigin = this.appDistribution.origin;

    this.contentDistribution = new ContentDistribution(this, 'ContentDelivery', {
      // A reference, not the bucket object: granting by object would edit the Data stack's
      // bucket policy with this stack's distribution id and tie the two stacks in a cycle.
      contentBucket: Bucket.fromBucketAttributes(this, 'ContentBucketRef', {
        bucketArn: data.contentBucket.bucketArn,
        bucketRegionalDomainName: data.contentBucket.bucketRegionalDomainName,
      }),
      appOrigin,
      accessLogs,
      webAclArn: props.webAclArn,
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
      table: data.table,
      buckets: { uploads: this.uploadsBucket, content: data.contentBucket, attachments: data.attachmentsBucket },
      authIssuer: identity.userPool.userPoolProviderUrl,
      authAudience: this.appClient.userPoolClientId,
      appOrigin,
      contentOrigin: this.contentDistribution.origin,
    });
    gateway.routeAllTo(this.api.function);

    new CfnOutput(this, 'AppUrl', { value: appOrigin, description: 'The academy (front end and /api)' });
    new CfnOutput(this, 'ContentUrl', { value: this.contentDistribution.origin, description: 'SCORM content origin' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.appClient.userPoolClientId });
  }
}
