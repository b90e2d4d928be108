/**
 * The one date fixture for tests whose dates are only ordering data: which came first, how many
 * days apart, UTC or Amsterdam spelling of the same instant. Such tests take their instants from
 * here instead of writing calendar years, so no date in them can go stale, and a fixed epoch (never
 * Date.now()) keeps them deterministic.
 *
 * Not for tests whose subject is the calendar itself (review-by dates, leap days, ICS, DST changes,
 * the seed's date shift): those keep their literal dates. Tests against the running stack
 * (integration, e2e) use times relative to Date.now() instead, because the server's clock is real.
 */

/** One day in milliseconds (a UTC day; the epoch below is nowhere near a DST change). */
export const DAY_MS = 86_400_000;

/**
 * The frozen "now": Thursday 1 January 2026, 00:00:00 UTC (01:00 in Amsterdam, winter time
 * UTC+01:00; the next change to summer time is 29 March, day 87). As epoch milliseconds.
 */
export const frozenNow: number = Date.UTC(2026, 0, 1);

const timeOfDay = /^(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The UTC calendar day `n` days after {@link frozenNow} (negative: before it), with wall-clock
 * `time` on it, as ISO 8601 text. `time` is "HH:MM[:SS[.mmm]]" with an optional zone, "Z" (the
 * default) or "±HH:MM", written as given so tests can compare spellings:
 *
 *   daysAfter(0)                    → "2026-01-01T00:00:00Z"
 *   daysAfter(31, '12:00:00+01:00') → "2026-02-01T12:00:00+01:00"  (11:00 UTC)
 *   daysAfter(-1, '10:00:00.000')   → "2025-12-31T10:00:00.000Z"
 */
export function daysAfter(n: number, time = '00:00:00'): string {
  if (!Number.isInteger(n)) throw new RangeError(`daysAfter: whole days only, got ${n}`);
  const parts = timeOfDay.exec(time);
  if (!parts) throw new RangeError(`daysAfter: time must look like HH:MM[:SS[.mmm]][Z|±HH:MM], got ${time}`);
  const day = new Date(frozenNow + n * DAY_MS).toISOString().slice(0, 10);
  return `${day}T${parts[1]}${parts[2] ?? 'Z'}`;
}

/** The calendar date (YYYY-MM-DD) `n` days after {@link frozenNow}. */
export const dateAfter = (n: number): string => daysAfter(n).slice(0, 10);
