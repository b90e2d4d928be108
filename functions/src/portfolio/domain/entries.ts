/**
 * The portfolio's timeline, pure: every completion on the platform (read from the learner's record
 * on each request, never copied) and the external learning the learner added, as one kind of entry
 * with its points per register; and the credits the points engine (./points.ts) counts.
 *
 * Points on the platform are the accreditation frozen on the completion (`completedModule`: the
 * module as it was when completed); a completion from before that copy existed falls back to the
 * module's current accreditation. Platform accreditation is accredited by definition (the academy
 * accredited the module or path with the register); external learning is accredited when the
 * learner gives an accreditation number.
 */
import type { Accreditation, LearnerModule, LearningEvent } from '../../learning';
import { amsterdamDate } from './dates';

export interface EntryPoints {
  register: string;
  amount: number;
  accredited: boolean;
  accreditationNumber?: string;
  category?: string;
}

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  bytes: number;
  objectKey: string;
  uploadedAt: string;
}

/** External learning as stored (points per register by the register's id). */
export interface ExternalEntry {
  id: string;
  title: string;
  provider: string;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  hours: number;
  accreditationNumber?: string;
  description?: string;
  points: Array<{ registerId: string; amount: number; category?: string }>;
  evidence?: EvidenceFile;
  rev: number;
  createdAt: string;
  updatedAt: string;
}

export type EntrySource = 'module' | 'path' | 'external';

export interface PortfolioEntry {
  /** `module:{moduleId}`, `path:{pathId}` or `external:{id}`: stable, names reflections. */
  id: string;
  source: EntrySource;
  title: string;
  /** When it was completed: an instant for the platform, a calendar date for external learning. */
  completedAt: string;
  /** The Amsterdam calendar date the registers count. */
  date: string;
  /** Module entries: the module's form (e-learning, classroom, …) and what completed it (attendance, an approved assignment, SCORM, …). */
  moduleId?: string;
  kind?: string;
  completedBy?: string;
  pathId?: string;
  provider?: string;
  hours?: number;
  description?: string;
  accreditationNumber?: string;
  points: EntryPoints[];
  /** E-learning: what the SCORM attempt reported (self-reported). */
  result?: { success: string; percent?: number; timeSeconds: number };
  evidence?: { fileName: string; contentType: string; bytes: number };
  /** External entries: the revision an edit must name. */
  rev?: number;
}

export const moduleEntryId = (moduleId: string) => `module:${moduleId}`;
export const pathEntryId = (pathId: string) => `path:${pathId}`;
export const externalEntryId = (id: string) => `external:${id}`;

const pointsOf = (accreditation: ReadonlyArray<Pick<Accreditation, 'register' | 'points'> & { accreditationNumber?: string }>): EntryPoints[] =>
  accreditation.filter((a) => a.points > 0).map((a) => ({ register: a.register, amount: a.points, accredited: true, ...(a.accreditationNumber ? { accreditationNumber: a.accreditationNumber } : {}) }));

/** The platform's completions: completed modules (with the frozen accreditation) and completed paths. */
export function platformEntries(modules: LearnerModule[], events: LearningEvent[], currentAccreditation: ReadonlyMap<string, Accreditation[]>): PortfolioEntry[] {
  const out: PortfolioEntry[] = [];
  for (const m of modules) {
    if (!m.completedAt) continue;
    const accreditation = m.completedModule?.accreditation ?? currentAccreditation.get(m.moduleId) ?? [];
    out.push({
      id: moduleEntryId(m.moduleId),
      source: 'module',
      title: m.completedModule?.title ?? m.title,
      completedAt: m.completedAt,
      date: amsterdamDate(m.completedAt),
      moduleId: m.moduleId,
      kind: m.kind,
      ...(m.source ? { completedBy: m.source } : {}),
      points: pointsOf(accreditation),
      ...(m.result ? { result: { success: m.result.success, ...(m.result.percent !== undefined ? { percent: m.result.percent } : {}), timeSeconds: m.result.timeSeconds } } : {}),
    });
  }
  for (const e of events) {
    if (e.kind !== 'path-completed') continue;
    out.push({ id: pathEntryId(e.pathId), source: 'path', title: e.title, completedAt: e.completedAt, date: amsterdamDate(e.completedAt), pathId: e.pathId, points: pointsOf(e.accreditation) });
  }
  return out;
}

/** External learning as the timeline shows it; points for a register that no longer exists are left out. */
export function externalEntryView(e: ExternalEntry, registerNames: ReadonlyMap<string, string>): PortfolioEntry {
  const accredited = Boolean(e.accreditationNumber);
  return {
    id: externalEntryId(e.id),
    source: 'external',
    title: e.title,
    completedAt: e.date,
    date: e.date,
    provider: e.provider,
    hours: e.hours,
    ...(e.description ? { description: e.description } : {}),
    ...(e.accreditationNumber ? { accreditationNumber: e.accreditationNumber } : {}),
    points: e.points.flatMap((p) => {
      const register = registerNames.get(p.registerId);
      return register && p.amount > 0 ? [{ register, amount: p.amount, accredited, ...(e.accreditationNumber ? { accreditationNumber: e.accreditationNumber } : {}), ...(p.category ? { category: p.category } : {}) }] : [];
    }),
    ...(e.evidence ? { evidence: { fileName: e.evidence.fileName, contentType: e.evidence.contentType, bytes: e.evidence.bytes } } : {}),
    rev: e.rev,
  };
}

/** Newest first; the same day by title. */
export const byNewest = (a: PortfolioEntry, b: PortfolioEntry) => b.date.localeCompare(a.date) || b.completedAt.localeCompare(a.completedAt) || a.title.localeCompare(b.title, 'nl');

/** Filters of the timeline: entries with points for a register (by name), in a calendar year. */
export function filterEntries(entries: PortfolioEntry[], filter: { register?: string; year?: number }): PortfolioEntry[] {
  return entries.filter((e) => (filter.register === undefined || e.points.some((p) => p.register === filter.register)) && (filter.year === undefined || e.date.startsWith(`${filter.year}-`)));
}

/** The credits the engine counts: one per entry and register it carries points for. */
export function creditsOf(entries: PortfolioEntry[]) {
  return entries.flatMap((e) => e.points.map((p) => ({ entryId: e.id, register: p.register, amount: p.amount, accredited: p.accredited, date: e.date, ...(p.category ? { category: p.category } : {}) })));
}
