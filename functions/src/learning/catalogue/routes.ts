import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, json, security } from '../../platform/http/contract';
import { CatalogueQuerySchema, CatalogueResultSchema, ManagedModuleSchema, ModuleDetailSchema, ModuleInputSchema, ModuleSchema, ModuleUpdateSchema } from '../schemas';
import { ctxOf } from '../shared/context';
import { errors, Id } from '../shared/contract';
import * as svc from './service';

// ---- /api/modules: searching the catalogue, a module's page, drafting and publishing -------------
const modules = {
  catalogue: createRoute({
    method: 'get',
    path: '/',
    tags: ['Academie'],
    summary: 'Aanbod doorzoeken en filteren (zichtbaar volgens wie mag inschrijven)',
    request: { query: CatalogueQuerySchema },
    responses: { 200: json(CatalogueResultSchema, 'Modules, aantal en facetten'), 400: errors[400] },
  }),
  module: createRoute({ method: 'get', path: '/{id}', tags: ['Academie'], summary: 'Module met sessies en mijn status', request: { params: z.object({ id: Id }) }, responses: { 200: json(ModuleDetailSchema, 'Module'), 401: errors[401], 404: errors[404] } }),
  create: createRoute({ method: 'post', path: '/', tags: ['Academie'], security, summary: 'Module aanmaken (academie)', request: body(ModuleInputSchema), responses: { 201: json(ModuleSchema, 'Module'), ...errors } }),
  update: createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['Academie'],
    security,
    summary: 'Module wijzigen (optimistisch via expectedRev); status archived archiveert',
    request: { params: z.object({ id: Id }), ...body(ModuleUpdateSchema) },
    responses: { 200: json(ModuleSchema, 'Module'), ...errors },
  }),
};

// ---- /api/academy: managing every module --------------------------------------------------------
const manage = createRoute({ method: 'get', path: '/modules', tags: ['Academie'], security, summary: 'Alle modules, ook concepten en gearchiveerde (academie)', responses: { 200: json(z.array(ManagedModuleSchema), 'Modules'), ...errors } });

/** The catalogue's routers, by the base path app.ts mounts them at (see ../index.ts). */
export const routes = {
  modules: newRouter()
    .openapi(modules.catalogue, async (c) => c.json(await svc.searchCatalogue(ctxOf(c), c.req.valid('query')), 200))
    .openapi(modules.module, async (c) => c.json(await svc.moduleDetail(ctxOf(c), c.req.valid('param').id), 200))
    .openapi(modules.create, async (c) => c.json(await svc.createModule(ctxOf(c), c.req.valid('json')), 201))
    .openapi(modules.update, async (c) => {
      const { expectedRev, ...input } = c.req.valid('json');
      return c.json(await svc.updateModule(ctxOf(c), c.req.valid('param').id, expectedRev, input), 200);
    }),
  academy: newRouter().openapi(manage, async (c) => c.json(await svc.manageModules(ctxOf(c)), 200)),
};
