import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../platform/http/context';
import type { Principal } from '../platform/auth/principal';
import type { StoreClients } from '../platform/store/clients';
import { Problem } from '../platform/http/problem';
import { actorOf, isPartner } from '../policy';
import { partnerRefusal, type Refusal } from './domain/organisation';
import { accessRecords } from './store';

/**
 * The check on every request of a partner user (mounted by app.ts right after `authenticate()`):
 * their organisation must be active and they must not have been removed from it, whatever their
 * token says; a token signed before a suspension is refused from the next request on. Read fresh
 * every time (one BatchGetItem, strongly consistent: two items, no cache beyond the request), so
 * "on their next request" holds even right after the academy's change. Staff (no partner role, no
 * organisation) pay nothing: no read at all.
 */
export const answersToOrganisation = (p: Principal) => p.organisationId !== undefined || isPartner(actorOf(p));

export async function refusalFor(store: StoreClients, p: Principal): Promise<Refusal | undefined> {
  if (!answersToOrganisation(p)) return undefined;
  const partner = isPartner(actorOf(p));
  if (!p.organisationId) return partnerRefusal({ partner });
  const records = await accessRecords(store, p.organisationId, p.id);
  return partnerRefusal({ partner, organisationId: p.organisationId, ...records });
}

export function partnerAccessCheck(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (principal && answersToOrganisation(principal)) {
      const refusal = await refusalFor(c.get('deps').store, principal);
      if (refusal) {
        c.get('log')?.info('partner access refused', { organisationId: principal.organisationId, organisationStatus: refusal.organisationStatus });
        c.header('cache-control', 'private, no-store');
        throw new Problem(refusal.kind, refusal.detail, { organisationStatus: refusal.organisationStatus });
      }
    }
    await next();
  };
}
