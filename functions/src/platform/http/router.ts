import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './context';
import { fieldErrors, problemJson } from './errors';
import { text } from './language';

/** The detail of every validation problem; the fields' own messages follow in `errors`. */
export const checkFields = text('Controleer de gemarkeerde velden.', 'Check the highlighted fields.');

/**
 * Every router starts from this, so handlers share one typed app env (`AppEnv`: request id, log,
 * principal, deps) and validation failures look the same everywhere. A resource's router uses
 * paths relative to its base (`'/'`, `'/{id}'`); app.ts mounts it once at that base, which puts
 * the full path in both the routing and the OpenAPI document.
 */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return problemJson(c, 'validation', checkFields, { errors: fieldErrors(result.error) });
      }
    },
  });
}

export type Router = ReturnType<typeof newRouter>;

/** What a handler (or a helper it calls) gets: the request with the app's typed variables. */
export type AppContext = Context<AppEnv>;

/**
 * One router for a base path that several parts contribute to (e.g. `/api/me`: the profile, my
 * knowledge, my learning), so the base is still mounted once. Earlier routers win where paths
 * overlap, as if they had been mounted one after the other.
 */
export function joinRouters(...routers: Router[]): Router {
  const joined = newRouter();
  for (const router of routers) joined.route('/', router);
  return joined;
}
