/**
 * Business events as CloudWatch metrics: a port with one function, `countEvent`, that features
 * call where something worth counting has happened (after the write succeeded). The Lambda entry
 * plugs in Powertools Metrics (EMF in the function's log, flushed once per invocation, see
 * functions/src/lambda.ts); locally and in tests the events go to the debug log, or nowhere.
 * Never throws: a metric is not worth failing a request for.
 */
export const businessEvents = ['ArticlePublished', 'Enrolment', 'Completion'] as const;
export type BusinessEvent = (typeof businessEvents)[number];

export interface MetricsSink {
  count(event: BusinessEvent, value: number): void;
}

const noSink: MetricsSink = { count: () => undefined };
let sink: MetricsSink = noSink;

/** Counts one occurrence (or `value`) of a business event. */
export function countEvent(event: BusinessEvent, value = 1): void {
  try {
    sink.count(event, value);
  } catch {
    // Metrics must never break the request that produced them.
  }
}

/** Wires the sink; the composition root calls this once (Lambda: Powertools; local: a log line). Returns the previous one. */
export function useMetricsSink(next: MetricsSink | undefined): MetricsSink {
  const previous = sink;
  sink = next ?? noSink;
  return previous;
}

/** A sink that writes each event as a debug log line (the local server; visible with LOG_LEVEL=DEBUG). */
export function logMetricsSink(log: { debug(message: string, extra: { metric: string; value: number }): void }): MetricsSink {
  return { count: (event, value) => log.debug('business event', { metric: event, value }) };
}
