import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeProgress, earnedAccreditation } from '../../../functions/src/learning/domain/progress';
import type { PathStep, StepCompletion } from '../../../functions/src/learning/domain/types';
import { daysAfter } from '../../support/clock';
import { completionsArb, moduleIds, pathArb, permutationArb, type PathLike } from './arbitraries';

const step = (id: string, required: boolean, unlockAfter: string[] = [], moduleId = `m-${id}`): PathStep => ({ id, moduleId, required, unlockAfter });
const done = (stepId: string, completedAt: string, source: StepCompletion['source'] = 'manual'): StepCompletion => ({ stepId, completedAt, source });

/**
 * A typical blended path: e-learning first, then the classroom day; an intervision and a reading
 * of which one must be done; a closing assignment after the classroom day.
 */
const blended: PathLike = {
  steps: [
    step('s1', true),
    step('s2', true, ['s1']),
    step('s3', false, ['s1']),
    step('s4', false),
    step('s5', true, ['s2']),
  ],
  minOptional: 1,
};

/** The rules, restated independently of the implementation. */
function expectedComplete(path: PathLike, completions: StepCompletion[]): boolean {
  const ids = new Set(completions.map((c) => c.stepId));
  const optional = path.steps.filter((s) => !s.required);
  const needed = Math.min(path.minOptional, optional.length);
  return path.steps.filter((s) => s.required).every((s) => ids.has(s.id)) && optional.filter((s) => ids.has(s.id)).length >= needed;
}

const instant = (iso: string) => Date.parse(iso);

describe('computeProgress: examples', () => {
  it('starts with the first steps open and the first required one next', () => {
    const p = computeProgress(blended, []);
    expect(p).toEqual({
      percent: 0,
      complete: false,
      requiredDone: 0,
      requiredTotal: 3,
      optionalDone: 0,
      optionalNeeded: 1,
      steps: [
        { stepId: 's1', status: 'open' },
        { stepId: 's2', status: 'locked' },
        { stepId: 's3', status: 'locked' },
        { stepId: 's4', status: 'open' },
        { stepId: 's5', status: 'locked' },
      ],
      nextStep: 's1',
    });
  });

  it('opens steps as their prerequisites complete and counts progress with floor', () => {
    const p = computeProgress(blended, [done('s1', daysAfter(9, '10:00:00'))]);
    expect(p.steps.map((s) => s.status)).toEqual(['complete', 'open', 'open', 'open', 'locked']);
    expect(p.percent).toBe(25); // 1 of 4
    expect(p.nextStep).toBe('s2');
  });

  it('prefers an open optional step only when no required step is open', () => {
    const p = computeProgress({ steps: [step('a', false), step('b', true, ['a'])], minOptional: 0 }, []);
    expect(p.nextStep).toBe('a');
    const q = computeProgress(blended, [done('s1', daysAfter(9, '10:00:00')), done('s2', daysAfter(10, '10:00:00')), done('s5', daysAfter(11, '10:00:00'))]);
    expect(q.nextStep).toBe('s3');
    expect(q.percent).toBe(75);
  });

  it('keeps a completion recorded while the step was still locked (attended before the e-learning)', () => {
    const p = computeProgress(blended, [done('s2', daysAfter(8, '09:00:00'), 'attendance')]);
    expect(p.steps.find((s) => s.stepId === 's2')?.status).toBe('complete');
    expect(p.requiredDone).toBe(1);
    // s5 waits for s2 only, so it opens even though s1 is not done.
    expect(p.steps.find((s) => s.stepId === 's5')?.status).toBe('open');
  });

  it('ignores completions for steps that are not on the path, and repeats', () => {
    const p = computeProgress(blended, [done('s9', daysAfter(9, '10:00:00')), done('s1', daysAfter(9, '10:00:00')), done('s1', daysAfter(11, '10:00:00'))]);
    expect(p.requiredDone).toBe(1);
    expect(p.percent).toBe(25);
  });

  it('reports when the path became complete, replaying completions in time order whatever their spelling', () => {
    const completions = [
      done('s4', daysAfter(31, '12:00:00+01:00')), // 11:00Z, the last one needed
      done('s5', daysAfter(19, '10:00:00')),
      done('s3', daysAfter(59, '10:00:00')), // an extra optional step afterwards
      done('s1', daysAfter(9, '10:00:00')),
      done('s2', daysAfter(31, '10:30:00')), // before s4 in time although later as a string
    ];
    const p = computeProgress(blended, completions);
    expect(p.complete).toBe(true);
    expect(p.percent).toBe(100);
    expect(p.completedAt).toBe(daysAfter(31, '12:00:00+01:00'));
    expect(p.optionalDone).toBe(2);
    expect(p.nextStep).toBeUndefined();
  });

  it('takes the first completion of a step repeated later as the moment it counted', () => {
    const path = { steps: [step('a', true), step('b', true)], minOptional: 0 };
    const p = computeProgress(path, [done('a', daysAfter(4, '09:00:00')), done('b', daysAfter(5, '09:00:00')), done('a', daysAfter(6, '09:00:00'))]);
    expect(p.completedAt).toBe(daysAfter(5, '09:00:00'));
  });

  it('treats a path that asks nothing as complete at 100%, without a completion moment', () => {
    const empty = computeProgress({ steps: [], minOptional: 0 }, []);
    expect(empty).toMatchObject({ percent: 100, complete: true });
    expect(empty.completedAt).toBeUndefined();
    const optionalOnly = computeProgress({ steps: [step('a', false)], minOptional: 0 }, []);
    expect(optionalOnly).toMatchObject({ percent: 100, complete: true });
    expect(optionalOnly.completedAt).toBeUndefined();
    expect(optionalOnly.nextStep).toBeUndefined();
  });

  it('clamps a quota larger than the optional offer, and a negative one', () => {
    const path = { steps: [step('a', true), step('b', false)], minOptional: 3 };
    expect(computeProgress(path, []).optionalNeeded).toBe(1);
    expect(computeProgress({ ...path, minOptional: -2 }, []).optionalNeeded).toBe(0);
  });

  it('never shows 100% on an unfinished path', () => {
    const steps = Array.from({ length: 200 }, (_, i) => step(`s${i}`, true));
    const completions = steps.slice(1).map((s) => done(s.id, daysAfter(0)));
    const p = computeProgress({ steps, minOptional: 0 }, completions);
    expect(p.percent).toBe(99);
    expect(p.complete).toBe(false);
  });

  it('documents the clamp: with a quota above the offer, an extra optional step raises the effective quota', () => {
    // Only for a path validatePath rejects (minOptional > optional steps); see the property below.
    const path = { steps: [step('a', true), step('b', false)], minOptional: 2 };
    const completions = [done('a', daysAfter(0)), done('b', daysAfter(1))];
    expect(computeProgress(path, completions).complete).toBe(true);
    expect(computeProgress({ ...path, steps: [...path.steps, step('c', false)] }, completions).complete).toBe(false);
  });
});

describe('computeProgress: properties', () => {
  const scenario = pathArb().chain((path) => fc.record({ path: fc.constant(path), completions: completionsArb(path) }));

  it('percent is an integer in 0..100, and 100 exactly when complete', () => {
    fc.assert(
      fc.property(scenario, ({ path, completions }) => {
        const p = computeProgress(path, completions);
        expect(Number.isInteger(p.percent)).toBe(true);
        expect(p.percent).toBeGreaterThanOrEqual(0);
        expect(p.percent).toBeLessThanOrEqual(100);
        expect(p.percent === 100).toBe(p.complete);
      }),
      { numRuns: 300 },
    );
  });

  it('is complete exactly when all required steps and enough optional ones are done', () => {
    fc.assert(
      fc.property(scenario, ({ path, completions }) => {
        const p = computeProgress(path, completions);
        expect(p.complete).toBe(expectedComplete(path, completions));
        expect(p.optionalNeeded).toBe(Math.min(path.minOptional, path.steps.filter((s) => !s.required).length));
      }),
      { numRuns: 300 },
    );
  });

  it('respects unlock order: open only with every prerequisite complete, locked only without', () => {
    fc.assert(
      fc.property(scenario, ({ path, completions }) => {
        const p = computeProgress(path, completions);
        const status = new Map(p.steps.map((s) => [s.stepId, s.status]));
        const completed = new Set(completions.map((c) => c.stepId));
        path.steps.forEach((s, i) => {
          expect(p.steps[i]?.stepId).toBe(s.id);
          const prereqsDone = s.unlockAfter.every((id) => status.get(id) === 'complete');
          if (completed.has(s.id)) expect(status.get(s.id)).toBe('complete');
          else expect(status.get(s.id)).toBe(prereqsDone ? 'open' : 'locked');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('suggests the first open step, required before optional, until the path is complete', () => {
    fc.assert(
      fc.property(scenario, ({ path, completions }) => {
        const p = computeProgress(path, completions);
        if (p.complete) {
          expect(p.nextStep).toBeUndefined();
          return;
        }
        const open = path.steps.filter((_, i) => p.steps[i]?.status === 'open');
        expect(p.nextStep).toBe((open.find((s) => s.required) ?? open[0])?.id);
      }),
      { numRuns: 300 },
    );
  });

  it('dates completion at the earliest moment the rules were met', () => {
    fc.assert(
      fc.property(scenario, ({ path, completions }) => {
        const p = computeProgress(path, completions);
        if (!p.complete || p.completedAt === undefined) {
          // Only a path that asks nothing is complete without a completion moment.
          expect(p.complete && p.requiredTotal + p.optionalNeeded > 0).toBe(false);
          return;
        }
        const t = instant(p.completedAt);
        expect(completions.some((c) => c.completedAt === p.completedAt)).toBe(true);
        expect(expectedComplete(path, completions.filter((c) => instant(c.completedAt) <= t))).toBe(true);
        expect(expectedComplete(path, completions.filter((c) => instant(c.completedAt) < t))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never un-completes a path when an optional step is added (quota unchanged and within the offer)', () => {
    const withExtra = pathArb({ validQuota: true }).chain((path) =>
      fc.record({
        path: fc.constant(path),
        completions: completionsArb(path),
        extra: fc.record({
          unlockAfter: fc.subarray(path.steps.map((s) => s.id)),
          moduleId: fc.constantFrom(...moduleIds),
          at: fc.nat(path.steps.length),
        }),
      }),
    );
    fc.assert(
      fc.property(withExtra, ({ path, completions, extra }) => {
        fc.pre(computeProgress(path, completions).complete);
        const steps = [...path.steps];
        steps.splice(extra.at, 0, { id: 'extra', moduleId: extra.moduleId, required: false, unlockAfter: extra.unlockAfter });
        expect(computeProgress({ ...path, steps }, completions).complete).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers progress when completions are added', () => {
    const grown = pathArb().chain((path) =>
      fc.record({ path: fc.constant(path), before: completionsArb(path), more: completionsArb(path) }),
    );
    fc.assert(
      fc.property(grown, ({ path, before, more }) => {
        const a = computeProgress(path, before);
        const b = computeProgress(path, [...before, ...more]);
        expect(b.percent).toBeGreaterThanOrEqual(a.percent);
        expect(b.requiredDone).toBeGreaterThanOrEqual(a.requiredDone);
        expect(b.optionalDone).toBeGreaterThanOrEqual(a.optionalDone);
        if (a.complete) expect(b.complete).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order the completions arrive in', () => {
    const shuffled = pathArb().chain((path) =>
      completionsArb(path).chain((completions) => fc.record({ path: fc.constant(path), completions: fc.constant(completions), other: permutationArb(completions) })),
    );
    fc.assert(
      fc.property(shuffled, ({ path, completions, other }) => {
        // Even completedAt agrees: the replay sorts by instant, ties broken by the timestamp text.
        expect(computeProgress(path, other)).toEqual(computeProgress(path, completions));
      }),
      { numRuns: 300 },
    );
  });
});

describe('earnedAccreditation', () => {
  const modules = [
    { id: 'm-s1', accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 2 }, { register: 'NIP', points: 1.5 }] },
    { id: 'm-s2', accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 6, accreditationNumber: 'A-123' }] },
    { id: 'm-s3', accreditation: [{ register: 'FGzPt', points: 0.1 }] },
    { id: 'm-s4', accreditation: [{ register: 'FGzPt', points: 0.2 }] },
  ];

  it('sums points per register over completed steps only', () => {
    const path = { steps: [step('s1', true), step('s2', true, ['s1']), step('s3', false), step('s4', false)] };
    expect(earnedAccreditation(modules, path, [done('s1', daysAfter(0)), done('s2', daysAfter(1))])).toEqual([
      { register: 'NIP', points: 1.5 },
      { register: 'V&VN Kwaliteitsregister', points: 8 },
    ]);
    expect(earnedAccreditation(modules, path, [done('s3', daysAfter(0)), done('s4', daysAfter(0))])).toEqual([{ register: 'FGzPt', points: 0.3 }]);
    expect(earnedAccreditation(modules, path, [])).toEqual([]);
  });

  it('counts a module used by two steps once, and skips unknown modules and steps', () => {
    const path = { steps: [step('a', true, [], 'm-s2'), step('b', false, ['a'], 'm-s2'), step('c', false, [], 'm-gone')] };
    const completions = ['a', 'b', 'c', 'zz'].map((id) => done(id, daysAfter(0)));
    expect(earnedAccreditation(modules, path, completions)).toEqual([{ register: 'V&VN Kwaliteitsregister', points: 6 }]);
  });
});
