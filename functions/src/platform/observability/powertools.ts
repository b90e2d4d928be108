import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context as LambdaContext } from 'aws-lambda';
import type { StoreClients } from '../store/clients';
import type { MetricsSink } from './metrics';

/**
 * Powertools Metrics and Tracer for the Lambda entry (functions/src/lambda.ts). Service name and
 * namespace come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE (set by CDK).
 * The tracer is a no-op outside Lambda, so the local server and tests never import this file.
 */
export interface LambdaObservability {
  metrics: Metrics;
  tracer: Tracer;
  sink: MetricsSink;
  /** Records the SDK calls of these clients as X-Ray subsegments (DynamoDB, S3). */
  traceClients(store: StoreClients): void;
  /** Runs one invocation inside a traced subsegment and flushes its metrics afterwards. */
  invoke<T>(context: LambdaContext | undefined, run: () => Promise<T>): Promise<T>;
}

export function lambdaObservability(serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'academy-api'): LambdaObservability {
  const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Academy', serviceName });
  const tracer = new Tracer({ serviceName });
  return {
    metrics,
    tracer,
    sink: { count: (event, value) => metrics.addMetric(event, MetricUnit.Count, value) },
    traceClients(store) {
      tracer.captureAWSv3Client(store.ddb);
      tracer.captureAWSv3Client(store.s3);
    },
    async invoke(context, run) {
      const segment = tracer.getSegment();
      const subsegment = segment?.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
      if (subsegment) tracer.setSegment(subsegment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
      if (context?.awsRequestId) tracer.putAnnotation('requestId', context.awsRequestId);
      try {
        return await run();
      } catch (err) {
        tracer.addErrorAsMetadata(err as Error);
        throw err;
      } finally {
        subsegment?.close();
        if (segment) tracer.setSegment(segment);
        // Only when something was counted: an empty flush makes Powertools log a warning per request.
        if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      }
    },
  };
}
