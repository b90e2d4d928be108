import { createRoute } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { commonProblems, security } from '../../platform/http/contract';
import { AttendanceQuery } from './schemas';
import * as svc from './service';

const attendance = createRoute({
  method: 'get',
  path: '/accreditation/attendance.csv',
  tags: ['Rapportages'],
  security,
  summary: 'Presentielijst voor PE-online per geaccrediteerde cursus en editie (academie): registratienummer, naam, datum van afronding (dd-mm-jjjj), cursus-id, editie-id, punten; CSV (UTF-8 met BOM; ; in het Nederlands, , in het Engels)',
  request: { query: AttendanceQuery },
  responses: { 200: { description: 'text/csv' }, ...commonProblems },
});

/** In `/api/academy`: the attendance export for the registers. */
export const attendanceRoutes = newRouter().openapi(attendance, async (c) => {
  const out = await svc.attendanceExport({ store: c.get('deps').store, principal: c.get('principal') }, c.req.valid('query'));
  return c.body(out.csv, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${out.fileName}"`,
    'cache-control': 'private, no-store',
    vary: 'Accept-Language',
  }) as never;
});
