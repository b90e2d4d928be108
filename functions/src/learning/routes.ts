import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { newRouter } from '../platform/http/router';
import type { AppEnv } from '../platform/http/context';
import { Problem, problemResponse } from '../platform/http/problem';
import { fieldErrors } from '../platform/http/errors';
import { LearnerFileSchema } from './files/routes';
import { AttendanceSchema, CatalogueResultSchema, EvaluationSchema, EvaluationSummarySchema, ReviewResultSchema, ModuleDetailSchema, ModuleSchema, MyLearningSchema, SubmissionSchema, MyPathStateSchema, ParticipantListSchema, PathDetailSchema, PathSummarySchema, SessionSchema, TrainerSessionSchema } from './schemas';
import * as svc from './service';
import { sessionIcs } from './domain/calendar';
import { moduleKinds } from './domain/types';

const ctxOf = (c: Context<AppEnv>): svc.LearningCtx => ({ store: c.get('deps').store, principal: c.get('principal') });
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const security = [{ bearer: [] }];
const FileIds = z.array(z.string().min(1).max(80)).max(3, 'Maximaal 3 bestanden').default([]).openapi({ description: 'Ids van bestanden uit POST /api/modules/{id}/files' });
const CompleteBody = z.object({ evidence: z.string().trim().max(2000, 'Maximaal 2000 tekens').optional(), files: FileIds }).openapi('CompletionReport');
const WaitingSubmission = z
  .object({
    moduleId: z.string(),
    title: z.string(),
    learnerId: z.string(),
    learnerName: z.string(),
    submission: z.object({ text: z.string(), files: z.array(LearnerFileSchema).optional(), status: z.literal('submitted'), submittedAt: z.string(), feedback: z.string().optional() }),
  })
  .openapi('WaitingSubmission');
const errors = {
  400: problemResponse('Ongeldige invoer'),
  401: problemResponse('Niet aangemeld'),
  403: problemResponse('Geen rechten'),
  404: problemResponse('Niet gevonden'),
  409: problemResponse('Conflict: dubbel, vol, begonnen of gewijzigd'),
};
const Id = z.string().min(1).max(80);
const isoDateTime = z.string().datetime({ offset: true });

const ModuleInput = z
  .object({
    kind: z.enum(moduleKinds),
    title: z.string().trim().min(3).max(200),
    description: z.string().max(20_000),
    learningGoals: z.array(z.string().trim().min(1).max(300)).max(15).default([]),
    durationMinutes: z.number().int().min(0).max(100_000),
    networkId: z.string().max(80).optional(),
    themes: z.array(z.string().max(40)).max(10).default([]),
    targetAudience: z.array(z.string().max(60)).max(20).default([]),
    accreditation: z.array(z.object({ register: z.string().min(1).max(120), points: z.number().min(0).max(100), accreditationNumber: z.string().max(60).optional() })).max(10).default([]),
    enrolAudience: z.enum(['employees', 'partners', 'public']),
    language: z.enum(['nl', 'en']).default('nl'),
    status: z.enum(['draft', 'published']).optional(),
    articleSlug: z.string().max(120).optional(),
    eventType: z.enum(['symposium', 'kenniscafe', 'regional-meeting']).optional(),
    provider: z.string().max(200).optional(),
  })
  .openapi('ModuleInput');

const SessionInput = z
  .object({
    start: isoDateTime,
    end: isoDateTime,
    location: z.string().max(200).optional(),
    meetingUrl: z.string().url().max(500).optional(),
    trainers: z.array(z.object({ id: z.string(), name: z.string() })).min(1).max(5),
    capacity: z.number().int().min(1).max(1000),
  })
  .openapi('SessionInput');

const PathInput = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().max(5000),
    minOptional: z.number().int().min(0).max(50),
    steps: z.array(z.object({ id: z.string().min(1).max(20), moduleId: Id, required: z.boolean(), unlockAfter: z.array(z.string().max(20)).max(20).default([]) })).min(1).max(50),
  })
  .openapi('PathInput');

const r = {
  catalogue: createRoute({
    method: 'get',
    path: '/api/modules',
    tags: ['Academie'],
    summary: 'Aanbod doorzoeken en filteren (zichtbaar volgens wie mag inschrijven)',
    request: {
      query: z.object({
        q: z.string().max(200).optional(),
        kind: z.enum(moduleKinds).optional(),
        network: z.string().max(80).optional(),
        theme: z.string().max(40).optional(),
        register: z.string().max(120).optional(),
        language: z.enum(['nl', 'en']).optional(),
        from: z.string().date().optional(),
        to: z.string().date().optional(),
        limit: z.coerce.number().int().min(1).max(100).default(24),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
    },
    responses: { 200: json(CatalogueResultSchema, 'Modules, aantal en facetten'), 400: errors[400] },
  }),
  module: createRoute({ method: 'get', path: '/api/modules/{id}', tags: ['Academie'], summary: 'Module met sessies en mijn status', request: { params: z.object({ id: Id }) }, responses: { 200: json(ModuleDetailSchema, 'Module'), 401: errors[401], 404: errors[404] } }),
  createModule: createRoute({ method: 'post', path: '/api/modules', tags: ['Academie'], security, summary: 'Module aanmaken (academie)', request: body(ModuleInput), responses: { 201: json(ModuleSchema, 'Module'), ...errors } }),
  updateModule: createRoute({
    method: 'put',
    path: '/api/modules/{id}',
    tags: ['Academie'],
    security,
    summary: 'Module wijzigen (optimistisch via expectedRev); status archived archiveert',
    request: { params: z.object({ id: Id }), ...body(ModuleInput.extend({ expectedRev: z.number().int().positive(), status: z.enum(['draft', 'published', 'archived']).optional() })) },
    responses: { 200: json(ModuleSchema, 'Module'), ...errors },
  }),
  complete: createRoute({
    method: 'post',
    path: '/api/modules/{id}/complete',
    tags: ['Leren'],
    security,
    summary: 'Lees- of externe module afronden (extern met bewijs)',
    request: {
      params: z.object({ id: Id }),
      body: { required: false, content: { 'application/json': { schema: CompleteBody } } },
    },
    responses: { 200: json(z.object({ completedAt: z.string() }), 'Afgerond'), ...errors, 422: problemResponse('Deze vorm rond je anders af') },
  }),
  submission: createRoute({
    method: 'post',
    path: '/api/modules/{id}/submission',
    tags: ['Leren'],
    security,
    summary: 'Opdracht inleveren',
    request: {
      params: z.object({ id: Id }),
      ...body(
        z
          .object({ text: z.string().trim().max(20_000, 'Maximaal 20.000 tekens').default(''), files: FileIds })
          // Text or a file: a handed-in document may speak for itself, an empty submission may not.
          .refine((v) => v.files.length > 0 || v.text.length >= 20, { path: ['text'], message: 'Minstens 20 tekens, of lever een bestand in' }),
      ),
    },
    responses: { 200: json(SubmissionSchema, 'Ingeleverd'), ...errors, 422: problemResponse('Geen opdracht') },
  }),
  pendingSubmissions: createRoute({ method: 'get', path: '/api/trainer/submissions', tags: ['Trainer'], security, summary: 'Ingeleverde opdrachten die wachten op beoordeling, oudste eerst', responses: { 200: json(z.array(WaitingSubmission), 'Opdrachten'), ...errors } }),
  reviewSubmission: createRoute({
    method: 'post',
    path: '/api/modules/{id}/submission/{userId}/review',
    tags: ['Trainer'],
    security,
    summary: 'Opdracht goedkeuren of teruggeven met feedback',
    request: { params: z.object({ id: Id, userId: Id }), ...body(
        z.object({
          decision: z.enum(['approved', 'returned']),
          feedback: z.string().trim().min(1, 'Geef de deelnemer feedback').max(5000, 'Maximaal 5000 tekens'),
          submittedAt: z.string().min(1, 'Zeg welke inlevering je beoordeelt').max(40).openapi({ description: 'De inlevering die de trainer las (submittedAt uit de wachtrij); een nieuwere geeft 409' }),
        }),
      ) },
    responses: { 200: json(ReviewResultSchema, 'Beoordeeld'), ...errors },
  }),
  sessions: createRoute({ method: 'post', path: '/api/modules/{id}/sessions', tags: ['Academie'], security, summary: 'Sessie plannen', request: { params: z.object({ id: Id }), ...body(SessionInput) }, responses: { 201: json(SessionSchema, 'Sessie'), ...errors, 422: problemResponse('Deze vorm heeft geen sessies') } }),
  capacity: createRoute({
    method: 'patch',
    path: '/api/sessions/{id}',
    tags: ['Academie'],
    security,
    summary: 'Capaciteit wijzigen (nooit lager dan het aantal ingeschrevenen; extra plaatsen gaan naar de wachtlijst)',
    request: { params: z.object({ id: Id }), ...body(z.object({ capacity: z.number().int().min(1).max(1000) })) },
    responses: { 200: json(SessionSchema, 'Sessie'), ...errors },
  }),
  enrol: createRoute({ method: 'post', path: '/api/sessions/{id}/enrolment', tags: ['Leren'], security, summary: 'Inschrijven (bij een volle sessie: wachtlijst)', request: { params: z.object({ id: Id }) }, responses: { 201: json(z.object({ status: z.enum(['enrolled', 'waitlisted']), position: z.number().optional() }), 'Ingeschreven of op de wachtlijst'), ...errors } }),
  cancel: createRoute({ method: 'delete', path: '/api/sessions/{id}/enrolment', tags: ['Leren'], security, summary: 'Uitschrijven (de eerste op de wachtlijst schuift door)', request: { params: z.object({ id: Id }) }, responses: { 200: json(z.object({ status: z.literal('cancelled') }), 'Uitgeschreven'), ...errors } }),
  participants: createRoute({ method: 'get', path: '/api/sessions/{id}/participants', tags: ['Trainer'], security, summary: 'Deelnemers en wachtlijst', request: { params: z.object({ id: Id }) }, responses: { 200: json(ParticipantListSchema, 'Deelnemers'), ...errors } }),
  attendance: createRoute({
    method: 'put',
    path: '/api/sessions/{id}/attendance/{userId}',
    tags: ['Trainer'],
    security,
    summary: 'Aanwezigheid registreren (aanwezig rondt de stap af)',
    request: { params: z.object({ id: Id, userId: Id }), ...body(z.object({ present: z.boolean() })) },
    responses: { 200: json(AttendanceSchema, 'Deelnemer'), ...errors },
  }),
  ics: createRoute({ method: 'get', path: '/api/sessions/{id}/invite.ics', tags: ['Leren'], security, summary: 'Agenda-uitnodiging (iCalendar, Europe/Amsterdam)', request: { params: z.object({ id: Id }) }, responses: { 200: { description: 'text/calendar' }, ...errors } }),
  trainerSessions: createRoute({ method: 'get', path: '/api/trainer/sessions', tags: ['Trainer'], security, summary: 'Mijn sessies als trainer', responses: { 200: json(z.array(TrainerSessionSchema), 'Sessies'), ...errors } }),
  paths: createRoute({ method: 'get', path: '/api/paths', tags: ['Leerpaden'], summary: 'Gepubliceerde leerpaden', responses: { 200: json(z.array(PathSummarySchema), 'Leerpaden') } }),
  path: createRoute({
    method: 'get',
    path: '/api/paths/{id}',
    tags: ['Leerpaden'],
    summary: 'Leerpad met stappen (en mijn voortgang); standaard de versie waarop ik ingeschreven ben, ?version=latest voor de nieuwste',
    request: { params: z.object({ id: Id }), query: z.object({ version: z.union([z.literal('latest'), z.coerce.number().int().positive()]).optional() }) },
    responses: { 200: json(PathDetailSchema, 'Leerpad'), 404: errors[404] },
  }),
  publishPath: createRoute({ method: 'post', path: '/api/paths', tags: ['Leerpaden'], security, summary: 'Nieuw leerpad publiceren (versie 1)', request: body(PathInput), responses: { 201: json(z.object({ id: z.string(), version: z.number() }), 'Gepubliceerd'), ...errors } }),
  republish: createRoute({
    method: 'post',
    path: '/api/paths/{id}/versions',
    tags: ['Leerpaden'],
    security,
    summary: 'Nieuwe versie publiceren; ingeschreven deelnemers blijven op hun versie tot ze migreren',
    request: { params: z.object({ id: Id }), ...body(PathInput) },
    responses: { 201: json(z.object({ id: z.string(), version: z.number() }), 'Gepubliceerd'), ...errors },
  }),
  enrolPath: createRoute({ method: 'post', path: '/api/paths/{id}/enrol', tags: ['Leerpaden'], security, summary: 'Inschrijven voor een leerpad (op de actuele versie)', request: { params: z.object({ id: Id }) }, responses: { 201: json(MyPathStateSchema, 'Mijn voortgang'), ...errors } }),
  migrate: createRoute({ method: 'post', path: '/api/paths/{id}/migrate', tags: ['Leerpaden'], security, summary: 'Overstappen naar de nieuwste versie (afgeronde modules tellen mee)', request: { params: z.object({ id: Id }) }, responses: { 200: json(MyPathStateSchema, 'Mijn voortgang'), ...errors } }),
  manage: createRoute({ method: 'get', path: '/api/academy/modules', tags: ['Academie'], security, summary: 'Alle modules, ook concepten en gearchiveerde (academie)', responses: { 200: json(z.array(ModuleSchema.omit({ descriptionHtml: true })), 'Modules'), ...errors } }),
  enrolModule: createRoute({
    method: 'post',
    path: '/api/modules/{id}/enrol',
    tags: ['Leren'],
    security,
    summary: 'Inschrijven voor een module zonder sessies (e-learning, lezen, opdracht, extern)',
    request: { params: z.object({ id: Id }) },
    responses: { 201: json(z.object({ enrolled: z.boolean() }), 'Ingeschreven'), ...errors, 422: problemResponse('Schrijf je in voor een sessie') },
  }),
  me: createRoute({ method: 'get', path: '/api/me/learning', tags: ['Leren'], security, summary: 'Mijn leren: leerpaden, sessies, opdrachten, afgerond, accreditatie', responses: { 200: json(MyLearningSchema, 'Overzicht'), 401: errors[401] } }),
  evaluate: createRoute({
    method: 'post',
    path: '/api/evaluations',
    tags: ['Evaluatie'],
    security,
    summary: 'Evaluatie na afronden (1–5 en open vragen)',
    request: body(z.object({ targetType: z.enum(['module', 'path']), targetId: Id, rating: z.number().int().min(1).max(5), answers: z.object({ learned: z.string().max(2000).optional(), apply: z.string().max(2000).optional(), improve: z.string().max(2000).optional() }).default({}) })),
    responses: { 201: json(EvaluationSchema, 'Opgeslagen'), ...errors },
  }),
  evaluations: createRoute({
    method: 'get',
    path: '/api/evaluations/{targetType}/{targetId}',
    tags: ['Evaluatie'],
    security,
    summary: 'Geaggregeerde evaluaties (academie en trainers)',
    request: { params: z.object({ targetType: z.enum(['module', 'path']), targetId: Id }) },
    responses: { 200: json(EvaluationSummarySchema, 'Resultaten'), ...errors },
  }),
};

export const learningRoutes = newRouter()
  .openapi(r.catalogue, async (c) => c.json(await svc.searchCatalogue(ctxOf(c), c.req.valid('query')), 200))
  .openapi(r.module, async (c) => c.json(await svc.moduleDetail(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(r.createModule, async (c) => c.json(await svc.createModule(ctxOf(c), c.req.valid('json')), 201))
  .openapi(r.updateModule, async (c) => {
    const { expectedRev, ...input } = c.req.valid('json');
    return c.json(await svc.updateModule(ctxOf(c), c.req.valid('param').id, expectedRev, input), 200);
  })
  .openapi(r.complete, async (c) => {
    // The body is optional (reading needs none), so it is validated here rather than by the route.
    const parsed = CompleteBody.safeParse(await c.req.json().catch(() => ({})));
    if (!parsed.success) throw new Problem('validation', 'Controleer de gemarkeerde velden.', { errors: fieldErrors(parsed.error) });
    return c.json(await svc.selfComplete(ctxOf(c), c.req.valid('param').id, parsed.data.evidence, parsed.data.files), 200);
  })
  .openapi(r.submission, async (c) => c.json(await svc.submitAssignment(ctxOf(c), c.req.valid('param').id, c.req.valid('json').text, c.req.valid('json').files), 200))
  .openapi(r.pendingSubmissions, async (c) => c.json(await svc.pendingSubmissions(ctxOf(c)), 200))
  .openapi(r.reviewSubmission, async (c) => {
    const { id, userId } = c.req.valid('param');
    const { decision, feedback, submittedAt } = c.req.valid('json');
    return c.json(await svc.reviewAssignment(ctxOf(c), id, userId, decision, feedback, submittedAt), 200);
  })
  .openapi(r.sessions, async (c) => c.json(await svc.createSession(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(r.capacity, async (c) => c.json(await svc.changeCapacity(ctxOf(c), c.req.valid('param').id, c.req.valid('json').capacity), 200))
  .openapi(r.enrol, async (c) => c.json(await svc.enrol(ctxOf(c), c.req.valid('param').id), 201))
  .openapi(r.cancel, async (c) => c.json(await svc.cancel(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(r.participants, async (c) => c.json(await svc.participants(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(r.attendance, async (c) => {
    const { id, userId } = c.req.valid('param');
    return c.json(await svc.registerAttendance(ctxOf(c), id, userId, c.req.valid('json').present), 200);
  })
  .openapi(r.ics, async (c) => {
    const s = await svc.sessionForCalendar(ctxOf(c), c.req.valid('param').id);
    const ics = sessionIcs({ id: s.id, title: s.moduleTitle, start: s.start, end: s.end, location: s.location, meetingUrl: s.meetingUrl }, { method: 'PUBLISH' });
    return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${s.id}.ics"`, 'cache-control': 'private, no-store' }) as never;
  })
  .openapi(r.trainerSessions, async (c) => c.json(await svc.sessionsOfTrainer(ctxOf(c)), 200))
  .openapi(r.paths, async (c) => c.json(await svc.listPaths(ctxOf(c)), 200))
  .openapi(r.path, async (c) => c.json(await svc.pathDetail(ctxOf(c), c.req.valid('param').id, c.req.valid('query').version), 200))
  .openapi(r.publishPath, async (c) => c.json(await svc.publishPath(ctxOf(c), c.req.valid('json')), 201))
  .openapi(r.republish, async (c) => c.json(await svc.publishPath(ctxOf(c), c.req.valid('json'), { existingId: c.req.valid('param').id }), 201))
  .openapi(r.enrolPath, async (c) => c.json(await svc.enrolInPath(ctxOf(c), c.req.valid('param').id), 201))
  .openapi(r.migrate, async (c) => c.json(await svc.migrateToLatest(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(r.manage, async (c) => c.json(await svc.manageModules(ctxOf(c)), 200))
  .openapi(r.enrolModule, async (c) => c.json(await svc.enrolInModule(ctxOf(c), c.req.valid('param').id), 201))
  .openapi(r.me, async (c) => c.json(await svc.myLearning(ctxOf(c)), 200))
  .openapi(r.evaluate, async (c) => c.json(await svc.evaluate(ctxOf(c), c.req.valid('json')), 201))
  .openapi(r.evaluations, async (c) => c.json(await svc.evaluationResults(ctxOf(c), c.req.valid('param').targetType, c.req.valid('param').targetId), 200));
