/**
 * The academy dashboard as pure code: from the activity counters of a period (one item per month
 * and module or path, see platform/store/activity-counters.ts) to the series per month and the
 * tables per module, path, network and register. No I/O; the service reads the counters and the
 * titles, this decides what they add up to.
 *
 * Definitions (functions/docs/reports.md):
 * - module and path counts stay apart: a path's enrolment is not a module enrolment;
 * - the average evaluation score is the sum of the ratings ÷ their number over everything in the
 *   row (weighted: a network's average is not the mean of its modules' averages); null without any;
 * - points are module points only (a path's points are its modules', already counted);
 * - a network's figures are the sums of its modules' (as the modules belong to it *now*);
 *   modules without a network are grouped under `networkId: null`;
 * - filters: `moduleId` keeps that module; `pathId` keeps that path and the modules on it;
 *   `networkId` keeps the modules of that network (and no paths); together they all apply.
 */
import type { ActivityCounts } from '../../platform/store/activity-counters';

export interface ModuleInfo {
  title: string;
  networkId?: string;
}
export interface PathInfo {
  title: string;
  /** The modules on the path (its latest version). */
  moduleIds: string[];
}
export interface DashboardFilter {
  moduleId?: string;
  pathId?: string;
  networkId?: string;
}
export interface DashboardInput {
  /** The period's months, in order. */
  months: string[];
  counts: ActivityCounts[];
  modules: ReadonlyMap<string, ModuleInfo>;
  paths: ReadonlyMap<string, PathInfo>;
  networks: ReadonlyMap<string, string>;
  filter: DashboardFilter;
}

export type RegisterPoints = Array<{ register: string; points: number }>;

interface Figures {
  enrolments: number;
  completions: number;
  evaluations: number;
  averageScore: number | null;
}

export interface MonthRow {
  month: string;
  moduleEnrolments: number;
  moduleCompletions: number;
  pathEnrolments: number;
  pathCompletions: number;
  evaluations: number;
  averageScore: number | null;
  points: RegisterPoints;
  pointsTotal: number;
}
export interface ModuleRow extends Figures {
  id: string;
  title: string;
  networkId: string | null;
  points: RegisterPoints;
  pointsTotal: number;
}
export interface PathRow extends Figures {
  id: string;
  title: string;
}
export interface NetworkRow extends Figures {
  networkId: string | null;
  name: string | null;
  modules: number;
  points: RegisterPoints;
  pointsTotal: number;
}
export interface Dashboard {
  months: MonthRow[];
  modules: ModuleRow[];
  paths: PathRow[];
  networks: NetworkRow[];
  registers: RegisterPoints;
  /** What the filters may choose from: everything with activity in the period (before filtering). */
  options: { modules: Array<{ id: string; title: string }>; paths: Array<{ id: string; title: string }>; networks: Array<{ id: string; name: string }> };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** Sum of ratings ÷ their number, to hundredths; null when nothing was evaluated. */
export const averageOf = (scoreSum: number, evaluations: number): number | null => (evaluations > 0 ? round2(scoreSum / evaluations) : null);
const byNl = (a: string, b: string) => a.localeCompare(b, 'nl');

/** A running sum of counts. */
class Tally {
  enrolments = 0;
  completions = 0;
  evaluations = 0;
  scoreSum = 0;
  points = new Map<string, number>();
  add(c: Pick<ActivityCounts, 'enrolments' | 'completions' | 'evaluations' | 'scoreSum' | 'points'>) {
    this.enrolments += c.enrolments;
    this.completions += c.completions;
    this.evaluations += c.evaluations;
    this.scoreSum += c.scoreSum;
    for (const [r, p] of Object.entries(c.points)) this.points.set(r, (this.points.get(r) ?? 0) + p);
    return this;
  }
  figures(): Figures {
    return { enrolments: this.enrolments, completions: this.completions, evaluations: this.evaluations, averageScore: averageOf(this.scoreSum, this.evaluations) };
  }
  registerPoints(): RegisterPoints {
    return [...this.points].filter(([, p]) => round2(p) !== 0).sort(([a], [b]) => byNl(a, b)).map(([register, points]) => ({ register, points: round2(points) }));
  }
  pointsTotal(): number {
    return round2([...this.points.values()].reduce((a, b) => a + b, 0));
  }
}

/** Does a counter item pass the filters? */
export function passes(c: Pick<ActivityCounts, 'targetType' | 'targetId'>, filter: DashboardFilter, modules: ReadonlyMap<string, ModuleInfo>, paths: ReadonlyMap<string, PathInfo>): boolean {
  if (c.targetType === 'path') {
    if (filter.moduleId || filter.networkId) return false;
    return !filter.pathId || c.targetId === filter.pathId;
  }
  if (filter.moduleId && c.targetId !== filter.moduleId) return false;
  if (filter.networkId && modules.get(c.targetId)?.networkId !== filter.networkId) return false;
  if (filter.pathId && !(paths.get(filter.pathId)?.moduleIds ?? []).includes(c.targetId)) return false;
  return true;
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const inPeriod = new Set(input.months);
  const all = input.counts.filter((c) => inPeriod.has(c.month));
  const kept = all.filter((c) => passes(c, input.filter, input.modules, input.paths));

  const months = input.months.map((month) => {
    const mod = new Tally();
    const path = new Tally();
    const both = new Tally();
    for (const c of kept.filter((x) => x.month === month)) {
      (c.targetType === 'module' ? mod : path).add(c);
      both.add(c);
    }
    return {
      month,
      moduleEnrolments: mod.enrolments,
      moduleCompletions: mod.completions,
      pathEnrolments: path.enrolments,
      pathCompletions: path.completions,
      evaluations: both.evaluations,
      averageScore: averageOf(both.scoreSum, both.evaluations),
      points: mod.registerPoints(),
      pointsTotal: mod.pointsTotal(),
    };
  });

  const perTarget = (type: 'module' | 'path') => {
    const tallies = new Map<string, Tally>();
    for (const c of kept.filter((x) => x.targetType === type)) tallies.set(c.targetId, (tallies.get(c.targetId) ?? new Tally()).add(c));
    return tallies;
  };
  const moduleTallies = perTarget('module');
  const titleOfModule = (id: string) => input.modules.get(id)?.title ?? id;
  const titleOfPath = (id: string) => input.paths.get(id)?.title ?? id;
  const modules: ModuleRow[] = [...moduleTallies]
    .map(([id, t]) => ({ id, title: titleOfModule(id), networkId: input.modules.get(id)?.networkId ?? null, ...t.figures(), points: t.registerPoints(), pointsTotal: t.pointsTotal() }))
    .sort((a, b) => b.enrolments - a.enrolments || byNl(a.title, b.title) || byNl(a.id, b.id));
  const paths: PathRow[] = [...perTarget('path')]
    .map(([id, t]) => ({ id, title: titleOfPath(id), ...t.figures() }))
    .sort((a, b) => b.enrolments - a.enrolments || byNl(a.title, b.title) || byNl(a.id, b.id));

  // Networks: the sums of their modules' counts (weighted averages follow from the sums).
  const networkTallies = new Map<string | null, { tally: Tally; modules: number }>();
  for (const [id, t] of moduleTallies) {
    const networkId = input.modules.get(id)?.networkId ?? null;
    const n = networkTallies.get(networkId) ?? { tally: new Tally(), modules: 0 };
    n.tally.add({ enrolments: t.enrolments, completions: t.completions, evaluations: t.evaluations, scoreSum: t.scoreSum, points: Object.fromEntries(t.points) });
    n.modules++;
    networkTallies.set(networkId, n);
  }
  const networks: NetworkRow[] = [...networkTallies]
    .map(([networkId, n]) => ({ networkId, name: networkId === null ? null : (input.networks.get(networkId) ?? networkId), modules: n.modules, ...n.tally.figures(), points: n.tally.registerPoints(), pointsTotal: n.tally.pointsTotal() }))
    // Named networks first, by name; the modules without one last.
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : byNl(a.name, b.name)));

  const registers = new Tally();
  for (const c of kept.filter((x) => x.targetType === 'module')) registers.add(c);

  const moduleIds = new Set(all.filter((c) => c.targetType === 'module').map((c) => c.targetId));
  const pathIds = new Set(all.filter((c) => c.targetType === 'path').map((c) => c.targetId));
  const networkIds = new Set([...moduleIds].flatMap((id) => input.modules.get(id)?.networkId ?? []));
  return {
    months,
    modules,
    paths,
    networks,
    registers: registers.registerPoints(),
    options: {
      modules: [...moduleIds].map((id) => ({ id, title: titleOfModule(id) })).sort((a, b) => byNl(a.title, b.title)),
      paths: [...pathIds].map((id) => ({ id, title: titleOfPath(id) })).sort((a, b) => byNl(a.title, b.title)),
      networks: [...networkIds].map((id) => ({ id, name: input.networks.get(id) ?? id })).sort((a, b) => byNl(a.name, b.name)),
    },
  };
}
