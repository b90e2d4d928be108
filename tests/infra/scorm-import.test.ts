import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scormImportSettings, scormImportTableActions } from '../../infra/lib/constructs/scorm-import';
import { packagesPrefix, scormUploadsPrefix } from '../../functions/src/scorm/domain/locations';
import { renderSample, resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const app = () => built.templates.app;
const importer = () => resourceByIdPrefix(app(), 'AWS::Lambda::Function', 'ScormImportFunction');
const queue = () => resourceByIdPrefix(app(), 'AWS::SQS::Queue', 'ScormImportImportDeadLetters');
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
const statementsOfRole = (roleLogicalId: string) =>
  Object.values(resourcesOfType(app(), 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties?.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleLogicalId))
    .flatMap((p) => p.Properties!.PolicyDocument.Statement as Statement[]);
const grants = (statements: Statement[]) =>
  statements.flatMap((s) => [s.Resource].flat().flatMap((r) => [s.Action].flat().map((a) => `${a} ${renderSample(r)}`)));
const contentBucket = '<import:Academy-Data-ContentBucketArn>';

describe('SCORM import (App stack)', () => {
  it('is its own function on the scorm-import entry, with what it needs in its environment only', () => {
    const fn = importer().Properties;
    expect(fn.Runtime).toBe('nodejs22.x');
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.Handler).toBe('index.handler');
    expect(fn.Timeout).toBe(scormImportSettings.timeout.toSeconds());
    expect(fn.MemorySize).toBe(scormImportSettings.memorySize);
    expect(Object.keys(fn.Environment.Variables).sort()).toEqual(['APP_MODE', 'BUCKET_CONTENT', 'BUCKET_UPLOADS', 'NODE_OPTIONS', 'STORE_TIMEOUT_MS', 'TABLE_NAME']);
  });

  it('is started by the uploads bucket for queued packages only', () => {
    const notifications = Object.values(resourcesOfType(app(), 'Custom::S3BucketNotifications'));
    expect(notifications).toHaveLength(1);
    const config = notifications[0]!.Properties!.NotificationConfiguration as { LambdaFunctionConfigurations: Array<Record<string, any>> };
    expect(renderSample(notifications[0]!.Properties!.BucketName)).toMatch(/^<UploadsBucket/);
    expect(config.LambdaFunctionConfigurations).toHaveLength(1);
    const [c] = config.LambdaFunctionConfigurations;
    expect(c!.Events).toEqual(['s3:ObjectCreated:*']);
    expect(renderSample(c!.LambdaFunctionArn)).toBe(`<${importer().logicalId}.Arn>`);
    expect(c!.Filter.Key.FilterRules).toEqual(expect.arrayContaining([{ Name: 'prefix', Value: scormUploadsPrefix }, { Name: 'suffix', Value: '.zip' }]));
    // Only S3, from this account's uploads bucket, may invoke it.
    const permissions = Object.values(resourcesOfType(app(), 'AWS::Lambda::Permission')).filter((p) => renderSample(p.Properties!.FunctionName) === `<${importer().logicalId}.Arn>`);
    expect(permissions).toHaveLength(1);
    expect(permissions[0]!.Properties).toMatchObject({ Principal: 's3.amazonaws.com', Action: 'lambda:InvokeFunction' });
    expect(renderSample(permissions[0]!.Properties!.SourceArn)).toMatch(/^<UploadsBucket.*\.Arn>$/);
  });

  it('retries a failed invocation a bounded number of times, then reports it to an encrypted dead-letter queue that is alarmed', () => {
    const invokeConfig = resourceByIdPrefix(app(), 'AWS::Lambda::EventInvokeConfig', 'ScormImportFunction').Properties;
    expect(invokeConfig.MaximumRetryAttempts).toBe(scormImportSettings.retryAttempts);
    expect(invokeConfig.MaximumEventAgeInSeconds).toBe(scormImportSettings.maxEventAge.toSeconds());
    expect(invokeConfig.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queue().logicalId, 'Arn'] });
    expect(queue().Properties.SqsManagedSseEnabled).toBe(true);
    const alarms = Object.values(resourcesOfType(app(), 'AWS::CloudWatch::Alarm')).filter((a) => JSON.stringify(a.Properties!.Dimensions ?? []).includes(queue().logicalId));
    expect(alarms.length).toBeGreaterThan(0);
    const functionAlarms = Object.values(resourcesOfType(app(), 'AWS::CloudWatch::Alarm')).filter((a) => JSON.stringify(a.Properties!.Dimensions ?? []).includes(importer().logicalId));
    expect(functionAlarms.length).toBeGreaterThan(0);
  });

  it('reads and removes queued packages, writes only under packages/ in the content bucket, and touches only items of the table', () => {
    const roleId = importer().Properties.Role['Fn::GetAtt'][0];
    const statements = statementsOfRole(roleId);
    for (const s of statements) expect(s.Effect).toBe('Allow');
    const granted = grants(statements);
    const uploads = granted.filter((g) => g.includes('<UploadsBucket'));
    expect(uploads.sort()).toEqual([`s3:DeleteObject`, `s3:GetObject`].map((a) => expect.stringMatching(new RegExp(`^${a} <UploadsBucket[^>]*\\.Arn>/${scormUploadsPrefix}\\*$`))));
    const content = granted.filter((g) => g.includes(contentBucket));
    expect(content.sort()).toEqual(
      [
        `s3:AbortMultipartUpload ${contentBucket}/${packagesPrefix}*`,
        `s3:DeleteObject ${contentBucket}/${packagesPrefix}*`,
        `s3:ListBucket ${contentBucket}`,
        `s3:PutObject ${contentBucket}/${packagesPrefix}*`,
      ].sort(),
    );
    const list = statements.find((s) => [s.Action].flat().includes('s3:ListBucket'))!;
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': [`${packagesPrefix}*`] } });
    const table = granted.filter((g) => g.includes('Academy-Data-TableArn'));
    expect(table.sort()).toEqual(scormImportTableActions.map((a) => `${a} <import:Academy-Data-TableArn>`).sort());
    // Nothing else: no attachments bucket, no index, no Scan, no wildcard actions.
    expect(granted.some((g) => g.includes('Attachments'))).toBe(false);
    expect(granted.some((g) => /^[^ ]*\*/.test(g))).toBe(false);
  });

  it('is the only function that may write SCORM packages: the player deployment writes player/ at deploy time and is denied packages/', () => {
    const contentWriters = (template: BuiltApp['templates']['app']) =>
      Object.entries(resourcesOfType(template, 'AWS::IAM::Policy')).filter(([, p]) =>
        (p.Properties!.PolicyDocument.Statement as Statement[]).some(
          (s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => /^s3:(PutObject|DeleteObject|\*)/.test(a)) && [s.Resource].flat().some((r) => renderSample(r).startsWith(contentBucket)),
        ),
      );
    const writers = contentWriters(app()).map(([id]) => id);
    expect(writers.length).toBe(1);
    expect(writers[0]).toMatch(/^ScormImportRole/);
    // Elsewhere only CDK's BucketDeployment handler (Web stack: the player under player/), and it is refused packages/ outright.
    const deployers = built.allTemplates.filter((t) => t !== app()).flatMap(contentWriters);
    expect(deployers).toHaveLength(1);
    const [[deployerId, deployer]] = deployers as [[string, (typeof deployers)[number][1]]];
    expect(deployerId).toMatch(/^CustomCDKBucketDeployment/);
    const denied = (deployer.Properties!.PolicyDocument.Statement as Statement[]).filter((s) => s.Effect === 'Deny').map((s) => [[s.Action].flat(), renderSample(s.Resource)]);
    expect(denied).toContainEqual([expect.arrayContaining(['s3:PutObject*', 's3:DeleteObject*', 's3:Abort*']), `${contentBucket}/${packagesPrefix}*`]);
    // The content bucket's own policy admits only reads (CloudFront).
    for (const template of built.allTemplates) {
      for (const p of Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy'))) {
        for (const s of p.Properties!.PolicyDocument.Statement as Statement[]) {
          if (s.Effect !== 'Allow') continue;
          if (![s.Resource].flat().some((r) => renderSample(r).startsWith(contentBucket))) continue;
          expect([s.Action].flat()).toEqual(['s3:GetObject']);
        }
      }
    }
  });
});
