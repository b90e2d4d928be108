import type { Principal } from '../platform/auth/principal';
import type { PlatformDeps } from '../platform/deps';
import type { AppContext } from '../platform/http/router';

/** What every partners use case gets: the app's dependencies, the caller, the request id (the audit log names it) and the app's address (invitation links). */
export interface PartnersCtx {
  deps: PlatformDeps;
  principal: Principal | null;
  requestId: string;
  origin: string;
  now?: () => Date;
}

export const ctxOf = (c: AppContext): PartnersCtx => ({
  deps: c.get('deps'),
  principal: c.get('principal'),
  requestId: c.get('requestId'),
  origin: c.get('deps').config.appOrigin ?? new URL(c.req.url).origin,
});
export const nowOf = (ctx: PartnersCtx) => (ctx.now ? ctx.now() : new Date());
