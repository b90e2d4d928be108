import type { Principal } from '../platform/auth/principal';
import type { PlatformDeps } from '../platform/deps';
import type { AppContext } from '../platform/http/router';

/** What every SCORM use case gets: the app's dependencies (store, config, logger) and the caller. */
export interface ScormCtx {
  deps: PlatformDeps;
  principal: Principal | null;
  now?: () => Date;
}

export const ctxOf = (c: AppContext): ScormCtx => ({ deps: c.get('deps'), principal: c.get('principal') });
export const nowOf = (ctx: ScormCtx) => (ctx.now ? ctx.now() : new Date());
