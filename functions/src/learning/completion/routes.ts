import { createRoute, z } from '@hono/zod-openapi';
import { checkFields, newRouter } from '../../platform/http/router';
import { Problem } from '../../platform/http/problem';
import { json, optionalBody, problemResponse, security } from '../../platform/http/contract';
import { fieldErrors } from '../../platform/http/errors';
import { CompletionReportSchema, CompletionSchema, ModuleEnrolmentSchema } from '../schemas';
import { ctxOf } from '../shared/context';
import { errors, Id } from '../shared/contract';
import * as svc from './service';

// ---- /api/modules: joining a module without sessions, completing it yourself ---------------------
const complete = createRoute({
  method: 'post',
  path: '/{id}/complete',
  tags: ['Leren'],
  security,
  summary: 'Lees- of externe module afronden (extern met bewijs)',
  request: { params: z.object({ id: Id }), ...optionalBody(CompletionReportSchema) },
  responses: { 200: json(CompletionSchema, 'Afgerond'), ...errors, 422: problemResponse('Deze vorm rond je anders af') },
});
const enrol = createRoute({
  method: 'post',
  path: '/{id}/enrol',
  tags: ['Leren'],
  security,
  summary: 'Inschrijven voor een module zonder sessies (e-learning, lezen, opdracht, extern)',
  request: { params: z.object({ id: Id }) },
  responses: { 201: json(ModuleEnrolmentSchema, 'Ingeschreven'), ...errors, 422: problemResponse('Schrijf je in voor een sessie') },
});

/** Completion's routers, by the base path app.ts mounts them at (see ../index.ts). */
export const routes = {
  modules: newRouter()
    .openapi(complete, async (c) => {
      // The body is optional (reading needs none), so it is validated here rather than by the route.
      const parsed = CompletionReportSchema.safeParse(await c.req.json().catch(() => ({})));
      if (!parsed.success) throw new Problem('validation', checkFields, { errors: fieldErrors(parsed.error) });
      return c.json(await svc.selfComplete(ctxOf(c), c.req.valid('param').id, parsed.data.evidence, parsed.data.files), 200);
    })
    .openapi(enrol, async (c) => c.json(await svc.enrolInModule(ctxOf(c), c.req.valid('param').id), 201)),
};
