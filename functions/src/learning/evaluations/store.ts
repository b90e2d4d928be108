import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { batchGet, queryAll, transact } from '../../platform/store/table';
import { counterParts } from '../../platform/store/activity-counters';

/** Evaluations, one item per learner and module or path, under the evaluated target. */

/** Once per learner and target; counted (number and rating) with it in the same transaction, for the academy reports. */
export async function putEvaluation(store: StoreClients, userId: string, e: Record<string, unknown> & { targetType: 'module' | 'path'; targetId: string; rating: number; createdAt: string }): Promise<boolean> {
  return conditional(() =>
    transact(store, [
      { Put: { Item: { ...keys.evaluation(e.targetType, e.targetId, userId), type: 'evaluation', ...e }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ...counterParts([{ at: e.createdAt, targetType: e.targetType, targetId: e.targetId, evaluations: 1, scoreSum: e.rating }]),
    ]),
  );
}

export async function evaluationsOf(store: StoreClients, targetType: string, targetId: string) {
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `EVAL#${targetType}#${targetId}` } });
  return items.map((i) => fromItem<Record<string, unknown>>(i)!);
}

export async function evaluatedTargets(store: StoreClients, userId: string, targets: Array<{ targetType: string; targetId: string }>) {
  const done = new Set<string>();
  for (const item of await batchGet(store, targets.map((t) => keys.evaluation(t.targetType, t.targetId, userId)))) done.add(`${item.targetType}#${item.targetId}`);
  return done;
}

