import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { put, queryAll, transact, type TransactPart } from '../../platform/store/table';
import type { StoredModule } from '../shared/store';

/** Writing modules and listing them by status (reading one module is in ../shared/store.ts, as every part needs it). */

/** Writes the module if it is still at `expectedRev` (new when `null`); `extraParts` (audit entries) go in the same transaction. */
export async function putModule(store: StoreClients, m: StoredModule, expectedRev: number | null, extraParts: TransactPart[] = []) {
  const item = { ...keys.module(m.id), ...keys.moduleByStatus(m.status, m.title, m.id), type: 'module', ...m };
  const condition = {
    ConditionExpression: expectedRev === null ? 'attribute_not_exists(PK)' : 'rev = :rev',
    ExpressionAttributeValues: expectedRev === null ? undefined : { ':rev': expectedRev },
  };
  if (extraParts.length === 0) return conditional(() => put(store, item, condition));
  return conditional(() => transact(store, [{ Put: { Item: item, ...condition } }, ...extraParts]));
}

/** The published catalogue without descriptions (list fields only): one paginated Query. */
export async function listPublishedModules(store: StoreClients): Promise<StoredModule[]> {
  // Everything but the rendered description: the list never shows it, and it is the bulk of an item.
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': 'MODULES#published' },
    ProjectionExpression: 'id, kind, title, description, learningGoals, durationMinutes, networkId, themes, targetAudience, accreditation, enrolAudience, #lang, #status, articleSlug, eventType, provider',
    ExpressionAttributeNames: { '#lang': 'language', '#status': 'status' },
  });
  return items.map((i) => fromItem<StoredModule>(i)!);
}

/** Every module in one status, with all fields (academy management lists). */
export async function listModulesByStatus(store: StoreClients, status: 'draft' | 'published' | 'archived'): Promise<StoredModule[]> {
  const items = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': `MODULES#${status}` } });
  return items.map((i) => fromItem<StoredModule>(i)!);
}
