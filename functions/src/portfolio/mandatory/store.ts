import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { batchGet, del, put, queryAll } from '../../platform/store/table';
import type { LearnerModule } from '../../learning';
import type { AppliesTo } from './domain/requirements';

/**
 * Mandatory-training requirements (`MANDATORY` / `MANDATORY#{moduleId}`, one partition), and the
 * learner-module items compliance reads: exactly the requirements' keys per person, by BatchGet,
 * never whole records (see functions/docs/mandatory-training.md).
 */
export interface Requirement {
  moduleId: string;
  /** The module's title when the requirement was saved (lists need no module read). */
  title: string;
  kind: string;
  appliesTo: AppliesTo;
  validityMonths: number;
  graceDays: number;
  dueSoonDays: number;
  /** YYYY-MM-DD: from this date the requirement applies. */
  since: string;
  rev: number;
  updatedAt: string;
  updatedBy: { id: string; name: string };
}

export async function listRequirements(store: StoreClients): Promise<Requirement[]> {
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.mandatoryRequirements.PK } });
  return items.map((i) => fromItem<Requirement>(i)).sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

/** Creates (`expectedRev` null: only when absent) or replaces the revision read; false when that no longer holds. */
export async function putRequirement(store: StoreClients, r: Requirement, expectedRev: number | null): Promise<boolean> {
  return conditional(() =>
    put(store, { ...keys.mandatoryRequirement(r.moduleId), type: 'mandatory-requirement', ...r }, {
      ConditionExpression: expectedRev === null ? 'attribute_not_exists(PK)' : 'rev = :rev',
      ...(expectedRev === null ? {} : { ExpressionAttributeValues: { ':rev': expectedRev } }),
    }),
  );
}

/** Deletes the revision read (any revision when `expectedRev` is left out); false when it is not there (or changed). */
export async function deleteRequirement(store: StoreClients, moduleId: string, expectedRev?: number): Promise<boolean> {
  return conditional(() =>
    del(store, keys.mandatoryRequirement(moduleId), expectedRev === undefined ? { ConditionExpression: 'attribute_exists(PK)' } : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': expectedRev } }),
  );
}

/** BatchGets in flight at once for large reads (a department of thousands): 100 keys each. */
const parallelBatches = 8;

/**
 * The learner-module items for the given (person, module) pairs, keyed `userId#moduleId`. Only
 * those keys are read (BatchGet, 100 per call, a few calls in parallel): for a team of 200 with
 * four requirements, 800 keys in 8 calls.
 */
export async function learnerModules(store: StoreClients, pairs: ReadonlyArray<{ userId: string; moduleId: string }>): Promise<Map<string, LearnerModule>> {
  const chunks: Array<Array<{ userId: string; moduleId: string }>> = [];
  for (let i = 0; i < pairs.length; i += 100) chunks.push(pairs.slice(i, i + 100));
  const out = new Map<string, LearnerModule>();
  for (let i = 0; i < chunks.length; i += parallelBatches) {
    const results = await Promise.all(chunks.slice(i, i + parallelBatches).map((c) => batchGet(store, c.map((p) => keys.learnerModule(p.userId, p.moduleId)))));
    for (const item of results.flat()) {
      const userId = String(item.PK).slice('LEARNER#'.length);
      const lm = fromItem<LearnerModule>(item);
      out.set(`${userId}#${lm.moduleId}`, lm);
    }
  }
  return out;
}
