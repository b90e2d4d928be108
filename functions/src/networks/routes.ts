import { createRoute, z } from '@hono/zod-openapi';
import { newRouter, type AppContext } from '../platform/http/router';
import { body, commonProblems, json, problemResponse, problems, security } from '../platform/http/contract';
import * as svc from './service';
import { CreateNetworkSchema, EditPageSchema, MembershipSchema, NetworkMemberSchema, NetworkPageSchema, NetworkSchema, OverviewQuerySchema, RoleInputSchema } from './schemas';

const tags = ['Netwerken'];
const Params = z.object({ id: z.string().min(1).max(80) });
const MemberParams = Params.extend({ userId: z.string().min(1).max(100) });
const errors = { ...commonProblems, ...problems({ 403: 'Geen rechten in dit netwerk', 404: 'Onbekend netwerk' }) };
const conflict = { 409: problemResponse('Gearchiveerd netwerk, laatste leidend expert, of versieconflict (met currentRev)') };

const ctxOf = (c: AppContext): svc.NetworksCtx => ({ store: c.get('deps').store, principal: c.get('principal'), requestId: c.get('requestId') });

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'De expertnetwerken: zoeken en filteren, ledental, leidend experts (namen voor aangemelde gebruikers), laatste activiteit',
  request: { query: OverviewQuerySchema },
  responses: { 200: json(z.array(NetworkSchema), 'Netwerken op naam'), 400: errors[400] },
});
const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'Een netwerk: beschrijving, doelen, leidend experts en leden (leden zien leden; ketenpartners de leidend experts; anonieme bezoekers geen namen)',
  request: { params: Params },
  responses: { 200: json(NetworkPageSchema, 'Netwerk'), 404: errors[404] },
});
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Een netwerk aanmaken met de eerste leidend experts (de academie)',
  request: body(CreateNetworkSchema),
  responses: { 201: json(NetworkPageSchema, 'Het nieuwe netwerk'), ...errors, 409: problemResponse('Het id bestaat al'), 422: problemResponse('Onbekende personen als leidend expert') },
});
const edit = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  security,
  summary: 'Beschrijving en doelen (Markdown) bijwerken (leidend experts en de academie)',
  request: { params: Params, ...body(EditPageSchema) },
  responses: { 200: json(NetworkPageSchema, 'Netwerk'), ...errors, ...conflict },
});
const archive = createRoute({
  method: 'post',
  path: '/{id}/archive',
  tags,
  security,
  summary: 'Een netwerk archiveren (de academie)',
  request: { params: Params },
  responses: { 200: json(NetworkPageSchema, 'Het gearchiveerde netwerk'), ...errors, 409: problemResponse('Al gearchiveerd') },
});
const joinRoute = createRoute({
  method: 'post',
  path: '/{id}/membership',
  tags,
  security,
  summary: 'Lid worden (medewerkers; ketenpartners van netwerken die open zijn voor partners). Nogmaals: 200, ongewijzigd',
  request: { params: Params },
  responses: { 201: json(MembershipSchema, 'Lid geworden'), 200: json(MembershipSchema, 'Was al lid'), ...errors, ...conflict },
});
const leaveRoute = createRoute({
  method: 'delete',
  path: '/{id}/membership',
  tags,
  security,
  summary: 'Het netwerk verlaten (geen lid: niets te doen)',
  request: { params: Params },
  responses: { 204: { description: 'Geen lid (meer)' }, ...errors, ...conflict },
});
const setRole = createRoute({
  method: 'put',
  path: '/{id}/members/{userId}',
  tags,
  security,
  summary: 'Iemands rol in het netwerk: co-leidend expert, netwerkauteur of lid (leidend experts en de academie); wie nog geen lid is, wordt lid met die rol',
  request: { params: MemberParams, ...body(RoleInputSchema) },
  responses: { 200: json(NetworkMemberSchema, 'Rol gewijzigd (of al zo)'), 201: json(NetworkMemberSchema, 'Lid gemaakt met die rol'), ...errors, ...conflict },
});
const remove = createRoute({
  method: 'delete',
  path: '/{id}/members/{userId}',
  tags,
  security,
  summary: 'Iemand uit het netwerk verwijderen (leidend experts en de academie)',
  request: { params: MemberParams },
  responses: { 204: { description: 'Verwijderd' }, ...errors, ...conflict },
});

/** Under `/api/networks` (app.ts joins knowledge's routes for a network's articles and signals). */
export const networkRoutes = newRouter()
  .openapi(list, async (c) => c.json(await svc.overview(ctxOf(c), c.req.valid('query')), 200))
  .openapi(one, async (c) => c.json(await svc.page(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await svc.create(ctxOf(c), c.req.valid('json')), 201))
  .openapi(edit, async (c) => c.json(await svc.editPage(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(archive, async (c) => c.json(await svc.archive(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(joinRoute, async (c) => {
    const { created, membership } = await svc.join(ctxOf(c), c.req.valid('param').id);
    return created ? c.json(membership, 201) : c.json(membership, 200);
  })
  .openapi(leaveRoute, async (c) => {
    await svc.leave(ctxOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(setRole, async (c) => {
    const { id, userId } = c.req.valid('param');
    const { created, member } = await svc.setRole(ctxOf(c), id, userId, c.req.valid('json').role);
    return created ? c.json(member, 201) : c.json(member, 200);
  })
  .openapi(remove, async (c) => {
    const { id, userId } = c.req.valid('param');
    await svc.removeMember(ctxOf(c), id, userId);
    return c.body(null, 204);
  });
