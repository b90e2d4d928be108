/**
 * Whether a network lives: per quarter (Europe/Amsterdam), how many joined, what was published and
 * reviewed, which events were held and how many came, how many questions were asked and answered
 * and how long an answer took (the median). Pure: the service reads the moments, this counts them.
 */
import { monthOf } from '../../platform/domain/months';

/** `yyyy-Qn`, e.g. 2026-Q4. */
export const quarterPattern = /^\d{4}-Q[1-4]$/;

/** The quarter (Europe/Amsterdam) of an instant: 00:30 on 1 January Dutch time is Q1 of the new year. */
export function quarterOf(iso: string): string {
  const [y, m] = monthOf(iso).split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The quarters of a year, in order. */
export const quartersOf = (year: number): string[] => [1, 2, 3, 4].map((q) => `${year}-Q${q}`);

/** The quarter `n` quarters after `quarter` (negative: before). */
export function addQuarters(quarter: string, n: number): string {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const index = y * 4 + (q - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Midnight starting a day in Amsterdam, as an instant (winter or summer time as the date has it). */
function amsterdamMidnight(year: number, month: number): string {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  // Amsterdam is UTC+1 or UTC+2; midnight local is 23:00 or 22:00 UTC the day before. Try both.
  for (const offset of [1, 2]) {
    const candidate = new Date(Date.parse(`${date}T00:00:00Z`) - offset * 3_600_000).toISOString();
    if (monthOf(candidate) === date.slice(0, 7) && monthOf(new Date(Date.parse(candidate) - 1).toISOString()) !== date.slice(0, 7)) return candidate;
  }
  return new Date(Date.parse(`${date}T00:00:00Z`) - 3_600_000).toISOString();
}

/** The instants a quarter spans: `[from, to)` — from midnight on its first day to midnight on the next quarter's, Amsterdam time. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const next = addQuarters(quarter, 1);
  return { from: amsterdamMidnight(y, (q - 1) * 3 + 1), to: amsterdamMidnight(Number(next.slice(0, 4)), (Number(next.slice(6)) - 1) * 3 + 1) };
}

/** The median of a list (the mean of the middle two for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ActivityInput {
  /** When each current member joined (memberships without a date are left out). */
  joinedAt: readonly string[];
  /** Every published version of the network's articles: version 1 is a new article, later ones a reviewed revision. */
  publications: ReadonlyArray<{ version: number; publishedAt: string }>;
  /** Sessions of the network's event modules, with how many attended. */
  events: ReadonlyArray<{ start: string; attended: number }>;
  questions: ReadonlyArray<{ askedAt: string; answeredAt?: string }>;
}

export interface QuarterActivity {
  quarter: string;
  membersJoined: number;
  articlesPublished: number;
  articlesReviewed: number;
  eventsHeld: number;
  attendance: number;
  questionsAsked: number;
  questionsAnswered: number;
  /** Median hours from asking to answering, over the questions answered in the quarter; null when none. */
  medianHoursToAnswer: number | null;
}

const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;

/**
 * The figures per quarter. An event counts as held once it has begun (`now`); a question counts as
 * asked in the quarter it was asked and as answered in the quarter it was answered, so the median
 * of a quarter is over the answers given in it.
 */
export function activityByQuarter(input: ActivityInput, quarters: readonly string[], now: string): QuarterActivity[] {
  const count = <T>(xs: readonly T[], at: (x: T) => string | undefined, q: string) => xs.filter((x) => {
    const t = at(x);
    return t !== undefined && quarterOf(t) === q;
  });
  return quarters.map((quarter) => {
    const held = count(input.events, (e) => e.start, quarter).filter((e) => Date.parse(e.start) <= Date.parse(now));
    const answered = count(input.questions, (x) => x.answeredAt, quarter);
    const m = median(answered.map((x) => hours(x.askedAt, x.answeredAt!)));
    return {
      quarter,
      membersJoined: count(input.joinedAt, (t) => t, quarter).length,
      articlesPublished: count(input.publications, (p) => p.publishedAt, quarter).filter((p) => p.version === 1).length,
      articlesReviewed: count(input.publications, (p) => p.publishedAt, quarter).filter((p) => p.version > 1).length,
      eventsHeld: held.length,
      attendance: held.reduce((s, e) => s + e.attended, 0),
      questionsAsked: count(input.questions, (x) => x.askedAt, quarter).length,
      questionsAnswered: answered.length,
      medianHoursToAnswer: m === undefined ? null : Math.round(m * 10) / 10,
    };
  });
}
