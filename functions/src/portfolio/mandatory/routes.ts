import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../../platform/http/contract';
import { ctxOf } from '../context';
import { DepartmentComplianceSchema, ModuleId, MyMandatorySchema, RequirementInputSchema, RequirementListSchema, RequirementSchema } from './schemas';
import * as svc from './service';

const tags = ['Verplichte scholing'];
const noStore = { 'cache-control': 'private, no-store' };

const list = createRoute({ method: 'get', path: '/mandatory', tags, security, summary: 'Verplichte scholing: de eisen (module, voor wie, geldigheid, coulance)', responses: { 200: json(RequirementListSchema, 'Eisen'), ...commonProblems } });
const save = createRoute({
  method: 'put',
  path: '/mandatory/{moduleId}',
  tags,
  security,
  summary: 'Een module verplicht maken of de eis wijzigen (optimistisch: expectedRev)',
  request: { params: z.object({ moduleId: ModuleId }), ...body(RequirementInputSchema) },
  responses: { 200: json(RequirementSchema, 'Eis'), ...commonProblems, 409: problemResponse('Al verplicht, of intussen gewijzigd'), 422: problemResponse('Module alleen voor ketenpartners') },
});
const remove = createRoute({
  method: 'delete',
  path: '/mandatory/{moduleId}',
  tags,
  security,
  summary: 'Een eis schrappen',
  request: { params: z.object({ moduleId: ModuleId }), query: z.object({ expectedRev: z.coerce.number().int().positive().optional() }) },
  responses: { 200: json(z.object({ deleted: z.literal(true) }), 'Geschrapt'), ...commonProblems, 409: problemResponse('Intussen gewijzigd') },
});
const compliance = createRoute({ method: 'get', path: '/mandatory/compliance', tags, security, summary: 'Naleving per afdeling (aantallen, geen namen)', responses: { 200: json(DepartmentComplianceSchema, 'Per afdeling'), ...commonProblems } });
const mine = createRoute({ method: 'get', path: '/mandatory', tags, security, summary: 'Mijn verplichte scholing: status, vervaldatum, eerstvolgende sessie', responses: { 200: json(MyMandatorySchema, 'Mijn verplichte scholing'), ...commonProblems } });

/** `/api/academy/mandatory…` (the academy's requirements and compliance). */
export const academyMandatoryRoutes = newRouter()
  .openapi(list, async (c) => c.json(await svc.requirements(ctxOf(c)), 200, noStore))
  .openapi(compliance, async (c) => c.json(await svc.departmentCompliance(ctxOf(c), c.get('language')), 200, noStore))
  .openapi(save, async (c) => c.json(await svc.saveRequirement(ctxOf(c), c.req.valid('param').moduleId, c.req.valid('json')), 200))
  .openapi(remove, async (c) => c.json(await svc.removeRequirement(ctxOf(c), c.req.valid('param').moduleId, c.req.valid('query').expectedRev), 200));

/** `/api/me/mandatory`. */
export const myMandatoryRoutes = newRouter().openapi(mine, async (c) => c.json(await svc.myMandatory(ctxOf(c)), 200, noStore));
