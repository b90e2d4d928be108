import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { fieldErrors, problemJson } from './errors';

/** Every route module starts from this, so validation failures look the same everywhere. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return problemJson(c, 'validation', 'Controleer de gemarkeerde velden.', { errors: fieldErrors(result.error) });
      }
    },
  });
}

export type Router = ReturnType<typeof newRouter>;
