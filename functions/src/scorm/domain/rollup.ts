/**
 * SCORM 2004 rollup, evaluated on the server from the manifest and each leaf's stored state. Pure code.
 *
 * The player does not run scorm-again's sequencing engine (a fresh API object per SCO), so the
 * activity tree's rollup (SN book, RB.1.1–RB.1.5) is evaluated here, bottom-up, from scratch on every
 * call: nothing is carried between calls, so the result depends only on the leaves' states.
 *
 * Per cluster (an item with children, and the organization as root):
 * 1. measure rollup (RB.1.1): the weighted average of the tracked children's normalized measures,
 *    each child weighted by its `objectiveMeasureWeight` (default 1); a child without a measure still
 *    counts its weight (as in the SN pseudo code); unknown when no child has a measure or the weights
 *    add up to 0;
 * 2. completion measure rollup (RB.1.1b, 4th ed.): the `progressWeight`-weighted average of the
 *    children's progress measures, used when the cluster's `completionThreshold` is by measure;
 * 3. objective rollup (RB.1.2): by measure when the cluster's primary objective is
 *    `satisfiedByMeasure` (measure ≥ `minNormalizedMeasure`, default 1.0; unknown without a measure),
 *    else by its rollup rules with the action satisfied/notSatisfied, else by the default rules;
 * 4. activity progress rollup (RB.1.3): by measure when completed by measure, else by its rules with
 *    the action completed/incomplete, else by the default rules.
 *
 * Default rules (when a cluster states none for that kind), as scorm-again 3.4.3 applies them and as
 * the demo packages write them out: satisfied when every contributing child is satisfied; not
 * satisfied when any contributing child's status is known and not satisfied; completed when every
 * contributing child is completed; incomplete when any contributing child's progress is known and not
 * completed. A positive result wins (satisfied over not satisfied, completed over incomplete), as in
 * RB.1.2/RB.1.3 where the positive check runs last.
 *
 * Which children contribute (RB.1.4.2): `deliveryControls tracked=false` children never do; a child
 * with `rollupObjectiveSatisfied=false` does not contribute to satisfied/not satisfied, with
 * `rollupProgressCompletion=false` not to completed/incomplete; the child's `adlseq:rollupConsiderations`
 * `requiredFor…` = `ifAttempted` (only once launched), `ifNotSuspended` (only once launched and not
 * suspended), `ifNotSkipped` (not when one of its `skip` precondition rules holds), `always`.
 *
 * Rule evaluation (RB.1.4): conditions are three-valued (true/false/unknown; `not` keeps unknown
 * unknown; `all`/`any` combine as Kleene and/or); a child counts for the rule only when its conditions
 * are true. Child sets: all (non-empty, every child true), any (at least one), none (non-empty, every
 * child false), atLeastCount (true ≥ minimumCount), atLeastPercent (non-empty, true share ≥
 * minimumPercent). `timeLimitExceeded` and `outsideAvailableTimeRange` evaluate false (as in the
 * scorm-again settings; the import already warns about them). `attemptLimitExceeded`: a leaf has at
 * most one attempt within one of our attempts.
 *
 * Leaves: what the stored CMI says (see `LeafState`); an item never launched is not attempted and
 * knows nothing. Not modelled: an activity being "active" (`measureSatisfactionIfActive`; the rollup
 * is evaluated between deliveries), completion/satisfaction set by the LMS for SCOs with
 * `completionSetByContent`/`objectiveSetByContent` = false, objectives other than the primary one,
 * and global objectives (mapInfo).
 */
import type { CompletionThreshold, Item, Objective, Organization, PackageManifest, RollupAction, RollupRule, RuleCondition, Sequencing, SequencingRule } from './model';
import { organizationOf } from './model';

/** One leaf's state as the rollup reads it (from the SCO's stored CMI, see outcome.ts). */
export interface LeafState {
  /** cmi.completion_status after the completion threshold was applied; an asset that was delivered is 'completed'. */
  completion: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
  /** cmi.success_status after the scaled passing score was applied. */
  success: 'passed' | 'failed' | 'unknown';
  /** cmi.score.scaled */
  measure?: number;
  /** cmi.progress_measure */
  progressMeasure?: number;
  /** The SCO's last exit was `suspend`. */
  suspended?: boolean;
}

export type RollupCompletion = 'completed' | 'incomplete' | 'unknown';
export type RollupSuccess = 'passed' | 'failed' | 'unknown';

/** One activity's rolled-up status (clusters; leaves as read). */
export interface ActivityStatus {
  completion: RollupCompletion;
  success: RollupSuccess;
  measure?: number;
  progressMeasure?: number;
  attempted: boolean;
  /** How the status was decided (debugging): 'measure' | 'rules' | 'default' per kind. */
  by?: { success: 'measure' | 'rules' | 'default'; completion: 'measure' | 'rules' | 'default' };
}

export interface RollupResult {
  completion: RollupCompletion;
  success: RollupSuccess;
  measure?: number;
  /** Every cluster's result by item id, the root under the organization's id. */
  clusters: Record<string, ActivityStatus>;
}

type Tri = boolean | undefined; // undefined = unknown

/** An activity of the tree with what rollup needs: its sequencing and, for a leaf, its state. */
interface Node {
  id: string;
  sequencing: Sequencing | undefined;
  completionThreshold?: CompletionThreshold;
  children: Node[];
  leaf: boolean;
}

/** An evaluated activity. */
interface Evaluated {
  node: Node;
  /** Activity progress known (completion is 'completed' or 'incomplete'). */
  progressKnown: boolean;
  completed: Tri;
  satisfied: Tri;
  measure?: number;
  progressMeasure?: number;
  attempted: boolean;
  suspended: boolean;
}

const nodeOf = (item: Item): Node => ({
  id: item.id,
  sequencing: item.sequencing,
  ...(item.completionThreshold ? { completionThreshold: item.completionThreshold } : {}),
  children: item.children.map(nodeOf),
  leaf: item.children.length === 0,
});

const primaryOf = (s: Sequencing | undefined): Objective | undefined => s?.objectives?.primary;
const tracked = (n: Node) => n.sequencing?.deliveryControls?.tracked !== false;
const measureWeight = (n: Node) => n.sequencing?.rollupRules?.objectiveMeasureWeight ?? 1;
const progressWeight = (n: Node) => n.completionThreshold?.progressWeight ?? 1;

function evaluateLeaf(node: Node, state: LeafState | undefined): Evaluated {
  if (!state) return { node, progressKnown: false, completed: undefined, satisfied: undefined, attempted: false, suspended: false };
  let completion = state.completion;
  // Completed by measure (RTE 4.2.4.1): the progress measure against the threshold.
  if (node.completionThreshold?.completedByMeasure && state.progressMeasure !== undefined) completion = state.progressMeasure >= node.completionThreshold.minProgressMeasure ? 'completed' : 'incomplete';
  // Satisfied by measure (RTE 4.2.22, RB.1.2a): the scaled score against minNormalizedMeasure; a pass
  // is never taken back within an attempt (the stored status only moves forward).
  let success = state.success;
  const primary = primaryOf(node.sequencing);
  if (primary?.satisfiedByMeasure) {
    const passedByMeasure = state.measure !== undefined ? state.measure >= (primary.minNormalizedMeasure ?? 1) : undefined;
    success = state.success === 'passed' || passedByMeasure === true ? 'passed' : passedByMeasure === false ? 'failed' : 'unknown';
  }
  // RTE → tracking model: completed/incomplete/not attempted are known progress; unknown is not.
  const progressKnown = completion !== 'unknown';
  return {
    node,
    progressKnown,
    completed: progressKnown ? completion === 'completed' : undefined,
    satisfied: success === 'unknown' ? undefined : success === 'passed',
    ...(state.measure !== undefined ? { measure: state.measure } : {}),
    ...(state.progressMeasure !== undefined ? { progressMeasure: state.progressMeasure } : {}),
    attempted: true,
    suspended: state.suspended === true,
  };
}

// ---- conditions ----------------------------------------------------------------------------------

const not = (v: Tri): Tri => (v === undefined ? undefined : !v);
function and(values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  return values.every((v) => v === true) ? true : undefined;
}
function or(values: Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  return values.every((v) => v === false) ? false : undefined;
}

const attemptCount = (e: Evaluated) => (e.attempted ? 1 : 0);

/** A rollup (or sequencing) condition on one evaluated activity. */
function condition(e: Evaluated, c: { condition: string; measureThreshold?: number; referencedObjective?: string }): Tri {
  // Only the primary objective is tracked; a condition on another objective knows nothing.
  const primaryId = primaryOf(e.node.sequencing)?.objectiveId;
  const other = c.referencedObjective !== undefined && c.referencedObjective !== primaryId;
  switch (c.condition) {
    case 'satisfied':
      return other ? undefined : e.satisfied;
    case 'objectiveStatusKnown':
      return other ? false : e.satisfied !== undefined;
    case 'objectiveMeasureKnown':
      return other ? false : e.measure !== undefined;
    case 'objectiveMeasureGreaterThan':
      return other || e.measure === undefined ? undefined : e.measure > (c.measureThreshold ?? 0);
    case 'objectiveMeasureLessThan':
      return other || e.measure === undefined ? undefined : e.measure < (c.measureThreshold ?? 0);
    case 'completed':
      return e.completed;
    case 'activityProgressKnown':
      return e.progressKnown;
    case 'attempted':
      return e.attempted;
    case 'attemptLimitExceeded': {
      const limit = e.node.sequencing?.limitConditions?.attemptLimit;
      return limit !== undefined && limit > 0 && attemptCount(e) >= limit;
    }
    case 'always':
      return true;
    case 'never':
      return false;
    default: // timeLimitExceeded, outsideAvailableTimeRange: not evaluated
      return false;
  }
}

function conditions(e: Evaluated, list: Array<{ condition: string; not?: boolean; measureThreshold?: number; referencedObjective?: string }>, combination: 'all' | 'any'): Tri {
  if (list.length === 0) return true;
  const values = list.map((c) => (c.not ? not(condition(e, c)) : condition(e, c)));
  return combination === 'all' ? and(values) : or(values);
}

/** The child's `skip` precondition rules (for `ifNotSkipped`). */
function skipped(e: Evaluated): boolean {
  const rules: Array<SequencingRule> = e.node.sequencing?.sequencingRules?.preCondition.filter((r) => r.action === 'skip') ?? [];
  return rules.some((r) => conditions(e, r.conditions as RuleCondition[], r.conditionCombination) === true);
}

// ---- which children contribute ---------------------------------------------------------------------

function contributes(child: Evaluated, action: RollupAction): boolean {
  if (!tracked(child.node)) return false;
  const rules = child.node.sequencing?.rollupRules;
  const objective = action === 'satisfied' || action === 'notSatisfied';
  if (objective ? rules?.rollupObjectiveSatisfied === false : rules?.rollupProgressCompletion === false) return false;
  const considerations = child.node.sequencing?.rollupConsiderations;
  const required = {
    satisfied: considerations?.requiredForSatisfied,
    notSatisfied: considerations?.requiredForNotSatisfied,
    completed: considerations?.requiredForCompleted,
    incomplete: considerations?.requiredForIncomplete,
  }[action];
  switch (required) {
    case 'ifAttempted':
      return child.attempted;
    case 'ifNotSuspended':
      return child.attempted && !child.suspended;
    case 'ifNotSkipped':
      return !skipped(child);
    default:
      return true;
  }
}

function ruleHolds(children: Evaluated[], rule: RollupRule): boolean {
  const bag = children.filter((c) => contributes(c, rule.action)).map((c) => conditions(c, rule.conditions, rule.conditionCombination));
  const trues = bag.filter((v) => v === true).length;
  switch (rule.childActivitySet) {
    case 'all':
      return bag.length > 0 && trues === bag.length;
    case 'any':
      return trues > 0;
    case 'none':
      return bag.length > 0 && bag.every((v) => v === false);
    case 'atLeastCount':
      return trues >= rule.minimumCount;
    case 'atLeastPercent':
      return bag.length > 0 && trues / bag.length >= rule.minimumPercent;
  }
}

const defaultRule = (action: RollupAction, childActivitySet: 'all' | 'any', conds: RollupRule['conditions']): RollupRule => ({
  childActivitySet,
  minimumCount: 0,
  minimumPercent: 0,
  conditionCombination: 'all',
  conditions: conds,
  action,
});

const defaults = {
  satisfied: defaultRule('satisfied', 'all', [{ condition: 'satisfied' }]),
  notSatisfied: defaultRule('notSatisfied', 'any', [{ condition: 'objectiveStatusKnown' }, { condition: 'satisfied', not: true }]),
  completed: defaultRule('completed', 'all', [{ condition: 'completed' }]),
  incomplete: defaultRule('incomplete', 'any', [{ condition: 'activityProgressKnown' }, { condition: 'completed', not: true }]),
};

/**
 * Two opposite actions: the positive one wins when both hold. Returns the status and whether the
 * cluster's own rules (or the defaults) decided.
 */
function byRules(children: Evaluated[], own: RollupRule[], positive: RollupAction, negative: RollupAction): { value: Tri; by: 'rules' | 'default' } {
  const mine = own.filter((r) => r.action === positive || r.action === negative);
  const rules = mine.length > 0 ? mine : [defaults[positive as keyof typeof defaults], defaults[negative as keyof typeof defaults]];
  const by = mine.length > 0 ? 'rules' : 'default';
  if (rules.some((r) => r.action === positive && ruleHolds(children, r))) return { value: true, by };
  if (rules.some((r) => r.action === negative && ruleHolds(children, r))) return { value: false, by };
  return { value: undefined, by };
}

function evaluateCluster(node: Node, children: Evaluated[]): { e: Evaluated; by: NonNullable<ActivityStatus['by']> } {
  const inRollup = children.filter((c) => tracked(c.node));
  const attempted = children.some((c) => c.attempted);
  const suspended = children.some((c) => c.suspended);

  // RB.1.1 measure rollup.
  let measure: number | undefined;
  {
    let counted = 0;
    let total = 0;
    let valid = false;
    for (const c of inRollup) {
      const w = measureWeight(c.node);
      counted += w;
      if (c.measure !== undefined) {
        total += c.measure * w;
        valid = true;
      }
    }
    if (valid && counted > 0) measure = Math.round((total / counted) * 1e6) / 1e6;
  }

  // RB.1.1b completion measure rollup (4th ed.).
  let progressMeasure: number | undefined;
  {
    let weights = 0;
    let total = 0;
    let valid = false;
    for (const c of inRollup) {
      const w = progressWeight(c.node);
      weights += w;
      if (c.progressMeasure !== undefined) {
        total += c.progressMeasure * w;
        valid = true;
      }
    }
    if (valid && weights > 0) progressMeasure = Math.round((total / weights) * 1e6) / 1e6;
  }

  const own = node.sequencing?.rollupRules?.rules ?? [];

  // RB.1.2 objective rollup.
  let satisfied: Tri;
  let successBy: 'measure' | 'rules' | 'default';
  const primary = primaryOf(node.sequencing);
  if (primary?.satisfiedByMeasure) {
    successBy = 'measure';
    satisfied = measure === undefined ? undefined : measure >= (primary.minNormalizedMeasure ?? 1);
  } else {
    const r = byRules(children, own, 'satisfied', 'notSatisfied');
    satisfied = r.value;
    successBy = r.by;
  }

  // RB.1.3 activity progress rollup.
  let completed: Tri;
  let completionBy: 'measure' | 'rules' | 'default';
  if (node.completionThreshold?.completedByMeasure) {
    completionBy = 'measure';
    completed = progressMeasure === undefined ? undefined : progressMeasure >= node.completionThreshold.minProgressMeasure;
  } else {
    const r = byRules(children, own, 'completed', 'incomplete');
    completed = r.value;
    completionBy = r.by;
  }

  return {
    e: {
      node,
      progressKnown: completed !== undefined,
      completed,
      satisfied,
      ...(measure !== undefined ? { measure } : {}),
      ...(progressMeasure !== undefined ? { progressMeasure } : {}),
      attempted,
      suspended,
    },
    by: { success: successBy, completion: completionBy },
  };
}

const statusOf = (e: Evaluated, by?: ActivityStatus['by']): ActivityStatus => ({
  completion: e.completed === undefined ? 'unknown' : e.completed ? 'completed' : 'incomplete',
  success: e.satisfied === undefined ? 'unknown' : e.satisfied ? 'passed' : 'failed',
  ...(e.measure !== undefined ? { measure: e.measure } : {}),
  ...(e.progressMeasure !== undefined ? { progressMeasure: e.progressMeasure } : {}),
  attempted: e.attempted,
  ...(by ? { by } : {}),
});

/**
 * The organization's rollup (`organizationId` absent: the default organization) from the leaves'
 * states by item id. A leaf without a state was never launched.
 */
export function rollup(manifest: PackageManifest, organizationId: string | undefined, leafStates: Record<string, LeafState | undefined>): RollupResult {
  const org: Organization | undefined = organizationOf(manifest, organizationId);
  if (!org) throw new Error(`Unknown organization ${organizationId ?? manifest.defaultOrganizationId}`);
  const clusters: Record<string, ActivityStatus> = {};
  const walk = (node: Node): Evaluated => {
    if (node.leaf) return evaluateLeaf(node, Object.hasOwn(leafStates, node.id) ? leafStates[node.id] : undefined);
    const { e, by } = evaluateCluster(node, node.children.map(walk));
    clusters[node.id] = statusOf(e, by);
    return e;
  };
  const root: Node = { id: org.id, sequencing: org.sequencing, children: org.items.map(nodeOf), leaf: false };
  // An organization is always a cluster, even with no items (then nothing is known).
  const e = walk(root);
  const s = clusters[org.id]!;
  return { completion: s.completion, success: s.success, ...(e.measure !== undefined ? { measure: e.measure } : {}), clusters };
}
