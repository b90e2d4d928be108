/**
 * The editorial workflow of the knowledge base as pure functions: which transitions a draft
 * allows and when an article is due for review. Who may take them is the access policy's.
 */
export type { Membership, NetworkRole } from '../../policy';
export type DraftState = 'editing' | 'in-review' | 'returned';

export const reviewCycleMonths = 12;

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
