/**
 * Completion, per module and per learner: joining a module without sessions, completing it
 * yourself (reading, external training with evidence), and recording every completion (also from
 * attendance in ../sessions and approval in ../assignments) together with the paths it completes.
 * Progress itself is computed only in ../domain/progress.ts; here we gather the facts for it.
 */
import { countEvent } from '../../platform/observability/metrics';
import { counterParts } from '../../platform/store/activity-counters';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { authorize } from '../../policy';
import * as db from './store';
import type { AbsenceEffect, ModuleFacts } from './store';
import { getLearnerModule, getModule, getModules, learnerRecord, pathVersion, type CompletedModule, type CompletionResult, type LearnerModule, type StoredModule } from '../shared/store';
import * as seats from '../sessions/store';
import type { Session } from '../sessions/store';
import * as learnerFiles from '../files/service';
import type { FileRef } from '../files/service';
import { nowOf, signedIn, type LearningCtx } from '../shared/context';
import { actor, moduleResource, organisationScope, visibleModule } from '../shared/access';
import { accreditationTotals, computeProgress, earnedAccreditation } from '../domain/progress';
import { hasStarted } from '../domain/instants';
import { sessionKinds, type LearningPath, type StepCompletion } from '../domain/types';

// ---- recording completions (attendance, approval, self-report) and the paths they complete ----

/** What a completion records of a module: identity, and the revision and accreditation it freezes. */
export const factsOf = (m: Pick<StoredModule, 'id' | 'title' | 'kind' | 'rev' | 'accreditation'>): ModuleFacts => ({ moduleId: m.id, title: m.title, kind: m.kind, rev: m.rev, accreditation: m.accreditation });

/** The facts progress is computed from: the steps of a path that the learner's completed modules cover. */
export function completionsFor(path: Pick<LearningPath, 'steps'>, modules: LearnerModule[]): StepCompletion[] {
  const done = new Map(modules.filter((m) => m.completedAt).map((m) => [m.moduleId, m]));
  return path.steps.filter((s) => done.has(s.moduleId)).map((s) => ({ stepId: s.id, completedAt: done.get(s.moduleId)!.completedAt!, source: (done.get(s.moduleId)!.source ?? 'manual') as StepCompletion['source'] }));
}

/**
 * The module copies of the learner's completions, for points: the copy frozen at completion. A
 * completion recorded before copies existed gets one now, from the module as it is, written back
 * once (conditionally), so its points never change again. Returns copies by module id.
 */
export async function frozenCopies(ctx: LearningCtx, userId: string, completed: LearnerModule[]): Promise<Map<string, CompletedModule>> {
  const out = new Map<string, CompletedModule>();
  const missing = completed.filter((c) => c.completedAt && !c.completedModule);
  for (const c of completed) if (c.completedModule) out.set(c.moduleId, c.completedModule);
  if (missing.length === 0) return out;
  const current = await getModules(ctx.store, missing.map((c) => c.moduleId));
  const at = nowOf(ctx);
  await Promise.all(
    missing.map(async (c) => {
      const m = current.get(c.moduleId);
      const copy: CompletedModule = { ...(m ? { rev: m.rev } : {}), title: m?.title ?? c.title, accreditation: m?.accreditation ?? [], backfilledAt: at };
      if (!(await db.freezeCompletion(ctx.store, userId, c.moduleId, copy))) {
        // Frozen by a request at the same moment (or no longer complete): report what is stored.
        const stored = (await learnerRecord(ctx.store, userId, { consistent: true })).modules.find((x) => x.moduleId === c.moduleId);
        if (stored?.completedModule) return void out.set(c.moduleId, stored.completedModule);
      }
      out.set(c.moduleId, copy);
    }),
  );
  return out;
}

/** Points per register of completed modules, from their frozen copies. */
export function totalsOf(completed: LearnerModule[], copies: Map<string, CompletedModule>) {
  return accreditationTotals(completed.map((c) => copies.get(c.moduleId)?.accreditation ?? []));
}

/** One module done: record it once (with the module as it is now), then see whether any of the learner's paths is now complete. */
export async function recordCompletion(ctx: LearningCtx, userId: string, m: ModuleFacts, source: string, evidence?: string, evidenceFiles: FileRef[] = [], result?: CompletionResult) {
  const at = nowOf(ctx);
  const done = await db.completeModule(ctx.store, userId, m, at, source, evidence, evidenceFiles, result);
  if (done === 'file-gone') throw new Problem('conflict', text('Een van de bestanden is intussen verwijderd; kies je bestanden opnieuw', 'One of the files has been deleted in the meantime; choose your files again'));
  if (done.completedAt === at) countEvent('Completion'); // a repeat keeps the first date and is not counted again
  await completeFinishedPaths(ctx, userId, (_, path) => path.steps.some((s) => s.moduleId === m.moduleId), done.completedAt!);
  return done;
}

/**
 * Records the completion of every open path enrolment of the learner that `concerns` and whose
 * rules are now met. Runs after a module completes, and after enrolling in or migrating to a path
 * whose modules were already done: in both cases the path is complete and must not wait for a
 * further module. Recording is conditional (`completedAt` once), so a race records it once; and it
 * holds only while the attendance it relied on still stands (a correction at the same moment makes
 * it read again).
 */
export async function completeFinishedPaths(ctx: LearningCtx, userId: string, concerns: (pathId: string, path: LearningPath) => boolean, fallbackAt: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!(await completeFinishedPathsOnce(ctx, userId, concerns, fallbackAt))) return;
  }
}

/** One pass; true when a path's completion lost a race with a correction and the pass must run again. */
async function completeFinishedPathsOnce(ctx: LearningCtx, userId: string, concerns: (pathId: string, path: LearningPath) => boolean, fallbackAt: string): Promise<boolean> {
  const record = await learnerRecord(ctx.store, userId, { consistent: true });
  let again = false;
  for (const lp of record.paths.filter((x) => !x.completedAt)) {
    const path = await pathVersion(ctx.store, lp.pathId, lp.version);
    if (!path || !concerns(lp.pathId, path)) continue;
    const completions = completionsFor(path, record.modules);
    const progress = computeProgress(path, completions);
    if (!progress.complete) continue;
    const onPath = new Set(path.steps.map((s) => s.moduleId));
    const used = record.modules.filter((m) => m.completedAt && onPath.has(m.moduleId));
    const copies = await frozenCopies(ctx, userId, used);
    const points = earnedAccreditation(used.map((m) => ({ id: m.moduleId, accreditation: copies.get(m.moduleId)?.accreditation ?? [] })), path, completions);
    // The completion event is what the portfolio builds on: when, which version, which points.
    // Steps done before enrolling count, but the path is not complete before the learner joined it.
    const reached = progress.completedAt ?? fallbackAt;
    const completedAt = lp.enrolledAt > reached ? lp.enrolledAt : reached;
    const relied = used.filter((m) => m.source === 'attendance').map((m) => ({ moduleId: m.moduleId, completedAt: m.completedAt! }));
    const outcome = await db.markPathCompleted(
      ctx.store,
      userId,
      lp.pathId,
      completedAt,
      { kind: 'path-completed', pathId: lp.pathId, version: lp.version, title: path.title, completedAt, accreditation: points },
      relied,
    );
    if (outcome === 'changed') again = true;
  }
  return again;
}

// ---- e-learning: the SCORM runtime (functions/src/scorm) reports what an attempt reached ----------

/**
 * The learner started an e-learning (first launch): they joined the module, so it shows in Mijn
 * leren as in progress. The SCORM feature has already asked the policy whether they may.
 */
export async function joinByScormLaunch(ctx: LearningCtx, userId: string, moduleId: string) {
  const m = await getModule(ctx.store, moduleId);
  if (!m) return;
  if (await db.enrolInModule(ctx.store, userId, { moduleId, title: m.title, kind: m.kind }, nowOf(ctx))) countEvent('Enrolment');
}

/**
 * An e-learning attempt completed the module (per SCORM's rules, decided by the SCORM feature):
 * recorded like every completion (once; the module's copy frozen with it), with the attempt's
 * self-reported result, and the paths it completes.
 */
export async function recordScormCompletion(ctx: LearningCtx, userId: string, moduleId: string, result: Omit<CompletionResult, 'source' | 'selfReported'>) {
  const m = await getModule(ctx.store, moduleId);
  if (!m) throw new Problem('notFound', text('Deze module bestaat niet', 'This module does not exist'));
  const done = await recordCompletion(ctx, userId, factsOf(m), 'scorm', undefined, [], { source: 'scorm', selfReported: true, ...result });
  return { completedAt: done.completedAt! };
}

// ---- attendance: it completes the module once the session has begun; a correction takes it back ----

const maxAttempts = 8;
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 15 * (attempt + 1)));
const attendable = new Set(['enrolled', 'attended', 'absent']);
const notEnrolled = () => new Problem('conflict', text('Deze persoon is niet ingeschreven voor deze sessie', 'This person is not enrolled in this session'));
const busy = () => new Problem('conflict', text('De aanwezigheid is intussen gewijzigd; probeer het opnieuw', 'The attendance has been changed in the meantime; please try again'));

/**
 * Attended: the seat, the attended sessions of the module and (the first time) the module's
 * completion with its frozen copy change in one transaction, conditional on what was read and on
 * the session having begun. Then the paths it completes.
 */
export async function recordAttendance(ctx: LearningCtx, s: Pick<Session, 'id' | 'moduleId' | 'start'>, m: StoredModule, userId: string) {
  const now = nowOf(ctx);
  if (!hasStarted(s.start, now)) throw new Problem('conflict', text('De sessie is nog niet begonnen; aanwezigheid registreer je vanaf het begin van de sessie', 'The session has not started yet; attendance is recorded from the start of the session'));
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const [seat, lm] = await Promise.all([seats.getSeat(ctx.store, s.id, userId, { consistent: true }), getLearnerModuleConsistent(ctx, userId, m.id)]);
    if (!seat || !attendable.has(seat.status)) throw notEnrolled();
    if (seat.status === 'attended' && lm?.completedAt && lm.attendedSessions?.has(s.id)) return;
    const completes = !lm?.completedAt;
    const parts = [seats.seatAttendedPart({ ...seat, start: seat.start ?? s.start }, now), db.attendedPart(userId, factsOf(m), s.id, lm, now, s.start)];
    // The first attendance completes the module: counted with it, in the same transaction.
    if (completes) parts.push(...counterParts([db.completionDelta(m.id, now, db.frozenCopy(factsOf(m)))]));
    if (await db.writeTogether(ctx.store, parts)) {
      if (completes) countEvent('Completion');
      if (completes) await completeFinishedPaths(ctx, userId, (_, path) => path.steps.some((x) => x.moduleId === m.id), now);
      return;
    }
    await backoff(attempt);
  }
  throw busy();
}

/**
 * Corrected to absent. What came only from this attendance goes, in one transaction with the
 * seat: the module's completion (unless another attended session of the module completes it; then
 * the completion moves to that one, and so do the completions of the paths it completed: date,
 * event and points), and every path completion that no longer holds without it (with its event). A path that stays complete keeps its event with the points of what still
 * counts. Mijn leren's totals follow from the completions, so the points go with them.
 */
export async function recordAbsence(ctx: LearningCtx, s: Pick<Session, 'id' | 'moduleId'>, userId: string) {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const seat = await seats.getSeat(ctx.store, s.id, userId, { consistent: true });
    if (!seat || !attendable.has(seat.status)) throw notEnrolled();
    if (seat.status === 'absent') return;
    if (seat.status === 'enrolled') {
      if (await seats.setSeatStatusFrom(ctx.store, s.id, userId, 'enrolled', 'absent')) return;
      await backoff(attempt);
      continue;
    }
    const record = await learnerRecord(ctx.store, userId, { consistent: true });
    const lm = record.modules.find((x) => x.moduleId === s.moduleId);
    const effect = await absenceEffect(ctx, userId, s, lm);
    const parts = [seats.seatAbsentPart(seat), db.absentPart(userId, s.moduleId, s.id, lm, effect, await renewalWithout(ctx, userId, s, lm))];
    // The completion taken back is uncounted in its month; moved, it is counted in the month it moves to.
    if (effect.kind !== 'keep' && lm?.completedAt) {
      const taken = db.completionDelta(s.moduleId, lm.completedAt, lm.completedModule, -1);
      parts.push(...counterParts(effect.kind === 'move' ? [taken, db.completionDelta(s.moduleId, effect.at, lm.completedModule)] : [taken]));
    }
    if (effect.kind === 'remove') parts.push(...(await pathsAfter(ctx, userId, record, s.moduleId)));
    // Moved to a later attendance: the paths it completed are complete from then on (date, event, points).
    if (effect.kind === 'move') parts.push(...(await pathsAfter(ctx, userId, record, s.moduleId, effect.at)));
    if (await db.writeTogether(ctx.store, parts)) return;
    await backoff(attempt);
  }
  throw busy();
}

/** Does this attendance carry the module's completion, and is there another attendance to carry it instead? */
async function absenceEffect(ctx: LearningCtx, userId: string, s: Pick<Session, 'id' | 'moduleId'>, lm: LearnerModule | undefined): Promise<AbsenceEffect> {
  if (!lm?.completedAt || lm.source !== 'attendance') return { kind: 'keep' };
  if (lm.completedVia !== undefined && lm.completedVia !== s.id) return { kind: 'keep' };
  const others = lm.attendedSessions ? [...lm.attendedSessions].filter((id) => id !== s.id) : await legacyAttendance(ctx, userId, s);
  if (others.length === 0) return { kind: 'remove' };
  // The earliest other attendance now completes the module (its time, or the session's start for older seats).
  const when = await Promise.all(others.map(async (id) => ({ id, seat: await seats.getSeat(ctx.store, id, userId, { consistent: true }) })));
  const standing = when.filter((w) => w.seat?.status === 'attended').map((w) => ({ via: w.id, at: w.seat!.attendedAt ?? w.seat!.start }));
  if (standing.length === 0) return { kind: 'remove' };
  standing.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { kind: 'move', via: standing[0]!.via, at: standing[0]!.at };
}

/**
 * The latest completion once this attendance is taken back: the latest start of the module's other
 * attended sessions (a renewal it carried goes with it). Undefined when there is nothing to fall
 * back to (no completion by attendance, or no other attendance: the completion then goes or stays).
 */
async function renewalWithout(ctx: LearningCtx, userId: string, s: Pick<Session, 'id' | 'moduleId'>, lm: LearnerModule | undefined): Promise<string | undefined> {
  if (!lm?.completedAt || lm.source !== 'attendance' || !lm.lastCompletedAt || !lm.attendedSessions?.has(s.id)) return undefined;
  const others = [...lm.attendedSessions].filter((id) => id !== s.id);
  const read = await Promise.all(others.map((id) => seats.getSeat(ctx.store, id, userId, { consistent: true })));
  const starts = read.filter((x) => x?.status === 'attended').map((x) => Date.parse(x!.start));
  return starts.length > 0 ? new Date(Math.max(...starts)).toISOString() : undefined;
}

/** Completions recorded before the attended set existed: the learner's other attended seats of the module. */
async function legacyAttendance(ctx: LearningCtx, userId: string, s: Pick<Session, 'id' | 'moduleId'>): Promise<string[]> {
  const all = await seats.seatsOfLearner(ctx.store, userId, '0000');
  return all.filter((x) => x.moduleId === s.moduleId && x.sessionId !== s.id && x.status === 'attended').map((x) => x.sessionId);
}

/**
 * The path parts of a correction to a module's completion: taken back (`movedTo` undefined), path
 * completions that no longer hold go and the rest keep the points of what still counts; moved to
 * another moment (`movedTo`), each completed path on the module is recomputed with it, and its
 * completion date and event move where the path now became complete.
 */
async function pathsAfter(ctx: LearningCtx, userId: string, record: Awaited<ReturnType<typeof learnerRecord>>, moduleId: string, movedTo?: string) {
  const remaining = record.modules.map((x) => (x.moduleId === moduleId ? { ...x, completedAt: movedTo } : x));
  const parts = [];
  for (const lp of record.paths) {
    const path = await pathVersion(ctx.store, lp.pathId, lp.version);
    if (!path || !path.steps.some((x) => x.moduleId === moduleId)) continue;
    if (!lp.completedAt) {
      // Not complete as read: it must still not be when this is written (a completion recorded
      // meanwhile from this very attendance would otherwise outlive it).
      parts.push(db.pathStillOpenPart(userId, lp.pathId));
      continue;
    }
    const completions = completionsFor(path, remaining);
    const progress = computeProgress(path, completions);
    if (!progress.complete) {
      parts.push(...db.pathUncompletedParts(userId, lp.pathId, lp.completedAt!));
      continue;
    }
    const event = record.events.find((e) => e.pathId === lp.pathId && e.completedAt === lp.completedAt);
    const onPath = new Set(path.steps.map((x) => x.moduleId));
    const used = remaining.filter((m) => m.completedAt && onPath.has(m.moduleId));
    const copies = await frozenCopies(ctx, userId, used);
    const points = earnedAccreditation(used.map((m) => ({ id: m.moduleId, accreditation: copies.get(m.moduleId)?.accreditation ?? [] })), path, completions);
    if (movedTo !== undefined) {
      // As when it was recorded (completeFinishedPaths): when the rules were met, not before the learner joined the path.
      const reached = progress.completedAt ?? lp.completedAt;
      const completedAt = lp.enrolledAt > reached ? lp.enrolledAt : reached;
      if (completedAt !== lp.completedAt) {
        const moved = { ...(event ?? { kind: 'path-completed' as const, pathId: lp.pathId, version: lp.version, title: path.title }), completedAt, accreditation: points };
        parts.push(...db.pathCompletionMovedParts(userId, lp.pathId, lp.completedAt, moved));
        continue;
      }
    }
    if (!event) continue;
    if (JSON.stringify(points) !== JSON.stringify(event.accreditation)) parts.push(db.pathPointsPart(userId, lp.pathId, lp.completedAt!, points));
  }
  return parts;
}

const getLearnerModuleConsistent = (ctx: LearningCtx, userId: string, moduleId: string) => getLearnerModule(ctx.store, userId, moduleId, { consistent: true });

// ---- what the learner does: join a module without sessions, complete one themselves -----------

/** Joining a module without sessions (e-learning, reading, assignment, external): it shows up in "Mijn leren". */
export async function enrolInModule(ctx: LearningCtx, moduleId: string) {
  const p = signedIn(ctx);
  const m = visibleModule(ctx, await getModule(ctx.store, moduleId));
  if (m.status !== 'published') throw new Problem('conflict', text('Inschrijven kan alleen voor gepubliceerde modules', 'You can only enrol in published modules'));
  authorize(actor(ctx), 'module', 'join', { ...moduleResource(m), ...(await organisationScope(ctx, m.id)) });
  if (sessionKinds.includes(m.kind)) throw new Problem('unprocessable', text('Voor deze module schrijf je je in voor een sessie', 'For this module you enrol in a session'));
  if (await db.enrolInModule(ctx.store, p.id, { moduleId, title: m.title, kind: m.kind }, nowOf(ctx))) countEvent('Enrolment');
  return { enrolled: true };
}

export async function selfComplete(ctx: LearningCtx, moduleId: string, evidence?: string, fileIds: string[] = []) {
  const p = signedIn(ctx);
  const m = visibleModule(ctx, await getModule(ctx.store, moduleId), 'join');
  authorize(actor(ctx), 'module', 'join', { ...moduleResource(m), ...(await organisationScope(ctx, m.id)) });
  if (m.kind !== 'reading' && m.kind !== 'external') {
    const by =
      m.kind === 'assignment'
        ? text('goedkeuring van je opdracht', 'the approval of your assignment')
        : sessionKinds.includes(m.kind)
          ? text('je aanwezigheid', 'your attendance')
          : text('het resultaat van de e-learning', 'the result of the e-learning');
    throw new Problem('unprocessable', text(`Een module van vorm "${m.kind}" wordt afgerond door ${by.nl}`, `A module of the form "${m.kind}" is completed by ${by.en}`));
  }
  const files = m.kind === 'external' ? await learnerFiles.resolveFiles(ctx, p.id, moduleId, fileIds) : [];
  if (m.kind === 'external' && !evidence?.trim() && files.length === 0) {
    throw new Problem('validation', text('Voeg bewijs toe (bijvoorbeeld het certificaatnummer, een link of het certificaat zelf)', 'Add evidence (for example the certificate number, a link or the certificate itself)'), { errors: [{ path: 'evidence', message: text('Verplicht bij externe scholing', 'Required for external training') }] });
  }
  const done = await recordCompletion(ctx, p.id, factsOf(m), m.kind === 'reading' ? 'reading' : 'external-evidence', evidence?.trim() || undefined, files);
  return { completedAt: done.completedAt!, evidenceFiles: files };
}
