import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileEvent, searchIndexerStream } from '../../infra/lib/constructs/search-indexer';
import { reconcileJob } from '../../functions/src/search-indexer';
import { resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const app = () => built.templates.app;
const indexer = () => resourceByIdPrefix(app(), 'AWS::Lambda::Function', 'SearchIndexerFunction');
const mapping = () => resourceByIdPrefix(app(), 'AWS::Lambda::EventSourceMapping', 'SearchIndexerFunction');
const queue = () => resourceByIdPrefix(app(), 'AWS::SQS::Queue', 'SearchIndexerDeadLetters');
const statementsOf = (rolePrefix: string) =>
  Object.entries(resourcesOfType(app(), 'AWS::IAM::Policy'))
    .filter(([id]) => id.startsWith(rolePrefix))
    .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
const actionsOf = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('table stream (Data stack)', () => {
  it('streams new and old images of the pinned table, exported for the App stack', () => {
    const table = resourceByIdPrefix(built.templates.data, 'AWS::DynamoDB::Table', 'Table');
    expect(table.logicalId).toBe('TableCD117FA1');
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const exports = Object.values(built.templates.data.toJSON().Outputs as Record<string, { Export?: { Name: string } }>).map((o) => o.Export?.Name);
    expect(exports).toContain('Academy-Data-TableStreamArn');
  });
});

describe('search indexer (App stack)', () => {
  it('is its own function on the search-indexer entry, with what it needs in its environment only', () => {
    const fn = indexer().Properties;
    expect(fn.Runtime).toBe('nodejs22.x');
    expect(fn.Handler).toBe('index.handler');
    expect(fn.Timeout).toBe(300);
    expect(Object.keys(fn.Environment.Variables).sort()).toEqual(['APP_MODE', 'BUCKET_ATTACHMENTS', 'NODE_OPTIONS', 'STORE_TIMEOUT_MS', 'TABLE_NAME']);
    expect(fn.Environment.Variables.APP_MODE).toBe('aws');
  });

  it('reads the table stream filtered to published article META items, with bisection, bounded retries and a dead-letter queue', () => {
    const m = mapping().Properties;
    expect(m.EventSourceArn).toEqual({ 'Fn::ImportValue': 'Academy-Data-TableStreamArn' });
    expect(m.BatchSize).toBe(searchIndexerStream.batchSize);
    expect(m.BisectBatchOnFunctionError).toBe(true);
    expect(m.MaximumRetryAttempts).toBe(searchIndexerStream.retryAttempts);
    expect(m.MaximumRecordAgeInSeconds).toBe(searchIndexerStream.maxRecordAge.toSeconds());
    expect(m.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queue().logicalId, 'Arn'] });
    const patterns = (m.FilterCriteria.Filters as Array<{ Pattern: string }>).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ dynamodb: { NewImage: { type: { S: ['article'] }, publishedVersion: { N: [{ 'anything-but': ['0'] }] } } } }]);
  });

  it('has an encrypted, TLS-only dead-letter queue, exposed for monitoring and alarmed', () => {
    expect(queue().Properties.SqsManagedSseEnabled).toBe(true);
    const policies = Object.values(resourcesOfType(app(), 'AWS::SQS::QueuePolicy')).filter((p) =>
      (p.Properties!.Queues as unknown[]).some((q) => JSON.stringify(q).includes(queue().logicalId)),
    );
    const statements = policies.flatMap((p) => p.Properties!.PolicyDocument.Statement as Array<Record<string, any>>);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(built.stacks.app.searchIndexer.deadLetterQueue.node.path).toContain('SearchIndexer');
    const alarms = Object.values(resourcesOfType(app(), 'AWS::CloudWatch::Alarm')).filter((a) => JSON.stringify(a.Properties).includes(queue().logicalId));
    expect(alarms.length).toBeGreaterThan(0);
  });

  it('runs the reconciliation on an hourly schedule, with the event the handler dispatches on', () => {
    const rule = resourceByIdPrefix(app(), 'AWS::Events::Rule', 'SearchIndexerReconcile').Properties;
    expect(rule.ScheduleExpression).toBe('rate(1 hour)');
    expect(rule.Targets).toHaveLength(1);
    expect(JSON.parse(rule.Targets[0].Input)).toEqual(reconcileEvent);
    expect(reconcileEvent).toEqual(reconcileJob);
    expect(rule.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [indexer().logicalId, 'Arn'] });
  });

  it('may read the table and write only search snapshots: no Scan, no deletes, no other objects', () => {
    const statements = statementsOf('SearchIndexerRole');
    const actions = statements.flatMap(actionsOf);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => /Delete|BatchWrite|UpdateItem/.test(a))).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:GetRecords', 's3:GetObject', 's3:PutObject', 'sqs:SendMessage']));
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3).toHaveLength(1);
    expect(JSON.stringify(s3[0]!.Resource)).toContain('/search/*');
  });
});
