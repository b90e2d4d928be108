/**
 * Generators for learning paths shared by the property tests. Unlock rules only point at earlier
 * steps, which makes every generated path acyclic by construction.
 */
import fc from 'fast-check';
import type { PathStep, StepCompletion } from '../../../functions/src/learning/domain/types';
import { daysAfter } from '../../support/clock';

export interface PathLike {
  steps: PathStep[];
  minOptional: number;
}

export const moduleIds = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];

const stepSeed = fc.record({
  required: fc.boolean(),
  prereqs: fc.array(fc.nat(), { maxLength: 3 }),
  module: fc.nat(moduleIds.length - 1),
});

/** `minOptional` may exceed the optional offer; pass `validQuota` to keep it within. */
export function pathArb(opts: { minSteps?: number; maxSteps?: number; validQuota?: boolean } = {}): fc.Arbitrary<PathLike> {
  return fc
    .record({
      seeds: fc.array(stepSeed, { minLength: opts.minSteps ?? 0, maxLength: opts.maxSteps ?? 10 }),
      quota: fc.nat(12),
    })
    .map(({ seeds, quota }) => {
      const steps: PathStep[] = seeds.map((seed, i) => ({
        id: `s${i + 1}`,
        moduleId: moduleIds[seed.module]!,
        required: seed.required,
        unlockAfter: i === 0 ? [] : [...new Set(seed.prereqs.map((p) => `s${(p % i) + 1}`))],
      }));
      const optional = steps.filter((s) => !s.required).length;
      const minOptional = opts.validQuota ? quota % (optional + 1) : quota % (optional + 3);
      return { steps, minOptional };
    });
}

/**
 * Instants from a small window so ties happen (90 minutes from 08:00 UTC on day 11 of the frozen
 * clock), written either in UTC or in Amsterdam winter time: the same instant can arrive in both
 * spellings from different sources.
 */
export const instantArb = fc.record({ minute: fc.nat(90), offset: fc.boolean() }).map(({ minute, offset }) => {
  const utc = new Date(Date.parse(daysAfter(11, '08:00')) + minute * 60_000);
  if (!offset) return utc.toISOString();
  const local = new Date(utc.getTime() + 3_600_000).toISOString().slice(0, 19);
  return `${local}+01:00`;
});

const sourceArb = fc.constantFrom<StepCompletion['source']>('attendance', 'reading', 'assignment-approved', 'external-evidence', 'scorm', 'manual');

/** Completions for a path: a random subset of its steps in random order, plus repeats and strays. */
export function completionsArb(path: PathLike): fc.Arbitrary<StepCompletion[]> {
  const ids = path.steps.map((s) => s.id);
  const stepIdArb = ids.length > 0 ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constant('ghost') }) : fc.constant('ghost');
  const completion = (stepId: fc.Arbitrary<string>) => fc.record({ stepId, completedAt: instantArb, source: sourceArb });
  return fc
    .tuple(
      fc.shuffledSubarray(ids).chain((subset) => fc.tuple(...subset.map((id) => completion(fc.constant(id))))),
      fc.array(completion(stepIdArb), { maxLength: 4 }),
    )
    .chain(([main, extra]) => {
      const all = [...main, ...extra];
      return fc.shuffledSubarray(all, { minLength: all.length });
    });
}

/** A permutation of the given items. */
export function permutationArb<T>(items: T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray(items, { minLength: items.length });
}
