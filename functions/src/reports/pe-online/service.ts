/**
 * The attendance export for the registers (PE-online): per accredited course (accreditation number)
 * and edition, one row per learner who completed it, with their registration number at the register.
 * Only the academy; see functions/docs/certificates.md.
 */
import type { Principal } from '../../platform/auth/principal';
import { currentLanguage } from '../../platform/http/language';
import type { StoreClients } from '../../platform/store/clients';
import { actorOf, authorize } from '../../policy';
import { getUser } from '../../identity';
import { listModulesByStatus } from '../../learning';
import { attendanceCsv, attendanceRows, type AttendanceFilter } from './domain/attendance';
import * as db from './store';

export interface AttendanceCtx {
  store: StoreClients;
  principal: Principal | null;
}

export interface AttendanceInput {
  register: string;
  course: string;
  edition?: string;
  from?: string;
  to?: string;
}

/** Learners whose profiles are read at the same time. */
const parallel = 25;

export async function attendanceExport(ctx: AttendanceCtx, q: AttendanceInput) {
  authorize(actorOf(ctx.principal), 'reports', 'export-attendance', {});
  const s = ctx.store;
  const register = await db.registerRef(s, q.register);
  const filter: AttendanceFilter = { register: register.name, course: q.course, ...(q.edition ? { edition: q.edition } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
  // Modules that carry (or carried, archived) the course for this register; each completion's frozen copy decides.
  const modules = (await Promise.all((['published', 'archived', 'draft'] as const).map((st) => listModulesByStatus(s, st)))).flat();
  const courseModules = modules.filter((m) => m.accreditation.some((a) => a.register === register.name && a.accreditationNumber === q.course));
  const completions = (await Promise.all(courseModules.map((m) => db.completionsOfModule(s, m.id)))).flat();
  const learners = [...new Set(completions.map((c) => c.userId))];
  const names = new Map<string, string>();
  for (let i = 0; i < learners.length; i += parallel) {
    const profiles = await Promise.all(learners.slice(i, i + parallel).map((u) => getUser(s, u)));
    profiles.forEach((p, j) => names.set(learners[i + j]!, p?.name ?? learners[i + j]!));
  }
  const numbers = register.id ? await db.registrationNumbers(s, register.id, learners) : new Map<string, string>();
  const rows = attendanceRows(completions, filter, names, numbers);
  const language = currentLanguage();
  const safe = (v: string) => v.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  return { csv: attendanceCsv(rows, language), fileName: `presentie-${safe(q.course)}${q.edition ? `-${safe(q.edition)}` : ''}.csv`, rows: rows.length };
}
