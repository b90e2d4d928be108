import { expect } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { api, stack } from './api';
import { publishArticle } from './knowledge';

/** Tokens for made-up employees, so load tests need no seeded users. */
export async function syntheticEmployees(n: number, prefix = 'u-load') {
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  const run = Math.random().toString(36).slice(2, 7);
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const id = `${prefix}-${run}-${i}`;
      return { id, token: await issuer.mint({ id, name: `Deelnemer ${i}`, roles: ['employee'] }) };
    }),
  );
}

export const unique = () => Math.random().toString(36).slice(2, 8);

export async function createModule(token: string, input: Record<string, unknown>) {
  const res = await api('/api/modules', {
    method: 'POST',
    token,
    json: { description: 'Beschrijving van de module voor de test.', durationMinutes: 60, enrolAudience: 'employees', status: 'published', accreditation: [], ...input },
  });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data as { id: string; rev: number };
}

export async function createSession(token: string, moduleId: string, input: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + 14 * 86400_000);
  const res = await api(`/api/modules/${moduleId}/sessions`, {
    method: 'POST',
    token,
    json: { start: start.toISOString(), end: new Date(start.getTime() + 3 * 3600_000).toISOString(), location: 'Zaal 1.01', trainers: [{ id: 'u-ingrid-jansen', name: 'Ingrid Jansen' }], capacity: 10, ...input },
  });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data as { id: string };
}

/**
 * A session that starts in a few seconds: learners enrol before it starts, and attendance is
 * accepted only once it has (`untilStarted`). The margin leaves room for a slow, shared machine.
 */
export async function sessionStartingSoon(token: string, moduleId: string, input: Record<string, unknown> = {}, inMs = 8_000) {
  const start = new Date(Date.now() + inMs);
  const created = await createSession(token, moduleId, { start: start.toISOString(), end: new Date(start.getTime() + 2 * 3600_000).toISOString(), ...input });
  return { ...created, start: start.toISOString() };
}

/** Waits until the clock has passed a session's start (a condition, not a fixed sleep). */
export async function untilStarted(session: { start: string }) {
  while (Date.now() <= Date.parse(session.start)) await new Promise((r) => setTimeout(r, Math.min(250, Date.parse(session.start) - Date.now() + 5)));
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function inAmsterdam(at: Date) {
  const p = Object.fromEntries(amsterdamParts.formatToParts(at).map((x) => [x.type, x.value]));
  return { ymd: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday!, wall: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}` };
}

/** Amsterdam's UTC offset on a date, e.g. "+01:00" (taken at noon; sessions are never at the 02:00 switch). */
function amsterdamOffset(ymd: string): string {
  const noon = new Date(`${ymd}T12:00:00Z`);
  const minutes = (Date.parse(`${inAmsterdam(noon).wall}Z`) - noon.getTime()) / 60000;
  const abs = Math.abs(minutes);
  return `${minutes >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A wall-clock slot in Amsterdam on the first given weekday at least `minDaysAhead` days from now,
 * computed from the clock so a test never runs into a date that has passed. Returns ISO times with
 * the Amsterdam offset and the local date as iCalendar writes it (YYYYMMDD).
 */
export function amsterdamSlot(o: { weekday?: 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri'; from: string; to: string; minDaysAhead?: number }) {
  const weekday = o.weekday ?? 'Tue';
  for (let d = o.minDaysAhead ?? 1; ; d++) {
    const day = inAmsterdam(new Date(Date.now() + d * 86400_000));
    if (day.weekday !== weekday) continue;
    const offset = amsterdamOffset(day.ymd);
    return { ymd: day.ymd, icsDate: day.ymd.replace(/-/g, ''), start: `${day.ymd}T${o.from}:00${offset}`, end: `${day.ymd}T${o.to}:00${offset}` };
  }
}

/** A date (YYYY-MM-DD, UTC) some whole days from now, for date filters. */
export const daysFromNow = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

let testArticle: Promise<string> | undefined;

/**
 * The slug of a public knowledge article this test run published itself, for reading modules
 * (public, so a module for any audience may assign it). Published once per test file.
 */
export function readingArticleSlug(): Promise<string> {
  testArticle ??= publishArticle({ title: `Leestekst voor de academie ${unique()}`, audience: 'public' }).then((a) => a.slug);
  return testArticle;
}
