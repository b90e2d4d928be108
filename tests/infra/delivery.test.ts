import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originVerifyHeader } from '../../functions/src/platform/http/origin-verify';
import { commonSecurityHeaders, permissionsPolicy } from '../../functions/src/platform/http/security-headers';
import { apiPathPattern } from '../../infra/lib/constructs/app-distribution';
import { renderSample, resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const distribution = (prefix: 'AppDelivery' | 'ContentDelivery') =>
  resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::Distribution', prefix);
/** The distribution's main headers policy (the content distribution also has the player's: scorm-content.test.ts). */
const headersPolicy = (prefix: 'AppDelivery' | 'ContentDelivery') =>
  resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::ResponseHeadersPolicy', `${prefix}HeadersPolicy`);
const cspOf = (policy: { Properties: Record<string, any> }) =>
  renderSample(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

/** The app policy as the custom resource writes it after deployment (see HeadersPolicyLink). */
const finalAppPolicy = () => {
  const link = resourceByIdPrefix(built.templates.app, 'Custom::HeadersPolicyLink', 'AppDelivery');
  return { policyId: link.Properties.PolicyId, config: JSON.parse(renderSample(link.Properties.Config)) };
};

describe('CloudFront', () => {
  it('has exactly two distributions, app and content, in the App stack only', () => {
    for (const template of built.allTemplates) {
      const count = Object.keys(resourcesOfType(template, 'AWS::CloudFront::Distribution')).length;
      expect(count).toBe(template === built.templates.app ? 2 : 0);
    }
    distribution('AppDelivery');
    distribution('ContentDelivery');
  });

  it('reads both buckets through Origin Access Control, never an origin access identity', () => {
    for (const template of built.allTemplates) {
      expect(Object.keys(resourcesOfType(template, 'AWS::CloudFront::CloudFrontOriginAccessIdentity'))).toHaveLength(0);
    }
    const controls = resourcesOfType(built.templates.app, 'AWS::CloudFront::OriginAccessControl');
    expect(Object.keys(controls)).toHaveLength(2);
    for (const control of Object.values(controls)) {
      expect(control.Properties?.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      });
    }
    for (const prefix of ['AppDelivery', 'ContentDelivery'] as const) {
      const s3Origins = (distribution(prefix).Properties.DistributionConfig.Origins as Array<Record<string, any>>).filter((o) => o.S3OriginConfig);
      expect(s3Origins, prefix).toHaveLength(1);
      expect(s3Origins[0]!.OriginAccessControlId, prefix).toBeDefined();
      expect(s3Origins[0]!.S3OriginConfig.OriginAccessIdentity, prefix).toBe('');
    }
  });

  it('lets only the app distribution read the web bucket', () => {
    const web = resourceByIdPrefix(built.templates.app, 'AWS::S3::Bucket', 'WebBucket');
    const policy = Object.values(resourcesOfType(built.templates.app, 'AWS::S3::BucketPolicy')).find(
      (p) => p.Properties?.Bucket?.Ref === web.logicalId,
    )!;
    const grant = (policy.Properties!.PolicyDocument.Statement as Array<Record<string, any>>).find(
      (s) => s.Principal?.Service === 'cloudfront.amazonaws.com',
    )!;
    expect(grant.Action).toBe('s3:GetObject');
    expect(renderSample(grant.Condition.StringEquals['AWS:SourceArn'])).toBe(
      `arn:aws:cloudfront::123456789012:distribution/<${distribution('AppDelivery').logicalId}>`,
    );
  });

  it('logs both distributions to the access-log bucket and redirects HTTP to HTTPS', () => {
    for (const prefix of ['AppDelivery', 'ContentDelivery'] as const) {
      const config = distribution(prefix).Properties.DistributionConfig;
      expect(config.Logging.Bucket, prefix).toEqual({ 'Fn::ImportValue': 'Academy-Data-AccessLogBucketRegionalDomainName' });
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy, prefix).toBe('redirect-to-https');
    }
  });
});

describe('app distribution', () => {
  const config = () => distribution('AppDelivery').Properties.DistributionConfig;

  it('serves the web bucket by default and rewrites client-side routes with a viewer-request function', () => {
    expect(config().DefaultRootObject).toBe('index.html');
    expect(config().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: expect.anything() },
    ]);
    // No distribution-wide error pages: they would turn the API's 403/404 into index.html.
    expect(config().CustomErrorResponses).toBeUndefined();
  });

  it('routes /api/* to the HTTP API, uncached, with all viewer headers except Host, all methods', () => {
    const behaviours = config().CacheBehaviors as Array<Record<string, any>>;
    expect(behaviours).toHaveLength(1);
    const api = behaviours[0]!;
    expect(api.PathPattern).toBe(apiPathPattern);
    expect(api.PathPattern).toBe('/api/*');
    expect(api.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
    expect(api.OriginRequestPolicyId).toBe(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId);
    expect(api.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    const origin = (config().Origins as Array<Record<string, any>>).find((o) => o.Id === api.TargetOriginId)!;
    expect(renderSample(origin.DomainName)).toMatch(/^<ApiHttpApi[0-9A-F]+>\.execute-api\.eu-west-1\.amazonaws\.com$/);
    expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it('adds the origin secret to every API request, as a deploy-time reference to the generated secret', () => {
    const api = (config().CacheBehaviors as Array<Record<string, any>>)[0]!;
    const origin = (config().Origins as Array<Record<string, any>>).find((o) => o.Id === api.TargetOriginId)!;
    const secret = resourceByIdPrefix(built.templates.app, 'AWS::SecretsManager::Secret', 'OriginVerifySecret');
    expect(origin.OriginCustomHeaders).toHaveLength(1);
    expect(origin.OriginCustomHeaders[0].HeaderName).toBe(originVerifyHeader);
    expect(renderSample(origin.OriginCustomHeaders[0].HeaderValue)).toBe(`{{resolve:secretsmanager:<${secret.logicalId}>:SecretString:::}}`);
    // The web bucket origin gets nothing of it.
    const s3 = (config().Origins as Array<Record<string, any>>).find((o) => o.S3OriginConfig)!;
    expect(s3.OriginCustomHeaders).toBeUndefined();
  });

  it('sends security headers: HSTS (2 years, preload), nosniff, referrer policy, no framing', () => {
    const security = headersPolicy('AppDelivery').Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(security.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: true, Override: true });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(commonSecurityHeaders['strict-transport-security']).toBe('max-age=63072000; includeSubDomains; preload');
  });

  it('switches off powerful browser features with Permissions-Policy, on both distributions', () => {
    for (const prefix of ['AppDelivery', 'ContentDelivery'] as const) {
      const custom = headersPolicy(prefix).Properties.ResponseHeadersPolicyConfig.CustomHeadersConfig;
      expect(custom, prefix).toEqual({ Items: [{ Header: 'Permissions-Policy', Value: permissionsPolicy, Override: true }] });
    }
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissionsPolicy).toContain(`${feature}=()`);
    expect(finalAppPolicy().config.CustomHeadersConfig).toEqual({ Items: [{ Header: 'Permissions-Policy', Value: permissionsPolicy, Override: true }] });
  });

  it("loads images only from the app itself (the front end and /api/attachments): img-src 'self'", () => {
    expect(directive(cspOf(headersPolicy('AppDelivery')), 'img-src')).toBe("img-src 'self'");
    expect(directive(finalAppPolicy().config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy, 'img-src')).toBe("img-src 'self'");
  });

  it('has a strict CSP that forbids being framed', () => {
    const csp = cspOf(headersPolicy('AppDelivery'));
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'default-src')).toBe("default-src 'self'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
  });

  it('gets its final CSP after deployment: frames only from the content origin, uploads to the uploads bucket', () => {
    const { policyId, config: final } = finalAppPolicy();
    expect(policyId).toEqual({ Ref: headersPolicy('AppDelivery').logicalId });
    const csp: string = final.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(directive(csp, 'frame-src')).toBe(`frame-src https://<${distribution('ContentDelivery').logicalId}.DomainName>`);
    const uploads = resourceByIdPrefix(built.templates.app, 'AWS::S3::Bucket', 'UploadsBucket');
    const connect = directive(csp, 'connect-src')!.split(' ');
    expect(connect).toEqual([
      'connect-src',
      "'self'",
      'https://cognito-idp.eu-west-1.amazonaws.com',
      expect.stringMatching(/^https:\/\/<import:Academy-Identity:[^>]+>\.auth\.eu-west-1\.amazoncognito\.com$/),
      `https://<${uploads.logicalId}.RegionalDomainName>`,
    ]);
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    // Apart from the CSP, the final policy is the one CloudFormation created.
    const created = headersPolicy('AppDelivery').Properties.ResponseHeadersPolicyConfig;
    const { ContentSecurityPolicy: _final, ...finalRest } = final.SecurityHeadersConfig;
    const { ContentSecurityPolicy: _created, ...createdRest } = created.SecurityHeadersConfig;
    expect(finalRest).toEqual(createdRest);
    expect(final.Name).toBe(created.Name);
  });

  it('lets the link handler change only that one policy', () => {
    const statements = Object.values(resourcesOfType(built.templates.app, 'AWS::IAM::Policy'))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement as Array<Record<string, any>>)
      .filter((s) => [s.Action].flat().some((a: string) => a.startsWith('cloudfront:')));
    expect(statements).toHaveLength(1);
    expect(renderSample(statements[0]!.Resource)).toBe(
      `arn:aws:cloudfront::123456789012:response-headers-policy/<${headersPolicy('AppDelivery').logicalId}>`,
    );
  });
});

describe('content distribution', () => {
  it('may be framed only by itself and the app origin', () => {
    const csp = cspOf(headersPolicy('ContentDelivery'));
    expect(directive(csp, 'frame-ancestors')).toBe(`frame-ancestors 'self' https://<${distribution('AppDelivery').logicalId}.DomainName>`);
    const security = headersPolicy('ContentDelivery').Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(security.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    // X-Frame-Options cannot allow one other origin; it would block the app.
    expect(security.FrameOptions).toBeUndefined();
  });

  it('never passes cookies, headers or query strings to the cache key or S3', () => {
    const behaviour = distribution('ContentDelivery').Properties.DistributionConfig.DefaultCacheBehavior;
    expect(behaviour.OriginRequestPolicyId).toBeUndefined();
    const cachePolicy = resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::CachePolicy', 'ContentDelivery');
    expect(behaviour.CachePolicyId).toEqual({ Ref: cachePolicy.logicalId });
    const params = cachePolicy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin;
    expect(params.CookiesConfig).toEqual({ CookieBehavior: 'none' });
    expect(params.HeadersConfig).toEqual({ HeaderBehavior: 'none' });
    expect(params.QueryStringsConfig).toEqual({ QueryStringBehavior: 'none' });
  });

  it('reads the Data stack content bucket (its bucket policy, which names this distribution: content-bucket.test.ts)', () => {
    const origin = distribution('ContentDelivery').Properties.DistributionConfig.Origins[0];
    expect(origin.DomainName).toEqual({ 'Fn::ImportValue': 'Academy-Data-ContentBucketRegionalDomainName' });
  });
});
