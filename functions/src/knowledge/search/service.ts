import { recheckResults, type Audience, type SearchHit, type SearchOptions, type SearchResponse } from '../domain/search';
import type { StoreClients } from '../../platform/store/clients';
import type { SearchIndexStore } from './index-store';
import { currentArticles } from './indexer';

/**
 * The reader's search: the in-memory index finds and ranks, then one BatchGet of the page's
 * article records re-checks every hit before it is shown. The index follows the store and may lag
 * (an index update failed, or the stream has not delivered yet); the re-check makes sure an
 * article that was archived or narrowed to an audience the caller may not read never shows up
 * with its title, summary or snippet, and a hit from an older version shows the current text.
 */
export async function searchArticles(ctx: { store: StoreClients; search: SearchIndexStore }, query: string, opts: SearchOptions & { audiences: Audience[] }): Promise<SearchResponse<SearchHit>> {
  const index = await ctx.search.current();
  const found = index.search(query, opts);
  const current = await currentArticles(
    ctx.store,
    found.results.map((hit) => hit.id),
  );
  return recheckResults(found, current, opts.audiences);
}
