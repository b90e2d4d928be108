import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../../platform/http/contract';
import { ctxOf } from '../context';
import { RegisterIdSchema, RegisterInputSchema, RegisterSchema, RegisterUpdateSchema } from '../schemas';
import * as svc from './service';

const tags = ['Portfolio'];

const list = createRoute({ method: 'get', path: '/', tags, security, summary: 'Alle beroepsregisters met hun regels (medewerkers)', responses: { 200: json(z.array(RegisterSchema), 'Registers'), ...commonProblems } });
const one = createRoute({ method: 'get', path: '/{id}', tags, security, summary: 'Eén register', request: { params: z.object({ id: RegisterIdSchema }) }, responses: { 200: json(RegisterSchema, 'Register'), ...commonProblems } });
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Register aanmaken (academie); de naam is wat modules in hun accreditatie noemen en ligt daarna vast',
  request: body(RegisterInputSchema),
  responses: { 201: json(RegisterSchema, 'Register'), ...commonProblems, 409: problemResponse('Id of naam al in gebruik') },
});
const update = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  security,
  summary: 'Regels van een register wijzigen (academie; optimistisch via rev); ieders totalen volgen direct',
  request: { params: z.object({ id: RegisterIdSchema }), ...body(RegisterUpdateSchema) },
  responses: { 200: json(RegisterSchema, 'Register'), ...commonProblems, 409: problemResponse('Intussen gewijzigd') },
});

/** At `/api/registers`. */
export const registerRoutes = newRouter()
  .openapi(list, async (c) => c.json(await svc.listRegisters(ctxOf(c)), 200))
  .openapi(one, async (c) => c.json(await svc.getRegister(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await svc.createRegister(ctxOf(c), c.req.valid('json')), 201))
  .openapi(update, async (c) => c.json(await svc.updateRegister(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));
