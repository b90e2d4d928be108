import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cycleOn, inCycle, oncePerEntry, registerTotals, type Credit, type RegisterRules } from '../../../functions/src/portfolio/domain/points';
import { addYears, amsterdamDate, daysBetween } from '../../../functions/src/portfolio/domain/dates';
import { creditsOf, externalEntryView, filterEntries, platformEntries } from '../../../functions/src/portfolio/domain/entries';

const vvn: RegisterRules = {
  name: 'V&VN Kwaliteitsregister',
  unit: 'points',
  cycleYears: 5,
  requiredTotal: 184,
  minimumAccredited: 138,
  categories: [
    { id: 'geaccrediteerd', name: 'Geaccrediteerde scholing' },
    { id: 'overig', name: 'Overige deskundigheidsbevordering', cap: 46 },
  ],
};
const credit = (c: Partial<Credit> & Pick<Credit, 'entryId' | 'amount' | 'date'>): Credit => ({ register: vvn.name, accredited: true, ...c });

describe('points engine: cycles', () => {
  it('a cycle runs from its start (inclusive) to the same day cycleYears later (exclusive)', () => {
    const t = registerTotals(vvn, [credit({ entryId: 'a', amount: 3, date: '2022-03-01' }), credit({ entryId: 'b', amount: 5, date: '2027-03-01' }), credit({ entryId: 'c', amount: 7, date: '2027-02-28' }), credit({ entryId: 'd', amount: 11, date: '2022-02-28' })], '2022-03-01', '2026-06-01');
    expect(t.cycle).toMatchObject({ start: '2022-03-01', end: '2027-03-01', number: 1 });
    // The start day counts, the end day (first day of the next cycle) and the day before the start do not.
    expect(t.credits.map((c) => c.entryId)).toEqual(['a', 'c']);
    expect(t.earned).toBe(10);
  });

  it('days left count today and stop at the exclusive end', () => {
    expect(registerTotals(vvn, [], '2022-03-01', '2027-02-28').cycle.daysLeft).toBe(1);
    expect(registerTotals(vvn, [], '2022-03-01', '2022-03-01').cycle.daysLeft).toBe(daysBetween('2022-03-01', '2027-03-01'));
  });

  it('after the end, the current cycle is the next one, without a gap', () => {
    expect(cycleOn('2016-03-01', 5, '2027-03-01')).toEqual({ start: '2026-03-01', end: '2031-03-01', number: 3 });
    expect(cycleOn('2016-03-01', 5, '2026-02-28')).toEqual({ start: '2021-03-01', end: '2026-03-01', number: 2 });
  });

  it('a cycle starting on 29 February lasts at least its years', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-03-01');
  });

  it('dates are Amsterdam calendar days, across DST and the turn of the year', () => {
    expect(amsterdamDate('2025-12-31T23:30:00Z')).toBe('2026-01-01');
    expect(amsterdamDate('2026-03-29T00:30:00Z')).toBe('2026-03-29'); // the night clocks go forward
    expect(amsterdamDate('2026-10-24T22:30:00Z')).toBe('2026-10-25'); // summer time: +2
    expect(amsterdamDate('2026-10-25T23:30:00Z')).toBe('2026-10-26'); // winter time: +1
    expect(amsterdamDate('2026-05-01')).toBe('2026-05-01');
  });

  it('property: every date falls in exactly one of consecutive cycles', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 4000 }), (start, years, offset) => {
        const s = start.toISOString().slice(0, 10);
        const today = new Date(Date.parse(`${s}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        const c = cycleOn(s, years, today);
        expect(inCycle(today, c)).toBe(true);
        const next = cycleOn(s, years, c.end);
        expect(next.start).toBe(c.end);
        expect(next.number).toBe(c.number + 1);
      }),
    );
  });
});

describe('points engine: counting', () => {
  it('a completion counts once per register (the largest amount)', () => {
    const t = registerTotals(vvn, [credit({ entryId: 'module:m1', amount: 2, date: '2024-01-10' }), credit({ entryId: 'module:m1', amount: 4, date: '2024-01-10' }), credit({ entryId: 'module:m2', amount: 1, date: '2024-02-10' })], '2022-03-01', '2024-06-01');
    expect(t.earned).toBe(5);
    expect(t.credits).toHaveLength(2);
  });

  it('credits for another register do not count', () => {
    const t = registerTotals(vvn, [credit({ entryId: 'x', amount: 9, date: '2024-01-10', register: 'Registerplein' })], '2022-03-01', '2024-06-01');
    expect(t.earned).toBe(0);
    expect(t.missing).toBe(184);
  });

  it('a capped category counts at most its cap, accredited credits first', () => {
    const t = registerTotals(
      vvn,
      [
        credit({ entryId: 'a', amount: 30, date: '2024-01-10', category: 'overig', accredited: false }),
        credit({ entryId: 'b', amount: 30, date: '2024-01-11', category: 'overig', accredited: true }),
        credit({ entryId: 'c', amount: 10, date: '2024-01-12', category: 'geaccrediteerd' }),
      ],
      '2022-03-01',
      '2024-06-01',
    );
    const overig = t.categories.find((c) => c.id === 'overig')!;
    expect(overig).toMatchObject({ total: 60, counted: 46, accredited: 30 });
    expect(t.earned).toBe(56);
    expect(t.earnedAccredited).toBe(40);
    expect(t.earnedOther).toBe(16);
  });

  it('the accredited minimum can leave something missing when the total is reached', () => {
    const rules: RegisterRules = { ...vvn, categories: [] };
    const t = registerTotals(rules, [credit({ entryId: 'a', amount: 150, date: '2024-01-10', accredited: false }), credit({ entryId: 'b', amount: 100, date: '2024-01-11', accredited: true })], '2022-03-01', '2024-06-01');
    expect(t.earned).toBe(250);
    expect(t.missingAccredited).toBe(38);
    expect(t.missing).toBe(38);
    expect(t.complete).toBe(false);
  });

  it('editing the rules recalculates: the same credits under new rules give new totals', () => {
    const credits = [credit({ entryId: 'a', amount: 60, date: '2024-01-10', category: 'overig', accredited: false })];
    const before = registerTotals(vvn, credits, '2022-03-01', '2024-06-01');
    const after = registerTotals({ ...vvn, requiredTotal: 100, categories: [{ id: 'overig', name: 'Overig', cap: 20 }] }, credits, '2022-03-01', '2024-06-01');
    expect(before).toMatchObject({ earned: 46, missing: 138 });
    expect(after).toMatchObject({ earned: 20, missing: 138 }); // the accredited minimum still decides
    // A one-year cycle: the credit of January 2024 lies in the previous cycle now.
    expect(registerTotals({ ...vvn, minimumAccredited: undefined, cycleYears: 1 }, credits, '2022-03-01', '2024-06-01')).toMatchObject({ earned: 0, missing: 184, cycle: { start: '2024-03-01', end: '2025-03-01' } });
  });

  const arbCredit = fc.record({
    entryId: fc.constantFrom('module:a', 'module:b', 'path:p', 'external:x', 'external:y', 'external:z'),
    register: fc.constantFrom(vvn.name, 'Registerplein'),
    amount: fc.integer({ min: 0, max: 4000 }).map((n) => n / 100),
    accredited: fc.boolean(),
    category: fc.option(fc.constantFrom('geaccrediteerd', 'overig', 'onbekend'), { nil: undefined }),
    date: fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.parse('2020-01-01T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10)),
  });
  const arbRules = fc.record({
    requiredTotal: fc.integer({ min: 1, max: 300 }),
    minimumAccredited: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    cap: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  });

  it('property: totals equal the sum of their parts, caps hold, missing closes the gap', () => {
    fc.assert(
      fc.property(fc.array(arbCredit, { maxLength: 40 }), arbRules, (credits, r) => {
        const rules: RegisterRules = { ...vvn, requiredTotal: r.requiredTotal, minimumAccredited: r.minimumAccredited, categories: [{ id: 'geaccrediteerd', name: 'G' }, { id: 'overig', name: 'O', cap: r.cap }] };
        const t = registerTotals(rules, credits, '2021-01-01', '2023-01-01');
        const sum = (ns: number[]) => Math.round(ns.reduce((s, n) => s + n, 0) * 100) / 100;
        expect(t.earned).toBeCloseTo(sum(t.categories.map((c) => c.counted)), 6);
        expect(t.earned).toBeCloseTo(t.earnedAccredited + t.earnedOther, 6);
        for (const c of t.categories) {
          expect(c.counted).toBeLessThanOrEqual(c.total + 1e-9);
          if (c.cap !== null) expect(c.counted).toBeLessThanOrEqual(c.cap + 1e-9);
          expect(c.accredited).toBeLessThanOrEqual(c.counted + 1e-9);
        }
        // Once per entry, within the cycle, for this register only.
        expect(new Set(t.credits.map((c) => c.entryId)).size).toBe(t.credits.length);
        for (const c of t.credits) expect(c.register === rules.name && inCycle(c.date, t.cycle)).toBe(true);
        // Missing is zero exactly when both the total and the accredited minimum are reached.
        expect(t.complete).toBe(t.earned >= rules.requiredTotal - 1e-9 && t.earnedAccredited >= (rules.minimumAccredited ?? 0) - 1e-9);
        expect(t.missing).toBeGreaterThanOrEqual(0);
        // Duplicating every credit changes nothing: a completion counts once.
        expect(registerTotals(rules, [...credits, ...credits], '2021-01-01', '2023-01-01').earned).toBe(t.earned);
      }),
    );
  });

  it('property: without caps, adding a credit never lowers the total', () => {
    fc.assert(
      fc.property(fc.array(arbCredit, { maxLength: 30 }), arbCredit, (credits, extra) => {
        const rules: RegisterRules = { ...vvn, categories: [] };
        const fresh = { ...extra, entryId: 'external:new' };
        expect(registerTotals(rules, [...credits, fresh], '2021-01-01', '2023-01-01').earned).toBeGreaterThanOrEqual(registerTotals(rules, credits, '2021-01-01', '2023-01-01').earned);
      }),
    );
  });

  it('oncePerEntry keeps the accredited credit on a tie', () => {
    expect(oncePerEntry([credit({ entryId: 'a', amount: 2, date: '2024-01-01', accredited: false }), credit({ entryId: 'a', amount: 2, date: '2024-01-01', accredited: true })])[0]!.accredited).toBe(true);
  });
});

describe('portfolio entries from the learning record', () => {
  it('uses the frozen accreditation, falls back to the current module, and reads path completions', () => {
    const entries = platformEntries(
      [
        { moduleId: 'm1', title: 'Nu anders', kind: 'elearning', completedAt: '2025-12-31T23:30:00Z', source: 'scorm', completedModule: { rev: 2, title: 'Toen', accreditation: [{ register: vvn.name, points: 2, accreditationNumber: 'VVN-1' }] }, result: { source: 'scorm', selfReported: true, attemptId: 'a', success: 'passed', percent: 80, timeSeconds: 60 } },
        { moduleId: 'm2', title: 'Oud', kind: 'classroom', completedAt: '2024-05-01T10:00:00Z', source: 'attendance' },
        { moduleId: 'm3', title: 'Bezig', kind: 'classroom', enrolledAt: '2024-05-01T10:00:00Z' },
      ],
      [{ kind: 'path-completed', pathId: 'p1', version: 1, title: 'Pad', completedAt: '2025-01-01T10:00:00Z', accreditation: [{ register: vvn.name, points: 3 }] }],
      new Map([['m2', [{ register: vvn.name, points: 4 }]]]),
    );
    expect(entries.map((e) => e.id)).toEqual(['module:m1', 'module:m2', 'path:p1']);
    expect(entries[0]).toMatchObject({ title: 'Toen', date: '2026-01-01', completedBy: 'scorm', result: { percent: 80 }, points: [{ amount: 2, accredited: true, accreditationNumber: 'VVN-1' }] });
    expect(entries[1]!.points[0]!.amount).toBe(4);
    const credits = creditsOf(entries);
    expect(registerTotals(vvn, credits, '2022-03-01', '2026-06-01').earned).toBe(9);
    expect(filterEntries(entries, { year: 2026 }).map((e) => e.id)).toEqual(['module:m1']);
  });

  it('external learning is accredited only with an accreditation number', () => {
    const names = new Map([['vvn', vvn.name]]);
    const base = { id: 'x1', title: 'Congres', provider: 'GGZ NL', date: '2025-04-01', hours: 6, points: [{ registerId: 'vvn', amount: 6 }, { registerId: 'gone', amount: 2 }], rev: 1, createdAt: '', updatedAt: '' };
    expect(externalEntryView(base, names).points).toEqual([{ register: vvn.name, amount: 6, accredited: false }]);
    expect(externalEntryView({ ...base, accreditationNumber: 'A-1' }, names).points[0]!.accredited).toBe(true);
  });
});
