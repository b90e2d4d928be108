/**
 * The academy dashboard: the activity counters of a period (one Query per month), the titles and
 * networks of what they count, and the figures the pure rules make of them (./domain/aggregate.ts);
 * and each table as CSV. Aggregates only: no person appears here.
 */
import { Problem } from '../platform/http/problem';
import { currentLanguage, text } from '../platform/http/language';
import { addMonths, monthOf, monthsBetween } from '../platform/domain/months';
import { actorOf, authorize } from '../policy';
import { getModules, getPathMeta, pathVersion } from '../learning';
import { listNetworks } from '../networks';
import { nowOf, type ReportsCtx } from './context';
import * as db from './store';
import { buildDashboard, type DashboardFilter, type ModuleInfo, type PathInfo } from './domain/aggregate';
import { tableCsv, type TableName } from './domain/csv';
import type { ReportsQuery } from './schemas';

/** The longest period one request reads (24 month partitions). */
export const maxMonths = 24;

function allowed(ctx: ReportsCtx) {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om de rapportage te zien', 'Sign in to see the reports'));
  authorize(actorOf(ctx.principal), 'reports', 'read-dashboard', {});
}

/** The period asked for: by default the last 12 months up to this one (Europe/Amsterdam). */
export function periodOf(q: Pick<ReportsQuery, 'from' | 'to'>, now: Date): { from: string; to: string; months: string[] } {
  const to = q.to ?? (q.from ? addMonths(q.from, 11) : monthOf(now.toISOString()));
  const from = q.from ?? addMonths(to, -11);
  if (from > to) throw new Problem('validation', text('De eerste maand ligt na de laatste', 'The first month is after the last'), { errors: [{ path: 'from', message: text('Moet vóór of gelijk aan "tot" zijn', 'Must be on or before "to"') }] });
  const months = monthsBetween(from, to);
  if (months.length > maxMonths) throw new Problem('validation', text(`Kies een periode van hoogstens ${maxMonths} maanden`, `Choose a period of at most ${maxMonths} months`), { errors: [{ path: 'from', message: text(`Hoogstens ${maxMonths} maanden`, `At most ${maxMonths} months`) }] });
  return { from, to, months };
}

export async function dashboard(ctx: ReportsCtx, q: ReportsQuery) {
  allowed(ctx);
  const { from, to, months } = periodOf(q, nowOf(ctx));
  const filter: DashboardFilter = { ...(q.moduleId ? { moduleId: q.moduleId } : {}), ...(q.pathId ? { pathId: q.pathId } : {}), ...(q.networkId ? { networkId: q.networkId } : {}) };
  const counts = await db.countersOf(ctx.store, months);

  // Titles and networks as they are now; the filtered module and path are read even without activity.
  const moduleIds = [...new Set(counts.filter((c) => c.targetType === 'module').map((c) => c.targetId))];
  const pathIds = [...new Set([...counts.filter((c) => c.targetType === 'path').map((c) => c.targetId), ...(filter.pathId ? [filter.pathId] : [])])];
  const [stored, pathInfos, networkList] = await Promise.all([getModules(ctx.store, moduleIds), Promise.all(pathIds.map((id) => pathInfo(ctx, id, id === filter.pathId))), listNetworks(ctx.store)]);
  const modules = new Map<string, ModuleInfo>([...stored].map(([id, m]) => [id, { title: m.title, ...(m.networkId ? { networkId: m.networkId } : {}) }]));
  const paths = new Map<string, PathInfo>(pathInfos.flatMap((p) => (p ? [[p.id, p.info] as const] : [])));
  const networks = new Map(networkList.map((n) => [n.id, n.name]));

  return { from, to, filter, ...buildDashboard({ months, counts, modules, paths, networks, filter }) };
}

/** A path's title, and (only for the path filtered on) the modules on its latest version. */
async function pathInfo(ctx: ReportsCtx, id: string, withModules: boolean): Promise<{ id: string; info: PathInfo } | undefined> {
  const meta = await getPathMeta(ctx.store, id);
  if (!meta) return undefined;
  const version = withModules && meta.latestVersion > 0 ? await pathVersion(ctx.store, id, meta.latestVersion) : undefined;
  return { id, info: { title: meta.title, moduleIds: version?.steps.map((s) => s.moduleId) ?? [] } };
}

/** One table of the dashboard as CSV, in the request's language, with the same period and filters. */
export async function dashboardCsv(ctx: ReportsCtx, q: ReportsQuery, table: TableName) {
  const d = await dashboard(ctx, q);
  return { body: tableCsv(d, table, currentLanguage()), filename: `academie-${table}-${d.from}-${d.to}.csv` };
}
