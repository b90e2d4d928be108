import { Duration, Stack } from 'aws-cdk-lib';
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
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { contentCsp } from '../../../functions/src/platform/http/security-headers';
import { acknowledge } from '../nag';
import { acknowledgeDistributionDefaults } from './distribution-defaults';
import { headersPolicyConfig } from './security-headers';

export interface ContentDistributionProps {
  /** A reference to the Data stack's content bucket (its policy already admits this account's distributions). */
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
    acknowledge(
      this.distribution,
      'Annotation::@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      "The content bucket's own policy (Data stack) grants s3:GetObject to this account's CloudFront distributions.",
    );
  }
}
