import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmThresholds, Monitoring } from '../../infra/lib/constructs/monitoring';
import { settingDefaults } from '../../infra/lib/settings';
import { resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

const email = 'beheer@academie.example';
let built: BuiltApp;
beforeAll(() => {
  built = synthApp({ extraContext: { alarmEmail: email } });
}, 120_000);
afterAll(() => built?.cleanup());

type Res = { Properties: Record<string, any> };
const alarms = (template = built.templates.app) => resourcesOfType(template, 'AWS::CloudWatch::Alarm') as Record<string, Res>;
const alarm = (suffix: string, template = built.templates.app) => {
  const found = Object.values(alarms(template)).filter((a) => a.Properties.AlarmName === `${template === built.templates.app ? 'Academy' : 'Academy-Edge'}-${suffix}`);
  expect(found, suffix).toHaveLength(1);
  return found[0]!.Properties;
};
const topicOf = (template: Template) => resourceByIdPrefix(template, 'AWS::SNS::Topic', 'Monitoring');

describe('alarm topic', () => {
  it('is encrypted with a rotating key CloudWatch may use, and refuses plain HTTP', () => {
    for (const template of [built.templates.app, built.templates.edgeMonitoring]) {
      const topic = topicOf(template);
      const key = resourceByIdPrefix(template, 'AWS::KMS::Key', 'Monitoring');
      expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [key.logicalId, 'Arn'] });
      expect(key.Properties.EnableKeyRotation).toBe(true);
      const keyStatements = key.Properties.KeyPolicy.Statement as Array<Record<string, any>>;
      expect(keyStatements.some((s) => s.Principal?.Service === 'cloudwatch.amazonaws.com' && [s.Action].flat().includes('kms:GenerateDataKey*'))).toBe(true);
      const policy = Object.values(resourcesOfType(template, 'AWS::SNS::TopicPolicy'))[0]!;
      const deny = (policy.Properties!.PolicyDocument.Statement as Array<Record<string, any>>).find((s) => s.Effect === 'Deny');
      expect(deny?.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    }
  });

  it('e-mails the address from configuration (context alarmEmail), in both regions', () => {
    for (const template of [built.templates.app, built.templates.edgeMonitoring]) {
      const subscriptions = Object.values(resourcesOfType(template, 'AWS::SNS::Subscription'));
      expect(subscriptions).toHaveLength(1);
      expect(subscriptions[0]!.Properties).toMatchObject({ Protocol: 'email', Endpoint: email, TopicArn: { Ref: topicOf(template).logicalId } });
    }
  });

  it('has no subscription when no address is configured, and rejects one that is not an address', () => {
    const bare = synthApp();
    try {
      expect(Object.keys(resourcesOfType(bare.templates.app, 'AWS::SNS::Subscription'))).toHaveLength(0);
    } finally {
      bare.cleanup();
    }
    expect(() => synthApp({ extraContext: { alarmEmail: 'geen adres' } })).toThrow(/alarmEmail/);
  }, 120_000);
});

describe('alarms (App stack)', () => {
  it('sends every alarm, and its recovery, to the topic', () => {
    const topic = topicOf(built.templates.app).logicalId;
    expect(Object.keys(alarms()).length).toBeGreaterThanOrEqual(11);
    for (const a of Object.values(alarms())) {
      expect(a.Properties.AlarmActions, a.Properties.AlarmName).toEqual([{ Ref: topic }]);
      expect(a.Properties.OKActions, a.Properties.AlarmName).toEqual([{ Ref: topic }]);
      expect(a.Properties.TreatMissingData).toBe('notBreaching');
      expect(a.Properties.AlarmDescription.length).toBeGreaterThan(20);
    }
  });

  it('watches the API: 5xx, 4xx rate, latency p95 and p99', () => {
    const apiId = resourceByIdPrefix(built.templates.app, 'AWS::ApiGatewayV2::Api', 'Api').logicalId;
    const a5xx = alarm('Api5xx');
    expect(a5xx).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Statistic: 'Sum', Period: 300, Threshold: alarmThresholds.api5xx });
    expect(a5xx.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: apiId } }]);
    const rate = alarm('Api4xxRate');
    expect(rate.Threshold).toBe(alarmThresholds.api4xxRatePercent);
    const expression = (rate.Metrics as Array<Record<string, any>>).find((m) => m.Expression)!;
    expect(expression.Expression).toBe(`IF(requests >= ${alarmThresholds.api4xxMinRequests}, 100 * clientErrors / requests, 0)`);
    expect((rate.Metrics as Array<Record<string, any>>).map((m) => m.MetricStat?.Metric.MetricName).filter(Boolean).sort()).toEqual(['4xx', 'Count']);
    expect(alarm('ApiLatencyP95')).toMatchObject({ MetricName: 'Latency', ExtendedStatistic: 'p95', Threshold: alarmThresholds.apiLatencyP95Ms });
    expect(alarm('ApiLatencyP99')).toMatchObject({ MetricName: 'Latency', ExtendedStatistic: 'p99', Threshold: alarmThresholds.apiLatencyP99Ms });
  });

  it('watches the API function: errors, throttles, duration against its timeout, concurrency against its reservation', () => {
    const fn = resourceByIdPrefix(built.templates.app, 'AWS::Lambda::Function', 'ApiFunction').logicalId;
    const dims = [{ Name: 'FunctionName', Value: { Ref: fn } }];
    expect(alarm('ApiFunctionErrors')).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: dims, Threshold: alarmThresholds.lambdaErrors });
    expect(alarm('ApiFunctionThrottles')).toMatchObject({ MetricName: 'Throttles', Dimensions: dims, Threshold: 1 });
    expect(alarm('ApiFunctionDuration')).toMatchObject({ MetricName: 'Duration', ExtendedStatistic: 'p99', Threshold: 8000 });
    expect(alarm('ApiFunctionConcurrency')).toMatchObject({
      MetricName: 'ConcurrentExecutions',
      Statistic: 'Maximum',
      Threshold: Math.floor(settingDefaults.apiReservedConcurrency * alarmThresholds.lambdaConcurrencyShare),
    });
  });

  it('watches the table: throttles and consumed read and write capacity', () => {
    const throttles = alarm('TableThrottles');
    const names = (throttles.Metrics as Array<Record<string, any>>).map((m) => m.MetricStat?.Metric.MetricName).filter(Boolean).sort();
    expect(names).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    const tableDimension = (throttles.Metrics as Array<Record<string, any>>).find((m) => m.MetricStat)!.MetricStat.Metric.Dimensions[0];
    expect(tableDimension.Name).toBe('TableName');
    expect(JSON.stringify(tableDimension.Value)).toContain('Academy-Data-TableArn');
    expect(alarm('TableConsumedReads')).toMatchObject({ Namespace: 'AWS/DynamoDB', MetricName: 'ConsumedReadCapacityUnits', Threshold: alarmThresholds.dynamoConsumedPer5Minutes });
    expect(alarm('TableConsumedWrites')).toMatchObject({ MetricName: 'ConsumedWriteCapacityUnits' });
  });

  it('has a dashboard with API, function, table widgets', () => {
    const dashboard = resourceByIdPrefix(built.templates.app, 'AWS::CloudWatch::Dashboard', 'Monitoring');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const title of ['API requests, 4xx, 5xx', 'API 4xx rate (%)', 'API latency p50 / p95 / p99 (ms)', 'ApiFunction: invocations, errors, throttles', 'ApiFunction: duration p50 / p95 / p99 (ms)', 'ApiFunction: concurrent executions', 'DynamoDB throttle events', 'DynamoDB consumed capacity']) {
      expect(body, title).toContain(title);
    }
  });
});

describe('CloudFront alarms (EdgeMonitoring stack, us-east-1)', () => {
  it('alarms on the 5xx error rate of both distributions, in the region CloudFront publishes its metrics', () => {
    expect(built.stacks.edgeMonitoring.region).toBe('us-east-1');
    const template = built.templates.edgeMonitoring;
    for (const name of ['App', 'Content']) {
      const a = alarm(`${name}CloudFront5xxRate`, template);
      expect(a).toMatchObject({ Namespace: 'AWS/CloudFront', MetricName: '5xxErrorRate', Statistic: 'Average', Threshold: alarmThresholds.cloudFront5xxRatePercent });
      expect(a.Dimensions.find((d: { Name: string }) => d.Name === 'Region').Value).toBe('Global');
      expect(JSON.stringify(a.Dimensions.find((d: { Name: string }) => d.Name === 'DistributionId').Value)).toMatch(new RegExp(`ExportsReader.*${name}Delivery`));
      expect(a.AlarmActions).toEqual([{ Ref: topicOf(template).logicalId }]);
    }
    const body = JSON.stringify(resourceByIdPrefix(template, 'AWS::CloudWatch::Dashboard', 'Monitoring').Properties.DashboardBody);
    expect(body).toContain('App distribution: error rate (%)');
  });
});

describe('Monitoring construct', () => {
  it('takes other functions and dead-letter queues (e.g. the search indexer) and alarms on each', () => {
    const stack = new Stack(new App(), 'MonitoringProbe', { env: { region: 'eu-west-1' } });
    const fn = new LambdaFunction(stack, 'Indexer', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler=async()=>{}'), timeout: Duration.seconds(30), reservedConcurrentExecutions: 5 });
    const dlq = new Queue(stack, 'IndexerDeadLetters');
    new Monitoring(stack, 'Monitoring', { name: 'Probe', functions: [fn], deadLetterQueues: [dlq] });
    const template = Template.fromStack(stack);
    const byName = (n: string) => Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).find((a) => a.Properties!.AlarmName === n)?.Properties;
    expect(byName('Probe-IndexerDuration')).toMatchObject({ Threshold: 24_000 });
    expect(byName('Probe-IndexerConcurrency')).toMatchObject({ Threshold: 4 });
    expect(byName('Probe-IndexerErrors')).toBeDefined();
    expect(byName('Probe-IndexerThrottles')).toBeDefined();
    const depth = byName('Probe-IndexerDeadLettersDepth');
    expect(depth).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Statistic: 'Maximum', Threshold: 1 });
    expect(depth!.Dimensions).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(/^IndexerDeadLetters/), 'QueueName'] } }]);
  });
});
