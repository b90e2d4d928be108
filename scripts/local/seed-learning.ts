import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import type { Principal } from '../../functions/src/platform/auth/principal';
import { getUser } from '../../functions/src/identity/users-store';
import type { LearningCtx } from '../../functions/src/learning/shared/context';
import { getModule } from '../../functions/src/learning/shared/store';
import { createModule, forgetCatalogue } from '../../functions/src/learning/catalogue/service';
import { getPathMeta } from '../../functions/src/learning/paths/store';
import { publishPath } from '../../functions/src/learning/paths/service';
import { getSession } from '../../functions/src/learning/sessions/store';
import { createSession } from '../../functions/src/learning/sessions/service';
import type { LearningModule, PathStep } from '../../functions/src/learning/domain/types';

type ModuleFile = Array<Omit<LearningModule, 'status'> & { status?: LearningModule['status']; scormPackage?: string }>;
type PathFile = Array<{ id: string; title: string; description: string; steps: PathStep[]; minOptional: number }>;
type SessionFile = Array<{ id: string; moduleId: string; start: string; end: string; location?: string | null; meetingUrl?: string | null; trainers: string[]; capacity: number }>;

const week = 7 * 86400_000;

/**
 * Demo sessions are written with dates; a demo started later must still show sessions "in the
 * coming weeks", so all sessions move forward by whole weeks (keeping weekday and time) until the
 * first one is at least a week away.
 */
export function sessionShiftMs(starts: string[], now = Date.now()): number {
  const earliest = Math.min(...starts.map((s) => Date.parse(s)));
  if (!Number.isFinite(earliest) || earliest >= now + week) return 0;
  return Math.ceil((now + week - earliest) / week) * week;
}

const amsterdamWallClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** UTC offset of Amsterdam on a date, e.g. "+01:00" (sessions are never at the 02:00 switch). */
function amsterdamOffset(ymd: string): string {
  const noon = new Date(`${ymd}T12:00:00Z`);
  const local = amsterdamWallClock.format(noon).replace(' ', 'T');
  const minutes = (Date.parse(`${local}Z`) - noon.getTime()) / 60000;
  return `${minutes >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

/** Moves a time by whole weeks, keeping its wall-clock time in Amsterdam across DST changes. */
export function shiftIso(iso: string, ms: number): string {
  if (ms === 0) return iso;
  const [date, time] = amsterdamWallClock.format(new Date(iso)).split(' ') as [string, string];
  const shiftedDate = new Date(Date.parse(`${date}T00:00:00Z`) + ms).toISOString().slice(0, 10);
  return `${shiftedDate}T${time}${amsterdamOffset(shiftedDate)}`;
}

/** Modules, paths and sessions from content/learning, through the same use cases as the API. Idempotent. */
export async function seedLearning(store: StoreClients, contentDir: string) {
  const dir = join(contentDir, 'learning');
  const modules = JSON.parse(readFileSync(join(dir, 'modules.json'), 'utf8')) as ModuleFile;
  const paths = JSON.parse(readFileSync(join(dir, 'paths.json'), 'utf8')) as PathFile;
  const sessions = JSON.parse(readFileSync(join(dir, 'sessions.json'), 'utf8')) as SessionFile;
  const admin = await getUser(store, 'u-sanne-de-vries');
  if (!admin) throw new Error('seed users first');
  const principal: Principal = { id: admin.id, name: admin.name, roles: admin.roles };
  const ctx: LearningCtx = { store, principal };

  let created = 0;
  for (const { scormPackage: _scorm, ...m } of modules) {
    if (await getModule(store, m.id)) continue;
    await createModule(ctx, { ...m, status: m.status ?? 'published' }, m.id);
    created++;
  }
  for (const p of paths) {
    if (await getPathMeta(store, p.id)) continue;
    await publishPath(ctx, { title: p.title, description: p.description, steps: p.steps, minOptional: p.minOptional }, { newId: p.id });
  }
  const shift = sessionShiftMs(sessions.map((s) => s.start));
  for (const s of sessions) {
    if (await getSession(store, s.id)) continue;
    const trainers = await Promise.all(s.trainers.map(async (id) => ({ id, name: (await getUser(store, id))?.name ?? id })));
    await createSession(
      ctx,
      s.moduleId,
      { start: shiftIso(s.start, shift), end: shiftIso(s.end, shift), location: s.location ?? undefined, meetingUrl: s.meetingUrl ?? undefined, trainers, capacity: s.capacity },
      s.id,
    );
  }
  forgetCatalogue();
  return { modules: modules.length, modulesCreated: created, paths: paths.length, sessions: sessions.length };
}
