/**
 * Progress per registration (earned, required, missing, days left in the cycle, computed by the
 * points engine on every read) and what in the catalogue would close the gap: published modules
 * accredited for that register that the learner may join and has not completed, most points first.
 */
import type { StoreClients } from '../../platform/store/clients';
import { listPublishedModules, type StoredModule } from '../../learning';
import { actorOf, can } from '../../policy';
import { amsterdamDate } from '../domain/dates';
import { moduleEntryId } from '../domain/entries';
import { ownPortfolio, todayOf, type PortfolioCtx } from '../context';
import { progressOf, readPortfolio, type ProgressOfRegistration } from '../read';

const maxSuggestions = 5;

export interface Suggestion {
  moduleId: string;
  title: string;
  kind: string;
  amount: number;
  accreditationNumber?: string;
}

function suggestionsFor(p: ProgressOfRegistration, catalogue: StoredModule[], completed: Set<string>, joinable: (m: StoredModule) => boolean): Suggestion[] {
  if (p.complete) return [];
  return catalogue
    .flatMap((m) => {
      const a = (m.accreditation ?? []).find((x) => x.register === p.register.name && x.points > 0);
      return a && !completed.has(moduleEntryId(m.id)) && joinable(m) ? [{ moduleId: m.id, title: m.title, kind: m.kind, amount: a.points, ...(a.accreditationNumber ? { accreditationNumber: a.accreditationNumber } : {}) }] : [];
    })
    .sort((a, b) => b.amount - a.amount || a.title.localeCompare(b.title, 'nl'))
    .slice(0, maxSuggestions);
}

/** What the API answers: the progress without the counted entries (the overview PDF lists those). */
const publicView = ({ counted: _counted, ...rest }: ProgressOfRegistration) => rest;

export async function myProgress(ctx: PortfolioCtx) {
  const p = ownPortfolio(ctx, 'read');
  const [read, catalogue] = await Promise.all([readPortfolio(ctx.store, p.id), listPublishedModules(ctx.store)]);
  const progress = progressOf(read, todayOf(ctx));
  const completed = new Set(read.entries.map((e) => e.id));
  const actor = actorOf(p);
  const joinable = (m: StoredModule) => can(actor, 'module', 'join', { status: m.status, enrolAudience: m.enrolAudience, kind: m.kind });
  return progress.map((x) => ({ ...publicView(x), suggestions: suggestionsFor(x, catalogue, completed, joinable) }));
}

/**
 * For the team page (functions/src/portfolio/team…): a member's progress per registration, each
 * with the member's `shareWithManager`; the caller shows only what is shared (policy kind
 * `sharedProgress`). No suggestions, no entries.
 */
export async function registerProgressOf(store: StoreClients, userId: string, now: Date = new Date()) {
  const read = await readPortfolio(store, userId);
  return progressOf(read, amsterdamDate(now)).map((x) => ({ ...publicView(x), shareWithManager: x.registration.shareWithManager }));
}
