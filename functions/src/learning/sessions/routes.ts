import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, json, problemResponse, security } from '../../platform/http/contract';
import { AttendanceInputSchema, AttendanceSchema, CancellationSchema, CapacityInputSchema, EnrolmentSchema, ParticipantListSchema, SessionInputSchema, SessionSchema, TrainerSessionSchema } from '../schemas';
import { ctxOf } from '../shared/context';
import { errors, Id } from '../shared/contract';
import { sessionIcs } from '../domain/calendar';
import * as svc from './service';

// ---- /api/modules: planning a session of a module ------------------------------------------------
const plan = createRoute({ method: 'post', path: '/{id}/sessions', tags: ['Academie'], security, summary: 'Sessie plannen', request: { params: z.object({ id: Id }), ...body(SessionInputSchema) }, responses: { 201: json(SessionSchema, 'Sessie'), ...errors, 422: problemResponse('Deze vorm heeft geen sessies') } });

// ---- /api/sessions: capacity, seats and waitlist, participants, attendance, invitation -----------
const sessions = {
  capacity: createRoute({
    method: 'patch',
    path: '/{id}',
    tags: ['Academie'],
    security,
    summary: 'Capaciteit wijzigen (nooit lager dan het aantal ingeschrevenen; extra plaatsen gaan naar de wachtlijst)',
    request: { params: z.object({ id: Id }), ...body(CapacityInputSchema) },
    responses: { 200: json(SessionSchema, 'Sessie'), ...errors },
  }),
  enrol: createRoute({ method: 'post', path: '/{id}/enrolment', tags: ['Leren'], security, summary: 'Inschrijven (bij een volle sessie: wachtlijst)', request: { params: z.object({ id: Id }) }, responses: { 201: json(EnrolmentSchema, 'Ingeschreven of op de wachtlijst'), ...errors } }),
  cancel: createRoute({ method: 'delete', path: '/{id}/enrolment', tags: ['Leren'], security, summary: 'Uitschrijven (de eerste op de wachtlijst schuift door)', request: { params: z.object({ id: Id }) }, responses: { 200: json(CancellationSchema, 'Uitgeschreven'), ...errors } }),
  participants: createRoute({ method: 'get', path: '/{id}/participants', tags: ['Trainer'], security, summary: 'Deelnemers en wachtlijst', request: { params: z.object({ id: Id }) }, responses: { 200: json(ParticipantListSchema, 'Deelnemers'), ...errors } }),
  attendance: createRoute({
    method: 'put',
    path: '/{id}/attendance/{userId}',
    tags: ['Trainer'],
    security,
    summary: 'Aanwezigheid registreren (aanwezig rondt de stap af)',
    request: { params: z.object({ id: Id, userId: Id }), ...body(AttendanceInputSchema) },
    responses: { 200: json(AttendanceSchema, 'Deelnemer'), ...errors },
  }),
  ics: createRoute({ method: 'get', path: '/{id}/invite.ics', tags: ['Leren'], security, summary: 'Agenda-uitnodiging (iCalendar, Europe/Amsterdam)', request: { params: z.object({ id: Id }) }, responses: { 200: { description: 'text/calendar' }, ...errors } }),
};

// ---- /api/trainer: my sessions as a trainer ------------------------------------------------------
const mine = createRoute({ method: 'get', path: '/sessions', tags: ['Trainer'], security, summary: 'Mijn sessies als trainer', responses: { 200: json(z.array(TrainerSessionSchema), 'Sessies'), ...errors } });

/** The sessions' routers, by the base path app.ts mounts them at (see ../index.ts). */
export const routes = {
  modules: newRouter().openapi(plan, async (c) => c.json(await svc.createSession(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201)),
  sessions: newRouter()
    .openapi(sessions.capacity, async (c) => c.json(await svc.changeCapacity(ctxOf(c), c.req.valid('param').id, c.req.valid('json').capacity), 200))
    .openapi(sessions.enrol, async (c) => c.json(await svc.enrol(ctxOf(c), c.req.valid('param').id), 201))
    .openapi(sessions.cancel, async (c) => c.json(await svc.cancel(ctxOf(c), c.req.valid('param').id), 200))
    .openapi(sessions.participants, async (c) => c.json(await svc.participants(ctxOf(c), c.req.valid('param').id), 200))
    .openapi(sessions.attendance, async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await svc.registerAttendance(ctxOf(c), id, userId, c.req.valid('json').present), 200);
    })
    .openapi(sessions.ics, async (c) => {
      const s = await svc.sessionForCalendar(ctxOf(c), c.req.valid('param').id);
      const ics = sessionIcs({ id: s.id, title: s.moduleTitle, start: s.start, end: s.end, location: s.location, meetingUrl: s.meetingUrl }, { method: 'PUBLISH' });
      return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${s.id}.ics"`, 'cache-control': 'private, no-store' }) as never;
    }),
  trainer: newRouter().openapi(mine, async (c) => c.json(await svc.sessionsOfTrainer(ctxOf(c)), 200)),
};
