/**
 * The points engine: what a learner has earned for one professional register in one cycle, from
 * their completions (credits) and the register's rules. Pure and computed on every read, never
 * stored: editing a register's rules (required total, caps, accredited minimum, cycle length)
 * changes every learner's totals at once, and nothing has to be recalculated or migrated.
 *
 * The rules, as functions/docs/portfolio.md documents them:
 * - **Cycle**: from the registration's cycle start, `cycleYears` calendar years; the start day is
 *   inside (inclusive), the end day is the first day of the next cycle (exclusive). Days are
 *   calendar dates in Europe/Amsterdam (a credit's `date`, see ./dates.ts). When today is past the
 *   end, the current cycle is the one that contains today (cycles follow each other without gaps).
 * - **Once per register**: credits with the same `entryId` for the same register count once (the
 *   largest amount; an accredited one before an equal non-accredited one).
 * - **Caps**: a category with a cap counts at most the cap; within it, accredited credits are
 *   counted first. Credits without a (known) category count uncapped.
 * - **Accredited minimum**: `missing` is the larger of what the total still lacks and what the
 *   accredited part still lacks (an accredited credit counts towards both).
 * - **Sum of parts**: earned = Σ counted per category = earnedAccredited + earnedOther.
 */
import { addYears, daysBetween } from './dates';

export type RegisterUnit = 'points' | 'hours';

export interface RegisterCategory {
  id: string;
  name: string;
  /** At most this much counts in one cycle. */
  cap?: number;
}

/** What the engine needs of a register. */
export interface RegisterRules {
  /** The name module accreditation uses in `register`. */
  name: string;
  unit: RegisterUnit;
  cycleYears: number;
  requiredTotal: number;
  minimumAccredited?: number;
  categories?: RegisterCategory[];
}

/** One completion's value for one register. */
export interface Credit {
  /** The completion (`module:{id}`, `path:{id}`, `external:{id}`): counts once per register. */
  entryId: string;
  register: string;
  amount: number;
  /** From an activity the register accredited (a module's accreditation, an accreditation number). */
  accredited: boolean;
  category?: string;
  /** Amsterdam calendar date, YYYY-MM-DD. */
  date: string;
}

/** A cycle: `start` inclusive, `end` exclusive (both YYYY-MM-DD). */
export interface Cycle {
  start: string;
  end: string;
  /** 1 for the cycle that begins at the registration's cycle start, 2 for the next, … */
  number: number;
}

export interface CategoryTotal {
  /** null: credits without a (known) category. */
  id: string | null;
  name: string | null;
  cap: number | null;
  /** Everything in the category before the cap. */
  total: number;
  /** What counts after the cap. */
  counted: number;
  accredited: number;
}

export interface RegisterTotals {
  unit: RegisterUnit;
  cycle: Cycle & { daysLeft: number };
  required: number;
  earned: number;
  earnedAccredited: number;
  earnedOther: number;
  minimumAccredited: number | null;
  missing: number;
  missingAccredited: number;
  complete: boolean;
  categories: CategoryTotal[];
  /** The credits of this cycle that count (once each), by date. */
  credits: Credit[];
}

/** Sums to two decimals, so 0.1 + 0.2 points is 0.3 and totals compare exactly. */
const round = (n: number) => Math.round(n * 100) / 100;

/** The cycle that contains `today` (or the first one, before it starts). */
export function cycleOn(cycleStart: string, cycleYears: number, today: string): Cycle {
  const years = Math.max(1, Math.floor(cycleYears));
  let number = 1;
  let start = cycleStart;
  let end = addYears(cycleStart, years);
  // Bounded: a cycle start is a real date, so this runs at most a few dozen times.
  while (today >= end && number < 1000) {
    number++;
    start = end;
    end = addYears(cycleStart, years * number);
  }
  return { start, end, number };
}

export const inCycle = (date: string, cycle: Pick<Cycle, 'start' | 'end'>) => date >= cycle.start && date < cycle.end;

/** One credit per entry for the register: the largest amount, accredited first on a tie. */
export function oncePerEntry(credits: Credit[]): Credit[] {
  const best = new Map<string, Credit>();
  for (const c of credits) {
    const kept = best.get(c.entryId);
    if (!kept || c.amount > kept.amount || (c.amount === kept.amount && c.accredited && !kept.accredited)) best.set(c.entryId, c);
  }
  return [...best.values()].sort((a, b) => a.date.localeCompare(b.date) || a.entryId.localeCompare(b.entryId));
}

/** Earned, missing and days left for one register in the cycle that contains `today`. */
export function registerTotals(rules: RegisterRules, allCredits: Credit[], cycleStart: string, today: string): RegisterTotals {
  const cycle = cycleOn(cycleStart, rules.cycleYears, today);
  const credits = oncePerEntry(allCredits.filter((c) => c.register === rules.name && c.amount > 0 && Number.isFinite(c.amount) && inCycle(c.date, cycle)));
  const known = new Map((rules.categories ?? []).map((c) => [c.id, c]));
  const groups = new Map<string | null, Credit[]>();
  for (const c of credits) {
    const id = c.category !== undefined && known.has(c.category) ? c.category : null;
    groups.set(id, [...(groups.get(id) ?? []), c]);
  }
  const categories: CategoryTotal[] = [];
  const order: Array<string | null> = [...known.keys(), null];
  for (const id of order) {
    const group = groups.get(id) ?? [];
    if (id === null && group.length === 0) continue;
    const def = id === null ? undefined : known.get(id);
    const cap = def?.cap ?? null;
    const accSum = round(group.filter((c) => c.accredited).reduce((s, c) => s + c.amount, 0));
    const otherSum = round(group.filter((c) => !c.accredited).reduce((s, c) => s + c.amount, 0));
    const accCounted = cap === null ? accSum : Math.min(accSum, cap);
    const otherCounted = cap === null ? otherSum : Math.min(otherSum, round(cap - accCounted));
    categories.push({ id, name: def?.name ?? null, cap, total: round(accSum + otherSum), counted: round(accCounted + otherCounted), accredited: accCounted });
  }
  const earnedAccredited = round(categories.reduce((s, c) => s + c.accredited, 0));
  const earned = round(categories.reduce((s, c) => s + c.counted, 0));
  const earnedOther = round(earned - earnedAccredited);
  const required = rules.requiredTotal;
  const minimumAccredited = rules.minimumAccredited ?? null;
  const missingAccredited = minimumAccredited === null ? 0 : Math.max(0, round(minimumAccredited - earnedAccredited));
  const missing = Math.max(0, round(required - earned), missingAccredited);
  return {
    unit: rules.unit,
    cycle: { ...cycle, daysLeft: Math.max(0, daysBetween(today, cycle.end)) },
    required,
    earned,
    earnedAccredited,
    earnedOther,
    minimumAccredited,
    missing,
    missingAccredited,
    complete: missing === 0,
    categories,
    credits,
  };
}
