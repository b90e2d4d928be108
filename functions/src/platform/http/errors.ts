import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { AppEnv } from './context';
import { Problem, problemBody, type FieldError, type ProblemKind } from './problem';
import { isStoreUnreachable } from '../store/clients';

export function problemJson(c: Context<AppEnv>, kind: ProblemKind, detail?: string, extensions?: Record<string, unknown>) {
  const body = problemBody(kind, { detail, instance: c.req.path, requestId: c.get('requestId'), extensions });
  return c.body(JSON.stringify(body), body.status as 400, { 'content-type': 'application/problem+json' });
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** The single place an exception becomes a response. Stack traces go to the log, never to the client. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof Problem) return problemJson(c, err.kind, err.detail, err.extensions);
  if (err instanceof HTTPException) {
    const status = err.status;
    const kind: ProblemKind =
      status === 413 ? 'payloadTooLarge' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'notFound' : 'badRequest';
    return problemJson(c, kind, err.message || undefined);
  }
  const log = c.get('log');
  // The backstop behind every size check: DynamoDB refuses an item over 400 KB; nothing was written.
  if (err.name === 'ValidationException' && /item size/i.test(err.message)) {
    log?.warn('item too large', { error: { name: err.name, message: err.message } });
    return problemJson(c, 'payloadTooLarge', 'Dit is te groot om op te slaan; er is niets gewijzigd. Maak de tekst korter.');
  }
  if (isStoreUnreachable(err)) {
    log?.warn('store unreachable', { error: { name: err.name, message: err.message, code: (err as { code?: string }).code } });
    c.header('retry-after', '5');
    return problemJson(c, 'storeUnavailable', 'De opslag reageert niet. Probeer het over enkele seconden opnieuw.');
  }
  log?.error('unhandled error', { error: { name: err.name, message: err.message, stack: err.stack } });
  return problemJson(c, 'internal', 'Er ging iets mis aan onze kant. Vermeld de referentie als je contact opneemt.');
}
