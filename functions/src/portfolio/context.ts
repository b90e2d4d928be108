import type { Principal } from '../platform/auth/principal';
import { Problem } from '../platform/http/problem';
import { text } from '../platform/http/language';
import type { AppContext } from '../platform/http/router';
import type { StoreClients } from '../platform/store/clients';
import { actorOf, authorize, type Action } from '../policy';
import { amsterdamDate } from './domain/dates';

/** What every portfolio use case gets: the store, the caller (or nobody), and in tests a clock. */
export interface PortfolioCtx {
  store: StoreClients;
  principal: Principal | null;
  now?: () => Date;
}

export const ctxOf = (c: AppContext): PortfolioCtx => ({ store: c.get('deps').store, principal: c.get('principal') });
export const nowOf = (ctx: PortfolioCtx) => (ctx.now ? ctx.now() : new Date());
/** Today as the registers count days: the calendar date in Europe/Amsterdam. */
export const todayOf = (ctx: PortfolioCtx) => amsterdamDate(nowOf(ctx));

export const portfolioMissing = text('Niet gevonden', 'Not found');

/**
 * The caller's own portfolio, for `action`: the policy decides (staff, themselves only; anyone
 * else, partners included, finds nothing there). Returns who the owner is.
 */
export function ownPortfolio(ctx: PortfolioCtx, action: Action<'portfolio'>): Principal {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om je portfolio te zien', 'Sign in to see your portfolio'));
  authorize(actorOf(ctx.principal), 'portfolio', action, { ownerId: ctx.principal.id }, portfolioMissing);
  return ctx.principal;
}
