import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, json, problemResponse, security } from '../../platform/http/contract';
import { HandInSchema, ReviewInputSchema, ReviewResultSchema, SubmissionSchema, WaitingSubmissionSchema } from '../schemas';
import { ctxOf } from '../shared/context';
import { errors, Id } from '../shared/contract';
import * as svc from './service';

// ---- /api/modules: handing in and reviewing ------------------------------------------------------
const submission = createRoute({
  method: 'post',
  path: '/{id}/submission',
  tags: ['Leren'],
  security,
  summary: 'Opdracht inleveren',
  request: { params: z.object({ id: Id }), ...body(HandInSchema) },
  responses: { 200: json(SubmissionSchema, 'Ingeleverd'), ...errors, 422: problemResponse('Geen opdracht') },
});
const review = createRoute({
  method: 'post',
  path: '/{id}/submission/{userId}/review',
  tags: ['Trainer'],
  security,
  summary: 'Opdracht goedkeuren of teruggeven met feedback',
  request: { params: z.object({ id: Id, userId: Id }), ...body(ReviewInputSchema) },
  responses: { 200: json(ReviewResultSchema, 'Beoordeeld'), ...errors },
});

// ---- /api/trainer: the review queue --------------------------------------------------------------
const waiting = createRoute({ method: 'get', path: '/submissions', tags: ['Trainer'], security, summary: 'Ingeleverde opdrachten die wachten op beoordeling, oudste eerst', responses: { 200: json(z.array(WaitingSubmissionSchema), 'Opdrachten'), ...errors } });

/** The assignments' routers, by the base path app.ts mounts them at (see ../index.ts). */
export const routes = {
  modules: newRouter()
    .openapi(submission, async (c) => c.json(await svc.submitAssignment(ctxOf(c), c.req.valid('param').id, c.req.valid('json').text, c.req.valid('json').files), 200))
    .openapi(review, async (c) => {
      const { id, userId } = c.req.valid('param');
      const { decision, feedback, submittedAt } = c.req.valid('json');
      return c.json(await svc.reviewAssignment(ctxOf(c), id, userId, decision, feedback, submittedAt), 200);
    }),
  trainer: newRouter().openapi(waiting, async (c) => c.json(await svc.pendingSubmissions(ctxOf(c)), 200)),
};
