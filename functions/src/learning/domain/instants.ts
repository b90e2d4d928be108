/**
 * Session times are stored as written (ISO 8601 with the offset they were planned in, e.g.
 * "2026-03-10T09:30:00+01:00"), while the clock reads UTC ("…Z"). Compared as strings the two lie
 * by the offset: a session at 09:30+01:00 (08:30Z) would look not yet begun until 09:30Z. These
 * helpers compare instants, and write "now" in a session's own offset so a condition in the store
 * (which compares strings) compares like with like.
 */

/** True when instant `a` is at or after instant `b` (each ISO 8601 with an offset or Z). */
export const atOrAfter = (a: string, b: string): boolean => Date.parse(a) >= Date.parse(b);

/** True once a session starting at `start` has begun at `now`. */
export const hasStarted = (start: string, now: string): boolean => atOrAfter(now, start);

const offsetOf = /(?:([+-])(\d{2}):?(\d{2})|Z)$/i;

/**
 * `instant` written in the offset of `like` (its fraction of a second too), so the two compare
 * correctly as strings: inOffsetOf("2026-01-01T08:45:00.000Z", "2026-01-01T09:30:00+01:00")
 * is "2026-01-01T09:45:00+01:00".
 */
export function inOffsetOf(instant: string, like: string): string {
  const m = offsetOf.exec(like);
  const minutes = !m || !m[1] ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const wall = new Date(Date.parse(instant) + minutes * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const fraction = /T\d{2}:\d{2}:\d{2}(\.\d+)/.exec(like)?.[1];
  const seconds = wall.slice(0, 19) + (fraction ? `.${wall.slice(20, 23).padEnd(fraction.length - 1, '0').slice(0, fraction.length - 1)}` : '');
  return seconds + (m?.[1] ? `${m[1]}${m[2]}:${m[3]}` : 'Z');
}
