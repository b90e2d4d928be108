import { createRoute, z } from '@hono/zod-openapi';
import { newRouter, type AppContext } from '../platform/http/router';
import { Problem } from '../platform/http/problem';
import { body, commonProblems, json, optionalBody, problemResponse, security } from '../platform/http/contract';
import { fieldErrors } from '../platform/http/errors';
import {
  AttendanceInputSchema,
  AttendanceSchema,
  CancellationSchema,
  CapacityInputSchema,
  CatalogueQuerySchema,
  CatalogueResultSchema,
  CompletionReportSchema,
  CompletionSchema,
  EnrolmentSchema,
  EvaluationInputSchema,
  EvaluationSchema,
  EvaluationSummarySchema,
  HandInSchema,
  ManagedModuleSchema,
  ModuleDetailSchema,
  ModuleEnrolmentSchema,
  ModuleInputSchema,
  ModuleSchema,
  ModuleUpdateSchema,
  MyLearningSchema,
  MyPathStateSchema,
  ParticipantListSchema,
  PathDetailSchema,
  PathInputSchema,
  PathSummarySchema,
  PublishedPathSchema,
  ReviewInputSchema,
  ReviewResultSchema,
  SessionInputSchema,
  SessionSchema,
  SubmissionSchema,
  TrainerSessionSchema,
  WaitingSubmissionSchema,
} from './schemas';
import * as svc from './service';
import { sessionIcs } from './domain/calendar';

/**
 * The academy's resources, one router each with paths relative to its base (app.ts mounts them;
 * see ./index.ts): `/api/modules`, `/api/sessions`, `/api/paths`, `/api/trainer`, `/api/academy`,
 * `/api/evaluations`, and `/learning` in `/api/me`. Learner files are in ./files/routes.ts.
 */
const ctxOf = (c: AppContext): svc.LearningCtx => ({ store: c.get('deps').store, principal: c.get('principal') });
const errors = { ...commonProblems, 409: problemResponse('Conflict: dubbel, vol, begonnen of gewijzigd') };
const Id = z.string().min(1).max(80);

// ---- /api/modules ---------------------------------------------------------------------------------
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
  complete: createRoute({
    method: 'post',
    path: '/{id}/complete',
    tags: ['Leren'],
    security,
    summary: 'Lees- of externe module afronden (extern met bewijs)',
    request: { params: z.object({ id: Id }), ...optionalBody(CompletionReportSchema) },
    responses: { 200: json(CompletionSchema, 'Afgerond'), ...errors, 422: problemResponse('Deze vorm rond je anders af') },
  }),
  submission: createRoute({
    method: 'post',
    path: '/{id}/submission',
    tags: ['Leren'],
    security,
    summary: 'Opdracht inleveren',
    request: { params: z.object({ id: Id }), ...body(HandInSchema) },
    responses: { 200: json(SubmissionSchema, 'Ingeleverd'), ...errors, 422: problemResponse('Geen opdracht') },
  }),
  review: createRoute({
    method: 'post',
    path: '/{id}/submission/{userId}/review',
    tags: ['Trainer'],
    security,
    summary: 'Opdracht goedkeuren of teruggeven met feedback',
    request: { params: z.object({ id: Id, userId: Id }), ...body(ReviewInputSchema) },
    responses: { 200: json(ReviewResultSchema, 'Beoordeeld'), ...errors },
  }),
  plan: createRoute({ method: 'post', path: '/{id}/sessions', tags: ['Academie'], security, summary: 'Sessie plannen', request: { params: z.object({ id: Id }), ...body(SessionInputSchema) }, responses: { 201: json(SessionSchema, 'Sessie'), ...errors, 422: problemResponse('Deze vorm heeft geen sessies') } }),
  enrol: createRoute({
    method: 'post',
    path: '/{id}/enrol',
    tags: ['Leren'],
    security,
    summary: 'Inschrijven voor een module zonder sessies (e-learning, lezen, opdracht, extern)',
    request: { params: z.object({ id: Id }) },
    responses: { 201: json(ModuleEnrolmentSchema, 'Ingeschreven'), ...errors, 422: problemResponse('Schrijf je in voor een sessie') },
  }),
};

export const moduleRoutes = newRouter()
  .openapi(modules.catalogue, async (c) => c.json(await svc.searchCatalogue(ctxOf(c), c.req.valid('query')), 200))
  .openapi(modules.module, async (c) => c.json(await svc.moduleDetail(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(modules.create, async (c) => c.json(await svc.createModule(ctxOf(c), c.req.valid('json')), 201))
  .openapi(modules.update, async (c) => {
    const { expectedRev, ...input } = c.req.valid('json');
    return c.json(await svc.updateModule(ctxOf(c), c.req.valid('param').id, expectedRev, input), 200);
  })
  .openapi(modules.complete, async (c) => {
    // The body is optional (reading needs none), so it is validated here rather than by the route.
    const parsed = CompletionReportSchema.safeParse(await c.req.json().catch(() => ({})));
    if (!parsed.success) throw new Problem('validation', 'Controleer de gemarkeerde velden.', { errors: fieldErrors(parsed.error) });
    return c.json(await svc.selfComplete(ctxOf(c), c.req.valid('param').id, parsed.data.evidence, parsed.data.files), 200);
  })
  .openapi(modules.submission, async (c) => c.json(await svc.submitAssignment(ctxOf(c), c.req.valid('param').id, c.req.valid('json').text, c.req.valid('json').files), 200))
  .openapi(modules.review, async (c) => {
    const { id, userId } = c.req.valid('param');
    const { decision, feedback, submittedAt } = c.req.valid('json');
    return c.json(await svc.reviewAssignment(ctxOf(c), id, userId, decision, feedback, submittedAt), 200);
  })
  .openapi(modules.plan, async (c) => c.json(await svc.createSession(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(modules.enrol, async (c) => c.json(await svc.enrolInModule(ctxOf(c), c.req.valid('param').id), 201));

// ---- /api/sessions --------------------------------------------------------------------------------
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

export const sessionRoutes = newRouter()
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
  });

// ---- /api/paths -----------------------------------------------------------------------------------
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

export const pathRoutes = newRouter()
  .openapi(paths.list, async (c) => c.json(await svc.listPaths(ctxOf(c)), 200))
  .openapi(paths.one, async (c) => c.json(await svc.pathDetail(ctxOf(c), c.req.valid('param').id, c.req.valid('query').version), 200))
  .openapi(paths.publish, async (c) => c.json(await svc.publishPath(ctxOf(c), c.req.valid('json')), 201))
  .openapi(paths.republish, async (c) => c.json(await svc.publishPath(ctxOf(c), c.req.valid('json'), { existingId: c.req.valid('param').id }), 201))
  .openapi(paths.enrol, async (c) => c.json(await svc.enrolInPath(ctxOf(c), c.req.valid('param').id), 201))
  .openapi(paths.migrate, async (c) => c.json(await svc.migrateToLatest(ctxOf(c), c.req.valid('param').id), 200));

// ---- /api/trainer ---------------------------------------------------------------------------------
const trainer = {
  submissions: createRoute({ method: 'get', path: '/submissions', tags: ['Trainer'], security, summary: 'Ingeleverde opdrachten die wachten op beoordeling, oudste eerst', responses: { 200: json(z.array(WaitingSubmissionSchema), 'Opdrachten'), ...errors } }),
  sessions: createRoute({ method: 'get', path: '/sessions', tags: ['Trainer'], security, summary: 'Mijn sessies als trainer', responses: { 200: json(z.array(TrainerSessionSchema), 'Sessies'), ...errors } }),
};

export const trainerRoutes = newRouter()
  .openapi(trainer.submissions, async (c) => c.json(await svc.pendingSubmissions(ctxOf(c)), 200))
  .openapi(trainer.sessions, async (c) => c.json(await svc.sessionsOfTrainer(ctxOf(c)), 200));

// ---- /api/academy ---------------------------------------------------------------------------------
const manage = createRoute({ method: 'get', path: '/modules', tags: ['Academie'], security, summary: 'Alle modules, ook concepten en gearchiveerde (academie)', responses: { 200: json(z.array(ManagedModuleSchema), 'Modules'), ...errors } });

export const academyRoutes = newRouter().openapi(manage, async (c) => c.json(await svc.manageModules(ctxOf(c)), 200));

// ---- /api/evaluations -----------------------------------------------------------------------------
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

export const evaluationRoutes = newRouter()
  .openapi(evaluations.evaluate, async (c) => c.json(await svc.evaluate(ctxOf(c), c.req.valid('json')), 201))
  .openapi(evaluations.results, async (c) => c.json(await svc.evaluationResults(ctxOf(c), c.req.valid('param').targetType, c.req.valid('param').targetId), 200));

// ---- /api/me --------------------------------------------------------------------------------------
const myLearning = createRoute({ method: 'get', path: '/learning', tags: ['Leren'], security, summary: 'Mijn leren: leerpaden, sessies, opdrachten, afgerond, accreditatie', responses: { 200: json(MyLearningSchema, 'Overzicht'), 401: errors[401] } });

export const myLearningRoutes = newRouter().openapi(myLearning, async (c) => c.json(await svc.myLearning(ctxOf(c)), 200));
