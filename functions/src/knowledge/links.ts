import type { Principal } from '../platform/auth/principal';
import type { StoreClients } from '../platform/store/clients';
import type { Audience } from './domain/visibility';

/**
 * What knowledge needs to know of the academy, without importing it: learning depends on
 * knowledge (a reading module assigns an article), so the other direction is handed in once by
 * the composition root (functions/src/features.ts) instead of imported, and no cycle arises.
 */
export interface LearningLinks {
  /** Published reading modules, with the article slug they assign and who may join them. */
  readingModules(store: StoreClients): Promise<Array<{ id: string; title: string; articleSlug: string; enrolAudience: 'employees' | 'partners' | 'public' }>>;
  /** Modules to show beside an article, among those the reader may join. */
  relatedModules(ctx: { store: StoreClients; principal: Principal | null }, article: { slug: string; networkId: string; themes: string[]; audience: Audience }): Promise<Array<{ id: string; kind: string; title: string; durationMinutes: number }>>;
}

let links: LearningLinks | undefined;

export function useLearningLinks(value: LearningLinks): void {
  links = value;
}

export function learningLinks(): LearningLinks {
  if (!links) throw new Error('knowledge: the learning links are not connected; import functions/src/features.ts in the composition root');
  return links;
}
