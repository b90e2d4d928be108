import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Monitoring, type MonitoredDistribution } from '../constructs/monitoring';

export interface EdgeMonitoringStackProps extends StackProps {
  stackPrefix: string;
  alarmEmail?: string;
  distributions: MonitoredDistribution[];
}

/**
 * CloudFront publishes its metrics in us-east-1 only, and an alarm must live in its metric's
 * region: the distributions' alarms, their topic and dashboard are here, after the App stack
 * (whose distributions they name through CDK's cross-region references).
 */
export class EdgeMonitoringStack extends Stack {
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: EdgeMonitoringStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      name: `${props.stackPrefix}-Edge`,
      alarmEmail: props.alarmEmail,
      distributions: props.distributions,
    });
  }
}
