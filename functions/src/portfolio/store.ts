import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { fromItem } from '../platform/store/items';
import { queryAll } from '../platform/store/table';
import type { ExternalEntry } from './domain/entries';

/**
 * A learner's portfolio partition (`PORTFOLIO#{userId}`, functions/docs/portfolio.md P4): their
 * registrations, external learning and reflections, read in one Query. Only this slice's sort-key
 * prefixes are read, so other records that may live beside them are left alone.
 */

export interface StoredRegistration {
  registerId: string;
  registrationNumber: string;
  /** YYYY-MM-DD, the first day of the cycle (inclusive). */
  cycleStart: string;
  shareWithManager: boolean;
  rev: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredReflection {
  entryId: string;
  text: string;
  sharedWithManager: boolean;
  updatedAt: string;
}

export interface PortfolioItems {
  registrations: StoredRegistration[];
  externals: ExternalEntry[];
  reflections: StoredReflection[];
}

export async function portfolioItems(store: StoreClients, userId: string, opts: { consistent?: boolean } = {}): Promise<PortfolioItems> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.portfolio(userId).PK },
    ...(opts.consistent ? { ConsistentRead: true } : {}),
  });
  const out: PortfolioItems = { registrations: [], externals: [], reflections: [] };
  for (const i of items) {
    const sk = String(i.SK);
    if (sk.startsWith('REGISTRATION#')) out.registrations.push(fromItem<StoredRegistration>(i));
    else if (sk.startsWith('ENTRY#')) out.externals.push(fromItem<ExternalEntry>(i));
    else if (sk.startsWith('REFLECTION#')) out.reflections.push(fromItem<StoredReflection>(i));
  }
  return out;
}

/** The keys of every item of this slice in the partition (for erasure). */
export async function portfolioKeys(store: StoreClients, userId: string) {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.portfolio(userId).PK },
    ProjectionExpression: 'PK, SK',
    ConsistentRead: true,
  });
  return items.filter((i) => keys.portfolioPrefixes.some((p) => String(i.SK).startsWith(p))).map((i) => ({ PK: i.PK, SK: i.SK }));
}
