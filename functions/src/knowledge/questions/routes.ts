import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../../platform/http/contract';
import { knowledgeCtx } from '../articles/routes';
import { AnswerQuestionSchema, AskQuestionSchema, DraftFromQuestionSchema, NetworkQuestionsSchema, QuestionSchema } from './schemas';
import * as svc from './service';

const tags = ['Consultatievragen'];
const Id = z.string().min(1).max(80);
const errors = { ...commonProblems, 409: problemResponse('Al beantwoord, of al een concept-artikel (met articleId)'), 422: problemResponse('Bevat gegevens waarmee een cliënt herkenbaar is (BSN, geboortedatum, telefoon, e-mail, adres): met waar') };

const list = createRoute({
  method: 'get',
  path: '/{id}/questions',
  tags,
  security,
  summary: 'De vragen aan een netwerk (open en beantwoord) die de aanvrager mag lezen, nieuwste eerst',
  request: { params: z.object({ id: Id }) },
  responses: { 200: json(NetworkQuestionsSchema, 'Vragen, en of de aanvrager een vraag mag stellen'), ...commonProblems },
});
const ask = createRoute({
  method: 'post',
  path: '/{id}/questions',
  tags,
  security,
  summary: 'Een vraag stellen aan het netwerk (leden); zonder gegevens waarmee een cliënt herkenbaar is',
  request: { params: z.object({ id: Id }), ...body(AskQuestionSchema) },
  responses: { 201: json(QuestionSchema, 'De vraag'), ...errors },
});
const answer = createRoute({
  method: 'post',
  path: '/{id}/questions/{qid}/answer',
  tags,
  security,
  summary: 'Een vraag beantwoorden (leidend experts en auteurs van het netwerk)',
  request: { params: z.object({ id: Id, qid: Id }), ...body(AnswerQuestionSchema) },
  responses: { 200: json(QuestionSchema, 'De beantwoorde vraag'), ...errors },
});
const draft = createRoute({
  method: 'post',
  path: '/{id}/questions/{qid}/draft-article',
  tags,
  security,
  summary: 'Van een beantwoorde vraag een concept-artikel van het netwerk maken, gekoppeld aan de vraag (één keer)',
  request: { params: z.object({ id: Id, qid: Id }) },
  responses: { 201: json(DraftFromQuestionSchema, 'De vraag met articleId, en het concept'), ...errors },
});
const one = createRoute({
  method: 'get',
  path: '/{qid}',
  tags,
  security,
  summary: 'Eén vraag met het antwoord (wie hem mag lezen)',
  request: { params: z.object({ qid: Id }) },
  responses: { 200: json(QuestionSchema, 'De vraag'), ...commonProblems },
});
const mine = createRoute({
  method: 'get',
  path: '/questions',
  tags,
  security,
  summary: 'Mijn vragen aan netwerken en hun antwoorden, nieuwste eerst',
  responses: { 200: json(z.array(QuestionSchema), 'Mijn vragen'), ...commonProblems },
});

/** Under `/api/networks`: a network's questions. */
export const networkQuestionRoutes = newRouter()
  .openapi(list, async (c) => c.json(await svc.listForNetwork(knowledgeCtx(c), c.req.valid('param').id), 200))
  .openapi(ask, async (c) => c.json(await svc.ask(knowledgeCtx(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(answer, async (c) => {
    const { id, qid } = c.req.valid('param');
    return c.json(await svc.answer(knowledgeCtx(c), id, qid, c.req.valid('json').answer), 200);
  })
  .openapi(draft, async (c) => {
    const { id, qid } = c.req.valid('param');
    return c.json(await svc.draftArticle(knowledgeCtx(c), id, qid), 201);
  });

/** Under `/api/questions`: one question. */
export const questionRoutes = newRouter().openapi(one, async (c) => c.json(await svc.getOne(knowledgeCtx(c), c.req.valid('param').qid), 200));

/** Under `/api/me`: my questions. */
export const myQuestionRoutes = newRouter().openapi(mine, async (c) => c.json(await svc.mine(knowledgeCtx(c)), 200));
