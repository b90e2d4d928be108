import { manifestWarnings } from './errors';
import type {
  AdlObjective,
  AdlObjectiveMapInfo,
  ChildActivitySet,
  ExitConditionAction,
  Objective,
  ObjectiveMapInfo,
  PostConditionAction,
  PreConditionAction,
  RollupAction,
  RollupConditionName,
  RollupRequirement,
  RollupRule,
  RuleAction,
  RuleCondition,
  RuleConditionName,
  Sequencing,
  SequencingRule,
  Timing,
} from './model';
import { readBoolean, readCount, readDecimal, readDuration, readToken, put, type ValueReader } from './values';
import { attr, childNamed, childrenNamed, NSG, type XmlElement } from './xml';

/**
 * `imsss:sequencing` (with the `adlseq:` extensions) → our Sequencing model, exactly as written:
 * attributes the manifest leaves out stay absent (defaults are applied when converting for the
 * runtime). Unknown vocabulary drops the rule it is in, with a warning.
 */

const ruleConditions: readonly RuleConditionName[] = [
  'satisfied',
  'objectiveStatusKnown',
  'objectiveMeasureKnown',
  'objectiveMeasureGreaterThan',
  'objectiveMeasureLessThan',
  'completed',
  'activityProgressKnown',
  'attempted',
  'attemptLimitExceeded',
  'timeLimitExceeded',
  'outsideAvailableTimeRange',
  'always',
];
const preActions: readonly PreConditionAction[] = ['skip', 'disabled', 'hiddenFromChoice', 'stopForwardTraversal'];
const exitActions: readonly ExitConditionAction[] = ['exit'];
const postActions: readonly PostConditionAction[] = ['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous'];
const rollupConditions: readonly RollupConditionName[] = [
  'satisfied',
  'objectiveStatusKnown',
  'objectiveMeasureKnown',
  'completed',
  'activityProgressKnown',
  'attempted',
  'attemptLimitExceeded',
  'timeLimitExceeded',
  'outsideAvailableTimeRange',
];
const rollupActions: readonly RollupAction[] = ['satisfied', 'notSatisfied', 'completed', 'incomplete'];
const childSets: readonly ChildActivitySet[] = ['all', 'any', 'none', 'atLeastCount', 'atLeastPercent'];
const timings: readonly Timing[] = ['never', 'once', 'onEachNewAttempt'];
const requirements: readonly RollupRequirement[] = ['always', 'ifAttempted', 'ifNotSkipped', 'ifNotSuspended'];

const ss = NSG.imsss;
const seq = NSG.adlseq;
/** Attributes of sequencing elements are unqualified; a qualified one (imsss:choice) is tolerated. */
const local = ['', ...NSG.imsss, ...NSG.adlseq];

/** Vocabulary check that drops the enclosing rule (with a warning) instead of guessing. */
function vocabulary<T extends string>(r: ValueReader, where: string, name: string, value: string | undefined, allowed: readonly T[]): T | null {
  const v = (value ?? '').trim();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  r.warnings.push(manifestWarnings.unknownVocabulary(where, name, value ?? ''));
  return null;
}

function readSequencingRule<A extends RuleAction>(r: ValueReader, where: string, el: XmlElement, actions: readonly A[]): SequencingRule<A> | null {
  const ruleConditionsEl = childNamed(el, ss, 'ruleConditions');
  const combination = readToken(r, where, 'conditionCombination', ruleConditionsEl && attr(ruleConditionsEl, local, 'conditionCombination'), ['all', 'any'] as const) ?? 'all';
  const conditions: RuleCondition[] = [];
  for (const c of ruleConditionsEl ? childrenNamed(ruleConditionsEl, ss, 'ruleCondition') : []) {
    const condition = vocabulary(r, where, 'ruleCondition', attr(c, local, 'condition'), ruleConditions);
    if (!condition) return null;
    const out: RuleCondition = { condition };
    const operator = readToken(r, where, 'operator', attr(c, local, 'operator'), ['not', 'noOp'] as const);
    if (operator === 'not') out.not = true;
    const ref = attr(c, local, 'referencedObjective')?.trim();
    if (ref) out.referencedObjective = ref;
    put(out, 'measureThreshold', readDecimal(r, where, 'measureThreshold', attr(c, local, 'measureThreshold'), -1, 1));
    conditions.push(out);
  }
  const actionEl = childNamed(el, ss, 'ruleAction');
  const action = vocabulary(r, where, 'ruleAction', actionEl && attr(actionEl, local, 'action'), actions);
  if (!action) return null;
  return { conditionCombination: combination, conditions, action };
}

function readMapInfo(r: ValueReader, where: string, el: XmlElement): ObjectiveMapInfo | null {
  const target = attr(el, local, 'targetObjectiveID')?.trim();
  if (!target) {
    r.warnings.push(manifestWarnings.invalidValue(where, 'mapInfo targetObjectiveID', ''));
    return null;
  }
  const m: ObjectiveMapInfo = { targetObjectiveId: target };
  for (const key of ['readSatisfiedStatus', 'readNormalizedMeasure', 'writeSatisfiedStatus', 'writeNormalizedMeasure'] as const) put(m, key, readBoolean(r, where, key, attr(el, local, key)));
  return m;
}

function readObjective(r: ValueReader, where: string, el: XmlElement): Objective {
  const o: Objective = { mapInfo: [] };
  const id = attr(el, local, 'objectiveID')?.trim();
  if (id) o.objectiveId = id;
  put(o, 'satisfiedByMeasure', readBoolean(r, where, 'satisfiedByMeasure', attr(el, local, 'satisfiedByMeasure')));
  const min = childNamed(el, ss, 'minNormalizedMeasure');
  if (min) put(o, 'minNormalizedMeasure', readDecimal(r, where, 'minNormalizedMeasure', min.text, -1, 1));
  for (const m of childrenNamed(el, ss, 'mapInfo')) {
    const info = readMapInfo(r, where, m);
    if (info) o.mapInfo.push(info);
  }
  return o;
}

function readAdlObjective(r: ValueReader, where: string, el: XmlElement): AdlObjective | null {
  const id = attr(el, local, 'objectiveID')?.trim();
  if (!id) return null;
  const mapInfo: AdlObjectiveMapInfo[] = [];
  for (const m of childrenNamed(el, seq, 'mapInfo')) {
    const target = attr(m, local, 'targetObjectiveID')?.trim();
    if (!target) continue;
    const info: AdlObjectiveMapInfo = { targetObjectiveId: target };
    for (const key of ['readRawScore', 'readMinScore', 'readMaxScore', 'readCompletionStatus', 'readProgressMeasure', 'writeRawScore', 'writeMinScore', 'writeMaxScore', 'writeCompletionStatus', 'writeProgressMeasure'] as const) {
      put(info, key, readBoolean(r, where, key, attr(m, local, key)));
    }
    mapInfo.push(info);
  }
  return { objectiveId: id, mapInfo };
}

/** Read one `imsss:sequencing` element (an item's, the organization's, or a collection entry). */
export function readSequencing(r: ValueReader, where: string, el: XmlElement): Sequencing {
  const s: Sequencing = {};
  const b = (e: XmlElement, name: string) => readBoolean(r, where, name, attr(e, local, name));

  const controlMode = childNamed(el, ss, 'controlMode');
  if (controlMode) {
    s.controlMode = {};
    for (const key of ['choice', 'choiceExit', 'flow', 'forwardOnly', 'useCurrentAttemptObjectiveInfo', 'useCurrentAttemptProgressInfo'] as const) put(s.controlMode, key, b(controlMode, key));
  }

  const rules = childNamed(el, ss, 'sequencingRules');
  if (rules) {
    s.sequencingRules = { preCondition: [], exitCondition: [], postCondition: [] };
    for (const e of childrenNamed(rules, ss, 'preConditionRule')) {
      const rule = readSequencingRule(r, where, e, preActions);
      if (rule) s.sequencingRules.preCondition.push(rule);
    }
    for (const e of childrenNamed(rules, ss, 'exitConditionRule')) {
      const rule = readSequencingRule(r, where, e, exitActions);
      if (rule) s.sequencingRules.exitCondition.push(rule);
    }
    for (const e of childrenNamed(rules, ss, 'postConditionRule')) {
      const rule = readSequencingRule(r, where, e, postActions);
      if (rule) s.sequencingRules.postCondition.push(rule);
    }
  }

  const limits = childNamed(el, ss, 'limitConditions');
  if (limits) {
    s.limitConditions = {};
    put(s.limitConditions, 'attemptLimit', readCount(r, where, 'attemptLimit', attr(limits, local, 'attemptLimit')));
    put(s.limitConditions, 'attemptAbsoluteDurationLimit', readDuration(r, where, 'attemptAbsoluteDurationLimit', attr(limits, local, 'attemptAbsoluteDurationLimit')));
  }

  const rollup = childNamed(el, ss, 'rollupRules');
  if (rollup) {
    s.rollupRules = { rules: [] };
    put(s.rollupRules, 'rollupObjectiveSatisfied', b(rollup, 'rollupObjectiveSatisfied'));
    put(s.rollupRules, 'rollupProgressCompletion', b(rollup, 'rollupProgressCompletion'));
    put(s.rollupRules, 'objectiveMeasureWeight', readDecimal(r, where, 'objectiveMeasureWeight', attr(rollup, local, 'objectiveMeasureWeight'), 0, 1));
    nextRule: for (const e of childrenNamed(rollup, ss, 'rollupRule')) {
      const childActivitySet = vocabulary(r, where, 'childActivitySet', attr(e, local, 'childActivitySet') ?? 'all', childSets);
      if (!childActivitySet) continue;
      const conditionsEl = childNamed(e, ss, 'rollupConditions');
      const conditions: RollupRule['conditions'] = [];
      for (const c of conditionsEl ? childrenNamed(conditionsEl, ss, 'rollupCondition') : []) {
        const condition = vocabulary(r, where, 'rollupCondition', attr(c, local, 'condition'), rollupConditions);
        if (!condition) continue nextRule;
        if (condition === 'timeLimitExceeded' || condition === 'outsideAvailableTimeRange') r.warnings.push(manifestWarnings.unsupportedByRuntime(where, `rollupCondition ${condition}`));
        const operator = readToken(r, where, 'operator', attr(c, local, 'operator'), ['not', 'noOp'] as const);
        conditions.push(operator === 'not' ? { condition, not: true } : { condition });
      }
      const actionEl = childNamed(e, ss, 'rollupAction');
      const action = vocabulary(r, where, 'rollupAction', actionEl && attr(actionEl, local, 'action'), rollupActions);
      if (!action) continue;
      s.rollupRules.rules.push({
        childActivitySet,
        minimumCount: readCount(r, where, 'minimumCount', attr(e, local, 'minimumCount')) ?? 0,
        minimumPercent: readDecimal(r, where, 'minimumPercent', attr(e, local, 'minimumPercent'), 0, 1) ?? 0,
        conditionCombination: readToken(r, where, 'conditionCombination', conditionsEl && attr(conditionsEl, local, 'conditionCombination'), ['all', 'any'] as const) ?? 'any',
        conditions,
        action,
      });
    }
  }

  const objectives = childNamed(el, ss, 'objectives');
  if (objectives) {
    s.objectives = { others: [] };
    const primary = childNamed(objectives, ss, 'primaryObjective');
    if (primary) s.objectives.primary = readObjective(r, where, primary);
    for (const o of childrenNamed(objectives, ss, 'objective')) {
      const objective = readObjective(r, where, o);
      if (objective.objectiveId) s.objectives.others.push(objective);
      else r.warnings.push(manifestWarnings.invalidValue(where, 'objective objectiveID', ''));
    }
  }

  const randomization = childNamed(el, ss, 'randomizationControls');
  if (randomization) {
    s.randomizationControls = {};
    put(s.randomizationControls, 'randomizationTiming', readToken(r, where, 'randomizationTiming', attr(randomization, local, 'randomizationTiming'), timings));
    put(s.randomizationControls, 'selectCount', readCount(r, where, 'selectCount', attr(randomization, local, 'selectCount')));
    put(s.randomizationControls, 'reorderChildren', b(randomization, 'reorderChildren'));
    put(s.randomizationControls, 'selectionTiming', readToken(r, where, 'selectionTiming', attr(randomization, local, 'selectionTiming'), timings));
  }

  const delivery = childNamed(el, ss, 'deliveryControls');
  if (delivery) {
    s.deliveryControls = {};
    for (const key of ['tracked', 'completionSetByContent', 'objectiveSetByContent'] as const) put(s.deliveryControls, key, b(delivery, key));
  }

  const constrained = childNamed(el, seq, 'constrainedChoiceConsiderations');
  if (constrained) {
    s.constrainedChoiceConsiderations = {};
    for (const key of ['preventActivation', 'constrainChoice'] as const) put(s.constrainedChoiceConsiderations, key, b(constrained, key));
  }

  const considerations = childNamed(el, seq, 'rollupConsiderations');
  if (considerations) {
    s.rollupConsiderations = {};
    for (const key of ['requiredForSatisfied', 'requiredForNotSatisfied', 'requiredForCompleted', 'requiredForIncomplete'] as const) {
      put(s.rollupConsiderations, key, readToken(r, where, key, attr(considerations, local, key), requirements));
    }
    put(s.rollupConsiderations, 'measureSatisfactionIfActive', b(considerations, 'measureSatisfactionIfActive'));
  }

  const adlObjectives = childNamed(el, seq, 'objectives');
  if (adlObjectives) {
    s.adlObjectives = childrenNamed(adlObjectives, seq, 'objective')
      .map((o) => readAdlObjective(r, where, o))
      .filter((o): o is AdlObjective => o !== null);
  }

  return s;
}

/**
 * Merge a referenced `sequencingCollection` entry with an element's own sequencing
 * (SCORM 2004 CAM, sequencing collections): the element's own top-level sequencing elements
 * (controlMode, sequencingRules, limitConditions, rollupRules, objectives, …) replace the
 * referenced entry's element of the same name; elements it does not state come from the entry.
 */
export function mergeSequencing(referenced: Sequencing | undefined, own: Sequencing): Sequencing {
  if (!referenced) return own;
  return structuredClone({ ...referenced, ...own });
}
