/**
 * The portfolio as every part of it reads it (timeline, progress, exports, the team's shared
 * progress, the personal-data export): three Queries side by side (the learner's learning record,
 * their portfolio partition, the registers) and, only for completions recorded before the
 * accreditation was frozen on them, one BatchGet of those modules. Nothing is copied from learning.
 */
import type { StoreClients } from '../platform/store/clients';
import { getModules, learnerRecord, type Accreditation } from '../learning';
import { byNewest, creditsOf, externalEntryId, externalEntryView, platformEntries, type PortfolioEntry } from './domain/entries';
import { registerTotals, type RegisterTotals } from './domain/points';
import type { Register } from './domain/registers';
import { listRegisters } from './registers/store';
import { portfolioItems, type PortfolioItems, type StoredReflection } from './store';
import { registrationView, type RegistrationView } from './registrations/service';

export interface EntryView extends PortfolioEntry {
  evidence?: PortfolioEntry['evidence'] & { url: string };
  reflection?: Omit<StoredReflection, 'entryId'>;
}

export interface PortfolioRead extends PortfolioItems {
  entries: EntryView[];
  registers: Register[];
}

export const evidenceUrl = (entryId: string) => `/api/me/portfolio/entries/${entryId}/evidence`;

export async function readPortfolio(store: StoreClients, userId: string, opts: { consistent?: boolean } = {}): Promise<PortfolioRead> {
  const [record, items, registers] = await Promise.all([learnerRecord(store, userId, opts), portfolioItems(store, userId, opts), listRegisters(store)]);
  const unfrozen = record.modules.filter((m) => m.completedAt && !m.completedModule).map((m) => m.moduleId);
  const current = new Map<string, Accreditation[]>();
  if (unfrozen.length > 0) for (const [id, m] of await getModules(store, unfrozen)) current.set(id, m.accreditation ?? []);
  const names = new Map(registers.map((r) => [r.id, r.name]));
  const reflections = new Map(items.reflections.map((r) => [r.entryId, r]));
  const entries: EntryView[] = [...platformEntries(record.modules, record.events, current), ...items.externals.map((e) => externalEntryView(e, names))]
    .map((e): EntryView => {
      const r = reflections.get(e.id);
      const { evidence: _file, ...rest } = e;
      return {
        ...rest,
        ...(e.evidence ? { evidence: { ...e.evidence, url: evidenceUrl(e.id) } } : {}),
        ...(r ? { reflection: { text: r.text, sharedWithManager: r.sharedWithManager, updatedAt: r.updatedAt } } : {}),
      };
    })
    .sort(byNewest);
  return { ...items, entries, registers };
}

export interface ProgressOfRegistration extends Omit<RegisterTotals, 'credits'> {
  registration: RegistrationView;
  register: Register;
  entries: number;
  /** The entries that count in this cycle (for the re-registration overview). */
  counted: Array<{ entry: EntryView; amount: number; accredited: boolean }>;
}

/** Progress per registration (registrations of a register that no longer exists are left out). */
export function progressOf(read: PortfolioRead, today: string): ProgressOfRegistration[] {
  const credits = creditsOf(read.entries);
  const byId = new Map(read.registers.map((r) => [r.id, r]));
  const entryById = new Map(read.entries.map((e) => [e.id, e]));
  return read.registrations.flatMap((registration) => {
    const register = byId.get(registration.registerId);
    if (!register) return [];
    const { credits: counted, ...totals } = registerTotals(register, credits, registration.cycleStart, today);
    return [
      {
        ...totals,
        registration: registrationView(registration, register),
        register,
        entries: counted.length,
        counted: counted.flatMap((c) => {
          const entry = entryById.get(c.entryId);
          return entry ? [{ entry, amount: c.amount, accredited: c.accredited }] : [];
        }),
      },
    ];
  }).sort((a, b) => a.register.name.localeCompare(b.register.name, 'nl'));
}

export { externalEntryId };
export type { PortfolioEntry };
