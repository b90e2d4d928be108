/**
 * What an attempt's state means for the module, per SCORM's rules. Pure code.
 *
 * Per SCO:
 * - SCORM 1.2: `passed` → completed and passed; `completed` → completed (and, when the item has a
 *   mastery score and the SCO reported a raw score, passed or failed by that score, as the 1.2 RTE
 *   lets the LMS decide); `failed` → completed but failed; anything else is not complete.
 * - SCORM 2004: `completion_status`, unless the item has a completion threshold and the SCO reported
 *   `progress_measure` (then completed when the measure reaches it); `success_status`, unless the
 *   item has a scaled passing score (then passed/failed by `score.scaled`, unknown without one) —
 *   RTE 4.2.4.1 and 4.2.22.
 *
 * The module counts as done when the SCO is completed and not failed; where the manifest sets a
 * mastery/passing score, only a pass counts.
 *
 * Several SCOs (rollup): SCORM 1.2 — every SCO done. SCORM 2004 — the manifest's rollup (rollup.ts:
 * measure, objective and progress rollup with the package's rules or the SN defaults) over every
 * launchable's state, when the caller passes the manifest; otherwise the activity tree's rollup when
 * the player reports one (scorm-again's sequencing root), otherwise every tracked SCO done. Tracked:
 * the SCOs; for a package of assets only (nothing talks to the API), every launchable the player
 * reported as visited. A package with one SCO (and any assets) follows that SCO.
 */
import type { Completion, Score, ScoState, ScormVersion, Success } from './cmi';
import { totalSeconds } from './cmi-time';
import type { PackageManifest } from './model';
import { rollup as rollupOfManifest, type LeafState } from './rollup';

/** The manifest's facts about one launchable item (a subset of model.ts `Launchable`). */
export interface OutcomeItem {
  itemId: string;
  scormType: 'sco' | 'asset';
  masteryScore?: number;
  scaledPassingScore?: number;
  completionThreshold?: number;
}

export interface ScoOutcome {
  completion: Completion;
  success: Success;
  score?: Score;
  /** The module may count this SCO as done. */
  done: boolean;
}

/** The activity tree's rollup as scorm-again's 2004 sequencing reports it (root activity). */
export interface Rollup {
  completionStatus?: string;
  successStatus?: string;
  scaled?: number;
}

export interface AttemptOutcome {
  completion: Completion;
  success: Success;
  /** The score the module shows: one SCO's, the rollup's, or the mean scaled score of the SCOs with one. */
  score?: Score;
  /** Score as a percentage (0–100) when known. */
  percent?: number;
  /** Seconds in the attempt, by the server's own tally (all SCOs). */
  timeSeconds: number;
  /** The module counts as completed. */
  done: boolean;
  /** The attempt is over without success (failed): a new attempt may begin. */
  failed: boolean;
}

const hasPassMark = (item: OutcomeItem | undefined) => item?.masteryScore !== undefined || item?.scaledPassingScore !== undefined;

/** One SCO's outcome by its version's rules. */
export function scoOutcome(version: ScormVersion, state: ScoState | undefined, item: OutcomeItem | undefined): ScoOutcome {
  if (!state) return { completion: 'not attempted', success: 'unknown', done: false };
  let completion: Completion = state.completion;
  let success: Success = state.success;
  if (version === '1.2') {
    const raw = state.score?.raw;
    if (state.lessonStatus === 'completed' && item?.masteryScore !== undefined && raw !== undefined) success = raw >= item.masteryScore ? 'passed' : 'failed';
  } else {
    if (item?.completionThreshold !== undefined && state.progressMeasure !== undefined) completion = state.progressMeasure >= item.completionThreshold ? 'completed' : 'incomplete';
    if (item?.scaledPassingScore !== undefined) {
      const scaled = state.score?.scaled;
      // A pass is never taken back within an attempt (the status rule), even by a later lower score.
      success = scaled !== undefined ? (scaled >= item.scaledPassingScore ? 'passed' : state.success === 'passed' ? 'passed' : 'failed') : state.success === 'passed' ? 'passed' : 'unknown';
    }
  }
  const done = completion === 'completed' && (hasPassMark(item) ? success === 'passed' : success !== 'failed');
  return { completion, success, ...(state.score ? { score: state.score } : {}), done };
}

const percentOf = (s: Score | undefined): number | undefined => {
  if (!s) return undefined;
  if (s.scaled !== undefined) return Math.round(Math.max(0, s.scaled) * 1000) / 10;
  if (s.raw !== undefined && s.max !== undefined && s.max > (s.min ?? 0)) return Math.round(((s.raw - (s.min ?? 0)) / (s.max - (s.min ?? 0))) * 1000) / 10;
  return undefined;
};

/**
 * One launchable's state as the manifest's rollup reads it: a SCO by its version's rules (completion
 * threshold, scaled passing score, a pass kept); an asset the player delivered is completed, its
 * success unknown; never launched → absent (not attempted).
 */
export function leafStateOf(version: ScormVersion, state: ScoState | undefined, item: OutcomeItem): LeafState | undefined {
  if (!state) return undefined;
  if (item.scormType === 'asset') return { completion: 'completed', success: 'unknown' };
  const o = scoOutcome(version, state, item);
  return {
    completion: o.completion,
    success: o.success,
    ...(state.score?.scaled !== undefined ? { measure: state.score.scaled } : {}),
    ...(state.progressMeasure !== undefined ? { progressMeasure: state.progressMeasure } : {}),
    ...(state.exit === 'suspend' ? { suspended: true } : {}),
  };
}

/** The package an outcome is judged by: the manifest (SCORM 2004 rollup) and the organization played (absent: the default). */
export interface OutcomePackage {
  manifest: PackageManifest;
  organizationId?: string;
}

const completions = new Set(['completed', 'incomplete', 'not attempted', 'unknown']);
const successes = new Set(['passed', 'failed', 'unknown']);

/**
 * The attempt's outcome from every SCO's state (`states` by item id) and, for 2004 with several
 * tracked items, the manifest's rollup (`pkg`) or else the player's rollup if it sent one.
 */
export function outcomeOf(version: ScormVersion, states: Record<string, ScoState>, items: OutcomeItem[], rollup?: Rollup, pkg?: OutcomePackage): AttemptOutcome {
  const timeSeconds = Math.round(Object.values(states).reduce((sum, s) => sum + totalSeconds(s.time), 0) * 100) / 100;
  const scos = items.filter((i) => i.scormType === 'sco');
  const tracked = scos.length > 0 ? scos : items;
  const outcomes = tracked.map((i) => ({ item: i, o: scoOutcome(version, states[i.itemId], i) }));
  const withScore = outcomes.filter((x) => x.o.score && (x.o.score.scaled !== undefined || percentOf(x.o.score) !== undefined));

  let score: Score | undefined;
  if (outcomes.length === 1) score = outcomes[0]!.o.score;
  else if (withScore.length > 0) {
    const mean = withScore.reduce((sum, x) => sum + (x.o.score!.scaled ?? percentOf(x.o.score)! / 100), 0) / withScore.length;
    score = { scaled: Math.round(mean * 10000) / 10000 };
  }

  if (version === '2004' && pkg && tracked.length > 1) {
    // The package's own rollup decides (the player's reported rollup is not needed then).
    const leaves: Record<string, LeafState> = {};
    for (const i of items) {
      const leaf = leafStateOf(version, states[i.itemId], i);
      if (leaf) leaves[i.itemId] = leaf;
    }
    const r = rollupOfManifest(pkg.manifest, pkg.organizationId, leaves);
    const completion: Completion = r.completion !== 'unknown' ? r.completion : Object.keys(leaves).length > 0 ? 'incomplete' : 'not attempted';
    const success: Success = r.success;
    const rolled: Score | undefined = r.measure !== undefined ? { scaled: Math.round(r.measure * 10000) / 10000 } : undefined;
    const done = completion === 'completed' && success !== 'failed';
    return { completion, success, ...(rolled ? { score: rolled } : {}), ...percentField(rolled), timeSeconds, done, failed: completion === 'completed' && success === 'failed' };
  }

  if (version === '2004' && rollup && (rollup.completionStatus !== undefined || rollup.successStatus !== undefined) && tracked.length > 1) {
    const completion = (completions.has(rollup.completionStatus ?? '') ? rollup.completionStatus : 'unknown') as Completion;
    const success = (successes.has(rollup.successStatus ?? '') ? rollup.successStatus : 'unknown') as Success;
    if (rollup.scaled !== undefined && rollup.scaled >= -1 && rollup.scaled <= 1) score = { scaled: rollup.scaled };
    const done = completion === 'completed' && success !== 'failed';
    return { completion, success, ...(score ? { score } : {}), ...percentField(score), timeSeconds, done, failed: completion === 'completed' && success === 'failed' };
  }

  const done = outcomes.length > 0 && outcomes.every((x) => x.o.done);
  const anyFailed = outcomes.some((x) => x.o.success === 'failed');
  const allCompleted = outcomes.length > 0 && outcomes.every((x) => x.o.completion === 'completed');
  const completion: Completion = allCompleted ? 'completed' : outcomes.some((x) => x.o.completion !== 'not attempted' && x.o.completion !== 'unknown') ? 'incomplete' : 'not attempted';
  const success: Success = anyFailed ? 'failed' : outcomes.length > 0 && outcomes.every((x) => x.o.success === 'passed') ? 'passed' : 'unknown';
  return { completion, success, ...(score ? { score } : {}), ...percentField(score), timeSeconds, done, failed: allCompleted && anyFailed && !done };
}

const percentField = (score: Score | undefined) => {
  const p = percentOf(score);
  return p === undefined ? {} : { percent: p };
};
