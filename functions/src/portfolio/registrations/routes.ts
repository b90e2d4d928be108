import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../../platform/http/contract';
import { ctxOf } from '../context';
import { DeletedSchema, RegisterIdSchema, RegisterProgressSchema, RegistrationInputSchema, RegistrationSchema, RegistrationUpdateSchema } from '../schemas';
import { myProgress } from './progress';
import * as svc from './service';

const tags = ['Portfolio'];
const registerParam = z.object({ registerId: RegisterIdSchema });

const list = createRoute({ method: 'get', path: '/portfolio/registrations', tags, security, summary: 'Mijn registraties (registers, registratienummer, cyclusstart, delen met teamleider)', responses: { 200: json(z.array(RegistrationSchema), 'Registraties'), ...commonProblems } });
const add = createRoute({
  method: 'post',
  path: '/portfolio/registrations',
  tags,
  security,
  summary: 'Registratie toevoegen; het registratienummer moet bij het register passen (bijv. BIG: 11 cijfers)',
  request: body(RegistrationInputSchema),
  responses: { 201: json(RegistrationSchema, 'Registratie'), ...commonProblems, 409: problemResponse('Al geregistreerd bij dit register'), 422: problemResponse('Ongeldig registratienummer of onbekend register') },
});
const edit = createRoute({
  method: 'put',
  path: '/portfolio/registrations/{registerId}',
  tags,
  security,
  summary: 'Registratie wijzigen (optimistisch via rev)',
  request: { params: registerParam, ...body(RegistrationUpdateSchema) },
  responses: { 200: json(RegistrationSchema, 'Registratie'), ...commonProblems, 409: problemResponse('Intussen gewijzigd'), 422: problemResponse('Ongeldig registratienummer') },
});
const remove = createRoute({ method: 'delete', path: '/portfolio/registrations/{registerId}', tags, security, summary: 'Registratie verwijderen (de activiteiten blijven)', request: { params: registerParam }, responses: { 200: json(DeletedSchema, 'Verwijderd'), ...commonProblems } });
const progress = createRoute({
  method: 'get',
  path: '/portfolio/registers',
  tags,
  security,
  summary: 'Voortgang per registratie: behaald, vereist, ontbrekend, dagen tot het einde van de cyclus, en modules die het tekort aanvullen',
  responses: { 200: json(z.array(RegisterProgressSchema), 'Voortgang'), ...commonProblems },
});

/** In `/api/me`: my registrations and my progress per register. */
export const registrationRoutes = newRouter()
  .openapi(list, async (c) => c.json(await svc.myRegistrations(ctxOf(c)), 200))
  .openapi(add, async (c) => c.json(await svc.addRegistration(ctxOf(c), c.req.valid('json')), 201))
  .openapi(edit, async (c) => c.json(await svc.updateRegistration(ctxOf(c), c.req.valid('param').registerId, c.req.valid('json')), 200))
  .openapi(remove, async (c) => c.json(await svc.removeRegistration(ctxOf(c), c.req.valid('param').registerId), 200))
  .openapi(progress, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await myProgress(ctxOf(c)), 200);
  });
