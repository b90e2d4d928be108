import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import { RegisterInputSchema } from '../../functions/src/portfolio/schemas';
import { putRegister } from '../../functions/src/portfolio/registers/store';

export interface PortfolioSeedReport {
  /** Registers in content/portfolio/registers.json. */
  registers: number;
  /** Written in this run (0 on a second start: a register the academy may have edited is left alone). */
  created: number;
}

/**
 * The professional registers the demo starts with (content/portfolio/registers.json), checked with
 * the same schema as the API's create, written only when absent: idempotent, and the academy's
 * later edits of a register's rules survive a restart. Their names are the ones module
 * accreditation in content/learning/modules.json uses.
 */
export async function seedPortfolio(store: StoreClients, contentDir: string): Promise<PortfolioSeedReport> {
  const raw = JSON.parse(await readFile(join(contentDir, 'portfolio', 'registers.json'), 'utf8')) as unknown[];
  let created = 0;
  const at = '2026-01-01T00:00:00.000Z';
  for (const [i, r] of raw.entries()) {
    const parsed = RegisterInputSchema.safeParse(r);
    if (!parsed.success) throw new Error(`content/portfolio/registers.json[${i}]: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    if (await putRegister(store, { ...parsed.data, rev: 1, createdAt: at, updatedAt: at }, null)) created++;
  }
  return { registers: raw.length, created };
}
