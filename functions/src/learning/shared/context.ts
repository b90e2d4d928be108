import type { Principal } from '../../platform/auth/principal';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import type { AppContext } from '../../platform/http/router';
import type { StoreClients } from '../../platform/store/clients';

/**
 * What every academy use case gets: the store, the caller (or nobody), and in tests a clock.
 * Shared by all parts of learning (catalogue, sessions, paths, assignments, …).
 */
export interface LearningCtx {
  store: StoreClients;
  principal: Principal | null;
  now?: () => string;
  /** The request's id: publishing and archiving modules are written to the audit log with it (seeds and scripts, without a request, are not). */
  requestId?: string;
}

/** The use-case context of a request (for route handlers). */
export const ctxOf = (c: AppContext): LearningCtx => ({ store: c.get('deps').store, principal: c.get('principal'), requestId: c.get('requestId') });

export const nowOf = (ctx: LearningCtx) => (ctx.now ? ctx.now() : new Date().toISOString());

export function signedIn(ctx: LearningCtx): Principal {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om je in te schrijven', 'Sign in to enrol'));
  return ctx.principal;
}
