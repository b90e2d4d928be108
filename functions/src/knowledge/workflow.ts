import type { Principal } from '../auth/principal';

/**
 * The editorial rules of the knowledge base as pure functions: who may write, review and
 * publish, and when an article is due for review.
 */
export type NetworkRole = 'lead' | 'member';
export type DraftState = 'editing' | 'in-review' | 'returned';

export interface Membership {
  networkId: string;
  role: NetworkRole;
}

export const reviewCycleMonths = 12;

const isAdmin = (p: Principal) => p.roles.includes('academy-admin');

/** Authors write for the networks they belong to; experts by experience are authors like anyone else. */
export function canWrite(p: Principal | null, networkId: string, memberships: Membership[]): boolean {
  if (!p) return false;
  if (isAdmin(p)) return true;
  return p.roles.includes('author') && memberships.some((m) => m.networkId === networkId);
}

/** Lead experts of the owning network (or the academy) publish, return and archive. */
export function canPublish(p: Principal | null, networkId: string, memberships: Membership[]): boolean {
  if (!p) return false;
  if (isAdmin(p)) return true;
  return memberships.some((m) => m.networkId === networkId && m.role === 'lead');
}

/** Network authors answer reader signals; so do the leads and the academy. */
export function canHandleSignals(p: Principal | null, networkId: string, memberships: Membership[]): boolean {
  return canWrite(p, networkId, memberships) || canPublish(p, networkId, memberships);
}

/** Which transitions a draft allows; anything else is a 409 with the current state. */
export const draftTransitions: Record<'save' | 'submit' | 'publish' | 'return', DraftState[]> = {
  save: ['editing', 'returned'],
  submit: ['editing', 'returned'],
  publish: ['in-review'],
  return: ['in-review'],
};

/** Review-by date: a fixed number of months after the (re)publication, in calendar terms. */
export function reviewByDate(publishedAt: string, months = reviewCycleMonths): string {
  const d = new Date(publishedAt);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

export function isOverdue(reviewBy: string | undefined, today: string): boolean {
  return reviewBy !== undefined && reviewBy < today;
}
