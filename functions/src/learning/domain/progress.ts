/**
 * A learner's progress on a blended learning path, computed from the completions recorded for
 * the path version they are enrolled in. Pure: the store supplies path and completions.
 *
 * Choices worth knowing:
 * - A completion counts even when the step was still locked when it was recorded. History is
 *   never lost: someone who attended the classroom session before finishing the e-learning it
 *   builds on has attended it. Unlock rules steer what we offer next; they do not discard facts.
 * - Completions for step ids that are not on the path (another version, a removed step) are
 *   ignored, as are repeated completions of the same step beyond the first in time.
 * - A prerequisite id that is not on the path can never complete, so the step it guards stays
 *   locked until it is completed anyway. `validatePath` keeps such paths from being published.
 * - `percent` is 100 exactly when the path is complete, so a progress bar never shows 100% on an
 *   unfinished path (and never less on a finished one).
 */
import type { Accreditation, LearningModule, LearningPath, StepCompletion } from './types';

export type StepStatus = 'locked' | 'open' | 'complete';

export interface PathProgress {
  /** Integer 0..100; 100 exactly when `complete`. */
  percent: number;
  complete: boolean;
  /**
   * When the path became complete: the `completedAt` of the completion that first satisfied the
   * rules, replaying the completions in time order. Absent while incomplete, and for a path that
   * asks nothing (no required steps, no optional quota), which no completion completed.
   */
  completedAt?: string;
  requiredDone: number;
  requiredTotal: number;
  /** All completed optional steps, possibly more than needed. */
  optionalDone: number;
  /** min(minOptional, number of optional steps): a quota larger than the offer cannot block completion. */
  optionalNeeded: number;
  steps: Array<{ stepId: string; status: StepStatus }>;
  /** First open, not yet complete step in path order, required steps first; absent once complete. */
  nextStep?: string;
}

type PathShape = Pick<LearningPath, 'steps' | 'minOptional'>;

export function computeProgress(path: PathShape, completions: StepCompletion[]): PathProgress {
  const onPath = new Set(path.steps.map((s) => s.id));
  const replay = inTimeOrder(completions.filter((c) => onPath.has(c.stepId)));
  const done = new Set(replay.map((c) => c.stepId));

  const requiredTotal = path.steps.filter((s) => s.required).length;
  const optionalTotal = path.steps.length - requiredTotal;
  const optionalNeeded = Math.min(Math.max(0, Math.floor(path.minOptional) || 0), optionalTotal);
  const { requiredDone, optionalDone } = tally(path, done);
  const complete = meetsRules(path, done, optionalNeeded);

  const steps = path.steps.map((s) => ({
    stepId: s.id,
    status: (done.has(s.id) ? 'complete' : s.unlockAfter.every((p) => done.has(p)) ? 'open' : 'locked') as StepStatus,
  }));

  const progress: PathProgress = {
    percent: percentOf(requiredDone + Math.min(optionalDone, optionalNeeded), requiredTotal + optionalNeeded, complete),
    complete,
    requiredDone,
    requiredTotal,
    optionalDone,
    optionalNeeded,
    steps,
  };
  if (complete) {
    const completedAt = momentOfCompletion(path, replay, optionalNeeded);
    if (completedAt !== undefined) progress.completedAt = completedAt;
  } else {
    const open = path.steps.filter((_, i) => steps[i]?.status === 'open');
    const next = open.find((s) => s.required) ?? open[0];
    if (next) progress.nextStep = next.id;
  }
  return progress;
}

/**
 * Accreditation points earned so far: per register, the points of the modules behind completed
 * steps. A module used by two steps (e.g. a refresher) earns its points once, as the registers
 * award them once. Modules missing from `modules` contribute nothing.
 */
export function earnedAccreditation(
  modules: Array<Pick<LearningModule, 'id' | 'accreditation'>>,
  path: Pick<LearningPath, 'steps'>,
  completions: StepCompletion[],
): Array<{ register: string; points: number }> {
  const done = new Set(completions.map((c) => c.stepId));
  const byId = new Map<string, Pick<LearningModule, 'id' | 'accreditation'>>();
  for (const m of modules) if (!byId.has(m.id)) byId.set(m.id, m);

  const moduleIds = new Set(path.steps.filter((s) => done.has(s.id)).map((s) => s.moduleId));
  return accreditationTotals([...moduleIds].map((id) => byId.get(id)?.accreditation ?? []));
}

/**
 * Points per register over several completions, each given as the accreditation it earned (for
 * a completed module: the copy frozen at completion, never the module as it is now). Sorted by
 * register, rounded to hundredths.
 */
export function accreditationTotals(earned: Array<ReadonlyArray<Pick<Accreditation, 'register' | 'points'>>>): Array<{ register: string; points: number }> {
  const totals = new Map<string, number>();
  for (const list of earned) for (const a of list) totals.set(a.register, (totals.get(a.register) ?? 0) + a.points);
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([register, points]) => ({ register, points: roundPoints(points) }));
}

function percentOf(done: number, total: number, complete: boolean): number {
  if (complete) return 100;
  // Not complete means done < total, so the floor is below 100; the clamp only guards the invariant.
  return Math.min(99, Math.floor((100 * done) / Math.max(total, 1)));
}

/**
 * Replays completions in time order and returns the timestamp at which the rules were first met.
 * Completion is monotonic in the set of completed steps, so the first moment it holds is the moment.
 */
function momentOfCompletion(path: PathShape, replay: StepCompletion[], optionalNeeded: number): string | undefined {
  const done = new Set<string>();
  if (meetsRules(path, done, optionalNeeded)) return undefined;
  for (const c of replay) {
    if (done.has(c.stepId)) continue;
    done.add(c.stepId);
    if (meetsRules(path, done, optionalNeeded)) return c.completedAt;
  }
  return undefined;
}

function tally(path: PathShape, done: ReadonlySet<string>): { requiredDone: number; optionalDone: number } {
  let requiredDone = 0;
  let optionalDone = 0;
  for (const s of path.steps) {
    if (!done.has(s.id)) continue;
    if (s.required) requiredDone += 1;
    else optionalDone += 1;
  }
  return { requiredDone, optionalDone };
}

function meetsRules(path: PathShape, done: ReadonlySet<string>, optionalNeeded: number): boolean {
  const { requiredDone, optionalDone } = tally(path, done);
  return requiredDone === path.steps.filter((s) => s.required).length && optionalDone >= optionalNeeded;
}

/**
 * Sorts by instant, not by string, so "+01:00" and "Z" timestamps compare correctly. Ties (and
 * unparsable timestamps, which sort last) fall back to the string, which makes the result
 * independent of the order the store returned the completions in.
 */
function inTimeOrder(completions: StepCompletion[]): StepCompletion[] {
  const at = (c: StepCompletion) => {
    const t = Date.parse(c.completedAt);
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  return [...completions].sort((a, b) => {
    const d = at(a) - at(b);
    if (d !== 0 && !Number.isNaN(d)) return d;
    return a.completedAt < b.completedAt ? -1 : a.completedAt > b.completedAt ? 1 : a.stepId < b.stepId ? -1 : a.stepId > b.stepId ? 1 : 0;
  });
}

/** Half and quarter points exist; this keeps 0.1 + 0.2 from surfacing as 0.30000000000000004. */
function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}
