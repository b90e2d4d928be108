import type { StoreClients } from '../../platform/store/clients';
import { listNetworkArticles, listVersions } from './store';

/**
 * The activity view (functions/src/reports/activity): every published version of a network's
 * articles, with when it was published. A network's articles by last change (GSI1, pattern 13),
 * then each published article's history without bodies (pattern 12): no text, no names.
 */
export async function networkPublications(store: StoreClients, networkId: string): Promise<Array<{ articleId: string; version: number; publishedAt: string }>> {
  const published = (await listNetworkArticles(store, networkId, 1000)).filter((a) => a.publishedVersion > 0);
  const histories = await Promise.all(published.map(async (a) => (await listVersions(store, a.id)).map((v) => ({ articleId: a.id, version: v.version, publishedAt: v.publishedAt }))));
  return histories.flat();
}
