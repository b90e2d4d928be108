import type { z } from '@hono/zod-openapi';
import { ProblemSchema } from './problem';

/**
 * The building blocks of every route definition (`createRoute`), in one place: JSON bodies and
 * responses, the problem answers, and `security` for operations that need a signed-in caller
 * (`requireSignInWhereDocumented` in ./middleware.ts enforces what is documented here).
 */

/** The operation needs a signed-in caller: a bearer ID token (the `bearer` scheme of ./openapi.ts). */
export const security = [{ bearer: [] }];

/** A JSON response with its schema. */
export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A required JSON request body: `request: body(X)` or `request: { params, ...body(X) }`. */
export const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

/** A JSON request body that may be left out; the handler validates what comes (see the route). */
export const optionalBody = <T extends z.ZodTypeAny>(schema: T) => ({ body: { required: false, content: { 'application/json': { schema } } } });

/** An error response: RFC 9457 problem+json (see ./problem.ts). */
export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } };
}

/** Error responses by status, each in the feature's own words: `problems({ 404: 'Onbekend netwerk' })`. */
export function problems<const W extends Record<number, string>>(words: W): { [K in keyof W]: ReturnType<typeof problemResponse> } {
  return Object.fromEntries(Object.entries(words).map(([status, description]) => [status, problemResponse(description)])) as never;
}

/** The error responses most operations can give, in the usual words; spread them and override where a feature says more. */
export const commonProblems = problems({ 400: 'Ongeldige invoer', 401: 'Niet aangemeld', 403: 'Geen rechten', 404: 'Niet gevonden' });
