import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  CfnResponseHeadersPolicy,
  Distribution,
  HttpVersion,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BucketPolicy, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { contentCsp } from '../../../functions/src/platform/http/security-headers';
import { acknowledgeDistributionDefaults } from './distribution-defaults';
import { denyInsecureTransport } from './role-bucket';
import { headersPolicyConfig } from './security-headers';

export interface ContentDistributionProps {
  /**
   * A reference to the Data stack's content bucket, created there without a bucket policy: this
   * construct writes its one policy (TLS-only deny, read access for this distribution only).
   */
  contentBucket: IBucket;
  /** https origin of the app distribution, the only other origin allowed to frame this one. */
  appOrigin: string;
  accessLogs: IBucket;
  webAclArn?: string;
}

/**
 * The untrusted origin: extracted SCORM packages and the player page that iframes them. A
 * domain of its own, so package script can never read the app's storage or act as the learner.
 */
export class ContentDistribution extends Construct {
  readonly distribution: Distribution;
  /** https://<id>.cloudfront.net */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: ContentDistributionProps) {
    super(scope, id);

    const headers = new CfnResponseHeadersPolicy(this, 'HeadersPolicy', {
      responseHeadersPolicyConfig: headersPolicyConfig({
        name: `${Stack.of(this).stackName}-content-headers`,
        comment: 'SCORM content: only the app (and this origin itself) may frame it',
        contentSecurityPolicy: contentCsp({ appOrigin: props.appOrigin }),
        // X-Frame-Options cannot name an allowed origin; frame-ancestors in the CSP does.
        denyFraming: false,
      }),
    });

    // Nothing from the viewer reaches the cache key or S3: no cookies, no Authorization, no query.
    const cachePolicy = new CachePolicy(this, 'CachePolicy', {
      comment: 'SCORM content: no cookies, headers or query strings',
      cookieBehavior: CacheCookieBehavior.none(),
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(1),
      maxTtl: Duration.days(365),
    });

    // The content bucket's one bucket policy. It lives here because it names this distribution
    // (OAC, AWS:SourceArn = this distribution's ARN): in the Data stack that name would tie the
    // stacks in a cycle. Attached to the reference before the origin is made, so
    // S3BucketOrigin.withOriginAccessControl adds its grant for exactly this distribution.
    // Removal: Delete, so the App stack can be destroyed and created again (a retained policy would
    // make the next create fail with "bucket policy already exists").
    if (props.contentBucket.policy) throw new Error('The content bucket already has a bucket policy; S3 keeps one per bucket');
    const bucketPolicy = new BucketPolicy(this, 'ContentBucketPolicy', {
      bucket: props.contentBucket,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    bucketPolicy.document.addStatements(denyInsecureTransport(props.contentBucket));
    props.contentBucket.policy = bucketPolicy;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Academy SCORM content (separate origin)',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(props.contentBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy,
        responseHeadersPolicy: headers,
        compress: true,
      },
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/content/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    acknowledgeDistributionDefaults(this.distribution, { hasWebAcl: Boolean(props.webAclArn) });
  }
}
