import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, json, security } from '../../platform/http/contract';
import { EvaluationInputSchema, EvaluationSchema, EvaluationSummarySchema } from '../schemas';
import { ctxOf } from '../shared/context';
import { errors, Id } from '../shared/contract';
import * as svc from './service';

// ---- /api/evaluations ----------------------------------------------------------------------------
const evaluations = {
  evaluate: createRoute({
    method: 'post',
    path: '/',
    tags: ['Evaluatie'],
    security,
    summary: 'Evaluatie na afronden (1–5 en open vragen)',
    request: body(EvaluationInputSchema),
    responses: { 201: json(EvaluationSchema, 'Opgeslagen'), ...errors },
  }),
  results: createRoute({
    method: 'get',
    path: '/{targetType}/{targetId}',
    tags: ['Evaluatie'],
    security,
    summary: 'Geaggregeerde evaluaties (academie en trainers)',
    request: { params: z.object({ targetType: z.enum(['module', 'path']), targetId: Id }) },
    responses: { 200: json(EvaluationSummarySchema, 'Resultaten'), ...errors },
  }),
};

/** The evaluations' router, by the base path app.ts mounts it at (see ../index.ts). */
export const routes = {
  evaluations: newRouter()
    .openapi(evaluations.evaluate, async (c) => c.json(await svc.evaluate(ctxOf(c), c.req.valid('json')), 201))
    .openapi(evaluations.results, async (c) => c.json(await svc.evaluationResults(ctxOf(c), c.req.valid('param').targetType, c.req.valid('param').targetId), 200)),
};
