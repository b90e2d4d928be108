import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { commonProblems, security } from '../../platform/http/contract';
import { ctxOf } from '../context';
import { RegisterIdSchema } from '../schemas';
import * as svc from './service';

const tags = ['Portfolio'];

const csv = createRoute({
  method: 'get',
  path: '/portfolio/export.csv',
  tags,
  security,
  summary: 'Mijn portfolio als CSV: één regel per activiteit en register (UTF-8 met BOM; ; in het Nederlands, , in het Engels)',
  responses: { 200: { description: 'text/csv' }, ...commonProblems },
});
const pdf = createRoute({
  method: 'get',
  path: '/portfolio/registers/{registerId}/overview.pdf',
  tags,
  security,
  summary: 'Herregistratieoverzicht van één register als PDF: naam, registratienummer, cyclus, activiteiten met punten en accreditatienummer, totalen',
  request: { params: z.object({ registerId: RegisterIdSchema }) },
  responses: { 200: { description: 'application/pdf' }, ...commonProblems },
});

/** In `/api/me`: my portfolio's exports. */
export const exportRoutes = newRouter()
  .openapi(csv, async (c) =>
    c.body(await svc.exportCsv(ctxOf(c)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="portfolio.csv"',
      'cache-control': 'private, no-store',
      vary: 'Accept-Language',
    }) as never,
  )
  .openapi(pdf, async (c) => {
    const { pdf: bytes, registerId } = await svc.exportOverview(ctxOf(c), c.req.valid('param').registerId);
    return c.body(bytes as never, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="herregistratie-${registerId}.pdf"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Language',
    }) as never;
  });
