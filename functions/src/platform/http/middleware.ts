import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { requestLog } from './logging';
import { originVerified, originVerifyHeader } from './origin-verify';
import { problemJson } from './errors';
import { Problem } from './problem';
import { languageOf, text, withLanguage } from './language';
import { IdentityUnavailableError, InvalidTokenError } from '../auth/verify';
import type { PlatformDeps } from '../deps';
import type { Principal } from '../auth/principal';

const safeRequestId = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Picks up the Lambda/API Gateway request id, or a well-formed incoming one, or makes one; settles
 * the request's language (`Accept-Language`, Dutch by default) and runs the rest of the request in
 * it, so zod's messages made while parsing come out in that language too; and, when the
 * configuration holds an origin secret (AWS), refuses requests that did not come through
 * CloudFront before any other middleware or route runs.
 */
export function requestContext(deps: PlatformDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const lambdaId = (c.env as { lambdaContext?: { awsRequestId?: string } } | undefined)?.lambdaContext?.awsRequestId;
    const incoming = c.req.header('x-request-id');
    const requestId = lambdaId ?? (incoming && safeRequestId.test(incoming) ? incoming : crypto.randomUUID());
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('principal', null);
    const language = languageOf(c.req.header('accept-language'));
    c.set('language', language);
    const log = requestLog(deps.logger, requestId);
    c.set('log', log);
    const started = performance.now();
    // In AWS only requests forwarded by CloudFront carry the origin secret (see ./origin-verify.ts);
    // anything else came straight to the execute-api endpoint, around the WAF. Nothing else runs.
    if (originVerified(deps.config.mode, deps.config.originVerifySecret, c.req.header(originVerifyHeader))) await withLanguage(language, next);
    else c.res = problemJson(c, 'forbidden', text('Deze API is alleen bereikbaar via de academie zelf.', 'This API can only be reached through the academy itself.'));
    c.header('x-request-id', requestId);
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('principal')?.id,
    });
  };
}

/**
 * Establishes the principal from a bearer token. No header = anonymous; a header with a bad
 * token is a 401, never a silent downgrade to anonymous. A `Launch` header (a SCORM launch token,
 * functions/src/scorm/attempts) signs nobody in: it stays anonymous here.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    // `Launch <token>`: a SCORM launch token, never a sign-in; only the SCORM runtime routes read it.
    if (header && !/^Launch\s/i.test(header)) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new Problem('unauthenticated', text('Authorization-header moet de vorm "Bearer <token>" hebben', 'The Authorization header must have the form "Bearer <token>"'));
      try {
        c.set('principal', await c.get('deps').verifyToken(match[1]));
      } catch (err) {
        if (err instanceof InvalidTokenError) throw new Problem('unauthenticated', err.text);
        if (err instanceof IdentityUnavailableError) {
          c.get('log')?.warn('identity provider unreachable', { error: { name: err.name, message: String((err.cause as Error | undefined)?.message ?? err.message) } });
          c.header('retry-after', '5');
          throw new Problem(
            'identityUnavailable',
            text('De aanmelddienst reageert niet. Probeer het over enkele seconden opnieuw; je blijft aangemeld.', 'The sign-in service is not responding. Please try again in a few seconds; you stay signed in.'),
          );
        }
        throw err;
      }
    }
    await next();
  };
}

/**
 * Operations documented with `security` need a signed-in caller, checked before their input is
 * validated or their resource looked up: an anonymous caller learns neither the input rules nor
 * whether an id exists, only that sign-in is needed (401). The list comes from the same route
 * definitions as the OpenAPI document, read once all routes are mounted.
 */
export function requireSignInWhereDocumented(registry: { definitions: ReadonlyArray<{ type: string; route?: { method: string; path: string; security?: unknown[] } }> }): MiddlewareHandler<AppEnv> {
  let secured: Array<{ method: string; pattern: RegExp }> | undefined;
  const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return async (c, next) => {
    secured ??= registry.definitions.flatMap((d) =>
      d.type === 'route' && d.route?.security?.length
        ? [{ method: d.route.method.toUpperCase(), pattern: new RegExp(`^${d.route.path.split(/\{[^}]+\}/).map(escape).join('[^/]+')}$`) }]
        : [],
    );
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method; // Hono answers HEAD with the GET route
    if (!c.get('principal') && secured.some((s) => s.method === method && s.pattern.test(c.req.path))) {
      throw new Problem('unauthenticated', text('Meld je aan om dit te doen', 'Sign in to do this'));
    }
    await next();
  };
}

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new Problem('unauthenticated', text('Meld je aan om dit te bekijken', 'Sign in to see this'));
  return p;
}
