import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import { keys } from '../../functions/src/platform/store/keys';
import { put } from '../../functions/src/platform/store/table';
import { getModule } from '../../functions/src/learning/shared/store';

const DemoRequirement = z.object({
  moduleId: z.string(),
  appliesTo: z.object({ roles: z.array(z.string()).optional(), professions: z.array(z.string()).optional(), departments: z.array(z.string()).optional() }),
  validityMonths: z.number().int().positive(),
  graceDays: z.number().int().min(0),
  dueSoonDays: z.number().int().min(0),
  since: z.string().date(),
});

/**
 * The demo's mandatory-training requirements (content/portfolio/mandatory.json), written only when
 * absent, so an academy-admin's change survives a restart. Runs after the learning seed: the title
 * and form come from the module.
 */
export async function seedMandatory(store: StoreClients, contentDir: string): Promise<{ requirements: number; created: number }> {
  const file = join(contentDir, 'portfolio', 'mandatory.json');
  const list = z.array(DemoRequirement).parse(JSON.parse(readFileSync(file, 'utf8')));
  let created = 0;
  for (const r of list) {
    const m = await getModule(store, r.moduleId);
    if (!m) throw new Error(`${file}: unknown module ${r.moduleId}`);
    try {
      await put(
        store,
        { ...keys.mandatoryRequirement(r.moduleId), type: 'mandatory-requirement', ...r, title: m.title, kind: m.kind, rev: 1, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: { id: 'u-sanne-de-vries', name: 'Sanne de Vries' } },
        { ConditionExpression: 'attribute_not_exists(PK)' },
      );
      created++;
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    }
  }
  return { requirements: list.length, created };
}
