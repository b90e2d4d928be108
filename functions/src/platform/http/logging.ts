import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs (Powertools). The request id is passed per call rather than appended
 * to the shared logger, because the local server handles requests concurrently.
 */
export function createLogger(serviceName = 'academy-api'): Logger {
  return new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });
}

export interface RequestLog {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export function requestLog(logger: Logger, requestId: string): RequestLog {
  return {
    info: (message, extra) => logger.info(message, { requestId, ...extra }),
    warn: (message, extra) => logger.warn(message, { requestId, ...extra }),
    error: (message, extra) => logger.error(message, { requestId, ...extra }),
  };
}
