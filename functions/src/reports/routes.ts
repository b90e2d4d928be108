import { createRoute } from '@hono/zod-openapi';
import { newRouter } from '../platform/http/router';
import { commonProblems, json, security } from '../platform/http/contract';
import { ctxOf } from './context';
import { ReportsQuerySchema, ReportsSchema, reportTables } from './schemas';
import * as svc from './service';

const tags = ['Rapportage'];

const dashboard = createRoute({
  method: 'get',
  path: '/reports',
  tags,
  security,
  summary: 'Academierapportage (academie): inschrijvingen, afrondingen, evaluaties en accreditatiepunten per maand (Europe/Amsterdam), per module, leerpad, netwerk en register; alleen aantallen',
  request: { query: ReportsQuerySchema },
  responses: { 200: json(ReportsSchema, 'De figuren van de periode'), ...commonProblems },
});

const tableWords: Record<(typeof reportTables)[number], string> = {
  months: 'per maand',
  modules: 'per module',
  paths: 'per leerpad',
  networks: 'per netwerk',
  registers: 'punten per register',
};

const csvRoute = (table: (typeof reportTables)[number]) =>
  createRoute({
    method: 'get',
    path: `/reports/${table}.csv`,
    tags,
    security,
    summary: `De tabel ${tableWords[table]} als CSV, met dezelfde periode en filters (UTF-8 met BOM; scheidingsteken ; in het Nederlands, , in het Engels)`,
    request: { query: ReportsQuerySchema },
    responses: { 200: { description: 'text/csv' }, ...commonProblems },
  });

/** Under `/api/academy`: the dashboard and a CSV per table. */
export const academyReportRoutes = newRouter().openapi(dashboard, async (c) => {
  c.header('cache-control', 'private, no-store');
  return c.json(await svc.dashboard(ctxOf(c), c.req.valid('query')), 200);
});

for (const table of reportTables) {
  academyReportRoutes.openapi(csvRoute(table), async (c) => {
    const { body, filename } = await svc.dashboardCsv(ctxOf(c), c.req.valid('query'), table);
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
      vary: 'Accept-Language',
    }) as never;
  });
}
