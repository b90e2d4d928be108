import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { lambdaBundling } from '../lambda-bundling';
import { acknowledge } from '../nag';
import { paths } from '../paths';

export interface WorkerFunctionProps {
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  /** Beside APP_MODE and NODE_OPTIONS, which every worker gets. */
  environment: Record<string, string>;
  /** The dead-letter queue's construct id: Monitoring names its alarm after it, so it is unique in the stack. */
  deadLetterQueueId: string;
  /** Why this queue has no dead-letter queue of its own (cdk-nag AwsSolutions-SQS3). */
  deadLetterQueueReason: string;
}

/**
 * A background function of the platform (the search indexer, the SCORM import): bundled like the
 * API, on its own log group and an explicit role that the caller grants exactly what the job
 * needs, with an encrypted dead-letter queue for work that failed every retry. The parts are made
 * in `scope` under fixed ids ('Logs', 'Role', 'Function' and the queue's), so their logical ids
 * stay what they were when each construct made them itself.
 */
export function workerFunction(scope: Construct, props: WorkerFunctionProps) {
  const { format, ...sharedBundling } = lambdaBundling.cdk;
  const logGroup = new LogGroup(scope, 'Logs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.RETAIN });
  // Explicit role, as for the API: log writes to its own group only; the caller adds what the job needs.
  const role = new Role(scope, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);

  const deadLetterQueue = new Queue(scope, props.deadLetterQueueId, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(deadLetterQueue, 'AwsSolutions-SQS3', props.deadLetterQueueReason);

  const fn = new NodejsFunction(scope, 'Function', {
    entry: props.entry,
    handler: 'handler',
    projectRoot: paths.repoRoot,
    depsLockFilePath: paths.lockFile,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role,
    logGroup,
    description: props.description,
    environment: { APP_MODE: 'aws', ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
    bundling: {
      ...sharedBundling,
      format: format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
      forceDockerBundling: false,
      sourcesContent: false,
      externalModules: [],
    },
  });
  acknowledge(
    fn,
    'AwsSolutions-L1',
    'Node.js 22 on purpose, as the API: the LTS line the project builds and tests with; a newer runtime is a deliberate upgrade of toolchain and tests together.',
  );
  return { function: fn, role, logGroup, deadLetterQueue };
}
