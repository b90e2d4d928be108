import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { AppEnv } from './context';
import { said, text, type Text } from './language';
import { Problem, problemBody, type FieldError, type ProblemExtensions, type ProblemKind } from './problem';
import { isStoreUnreachable } from '../store/clients';
import { contended } from '../store/items';

/**
 * Every problem response is made here, in the request's language (set once per request from
 * `Accept-Language`, see `requestContext`): title, detail and field messages, with
 * `Content-Language` saying which.
 */
export function problemJson(c: Context<AppEnv>, kind: ProblemKind, detail?: Text, extensions?: ProblemExtensions) {
  const language = c.get('language') ?? 'nl';
  const body = problemBody(kind, { detail, language, instance: c.req.path, requestId: c.get('requestId'), extensions });
  c.header('vary', 'accept-language', { append: true });
  return c.body(JSON.stringify(body), body.status as 400, { 'content-type': 'application/problem+json', 'content-language': language });
}

/** Zod's messages, already in the request's language: zod made them while parsing, inside the request. */
export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: said(i.message) }));
}

/** Hono's own refusals come with an English message; the ones a client can cause, in both languages. */
const honoMessages: Record<string, Text> = {
  'Malformed JSON in request body': text('De inhoud van het verzoek is geen geldige JSON', 'The request body is not valid JSON'),
  'Unsupported Media Type': text('Dit type inhoud wordt hier niet aangenomen; stuur JSON (application/json)', 'This content type is not accepted here; send JSON (application/json)'),
};

/** The single place an exception becomes a response. Stack traces go to the log, never to the client. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof Problem) return problemJson(c, err.kind, err.detail, err.extensions);
  if (err instanceof HTTPException) {
    const status = err.status;
    const kind: ProblemKind =
      status === 413 ? 'payloadTooLarge' : status === 415 ? 'unsupportedMediaType' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'notFound' : 'badRequest';
    // A message we have no translation for is left out: the title in the reader's language says enough.
    if (err.message && !honoMessages[err.message]) c.get('log')?.info('http exception', { status, message: err.message });
    return problemJson(c, kind, honoMessages[err.message]);
  }
  const log = c.get('log');
  // The backstop behind every size check: DynamoDB refuses an item over 400 KB; nothing was written.
  if (err.name === 'ValidationException' && /item size/i.test(err.message)) {
    log?.warn('item too large', { error: { name: err.name, message: err.message } });
    return problemJson(
      c,
      'payloadTooLarge',
      text('Dit is te groot om op te slaan; er is niets gewijzigd. Maak de tekst korter.', 'This is too large to save; nothing was changed. Make the text shorter.'),
    );
  }
  // Another write in flight on the same item, still there after the store module's retries: nothing
  // was written and nothing is wrong with the request, so the client may simply try again.
  if (contended(err)) {
    log?.warn('store contention', { error: { name: err.name, message: err.message } });
    c.header('retry-after', '1');
    return problemJson(c, 'conflict', text('Iemand anders wijzigde dit op hetzelfde moment; er is niets opgeslagen. Probeer het opnieuw.', 'Someone else changed this at the same moment; nothing was saved. Please try again.'));
  }
  if (isStoreUnreachable(err)) {
    log?.warn('store unreachable', { error: { name: err.name, message: err.message, code: (err as { code?: string }).code } });
    c.header('retry-after', '5');
    return problemJson(c, 'storeUnavailable', text('De opslag reageert niet. Probeer het over enkele seconden opnieuw.', 'Storage is not responding. Please try again in a few seconds.'));
  }
  log?.error('unhandled error', { error: { name: err.name, message: err.message, stack: err.stack } });
  return problemJson(
    c,
    'internal',
    text('Er ging iets mis aan onze kant. Vermeld de referentie als je contact opneemt.', 'Something went wrong on our side. Please quote the reference if you contact us.'),
  );
}
