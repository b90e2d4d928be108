import type { Principal } from '../platform/auth/principal';
import type { PlatformDeps } from '../platform/deps';
import type { AppContext } from '../platform/http/router';

/** What every privacy use case gets: the app's dependencies, the caller and the request id (the audit log names it). */
export interface PrivacyCtx {
  deps: PlatformDeps;
  principal: Principal | null;
  requestId: string;
  now?: () => Date;
}

export const ctxOf = (c: AppContext): PrivacyCtx => ({ deps: c.get('deps'), principal: c.get('principal'), requestId: c.get('requestId') });
export const nowOf = (ctx: PrivacyCtx) => (ctx.now ? ctx.now() : new Date());
