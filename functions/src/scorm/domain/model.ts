import type { ManifestWarning } from './errors';

/**
 * The package model: what we keep of `imsmanifest.xml` with a package version. Plain JSON
 * (no Map, Date, class or undefined-only meaning), so it round-trips through DynamoDB/S3 as is.
 * Optional fields are simply absent when the manifest does not say anything.
 */

/**
 * Text from the manifest (titles). Always plain text: never HTML, never sanitised, never to be
 * inserted as markup; whoever renders it escapes it. `<script>` in a title is just characters.
 */
export type PlainText = string;

export type ScormVersion = '1.2' | '2004-2nd' | '2004-3rd' | '2004-4th';

export const PACKAGE_MODEL_VERSION = 1;

export interface PackageManifest {
  /** Version of this model's shape (bump when it changes incompatibly). */
  model: typeof PACKAGE_MODEL_VERSION;
  /** The manifest's own identifier attribute ('' when absent). */
  identifier: string;
  scormVersion: ScormVersion;
  /** The `<schemaversion>` text as written, when present. */
  schemaVersion?: string;
  /** Title of the default organization. */
  title: PlainText;
  defaultOrganizationId: string;
  organizations: Organization[];
  /** Resources by identifier (only what launching needs: no file lists). */
  resources: Record<string, Resource>;
  /** `imsss:sequencingCollection` entries by ID, as written (items already carry them merged in). */
  sequencingCollection?: Record<string, Sequencing>;
  /** Things that were ignored or assumed; the package is still usable. */
  warnings: ManifestWarning[];
}

export interface Organization {
  id: string;
  title: PlainText;
  items: Item[];
  /** The organization's (root activity's) sequencing, collection reference already merged. */
  sequencing?: Sequencing;
  /** `IDRef` of the sequencing element, when it referenced a collection entry. */
  sequencingRef?: string;
  /** `adlseq:objectivesGlobalToSystem` (default true). */
  objectivesGlobalToSystem?: boolean;
  /** `adlcp:sharedDataGlobalToSystem` (4th ed., default true). */
  sharedDataGlobalToSystem?: boolean;
}

export type TimeLimitAction = 'exit,message' | 'exit,no message' | 'continue,message' | 'continue,no message';

export interface CompletionThreshold {
  /** 4th ed. `completedByMeasure`; a 3rd ed. element value counts as completed-by-measure (see docs). */
  completedByMeasure: boolean;
  /** 0..1 */
  minProgressMeasure: number;
  /** 0..1, weight of this activity's progress in its parent's (4th ed.). */
  progressWeight: number;
}

export interface Item {
  id: string;
  title: PlainText;
  /** `isvisible` (default true): hidden items are left out of the table of contents. */
  isVisible: boolean;
  /** `identifierref`: a resource for a leaf item; absent for an aggregation. */
  resourceId?: string;
  /** The `parameters` attribute as written. */
  parameters?: string;
  /** Launch URL relative to the package root (xml:base and parameters applied, checked to stay inside the package). */
  href?: string;
  /** SCORM 1.2 `adlcp:masteryscore` (0..100). */
  masteryScore?: number;
  /** SCORM 1.2 `adlcp:maxtimeallowed` (CMITimespan, e.g. `00:30:00`). */
  maxTimeAllowed?: string;
  /** `adlcp:timelimitaction` (1.2) / `adlcp:timeLimitAction` (2004). */
  timeLimitAction?: TimeLimitAction;
  /** `adlcp:datafromlms` (1.2) / `adlcp:dataFromLMS` (2004): becomes `cmi.launch_data`. */
  dataFromLms?: string;
  /** SCORM 1.2 `adlcp:prerequisites` (AICC script), as written; informative. */
  prerequisites?: string;
  /** SCORM 2004 `adlcp:completionThreshold`. */
  completionThreshold?: CompletionThreshold;
  /** SCORM 2004 `imsss:sequencing`, collection reference already merged. */
  sequencing?: Sequencing;
  sequencingRef?: string;
  /** SCORM 2004 `adlnav:presentation/navigationInterface/hideLMSUI`. */
  hideLmsUi?: HideLmsUiToken[];
  /** SCORM 2004 4th ed. `adlcp:data/adlcp:map` (shared data). */
  sharedData?: SharedDataMap[];
  children: Item[];
}

export interface Resource {
  id: string;
  /** `sco` talks to the runtime API; `asset` is plain content (tracked as completed on launch). */
  scormType: 'sco' | 'asset';
  /** The `type` attribute (normally `webcontent`). */
  type: string;
  /** Launch URL relative to the package root with all `xml:base` offsets applied (no item parameters). */
  href?: string;
}

export type HideLmsUiToken = 'continue' | 'previous' | 'exit' | 'exitAll' | 'abandon' | 'abandonAll' | 'suspendAll';

export interface SharedDataMap {
  targetId: string;
  readSharedData: boolean;
  writeSharedData: boolean;
}

// ---------- IMS Simple Sequencing (as written: only what the manifest states; defaults applied when converting) ----------

export interface Sequencing {
  controlMode?: ControlMode;
  sequencingRules?: SequencingRules;
  limitConditions?: LimitConditions;
  rollupRules?: RollupRules;
  objectives?: Objectives;
  randomizationControls?: RandomizationControls;
  deliveryControls?: DeliveryControls;
  /** adlseq:constrainedChoiceConsiderations */
  constrainedChoiceConsiderations?: ConstrainedChoiceConsiderations;
  /** adlseq:rollupConsiderations */
  rollupConsiderations?: RollupConsiderations;
  /** adlseq:objectives (4th ed. extended objective maps), merged by objective ID when converting. */
  adlObjectives?: AdlObjective[];
}

export interface ControlMode {
  choice?: boolean;
  choiceExit?: boolean;
  flow?: boolean;
  forwardOnly?: boolean;
  useCurrentAttemptObjectiveInfo?: boolean;
  useCurrentAttemptProgressInfo?: boolean;
}

export type RuleConditionName =
  | 'satisfied'
  | 'objectiveStatusKnown'
  | 'objectiveMeasureKnown'
  | 'objectiveMeasureGreaterThan'
  | 'objectiveMeasureLessThan'
  | 'completed'
  | 'activityProgressKnown'
  | 'attempted'
  | 'attemptLimitExceeded'
  | 'timeLimitExceeded'
  | 'outsideAvailableTimeRange'
  | 'always';
export type PreConditionAction = 'skip' | 'disabled' | 'hiddenFromChoice' | 'stopForwardTraversal';
export type ExitConditionAction = 'exit';
export type PostConditionAction = 'exitParent' | 'exitAll' | 'retry' | 'retryAll' | 'continue' | 'previous';
export type RuleAction = PreConditionAction | ExitConditionAction | PostConditionAction;

export interface RuleCondition {
  condition: RuleConditionName;
  /** `not` negates; absent = noOp. */
  not?: boolean;
  referencedObjective?: string;
  /** -1..1, for objectiveMeasureGreaterThan/LessThan (default 0). */
  measureThreshold?: number;
}

export interface SequencingRule<A extends RuleAction = RuleAction> {
  conditionCombination: 'all' | 'any';
  conditions: RuleCondition[];
  action: A;
}

export interface SequencingRules {
  preCondition: Array<SequencingRule<PreConditionAction>>;
  exitCondition: Array<SequencingRule<ExitConditionAction>>;
  postCondition: Array<SequencingRule<PostConditionAction>>;
}

export interface LimitConditions {
  attemptLimit?: number;
  /** ISO 8601 duration, e.g. `PT1H`. */
  attemptAbsoluteDurationLimit?: string;
}

export type RollupConditionName =
  | 'satisfied'
  | 'objectiveStatusKnown'
  | 'objectiveMeasureKnown'
  | 'completed'
  | 'activityProgressKnown'
  | 'attempted'
  | 'attemptLimitExceeded'
  | 'timeLimitExceeded'
  | 'outsideAvailableTimeRange';
export type RollupAction = 'satisfied' | 'notSatisfied' | 'completed' | 'incomplete';
export type ChildActivitySet = 'all' | 'any' | 'none' | 'atLeastCount' | 'atLeastPercent';

export interface RollupRule {
  childActivitySet: ChildActivitySet;
  minimumCount: number;
  /** 0..1 as in the manifest. */
  minimumPercent: number;
  conditionCombination: 'all' | 'any';
  conditions: Array<{ condition: RollupConditionName; not?: boolean }>;
  action: RollupAction;
}

export interface RollupRules {
  rollupObjectiveSatisfied?: boolean;
  rollupProgressCompletion?: boolean;
  objectiveMeasureWeight?: number;
  rules: RollupRule[];
}

export interface ObjectiveMapInfo {
  targetObjectiveId: string;
  readSatisfiedStatus?: boolean;
  readNormalizedMeasure?: boolean;
  writeSatisfiedStatus?: boolean;
  writeNormalizedMeasure?: boolean;
}

export interface Objective {
  /** Optional on the primary objective only. */
  objectiveId?: string;
  satisfiedByMeasure?: boolean;
  /** -1..1 (default 1.0 when satisfiedByMeasure). */
  minNormalizedMeasure?: number;
  mapInfo: ObjectiveMapInfo[];
}

export interface Objectives {
  primary?: Objective;
  others: Objective[];
}

export interface AdlObjectiveMapInfo {
  targetObjectiveId: string;
  readRawScore?: boolean;
  readMinScore?: boolean;
  readMaxScore?: boolean;
  readCompletionStatus?: boolean;
  readProgressMeasure?: boolean;
  writeRawScore?: boolean;
  writeMinScore?: boolean;
  writeMaxScore?: boolean;
  writeCompletionStatus?: boolean;
  writeProgressMeasure?: boolean;
}

export interface AdlObjective {
  objectiveId: string;
  mapInfo: AdlObjectiveMapInfo[];
}

export type Timing = 'never' | 'once' | 'onEachNewAttempt';

export interface RandomizationControls {
  randomizationTiming?: Timing;
  selectCount?: number;
  reorderChildren?: boolean;
  selectionTiming?: Timing;
}

export interface DeliveryControls {
  tracked?: boolean;
  completionSetByContent?: boolean;
  objectiveSetByContent?: boolean;
}

export interface ConstrainedChoiceConsiderations {
  preventActivation?: boolean;
  constrainChoice?: boolean;
}

export type RollupRequirement = 'always' | 'ifAttempted' | 'ifNotSkipped' | 'ifNotSuspended';

export interface RollupConsiderations {
  requiredForSatisfied?: RollupRequirement;
  requiredForNotSatisfied?: RollupRequirement;
  requiredForCompleted?: RollupRequirement;
  requiredForIncomplete?: RollupRequirement;
  measureSatisfactionIfActive?: boolean;
}

/** The organization a learner plays: the default one, or another by id. */
export function organizationOf(manifest: PackageManifest, organizationId = manifest.defaultOrganizationId): Organization | undefined {
  return manifest.organizations.find((o) => o.id === organizationId);
}

/** One launchable item of the default organization, in table-of-contents order. */
export interface Launchable {
  itemId: string;
  title: PlainText;
  resourceId: string;
  scormType: 'sco' | 'asset';
  /** Launch URL relative to the package root (xml:base and parameters applied). */
  href: string;
  /** The item's `parameters` as written. */
  parameters?: string;
  isVisible: boolean;
  /** Ids of the enclosing aggregation items, outermost first (for the table of contents). */
  path: string[];
  /** SCORM 1.2 mastery score (0..100) → `cmi.student_data.mastery_score`. */
  masteryScore?: number;
  /** SCORM 2004 `cmi.scaled_passing_score`: the primary objective's minNormalizedMeasure when satisfiedByMeasure. */
  scaledPassingScore?: number;
  /** 1.2 `cmi.student_data.max_time_allowed` / 2004 `cmi.max_time_allowed` (attemptAbsoluteDurationLimit). */
  maxTimeAllowed?: string;
  timeLimitAction?: TimeLimitAction;
  /** → `cmi.launch_data` */
  dataFromLms?: string;
  /** SCORM 2004 `cmi.completion_threshold` (only when completion is set by measure). */
  completionThreshold?: number;
}
