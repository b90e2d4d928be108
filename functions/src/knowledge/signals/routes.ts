import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { problemResponse } from '../../platform/http/problem';
import * as svc from './service';
import { knowledgeCtx } from '../articles/routes';
import { AnswerSchema, SignalInputSchema, SignalSchema } from '../schemas';

const tags = ['Signalen'];
const security = [{ bearer: [] }];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: problemResponse('Ongeldige invoer'), 401: problemResponse('Niet aangemeld'), 403: problemResponse('Geen rechten'), 404: problemResponse('Niet gevonden') };

const create = createRoute({
  method: 'post',
  path: '/api/articles/by-slug/{slug}/signals',
  tags,
  security,
  summary: 'Nuttig / niet nuttig, eventueel met opmerking of vraag',
  request: { params: z.object({ slug: z.string().min(1).max(120) }), body: { required: true, content: { 'application/json': { schema: SignalInputSchema } } } },
  responses: { 201: json(SignalSchema, 'Signaal'), ...errors },
});
const mine = createRoute({
  method: 'get',
  path: '/api/me/signals',
  tags,
  security,
  summary: 'Mijn signalen en wat ermee gebeurde',
  responses: { 200: json(z.array(SignalSchema), 'Nieuwste eerst'), 401: errors[401] },
});
const answer = createRoute({
  method: 'post',
  path: '/api/articles/{id}/signals/{signalId}/answer',
  tags,
  security,
  summary: 'Beantwoorden en sluiten (auteurs en leidend experts van het netwerk)',
  request: {
    params: z.object({ id: z.string().min(1).max(80), signalId: z.string().min(1).max(80) }),
    body: { required: true, content: { 'application/json': { schema: AnswerSchema } } },
  },
  responses: { 200: json(SignalSchema, 'Beantwoord'), ...errors, 409: problemResponse('Al beantwoord') },
});

export const signalRoutes = newRouter()
  .openapi(create, async (c) => c.json(await svc.createSignal(knowledgeCtx(c), c.req.valid('param').slug, c.req.valid('json')), 201))
  .openapi(mine, async (c) => c.json(await svc.mySignals(knowledgeCtx(c)), 200))
  .openapi(answer, async (c) => {
    const { id, signalId } = c.req.valid('param');
    return c.json(await svc.answer(knowledgeCtx(c), id, signalId, c.req.valid('json').answer), 200);
  });
