/**
 * Mijn leren: a learner's paths with progress, upcoming sessions, open modules and assignments,
 * completed modules, evaluations still to give, and accreditation points per register. Points come
 * from the copy of each module frozen on its completion, never from the module as it is now.
 */
import { learnerRecord, pathVersion } from '../shared/store';
import { getPathMeta } from '../paths/store';
import { seatsOfLearner } from '../sessions/store';
import { evaluatedTargets } from '../evaluations/store';
import { listFieldsOf } from '../catalogue/service';
import { completionsFor, frozenCopies, totalsOf } from '../completion/service';
import { nowOf, signedIn, type LearningCtx } from '../shared/context';
import { computeProgress } from '../domain/progress';

export async function myLearning(ctx: LearningCtx) {
  const p = signedIn(ctx);
  const now = nowOf(ctx);
  const [record, seats] = await Promise.all([learnerRecord(ctx.store, p.id), seatsOfLearner(ctx.store, p.id, now.slice(0, 10))]);
  const pathStates = await Promise.all(
    record.paths.map(async (lp) => {
      const [path, meta] = await Promise.all([pathVersion(ctx.store, lp.pathId, lp.version), getPathMeta(ctx.store, lp.pathId)]);
      return { lp, path: path!, latest: meta?.latestVersion ?? lp.version };
    }),
  );
  const moduleIds = new Set<string>(record.modules.map((m) => m.moduleId));
  for (const { path } of pathStates) path.steps.forEach((s) => moduleIds.add(s.moduleId));
  const completed = record.modules.filter((m) => m.completedAt);
  const [modules, evaluated, copies] = await Promise.all([
    listFieldsOf(ctx.store, [...moduleIds]),
    evaluatedTargets(ctx.store, p.id, [
      ...completed.map((c) => ({ targetType: 'module', targetId: c.moduleId })),
      ...record.paths.filter((x) => x.completedAt).map((x) => ({ targetType: 'path', targetId: x.pathId })),
    ]),
    // Older completions without a copy get one here, once (see frozenCopies).
    frozenCopies(ctx, p.id, completed),
  ]);
  return {
    paths: pathStates.map(({ lp, path, latest }) => {
      const progress = computeProgress(path, completionsFor(path, record.modules));
      const next = progress.nextStep ? path.steps.find((s) => s.id === progress.nextStep) : undefined;
      return {
        pathId: lp.pathId,
        title: path.title,
        enrolledVersion: lp.version,
        latestVersion: latest,
        percent: progress.percent,
        complete: progress.complete,
        nextStep: next ? { stepId: next.id, moduleId: next.moduleId, title: modules.get(next.moduleId)?.title ?? next.moduleId, kind: modules.get(next.moduleId)?.kind } : undefined,
      };
    }),
    upcomingSessions: seats
      .filter((s) => s.status === 'enrolled' || s.status === 'waitlisted')
      .map((s) => ({ sessionId: s.sessionId, moduleId: s.moduleId, title: s.title, start: s.start, end: s.end, location: s.location, meetingUrl: s.meetingUrl, status: s.status })),
    enrolledModules: record.modules.filter((m) => m.enrolledAt && !m.completedAt).map((m) => ({ moduleId: m.moduleId, title: m.title, kind: m.kind, enrolledAt: m.enrolledAt! })),
    assignments: record.modules.filter((m) => m.kind === 'assignment' && !m.completedAt).map((m) => ({ moduleId: m.moduleId, title: m.title, status: m.submission?.status ?? 'open' })),
    completed: completed.map((c) => {
      const copy = copies.get(c.moduleId);
      return {
        moduleId: c.moduleId,
        title: c.title,
        kind: c.kind,
        completedAt: c.completedAt!,
        ...(copy?.rev !== undefined ? { moduleRev: copy.rev } : {}),
        points: (copy?.accreditation ?? []).map((a) => ({ register: a.register, points: a.points })),
        ...(c.result ? { result: c.result } : {}),
      };
    }),
    pendingEvaluations: [
      ...completed.filter((c) => !evaluated.has(`module#${c.moduleId}`)).map((c) => ({ targetType: 'module' as const, targetId: c.moduleId, title: c.title })),
      ...record.paths.filter((x) => x.completedAt && !evaluated.has(`path#${x.pathId}`)).map((x) => ({ targetType: 'path' as const, targetId: x.pathId, title: x.title })),
    ],
    accreditation: totalsOf(completed, copies),
  };
}
