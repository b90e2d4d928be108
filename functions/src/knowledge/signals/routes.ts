import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../../platform/http/contract';
import { limitPerUser } from '../../platform/http/rate-limit';
import * as svc from './service';
import { knowledgeCtx } from '../articles/routes';
import { AnswerSchema, SignalInputSchema, SignalSchema } from '../schemas';

const tags = ['Signalen'];
const errors = commonProblems;

const create = createRoute({
  method: 'post',
  path: '/by-slug/{slug}/signals',
  middleware: limitPerUser('signals'),
  tags,
  security,
  summary: 'Nuttig / niet nuttig, eventueel met opmerking of vraag',
  request: { params: z.object({ slug: z.string().min(1).max(120) }), ...body(SignalInputSchema) },
  responses: { 201: json(SignalSchema, 'Signaal'), ...errors },
});
const answer = createRoute({
  method: 'post',
  path: '/{id}/signals/{signalId}/answer',
  tags,
  security,
  summary: 'Beantwoorden en sluiten (auteurs en leidend experts van het netwerk)',
  request: {
    params: z.object({ id: z.string().min(1).max(80), signalId: z.string().min(1).max(80) }),
    ...body(AnswerSchema),
  },
  responses: { 200: json(SignalSchema, 'Beantwoord'), ...errors, 409: problemResponse('Al beantwoord') },
});
const mine = createRoute({
  method: 'get',
  path: '/signals',
  tags,
  security,
  summary: 'Mijn signalen en wat ermee gebeurde',
  responses: { 200: json(z.array(SignalSchema), 'Nieuwste eerst'), 401: errors[401] },
});

/** Under `/api/articles`: a reader's signal on an article, and its answer. */
export const articleSignalRoutes = newRouter()
  .openapi(create, async (c) => c.json(await svc.createSignal(knowledgeCtx(c), c.req.valid('param').slug, c.req.valid('json')), 201))
  .openapi(answer, async (c) => {
    const { id, signalId } = c.req.valid('param');
    return c.json(await svc.answer(knowledgeCtx(c), id, signalId, c.req.valid('json').answer), 200);
  });

/** Under `/api/me`: my signals. */
export const mySignalRoutes = newRouter().openapi(mine, async (c) => c.json(await svc.mySignals(knowledgeCtx(c)), 200));
