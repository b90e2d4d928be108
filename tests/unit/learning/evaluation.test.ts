import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, daysAfter, frozenNow } from '../../support/clock';
import { aggregateEvaluations, maxComments, type Evaluation, type Rating } from '../../../functions/src/learning/domain/evaluation';

const evaluation = (rating: Rating, createdAt: string, answers: Evaluation['answers'] = {}): Evaluation => ({ targetType: 'module', targetId: 'm1', rating, answers, createdAt });

describe('aggregateEvaluations', () => {
  it('summarises nothing as nothing', () => {
    expect(aggregateEvaluations([])).toEqual({ count: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, comments: [] });
  });

  it('counts, averages to one decimal and distributes the ratings', () => {
    const s = aggregateEvaluations([evaluation(5, daysAfter(0, '10:00:00')), evaluation(4, daysAfter(1, '10:00:00')), evaluation(4, daysAfter(2, '10:00:00'))]);
    expect(s.count).toBe(3);
    expect(s.average).toBe(4.3);
    expect(s.distribution).toEqual({ 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 });
  });

  it('rounds halves up, without floating-point surprises', () => {
    // 23 / 20 = 1.15; naive Math.round(1.15 * 10) / 10 gives 1.1.
    const evals = [...Array.from({ length: 17 }, () => evaluation(1, daysAfter(0))), evaluation(2, daysAfter(0)), evaluation(2, daysAfter(0)), evaluation(2, daysAfter(0))];
    expect(aggregateEvaluations(evals).average).toBe(1.2);
  });

  it('lists non-empty answers newest first, in question order within one evaluation', () => {
    const s = aggregateEvaluations([
      evaluation(4, daysAfter(31, '09:00:00'), { learned: 'Hoe ik een crisiskaart opstel.', apply: '  ', improve: 'Meer casuïstiek' }),
      evaluation(3, daysAfter(59, '10:00:00+01:00'), { apply: ' In het eerstvolgende MDO. ' }),
      evaluation(5, daysAfter(14, '09:00:00')),
    ]);
    expect(s.comments).toEqual([
      { question: 'apply', text: 'In het eerstvolgende MDO.', createdAt: daysAfter(59, '10:00:00+01:00') },
      { question: 'learned', text: 'Hoe ik een crisiskaart opstel.', createdAt: daysAfter(31, '09:00:00') },
      { question: 'improve', text: 'Meer casuïstiek', createdAt: daysAfter(31, '09:00:00') },
    ]);
  });

  it('keeps at most the newest fifty answers', () => {
    const evals = Array.from({ length: 30 }, (_, i) =>
      evaluation(3, new Date(frozenNow + i * DAY_MS).toISOString(), { learned: `geleerd ${i}`, improve: `beter ${i}` }),
    );
    const s = aggregateEvaluations(evals);
    expect(s.comments).toHaveLength(maxComments);
    expect(s.comments[0]).toEqual({ question: 'learned', text: 'geleerd 29', createdAt: evals[29]!.createdAt });
    expect(s.comments.at(-1)?.text).toBe('beter 5');
  });

  it('leaves out stored evaluations with an impossible rating, and sorts unreadable dates last', () => {
    const broken = { ...evaluation(3, daysAfter(0), { learned: 'weg' }), rating: 7 } as unknown as Evaluation;
    const undated = evaluation(2, 'onbekend', { improve: 'zonder datum' });
    const s = aggregateEvaluations([broken, undated, evaluation(4, daysAfter(1), { learned: 'met datum' })]);
    expect(s.count).toBe(2);
    expect(s.average).toBe(3);
    expect(s.comments.map((c) => c.text)).toEqual(['met datum', 'zonder datum']);
  });

  it('holds its invariants for any set of evaluations', () => {
    const answer = fc.option(fc.string({ maxLength: 20 }), { nil: undefined });
    const evalArb = fc.record({
      targetType: fc.constantFrom<'module' | 'path'>('module', 'path'),
      targetId: fc.constant('t'),
      rating: fc.constantFrom<Rating>(1, 2, 3, 4, 5),
      answers: fc.record({ learned: answer, apply: answer, improve: answer }, { requiredKeys: [] }),
      createdAt: fc.integer({ min: frozenNow - 365 * DAY_MS, max: frozenNow + 365 * DAY_MS }).map((ms) => new Date(ms).toISOString()),
    });
    fc.assert(
      fc.property(fc.array(evalArb, { maxLength: 40 }), (evals) => {
        const s = aggregateEvaluations(evals);
        expect(s.count).toBe(evals.length);
        expect(Object.values(s.distribution).reduce((a, b) => a + b, 0)).toBe(evals.length);
        if (evals.length === 0) expect(s.average).toBeNull();
        else {
          const mean = evals.reduce((a, e) => a + e.rating, 0) / evals.length;
          expect(Math.abs(s.average! - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.round(s.average! * 10)).toBe(s.average! * 10);
        }
        const expected = evals.flatMap((e) => (['learned', 'apply', 'improve'] as const).filter((q) => e.answers[q]?.trim()).map(() => 1)).length;
        expect(s.comments).toHaveLength(Math.min(expected, maxComments));
        for (let i = 1; i < s.comments.length; i++) expect(s.comments[i - 1]!.createdAt >= s.comments[i]!.createdAt).toBe(true);
        for (const c of s.comments) expect(c.text).toBe(c.text.trim());
      }),
    );
  });
});
