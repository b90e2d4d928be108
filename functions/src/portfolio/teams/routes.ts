import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { commonProblems, json, security } from '../../platform/http/contract';
import { ctxOf } from '../context';
import { MyTeamSchema, TeamComplianceSchema, TeamId } from './schemas';
import * as svc from './service';

const tags = ['Team'];
const noStore = { 'cache-control': 'private, no-store' };

const mine = createRoute({ method: 'get', path: '/mine', tags, security, summary: 'Het team dat ik leid (uit mijn profiel)', responses: { 200: json(MyTeamSchema, 'Mijn team'), ...commonProblems } });
const compliance = createRoute({
  method: 'get',
  path: '/{teamId}/compliance',
  tags,
  security,
  summary: 'Verplichte scholing per teamlid (te laat eerst), en registervoortgang als het teamlid die deelt',
  request: { params: z.object({ teamId: TeamId }) },
  responses: { 200: json(TeamComplianceSchema, 'Naleving van het team'), ...commonProblems },
});
const csv = createRoute({
  method: 'get',
  path: '/{teamId}/compliance.csv',
  tags,
  security,
  summary: 'Naleving van het team als CSV (UTF-8 met BOM; ; in het Nederlands, , in het Engels)',
  request: { params: z.object({ teamId: TeamId }) },
  responses: { 200: { description: 'text/csv' }, ...commonProblems },
});

/** `/api/teams`. */
export const teamRoutes = newRouter()
  .openapi(mine, async (c) => c.json(await svc.myTeam(ctxOf(c)), 200, noStore))
  .openapi(compliance, async (c) => c.json(await svc.teamCompliance(ctxOf(c), c.req.valid('param').teamId), 200, noStore))
  .openapi(csv, async (c) => {
    const out = await svc.teamComplianceCsv(ctxOf(c), c.req.valid('param').teamId, c.get('language'));
    return c.body(out.body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="team-${out.teamId.replace(/[^a-zA-Z0-9_-]/g, '_')}-verplichte-scholing.csv"`, ...noStore, vary: 'Accept-Language' }) as never;
  });
