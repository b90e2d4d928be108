import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unlockCycles, validatePath as validateInBoth } from '../../../functions/src/learning/domain/path-rules';
import type { LearningModule, PathStep } from '../../../functions/src/learning/domain/types';
import { moduleIds, pathArb } from './arbitraries';

type ModuleRef = Pick<LearningModule, 'id' | 'status' | 'title'>;

const modules = new Map<string, ModuleRef>(
  [
    ...moduleIds.map((id) => ({ id, status: 'published' as const, title: `Module ${id}` })),
    { id: 'm-draft', status: 'draft' as const, title: 'Nog in ontwikkeling' },
    { id: 'm-old', status: 'archived' as const, title: 'Suïcidepreventie (oude versie)' },
  ].map((m) => [m.id, m]),
);

const step = (id: string, unlockAfter: string[] = [], moduleId = 'm1', required = true): PathStep => ({ id, moduleId, required, unlockAfter });

/** The examples read the Dutch messages; that each has an English twin is checked on its own below. */
const validatePath = (...args: Parameters<typeof validateInBoth>) => validateInBoth(...args).map((e) => ({ path: e.path, message: e.message.nl }));

describe('validatePath: messages in both languages', () => {
  it('writes every message in Dutch and in English', () => {
    const broken = [
      { steps: [], minOptional: 0 },
      { steps: [step('s1'), step('s1'), step('', [], 'm9'), step('s3', ['s3', 's7'], 'm-old')], minOptional: 0.5 },
      { steps: [step('s1', ['s2']), step('s2', ['s1'])], minOptional: -1 },
      { steps: [step('s1', [], 'm1', false)], minOptional: 2 },
    ];
    const errors = broken.flatMap((p) => validateInBoth(p, modules));
    expect(errors.length).toBeGreaterThanOrEqual(9);
    for (const e of errors) {
      expect(e.message.en, e.message.nl).not.toBe(e.message.nl);
      expect(e.message.en, e.message.nl).not.toMatch(/\b(de|het|een|niet|geen|van|je|stap|leeg)\b/i);
    }
  });
});

describe('validatePath: examples', () => {
  it('accepts a sound blended path', () => {
    const path = { steps: [step('s1'), step('s2', ['s1'], 'm2'), step('s3', ['s1'], 'm3', false), step('s4', [], 'm-draft', false)], minOptional: 1 };
    expect(validatePath(path, modules)).toEqual([]);
  });

  it('asks for at least one step', () => {
    expect(validatePath({ steps: [], minOptional: 0 }, modules)).toEqual([{ path: 'steps', message: 'Een leerpad heeft minstens één stap.' }]);
  });

  it('reports duplicate and empty step ids on the later step', () => {
    expect(validatePath({ steps: [step('s1'), step('s2'), step('s1'), step('')], minOptional: 0 }, modules)).toEqual([
      { path: 'steps.2.id', message: 'Stap-id s1 komt meer dan één keer voor.' },
      { path: 'steps.3.id', message: 'Stap 4 heeft geen id.' },
    ]);
  });

  it('reports unknown and archived modules', () => {
    expect(validatePath({ steps: [step('s1'), step('s2', [], 'm9'), step('s3', [], 'm-old')], minOptional: 0 }, modules)).toEqual([
      { path: 'steps.1.moduleId', message: 'Stap s2 verwijst naar een onbekende module: m9' },
      { path: 'steps.2.moduleId', message: 'Stap s3 verwijst naar een gearchiveerde module: Suïcidepreventie (oude versie)' },
    ]);
  });

  it('reports unlock rules that point to unknown steps or to the step itself', () => {
    expect(validatePath({ steps: [step('s1', ['s1']), step('s2', ['s7', 's7', 's1'])], minOptional: 0 }, modules)).toEqual([
      { path: 'steps.0.unlockAfter', message: 'Stap s1 kan niet op zichzelf wachten.' },
      { path: 'steps.1.unlockAfter', message: 'Stap s2 wacht op een onbekende stap: s7' },
    ]);
  });

  it('reports a cycle in the unlock rules, in unlock order', () => {
    const path = { steps: [step('s1'), step('s2', ['s1', 's3']), step('s3', ['s2'])], minOptional: 0 };
    expect(validatePath(path, modules)).toEqual([{ path: 'steps.1.unlockAfter', message: 'Cyclus in vrijgaveregels: s2 → s3 → s2' }]);
  });

  it('reports one shortest cycle per tangle, and separate tangles separately', () => {
    // s1 → s2 → s3 → s1 plus a chord s3 → s2; and apart from it s5 ⇄ s6.
    const steps = [step('s1', ['s3']), step('s2', ['s1', 's3']), step('s3', ['s2']), step('s4', ['s1']), step('s5', ['s6']), step('s6', ['s5'])];
    expect(unlockCycles(steps)).toEqual([
      ['s1', 's2', 's3', 's1'],
      ['s5', 's6', 's5'],
    ]);
    expect(validatePath({ steps, minOptional: 0 }, modules).map((e) => e.path)).toEqual(['steps.0.unlockAfter', 'steps.4.unlockAfter']);
  });

  it('checks the optional quota against the optional steps', () => {
    const steps = [step('s1'), step('s2', [], 'm2', false)];
    expect(validatePath({ steps, minOptional: -1 }, modules)).toEqual([{ path: 'minOptional', message: 'Het minimum aantal keuzestappen kan niet negatief zijn.' }]);
    expect(validatePath({ steps, minOptional: 2 }, modules)).toEqual([
      { path: 'minOptional', message: 'Het minimum aantal keuzestappen (2) is groter dan het aantal keuzestappen (1).' },
    ]);
    expect(validatePath({ steps, minOptional: 0.5 }, modules)).toEqual([{ path: 'minOptional', message: 'Het minimum aantal keuzestappen moet een geheel getal zijn.' }]);
    expect(validatePath({ steps, minOptional: 1 }, modules)).toEqual([]);
  });

  it('handles a long chain without exhausting the stack', () => {
    const steps = Array.from({ length: 20_000 }, (_, i) => step(`s${i}`, i === 0 ? ['s19999'] : [`s${i - 1}`]));
    const errors = validatePath({ steps, minOptional: 0 }, modules);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message.startsWith('Cyclus in vrijgaveregels: s0 → s1 → s2')).toBe(true);
  });
});

describe('validatePath: properties', () => {
  /** Every step this step (transitively) waits for. */
  function ancestors(steps: PathStep[], id: string): Set<string> {
    const byId = new Map(steps.map((s) => [s.id, s]));
    const seen = new Set<string>();
    const todo = [...(byId.get(id)?.unlockAfter ?? [])];
    while (todo.length > 0) {
      const next = todo.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(byId.get(next)?.unlockAfter ?? []));
    }
    return seen;
  }

  it('accepts every path whose unlock rules form a DAG over known, live modules', () => {
    fc.assert(
      fc.property(pathArb({ minSteps: 1, validQuota: true }), (path) => {
        expect(validatePath(path, modules)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a cycle through any back-edge added to a DAG, and the cycle is real', () => {
    const withBackEdge = pathArb({ minSteps: 2, validQuota: true })
      .filter((p) => p.steps.some((s) => s.unlockAfter.length > 0))
      .chain((path) => {
        const dependents = path.steps.filter((s) => s.unlockAfter.length > 0);
        return fc.record({
          path: fc.constant(path),
          dependent: fc.constantFrom(...dependents),
          pick: fc.nat(),
        });
      });
    fc.assert(
      fc.property(withBackEdge, ({ path, dependent, pick }) => {
        // Make an ancestor of `dependent` wait for `dependent`: a back-edge closing a cycle.
        const pool = [...ancestors(path.steps, dependent.id)];
        const ancestor = pool[pick % pool.length]!;
        const steps = path.steps.map((s) => (s.id === ancestor ? { ...s, unlockAfter: [...s.unlockAfter, dependent.id] } : s));

        const cycleErrors = validatePath({ ...path, steps }, modules).filter((e) => e.message.startsWith('Cyclus in vrijgaveregels: '));
        expect(cycleErrors).toHaveLength(1);
        const cycle = cycleErrors[0]!.message.slice('Cyclus in vrijgaveregels: '.length).split(' → ');
        expect(cycle[0]).toBe(cycle[cycle.length - 1]);
        expect(cycle).toContain(ancestor);
        expect(cycle).toContain(dependent.id);
        expect(new Set(cycle.slice(1)).size).toBe(cycle.length - 1); // elementary
        const byId = new Map(steps.map((s) => [s.id, s]));
        for (let i = 0; i + 1 < cycle.length; i++) {
          // Each step in the cycle opens the next one: the next waits for it.
          expect(byId.get(cycle[i + 1]!)?.unlockAfter).toContain(cycle[i]);
        }
        expect(cycleErrors[0]!.path).toBe(`steps.${steps.findIndex((s) => s.id === cycle[0])}.unlockAfter`);
      }),
      { numRuns: 300 },
    );
  });
});
