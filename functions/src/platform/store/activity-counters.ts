/**
 * Activity counters: per month (Europe/Amsterdam) and module or path, how many enrolments,
 * completions and evaluations (with their score sum) there were and how many accreditation points
 * per register the completions awarded. Learning writes them in the SAME transaction as the event
 * (the enrolment, the completion, the evaluation, the correction that takes a completion back), so
 * a repeat or a lost condition counts nothing and a counter never disagrees with the events; the
 * academy reports (functions/src/reports) only read them. They hold no person: erasing someone
 * leaves them, and so the aggregates, as they are.
 *
 * The contract lives here, below both features, so neither imports the other for it (see
 * functions/docs/reports.md, "Who writes the counters").
 */
import { monthOf } from '../domain/months';
import { keys } from './keys';
import type { Item, TransactPart } from './table';

export type CounterTargetType = 'module' | 'path';

/** One change to the counts of a module or path at a moment; negative numbers take back. */
export interface ActivityDelta {
  /** When it happened (ISO 8601): counted in its month in Europe/Amsterdam. */
  at: string;
  targetType: CounterTargetType;
  targetId: string;
  enrolments?: number;
  completions?: number;
  evaluations?: number;
  /** Sum of the evaluation ratings (the average is scoreSum ÷ evaluations). */
  scoreSum?: number;
  /** Points awarded per register (module completions only: a path's points are its modules'). */
  points?: ReadonlyArray<{ register: string; points: number }>;
}

/** The counts of one item, as read. */
export interface ActivityCounts {
  month: string;
  targetType: CounterTargetType;
  targetId: string;
  enrolments: number;
  completions: number;
  evaluations: number;
  scoreSum: number;
  /** Points per register (only registers with points). */
  points: Record<string, number>;
}

const numeric = ['enrolments', 'completions', 'evaluations', 'scoreSum'] as const;
/** Points are kept as one top-level number per register (ADD cannot reach into a map that does not exist yet). */
export const pointsPrefix = 'points:';

const round = (n: number) => Math.round(n * 100) / 100;

/** The same change taken back (an attendance corrected to absent). */
export function negated(d: ActivityDelta): ActivityDelta {
  return {
    at: d.at,
    targetType: d.targetType,
    targetId: d.targetId,
    ...Object.fromEntries(numeric.filter((f) => d[f] !== undefined).map((f) => [f, -d[f]!])),
    ...(d.points ? { points: d.points.map((p) => ({ register: p.register, points: -p.points })) } : {}),
  };
}

/**
 * The changes summed per counter item (a transaction may touch an item once), zeros left out:
 * a completion moved within its month changes nothing. Pure.
 */
export function mergeDeltas(deltas: ActivityDelta[]): ActivityCounts[] {
  const byItem = new Map<string, ActivityCounts>();
  for (const d of deltas) {
    const month = monthOf(d.at);
    const id = `${month}|${d.targetType}|${d.targetId}`;
    const c = byItem.get(id) ?? { month, targetType: d.targetType, targetId: d.targetId, enrolments: 0, completions: 0, evaluations: 0, scoreSum: 0, points: {} };
    for (const f of numeric) c[f] += d[f] ?? 0;
    for (const p of d.points ?? []) c.points[p.register] = round((c.points[p.register] ?? 0) + p.points);
    byItem.set(id, c);
  }
  const out: ActivityCounts[] = [];
  for (const c of byItem.values()) {
    for (const r of Object.keys(c.points)) if (c.points[r] === 0) delete c.points[r];
    if (numeric.every((f) => c[f] === 0) && Object.keys(c.points).length === 0) continue;
    out.push(c);
  }
  return out;
}

/**
 * The transaction parts that add `deltas` to their counter items: one Update per item, creating it
 * on first use, no condition (the event's own part carries the condition; a counter only follows).
 */
export function counterParts(deltas: ActivityDelta[]): TransactPart[] {
  return mergeDeltas(deltas).map((c) => {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'activity-counter', ':month': c.month, ':tt': c.targetType, ':tid': c.targetId };
    const adds: string[] = [];
    const add = (attribute: string, n: number) => {
      const i = adds.length;
      names[`#a${i}`] = attribute;
      values[`:a${i}`] = n;
      adds.push(`#a${i} :a${i}`);
    };
    for (const f of numeric) if (c[f] !== 0) add(f, c[f]);
    for (const [register, points] of Object.entries(c.points)) add(`${pointsPrefix}${register}`, points);
    return {
      Update: {
        Key: keys.activityCounter(c.month, c.targetType, c.targetId),
        UpdateExpression: `SET #type = :type, #month = :month, targetType = :tt, targetId = :tid ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: { ...names, '#month': 'month' },
        ExpressionAttributeValues: values,
      },
    };
  });
}

/** A counter item as read (a Query of a month's partition). */
export function countsOf(item: Item): ActivityCounts {
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const points: Record<string, number> = {};
  for (const [k, v] of Object.entries(item)) if (k.startsWith(pointsPrefix) && num(v) !== 0) points[k.slice(pointsPrefix.length)] = round(num(v));
  return {
    month: String(item.month),
    targetType: item.targetType === 'path' ? 'path' : 'module',
    targetId: String(item.targetId),
    enrolments: num(item.enrolments),
    completions: num(item.completions),
    evaluations: num(item.evaluations),
    scoreSum: num(item.scoreSum),
    points,
  };
}

/** The whole item with absolute counts (the backfill job writes what the records say). */
export function counterItem(c: ActivityCounts): Item {
  return {
    ...keys.activityCounter(c.month, c.targetType, c.targetId),
    type: 'activity-counter',
    month: c.month,
    targetType: c.targetType,
    targetId: c.targetId,
    enrolments: c.enrolments,
    completions: c.completions,
    evaluations: c.evaluations,
    scoreSum: c.scoreSum,
    ...Object.fromEntries(Object.entries(c.points).map(([r, p]) => [`${pointsPrefix}${r}`, p])),
  };
}
