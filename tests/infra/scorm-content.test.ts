import * as nodeCrypto from 'node:crypto';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentCsp } from '../../functions/src/platform/http/security-headers';
import { packageSetCookie } from '../../functions/src/scorm/player/package-cookie';
import { readSettings, SetupError } from '../../infra/lib/settings';
import { renderSample, resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

/**
 * The SCORM content origin in AWS (functions/docs/scorm.md, "Player"): the content distribution's
 * behaviours, the package gate, the player and its deployment, the secrets the API signs with,
 * custom domains, and the lifecycle of spilled SCORM state.
 */

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const app = () => built.templates.app;
type Behaviour = Record<string, any>;
const distribution = (prefix: 'AppDelivery' | 'ContentDelivery', b = built) => resourceByIdPrefix(b.templates.app, 'AWS::CloudFront::Distribution', prefix);
const config = (prefix: 'AppDelivery' | 'ContentDelivery', b = built) => distribution(prefix, b).Properties.DistributionConfig as Record<string, any>;
const behaviour = (pattern: string, prefix: 'AppDelivery' | 'ContentDelivery' = 'ContentDelivery'): Behaviour => {
  const found = (config(prefix).CacheBehaviors as Behaviour[] | undefined)?.find((b) => b.PathPattern === pattern);
  expect(found, `${prefix} has a behaviour for ${pattern}`).toBeDefined();
  return found!;
};
const originOf = (b: Behaviour, prefix: 'AppDelivery' | 'ContentDelivery' = 'ContentDelivery') =>
  (config(prefix).Origins as Array<Record<string, any>>).find((o) => o.Id === b.TargetOriginId)!;
const headersPolicyCsp = (b: Behaviour) => {
  const id = b.ResponseHeadersPolicyId?.Ref as string;
  const policy = resourcesOfType(app(), 'AWS::CloudFront::ResponseHeadersPolicy')[id];
  expect(policy, 'a response headers policy of this stack').toBeDefined();
  return renderSample(policy!.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
};
const appOrigin = () => `https://<${distribution('AppDelivery').logicalId}.DomainName>`;
const secrets = () => resourcesOfType(app(), 'AWS::SecretsManager::Secret');
/** The logical id of the generated secret a `{{resolve:secretsmanager:…}}` value names; fails on anything else. */
function secretBehind(value: unknown): string {
  const rendered = renderSample(value);
  const m = /^\{\{resolve:secretsmanager:<([A-Za-z0-9]+)>:SecretString:::\}\}$/.exec(rendered);
  expect(m, `a dynamic reference, not a literal: ${rendered.slice(0, 40)}…`).not.toBeNull();
  const secret = secrets()[m![1]!];
  expect(secret?.Properties?.GenerateSecretString, `${m![1]} is a generated secret`).toBeDefined();
  return m![1]!;
}
const apiEnv = (b = built) => resourceByIdPrefix(b.templates.app, 'AWS::Lambda::Function', 'ApiFunction').Properties.Environment.Variables as Record<string, unknown>;

describe('launch and package-cookie secrets', () => {
  it('gives the API SCORM_LAUNCH_SECRET and SCORM_PACKAGE_COOKIE_KEY from generated secrets, never literals, each its own', () => {
    const launch = secretBehind(apiEnv().SCORM_LAUNCH_SECRET);
    const cookie = secretBehind(apiEnv().SCORM_PACKAGE_COOKIE_KEY);
    const originVerify = secretBehind(apiEnv().ORIGIN_VERIFY_SECRET);
    expect(new Set([launch, cookie, originVerify]).size).toBe(3);
    for (const id of [launch, cookie]) expect(secrets()[id]!.Properties!.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
  });
});

describe('content distribution behaviours', () => {
  it('sends /api/scorm/runtime/* to the HTTP API with the origin secret, uncached, with Authorization and the query string', () => {
    const runtime = behaviour('/api/scorm/runtime/*');
    const appApi = behaviour('/api/*', 'AppDelivery');
    const origin = originOf(runtime);
    // The same execute-api endpoint as the app's /api/*, HTTPS only.
    expect(origin.DomainName).toEqual(originOf(appApi, 'AppDelivery').DomainName);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(origin.OriginPath ?? '').toBe('');
    const header = (origin.OriginCustomHeaders as Array<{ HeaderName: string; HeaderValue: unknown }>).find((h) => h.HeaderName === 'x-origin-verify');
    expect(secretBehind(header?.HeaderValue)).toBe(secretBehind(apiEnv().ORIGIN_VERIFY_SECRET));
    // CachingDisabled and AllViewerExceptHostHeader (Authorization: Launch …, ?token= of the beacon), as the app's /api/*.
    expect(runtime.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(runtime.CachePolicyId).toEqual(appApi.CachePolicyId);
    expect(runtime.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(runtime.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'OPTIONS']));
    expect(runtime.ViewerProtocolPolicy).toBe('https-only');
    expect(runtime.FunctionAssociations ?? []).toEqual([]);
  });

  it('sends POST /launch-cookie to the API route that issues the package cookie (origin path /api/scorm/runtime)', () => {
    const cookie = behaviour('/launch-cookie');
    const origin = originOf(cookie);
    expect(origin.DomainName).toEqual(originOf(behaviour('/api/scorm/runtime/*')).DomainName);
    // CloudFront puts the origin path in front: /launch-cookie → /api/scorm/runtime/launch-cookie.
    expect(origin.OriginPath).toBe('/api/scorm/runtime');
    expect(secretBehind((origin.OriginCustomHeaders as Array<{ HeaderName: string; HeaderValue: unknown }>).find((h) => h.HeaderName === 'x-origin-verify')?.HeaderValue)).toBe(
      secretBehind(apiEnv().ORIGIN_VERIFY_SECRET),
    );
    expect(cookie.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(cookie.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(cookie.AllowedMethods).toContain('POST');
    expect(cookie.ViewerProtocolPolicy).toBe('https-only');
  });

  it('serves /packages/* and every unlisted path from the content bucket only through the package-cookie function, under the package CSP', () => {
    const packages = behaviour('/packages/*');
    const fallback = config('ContentDelivery').DefaultCacheBehavior as Behaviour;
    for (const b of [packages, fallback]) {
      expect(originOf(b).S3OriginConfig).toBeDefined();
      expect(originOf(b).OriginAccessControlId).toBeDefined();
      expect(b.FunctionAssociations).toHaveLength(1);
      expect(b.FunctionAssociations[0].EventType).toBe('viewer-request');
      expect(b.FunctionAssociations[0].FunctionARN['Fn::GetAtt'][0]).toMatch(/^ContentDeliveryPackageGate/);
      expect(headersPolicyCsp(b)).toBe(contentCsp({ appOrigin: appOrigin() }));
    }
  });

  it('gates with a cloudfront-js-2.0 function whose key is the API cookie secret: it admits the API cookie for its own prefix only', async () => {
    const fn = resourceByIdPrefix(app(), 'AWS::CloudFront::Function', 'ContentDeliveryPackageGate').Properties;
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.AutoPublish).toBe(true);
    const rendered = renderSample(fn.FunctionCode);
    const ref = /\{\{resolve:secretsmanager:<([A-Za-z0-9]+)>:SecretString:::\}\}/.exec(rendered);
    expect(ref?.[1], 'the key is a dynamic reference in the code').toBe(secretBehind(apiEnv().SCORM_PACKAGE_COOKIE_KEY));
    expect(rendered.length).toBeLessThan(10_240); // CloudFront Functions: 10 KB of code

    // Run the deployed code (key substituted) against cookies made as the API makes them.
    const key = 'k'.repeat(48);
    const source = rendered.replace(ref![0], key).replace("import crypto from 'crypto';", '');
    expect(source).not.toMatch(/^import /m);
    const handler = new Function('crypto', `${source}\nreturn handler;`)(nodeCrypto) as (e: unknown) => Promise<Record<string, any>>;
    const now = Math.floor(Date.now() / 1000);
    const prefix = '/packages/mod1/imp1/';
    const cookieFor = (k: string, p: string, expiry = now + 600) => packageSetCookie(k, p, expiry, { secure: true, now }).split(';')[0]!.split('=')[1]!;
    const ask = (uri: string, value?: string) => handler({ request: { uri, cookies: value ? { scorm_pkg: { value } } : {} } });
    const passed = await ask(`${prefix}shared/launchpage.html`, cookieFor(key, prefix));
    expect(passed.uri).toBe(`${prefix}shared/launchpage.html`);
    expect(passed.cookies.scorm_pkg).toBeUndefined(); // not forwarded to S3
    expect((await ask('/packages/mod1/imp2/index.html', cookieFor(key, prefix))).statusCode).toBe(403);
    expect((await ask(`${prefix}x.html`, cookieFor('x'.repeat(48), prefix))).statusCode).toBe(403);
    expect((await ask(`${prefix}x.html`, cookieFor(key, prefix, now - 1))).statusCode).toBe(403);
    expect((await ask(`${prefix}x.html`)).statusCode).toBe(403);
    expect((await ask('/%70ackages/mod1/imp1/x.html', cookieFor(key, prefix))).statusCode).toBe(403);
    expect((await ask('/index.html')).statusCode).toBe(403);
  });

  it('serves /player/* from the content bucket with the strict player CSP and index.html for /player/', () => {
    const player = behaviour('/player/*');
    const origin = originOf(player);
    expect(origin.S3OriginConfig).toBeDefined();
    expect(origin.DomainName).toEqual({ 'Fn::ImportValue': 'Academy-Data-ContentBucketRegionalDomainName' });
    expect(headersPolicyCsp(player)).toBe(contentCsp({ appOrigin: appOrigin(), page: 'player' }));
    expect(headersPolicyCsp(player)).not.toContain('unsafe');
    expect(player.FunctionAssociations).toHaveLength(1);
    const fn = resourcesOfType(app(), 'AWS::CloudFront::Function')[player.FunctionAssociations[0].FunctionARN['Fn::GetAtt'][0]]!;
    const index = new Function(`${fn.Properties!.FunctionCode}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    expect(index({ request: { uri: '/player/' } }).uri).toBe('/player/index.html');
    expect(index({ request: { uri: '/player/assets/main-abc123.js' } }).uri).toBe('/player/assets/main-abc123.js');
  });

  it('deploys the player build to player/ in the content bucket, invalidates /player/*, and keeps the deployment out of packages/', () => {
    const deployments = Object.values(resourcesOfType(built.templates.web, 'Custom::CDKBucketDeployment')).filter((d) => d.Properties!.DestinationBucketKeyPrefix === 'player/');
    expect(deployments.length).toBeGreaterThanOrEqual(1);
    for (const d of deployments) expect(d.Properties!.DestinationBucketName).toEqual({ 'Fn::ImportValue': 'Academy-Data-ContentBucketName' });
    const invalidating = deployments.filter((d) => d.Properties!.DistributionPaths);
    expect(invalidating).toHaveLength(1);
    expect(invalidating[0]!.Properties!.DistributionPaths).toEqual(['/player/*']);
    expect(invalidating[0]!.Properties!.Prune).toBe(true);
    const denies = Object.values(resourcesOfType(built.templates.web, 'AWS::IAM::Policy')).flatMap((p) =>
      (p.Properties!.PolicyDocument.Statement as Array<Record<string, any>>).filter((s) => s.Effect === 'Deny'),
    );
    expect(denies.map((s) => [s.Action, renderSample(s.Resource)])).toContainEqual([
      expect.arrayContaining(['s3:PutObject*', 's3:DeleteObject*']),
      '<import:Academy-Data-ContentBucketArn>/packages/*',
    ]);
  });
});

describe('spilled SCORM state', () => {
  it('drops superseded scorm-state/ versions after a day and never expires current state', () => {
    const [, bucket] = Object.entries(resourcesOfType(built.templates.data, 'AWS::S3::Bucket')).find(([id]) => id.startsWith('AttachmentsBucket'))!;
    const rules = bucket.Properties!.LifecycleConfiguration.Rules as Array<Record<string, any>>;
    const state = rules.filter((r) => r.Prefix === 'scorm-state/');
    expect(state).toHaveLength(1);
    expect(state[0]).toMatchObject({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 1 }, ExpiredObjectDeleteMarker: true });
    expect(state[0]!.ExpirationInDays).toBeUndefined();
    // No rule anywhere expires current objects of the attachments bucket.
    expect(rules.filter((r) => r.ExpirationInDays !== undefined || r.ExpirationDate !== undefined)).toEqual([]);
  });
});

describe('same-site custom domains', () => {
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab';
  const settings = (context: Record<string, unknown>) => readSettings(new App({ context }).node, {});

  it('accepts sibling subdomains of one registrable domain, and refuses everything else', () => {
    expect(settings({ appDomain: 'academie.ggz-voorbeeld.nl', contentDomain: 'inhoud.ggz-voorbeeld.nl', certificateArn }).domains).toEqual({
      app: 'academie.ggz-voorbeeld.nl',
      content: 'inhoud.ggz-voorbeeld.nl',
      certificateArn,
      site: 'ggz-voorbeeld.nl',
    });
    expect(settings({ appDomain: 'app.academie.example.co.uk', contentDomain: 'inhoud.academie.example.co.uk', certificateArn }).domains?.site).toBe('example.co.uk');
    expect(settings({}).domains).toBeUndefined();
    const refused = [
      { appDomain: 'academie.ggz-voorbeeld.nl', contentDomain: 'inhoud.ggz-scorm.nl', certificateArn }, // two sites
      { appDomain: 'academie.ggz.co.uk', contentDomain: 'inhoud.other.co.uk', certificateArn }, // two sites under co.uk
      { appDomain: 'ggz-voorbeeld.nl', contentDomain: 'inhoud.ggz-voorbeeld.nl', certificateArn }, // apex
      { appDomain: 'academie.ggz-voorbeeld.nl', contentDomain: 'academie.ggz-voorbeeld.nl', certificateArn }, // same origin
      { appDomain: 'academie.ggz-voorbeeld.nl', contentDomain: 'inhoud.academie.ggz-voorbeeld.nl', certificateArn }, // nested
      { appDomain: 'academie.ggz-voorbeeld.nl', contentDomain: 'inhoud.ggz-voorbeeld.nl' }, // no certificate
      { appDomain: 'academie.ggz-voorbeeld.nl', contentDomain: 'inhoud.ggz-voorbeeld.nl', certificateArn: certificateArn.replace('us-east-1', 'eu-west-1') },
      { appDomain: 'https://academie.ggz-voorbeeld.nl', contentDomain: 'inhoud.ggz-voorbeeld.nl', certificateArn },
    ];
    for (const context of refused) expect(() => settings(context), JSON.stringify(context)).toThrow(SetupError);
  });

  it('puts both distributions on their names (TLSv1.2_2021) and uses them as the origins everywhere', () => {
    const custom = synthApp({ extraContext: { appDomain: 'academie.ggz-voorbeeld.nl', contentDomain: 'inhoud.ggz-voorbeeld.nl', certificateArn } });
    try {
      for (const [prefix, name] of [['AppDelivery', 'academie.ggz-voorbeeld.nl'], ['ContentDelivery', 'inhoud.ggz-voorbeeld.nl']] as const) {
        const c = config(prefix, custom);
        expect(c.Aliases).toEqual([name]);
        expect(c.ViewerCertificate).toMatchObject({ AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
      }
      const env = apiEnv(custom);
      expect(env.APP_ORIGIN).toBe('https://academie.ggz-voorbeeld.nl');
      expect(env.CONTENT_ORIGIN).toBe('https://inhoud.ggz-voorbeeld.nl');
      const csp = Object.values(resourcesOfType(custom.templates.app, 'AWS::CloudFront::ResponseHeadersPolicy'))
        .map((p) => renderSample(p.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy))
        .filter((v) => v.includes("script-src 'self';"));
      expect(csp).toContain(contentCsp({ appOrigin: 'https://academie.ggz-voorbeeld.nl', page: 'player' }));
    } finally {
      custom.cleanup();
    }
  }, 120_000);
});
