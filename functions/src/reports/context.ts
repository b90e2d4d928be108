import type { Principal } from '../platform/auth/principal';
import type { AppContext } from '../platform/http/router';
import type { StoreClients } from '../platform/store/clients';

/** What every reports use case gets: the store, the caller (or nobody), and in tests a clock. */
export interface ReportsCtx {
  store: StoreClients;
  principal: Principal | null;
  now?: () => Date;
}

export const ctxOf = (c: AppContext): ReportsCtx => ({ store: c.get('deps').store, principal: c.get('principal') });
export const nowOf = (ctx: ReportsCtx) => (ctx.now ? ctx.now() : new Date());
