import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { countsOf, type ActivityCounts } from '../platform/store/activity-counters';
import { queryAll } from '../platform/store/table';

/**
 * Reading the activity counters: one Query per month (its partition holds one item per module or
 * path with activity that month). Learning writes them, with the events (functions/docs/reports.md).
 */
export async function countersOfMonth(store: StoreClients, month: string): Promise<ActivityCounts[]> {
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.activityMonth(month).PK } });
  return items.map(countsOf);
}

/** The months of a period, read side by side (at most 24 Queries). */
export async function countersOf(store: StoreClients, months: string[]): Promise<ActivityCounts[]> {
  return (await Promise.all(months.map((m) => countersOfMonth(store, m)))).flat();
}
