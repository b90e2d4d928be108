import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchables, type PackageManifest } from '../../../functions/src/scorm/domain/manifest';
import { rollup, type LeafState } from '../../../functions/src/scorm/domain/rollup';
import { outcomeOf, type OutcomeItem } from '../../../functions/src/scorm/domain/outcome';
import { mergeSco, readCmi, type ScoState } from '../../../functions/src/scorm/domain/cmi';
import { manifest2004, manifestFromZip, parsed } from './manifests';

/**
 * SCORM 2004 rollup on the server (functions/src/scorm/domain/rollup.ts): small manifests per
 * construct, the SN defaults, the demo 2004 package's own rules, and the golf multi-SCO package.
 */

// ---- building blocks ---------------------------------------------------------------------------------

/** A leaf item `id` with its own resource, and optional sequencing inside. */
const leaf = (id: string, sequencing = '') => `<item identifier="${id}" identifierref="res_${id}"><title>${id}</title>${sequencing}</item>`;
const cluster = (id: string, children: string[], sequencing = '') => `<item identifier="${id}"><title>${id}</title>${children.join('')}${sequencing}</item>`;
const seq = (inner: string) => `<imsss:sequencing>${inner}</imsss:sequencing>`;
const rule = (set: string, conds: string, action: string, attrs = '', combination = '') =>
  `<imsss:rollupRule childActivitySet="${set}" ${attrs}><imsss:rollupConditions${combination ? ` conditionCombination="${combination}"` : ''}>${conds}</imsss:rollupConditions><imsss:rollupAction action="${action}"/></imsss:rollupRule>`;
const cond = (condition: string, not = false) => `<imsss:rollupCondition condition="${condition}"${not ? ' operator="not"' : ''}/>`;
const rules = (inner: string, attrs = '') => `<imsss:rollupRules ${attrs}>${inner}</imsss:rollupRules>`;

/** A 2004 manifest: `body` is the organization's content; every leaf id in `leaves` gets a SCO resource. */
function pkg(body: string, leaves: string[]): PackageManifest {
  const resources = leaves.map((id) => `<resource identifier="res_${id}" type="webcontent" adlcp:scormType="sco" href="${id}.html"/>`).join('\n');
  return parsed(manifest2004({ org: body, resources }));
}

const done: LeafState = { completion: 'completed', success: 'unknown' };
const passed: LeafState = { completion: 'completed', success: 'passed' };
const failed: LeafState = { completion: 'completed', success: 'failed' };
const incomplete: LeafState = { completion: 'incomplete', success: 'unknown' };

const root = (m: PackageManifest, states: Record<string, LeafState>) => {
  const r = rollup(m, undefined, states);
  return [r.completion, r.success] as const;
};

// ---- defaults ------------------------------------------------------------------------------------------

describe('default rollup rules (no rules in the manifest)', () => {
  const m = pkg([leaf('a'), leaf('b')].join(''), ['a', 'b']);

  it('completed when every child is completed; incomplete when any child is known and not completed', () => {
    expect(root(m, {})).toEqual(['unknown', 'unknown']);
    expect(root(m, { a: done })).toEqual(['unknown', 'unknown']); // b never launched: nothing known about it
    expect(root(m, { a: done, b: incomplete })).toEqual(['incomplete', 'unknown']);
    expect(root(m, { a: { completion: 'not attempted', success: 'unknown' } })).toEqual(['incomplete', 'unknown']);
    expect(root(m, { a: done, b: done })).toEqual(['completed', 'unknown']);
  });

  it('satisfied when every child is satisfied; not satisfied when any known child is not', () => {
    expect(root(m, { a: passed })).toEqual(['unknown', 'unknown']);
    expect(root(m, { a: passed, b: passed })).toEqual(['completed', 'passed']);
    expect(root(m, { a: passed, b: failed })).toEqual(['completed', 'failed']);
    expect(root(m, { a: failed })).toEqual(['unknown', 'failed']);
  });

  it('rolls up through nested clusters, and reports every cluster', () => {
    const nested = pkg([cluster('m1', [leaf('a'), leaf('b')]), cluster('m2', [leaf('c')])].join(''), ['a', 'b', 'c']);
    const r = rollup(nested, undefined, { a: passed, b: passed, c: incomplete });
    expect(r.clusters.m1).toMatchObject({ completion: 'completed', success: 'passed', attempted: true, by: { success: 'default', completion: 'default' } });
    expect(r.clusters.m2).toMatchObject({ completion: 'incomplete', success: 'unknown' });
    expect(r.clusters.org).toMatchObject({ completion: 'incomplete', success: 'unknown' });
    expect([r.completion, r.success]).toEqual(['incomplete', 'unknown']);
    expect(rollup(nested, 'org', { a: passed, b: passed, c: passed })).toMatchObject({ completion: 'completed', success: 'passed' });
  });

  it('an unknown organization is an error', () => {
    expect(() => rollup(m, 'nope', {})).toThrow(/nope/);
  });
});

// ---- rules ----------------------------------------------------------------------------------------------

describe('rollup rules', () => {
  const three = (rollupRules: string) => pkg([leaf('a'), leaf('b'), leaf('c')].join('') + seq(rollupRules), ['a', 'b', 'c']);

  it('childActivitySet any', () => {
    const m = three(rules(rule('any', cond('completed'), 'completed') + rule('any', cond('satisfied'), 'satisfied')));
    expect(root(m, { b: passed })).toEqual(['completed', 'passed']);
    // The manifest's own rules replace the defaults for that kind: nothing says incomplete / not satisfied.
    expect(root(m, { a: { completion: 'incomplete', success: 'failed' } })).toEqual(['unknown', 'unknown']);
  });

  it('childActivitySet all needs every contributing child', () => {
    const m = three(rules(rule('all', cond('completed'), 'completed')));
    expect(root(m, { a: done, b: done })).toEqual(['unknown', 'unknown']);
    expect(root(m, { a: done, b: done, c: done })[0]).toBe('completed');
  });

  it('childActivitySet none', () => {
    const m = three(rules(rule('none', cond('satisfied'), 'notSatisfied') + rule('none', cond('attempted', true), 'completed')));
    // none attempted → "none not attempted" is false for all … completed only when every child was attempted.
    expect(root(m, { a: failed, b: failed, c: failed })).toEqual(['completed', 'failed']);
    expect(root(m, { a: failed, b: failed })).toEqual(['unknown', 'unknown']); // c: satisfied unknown → not "none"
    expect(root(m, { a: failed, b: failed, c: passed })).toEqual(['completed', 'unknown']);
  });

  it('childActivitySet atLeastCount', () => {
    const m = three(rules(rule('atLeastCount', cond('completed'), 'completed', 'minimumCount="2"') + rule('atLeastCount', cond('satisfied'), 'satisfied', 'minimumCount="2"')));
    expect(root(m, { a: passed })).toEqual(['unknown', 'unknown']);
    expect(root(m, { a: passed, c: passed })).toEqual(['completed', 'passed']);
  });

  it('childActivitySet atLeastPercent (of the contributing children)', () => {
    const m = three(rules(rule('atLeastPercent', cond('completed'), 'completed', 'minimumPercent="0.6"')));
    expect(root(m, { a: done })[0]).toBe('unknown');
    expect(root(m, { a: done, b: done })[0]).toBe('completed'); // 2/3 ≥ 60 %
    const half = three(rules(rule('atLeastPercent', cond('completed'), 'completed', 'minimumPercent="0.5"')));
    expect(root(half, { a: done, b: incomplete })[0]).toBe('unknown'); // 1/3
  });

  it('operator not, and unknown stays unknown under not', () => {
    const m = three(rules(rule('any', cond('satisfied', true), 'notSatisfied') + rule('all', cond('satisfied'), 'satisfied')));
    expect(root(m, { a: passed })).toEqual(['unknown', 'unknown']); // b, c unknown: "not satisfied" is unknown, not true
    expect(root(m, { a: passed, b: failed })).toEqual(['unknown', 'failed']);
    expect(root(m, { a: passed, b: passed, c: passed })).toEqual(['completed', 'passed']);
  });

  it('conditionCombination all / any', () => {
    const all = three(rules(rule('any', cond('attempted') + cond('completed', true), 'incomplete', '', 'all')));
    expect(root(all, { a: done })[0]).toBe('unknown');
    expect(root(all, { a: incomplete })[0]).toBe('incomplete');
    const any = three(rules(rule('all', cond('completed') + cond('satisfied'), 'completed', '', 'any')));
    expect(root(any, { a: done, b: passed, c: { completion: 'incomplete', success: 'passed' } })[0]).toBe('completed');
    expect(root(any, { a: done, b: done, c: incomplete })[0]).toBe('unknown');
  });

  it('objectiveStatusKnown, objectiveMeasureKnown, activityProgressKnown, attempted, attemptLimitExceeded', () => {
    const m = pkg(
      [leaf('a', seq('<imsss:limitConditions attemptLimit="1"/>')), leaf('b')].join('') +
        seq(rules(rule('all', cond('objectiveStatusKnown'), 'satisfied') + rule('any', cond('objectiveMeasureKnown'), 'notSatisfied') + rule('all', cond('attempted'), 'completed') + rule('any', cond('attemptLimitExceeded'), 'incomplete'))),
      ['a', 'b'],
    );
    expect(root(m, { a: incomplete })).toEqual(['incomplete', 'unknown']); // a launched once, limit 1
    expect(root(m, { a: { ...incomplete, measure: 0.3 } })).toEqual(['incomplete', 'failed']);
    expect(root(m, { a: failed, b: passed })).toEqual(['completed', 'passed']); // both known → "satisfied" wins
    const progress = pkg([leaf('a'), leaf('b')].join('') + seq(rules(rule('all', cond('activityProgressKnown'), 'completed'))), ['a', 'b']);
    expect(root(progress, { a: incomplete, b: { completion: 'unknown', success: 'unknown' } })[0]).toBe('unknown');
    expect(root(progress, { a: incomplete, b: incomplete })[0]).toBe('completed');
  });

  it('a positive result wins over its opposite', () => {
    const m = three(rules(rule('any', cond('completed'), 'completed') + rule('any', cond('completed', true), 'incomplete')));
    expect(root(m, { a: done, b: incomplete })[0]).toBe('completed');
  });
});

// ---- measure --------------------------------------------------------------------------------------------

describe('measure rollup and satisfied by measure', () => {
  const weighted = (rootSeq = '') =>
    pkg(
      [leaf('a', seq(rules('', 'objectiveMeasureWeight="0.25"'))), leaf('b', seq(rules('', 'objectiveMeasureWeight="0.75"'))), leaf('c', seq(rules('', 'objectiveMeasureWeight="0"')))].join('') + rootSeq,
      ['a', 'b', 'c'],
    );

  it('weighted average of the children’s measures; a child without a measure still counts its weight', () => {
    expect(rollup(weighted(), undefined, {}).measure).toBeUndefined();
    expect(rollup(weighted(), undefined, { a: { ...done, measure: 1 }, b: { ...done, measure: 0.6 }, c: { ...done, measure: -1 } }).measure).toBeCloseTo(0.7, 6);
    expect(rollup(weighted(), undefined, { a: { ...done, measure: 1 } }).measure).toBeCloseTo(0.25, 6);
    // c weighs 0; a and b count their weight without a measure: 0.
    expect(rollup(weighted(), undefined, { c: { ...done, measure: 1 } }).measure).toBe(0);
    // Only weights of 0: no measure.
    const zero = pkg([leaf('a', seq(rules('', 'objectiveMeasureWeight="0"')))].join('') + leaf('b', seq(rules('', 'objectiveMeasureWeight="0"'))), ['a', 'b']);
    expect(rollup(zero, undefined, { a: { ...done, measure: 1 } }).measure).toBeUndefined();
  });

  it('the cluster’s primary objective satisfied by measure (minNormalizedMeasure, default 1.0)', () => {
    const m = weighted(seq('<imsss:objectives><imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives>'));
    expect(rollup(m, undefined, { a: { ...passed, measure: 1 }, b: { ...failed, measure: 0.6 } })).toMatchObject({ success: 'passed', measure: 0.7, clusters: { org: { by: { success: 'measure' } } } });
    expect(rollup(m, undefined, { a: { ...passed, measure: 0.2 }, b: { ...passed, measure: 0.6 } })).toMatchObject({ success: 'failed', measure: 0.5 });
    expect(rollup(m, undefined, { a: passed, b: passed }).success).toBe('unknown'); // no measure → unknown, whatever the children say
    const strict = weighted(seq('<imsss:objectives><imsss:primaryObjective satisfiedByMeasure="true"/></imsss:objectives>'));
    expect(rollup(strict, undefined, { a: { ...done, measure: 1 }, b: { ...done, measure: 0.99 } }).success).toBe('failed');
  });

  it('a leaf satisfied by measure: its scaled score against minNormalizedMeasure (a pass is kept)', () => {
    const byMeasure = seq('<imsss:objectives><imsss:primaryObjective objectiveID="t" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives>');
    const m = pkg([leaf('a'), leaf('t', byMeasure)].join(''), ['a', 't']);
    expect(root(m, { a: passed, t: { completion: 'completed', success: 'unknown', measure: 0.9 } })).toEqual(['completed', 'passed']);
    expect(root(m, { a: passed, t: { completion: 'completed', success: 'passed', measure: 0.5 } })).toEqual(['completed', 'passed']);
    expect(root(m, { a: passed, t: { completion: 'completed', success: 'unknown', measure: 0.5 } })).toEqual(['completed', 'failed']);
    expect(root(m, { a: passed, t: { completion: 'completed', success: 'failed' } })).toEqual(['completed', 'unknown']);
  });

  it('a cluster completed by measure: progress measures weighted by progressWeight against minProgressMeasure', () => {
    const m = pkg(cluster('c1', [leaf('a'), leaf('b')], '<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.5"/>'), ['a', 'b']);
    expect(rollup(m, undefined, { a: { ...incomplete, progressMeasure: 0.8 }, b: { ...incomplete, progressMeasure: 0.4 } }).clusters.c1).toMatchObject({ completion: 'completed', progressMeasure: 0.6, by: { completion: 'measure' } });
    expect(rollup(m, undefined, { a: { ...incomplete, progressMeasure: 0.8 } }).clusters.c1).toMatchObject({ completion: 'incomplete', progressMeasure: 0.4 });
    expect(rollup(m, undefined, { a: done }).clusters.c1!.completion).toBe('unknown');
  });
});

// ---- who contributes --------------------------------------------------------------------------------------

describe('which children contribute', () => {
  it('tracked=false children are left out of every rollup', () => {
    const m = pkg([leaf('a'), leaf('x', seq('<imsss:deliveryControls tracked="false"/>'))].join(''), ['a', 'x']);
    expect(root(m, { a: { ...passed, measure: 0.9 } })).toEqual(['completed', 'passed']);
    expect(rollup(m, undefined, { a: { ...passed, measure: 0.9 }, x: { ...failed, measure: 0 } })).toMatchObject({ completion: 'completed', success: 'passed', measure: 0.9 });
  });

  it('rollupObjectiveSatisfied=false and rollupProgressCompletion=false', () => {
    const m = pkg([leaf('lesson', seq(rules('', 'rollupObjectiveSatisfied="false"'))), leaf('test', seq(rules('', 'rollupProgressCompletion="false"')))].join(''), ['lesson', 'test']);
    expect(root(m, { lesson: done })).toEqual(['completed', 'unknown']);
    expect(root(m, { lesson: { ...incomplete }, test: passed })).toEqual(['incomplete', 'passed']);
    expect(root(m, { lesson: failed, test: passed })).toEqual(['completed', 'passed']);
  });

  it('rollupConsiderations: ifAttempted, ifNotSuspended, ifNotSkipped, always', () => {
    const considered = (attrs: string, extra = '') => leaf('b', seq(`${extra}<adlseq:rollupConsiderations ${attrs}/>`));
    const ifAttempted = pkg([leaf('a'), considered('requiredForCompleted="ifAttempted" requiredForSatisfied="ifAttempted"')].join(''), ['a', 'b']);
    expect(root(ifAttempted, { a: passed })).toEqual(['completed', 'passed']); // b not attempted: left out
    expect(root(ifAttempted, { a: passed, b: incomplete })).toEqual(['incomplete', 'unknown']);

    const ifNotSuspended = pkg([leaf('a'), considered('requiredForIncomplete="ifNotSuspended"')].join(''), ['a', 'b']);
    expect(root(ifNotSuspended, { a: done, b: { ...incomplete, suspended: true } })[0]).toBe('unknown'); // b left out of "incomplete", still needed for "completed"
    expect(root(ifNotSuspended, { a: done, b: incomplete })[0]).toBe('incomplete');

    const skip = '<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>';
    const ifNotSkipped = pkg([leaf('a'), considered('requiredForCompleted="ifNotSkipped"', skip)].join(''), ['a', 'b']);
    expect(root(ifNotSkipped, { a: done })[0]).toBe('completed');
    const always = pkg([leaf('a'), considered('requiredForCompleted="always"', skip)].join(''), ['a', 'b']);
    expect(root(always, { a: done })[0]).toBe('unknown');
  });
});

// ---- the demo 2004 package ----------------------------------------------------------------------------------

describe('demo package "De-escalatie in de praktijk" (its own rules)', () => {
  const m = parsed(readFileSync(resolve(import.meta.dirname, '../../../content/scorm/deescalatie-in-de-praktijk/imsmanifest.xml'), 'utf8'));
  const lessons = { les_1_1: done, les_1_2: done, les_2_1: done, les_2_2: done };
  const test = (scaled: number, success: LeafState['success'] = 'unknown'): LeafState => ({ completion: 'completed', success, measure: scaled });

  it('the lessons and the test complete the course; the test alone decides success and score', () => {
    expect(rollup(m, undefined, { les_1_1: done, les_1_2: done, les_2_1: done })).toMatchObject({ completion: 'unknown', success: 'unknown' });
    expect(rollup(m, undefined, { ...lessons, les_2_2: incomplete })).toMatchObject({ completion: 'incomplete' });
    // The lessons without the test: not completed (the test counts toward completion).
    const noTest = rollup(m, undefined, lessons);
    expect(noTest).toMatchObject({ completion: 'unknown', success: 'unknown' });
    expect(noTest.measure).toBeUndefined();
    expect(noTest.clusters).toMatchObject({ module_1: { completion: 'completed' }, module_2: { completion: 'completed' }, org_deescalatie: { completion: 'unknown', by: { completion: 'rules', success: 'rules' } } });
    // The test started but not finished: incomplete.
    expect(rollup(m, undefined, { ...lessons, eindtoets: incomplete })).toMatchObject({ completion: 'incomplete', success: 'unknown' });
    expect(rollup(m, undefined, { ...lessons, eindtoets: test(0.9) })).toMatchObject({ completion: 'completed', success: 'passed', measure: 0.9 });
    expect(rollup(m, undefined, { ...lessons, eindtoets: test(0.5) })).toMatchObject({ completion: 'completed', success: 'failed', measure: 0.5 });
    // The test without the lessons: satisfied, not completed.
    expect(rollup(m, undefined, { eindtoets: test(0.9, 'passed') })).toMatchObject({ completion: 'unknown', success: 'passed', measure: 0.9 });
    expect(rollup(m, undefined, { les_1_1: done, eindtoets: test(0.5) })).toMatchObject({ completion: 'unknown', success: 'failed', measure: 0.5 });
  });

  it('through outcomeOf (stored CMI → leaves → rollup), the attempt’s outcome', () => {
    const items: OutcomeItem[] = launchables(m).map((l) => ({ itemId: l.itemId, scormType: l.scormType, scaledPassingScore: l.scaledPassingScore, completionThreshold: l.completionThreshold }));
    expect(items.find((i) => i.itemId === 'eindtoets')?.scaledPassingScore).toBe(0.8);
    const st = (cmi: Record<string, unknown>): ScoState => {
      const read = readCmi('2004', cmi);
      if (!read.ok) throw new Error('bad cmi');
      return mergeSco(undefined, read.report, { version: '2004', session: '1:a', sessionCap: 1e9, totalCap: 1e9 });
    };
    const lessonStates = Object.fromEntries(['les_1_1', 'les_1_2', 'les_2_1', 'les_2_2'].map((id) => [id, st({ completion_status: 'completed', progress_measure: '1', exit: 'normal' })]));
    const pkgOf = { manifest: m };
    expect(outcomeOf('2004', {}, items, undefined, pkgOf)).toMatchObject({ completion: 'not attempted', success: 'unknown', done: false });
    expect(outcomeOf('2004', { les_1_1: lessonStates.les_1_1! }, items, undefined, pkgOf)).toMatchObject({ completion: 'incomplete', done: false });
    // The lessons alone do not complete the attempt: it goes on (resumable) until the test is taken.
    const noTest = outcomeOf('2004', lessonStates, items, undefined, pkgOf);
    expect(noTest).toMatchObject({ completion: 'incomplete', success: 'unknown', done: false, failed: false });
    expect(noTest.score).toBeUndefined();
    // The test failed before the lessons are done: not over yet (incomplete, not failed).
    expect(outcomeOf('2004', { les_1_1: lessonStates.les_1_1!, eindtoets: st({ completion_status: 'completed', score: { scaled: '0.5' } }) }, items, undefined, pkgOf)).toMatchObject({ completion: 'incomplete', success: 'failed', done: false, failed: false });
    const pass = outcomeOf('2004', { ...lessonStates, eindtoets: st({ completion_status: 'completed', score: { scaled: '0.9', raw: '90', min: '0', max: '100' } }) }, items, undefined, pkgOf);
    expect(pass).toMatchObject({ completion: 'completed', success: 'passed', done: true, score: { scaled: 0.9 }, percent: 90 });
    const fail = outcomeOf('2004', { ...lessonStates, eindtoets: st({ completion_status: 'completed', success_status: 'failed', score: { scaled: '0.5' } }) }, items, undefined, pkgOf);
    expect(fail).toMatchObject({ completion: 'completed', success: 'failed', done: false, failed: true, percent: 50 });
    // The package's rollup decides, not a rollup the player may report.
    expect(outcomeOf('2004', lessonStates, items, { completionStatus: 'completed', successStatus: 'passed' }, pkgOf)).toMatchObject({ completion: 'incomplete', done: false, success: 'unknown' });
    expect(outcomeOf('2004', { ...lessonStates, eindtoets: st({ completion_status: 'completed', score: { scaled: '0.9' } }) }, items, { completionStatus: 'incomplete', successStatus: 'failed' }, pkgOf)).toMatchObject({ completion: 'completed', done: true, success: 'passed' });
  });
});

// ---- the golf multi-SCO package (18 assets, no sequencing) ------------------------------------------------------

describe('golf multi-SCO package (assets only, SN defaults)', () => {
  let m: PackageManifest;
  beforeAll(async () => {
    m = parsed(await manifestFromZip('golf-scorm2004-multi-sco.zip'));
  });

  it('completes when all 18 items were delivered, not before; success stays unknown', () => {
    const items = launchables(m);
    expect(items).toHaveLength(18);
    expect(items.every((l) => l.scormType === 'asset')).toBe(true);
    const all = Object.fromEntries(items.map((l) => [l.itemId, done]));
    expect(rollup(m, undefined, all)).toMatchObject({ completion: 'completed', success: 'unknown' });
    const [first, ...rest] = items;
    expect(rollup(m, undefined, Object.fromEntries(rest.map((l) => [l.itemId, done]))).completion).not.toBe('completed');
    expect(first).toBeDefined();

    // As outcome.ts sees it: one stored state per delivered asset (what the player commits on delivery).
    const outcomeItems: OutcomeItem[] = items.map((l) => ({ itemId: l.itemId, scormType: l.scormType }));
    const delivered = (): ScoState => {
      const read = readCmi('2004', { completion_status: 'completed', exit: 'normal' });
      if (!read.ok) throw new Error('bad cmi');
      return mergeSco(undefined, read.report, { version: '2004', session: '1:a', sessionCap: 1e9, totalCap: 1e9 });
    };
    const states = Object.fromEntries(items.map((l) => [l.itemId, delivered()]));
    expect(outcomeOf('2004', states, outcomeItems, undefined, { manifest: m })).toMatchObject({ completion: 'completed', success: 'unknown', done: true });
    const seventeen = { ...states };
    delete seventeen[first!.itemId];
    expect(outcomeOf('2004', seventeen, outcomeItems, undefined, { manifest: m })).toMatchObject({ completion: 'incomplete', done: false });
  });
});
