import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import type { Role } from '../../functions/src/auth/roles';
import { createApp } from '../../functions/src/app';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/config';
import { devRoutes } from '../../functions/src/dev/routes';
import { api, demo, stack, tokenFor } from '../support/api';

/**
 * The role sweep: every operation of the API, called by every kind of caller with a valid body
 * and a real resource, answers what the access rules below say. Allowed callers succeed with the
 * very same request, which proves a denial comes from the access check and not from validation
 * or a missing resource. The rules are written here, independently of the routes: a route's own
 * `security` flag decides nothing, and an operation without a rule fails the sweep.
 *
 * When the access policy module exists, this table is what its matrix test generates.
 */

type Actor =
  | 'anonymous'
  | 'admin' // academy-admin
  | 'lead' // author, lead expert of the article's network
  | 'networkAuthor' // author, member (not lead) of the article's network
  | 'outsideAuthor' // author of no network
  | 'trainer' // trainer, not of the session under test
  | 'sessionTrainer' // trainer of the session under test
  | 'manager' // team-manager
  | 'employee'
  | 'owner' // the employee whose enrolment, hand-in and files are under test
  | 'partner';

const actors: readonly Actor[] = ['anonymous', 'admin', 'lead', 'networkAuthor', 'outsideAuthor', 'trainer', 'sessionTrainer', 'manager', 'employee', 'owner', 'partner'];

// ---- the rules: who may do what, today -----------------------------------------------------------
const everyone = actors;
const signedIn = actors.filter((a) => a !== 'anonymous');
/** Staff read internal knowledge, join employee modules and paths; partners never. */
const staff: readonly Actor[] = signedIn.filter((a) => a !== 'partner');
/** Manage the catalogue, sessions and paths: the academy (academy-admin and authors, until the policy narrows it). */
const academy: Actor[] = ['admin', 'lead', 'networkAuthor', 'outsideAuthor'];
/** Editorial rights on an article: author-role members of its network, and the academy-admin. */
const writers: Actor[] = ['admin', 'lead', 'networkAuthor'];
/** Publish, return and archive: lead experts of the network, and the academy-admin. */
const leads: Actor[] = ['admin', 'lead'];
const trainers: Actor[] = ['admin', 'trainer', 'sessionTrainer'];
/** A session's participants and attendance: its own trainers and the academy-admin. */
const ofTheSession: Actor[] = ['admin', 'sessionTrainer'];
const evaluationReaders: Actor[] = ['admin', 'lead', 'networkAuthor', 'outsideAuthor', 'trainer', 'sessionTrainer'];

/** What a refused caller is told: anonymous callers 401 (so the app offers sign-in), others 403 or 404. */
const refusedStatuses = (actor: Actor) => (actor === 'anonymous' ? [401] : [403, 404]);

interface Call {
  path: string;
  json?: unknown;
}
interface Case {
  name: string;
  allow: readonly Actor[];
  /** Builds the request for one caller; may create fresh state for it (a draft to publish, a hand-in to review). */
  call: (actor: Actor) => Promise<Call>;
  /** The success status for allowed callers; any 2xx when left out. */
  ok?: number;
}

// ---- callers and fixtures ---------------------------------------------------------------------
const network = 'suicidepreventie';
const run = Math.random().toString(36).slice(2, 7);
const token: Partial<Record<Actor, string>> = {};
const id = {} as Record<Actor, string>;
const f = {} as {
  article: { id: string; slug: string; oldSlug: string };
  publicArticle: { slug: string };
  draftOnly: { id: string; attachmentUrl: string };
  pendingAttachment: string;
  classroom: string;
  session: string;
  enrolSession: string;
  cancelSession: string;
  assignment: string;
  ownerFile: { id: string; url: string };
  ownerPendingUpload: string;
  external: string;
  publicExternal: string;
  elearning: string;
  path: string;
  migratePath: string;
};

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082', 'hex');

async function as(actor: Actor, method: string, path: string, json?: unknown) {
  return api(path, { method, token: token[actor], ...(json !== undefined ? { json } : {}) });
}

async function must(actor: Actor, method: string, path: string, json: unknown, status: number) {
  const res = await as(actor, method, path, json);
  expect(res.status, `${actor} ${method} ${path}: ${JSON.stringify(res.data)}`).toBe(status);
  return res.data;
}

const future = (days: number, hours = 0) => new Date(Date.now() + days * 86400_000 + hours * 3600_000).toISOString();

async function module(kind: string, enrolAudience: 'employees' | 'partners' | 'public', extra: Record<string, unknown> = {}) {
  const m = await must('admin', 'POST', '/api/modules', {
    kind,
    title: `Sweep ${kind} ${run}`,
    description: 'Een module voor de toegangsproef.',
    durationMinutes: 60,
    enrolAudience,
    status: 'published',
    ...extra,
  }, 201);
  return m.id as string;
}

async function session(moduleId: string) {
  const s = await must('admin', 'POST', `/api/modules/${moduleId}/sessions`, {
    start: future(14),
    end: future(14, 3),
    location: 'Zaal 1.01',
    trainers: [{ id: id.sessionTrainer, name: 'Trainer van de sessie' }],
    capacity: 50,
  }, 201);
  return s.id as string;
}

const content = (title: string, audience = 'internal') => ({ title, summary: 'Samenvatting voor de toegangsproef.', markdown: `# ${title}\n\nTekst.`, tags: [], themes: [], audience, language: 'nl' });

/** An article of the network in the given state, written by the network author and handled by the lead. */
async function article(state: 'editing' | 'in-review' | 'published', audience = 'internal') {
  const created = await must('networkAuthor', 'POST', '/api/articles', { networkId: network, ...content(`Sweep artikel ${run} ${Math.random().toString(36).slice(2, 7)}`, audience) }, 201);
  const articleId = created.article.id as string;
  if (state === 'editing') return { id: articleId, revision: created.draft.revision as number, slug: created.draft.slug as string };
  const submitted = await must('networkAuthor', 'POST', `/api/articles/${articleId}/submit`, { expectedRevision: created.draft.revision }, 200);
  if (state === 'in-review') return { id: articleId, revision: submitted.revision as number, slug: submitted.slug as string };
  const published = await must('lead', 'POST', `/api/articles/${articleId}/publish`, { expectedRevision: submitted.revision, note: 'Eerste versie' }, 200);
  return { id: articleId, revision: 0, slug: published.slug as string };
}

/** Steps 1 and 2 of an upload (presigned POST straight to S3); step 3, completing it, is the caller's. */
async function startUpload(actor: Actor, startPath: string) {
  const start = await as(actor, 'POST', startPath, { fileName: 'schema.png', contentType: 'image/png', bytes: png.length });
  if (start.status !== 201) return undefined;
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'schema.png');
  const s3 = await fetch(start.data.url, { method: 'POST', body: form });
  expect(s3.status).toBeLessThan(300);
  return start.data.uploadId as string;
}

async function ownerSubmits() {
  const submission = await must('owner', 'POST', `/api/modules/${f.assignment}/submission`, { text: 'Mijn uitwerking van de opdracht, met voorbeelden uit de praktijk.' }, 200);
  return submission.submittedAt as string;
}

// ---- the table: one entry per operation --------------------------------------------------------
const rules: Record<string, Case[]> = {
  'GET /api/health': [{ name: 'health', allow: everyone, call: async () => ({ path: '/api/health' }) }],
  'GET /api/me': [{ name: 'profile', allow: signedIn, call: async () => ({ path: '/api/me' }) }],
  'GET /api/dev/users': [{ name: 'demo users (local only)', allow: everyone, call: async () => ({ path: '/api/dev/users' }) }],
  'POST /api/dev/token': [{ name: 'demo token (local only)', allow: everyone, call: async () => ({ path: '/api/dev/token', json: { userId: demo.employee } }) }],

  // Knowledge: reading
  'GET /api/articles': [{ name: 'search', allow: everyone, call: async () => ({ path: `/api/articles?q=${run}` }) }],
  'GET /api/articles/by-slug/{slug}': [
    { name: 'an internal article', allow: staff, call: async () => ({ path: `/api/articles/by-slug/${f.article.slug}` }) },
    { name: 'the old slug of a renamed internal article', allow: staff, ok: 301, call: async () => ({ path: `/api/articles/by-slug/${f.article.oldSlug}` }) },
    { name: 'a public article', allow: everyone, call: async () => ({ path: `/api/articles/by-slug/${f.publicArticle.slug}` }) },
  ],
  'GET /api/articles/{id}': [{ name: 'edit view', allow: writers, call: async () => ({ path: `/api/articles/${f.article.id}` }) }],
  'GET /api/articles/{id}/versions': [{ name: 'history', allow: writers, call: async () => ({ path: `/api/articles/${f.article.id}/versions` }) }],
  'GET /api/articles/{id}/versions/{version}': [{ name: 'one version', allow: writers, call: async () => ({ path: `/api/articles/${f.article.id}/versions/1` }) }],
  'GET /api/articles/{id}/diff': [{ name: 'diff', allow: writers, call: async () => ({ path: `/api/articles/${f.article.id}/diff?from=1&to=2` }) }],
  'GET /api/networks': [{ name: 'networks', allow: everyone, call: async () => ({ path: '/api/networks' }) }],
  'GET /api/networks/{id}': [{ name: 'a network', allow: everyone, call: async () => ({ path: `/api/networks/${network}` }) }],
  'GET /api/networks/{id}/articles': [{ name: 'a network\'s articles with drafts', allow: writers, call: async () => ({ path: `/api/networks/${network}/articles` }) }],
  'GET /api/networks/{id}/signals': [{ name: 'a network\'s open signals', allow: writers, call: async () => ({ path: `/api/networks/${network}/signals` }) }],
  'GET /api/me/knowledge': [{ name: 'my editorial work', allow: signedIn, call: async () => ({ path: '/api/me/knowledge' }) }],
  'GET /api/me/signals': [{ name: 'my signals', allow: signedIn, call: async () => ({ path: '/api/me/signals' }) }],
  'GET /api/articles/{id}/attachments': [{ name: 'attachments list', allow: writers, call: async () => ({ path: `/api/articles/${f.article.id}/attachments` }) }],
  'GET /api/attachments/{articleId}/{attachmentId}/{fileName}': [
    { name: 'an attachment of an unpublished draft', allow: writers, call: async () => ({ path: f.draftOnly.attachmentUrl }) },
  ],

  // Knowledge: writing and review
  'POST /api/articles/preview': [{ name: 'preview', allow: academy, call: async () => ({ path: '/api/articles/preview', json: { markdown: '# Kop' } }) }],
  'POST /api/articles': [{ name: 'create in a network', allow: writers, call: async () => ({ path: '/api/articles', json: { networkId: network, ...content(`Nieuw sweep ${run} ${Math.random().toString(36).slice(2, 7)}`) } }) }],
  'POST /api/articles/{id}/draft': [{ name: 'open a draft', allow: writers, call: async () => ({ path: `/api/articles/${(await article('published')).id}/draft` }) }],
  'PUT /api/articles/{id}/draft': [
    {
      name: 'save a draft',
      allow: writers,
      call: async () => {
        const a = await article('editing');
        return { path: `/api/articles/${a.id}/draft`, json: { ...content(`Bewerkt sweep ${run}`), slug: a.slug, expectedRevision: a.revision } };
      },
    },
  ],
  'POST /api/articles/{id}/submit': [
    {
      name: 'submit for review',
      allow: writers,
      call: async () => {
        const a = await article('editing');
        return { path: `/api/articles/${a.id}/submit`, json: { expectedRevision: a.revision } };
      },
    },
  ],
  'POST /api/articles/{id}/publish': [
    {
      name: 'publish',
      allow: leads,
      call: async () => {
        const a = await article('in-review');
        return { path: `/api/articles/${a.id}/publish`, json: { expectedRevision: a.revision, note: 'Gecontroleerd' } };
      },
    },
  ],
  'POST /api/articles/{id}/return': [
    {
      name: 'return with comments',
      allow: leads,
      call: async () => {
        const a = await article('in-review');
        return { path: `/api/articles/${a.id}/return`, json: { expectedRevision: a.revision, comment: 'Graag de bronnen aanvullen.' } };
      },
    },
  ],
  'POST /api/articles/{id}/archive': [{ name: 'archive', allow: leads, call: async () => ({ path: `/api/articles/${(await article('published')).id}/archive` }) }],
  'POST /api/articles/{id}/attachments': [
    { name: 'start an attachment upload', allow: writers, call: async () => ({ path: `/api/articles/${f.article.id}/attachments`, json: { fileName: 'schema.png', contentType: 'image/png', bytes: png.length } }) },
  ],
  'POST /api/articles/{id}/attachments/{uploadId}/complete': [
    {
      name: 'complete an attachment upload',
      allow: writers,
      call: async (actor) => {
        const own = writers.includes(actor) ? await startUpload(actor, `/api/articles/${f.article.id}/attachments`) : undefined;
        return { path: `/api/articles/${f.article.id}/attachments/${own ?? f.pendingAttachment}/complete` };
      },
    },
  ],
  'POST /api/articles/by-slug/{slug}/signals': [
    { name: 'signal on an internal article', allow: staff, call: async () => ({ path: `/api/articles/by-slug/${f.article.slug}/signals`, json: { useful: true } }) },
  ],
  'POST /api/articles/{id}/signals/{signalId}/answer': [
    {
      name: 'answer a reader signal',
      allow: writers,
      call: async () => {
        const s = await must('employee', 'POST', `/api/articles/by-slug/${f.article.slug}/signals`, { useful: false, remark: 'Klopt de verwijzing naar de richtlijn nog?' }, 201);
        return { path: `/api/articles/${f.article.id}/signals/${s.id}/answer`, json: { answer: 'Bijgewerkt naar de nieuwe richtlijn.' } };
      },
    },
  ],

  // Academy: catalogue and modules
  'GET /api/modules': [{ name: 'catalogue', allow: everyone, call: async () => ({ path: '/api/modules' }) }],
  'GET /api/modules/{id}': [
    { name: 'a module for employees', allow: staff, call: async () => ({ path: `/api/modules/${f.classroom}` }) },
    { name: 'a public module', allow: everyone, call: async () => ({ path: `/api/modules/${f.publicExternal}` }) },
  ],
  'GET /api/academy/modules': [{ name: 'all modules with drafts', allow: academy, call: async () => ({ path: '/api/academy/modules' }) }],
  'POST /api/modules': [
    { name: 'create a module', allow: academy, call: async () => ({ path: '/api/modules', json: { kind: 'classroom', title: `Nieuwe module ${run}`, description: 'Beschrijving.', durationMinutes: 90, enrolAudience: 'employees', status: 'draft' } }) },
  ],
  'PUT /api/modules/{id}': [
    {
      name: 'edit a module',
      allow: academy,
      call: async () => {
        const moduleId = await module('classroom', 'employees');
        return { path: `/api/modules/${moduleId}`, json: { kind: 'classroom', title: `Gewijzigd ${run}`, description: 'Nieuwe beschrijving.', durationMinutes: 120, enrolAudience: 'employees', expectedRev: 1 } };
      },
    },
  ],
  'POST /api/modules/{id}/enrol': [{ name: 'join an e-learning module', allow: staff, call: async () => ({ path: `/api/modules/${f.elearning}/enrol` }) }],
  'POST /api/modules/{id}/complete': [{ name: 'report an external training', allow: staff, call: async () => ({ path: `/api/modules/${f.external}/complete`, json: { evidence: 'Certificaat nr. 1142' } }) }],
  'POST /api/modules/{id}/submission': [
    { name: 'hand in an assignment', allow: staff, call: async () => ({ path: `/api/modules/${f.assignment}/submission`, json: { text: 'Mijn uitwerking van de opdracht, met een casus uit het team.' } }) },
  ],
  'GET /api/trainer/submissions': [{ name: 'review queue', allow: trainers, call: async () => ({ path: '/api/trainer/submissions' }) }],
  'POST /api/modules/{id}/submission/{userId}/review': [
    {
      name: 'review someone\'s hand-in',
      allow: trainers,
      call: async () => ({ path: `/api/modules/${f.assignment}/submission/${id.owner}/review`, json: { decision: 'returned', feedback: 'Werk de casus verder uit.', submittedAt: await ownerSubmits() } }),
    },
  ],
  'POST /api/modules/{id}/files': [
    { name: 'start a learner file upload', allow: staff, call: async () => ({ path: `/api/modules/${f.assignment}/files`, json: { fileName: 'werk.png', contentType: 'image/png', bytes: png.length } }) },
  ],
  'POST /api/modules/{id}/files/{uploadId}/complete': [
    {
      name: 'complete a learner file upload',
      allow: staff,
      call: async (actor) => {
        const own = staff.includes(actor) ? await startUpload(actor, `/api/modules/${f.assignment}/files`) : undefined;
        return { path: `/api/modules/${f.assignment}/files/${own ?? f.ownerPendingUpload}/complete` };
      },
    },
  ],
  'GET /api/modules/{id}/files/{userId}/{fileId}/{fileName}': [
    // Trainers read assignment work, which they review; nobody else reads another learner's file.
    { name: 'another learner\'s assignment file', allow: ['owner', 'admin', 'trainer', 'sessionTrainer'], call: async () => ({ path: f.ownerFile.url }) },
  ],
  'DELETE /api/modules/{id}/files/{fileId}': [
    {
      name: 'delete a learner file',
      allow: ['owner'],
      call: async (actor) => {
        if (actor !== 'owner') return { path: `/api/modules/${f.assignment}/files/${f.ownerFile.id}` };
        const uploadId = await startUpload('owner', `/api/modules/${f.assignment}/files`);
        const file = await must('owner', 'POST', `/api/modules/${f.assignment}/files/${uploadId}/complete`, undefined, 201);
        return { path: `/api/modules/${f.assignment}/files/${file.id}` };
      },
    },
  ],

  // Academy: sessions
  'POST /api/modules/{id}/sessions': [
    { name: 'plan a session', allow: academy, call: async () => ({ path: `/api/modules/${f.classroom}/sessions`, json: { start: future(20), end: future(20, 2), location: 'Zaal 2', trainers: [{ id: id.sessionTrainer, name: 'Trainer' }], capacity: 12 } }) },
  ],
  'PATCH /api/sessions/{id}': [{ name: 'change capacity', allow: academy, call: async () => ({ path: `/api/sessions/${f.session}`, json: { capacity: 50 } }) }],
  'POST /api/sessions/{id}/enrolment': [{ name: 'enrol in a session for employees', allow: staff, call: async () => ({ path: `/api/sessions/${f.enrolSession}/enrolment` }) }],
  'DELETE /api/sessions/{id}/enrolment': [
    {
      name: 'cancel an enrolment',
      allow: staff,
      call: async (actor) => {
        if (staff.includes(actor)) await must(actor, 'POST', `/api/sessions/${f.cancelSession}/enrolment`, undefined, 201);
        return { path: `/api/sessions/${f.cancelSession}/enrolment` };
      },
    },
  ],
  'GET /api/sessions/{id}/participants': [{ name: 'participant list', allow: ofTheSession, call: async () => ({ path: `/api/sessions/${f.session}/participants` }) }],
  'PUT /api/sessions/{id}/attendance/{userId}': [{ name: 'register attendance', allow: ofTheSession, call: async () => ({ path: `/api/sessions/${f.session}/attendance/${id.owner}`, json: { present: true } }) }],
  'GET /api/sessions/{id}/invite.ics': [{ name: 'calendar invite', allow: ['owner', 'sessionTrainer'], call: async () => ({ path: `/api/sessions/${f.session}/invite.ics` }) }],
  'GET /api/trainer/sessions': [{ name: 'my sessions as trainer', allow: trainers, call: async () => ({ path: '/api/trainer/sessions' }) }],

  // Academy: paths, Mijn leren, evaluations
  'GET /api/paths': [{ name: 'paths', allow: everyone, call: async () => ({ path: '/api/paths' }) }],
  'GET /api/paths/{id}': [{ name: 'a path', allow: everyone, call: async () => ({ path: `/api/paths/${f.path}` }) }],
  'POST /api/paths': [{ name: 'publish a path', allow: academy, call: async () => ({ path: '/api/paths', json: pathInput(`Nieuw pad ${run}`) }) }],
  'POST /api/paths/{id}/versions': [{ name: 'publish a path version', allow: academy, call: async () => ({ path: `/api/paths/${f.path}/versions`, json: pathInput(`Pad ${run} (nieuw)`) }) }],
  'POST /api/paths/{id}/enrol': [{ name: 'enrol in a path', allow: staff, call: async () => ({ path: `/api/paths/${f.path}/enrol` }) }],
  'POST /api/paths/{id}/migrate': [
    {
      name: 'move to the latest version',
      allow: staff,
      call: async (actor) => {
        if (staff.includes(actor)) await must(actor, 'POST', `/api/paths/${f.migratePath}/enrol`, undefined, 201);
        return { path: `/api/paths/${f.migratePath}/migrate` };
      },
    },
  ],
  'GET /api/me/learning': [{ name: 'Mijn leren', allow: signedIn, call: async () => ({ path: '/api/me/learning' }) }],
  'POST /api/evaluations': [
    {
      name: 'evaluate a completed module',
      allow: signedIn,
      call: async (actor) => {
        if (actor !== 'anonymous') await must(actor, 'POST', `/api/modules/${f.publicExternal}/complete`, { evidence: 'Certificaat nr. 77' }, 200);
        return { path: '/api/evaluations', json: { targetType: 'module', targetId: f.publicExternal, rating: 4, answers: { learned: 'Veel.' } } };
      },
    },
  ],
  'GET /api/evaluations/{targetType}/{targetId}': [{ name: 'evaluation results', allow: evaluationReaders, call: async () => ({ path: `/api/evaluations/module/${f.publicExternal}` }) }],
};

const pathInput = (title: string) => ({ title, description: 'Een leerpad voor de toegangsproef.', minOptional: 0, steps: [{ id: 's1', moduleId: f.elearning, required: true, unlockAfter: [] }] });

// ---- setup ------------------------------------------------------------------------------------
const synthetic: Partial<Record<Actor, { roles: Role[]; organisationId?: string }>> = {
  admin: { roles: ['academy-admin', 'employee'] },
  outsideAuthor: { roles: ['author', 'employee'] },
  trainer: { roles: ['trainer', 'employee'] },
  sessionTrainer: { roles: ['trainer', 'employee'] },
  manager: { roles: ['team-manager', 'employee'] },
  employee: { roles: ['employee'] },
  owner: { roles: ['employee'] },
  partner: { roles: ['partner'], organisationId: 'org-hap-de-linde' },
};

beforeAll(async () => {
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  for (const [actor, who] of Object.entries(synthetic) as Array<[Actor, { roles: Role[]; organisationId?: string }]>) {
    id[actor] = `u-sweep-${actor.toLowerCase()}-${run}`;
    token[actor] = await issuer.mint({ id: id[actor], name: `Sweep ${actor}`, ...who });
  }
  // Network membership comes from the seeded networks: Fatima leads Suïcidepreventie, Joost is a member.
  id.lead = demo.author;
  id.networkAuthor = demo.author2;
  token.lead = await tokenFor(demo.author);
  token.networkAuthor = await tokenFor(demo.author2);

  // Knowledge: an internal article with two versions, renamed in the second; a public one; a never-published draft with an attachment.
  const first = await article('published');
  await must('networkAuthor', 'POST', `/api/articles/${first.id}/draft`, undefined, 200);
  const draft = await must('networkAuthor', 'GET', `/api/articles/${first.id}`, undefined, 200);
  const renamed = `${first.slug}-v2`;
  const saved = await must('networkAuthor', 'PUT', `/api/articles/${first.id}/draft`, { ...content(`Sweep artikel ${run} herzien`), slug: renamed, expectedRevision: draft.draft.revision }, 200);
  const submitted = await must('networkAuthor', 'POST', `/api/articles/${first.id}/submit`, { expectedRevision: saved.revision }, 200);
  await must('lead', 'POST', `/api/articles/${first.id}/publish`, { expectedRevision: submitted.revision, note: 'Herzien' }, 200);
  f.article = { id: first.id, slug: renamed, oldSlug: first.slug };
  f.publicArticle = { slug: (await article('published', 'public')).slug };
  const draftOnly = await article('editing');
  const upload = await startUpload('lead', `/api/articles/${draftOnly.id}/attachments`);
  const attachment = await must('lead', 'POST', `/api/articles/${draftOnly.id}/attachments/${upload}/complete`, undefined, 201);
  f.draftOnly = { id: draftOnly.id, attachmentUrl: attachment.url };
  f.pendingAttachment = (await startUpload('lead', `/api/articles/${f.article.id}/attachments`))!;

  // Academy: modules of every kind the operations need, sessions taught by the session trainer, two paths.
  f.classroom = await module('classroom', 'employees');
  [f.session, f.enrolSession, f.cancelSession] = [await session(f.classroom), await session(f.classroom), await session(f.classroom)];
  await must('owner', 'POST', `/api/sessions/${f.session}/enrolment`, undefined, 201);
  f.assignment = await module('assignment', 'employees');
  const fileUpload = await startUpload('owner', `/api/modules/${f.assignment}/files`);
  const file = await must('owner', 'POST', `/api/modules/${f.assignment}/files/${fileUpload}/complete`, undefined, 201);
  f.ownerFile = { id: file.id, url: file.url };
  f.ownerPendingUpload = (await startUpload('owner', `/api/modules/${f.assignment}/files`))!;
  f.external = await module('external', 'employees', { provider: 'Trimbos-instituut' });
  f.publicExternal = await module('external', 'public', { provider: 'Trimbos-instituut' });
  f.elearning = await module('elearning', 'employees');
  f.path = (await must('admin', 'POST', '/api/paths', pathInput(`Sweep pad ${run}`), 201)).id;
  f.migratePath = (await must('admin', 'POST', '/api/paths', pathInput(`Sweep migratiepad ${run}`), 201)).id;
});

// ---- the sweep ----------------------------------------------------------------------------------
describe('role sweep: every operation × every caller answers what the access rules say', () => {
  it('has a rule for every operation the API serves, and no rule for one it does not', async () => {
    const doc = (await api('/api/openapi.json')).data as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    // Routes the app serves, documented or not: a route added without an OpenAPI definition is caught too.
    const app = createApp(buildDeps(loadConfig(stack().env)), { extraRoutes: [devRoutes(await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: 'x' }))] });
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && !['/api/openapi.json', '/api/docs', '/api/docs.css'].includes(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.length).toBeGreaterThan(50);
    expect([...new Set([...documented, ...served])].filter((op) => !rules[op]).sort()).toEqual([]);
    expect(Object.keys(rules).filter((op) => !documented.includes(op)).sort()).toEqual([]);
  });

  it.each(Object.entries(rules))('%s', async (operation, cases) => {
    const method = operation.split(' ')[0]!;
    const failures: string[] = [];
    for (const c of cases) {
      expect(c.allow.length, `${operation} (${c.name}) allows nobody`).toBeGreaterThan(0);
      for (const actor of actors) {
        const call = await c.call(actor);
        const res = await api(call.path, { method, token: token[actor], redirect: 'manual', ...(call.json !== undefined ? { json: call.json } : {}) });
        const allowed = c.allow.includes(actor);
        // A refusal is a problem document like every other error, never an empty or HTML page.
        const fine = allowed
          ? c.ok ? res.status === c.ok : res.status >= 200 && res.status < 300
          : refusedStatuses(actor).includes(res.status) && res.data?.status === res.status;
        if (!fine) failures.push(`${c.name}: ${actor} → ${res.status} (expected ${allowed ? (c.ok ?? '2xx') : refusedStatuses(actor).join('/')}) ${typeof res.data === 'object' ? (res.data?.detail ?? '') : ''}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
