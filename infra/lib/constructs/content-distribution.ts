import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
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
import { BucketPolicy, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { originVerifyHeader } from '../../../functions/src/platform/http/origin-verify';
import { contentCsp } from '../../../functions/src/platform/http/security-headers';
import { cloudFrontVerifierSource } from '../../../functions/src/scorm/player/package-cookie';
import { launchCookiePath } from '../../../functions/src/scorm/attempts/launch-cookie-route';
import { paths } from '../paths';
import { acknowledgeDistributionDefaults } from './distribution-defaults';
import { denyInsecureTransport } from './role-bucket';
import { headersPolicyConfig } from './security-headers';

/** Path patterns of the content distribution (see functions/docs/scorm.md, "Player"). */
export const contentPaths = {
  /** The SCORM runtime API, same-origin for the player. */
  runtime: '/api/scorm/runtime/*',
  /** The player's request for the package cookie: the API's `POST /api/scorm/runtime/launch-cookie`. */
  launchCookie: launchCookiePath,
  /** API path the launch-cookie behaviour's origin path leads to (origin path + viewer path). */
  launchCookieOriginPath: '/api/scorm/runtime',
  /** Extracted packages (written by the SCORM import only), gated by the package cookie. */
  packages: '/packages/*',
  /** The player build (web/player/dist), deployed by the Web stack under `player/`. */
  player: '/player/*',
} as const;

/** Object key prefix of the player build in the content bucket. */
export const playerKeyPrefix = 'player/';

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
  /** Host name of the HTTP API's execute-api endpoint (the runtime API and the launch cookie). */
  apiDomainName: string;
  /** Sent to the API as `x-origin-verify`, as by the app distribution. */
  originVerifySecret: ISecret;
  /** HMAC key of the package cookie: written into the viewer-request function at deploy time; the API signs with the same value. */
  packageCookieSecret: ISecret;
  /** A custom domain (sibling of the app's) with its us-east-1 certificate; without one, *.cloudfront.net. */
  domain?: { name: string; certificate: ICertificate };
}

/**
 * The untrusted origin: extracted SCORM packages and the player page that iframes them. A
 * domain of its own, so package script can never read the app's storage or act as the learner.
 *
 * Behaviours (functions/docs/scorm.md, "Player"; the local twin is functions/src/local/content-origin.ts):
 * - `/api/scorm/runtime/*` and `/launch-cookie` → the HTTP API (origin secret header, not cached,
 *   every viewer header but Host, so `Authorization: Launch …` and `?token=` arrive);
 * - `/player/*` → the player build in the content bucket, under the strict player CSP;
 * - `/packages/*` and everything else → the content bucket, only through the viewer-request
 *   function that checks the package cookie for the requested version's prefix (403 otherwise).
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

    // The player: scorm-again and the frame around the SCO. Strict CSP, no inline script.
    const playerHeaders = new CfnResponseHeadersPolicy(this, 'PlayerHeadersPolicy', {
      responseHeadersPolicyConfig: headersPolicyConfig({
        name: `${Stack.of(this).stackName}-player-headers`,
        comment: 'SCORM player: own scripts only; framed only by the app',
        contentSecurityPolicy: contentCsp({ appOrigin: props.appOrigin, page: 'player' }),
        denyFraming: false,
      }),
    });

    // Package files answer 403 unless the request carries the package cookie for exactly the
    // requested version's prefix. The key is written into the code from a Secrets Manager secret
    // by CloudFormation (a dynamic reference): in neither the repository nor the template.
    const packageGate = new CloudFrontFunction(this, 'PackageGate', {
      code: FunctionCode.fromInline(cloudFrontVerifierSource({ embeddedKey: props.packageCookieSecret.secretValue.unsafeUnwrap() })),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'SCORM packages: only with the package cookie for the requested version (issued by the API on /launch-cookie)',
    });
    const playerIndex = new CloudFrontFunction(this, 'PlayerIndex', {
      code: FunctionCode.fromFile({ filePath: paths.playerIndexFunction }),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for /player/ (S3 behind OAC has no index documents)',
    });

    const bucketOrigin = S3BucketOrigin.withOriginAccessControl(props.contentBucket);
    const gatedFiles: BehaviorOptions = {
      origin: bucketOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy,
      responseHeadersPolicy: headers,
      functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: packageGate }],
      compress: true,
    };
    const apiOrigin = (originPath?: string) =>
      new HttpOrigin(props.apiDomainName, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        customHeaders: { [originVerifyHeader]: props.originVerifySecret.secretValue.unsafeUnwrap() },
        ...(originPath ? { originPath } : {}),
      });
    const api = (originPath?: string): BehaviorOptions => ({
      origin: apiOrigin(originPath),
      // A redirect would turn a POST (a commit) into a GET.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      // GET (runtime), POST (commits, the cookie), OPTIONS; CloudFront offers no set with POST but without PUT/PATCH/DELETE (the API answers those 404).
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Authorization (Launch token), the query string (?token= of the beacon commit) and the body type pass; Host does not.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: playerHeaders,
      compress: true,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Academy SCORM content (separate origin)',
      // Anything not listed below is treated as a package file: nothing in the bucket is readable
      // without the cookie (a path that merely looks different, e.g. percent-encoded, gains nothing).
      defaultBehavior: gatedFiles,
      additionalBehaviors: {
        [contentPaths.runtime]: api(),
        [contentPaths.launchCookie]: api(contentPaths.launchCookieOriginPath),
        [contentPaths.player]: {
          origin: bucketOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy,
          responseHeadersPolicy: playerHeaders,
          functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: playerIndex }],
          compress: true,
        },
        [contentPaths.packages]: gatedFiles,
      },
      ...(props.domain
        ? { domainNames: [props.domain.name], certificate: props.domain.certificate, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/content/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
    });
    this.origin = props.domain ? `https://${props.domain.name}` : `https://${this.distribution.distributionDomainName}`;
    acknowledgeDistributionDefaults(this.distribution, { hasWebAcl: Boolean(props.webAclArn), hasCustomDomain: Boolean(props.domain) });
  }
}
