import { Stack } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  CfnResponseHeadersPolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as CloudFrontFunction,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { originVerifyHeader } from '../../../functions/src/platform/http/origin-verify';
import { appCsp } from '../../../functions/src/platform/http/security-headers';
import { paths } from '../paths';
import { acknowledgeDistributionDefaults } from './distribution-defaults';
import { HeadersPolicyLink } from './headers-policy-link';
import { headersPolicyConfig } from './security-headers';

/** Path pattern of the API behaviour; the Hono app serves everything under /api. */
export const apiPathPattern = '/api/*';

export interface AppDistributionProps {
  webBucket: IBucket;
  /** Host name of the HTTP API's execute-api endpoint. */
  apiDomainName: string;
  /** Origins the browser calls besides the app itself (Cognito endpoints). */
  connectOrigins: string[];
  accessLogs: IBucket;
  /** Sent to the API as `x-origin-verify`, so the API can refuse calls that bypass CloudFront. */
  originVerifySecret: ISecret;
  webAclArn?: string;
  /** A custom domain (sibling of the content domain) with its us-east-1 certificate; without one, *.cloudfront.net. */
  domain?: { name: string; certificate: ICertificate };
}

/**
 * The app origin: the built front end from the web bucket and, under /api/*, the HTTP API.
 * One origin for both, so the browser talks to the API without CORS and tokens never cross origins.
 */
export class AppDistribution extends Construct {
  readonly distribution: Distribution;
  /** https://<id>.cloudfront.net */
  readonly origin: string;
  private readonly headers: CfnResponseHeadersPolicy;
  private readonly connectOrigins: string[];

  constructor(scope: Construct, id: string, props: AppDistributionProps) {
    super(scope, id);
    this.connectOrigins = props.connectOrigins;

    // Created with the parts CloudFormation can know up front (no content origin yet, so no
    // frames at all); completeHeaders() writes the final policy once the rest exists.
    this.headers = new CfnResponseHeadersPolicy(this, 'HeadersPolicy', {
      responseHeadersPolicyConfig: this.headersConfig({ contentOrigin: "'none'", extraConnectOrigins: [] }),
    });

    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      code: FunctionCode.fromFile({ filePath: paths.spaRewriteFunction }),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for client-side routes (paths without a file extension)',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Academy app (front end and /api)',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(props.webBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: spaRewrite }],
        compress: true,
      },
      additionalBehaviors: {
        [apiPathPattern]: {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            // A dynamic reference to the secret, resolved by CloudFormation at deploy time.
            customHeaders: { [originVerifyHeader]: props.originVerifySecret.secretValue.unsafeUnwrap() },
          }),
          // A redirect would turn a POST into a GET; an API client speaking plain HTTP has a bug to surface.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything but Host: API Gateway routes on its own host name; Authorization and Origin must pass.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.headers,
          compress: true,
        },
      },
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/app/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      ...(props.domain
        ? { domainNames: [props.domain.name], certificate: props.domain.certificate, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });
    this.origin = props.domain ? `https://${props.domain.name}` : `https://${this.distribution.distributionDomainName}`;
    acknowledgeDistributionDefaults(this.distribution, { hasWebAcl: Boolean(props.webAclArn), hasCustomDomain: Boolean(props.domain) });
  }

  /** Writes the final CSP: frames from the content origin, uploads straight to the uploads bucket. */
  completeHeaders(opts: { contentOrigin: string; uploadsOrigin: string }): void {
    new HeadersPolicyLink(this, 'HeadersPolicyLink', {
      policy: this.headers,
      config: this.headersConfig({ contentOrigin: opts.contentOrigin, extraConnectOrigins: [opts.uploadsOrigin] }),
    });
  }

  private headersConfig(opts: { contentOrigin: string; extraConnectOrigins: string[] }) {
    return headersPolicyConfig({
      name: `${Stack.of(this).stackName}-app-headers`,
      comment: 'Academy app: strict CSP, HSTS, no framing',
      contentSecurityPolicy: appCsp({
        contentOrigin: opts.contentOrigin,
        connectSrc: [...this.connectOrigins, ...opts.extraConnectOrigins],
      }),
      denyFraming: true,
    });
  }
}
