import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, monthOf, monthsBetween } from '../../../functions/src/platform/domain/months';
import { counterParts, countsOf, counterItem, mergeDeltas, negated, type ActivityCounts } from '../../../functions/src/platform/store/activity-counters';
import { averageOf, buildDashboard, type DashboardInput } from '../../../functions/src/reports/domain/aggregate';
import { tableCsv } from '../../../functions/src/reports/domain/csv';

describe('months in Europe/Amsterdam', () => {
  it('puts the first hour of the new year in January, though it is still December in UTC', () => {
    expect(monthOf('2024-12-31T22:59:59Z')).toBe('2024-12');
    expect(monthOf('2024-12-31T23:00:00Z')).toBe('2025-01'); // 00:00 on 1 January, CET (+01:00)
    expect(monthOf('2025-01-01T00:30:00+01:00')).toBe('2025-01');
  });

  it('follows summer time: a month starting in CEST begins at 22:00 UTC the evening before', () => {
    // 1 April 2025 00:00 CEST = 31 March 22:00 UTC (the clocks went forward on 30 March).
    expect(monthOf('2025-03-31T21:59:59Z')).toBe('2025-03');
    expect(monthOf('2025-03-31T22:00:00Z')).toBe('2025-04');
    // 1 November 2025 00:00 CET = 31 October 23:00 UTC (the clocks went back on 26 October).
    expect(monthOf('2025-10-31T22:59:59Z')).toBe('2025-10');
    expect(monthOf('2025-10-31T23:00:00Z')).toBe('2025-11');
    // Through the switch nights themselves nothing jumps a month.
    expect(monthOf('2025-03-30T01:30:00Z')).toBe('2025-03');
    expect(monthOf('2025-10-26T01:30:00Z')).toBe('2025-10');
  });

  it('reads any offset as the same instant', () => {
    expect(monthOf('2025-06-30T20:00:00-04:00')).toBe('2025-07'); // 02:00 on 1 July in Amsterdam
  });

  it('counts months across year ends', () => {
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-02', '2025-01')).toEqual([]);
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -300, max: 300 }), (y, m, n) => {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      expect(addMonths(addMonths(month, n), -n)).toBe(month);
      if (n >= 0) expect(monthsBetween(month, addMonths(month, n))).toHaveLength(n + 1);
    }));
  });
});

describe('counter deltas', () => {
  const at = '2025-03-10T10:00:00Z';
  it('merges the changes to one item into one update, and leaves out what cancels', () => {
    const merged = mergeDeltas([
      { at, targetType: 'module', targetId: 'm1', completions: 1, points: [{ register: 'A', points: 1.5 }] },
      { at: '2025-03-31T21:00:00Z', targetType: 'module', targetId: 'm1', completions: 1, points: [{ register: 'A', points: 0.25 }] },
      { at, targetType: 'path', targetId: 'p1', enrolments: 1 },
      { at, targetType: 'module', targetId: 'm2', completions: 1 },
      negated({ at, targetType: 'module', targetId: 'm2', completions: 1 }),
    ]);
    expect(merged).toEqual([
      { month: '2025-03', targetType: 'module', targetId: 'm1', enrolments: 0, completions: 2, evaluations: 0, scoreSum: 0, points: { A: 1.75 } },
      { month: '2025-03', targetType: 'path', targetId: 'p1', enrolments: 1, completions: 0, evaluations: 0, scoreSum: 0, points: {} },
    ]);
  });

  it('moves a completion between months as two updates, and within a month as none', () => {
    const moved = (to: string) => counterParts([negated({ at, targetType: 'module', targetId: 'm', completions: 1 }), { at: to, targetType: 'module', targetId: 'm', completions: 1 }]);
    expect(moved('2025-03-20T10:00:00Z')).toEqual([]);
    const parts = moved('2025-04-02T10:00:00Z');
    expect(parts.map((p) => ('Update' in p ? p.Update.Key : undefined))).toEqual([{ PK: 'STATS#2025-03', SK: 'MODULE#m' }, { PK: 'STATS#2025-04', SK: 'MODULE#m' }]);
    expect(parts.map((p) => ('Update' in p ? p.Update.ExpressionAttributeValues![':a0'] : undefined))).toEqual([-1, 1]);
  });

  it('adds without a condition, so the event carries the condition and the counter only follows', () => {
    const [part] = counterParts([{ at, targetType: 'module', targetId: 'm', evaluations: 1, scoreSum: 4, points: [{ register: 'V&VN', points: 2 }] }]);
    expect(part).toMatchObject({ Update: { Key: { PK: 'STATS#2025-03', SK: 'MODULE#m' } } });
    if (!part || !('Update' in part)) throw new Error('an update');
    expect(part.Update.ConditionExpression).toBeUndefined();
    expect(part.Update.UpdateExpression).toMatch(/ ADD #a0 :a0, #a1 :a1, #a2 :a2$/);
    expect(Object.values(part.Update.ExpressionAttributeNames!)).toEqual(expect.arrayContaining(['evaluations', 'scoreSum', 'points:V&VN']));
  });

  it('reads back what the backfill writes', () => {
    const c: ActivityCounts = { month: '2025-01', targetType: 'path', targetId: 'p', enrolments: 3, completions: 2, evaluations: 1, scoreSum: 5, points: { X: 1.5 } };
    expect(countsOf(counterItem(c))).toEqual(c);
  });
});

const input = (over: Partial<DashboardInput> = {}): DashboardInput => ({
  months: ['2025-01', '2025-02'],
  counts: [
    { month: '2025-01', targetType: 'module', targetId: 'm1', enrolments: 4, completions: 2, evaluations: 2, scoreSum: 10, points: { 'V&VN': 4 } },
    { month: '2025-02', targetType: 'module', targetId: 'm1', enrolments: 1, completions: 1, evaluations: 0, scoreSum: 0, points: { 'V&VN': 2 } },
    { month: '2025-01', targetType: 'module', targetId: 'm2', enrolments: 2, completions: 2, evaluations: 8, scoreSum: 16, points: { NIP: 1.5 } },
    { month: '2025-02', targetType: 'module', targetId: 'm3', enrolments: 1, completions: 0, evaluations: 0, scoreSum: 0, points: {} },
    { month: '2025-02', targetType: 'path', targetId: 'p1', enrolments: 3, completions: 1, evaluations: 1, scoreSum: 4, points: {} },
    // Outside the period: never counted.
    { month: '2024-12', targetType: 'module', targetId: 'm1', enrolments: 100, completions: 100, evaluations: 0, scoreSum: 0, points: {} },
  ],
  modules: new Map([
    ['m1', { title: 'Suïcidepreventie', networkId: 'n1' }],
    ['m2', { title: 'Herstel', networkId: 'n1' }],
    ['m3', { title: 'Zonder netwerk' }],
  ]),
  paths: new Map([['p1', { title: 'Pad', moduleIds: ['m2'] }]]),
  networks: new Map([['n1', 'Netwerk Een']]),
  filter: {},
  ...over,
});

describe('the dashboard', () => {
  it('keeps modules and paths apart per month, with the weighted average and module points', () => {
    const d = buildDashboard(input());
    expect(d.months).toEqual([
      { month: '2025-01', moduleEnrolments: 6, moduleCompletions: 4, pathEnrolments: 0, pathCompletions: 0, evaluations: 10, averageScore: 2.6, points: [{ register: 'NIP', points: 1.5 }, { register: 'V&VN', points: 4 }], pointsTotal: 5.5 },
      { month: '2025-02', moduleEnrolments: 2, moduleCompletions: 1, pathEnrolments: 3, pathCompletions: 1, evaluations: 1, averageScore: 4, points: [{ register: 'V&VN', points: 2 }], pointsTotal: 2 },
    ]);
    expect(d.registers).toEqual([{ register: 'NIP', points: 1.5 }, { register: 'V&VN', points: 6 }]);
    expect(d.modules.map((m) => [m.id, m.enrolments, m.averageScore])).toEqual([['m1', 5, 5], ['m2', 2, 2], ['m3', 1, null]]);
  });

  it('rolls modules up to their networks as sums, so a network\'s average weighs every evaluation', () => {
    const d = buildDashboard(input());
    expect(d.networks).toEqual([
      // (10 + 16) / (2 + 8) = 2.6, not the mean of 5 and 2.
      { networkId: 'n1', name: 'Netwerk Een', modules: 2, enrolments: 7, completions: 5, evaluations: 10, averageScore: 2.6, points: [{ register: 'NIP', points: 1.5 }, { register: 'V&VN', points: 6 }], pointsTotal: 7.5 },
      { networkId: null, name: null, modules: 1, enrolments: 1, completions: 0, evaluations: 0, averageScore: null, points: [], pointsTotal: 0 },
    ]);
    // Totals agree whichever way they are cut.
    const sum = (rows: Array<{ completions: number }>) => rows.reduce((s, r) => s + r.completions, 0);
    expect(sum(d.networks)).toBe(sum(d.modules));
    expect(sum(d.modules)).toBe(d.months.reduce((s, m) => s + m.moduleCompletions, 0));
  });

  it('filters by module, path (with its modules) and network, and offers what the period holds', () => {
    expect(buildDashboard(input({ filter: { moduleId: 'm2' } })).modules.map((m) => m.id)).toEqual(['m2']);
    const byPath = buildDashboard(input({ filter: { pathId: 'p1' } }));
    expect([byPath.modules.map((m) => m.id), byPath.paths.map((p) => p.id)]).toEqual([['m2'], ['p1']]);
    const byNetwork = buildDashboard(input({ filter: { networkId: 'n1' } }));
    expect([byNetwork.modules.map((m) => m.id), byNetwork.paths, byNetwork.networks.map((n) => n.networkId)]).toEqual([['m1', 'm2'], [], ['n1']]);
    expect(byNetwork.options).toEqual({
      modules: [{ id: 'm2', title: 'Herstel' }, { id: 'm1', title: 'Suïcidepreventie' }, { id: 'm3', title: 'Zonder netwerk' }],
      paths: [{ id: 'p1', title: 'Pad' }],
      networks: [{ id: 'n1', name: 'Netwerk Een' }],
    });
  });

  it('answers every month of the period, also without activity, and averages only what was evaluated', () => {
    const d = buildDashboard(input({ months: ['2025-03'] }));
    expect(d.months).toEqual([{ month: '2025-03', moduleEnrolments: 0, moduleCompletions: 0, pathEnrolments: 0, pathCompletions: 0, evaluations: 0, averageScore: null, points: [], pointsTotal: 0 }]);
    expect(averageOf(7, 3)).toBe(2.33);
    expect(averageOf(0, 0)).toBeNull();
  });

  it('writes the tables as CSV in the reader\'s language, a column per register', () => {
    const d = buildDashboard(input());
    const nl = tableCsv(d, 'networks', 'nl');
    expect(nl.startsWith('\uFEFF')).toBe(true);
    expect(nl.slice(1).split('\r\n')).toEqual([
      'Netwerk;Netwerk-id;Modules;Inschrijvingen;Afrondingen;Evaluaties;Gemiddelde beoordeling;Punten totaal;Punten: NIP;Punten: V&VN',
      'Netwerk Een;n1;2;7;5;10;2,6;7,5;1,5;6',
      'Zonder netwerk;;1;1;0;0;;0;0;0',
      '',
    ]);
    expect(tableCsv(d, 'registers', 'en').slice(1).split('\r\n')).toEqual(['Register,Points', 'NIP,1.5', 'V&VN,6', '']);
  });
});
