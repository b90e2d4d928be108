/**
 * When mandatory training is valid, due and overdue: pure, no I/O. Decisions (also in
 * functions/docs/mandatory-training.md):
 *
 * - **Calendar dates in Europe/Amsterdam.** A completion counts on the day it happened in
 *   Amsterdam: 00:30 on 1 February Dutch time (23:30 UTC on 31 January) is 1 February. Every
 *   later date is calendar arithmetic on that date (no hours), so a DST change in between moves
 *   nothing: validity is counted in days and months, not in 24-hour periods.
 * - **Months clamp to the end of the month.** 31 January + 1 month is 28 (29) February; 29
 *   February 2024 + 12 months is 28 February 2025; 30 April + 1 month is 30 May (never 31).
 * - **`expiresOn` is the first day the training is no longer valid** (completion date + validity
 *   months): completed on 15 March 2025 with 12 months, valid up to and including 14 March 2026,
 *   due on 15 March 2026. `dueOn` is that day; `overdueOn` is `dueOn` + grace days.
 * - **Never completed:** due from the day the requirement applies (`since`), overdue after the
 *   grace days. A completion before `since` counts (valid until its own expiry).
 * - **Statuses**, for today's Amsterdam date d: `valid` (d < dueOn − dueSoonDays), `due-soon`
 *   (before dueOn), `in-grace` (expired, before overdueOn), `overdue` (from overdueOn); never
 *   completed: `due` before overdueOn, then `overdue`.
 * - The latest completion counts (repeating the module renews it); dates in the future (a clock
 *   ahead) count as they are.
 */

export interface ValidityRule {
  /** Months a completion stays valid (e.g. 12 or 24). */
  validityMonths: number;
  /** Days after expiry (or after `since`, when never completed) before it is overdue. */
  graceDays: number;
  /** Days before expiry from which it is "due soon" (default 60). */
  dueSoonDays?: number;
  /** The date (YYYY-MM-DD) from which the requirement applies. */
  since: string;
}

export const mandatoryStatuses = ['overdue', 'in-grace', 'due', 'due-soon', 'valid'] as const;
export type MandatoryStatus = (typeof mandatoryStatuses)[number];

export interface Validity {
  status: MandatoryStatus;
  /** Amsterdam date of the completion that counts (the latest). */
  completedOn?: string;
  /** First day no longer valid (completion + validity months); absent when never completed. */
  expiresOn?: string;
  /** The day it must be (re)done: `expiresOn`, or `since` when never completed. */
  dueOn: string;
  /** From this day it is overdue (`dueOn` + grace days). */
  overdueOn: string;
}

export const defaultDueSoonDays = 60;

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Amsterdam of an instant (ISO 8601 with offset or Z). */
export function amsterdamDate(instant: string | Date): string {
  const parts = dayFormat.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const ymd = (date: string) => date.split('-').map(Number) as [number, number, number];
const write = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `date` + `months` calendar months, clamped to the last day of the target month. */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return write(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** `date` + `days` calendar days (UTC arithmetic on a date has no DST). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = ymd(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [ymd(from), ymd(to)];
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** The status of one requirement for one learner, from their completion instants of the module, on `now`. */
export function validityOf(rule: ValidityRule, completions: ReadonlyArray<string | undefined>, now: string | Date): Validity {
  const today = amsterdamDate(now);
  const dates = completions.filter((c): c is string => typeof c === 'string' && c !== '').map((c) => amsterdamDate(c));
  const completedOn = dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;
  if (completedOn === undefined) {
    const overdueOn = addDays(rule.since, rule.graceDays);
    return { status: today >= overdueOn ? 'overdue' : 'due', dueOn: rule.since, overdueOn };
  }
  const expiresOn = addMonthsClamped(completedOn, rule.validityMonths);
  const overdueOn = addDays(expiresOn, rule.graceDays);
  const soonFrom = addDays(expiresOn, -(rule.dueSoonDays ?? defaultDueSoonDays));
  const status: MandatoryStatus = today >= overdueOn ? 'overdue' : today >= expiresOn ? 'in-grace' : today >= soonFrom ? 'due-soon' : 'valid';
  return { status, completedOn, expiresOn, dueOn: expiresOn, overdueOn };
}

/** Still counts as done (valid or due soon): what compliance figures call compliant. */
export const isCompliant = (s: MandatoryStatus) => s === 'valid' || s === 'due-soon';

/** Most urgent first: overdue, in grace, due, due soon, valid. */
export const urgency = (s: MandatoryStatus) => mandatoryStatuses.indexOf(s);

/** The most urgent of several statuses (a member's worst), or undefined for none. */
export function worstOf(statuses: readonly MandatoryStatus[]): MandatoryStatus | undefined {
  return statuses.reduce<MandatoryStatus | undefined>((w, s) => (w === undefined || urgency(s) < urgency(w) ? s : w), undefined);
}
