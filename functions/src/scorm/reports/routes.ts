import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { commonProblems, json, security } from '../../platform/http/contract';
import { ctxOf } from '../context';
import { Id } from '../schemas';
import { ScormReportSchema } from './schemas';
import * as svc from './service';

const tags = ['SCORM'];

const report = createRoute({
  method: 'get',
  path: '/{id}/scorm/report',
  tags,
  security,
  summary: 'Rapport van een e-learningmodule (auteurs en academie): deelnemers, scores, tijd, pogingen per week, vragen — zelf gerapporteerd',
  request: { params: z.object({ id: Id }) },
  responses: { 200: json(ScormReportSchema, 'Het rapport'), ...commonProblems },
});

const csv = createRoute({
  method: 'get',
  path: '/{id}/scorm/report.csv',
  tags,
  security,
  summary: 'Het rapport als CSV: één regel per poging (UTF-8 met BOM; scheidingsteken ; in het Nederlands, , in het Engels)',
  request: { params: z.object({ id: Id }) },
  responses: { 200: { description: 'text/csv' }, ...commonProblems },
});

/** Under `/api/modules`: a module's SCORM report. */
export const moduleReportRoutes = newRouter()
  .openapi(report, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await svc.moduleReport(ctxOf(c), c.req.valid('param').id), 200);
  })
  .openapi(csv, async (c) => {
    const { id } = c.req.valid('param');
    const body = await svc.moduleReportCsv(ctxOf(c), id);
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="scorm-rapport-${id}.csv"`,
      'cache-control': 'private, no-store',
      vary: 'Accept-Language',
    }) as never;
  });
