/**
 * Completion, per module and per learner: joining a module without sessions, completing it
 * yourself (reading, external training with evidence), and recording every completion (also from
 * attendance in ../sessions and approval in ../assignments) together with the paths it completes.
 * Progress itself is computed only in ../domain/progress.ts; here we gather the facts for it.
 */
import { Problem } from '../../platform/http/problem';
import { authorize } from '../../policy';
import * as db from './store';
import { getModule, getModules, learnerRecord, pathVersion, type LearnerModule } from '../shared/store';
import * as learnerFiles from '../files/service';
import type { FileRef } from '../files/service';
import { nowOf, signedIn, type LearningCtx } from '../shared/context';
import { actor, moduleResource, visibleModule } from '../shared/access';
import { computeProgress, earnedAccreditation } from '../domain/progress';
import { sessionKinds, type LearningPath, type StepCompletion } from '../domain/types';

// ---- recording completions (attendance, approval, self-report) and the paths they complete ----

/** The facts progress is computed from: the steps of a path that the learner's completed modules cover. */
export function completionsFor(path: Pick<LearningPath, 'steps'>, modules: LearnerModule[]): StepCompletion[] {
  const done = new Map(modules.filter((m) => m.completedAt).map((m) => [m.moduleId, m]));
  return path.steps.filter((s) => done.has(s.moduleId)).map((s) => ({ stepId: s.id, completedAt: done.get(s.moduleId)!.completedAt!, source: (done.get(s.moduleId)!.source ?? 'manual') as StepCompletion['source'] }));
}

/** One module done: record it once, then see whether any of the learner's paths is now complete. */
export async function recordCompletion(ctx: LearningCtx, userId: string, m: { moduleId: string; title: string; kind: string }, source: string, evidence?: string, evidenceFiles: FileRef[] = []) {
  const done = await db.completeModule(ctx.store, userId, m, nowOf(ctx), source, evidence, evidenceFiles);
  await completeFinishedPaths(ctx, userId, (_, path) => path.steps.some((s) => s.moduleId === m.moduleId), done.completedAt!);
  return done;
}

/**
 * Records the completion of every open path enrolment of the learner that `concerns` and whose
 * rules are now met. Runs after a module completes, and after enrolling in or migrating to a path
 * whose modules were already done: in both cases the path is complete and must not wait for a
 * further module. Recording is conditional (`completedAt` once), so a race records it once.
 */
export async function completeFinishedPaths(ctx: LearningCtx, userId: string, concerns: (pathId: string, path: LearningPath) => boolean, fallbackAt: string) {
  const record = await learnerRecord(ctx.store, userId);
  for (const lp of record.paths.filter((x) => !x.completedAt)) {
    const path = await pathVersion(ctx.store, lp.pathId, lp.version);
    if (!path || !concerns(lp.pathId, path)) continue;
    const completions = completionsFor(path, record.modules);
    const progress = computeProgress(path, completions);
    if (!progress.complete) continue;
    const modules = await getModules(ctx.store, path.steps.map((s) => s.moduleId));
    const points = earnedAccreditation([...modules.values()], path, completions);
    // The completion event is what the portfolio builds on: when, which version, which points.
    // Steps done before enrolling count, but the path is not complete before the learner joined it.
    const reached = progress.completedAt ?? fallbackAt;
    const completedAt = lp.enrolledAt > reached ? lp.enrolledAt : reached;
    await db.markPathCompleted(ctx.store, userId, lp.pathId, completedAt, {
      kind: 'path-completed',
      pathId: lp.pathId,
      version: lp.version,
      title: path.title,
      completedAt,
      accreditation: points,
    });
  }
}

// ---- what the learner does: join a module without sessions, complete one themselves -----------

/** Joining a module without sessions (e-learning, reading, assignment, external): it shows up in "Mijn leren". */
export async function enrolInModule(ctx: LearningCtx, moduleId: string) {
  const p = signedIn(ctx);
  const m = visibleModule(ctx, await getModule(ctx.store, moduleId));
  if (m.status !== 'published') throw new Problem('conflict', 'Inschrijven kan alleen voor gepubliceerde modules');
  authorize(actor(ctx), 'module', 'join', moduleResource(m));
  if (sessionKinds.includes(m.kind)) throw new Problem('unprocessable', 'Voor deze module schrijf je je in voor een sessie');
  await db.enrolInModule(ctx.store, p.id, { moduleId, title: m.title, kind: m.kind }, nowOf(ctx));
  return { enrolled: true };
}

export async function selfComplete(ctx: LearningCtx, moduleId: string, evidence?: string, fileIds: string[] = []) {
  const p = signedIn(ctx);
  const m = visibleModule(ctx, await getModule(ctx.store, moduleId), 'join');
  if (m.kind !== 'reading' && m.kind !== 'external') throw new Problem('unprocessable', `Een module van vorm "${m.kind}" wordt afgerond door ${m.kind === 'assignment' ? 'goedkeuring van je opdracht' : sessionKinds.includes(m.kind) ? 'je aanwezigheid' : 'het resultaat van de e-learning'}`);
  const files = m.kind === 'external' ? await learnerFiles.resolveFiles(ctx, p.id, moduleId, fileIds) : [];
  if (m.kind === 'external' && !evidence?.trim() && files.length === 0) {
    throw new Problem('validation', 'Voeg bewijs toe (bijvoorbeeld het certificaatnummer, een link of het certificaat zelf)', { errors: [{ path: 'evidence', message: 'Verplicht bij externe scholing' }] });
  }
  const done = await recordCompletion(ctx, p.id, { moduleId, title: m.title, kind: m.kind }, m.kind === 'reading' ? 'reading' : 'external-evidence', evidence?.trim() || undefined, files);
  return { completedAt: done.completedAt!, evidenceFiles: files };
}
