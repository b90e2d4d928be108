import type { Settings } from 'scorm-again';
import { organizationOf, type AdlObjective, type Item, type Objective, type PackageManifest, type RollupRule, type Sequencing, type SequencingRule } from './model';

/**
 * The package model → the `sequencing` settings of scorm-again's SCORM 2004 API (3.4.3), whose
 * types we follow exactly (type-only import: nothing of scorm-again runs on the server).
 *
 * Choices worth knowing (see functions/docs/scorm.md, "Manifest"):
 * - Control modes are always written out with the IMS SS defaults filled in, because
 *   scorm-again's own default for `flow` is `true` while the specification's is `false`.
 * - Sequencing collections are merged while parsing, so activities carry their full sequencing
 *   and no `collections`/`sequencingCollectionRefs` are passed (scorm-again would merge rollup
 *   rules additively, which the specification does not).
 * - `minimumPercent` is 0..1 in the manifest and 0..100 in scorm-again.
 * - A primary objective without `objectiveID` that still matters (satisfiedByMeasure or a
 *   minNormalizedMeasure) gets the id `<item id>#primary`: scorm-again ignores objectives without id.
 */

export type ScormAgainSequencingSettings = NonNullable<Settings['sequencing']>;
export type ScormAgainActivity = NonNullable<ScormAgainSequencingSettings['activityTree']>;
type Controls = NonNullable<ScormAgainActivity['sequencingControls']>;
type RuleSettings = NonNullable<NonNullable<ScormAgainActivity['sequencingRules']>['preConditionRules']>[number];
type RuleConditionSettings = RuleSettings['conditions'][number];
type RollupRuleSettings = NonNullable<ScormAgainActivity['rollupRules']>['rules'][number];
type RollupConditionSettings = RollupRuleSettings['conditions'][number];
type ObjectiveSettings = NonNullable<ScormAgainActivity['primaryObjective']>;
type MapInfoSettings = NonNullable<ObjectiveSettings['mapInfo']>[number];

// scorm-again declares its vocabularies as string enums whose values are the manifest's own
// tokens; these casts name the enum member with the same string value.
const ruleCondition = (v: string) => v as RuleConditionSettings['condition'];
const ruleAction = (v: string) => v as RuleSettings['action'];
const ruleNot = 'not' as NonNullable<RuleConditionSettings['operator']>;
const rollupCondition = (v: string) => v as RollupConditionSettings['condition'];
const rollupNot = 'not' as NonNullable<RollupConditionSettings['operator']>;
const rollupAction = (v: string) => v as RollupRuleSettings['action'];
const rollupCombination = (v: string) => v as NonNullable<RollupRuleSettings['conditionCombination']>;
const rollupConsideration = (v: string) => v as NonNullable<RollupRuleSettings['consideration']>;
const selectionTiming = (v: string) => v as NonNullable<Controls['selectionTiming']>;
const randomizationTiming = (v: string) => v as NonNullable<Controls['randomizationTiming']>;

/** IMS SS control mode defaults (SN book, Table 3.2.1a). */
const controlModeDefaults = { choice: true, choiceExit: true, flow: false, forwardOnly: false, useCurrentAttemptObjectiveInfo: true, useCurrentAttemptProgressInfo: true };

export interface ToScormAgainOptions {
  /** Which organization (default: the manifest's default). */
  organizationId?: string;
  /**
   * `flow` where the manifest does not state it. `spec` (IMS SS default): false, so a package
   * without any sequencing offers choice (table of contents) only and `start` delivers nothing.
   * `auto` (default): as `spec`, except when the organization states no sequencing at all
   * (typical for multi-SCO packages from authoring tools and for 1.2-style aggregations): then
   * flow is on, so start/continue/previous work as well as choice. The author restricted nothing,
   * so this only adds navigation.
   */
  unstatedFlow?: 'spec' | 'auto';
}

function controls(s: Sequencing, flow: boolean): Controls {
  const c: Controls = { ...controlModeDefaults, flow, ...s.controlMode };
  const rollup = s.rollupRules;
  if (rollup?.rollupObjectiveSatisfied !== undefined) c.rollupObjectiveSatisfied = rollup.rollupObjectiveSatisfied;
  if (rollup?.rollupProgressCompletion !== undefined) c.rollupProgressCompletion = rollup.rollupProgressCompletion;
  if (rollup?.objectiveMeasureWeight !== undefined) c.objectiveMeasureWeight = rollup.objectiveMeasureWeight;
  const random = s.randomizationControls;
  if (random?.selectionTiming) c.selectionTiming = selectionTiming(random.selectionTiming);
  if (random?.selectCount !== undefined) c.selectCount = random.selectCount;
  // The manifest's reorderChildren is scorm-again's randomizeChildren (its reorderChildren is runtime state).
  if (random?.reorderChildren !== undefined) c.randomizeChildren = random.reorderChildren;
  if (random?.randomizationTiming) c.randomizationTiming = randomizationTiming(random.randomizationTiming);
  if (s.constrainedChoiceConsiderations?.preventActivation !== undefined) c.preventActivation = s.constrainedChoiceConsiderations.preventActivation;
  if (s.constrainedChoiceConsiderations?.constrainChoice !== undefined) c.constrainChoice = s.constrainedChoiceConsiderations.constrainChoice;
  return c;
}

function rule(r: SequencingRule): RuleSettings {
  return {
    action: ruleAction(r.action),
    conditionCombination: r.conditionCombination,
    conditions: r.conditions.map((c) => {
      const out: RuleConditionSettings = { condition: ruleCondition(c.condition) };
      if (c.not) out.operator = ruleNot;
      if (c.referencedObjective) out.referencedObjective = c.referencedObjective;
      if (c.condition === 'objectiveMeasureGreaterThan' || c.condition === 'objectiveMeasureLessThan') out.parameters = { threshold: c.measureThreshold ?? 0 };
      return out;
    }),
  };
}

function rollupRule(r: RollupRule): RollupRuleSettings {
  return {
    action: rollupAction(r.action),
    consideration: rollupConsideration(r.childActivitySet),
    minimumCount: r.minimumCount,
    // 0..1 in the manifest, a percentage in scorm-again.
    minimumPercent: Math.round(r.minimumPercent * 10000) / 100,
    conditionCombination: rollupCombination(r.conditionCombination),
    conditions: r.conditions.map((c): RollupConditionSettings => {
      if (c.condition === 'timeLimitExceeded' || c.condition === 'outsideAvailableTimeRange') {
        // Not evaluated by scorm-again's rollup (it answers false): say so explicitly.
        return c.not ? { condition: rollupCondition('always') } : { condition: rollupCondition('always'), operator: rollupNot };
      }
      const condition = rollupCondition(c.condition === 'activityProgressKnown' ? 'progressKnown' : c.condition);
      return c.not ? { condition, operator: rollupNot } : { condition };
    }),
  };
}

function objective(o: Objective, id: string, adl: AdlObjective[] | undefined, isPrimary: boolean): ObjectiveSettings {
  const out: ObjectiveSettings = { objectiveID: id };
  if (isPrimary) out.isPrimary = true;
  if (o.satisfiedByMeasure !== undefined) out.satisfiedByMeasure = o.satisfiedByMeasure;
  if (o.minNormalizedMeasure !== undefined) out.minNormalizedMeasure = o.minNormalizedMeasure;
  else if (o.satisfiedByMeasure) out.minNormalizedMeasure = 1;
  const maps = new Map<string, MapInfoSettings>();
  for (const m of o.mapInfo) {
    const { targetObjectiveId, ...flags } = m;
    maps.set(targetObjectiveId, { targetObjectiveID: targetObjectiveId, ...flags });
  }
  for (const m of adl?.find((a) => a.objectiveId === o.objectiveId)?.mapInfo ?? []) {
    const { targetObjectiveId, ...flags } = m;
    maps.set(targetObjectiveId, { ...(maps.get(targetObjectiveId) ?? { targetObjectiveID: targetObjectiveId }), ...flags });
  }
  if (maps.size > 0) out.mapInfo = [...maps.values()];
  return out;
}

function activity(id: string, title: string, isVisible: boolean, s: Sequencing, flow: boolean, children: ScormAgainActivity[], item?: Item): ScormAgainActivity {
  const a: ScormAgainActivity = { id, title, isVisible, sequencingControls: controls(s, flow) };
  if (s.deliveryControls) a.deliveryControls = { ...s.deliveryControls };
  if (s.limitConditions?.attemptLimit !== undefined) a.attemptLimit = s.limitConditions.attemptLimit;
  if (s.limitConditions?.attemptAbsoluteDurationLimit) a.attemptAbsoluteDurationLimit = s.limitConditions.attemptAbsoluteDurationLimit;
  const primary = s.objectives?.primary;
  if (primary) {
    const primaryId = primary.objectiveId ?? (primary.satisfiedByMeasure !== undefined || primary.minNormalizedMeasure !== undefined ? `${id}#primary` : undefined);
    if (primaryId) a.primaryObjective = objective(primary, primaryId, s.adlObjectives, true);
  }
  if (s.objectives && s.objectives.others.length > 0) a.objectives = s.objectives.others.map((o) => objective(o, o.objectiveId!, s.adlObjectives, false));
  const rules = s.sequencingRules;
  if (rules && rules.preCondition.length + rules.exitCondition.length + rules.postCondition.length > 0) {
    a.sequencingRules = {};
    if (rules.preCondition.length > 0) a.sequencingRules.preConditionRules = rules.preCondition.map(rule);
    if (rules.exitCondition.length > 0) a.sequencingRules.exitConditionRules = rules.exitCondition.map(rule);
    if (rules.postCondition.length > 0) a.sequencingRules.postConditionRules = rules.postCondition.map(rule);
  }
  if (s.rollupRules && s.rollupRules.rules.length > 0) a.rollupRules = { rules: s.rollupRules.rules.map(rollupRule) };
  if (s.rollupConsiderations) a.rollupConsiderations = { ...s.rollupConsiderations };
  if (item?.completionThreshold) a.completionThreshold = { ...item.completionThreshold };
  if (item?.hideLmsUi) a.hideLmsUi = [...item.hideLmsUi];
  if (item?.timeLimitAction) a.timeLimitAction = item.timeLimitAction;
  if (item?.sharedData) a.sharedDataMaps = item.sharedData.map((m) => ({ targetID: m.targetId, readSharedData: m.readSharedData, writeSharedData: m.writeSharedData }));
  if (children.length > 0) a.children = children;
  return a;
}

const itemActivity =
  (flow: boolean) =>
  (item: Item): ScormAgainActivity =>
    activity(item.id, item.title, item.isVisible, item.sequencing ?? {}, flow, item.children.map(itemActivity(flow)), item);

const statesSequencing = (items: Item[]): boolean => items.some((i) => i.sequencing !== undefined || statesSequencing(i.children));

/**
 * The `sequencing` settings for `new Scorm2004API({ sequencing })`: the activity tree of the
 * organization (root = the organization, activity ids = item identifiers, so a delivered
 * activity's id finds its launchable). Event listeners and runtime switches are the player's.
 */
export function toScormAgainSequencing(manifest: PackageManifest, options: ToScormAgainOptions = {}): ScormAgainSequencingSettings {
  const organization = organizationOf(manifest, options.organizationId);
  if (!organization) throw new Error(`Unknown organization ${options.organizationId ?? manifest.defaultOrganizationId}`);
  const flow = (options.unstatedFlow ?? 'auto') === 'auto' && organization.sequencing === undefined && !statesSequencing(organization.items);
  return { activityTree: activity(organization.id, organization.title, true, organization.sequencing ?? {}, flow, organization.items.map(itemActivity(flow))) };
}
