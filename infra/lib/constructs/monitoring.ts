import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Alarm thresholds in one place; every alarm's description repeats its own. */
export const alarmThresholds = {
  /** API 5xx responses per 5 minutes. */
  api5xx: 5,
  /** Share of 4xx responses (percent) over 15 minutes, counted only from 50 requests up. */
  api4xxRatePercent: 25,
  api4xxMinRequests: 50,
  apiLatencyP95Ms: 2_000,
  apiLatencyP99Ms: 5_000,
  lambdaErrors: 5,
  lambdaThrottles: 1,
  /** p99 duration as a share of the function's timeout. */
  lambdaDurationShareOfTimeout: 0.8,
  /** Concurrent executions as a share of the function's reserved concurrency (or of the default account limit, 1000). */
  lambdaConcurrencyShare: 0.8,
  dynamoThrottles: 1,
  /** Capacity units per 5 minutes (reads and writes each): a runaway loop, far above the academy's load. */
  dynamoConsumedPer5Minutes: 300_000,
  deadLetterMessages: 1,
  cloudFront5xxRatePercent: 5,
} as const;

export interface MonitoredDistribution {
  /** Short name used in alarm and widget titles, e.g. "App". */
  name: string;
  distribution: IDistribution;
}

export interface MonitoringProps {
  /** Prefix of the dashboard name and of every alarm name (the stack prefix, e.g. "Academy"). */
  name: string;
  /** E-mail address for the alarm topic (CDK context `alarmEmail`); none: the topic has no subscriber yet. */
  alarmEmail?: string;
  httpApi?: IHttpApi;
  /** Lambda functions to watch: errors, throttles, duration, concurrency. */
  functions?: IFunction[];
  table?: ITable;
  /** Dead-letter queues: any message in one is an alarm. */
  deadLetterQueues?: IQueue[];
  /**
   * CloudFront distributions. Their metrics exist only in us-east-1 and an alarm must live in the
   * region of its metric, so give them to a Monitoring in a us-east-1 stack (EdgeMonitoringStack).
   */
  distributions?: MonitoredDistribution[];
}

const fiveMinutes = Duration.minutes(5);

/**
 * One dashboard and one alarm per signal that needs a person, all to one encrypted SNS topic with
 * an e-mail subscription from configuration. Takes what it watches as lists, so other stacks'
 * functions and queues (the search indexer, later the SCORM import) are passed in, not looked up.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.prefix = props.name;

    // CloudWatch can publish only to topics whose key it may use; the AWS-managed SNS key does not allow that.
    const key = new Key(this, 'TopicKey', {
      enableKeyRotation: true,
      description: `${props.name} alarm topic encryption`,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `${props.name} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);

    const widgets: IWidget[][] = [[new TextWidget({ markdown: `# ${props.name}\nAlarms go to the SNS topic \`${props.name} alarms\`.`, width: 24, height: 2 })]];
    if (props.httpApi) widgets.push(this.watchApi(props.httpApi));
    for (const fn of props.functions ?? []) widgets.push(this.watchFunction(fn));
    if (props.table) widgets.push(this.watchTable(props.table));
    for (const queue of props.deadLetterQueues ?? []) widgets.push(this.watchDeadLetterQueue(queue));
    for (const d of props.distributions ?? []) widgets.push(this.watchDistribution(d));

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${props.name}-${Stack.of(this).region}`.replace(/[^A-Za-z0-9_-]/g, '-'),
      defaultInterval: Duration.hours(24),
      widgets,
    });
  }

  private alarm(id: string, o: { metric: IMetric; threshold: number; description: string; evaluationPeriods?: number; comparison?: ComparisonOperator }) {
    const alarm = new Alarm(this, id, {
      alarmName: `${this.prefix}-${id}`,
      alarmDescription: o.description,
      metric: o.metric,
      threshold: o.threshold,
      evaluationPeriods: o.evaluationPeriods ?? 1,
      comparisonOperator: o.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  private watchApi(api: IHttpApi): IWidget[] {
    const t = alarmThresholds;
    const count = api.metricCount({ period: Duration.minutes(15), statistic: 'Sum' });
    const clientErrors = api.metricClientError({ period: Duration.minutes(15), statistic: 'Sum' });
    const serverErrors = api.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    const clientErrorRate = new MathExpression({
      expression: `IF(requests >= ${t.api4xxMinRequests}, 100 * clientErrors / requests, 0)`,
      usingMetrics: { requests: count, clientErrors },
      label: '4xx (%)',
      period: Duration.minutes(15),
    });
    const latency = (statistic: string) => api.metricLatency({ period: fiveMinutes, statistic });
    this.alarm('Api5xx', { metric: serverErrors, threshold: t.api5xx, description: `API: ${t.api5xx} or more 5xx responses in 5 minutes` });
    this.alarm('Api4xxRate', {
      metric: clientErrorRate,
      threshold: t.api4xxRatePercent,
      description: `API: ${t.api4xxRatePercent}% or more 4xx responses over 15 minutes (from ${t.api4xxMinRequests} requests): broken client, scan or lost sessions`,
    });
    this.alarm('ApiLatencyP95', { metric: latency('p95'), threshold: t.apiLatencyP95Ms, evaluationPeriods: 3, description: `API: p95 latency at or above ${t.apiLatencyP95Ms} ms for 15 minutes` });
    this.alarm('ApiLatencyP99', { metric: latency('p99'), threshold: t.apiLatencyP99Ms, evaluationPeriods: 3, description: `API: p99 latency at or above ${t.apiLatencyP99Ms} ms for 15 minutes` });
    return [
      new GraphWidget({ title: 'API requests, 4xx, 5xx', left: [api.metricCount({ period: fiveMinutes }), api.metricClientError({ period: fiveMinutes }), serverErrors], width: 8 }),
      new GraphWidget({ title: 'API 4xx rate (%)', left: [clientErrorRate], width: 8 }),
      new GraphWidget({ title: 'API latency p50 / p95 / p99 (ms)', left: [latency('p50'), latency('p95'), latency('p99')], width: 8 }),
    ];
  }

  private watchFunction(fn: IFunction): IWidget[] {
    const t = alarmThresholds;
    const name = fn.node.id === 'Function' ? fn.node.scope!.node.id : fn.node.id;
    const cfn = fn.node.defaultChild instanceof CfnFunction ? fn.node.defaultChild : undefined;
    const timeoutSeconds = typeof cfn?.timeout === 'number' ? cfn.timeout : 3;
    const reserved = typeof cfn?.reservedConcurrentExecutions === 'number' ? cfn.reservedConcurrentExecutions : 1000;
    const errors = fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' });
    const throttles = fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' });
    const duration = (statistic: string) => fn.metricDuration({ period: fiveMinutes, statistic });
    const concurrency = fn.metric('ConcurrentExecutions', { period: Duration.minutes(1), statistic: 'Maximum' });
    const durationMs = Math.round(timeoutSeconds * 1000 * t.lambdaDurationShareOfTimeout);
    const concurrencyLimit = Math.max(1, Math.floor(reserved * t.lambdaConcurrencyShare));
    this.alarm(`${name}Errors`, { metric: errors, threshold: t.lambdaErrors, description: `${name}: ${t.lambdaErrors} or more errors in 5 minutes` });
    this.alarm(`${name}Throttles`, { metric: throttles, threshold: t.lambdaThrottles, description: `${name}: throttled (reserved concurrency ${reserved} used up)` });
    this.alarm(`${name}Duration`, { metric: duration('p99'), threshold: durationMs, evaluationPeriods: 3, description: `${name}: p99 duration at or above ${durationMs} ms (${t.lambdaDurationShareOfTimeout * 100}% of its timeout) for 15 minutes` });
    this.alarm(`${name}Concurrency`, { metric: concurrency, threshold: concurrencyLimit, evaluationPeriods: 5, description: `${name}: ${concurrencyLimit} or more concurrent executions (of ${reserved}) for 5 minutes` });
    return [
      new GraphWidget({ title: `${name}: invocations, errors, throttles`, left: [fn.metricInvocations({ period: fiveMinutes }), errors, throttles], width: 8 }),
      new GraphWidget({ title: `${name}: duration p50 / p95 / p99 (ms)`, left: [duration('p50'), duration('p95'), duration('p99')], width: 8 }),
      new GraphWidget({ title: `${name}: concurrent executions`, left: [concurrency], width: 8 }),
    ];
  }

  private watchTable(table: ITable): IWidget[] {
    const t = alarmThresholds;
    const metric = (metricName: string, statistic = 'Sum') =>
      new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: table.tableName }, period: fiveMinutes, statistic });
    const throttles = new MathExpression({
      expression: 'readThrottles + writeThrottles',
      usingMetrics: { readThrottles: metric('ReadThrottleEvents'), writeThrottles: metric('WriteThrottleEvents') },
      label: 'Throttle events',
      period: fiveMinutes,
    });
    const reads = metric('ConsumedReadCapacityUnits');
    const writes = metric('ConsumedWriteCapacityUnits');
    this.alarm('TableThrottles', { metric: throttles, threshold: t.dynamoThrottles, description: 'DynamoDB: requests throttled (on-demand table above its previous peak, or a hot key)' });
    this.alarm('TableConsumedReads', { metric: reads, threshold: t.dynamoConsumedPer5Minutes, description: `DynamoDB: ${t.dynamoConsumedPer5Minutes} or more read units in 5 minutes (runaway reads cost money)` });
    this.alarm('TableConsumedWrites', { metric: writes, threshold: t.dynamoConsumedPer5Minutes, description: `DynamoDB: ${t.dynamoConsumedPer5Minutes} or more write units in 5 minutes (runaway writes cost money)` });
    return [
      new GraphWidget({ title: 'DynamoDB throttle events', left: [throttles], width: 8 }),
      new GraphWidget({ title: 'DynamoDB consumed capacity (units per 5 minutes)', left: [reads, writes], width: 16 }),
    ];
  }

  private watchDeadLetterQueue(queue: IQueue): IWidget[] {
    const name = queue.node.id;
    const depth = queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' });
    this.alarm(`${name}Depth`, { metric: depth, threshold: alarmThresholds.deadLetterMessages, description: `${name}: messages in the dead-letter queue (work that failed every retry)` });
    return [new GraphWidget({ title: `${name}: messages`, left: [depth], width: 8 })];
  }

  private watchDistribution(d: MonitoredDistribution): IWidget[] {
    const metric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: 'AWS/CloudFront',
        metricName,
        dimensionsMap: { DistributionId: d.distribution.distributionId, Region: 'Global' },
        period: fiveMinutes,
        statistic,
        region: 'us-east-1',
      });
    const rate5xx = metric('5xxErrorRate', 'Average');
    const threshold = alarmThresholds.cloudFront5xxRatePercent;
    this.alarm(`${d.name}CloudFront5xxRate`, { metric: rate5xx, threshold, evaluationPeriods: 3, description: `${d.name} distribution: ${threshold}% or more 5xx responses for 15 minutes` });
    return [
      new GraphWidget({ title: `${d.name} distribution: requests`, left: [metric('Requests', 'Sum')], width: 8 }),
      new GraphWidget({ title: `${d.name} distribution: error rate (%)`, left: [metric('4xxErrorRate', 'Average'), rate5xx], width: 8 }),
    ];
  }
}
