/**
 * SCORM time spans, both versions. Pure code: strings in, seconds out (and back).
 *
 * - SCORM 1.2 `CMITimespan`: `HHHH:MM:SS.SS` (hours 2–4 digits, seconds with up to two decimals);
 *   we also accept one decimal or none, as packages write them.
 * - SCORM 2004 `timeinterval (second, 10, 2)`: ISO 8601 duration `P[yY][mM][dD][T[hH][mM][s[.s]S]]`.
 *   Years count 365 days and months 30 (the standard gives no calendar); weeks are not allowed.
 */
import type { ScormVersion } from './cmi';

const timespan12 = /^(\d{2,4}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$/;
const duration2004 = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/;

/** Seconds of a SCORM 1.2 time span; undefined when it is not one. */
export function parseTimespan12(s: string): number | undefined {
  const m = timespan12.exec(s.trim());
  if (!m) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(`0.${m[4]}`) : 0);
}

/** Seconds of a SCORM 2004 duration; undefined when it is not one. */
export function parseDuration2004(s: string): number | undefined {
  const m = duration2004.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec] = m;
  return Number(y ?? 0) * 365 * 86400 + Number(mo ?? 0) * 30 * 86400 + Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(sec ?? 0);
}

const centis = (seconds: number) => Math.round(Math.max(0, seconds) * 100);

/** `HHHH:MM:SS.SS`, hours capped at 9999 (the format's limit). */
export function formatTimespan12(seconds: number): string {
  let c = Math.min(centis(seconds), (9999 * 3600 + 59 * 60 + 59) * 100 + 99);
  const h = Math.floor(c / 360000);
  c -= h * 360000;
  const m = Math.floor(c / 6000);
  c -= m * 6000;
  const s = Math.floor(c / 100);
  const frac = c - s * 100;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(frac).padStart(2, '0')}`;
}

/** `PT#H#M#S` with at most two decimals; zero is `PT0S`. */
export function formatDuration2004(seconds: number): string {
  let c = centis(seconds);
  const h = Math.floor(c / 360000);
  c -= h * 360000;
  const m = Math.floor(c / 6000);
  c -= m * 6000;
  const s = c / 100;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${Number(s.toFixed(2))}S` : ''}`;
  return `PT${parts}`;
}

export const parseTime = (version: ScormVersion, s: string) => (version === '1.2' ? parseTimespan12(s) : parseDuration2004(s));
export const formatTime = (version: ScormVersion, seconds: number) => (version === '1.2' ? formatTimespan12(seconds) : formatDuration2004(seconds));

/**
 * Time in one SCO across the sessions of an attempt, as the server keeps it: the sum of the sessions
 * that ended, and the current session (a launch of the SCO, named by the player) with the longest
 * session time it reported. The SCO's own `total_time` is never trusted.
 */
export interface TimeTally {
  /** Seconds of sessions that ended. */
  closed: number;
  /** The session being reported on, and its seconds so far. */
  session?: string;
  seconds: number;
}

export const emptyTally = (): TimeTally => ({ closed: 0, seconds: 0 });

/**
 * The tally after a commit that reports `sessionSeconds` for `session`. A session's time never
 * exceeds the wall-clock time since its launch (`sessionCap`), nor the attempt's total the time
 * since the attempt began (`totalCap`); a session's time only grows (a late, smaller report is
 * ignored).
 */
export function tallyAfter(prev: TimeTally, session: string, sessionSeconds: number | undefined, caps: { sessionCap: number; totalCap: number }): TimeTally {
  const reported = Math.max(0, Math.min(sessionSeconds ?? 0, Math.max(0, caps.sessionCap)));
  const next: TimeTally = prev.session === session ? { ...prev, seconds: Math.max(prev.seconds, reported) } : { closed: prev.closed + prev.seconds, session, seconds: reported };
  const room = Math.max(0, caps.totalCap - next.closed);
  if (next.seconds > room) next.seconds = room;
  return roundTally(next);
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const roundTally = (t: TimeTally): TimeTally => ({ ...t, closed: round2(t.closed), seconds: round2(t.seconds) });

export const totalSeconds = (t: TimeTally) => round2(t.closed + t.seconds);
