import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, json, security } from '../../platform/http/contract';
import { MyPathStateSchema, PathDetailSchema, PathInputSchema, PathSummarySchema, PublishedPathSchema } from '../schemas';
import { ctxOf } from '../shared/context';
import { errors, Id } from '../shared/contract';
import * as svc from './service';

// ---- /api/paths ----------------------------------------------------------------------------------
const paths = {
  list: createRoute({ method: 'get', path: '/', tags: ['Leerpaden'], summary: 'Gepubliceerde leerpaden', responses: { 200: json(z.array(PathSummarySchema), 'Leerpaden') } }),
  one: createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Leerpaden'],
    summary: 'Leerpad met stappen (en mijn voortgang); standaard de versie waarop ik ingeschreven ben, ?version=latest voor de nieuwste',
    request: { params: z.object({ id: Id }), query: z.object({ version: z.union([z.literal('latest'), z.coerce.number().int().positive()]).optional() }) },
    responses: { 200: json(PathDetailSchema, 'Leerpad'), 404: errors[404] },
  }),
  publish: createRoute({ method: 'post', path: '/', tags: ['Leerpaden'], security, summary: 'Nieuw leerpad publiceren (versie 1)', request: body(PathInputSchema), responses: { 201: json(PublishedPathSchema, 'Gepubliceerd'), ...errors } }),
  republish: createRoute({
    method: 'post',
    path: '/{id}/versions',
    tags: ['Leerpaden'],
    security,
    summary: 'Nieuwe versie publiceren; ingeschreven deelnemers blijven op hun versie tot ze migreren',
    request: { params: z.object({ id: Id }), ...body(PathInputSchema) },
    responses: { 201: json(PublishedPathSchema, 'Gepubliceerd'), ...errors },
  }),
  enrol: createRoute({ method: 'post', path: '/{id}/enrol', tags: ['Leerpaden'], security, summary: 'Inschrijven voor een leerpad (op de actuele versie)', request: { params: z.object({ id: Id }) }, responses: { 201: json(MyPathStateSchema, 'Mijn voortgang'), ...errors } }),
  migrate: createRoute({ method: 'post', path: '/{id}/migrate', tags: ['Leerpaden'], security, summary: 'Overstappen naar de nieuwste versie (afgeronde modules tellen mee)', request: { params: z.object({ id: Id }) }, responses: { 200: json(MyPathStateSchema, 'Mijn voortgang'), ...errors } }),
};

/** The paths' router, by the base path app.ts mounts it at (see ../index.ts). */
export const routes = {
  paths: newRouter()
    .openapi(paths.list, async (c) => c.json(await svc.listPaths(ctxOf(c)), 200))
    .openapi(paths.one, async (c) => c.json(await svc.pathDetail(ctxOf(c), c.req.valid('param').id, c.req.valid('query').version), 200))
    .openapi(paths.publish, async (c) => c.json(await svc.publishPath(ctxOf(c), c.req.valid('json')), 201))
    .openapi(paths.republish, async (c) => c.json(await svc.publishPath(ctxOf(c), c.req.valid('json'), { existingId: c.req.valid('param').id }), 201))
    .openapi(paths.enrol, async (c) => c.json(await svc.enrolInPath(ctxOf(c), c.req.valid('param').id), 201))
    .openapi(paths.migrate, async (c) => c.json(await svc.migrateToLatest(ctxOf(c), c.req.valid('param').id), 200)),
};
