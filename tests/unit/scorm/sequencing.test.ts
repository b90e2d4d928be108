import { describe, expect, it } from 'vitest';
import { launchables, toScormAgainSequencing, type Item } from '../../../functions/src/scorm/domain/manifest';
import { manifest2004, manifestFixture, parsed, refused } from './manifests';

/** imsss:sequencing → our model, sequencing collections, and scorm-again's activity tree settings. */

const seqItem = (id: string, sequencing: string, extra = '') => `<item identifier="${id}" identifierref="r1"><title>${id}</title>${extra}<imsss:sequencing>${sequencing}</imsss:sequencing></item>`;
const firstItem = (xml: string): Item => parsed(xml).organizations[0]!.items[0]!;

describe('imsss:sequencing → model', () => {
  it('keeps only what the manifest states (defaults are applied for the runtime, not stored)', () => {
    const i = firstItem(manifest2004({ org: seqItem('i', '<imsss:controlMode flow="true"/><imsss:deliveryControls tracked="false"/>') }));
    expect(i.sequencing).toEqual({ controlMode: { flow: true }, deliveryControls: { tracked: false } });
  });

  it('reads control modes', () => {
    const i = firstItem(manifest2004({ org: seqItem('i', '<imsss:controlMode choice="false" choiceExit="0" flow="1" forwardOnly="true" useCurrentAttemptObjectiveInfo="false" useCurrentAttemptProgressInfo="false"/>') }));
    expect(i.sequencing!.controlMode).toEqual({ choice: false, choiceExit: false, flow: true, forwardOnly: true, useCurrentAttemptObjectiveInfo: false, useCurrentAttemptProgressInfo: false });
  });

  it('reads pre, exit and post condition rules with combination, operator, referenced objective and threshold', () => {
    const m = parsed(manifestFixture('sequencing-4th.xml'));
    const quiz = m.organizations[1]!.items[0]!.children[1]!;
    expect(quiz.sequencing!.sequencingRules).toEqual({
      preCondition: [
        {
          conditionCombination: 'any',
          conditions: [{ condition: 'satisfied', not: true, referencedObjective: 'prereq' }, { condition: 'attemptLimitExceeded' }],
          action: 'disabled',
        },
      ],
      exitCondition: [{ conditionCombination: 'all', conditions: [{ condition: 'completed' }], action: 'exit' }],
      postCondition: [
        {
          conditionCombination: 'all',
          conditions: [{ condition: 'objectiveMeasureLessThan', measureThreshold: 0.5 }, { condition: 'attempted' }],
          action: 'retry',
        },
      ],
    });
  });

  it('reads limit conditions, rollup rules, randomization, delivery controls and the adlseq extensions', () => {
    const m = parsed(manifestFixture('sequencing-4th.xml'));
    const module1 = m.organizations[1]!.items[0]!;
    expect(module1.sequencing).toEqual({
      controlMode: { choice: false, flow: true, forwardOnly: true },
      rollupRules: {
        rollupObjectiveSatisfied: true,
        rollupProgressCompletion: false,
        objectiveMeasureWeight: 0.5,
        rules: [
          {
            childActivitySet: 'atLeastPercent',
            minimumCount: 0,
            minimumPercent: 0.75,
            conditionCombination: 'all',
            conditions: [{ condition: 'satisfied' }, { condition: 'activityProgressKnown', not: true }],
            action: 'satisfied',
          },
          { childActivitySet: 'atLeastCount', minimumCount: 1, minimumPercent: 0, conditionCombination: 'any', conditions: [{ condition: 'attempted' }], action: 'incomplete' },
        ],
      },
      randomizationControls: { randomizationTiming: 'onEachNewAttempt', selectCount: 2, reorderChildren: true, selectionTiming: 'once' },
      constrainedChoiceConsiderations: { preventActivation: true, constrainChoice: true },
      rollupConsiderations: { requiredForSatisfied: 'ifAttempted', requiredForCompleted: 'ifNotSkipped', measureSatisfactionIfActive: false },
    });
    const intro = module1.children[0]!;
    expect(intro.sequencing).toMatchObject({
      limitConditions: { attemptLimit: 3, attemptAbsoluteDurationLimit: 'PT1H30M' },
      deliveryControls: { tracked: true, completionSetByContent: true, objectiveSetByContent: false },
      objectives: {
        primary: { objectiveId: 'intro_obj', satisfiedByMeasure: true, minNormalizedMeasure: 0.6, mapInfo: [{ targetObjectiveId: 'global_intro', writeSatisfiedStatus: true, writeNormalizedMeasure: true }] },
        others: [{ objectiveId: 'intro_extra', mapInfo: [{ targetObjectiveId: 'global_extra', readSatisfiedStatus: false }] }],
      },
      adlObjectives: [{ objectiveId: 'intro_obj', mapInfo: [{ targetObjectiveId: 'global_intro', writeCompletionStatus: true, writeRawScore: true }] }],
    });
  });

  it('drops a rule with unknown vocabulary and ignores invalid values, with warnings', () => {
    const m = parsed(
      manifest2004({
        org: seqItem(
          'i',
          `<imsss:sequencingRules>
             <imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="moonIsFull"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule>
             <imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="exitAll"/></imsss:preConditionRule>
             <imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule>
           </imsss:sequencingRules>
           <imsss:limitConditions attemptLimit="-1" attemptAbsoluteDurationLimit="1 hour"/>`,
        ),
      }),
    );
    const i = m.organizations[0]!.items[0]!;
    expect(i.sequencing!.sequencingRules!.preCondition).toEqual([{ conditionCombination: 'all', conditions: [{ condition: 'satisfied' }], action: 'skip' }]);
    expect(i.sequencing!.limitConditions).toEqual({});
    expect(m.warnings.map((w) => w.code)).toEqual(['unknown-sequencing-vocabulary', 'unknown-sequencing-vocabulary', 'invalid-value', 'invalid-value']);
  });

  it('warns that scorm-again does not evaluate time conditions in rollup', () => {
    const m = parsed(
      manifest2004({
        org: `<item identifier="c"><title>C</title><item identifier="i" identifierref="r1"><title>I</title></item>
          <imsss:sequencing><imsss:rollupRules><imsss:rollupRule><imsss:rollupConditions><imsss:rollupCondition condition="timeLimitExceeded"/></imsss:rollupConditions><imsss:rollupAction action="notSatisfied"/></imsss:rollupRule></imsss:rollupRules></imsss:sequencing></item>`,
      }),
    );
    expect(m.warnings.map((w) => w.code)).toEqual(['unsupported-by-runtime']);
  });
});

describe('sequencing collections', () => {
  it('merges a referenced collection entry: the item’s own elements replace the entry’s, the rest comes from the entry', () => {
    const m = parsed(manifestFixture('sequencing-4th.xml'));
    const quiz = m.organizations[1]!.items[0]!.children[1]!;
    expect(quiz.sequencingRef).toBe('seq_quiz');
    // Own controlMode replaces the collection's as a whole (no choice="false" or flow="true" from the entry).
    expect(quiz.sequencing!.controlMode).toEqual({ choiceExit: false });
    // Own sequencingRules replace the entry's (the entry's "always skip" is gone).
    expect(quiz.sequencing!.sequencingRules!.preCondition.map((r) => r.action)).toEqual(['disabled']);
    // Elements the item does not state come from the entry.
    expect(quiz.sequencing!.limitConditions).toEqual({ attemptLimit: 2 });
    expect(quiz.sequencing!.deliveryControls).toEqual({ objectiveSetByContent: true });
    // The collection itself is kept as written.
    expect(m.sequencingCollection!.seq_quiz!.controlMode).toEqual({ choice: false, choiceExit: true, flow: true });
  });

  it('gives an item with only an IDRef the whole entry, and refuses an unknown IDRef', () => {
    const collection = `<imsss:sequencingCollection><imsss:sequencing ID="shared"><imsss:controlMode flow="true"/></imsss:sequencing></imsss:sequencingCollection>`;
    const only = firstItem(manifest2004({ org: '<item identifier="i" identifierref="r1"><title>I</title><imsss:sequencing IDRef="shared"/></item>', extra: collection }));
    expect(only.sequencing).toEqual({ controlMode: { flow: true } });
    const error = refused(manifest2004({ org: '<item identifier="i" identifierref="r1"><title>I</title><imsss:sequencing IDRef="missing"/></item>', extra: collection }));
    expect(error.code).toBe('unknown-sequencing-ref');
    expect(error.nl).toContain('"missing"');
  });

  it('does not share state between items that reference the same entry', () => {
    const collection = `<imsss:sequencingCollection><imsss:sequencing ID="shared"><imsss:limitConditions attemptLimit="1"/></imsss:sequencing></imsss:sequencingCollection>`;
    const m = parsed(manifest2004({ org: ['a', 'b'].map((id) => `<item identifier="${id}" identifierref="r1"><title>${id}</title><imsss:sequencing IDRef="shared"/></item>`).join(''), extra: collection }));
    const [a, b] = m.organizations[0]!.items;
    a!.sequencing!.limitConditions!.attemptLimit = 9;
    expect(b!.sequencing!.limitConditions!.attemptLimit).toBe(1);
  });
});

describe('toScormAgainSequencing', () => {
  it('builds the activity tree with the organization as root and items as activities', () => {
    const m = parsed(manifestFixture('sequencing-4th.xml'));
    const tree = toScormAgainSequencing(m).activityTree!;
    expect(tree.id).toBe('org_main');
    expect(tree.title).toBe('Suïcidepreventie: signaleren & bespreekbaar maken');
    expect(tree.children!.map((c) => c.id)).toEqual(['module_1']);
    expect(tree.children![0]!.children!.map((c) => [c.id, c.isVisible])).toEqual([
      ['intro', true],
      ['quiz', false],
    ]);
    expect(toScormAgainSequencing(m, { organizationId: 'org_other' }).activityTree!.children!.map((c) => c.id)).toEqual(['other_item']);
  });

  it('writes control modes out with the specification defaults (scorm-again defaults flow to true)', () => {
    const m = parsed(manifestFixture('sequencing-4th.xml'));
    const tree = toScormAgainSequencing(m).activityTree!;
    expect(tree.sequencingControls).toEqual({ choice: true, choiceExit: true, flow: true, forwardOnly: false, useCurrentAttemptObjectiveInfo: true, useCurrentAttemptProgressInfo: true });
    const quiz = tree.children![0]!.children![1]!;
    expect(quiz.sequencingControls).toMatchObject({ choice: true, choiceExit: false, flow: false, forwardOnly: false });
  });

  it('maps module-level controls, rollup (minimumPercent as a percentage) and considerations', () => {
    const module1 = toScormAgainSequencing(parsed(manifestFixture('sequencing-4th.xml'))).activityTree!.children![0]!;
    expect(module1.sequencingControls).toEqual({
      choice: false,
      choiceExit: true,
      flow: true,
      forwardOnly: true,
      useCurrentAttemptObjectiveInfo: true,
      useCurrentAttemptProgressInfo: true,
      rollupObjectiveSatisfied: true,
      rollupProgressCompletion: false,
      objectiveMeasureWeight: 0.5,
      selectionTiming: 'once',
      selectCount: 2,
      randomizeChildren: true,
      randomizationTiming: 'onEachNewAttempt',
      preventActivation: true,
      constrainChoice: true,
    });
    expect(module1.rollupRules).toEqual({
      rules: [
        {
          action: 'satisfied',
          consideration: 'atLeastPercent',
          minimumCount: 0,
          minimumPercent: 75,
          conditionCombination: 'all',
          conditions: [{ condition: 'satisfied' }, { condition: 'progressKnown', operator: 'not' }],
        },
        { action: 'incomplete', consideration: 'atLeastCount', minimumCount: 1, minimumPercent: 0, conditionCombination: 'any', conditions: [{ condition: 'attempted' }] },
      ],
    });
    expect(module1.rollupConsiderations).toEqual({ requiredForSatisfied: 'ifAttempted', requiredForCompleted: 'ifNotSkipped', measureSatisfactionIfActive: false });
  });

  it('maps rules, limits, objectives (with adlseq map info merged), completion threshold, hideLMSUI and shared data', () => {
    const [intro, quiz] = toScormAgainSequencing(parsed(manifestFixture('sequencing-4th.xml'))).activityTree!.children![0]!.children!;
    expect(intro).toMatchObject({
      attemptLimit: 3,
      attemptAbsoluteDurationLimit: 'PT1H30M',
      timeLimitAction: 'exit,message',
      deliveryControls: { tracked: true, completionSetByContent: true, objectiveSetByContent: false },
      primaryObjective: {
        objectiveID: 'intro_obj',
        isPrimary: true,
        satisfiedByMeasure: true,
        minNormalizedMeasure: 0.6,
        mapInfo: [{ targetObjectiveID: 'global_intro', writeSatisfiedStatus: true, writeNormalizedMeasure: true, writeCompletionStatus: true, writeRawScore: true }],
      },
      objectives: [{ objectiveID: 'intro_extra', mapInfo: [{ targetObjectiveID: 'global_extra', readSatisfiedStatus: false }] }],
      completionThreshold: { completedByMeasure: true, minProgressMeasure: 0.8, progressWeight: 0.5 },
      hideLmsUi: ['continue', 'previous'],
      sharedDataMaps: [{ targetID: 'shared_notes', readSharedData: true, writeSharedData: false }],
    });
    expect(quiz!.sequencingRules).toEqual({
      preConditionRules: [{ action: 'disabled', conditionCombination: 'any', conditions: [{ condition: 'satisfied', operator: 'not', referencedObjective: 'prereq' }, { condition: 'attemptLimitExceeded' }] }],
      exitConditionRules: [{ action: 'exit', conditionCombination: 'all', conditions: [{ condition: 'completed' }] }],
      postConditionRules: [{ action: 'retry', conditionCombination: 'all', conditions: [{ condition: 'objectiveMeasureLessThan', parameters: { threshold: 0.5 } }, { condition: 'attempted' }] }],
    });
    // A primary objective without objectiveID that judges by measure gets an id (scorm-again skips objectives without one).
    expect(quiz!.primaryObjective).toEqual({ objectiveID: 'quiz#primary', isPrimary: true, satisfiedByMeasure: true, minNormalizedMeasure: 1 });
    expect(quiz!.attemptLimit).toBe(2);
    // Collections are merged already: nothing for scorm-again to merge again.
    expect(quiz!.sequencingCollectionRefs).toBeUndefined();
  });

  it('turns flow on where the organization states no sequencing at all (unless asked for the strict default)', () => {
    const plain = parsed(manifest2004({ org: '<item identifier="a" identifierref="r1"><title>A</title></item><item identifier="b" identifierref="r1"><title>B</title></item>' }));
    expect(toScormAgainSequencing(plain).activityTree!.sequencingControls!.flow).toBe(true);
    expect(toScormAgainSequencing(plain, { unstatedFlow: 'spec' }).activityTree!.sequencingControls!.flow).toBe(false);
    const stated = parsed(manifest2004({ org: seqItem('a', '<imsss:deliveryControls tracked="true"/>') }));
    expect(toScormAgainSequencing(stated).activityTree!.sequencingControls!.flow).toBe(false);
  });

  it('produces plain JSON (stored with the version)', () => {
    const settings = toScormAgainSequencing(parsed(manifestFixture('sequencing-4th.xml')));
    expect(JSON.parse(JSON.stringify(settings))).toEqual(settings);
  });

  it('keeps activity ids and launchable item ids the same, so a delivered activity finds its launch', () => {
    const m = parsed(manifestFixture('sequencing-4th.xml'));
    const ids: string[] = [];
    const walk = (a: { id: string; children?: Array<{ id: string }> }) => {
      if (!a.children?.length) ids.push(a.id);
      a.children?.forEach(walk);
    };
    walk(toScormAgainSequencing(m).activityTree!);
    expect(ids).toEqual(launchables(m).map((l) => l.itemId));
  });
});
