import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/platform/config';
import { objectActions, partnerAccountActions, powertools, tableActions } from '../../infra/lib/constructs/api-function';
import { settingDefaults } from '../../infra/lib/settings';
import { renderSample, resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const apiFunction = () => resourceByIdPrefix(built.templates.app, 'AWS::Lambda::Function', 'ApiFunction');

describe('API function', () => {
  it('runs Node.js 22 on arm64 with 1024 MB and a 10 s timeout', () => {
    const fn = apiFunction().Properties;
    expect(fn.Runtime).toBe('nodejs22.x');
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.MemorySize).toBe(1024);
    expect(fn.Timeout).toBe(10);
    expect(fn.Handler).toBe('index.handler');
    expect(fn.LoggingConfig?.LogGroup).toBeDefined();
  });

  it('gets every variable functions/src/platform/config.ts needs, and they parse', () => {
    const variables = apiFunction().Properties.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(variables).sort()).toEqual(
      [
        'APP_MODE',
        'TABLE_NAME',
        'BUCKET_UPLOADS',
        'BUCKET_CONTENT',
        'BUCKET_ATTACHMENTS',
        'AUTH_ISSUER',
        'AUTH_AUDIENCE',
        'APP_ORIGIN',
        'CONTENT_ORIGIN',
        'ORIGIN_VERIFY_SECRET',
        'SCORM_LAUNCH_SECRET',
        'SCORM_PACKAGE_COOKIE_KEY',
        'COGNITO_USER_POOL_ID',
        'POWERTOOLS_SERVICE_NAME',
        'POWERTOOLS_METRICS_NAMESPACE',
        'NODE_OPTIONS',
      ].sort(),
    );
    // References become plausible values: a domain-like id for attributes, a plain id for the rest;
    // the origin secret is resolved by CloudFormation at deploy time (48 characters).
    const env = Object.fromEntries(
      Object.entries(variables).map(([k, v]) => [
        k,
        ['ORIGIN_VERIFY_SECRET', 'SCORM_LAUNCH_SECRET', 'SCORM_PACKAGE_COOKIE_KEY'].includes(k) ? 'x'.repeat(48) : renderSample(v, (ref) => (ref.endsWith('.DomainName') ? 'd111.cloudfront.net' : 'id123')),
      ]),
    );
    const config = loadConfig(env);
    expect(config.mode).toBe('aws');
    expect(config.auth.issuer).toBe('https://cognito-idp.eu-west-1.amazonaws.com/id123');
    expect(config.auth.jwksUrl).toBe('https://cognito-idp.eu-west-1.amazonaws.com/id123/.well-known/jwks.json');
    expect(config.appOrigin).toBe('https://d111.cloudfront.net');
    expect(config.contentOrigin).toBe('https://d111.cloudfront.net');
    expect(config.originVerifySecret).toHaveLength(48);
    expect(config.scormLaunchSecret).toHaveLength(48);
    expect(config.scormPackageCookieKey).toHaveLength(48);
    expect(variables.POWERTOOLS_SERVICE_NAME).toBe(powertools.serviceName);
  });

  it('gets the origin secret as a deploy-time reference to a generated Secrets Manager secret, never as a value', () => {
    const variables = apiFunction().Properties.Environment.Variables;
    const secret = resourceByIdPrefix(built.templates.app, 'AWS::SecretsManager::Secret', 'OriginVerifySecret');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    expect(renderSample(variables.ORIGIN_VERIFY_SECRET)).toBe(`{{resolve:secretsmanager:<${secret.logicalId}>:SecretString:::}}`);
  });

  it('has reserved concurrency from settings and active X-Ray tracing', () => {
    const fn = apiFunction().Properties;
    expect(fn.ReservedConcurrentExecutions).toBe(settingDefaults.apiReservedConcurrency);
    expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
    const custom = synthApp({ extraContext: { apiReservedConcurrency: '12' } });
    try {
      expect(resourceByIdPrefix(custom.templates.app, 'AWS::Lambda::Function', 'ApiFunction').Properties.ReservedConcurrentExecutions).toBe(12);
    } finally {
      custom.cleanup();
    }
  });

  it('points APP_ORIGIN and CONTENT_ORIGIN at the two distributions', () => {
    const variables = apiFunction().Properties.Environment.Variables;
    const app = resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::Distribution', 'AppDelivery');
    const content = resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::Distribution', 'ContentDelivery');
    expect(renderSample(variables.APP_ORIGIN)).toBe(`https://<${app.logicalId}.DomainName>`);
    expect(renderSample(variables.CONTENT_ORIGIN)).toBe(`https://<${content.logicalId}.DomainName>`);
  });

  it('has a role of its own without AWS-managed policies', () => {
    const roleId = apiFunction().Properties.Role['Fn::GetAtt'][0];
    const role = built.templates.app.toJSON().Resources[roleId];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('may only do what the API needs: items in its table, objects in its three buckets, its own logs', () => {
    const roleId = apiFunction().Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(resourcesOfType(built.templates.app, 'AWS::IAM::Policy')).filter((p) =>
      (p.Properties?.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId),
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Effect: string }>;
    const actions = statements.flatMap((s) => [s.Action].flat());
    const xray = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
    expect(new Set(actions)).toEqual(new Set([...tableActions, ...objectActions, ...partnerAccountActions, 's3:ListBucket', 's3:ListBucketVersions', 's3:DeleteObjectVersion', 'logs:CreateLogStream', 'logs:PutLogEvents', ...xray]));
    expect(actions.some((a) => a.includes('*'))).toBe(false);
    expect(actions).not.toContain('dynamodb:Scan');

    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      for (const resource of [statement.Resource].flat()) {
        const text = renderSample(resource);
        // X-Ray has no resource-level permissions: its two write actions, and nothing else, on '*'.
        if (text === '*') {
          expect([statement.Action].flat().sort(), 'only X-Ray on *').toEqual([...xray].sort());
          continue;
        }
        // The only wildcards: object keys in one bucket, and the table's indexes.
        if (text.includes('*')) expect(text).toMatch(/^<[^>]+>(\/\*|\/index\/\*)$/);
      }
    }
    const rendered = statements.flatMap((s) => [s.Resource].flat()).map((r) => renderSample(r));
    expect(rendered).toContain('<import:Academy-Data-AttachmentsBucketArn>/*');
    expect(rendered).toContain('<import:Academy-Data-TableArn>/index/*');
  });

  it('may delete every version of objects in the attachments bucket (an erasure leaves no noncurrent copy), and in no other bucket', () => {
    const roleId = apiFunction().Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(resourcesOfType(built.templates.app, 'AWS::IAM::Policy'))
      .filter((p) => (p.Properties?.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const where = (action: string) => statements.filter((s) => [s.Action].flat().includes(action)).flatMap((s) => [s.Resource].flat().map((r) => renderSample(r)));
    expect(where('s3:DeleteObjectVersion')).toEqual(['<import:Academy-Data-AttachmentsBucketArn>/*']);
    expect(where('s3:ListBucketVersions')).toEqual(['<import:Academy-Data-AttachmentsBucketArn>']);
  });

  it('may not touch objects in the content bucket: only the SCORM import writes there, with a role of its own', () => {
    const roleId = apiFunction().Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(resourcesOfType(built.templates.app, 'AWS::IAM::Policy'))
      .filter((p) => (p.Properties?.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const bucket = '<import:Academy-Data-ContentBucketArn>';
    const granted = statements.flatMap((s) =>
      [s.Resource].flat().map((r) => renderSample(r)).filter((r) => r.startsWith(bucket)).flatMap((resource) => [s.Action].flat().map((action) => `${action} ${resource}`)),
    );
    // HeadBucket (the health check) needs s3:ListBucket on the bucket itself; nothing on its objects.
    expect(granted).toEqual([`s3:ListBucket ${bucket}`]);
  });
});

describe('HTTP API', () => {
  it('sends every request to the function through a $default route', () => {
    const route = resourceByIdPrefix(built.templates.app, 'AWS::ApiGatewayV2::Route', 'Api');
    expect(route.Properties.RouteKey).toBe('$default');
    const integration = resourceByIdPrefix(built.templates.app, 'AWS::ApiGatewayV2::Integration', 'Api');
    expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    expect(renderSample(integration.Properties.IntegrationUri)).toBe(`<${apiFunction().logicalId}.Arn>`);
  });

  it('logs every request to CloudWatch and throttles runaway clients', () => {
    const stage = resourceByIdPrefix(built.templates.app, 'AWS::ApiGatewayV2::Stage', 'Api');
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 });
  });
});
