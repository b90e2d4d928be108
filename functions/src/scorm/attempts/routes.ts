import { createRoute, z } from '@hono/zod-openapi';
import { newRouter, checkFields } from '../../platform/http/router';
import { commonProblems, json, optionalBody, problemResponse, problems, security } from '../../platform/http/contract';
import { fieldErrors } from '../../platform/http/errors';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { ctxOf } from '../context';
import { Id } from '../schemas';
import { AttemptHistoryQuery, AttemptHistorySchema, AttemptId, CommitResultSchema, CommitSchema, LaunchRequestSchema, LaunchResponseSchema, RuntimeSchema, ScoId } from './schemas';
import * as svc from './service';

const tags = ['SCORM'];

// ---- launching (the learner's app token) -------------------------------------------------------------

const launch = createRoute({
  method: 'post',
  path: '/{id}/scorm/launch',
  tags,
  security,
  summary: 'E-learning starten: de lopende poging gaat verder, anders begint een nieuwe; antwoordt met de launch-URL voor de speler',
  request: { params: z.object({ id: Id }), ...optionalBody(LaunchRequestSchema) },
  responses: { 201: json(LaunchResponseSchema, 'De poging en de launch-URL'), ...commonProblems, 409: problemResponse('Al afgerond (zonder herkansing), of nog geen pakket'), 422: problemResponse('Geen e-learning') },
});

/** Under `/api/modules`: starting a module's e-learning. */
export const moduleLaunchRoutes = newRouter().openapi(launch, async (c) => {
  const body = c.req.header('content-type') ? await c.req.json().catch(() => undefined) : undefined;
  const input = LaunchRequestSchema.safeParse(body ?? {});
  if (!input.success) throw new Problem('validation', checkFields, { errors: fieldErrors(input.error) });
  c.header('cache-control', 'no-store');
  return c.json(await svc.launch(ctxOf(c), c.req.valid('param').id, input.data), 201);
});

const history = createRoute({
  method: 'get',
  path: '/scorm/attempts',
  tags,
  security,
  summary: 'Mijn pogingen bij een e-learning (resultaten zoals het pakket ze meldde)',
  request: { query: AttemptHistoryQuery },
  responses: { 200: json(AttemptHistorySchema, 'De pogingen, nieuwste eerst'), ...commonProblems },
});

/** Under `/api/me`: the learner's attempt history. */
export const myAttemptRoutes = newRouter().openapi(history, async (c) => {
  c.header('cache-control', 'private, no-store');
  return c.json(await svc.myAttempts(ctxOf(c), c.req.valid('query').moduleId), 200);
});

// ---- the runtime (the launch token only) --------------------------------------------------------------

const launchAuth =
  'Alleen met een launch-token: `Authorization: Launch <token>`. Een aanmeldtoken van de app geldt hier niet (401).';
const runtimeProblems = problems({ 401: 'Geen, ongeldig of verlopen launch-token', 403: 'Launch-token van een andere poging', 404: 'Onbekende poging of onderdeel', 409: 'Poging afgerond, of overgenomen door een nieuwere start' });

const getRuntime = createRoute({
  method: 'get',
  path: '/{attemptId}',
  tags,
  summary: 'Runtime voor de speler: de poging, het pakket en per SCO de te laden CMI-gegevens',
  description: launchAuth,
  request: { params: z.object({ attemptId: AttemptId }) },
  responses: { 200: json(RuntimeSchema, 'De runtime'), 400: problemResponse('Ongeldige invoer'), ...runtimeProblems },
});

const postCommit = createRoute({
  method: 'post',
  path: '/{attemptId}/scos/{scoId}/commit',
  tags,
  summary: 'Commit van één SCO (scorm-again, includeCommitSequence): een oudere of herhaalde commit verandert niets',
  description:
    `${launchAuth} Hier mag het token ook in de query (\`?token=\`), want \`navigator.sendBeacon\` kan geen headers meesturen; ` +
    'de inhoud is JSON als `application/json` of als `text/plain` (wat sendBeacon stuurt). `?session=` noemt de SCO-sessie (voor de tijdtelling), ' +
    '`?terminate=true` (scorm-again `terminateCommitParam`) markeert de laatste commit.',
  request: {
    params: z.object({ attemptId: AttemptId, scoId: ScoId }),
    query: z.object({ token: z.string().max(4096).optional(), session: z.string().max(100).optional(), terminate: z.enum(['true', 'false']).optional() }),
    body: { required: false, content: { 'text/plain': { schema: z.string().openapi({ description: 'De commit als JSON-tekst (sendBeacon)' }) }, 'application/json': { schema: CommitSchema } } },
  },
  responses: {
    200: json(CommitResultSchema, 'Opgeslagen, of al nieuwer opgeslagen (`applied: false`)'),
    400: problemResponse('Ongeldige invoer'),
    ...runtimeProblems,
    413: problemResponse('Verzoek te groot'),
    415: problemResponse('Alleen application/json of text/plain'),
    422: problemResponse('Te grote gegevens (suspend_data, location, …): de speler toont de reden'),
  },
});

const jsonType = /^application\/json\s*(;|$)/i;
const textType = /^text\/plain\s*(;|$)/i;

async function commitBody(c: { req: { header(n: string): string | undefined; text(): Promise<string> } }) {
  const type = c.req.header('content-type') ?? '';
  if (!jsonType.test(type) && !textType.test(type)) {
    throw new Problem('unsupportedMediaType', text('Een commit is JSON, als application/json of text/plain', 'A commit is JSON, sent as application/json or text/plain'));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await c.req.text());
  } catch {
    throw new Problem('badRequest', text('De inhoud van het verzoek is geen geldige JSON', 'The request body is not valid JSON'));
  }
  const input = CommitSchema.safeParse(parsed);
  if (!input.success) throw new Problem('validation', checkFields, { errors: fieldErrors(input.error) });
  return input.data as z.infer<typeof CommitSchema> & Record<string, unknown>;
}

/** Mounted by app.ts at `/api/scorm/runtime`: what the player on the content origin calls with its launch token. */
export const runtimeRoutes = newRouter()
  .openapi(getRuntime, async (c) => {
    const token = svc.launchTokenOf(c.req.header('authorization'), undefined, false);
    c.header('cache-control', 'no-store');
    return c.json(await svc.runtime(ctxOf(c), c.req.valid('param').attemptId, token), 200);
  })
  .openapi(postCommit, async (c) => {
    const { attemptId, scoId } = c.req.valid('param');
    const query = c.req.valid('query');
    const token = svc.launchTokenOf(c.req.header('authorization'), query.token, true);
    const body = await commitBody(c);
    c.header('cache-control', 'no-store');
    const result = await svc.commit(ctxOf(c), attemptId, scoId, token, {
      body,
      commitSequence: body.commitSequence,
      session: body.session ?? query.session,
      terminate: query.terminate === 'true' || body.terminate === true,
    });
    return c.json(result, 200);
  });
