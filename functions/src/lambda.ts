import { handle } from 'hono/aws-lambda';
import type { Context as LambdaContext } from 'aws-lambda';
import { createApp } from './app';
import { loadConfig } from './platform/config';
import { buildDeps } from './deps';
import { useMetricsSink } from './platform/observability/metrics';
import { lambdaObservability } from './platform/observability/powertools';

// Built once per cold start and reused across invocations.
const observability = lambdaObservability();
const deps = buildDeps(loadConfig());
// The document client shares the DynamoDB client's middleware stack, so its calls are traced too.
observability.traceClients(deps.store);
useMetricsSink(observability.sink);
const app = createApp(deps);
const honoHandler = handle(app);

/** One invocation: traced as a subsegment, business metrics flushed at its end. */
export const handler: typeof honoHandler = (event, context) =>
  observability.invoke(context as LambdaContext | undefined, () => honoHandler(event, context));
