import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import type { Role } from '../../functions/src/platform/auth/roles';
import { createApp } from '../../functions/src/app';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { devRoutes } from '../../functions/src/dev/routes';
import { actorOf, can, type Action, type Actor as PolicyActor, type Kind, type Resources } from '../../functions/src/policy';
import { api, demo, stack, tokenFor } from '../support/api';
import { syntheticEmployees, untilStarted } from '../support/learning';
import { validPackage } from '../support/scorm-corpus';
import { ensureUser } from '../../functions/src/identity';

/**
 * The role sweep, and the access policy's matrix test against the API: every operation, called
 * by every kind of caller with a valid body and a real resource, answers what the policy
 * (functions/src/policy) says for that caller and resource. Allowed callers succeed with the very
 * same request, which proves a denial comes from the access check and not from validation or a
 * missing resource. A route's own `security` flag decides nothing, and an operation without an
 * entry fails the sweep; so does a route that forgets to ask the policy, or asks it the wrong thing.
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

// ---- who may: asked of the policy, for each caller as the policy sees them -----------------------
const network = 'suicidepreventie';
const roleOf: Record<Exclude<Actor, 'anonymous'>, Role[]> = {
  admin: ['academy-admin', 'employee'],
  lead: ['author', 'employee'],
  networkAuthor: ['author', 'employee'],
  outsideAuthor: ['author', 'employee'],
  trainer: ['trainer', 'employee'],
  sessionTrainer: ['trainer', 'employee'],
  manager: ['team-manager', 'employee'],
  employee: ['employee'],
  owner: ['employee'],
  partner: ['partner'],
};
/** The caller as the policy sees them: the same roles as their token, the memberships the seed gave them in the network. */
function policyActor(actor: Actor): PolicyActor {
  if (actor === 'anonymous') return actorOf(null);
  // The lead also leads the sweep's own network (created by the academy for the networks operations).
  const memberships = actor === 'lead' ? [{ networkId: network, role: 'lead' as const }, { networkId: sweepNetworkId(), role: 'lead' as const }] : actor === 'networkAuthor' ? [{ networkId: network, role: 'member' as const }] : [];
  return actorOf({ id: id[actor], name: actor, roles: roleOf[actor], ...(actor === 'partner' ? { organisationId: 'org-hap-de-linde' } : {}) }, memberships);
}
type May = (actor: Actor) => boolean;
/** Allowed when the policy allows the action on the resource (which may depend on the caller, e.g. their own seat). */
const policy = <K extends Kind>(kind: K, action: Action<K>, resource: Resources[K] | ((actor: Actor) => Resources[K])): May => (actor) =>
  can(policyActor(actor), kind, action, typeof resource === 'function' ? (resource as (a: Actor) => Resources[K])(actor) : resource);
/** Operations outside the policy: open to everyone, or to anyone signed in for their own data. */
const everyone: May = () => true;
const signedIn: May = (actor) => actor !== 'anonymous';

const internalArticle = (): Resources['article'] => ({ networkId: network, audience: 'internal', readable: true });
const unpublishedArticle = (): Resources['article'] => ({ networkId: network, audience: 'internal', readable: false });
/** Drafts in the sweep are written and handed in by the network author. */
const draftOfTheAuthor = (): Resources['article'] => ({ ...internalArticle(), authorIds: [id.networkAuthor] });
const employeesModule: Resources['module'] = { status: 'published', enrolAudience: 'employees', kind: 'classroom' };
const elearningModule: Resources['module'] = { status: 'published', enrolAudience: 'employees', kind: 'elearning' };
const theSession = (actor: Actor): Resources['session'] => ({ module: employeesModule, trainerIds: [id.sessionTrainer], callerHasSeat: actor === 'owner' });

/**
 * What a refused caller is told: 401 or 404 to anonymous callers (sign in, or "not found" for
 * what is hidden), 403 or 404 to signed-in ones; never success, never a server error. That a
 * hidden resource answers exactly like a missing one is tested in access-defects.test.ts.
 */
const refusedStatuses = (actor: Actor) => (actor === 'anonymous' ? [401, 404] : [403, 404]);

interface Call {
  path: string;
  json?: unknown;
}
interface Case {
  name: string;
  may: May;
  /** Callers for whom the request cannot be built as it is meant, with the reason. */
  skip?: { actors: Actor[]; why: string };
  /** Builds the request for one caller; may create fresh state for it (a draft to publish, a hand-in to review). */
  call: (actor: Actor) => Promise<Call>;
  /** The success status for allowed callers; any 2xx when left out. */
  ok?: number;
  /**
   * The SCORM runtime (the player's routes): only a launch token opens them, so every caller's app
   * token (and no token) is refused with 401; this builds the one call that succeeds, with the
   * owner's launch token.
   */
  launch?: () => Promise<Call & { headers: Record<string, string> }>;
}

// ---- callers and fixtures ---------------------------------------------------------------------
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
  draftElearning: string;
  scormPendingUpload: string;
  scormImport: string;
  scormLaunch: { attemptId: string; token: string; scoId: string };
  path: string;
  migratePath: string;
  /** Portfolio core: registers made for the sweep, and the owner's external learning (one with evidence), registration and a pending evidence upload. */
  register: { id: string; name: string };
  register2: string;
  register3: string;
  ownerEntry: string;
  ownerEvidenceEntry: string;
  ownerPendingEvidence: string;
  /** A certificate the owner downloaded (its verification code, grouped). */
  certificate: string;
  /** Consultation questions (functions/src/knowledge/questions): an open network question the network author asked; an event module of the network. */
  question: string;
  eventModule: string;
};

/** The sweep's own network (networks operations): made by the academy on first use, led by the lead, open to partners. */
const sweepNetworkId = () => `sweep-netwerk-${run}`;
let sweepNetworkMade: Promise<string> | undefined;
const sweepNetwork = () =>
  (sweepNetworkMade ??= must('admin', 'POST', '/api/networks', { id: sweepNetworkId(), name: `Sweep netwerk ${run}`, theme: 'sweep', kind: 'cross-cutting', openToPartners: true, description: 'Het netwerk van de toegangsproef.', leads: [id.lead] }, 201).then(() => sweepNetworkId()));

/** The team on a caller's profile (team compliance): the manager and the owner share one; the admin is in another. */
const sweepTeam = () => `sweep-team-${run}`;
const teamOf = (actor: Actor): string | undefined => (actor === 'manager' || actor === 'owner' ? sweepTeam() : actor === 'admin' ? `sweep-academy-${run}` : undefined);

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

/** A session taught by the session trainer, in two weeks, or (`startsInMs`) starting very soon. */
async function session(moduleId: string, startsInMs?: number) {
  const start = startsInMs === undefined ? future(14) : new Date(Date.now() + startsInMs).toISOString();
  const s = await must('admin', 'POST', `/api/modules/${moduleId}/sessions`, {
    start,
    end: new Date(Date.parse(start) + 3 * 3600_000).toISOString(),
    location: 'Zaal 1.01',
    trainers: [{ id: id.sessionTrainer, name: 'Trainer van de sessie' }],
    capacity: 50,
  }, 201);
  return { id: s.id as string, start };
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

let commitSequence = 0;

/** The owner's newest launch of the e-learning (a newer launch takes the attempt over, so each runtime case launches afresh). */
async function ownerLaunch() {
  const launched = await must('owner', 'POST', `/api/modules/${f.elearning}/scorm/launch`, undefined, 201);
  const token = new URLSearchParams(new URL(launched.launchUrl).hash.slice(1)).get('launch')!;
  const runtime = await api(`/api/scorm/runtime/${launched.attemptId}`, { headers: { authorization: `Launch ${token}` } });
  expect(runtime.status, JSON.stringify(runtime.data)).toBe(200);
  return { attemptId: launched.attemptId as string, token, scoId: runtime.data.package.defaultScoId as string };
}

/** A SCORM package sent to S3 for an e-learning module (steps 1 and 2); completing it is the caller's. */
const scormZip = validPackage();
async function sendScormPackage(actor: Actor, moduleId: string) {
  const start = await as(actor, 'POST', `/api/modules/${moduleId}/scorm/uploads`, { fileName: 'pakket.zip', contentType: 'application/zip', bytes: scormZip.length });
  if (start.status !== 201) return undefined;
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(scormZip)], { type: 'application/zip' }), 'pakket.zip');
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return start.data.uploadId as string;
}

/** A fresh certificate of the owner: a new external module completed and its certificate downloaded; the code, grouped. */
async function ownerCertificate() {
  const moduleId = await module('external', 'employees', { provider: 'Trimbos-instituut', title: `Sweep certificaat ${run} ${Math.random().toString(36).slice(2, 7)}` });
  await must('owner', 'POST', `/api/modules/${moduleId}/complete`, { evidence: 'Certificaat nr. 9' }, 200);
  expect((await as('owner', 'GET', `/api/me/certificates/module/${moduleId}.pdf`)).status).toBe(200);
  const mine = await must('owner', 'GET', '/api/me/certificates', undefined, 200);
  return mine.items.find((i: { targetId: string }) => i.targetId === moduleId).certificate.code as string;
}

async function ownerSubmits() {
  const submission = await must('owner', 'POST', `/api/modules/${f.assignment}/submission`, { text: 'Mijn uitwerking van de opdracht, met voorbeelden uit de praktijk.' }, 200);
  return submission.submittedAt as string;
}

/** A network question of the network author's (open, or answered by the lead). */
const networkQuestion = (): Resources['question'] => ({ networkId: network, askerId: id.networkAuthor, visibility: 'network' });
async function askQuestion(answered = false) {
  const q = await must('networkAuthor', 'POST', `/api/networks/${network}/questions`, { title: `Sweepvraag ${run}`, body: 'Hoe gaan jullie om met een vraag in de toegangsproef van het netwerk?', visibility: 'network' }, 201);
  if (answered) await must('lead', 'POST', `/api/networks/${network}/questions/${q.id}/answer`, { answer: 'Zo gaan wij ermee om, met een voorbeeld uit het team.' }, 200);
  return q.id as string;
}

// ---- the table: one entry per operation --------------------------------------------------------
const rules: Record<string, Case[]> = {
  'GET /api/health': [{ name: 'health', may: everyone, call: async () => ({ path: '/api/health' }) }],
  'GET /api/me': [{ name: 'profile', may: signedIn, call: async () => ({ path: '/api/me' }) }],
  'GET /api/dev/users': [{ name: 'demo users (local only)', may: everyone, call: async () => ({ path: '/api/dev/users' }) }],
  'POST /api/dev/token': [{ name: 'demo token (local only)', may: everyone, call: async () => ({ path: '/api/dev/token', json: { userId: demo.employee } }) }],

  // Knowledge: reading
  'GET /api/articles': [{ name: 'search', may: everyone, call: async () => ({ path: `/api/articles?q=${run}` }) }],
  'GET /api/articles/by-slug/{slug}': [
    { name: 'an internal article', may: policy('article', 'read', internalArticle), call: async () => ({ path: `/api/articles/by-slug/${f.article.slug}` }) },
    { name: 'the old slug of a renamed internal article', may: policy('article', 'read', internalArticle), ok: 301, call: async () => ({ path: `/api/articles/by-slug/${f.article.oldSlug}` }) },
    { name: 'a public article', may: everyone, call: async () => ({ path: `/api/articles/by-slug/${f.publicArticle.slug}` }) },
  ],
  'GET /api/articles/{id}': [{ name: 'edit view', may: policy('article', 'read-editorial', internalArticle), call: async () => ({ path: `/api/articles/${f.article.id}` }) }],
  'GET /api/articles/{id}/versions': [{ name: 'history', may: policy('article', 'read-editorial', internalArticle), call: async () => ({ path: `/api/articles/${f.article.id}/versions` }) }],
  'GET /api/articles/{id}/versions/{version}': [{ name: 'one version', may: policy('article', 'read-editorial', internalArticle), call: async () => ({ path: `/api/articles/${f.article.id}/versions/1` }) }],
  'GET /api/articles/{id}/diff': [{ name: 'diff', may: policy('article', 'read-editorial', internalArticle), call: async () => ({ path: `/api/articles/${f.article.id}/diff?from=1&to=2` }) }],
  'GET /api/networks': [{ name: 'networks', may: everyone, call: async () => ({ path: '/api/networks' }) }],
  'GET /api/networks/{id}': [{ name: 'a network', may: everyone, call: async () => ({ path: `/api/networks/${network}` }) }],
  // Networks (functions/src/networks): membership and roles on the sweep's own network (open to partners, led by the lead), never the seeded ones.
  'POST /api/networks': [
    {
      name: 'create a network',
      may: policy('network', 'create', { networkId: '' }),
      call: async (actor) => ({ path: '/api/networks', json: { name: `Sweep netwerk ${run} ${actor}`, theme: 'sweep', kind: 'diagnosis', openToPartners: false, description: 'Een netwerk voor de toegangsproef.', leads: [] } }),
      ok: 201,
    },
  ],
  'PUT /api/networks/{id}': [
    {
      name: "edit a network's description and goals",
      may: policy('network', 'edit-page', { networkId: sweepNetworkId() }),
      call: async () => {
        const id = await sweepNetwork();
        const rev = (await must('admin', 'GET', `/api/networks/${id}`, undefined, 200)).rev as number;
        return { path: `/api/networks/${id}`, json: { description: 'Een netwerk voor de toegangsproef, bijgewerkt.', goals: '## Doelen\n\n- Toegang klopt', expectedRev: rev } };
      },
      ok: 200,
    },
  ],
  'POST /api/networks/{id}/archive': [
    {
      name: 'archive a network',
      may: policy('network', 'archive', { networkId: sweepNetworkId() }),
      call: async (actor) => {
        const created = await must('admin', 'POST', '/api/networks', { name: `Sweep archief ${run} ${actor}`, theme: 'sweep', kind: 'diagnosis', description: 'Een netwerk om te archiveren.', leads: [] }, 201);
        return { path: `/api/networks/${created.id}/archive` };
      },
      ok: 200,
    },
  ],
  'POST /api/networks/{id}/membership': [
    { name: 'join a network open to partners', may: policy('network', 'join', { networkId: sweepNetworkId(), openToPartners: true }), call: async () => ({ path: `/api/networks/${await sweepNetwork()}/membership` }) },
  ],
  'DELETE /api/networks/{id}/membership': [
    {
      name: 'leave a network',
      may: policy('network', 'leave', { networkId: sweepNetworkId() }),
      skip: { actors: ['lead'], why: 'the sole lead expert of the sweep network may not leave it (409: a network keeps a lead)' },
      call: async (actor) => {
        const id = await sweepNetwork();
        if (actor !== 'anonymous') await as(actor, 'POST', `/api/networks/${id}/membership`);
        return { path: `/api/networks/${id}/membership` };
      },
      ok: 204,
    },
  ],
  'PUT /api/networks/{id}/members/{userId}': [
    {
      name: "set someone's role in the network",
      may: policy('network', 'manage-members', { networkId: sweepNetworkId() }),
      call: async () => ({ path: `/api/networks/${await sweepNetwork()}/members/${id.owner}`, json: { role: 'member' } }),
    },
  ],
  'DELETE /api/networks/{id}/members/{userId}': [
    {
      name: 'remove someone from the network',
      may: policy('network', 'manage-members', { networkId: sweepNetworkId() }),
      call: async () => {
        const net = await sweepNetwork();
        await as('admin', 'PUT', `/api/networks/${net}/members/${id.manager}`, { role: 'member' });
        return { path: `/api/networks/${net}/members/${id.manager}` };
      },
      ok: 204,
    },
  ],
  'GET /api/networks/{id}/articles': [{ name: 'a network\'s articles with drafts', may: policy('network', 'read-articles', { networkId: network }), call: async () => ({ path: `/api/networks/${network}/articles` }) }],
  'GET /api/networks/{id}/signals': [{ name: 'a network\'s open signals', may: policy('network', 'handle-signals', { networkId: network }), call: async () => ({ path: `/api/networks/${network}/signals` }) }],
  'GET /api/me/knowledge': [{ name: 'my editorial work', may: signedIn, call: async () => ({ path: '/api/me/knowledge' }) }],
  'GET /api/me/signals': [{ name: 'my signals', may: signedIn, call: async () => ({ path: '/api/me/signals' }) }],
  'GET /api/articles/{id}/attachments': [{ name: 'attachments list', may: policy('article', 'read-editorial', internalArticle), call: async () => ({ path: `/api/articles/${f.article.id}/attachments` }) }],
  'GET /api/attachments/{articleId}/{attachmentId}/{fileName}': [
    { name: 'an attachment of an unpublished draft', may: policy('article', 'read-editorial', unpublishedArticle), call: async () => ({ path: f.draftOnly.attachmentUrl }) },
  ],

  // Knowledge: writing and review
  'POST /api/articles/preview': [{ name: 'preview', may: policy('knowledge', 'write', {}), call: async () => ({ path: '/api/articles/preview', json: { markdown: '# Kop' } }) }],
  'POST /api/articles': [{ name: 'create in a network', may: policy('network', 'write', { networkId: network }), call: async () => ({ path: '/api/articles', json: { networkId: network, ...content(`Nieuw sweep ${run} ${Math.random().toString(36).slice(2, 7)}`) } }) }],
  'POST /api/articles/{id}/draft': [{ name: 'open a draft', may: policy('article', 'edit', internalArticle), call: async () => ({ path: `/api/articles/${(await article('published')).id}/draft` }) }],
  'PUT /api/articles/{id}/draft': [
    {
      name: 'save a draft',
      may: policy('article', 'edit', internalArticle),
      call: async () => {
        const a = await article('editing');
        return { path: `/api/articles/${a.id}/draft`, json: { ...content(`Bewerkt sweep ${run}`), slug: a.slug, expectedRevision: a.revision } };
      },
    },
  ],
  'DELETE /api/articles/{id}/draft': [
    {
      name: 'abandon a draft (a never-published article goes with it)',
      may: policy('article', 'discard-draft', internalArticle),
      ok: 204,
      call: async () => {
        const a = await article('editing');
        return { path: `/api/articles/${a.id}/draft?expectedRevision=${a.revision}` };
      },
    },
  ],
  'DELETE /api/articles/{id}/attachments/{attachmentId}': [
    {
      name: 'delete an attachment no published version shows',
      may: policy('article', 'delete-attachment', internalArticle),
      ok: 204,
      call: async (actor) => {
        if (!policy('article', 'delete-attachment', internalArticle)(actor)) return { path: `/api/articles/${f.draftOnly.id}/attachments/${f.draftOnly.attachmentUrl.split('/')[4]}` };
        const uploadId = await startUpload('lead', `/api/articles/${f.draftOnly.id}/attachments`);
        const added = await must('lead', 'POST', `/api/articles/${f.draftOnly.id}/attachments/${uploadId}/complete`, undefined, 201);
        return { path: `/api/articles/${f.draftOnly.id}/attachments/${added.id}` };
      },
    },
  ],
  'POST /api/articles/{id}/submit': [
    {
      name: 'submit for review',
      may: policy('article', 'edit', internalArticle),
      call: async () => {
        const a = await article('editing');
        return { path: `/api/articles/${a.id}/submit`, json: { expectedRevision: a.revision } };
      },
    },
  ],
  'POST /api/articles/{id}/publish': [
    {
      name: 'publish',
      may: policy('article', 'publish', draftOfTheAuthor),
      call: async () => {
        const a = await article('in-review');
        return { path: `/api/articles/${a.id}/publish`, json: { expectedRevision: a.revision, note: 'Gecontroleerd' } };
      },
    },
  ],
  'POST /api/articles/{id}/return': [
    {
      name: 'return with comments',
      may: policy('article', 'return', internalArticle),
      call: async () => {
        const a = await article('in-review');
        return { path: `/api/articles/${a.id}/return`, json: { expectedRevision: a.revision, comment: 'Graag de bronnen aanvullen.' } };
      },
    },
  ],
  'POST /api/articles/{id}/archive': [{ name: 'archive', may: policy('article', 'archive', internalArticle), call: async () => ({ path: `/api/articles/${(await article('published')).id}/archive` }) }],
  'POST /api/articles/{id}/attachments': [
    { name: 'start an attachment upload', may: policy('article', 'edit', internalArticle), call: async () => ({ path: `/api/articles/${f.article.id}/attachments`, json: { fileName: 'schema.png', contentType: 'image/png', bytes: png.length } }) },
  ],
  'POST /api/articles/{id}/attachments/{uploadId}/complete': [
    {
      name: 'complete an attachment upload',
      may: policy('article', 'edit', internalArticle),
      call: async (actor) => {
        const own = policy('article', 'edit', internalArticle)(actor) ? await startUpload(actor, `/api/articles/${f.article.id}/attachments`) : undefined;
        return { path: `/api/articles/${f.article.id}/attachments/${own ?? f.pendingAttachment}/complete` };
      },
    },
  ],
  'POST /api/articles/by-slug/{slug}/signals': [
    { name: 'signal on an internal article', may: policy('article', 'signal', internalArticle), call: async () => ({ path: `/api/articles/by-slug/${f.article.slug}/signals`, json: { useful: true } }) },
  ],
  'POST /api/articles/{id}/signals/{signalId}/answer': [
    {
      name: 'answer a reader signal',
      may: policy('network', 'handle-signals', { networkId: network }),
      call: async () => {
        const s = await must('employee', 'POST', `/api/articles/by-slug/${f.article.slug}/signals`, { useful: false, remark: 'Klopt de verwijzing naar de richtlijn nog?' }, 201);
        return { path: `/api/articles/${f.article.id}/signals/${s.id}/answer`, json: { answer: 'Bijgewerkt naar de nieuwe richtlijn.' } };
      },
    },
  ],

  // Academy: catalogue and modules
  'GET /api/modules': [{ name: 'catalogue', may: everyone, call: async () => ({ path: '/api/modules' }) }],
  'GET /api/modules/{id}': [
    { name: 'a module for employees', may: policy('module', 'read', employeesModule), call: async () => ({ path: `/api/modules/${f.classroom}` }) },
    { name: 'a public module', may: everyone, call: async () => ({ path: `/api/modules/${f.publicExternal}` }) },
  ],
  'GET /api/academy/modules': [{ name: 'all modules with drafts', may: policy('academy', 'draft-modules', {}), call: async () => ({ path: '/api/academy/modules' }) }],
  'POST /api/modules': [
    { name: 'draft a module', may: policy('academy', 'draft-modules', {}), call: async () => ({ path: '/api/modules', json: moduleInput({ status: 'draft' }) }) },
    { name: 'publish a new module', may: (a) => policy('academy', 'draft-modules', {})(a) && policy('academy', 'publish-modules', {})(a), call: async () => ({ path: '/api/modules', json: moduleInput({ status: 'published' }) }) },
    {
      name: 'draft a module with accreditation points',
      may: (a) => policy('academy', 'draft-modules', {})(a) && policy('academy', 'accredit', {})(a),
      call: async () => ({ path: '/api/modules', json: moduleInput({ status: 'draft', accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 3 }] }) }),
    },
  ],
  'PUT /api/modules/{id}': [
    {
      name: 'edit a draft module',
      may: (a) => policy('academy', 'draft-modules', {})(a) && policy('module', 'edit', { ...employeesModule, status: 'draft' })(a),
      call: async () => {
        const moduleId = await module('classroom', 'employees', { status: 'draft' });
        return { path: `/api/modules/${moduleId}`, json: { ...moduleInput({}), title: `Gewijzigd ${run}`, expectedRev: 1 } };
      },
    },
    {
      name: 'edit a published module',
      may: (a) => policy('academy', 'draft-modules', {})(a) && policy('module', 'edit', employeesModule)(a),
      call: async () => {
        const moduleId = await module('classroom', 'employees');
        return { path: `/api/modules/${moduleId}`, json: { ...moduleInput({}), title: `Gewijzigd ${run}`, expectedRev: 1 } };
      },
    },
  ],
  'POST /api/modules/{id}/enrol': [{ name: 'join an e-learning module', may: policy('module', 'join', employeesModule), call: async () => ({ path: `/api/modules/${f.elearning}/enrol` }) }],
  'POST /api/modules/{id}/complete': [{ name: 'report an external training', may: policy('module', 'join', employeesModule), call: async () => ({ path: `/api/modules/${f.external}/complete`, json: { evidence: 'Certificaat nr. 1142' } }) }],
  'POST /api/modules/{id}/submission': [
    { name: 'hand in an assignment', may: policy('module', 'join', employeesModule), call: async () => ({ path: `/api/modules/${f.assignment}/submission`, json: { text: 'Mijn uitwerking van de opdracht, met een casus uit het team.' } }) },
  ],
  'GET /api/trainer/submissions': [{ name: 'review queue', may: policy('academy', 'review-assignments', {}), call: async () => ({ path: '/api/trainer/submissions' }) }],
  'POST /api/modules/{id}/submission/{userId}/review': [
    {
      name: 'review someone\'s hand-in',
      may: policy('learnerWork', 'review', () => ({ learnerId: id.owner, moduleKind: 'assignment' })),
      call: async () => ({ path: `/api/modules/${f.assignment}/submission/${id.owner}/review`, json: { decision: 'returned', feedback: 'Werk de casus verder uit.', submittedAt: await ownerSubmits() } }),
    },
  ],
  'POST /api/modules/{id}/files': [
    { name: 'start a learner file upload', may: policy('module', 'join', employeesModule), call: async () => ({ path: `/api/modules/${f.assignment}/files`, json: { fileName: 'werk.png', contentType: 'image/png', bytes: png.length } }) },
  ],
  'POST /api/modules/{id}/files/{uploadId}/complete': [
    {
      name: 'complete a learner file upload',
      may: policy('module', 'join', employeesModule),
      call: async (actor) => {
        const own = policy('module', 'join', employeesModule)(actor) ? await startUpload(actor, `/api/modules/${f.assignment}/files`) : undefined;
        return { path: `/api/modules/${f.assignment}/files/${own ?? f.ownerPendingUpload}/complete` };
      },
    },
  ],
  'GET /api/modules/{id}/files/{userId}/{fileId}/{fileName}': [
    // Trainers read assignment work, which they review; nobody else reads another learner's file.
    { name: 'another learner\'s assignment file', may: policy('learnerWork', 'read', () => ({ learnerId: id.owner, moduleKind: 'assignment' })), call: async () => ({ path: f.ownerFile.url }) },
  ],
  'DELETE /api/modules/{id}/files/{fileId}': [
    {
      name: 'delete a learner file',
      may: policy('learnerWork', 'delete', () => ({ learnerId: id.owner, moduleKind: 'assignment' })),
      call: async (actor) => {
        if (actor !== 'owner') return { path: `/api/modules/${f.assignment}/files/${f.ownerFile.id}` };
        const uploadId = await startUpload('owner', `/api/modules/${f.assignment}/files`);
        const file = await must('owner', 'POST', `/api/modules/${f.assignment}/files/${uploadId}/complete`, undefined, 201);
        return { path: `/api/modules/${f.assignment}/files/${file.id}` };
      },
    },
  ],

  // Academy: sessions
  // SCORM: a module's package
  'POST /api/modules/{id}/scorm/uploads': [
    { name: 'upload a package for a published e-learning module', may: policy('scormPackage', 'upload', { module: elearningModule }), call: async () => ({ path: `/api/modules/${f.elearning}/scorm/uploads`, json: { fileName: 'pakket.zip', contentType: 'application/zip', bytes: scormZip.length } }) },
    { name: 'upload a package for a draft e-learning module', may: policy('scormPackage', 'upload', { module: { ...elearningModule, status: 'draft' } }), call: async () => ({ path: `/api/modules/${f.draftElearning}/scorm/uploads`, json: { fileName: 'pakket.zip', contentType: 'application/zip', bytes: scormZip.length } }) },
  ],
  'POST /api/modules/{id}/scorm/uploads/{uploadId}/complete': [
    {
      name: 'complete a package upload (queues the import)',
      may: policy('scormPackage', 'upload', { module: elearningModule }),
      ok: 202,
      call: async (actor) => {
        const own = policy('scormPackage', 'upload', { module: elearningModule })(actor) ? await sendScormPackage(actor, f.elearning) : undefined;
        return { path: `/api/modules/${f.elearning}/scorm/uploads/${own ?? f.scormPendingUpload}/complete` };
      },
    },
  ],
  'GET /api/modules/{id}/scorm/imports/{importId}': [{ name: 'the status of an import', may: policy('scormPackage', 'read-import', { module: elearningModule }), call: async () => ({ path: `/api/modules/${f.elearning}/scorm/imports/${f.scormImport}` }) }],
  'GET /api/modules/{id}/scorm': [{ name: 'the versions of a package', may: policy('scormPackage', 'read-import', { module: elearningModule }), call: async () => ({ path: `/api/modules/${f.elearning}/scorm` }) }],
  'GET /api/modules/{id}/scorm/report': [{ name: 'the report of an e-learning module', may: policy('scormPackage', 'read-report', { module: elearningModule }), call: async () => ({ path: `/api/modules/${f.elearning}/scorm/report` }) }],
  'GET /api/modules/{id}/scorm/report.csv': [{ name: 'the report of an e-learning module as CSV', may: policy('scormPackage', 'read-report', { module: elearningModule }), call: async () => ({ path: `/api/modules/${f.elearning}/scorm/report.csv` }) }],
  'POST /api/modules/{id}/scorm/launch': [
    { name: 'launch an e-learning (own attempt)', may: policy('scormAttempt', 'launch', (actor) => ({ module: elearningModule, learnerId: id[actor] })), ok: 201, call: async () => ({ path: `/api/modules/${f.elearning}/scorm/launch` }) },
  ],
  'GET /api/me/scorm/attempts': [
    { name: 'my attempts at an e-learning', may: policy('scormAttempt', 'read', (actor) => ({ module: elearningModule, learnerId: id[actor] })), call: async () => ({ path: `/api/me/scorm/attempts?moduleId=${f.elearning}` }) },
  ],
  'GET /api/scorm/runtime/{attemptId}': [
    {
      name: 'the runtime of an attempt (launch token only)',
      may: () => false,
      call: async () => ({ path: `/api/scorm/runtime/${f.scormLaunch.attemptId}` }),
      launch: async () => {
        const l = await ownerLaunch();
        return { path: `/api/scorm/runtime/${l.attemptId}`, headers: { authorization: `Launch ${l.token}` } };
      },
    },
  ],
  'POST /api/scorm/runtime/{attemptId}/scos/{scoId}/commit': [
    {
      name: 'a commit of a SCO (launch token only)',
      may: () => false,
      call: async () => ({ path: `/api/scorm/runtime/${f.scormLaunch.attemptId}/scos/${f.scormLaunch.scoId}/commit`, json: { cmi: { location: 'x' }, commitSequence: ++commitSequence } }),
      launch: async () => {
        const l = await ownerLaunch();
        return { path: `/api/scorm/runtime/${l.attemptId}/scos/${l.scoId}/commit`, json: { cmi: { location: 'sweep', exit: 'suspend' }, commitSequence: ++commitSequence }, headers: { authorization: `Launch ${l.token}` } };
      },
    },
  ],
  'POST /api/scorm/runtime/launch-cookie': [
    {
      name: "the package cookie of an attempt's version (launch token only)",
      may: () => false,
      call: async () => ({ path: '/api/scorm/runtime/launch-cookie', json: { attemptId: f.scormLaunch.attemptId } }),
      launch: async () => {
        const l = await ownerLaunch();
        return { path: '/api/scorm/runtime/launch-cookie', json: { attemptId: l.attemptId }, headers: { authorization: `Launch ${l.token}` } };
      },
    },
  ],

  'POST /api/modules/{id}/sessions': [
    { name: 'plan a session', may: policy('academy', 'plan-sessions', {}), call: async () => ({ path: `/api/modules/${f.classroom}/sessions`, json: { start: future(20), end: future(20, 2), location: 'Zaal 2', trainers: [{ id: id.sessionTrainer, name: 'Trainer' }], capacity: 12 } }) },
  ],
  'PATCH /api/sessions/{id}': [{ name: 'change capacity', may: policy('academy', 'plan-sessions', {}), call: async () => ({ path: `/api/sessions/${f.session}`, json: { capacity: 50 } }) }],
  'POST /api/sessions/{id}/enrolment': [{ name: 'enrol in a session for employees', may: policy('session', 'enrol', theSession), call: async () => ({ path: `/api/sessions/${f.enrolSession}/enrolment` }) }],
  'DELETE /api/sessions/{id}/enrolment': [
    {
      name: 'cancel an enrolment',
      may: policy('session', 'enrol', theSession),
      skip: { actors: ['sessionTrainer'], why: 'a trainer never holds a seat in a session they teach, so there is nothing to cancel (409)' },
      call: async (actor) => {
        if (policy('session', 'enrol', theSession)(actor)) await must(actor, 'POST', `/api/sessions/${f.cancelSession}/enrolment`, undefined, 201);
        return { path: `/api/sessions/${f.cancelSession}/enrolment` };
      },
    },
  ],
  'GET /api/sessions/{id}/participants': [{ name: 'participant list', may: policy('session', 'read-participants', theSession), call: async () => ({ path: `/api/sessions/${f.session}/participants` }) }],
  'PUT /api/sessions/{id}/attendance/{userId}': [{ name: 'register attendance', may: policy('seat', 'register-attendance', (actor) => ({ session: theSession(actor), learnerId: id.owner })), call: async () => ({ path: `/api/sessions/${f.session}/attendance/${id.owner}`, json: { present: true } }) }],
  'GET /api/sessions/{id}/invite.ics': [{ name: 'calendar invite', may: policy('session', 'download-invite', theSession), call: async () => ({ path: `/api/sessions/${f.session}/invite.ics` }) }],
  'GET /api/trainer/sessions': [{ name: 'my sessions as trainer', may: policy('academy', 'read-trainer-sessions', {}), call: async () => ({ path: '/api/trainer/sessions' }) }],
  // Mandatory training, team compliance and the home page (functions/src/portfolio/mandatory, teams, home). Sweep requirements apply to a department nobody is in.
  'GET /api/academy/mandatory': [{ name: 'mandatory-training requirements', may: policy('mandatory', 'read', {}), call: async () => ({ path: '/api/academy/mandatory' }) }],
  'PUT /api/academy/mandatory/{moduleId}': [
    {
      name: 'make a module mandatory (a fresh module per caller)',
      may: policy('mandatory', 'manage', {}),
      call: async () => ({ path: `/api/academy/mandatory/${await module('classroom', 'employees')}`, json: { appliesTo: { departments: [`Sweep ${run}`] }, validityMonths: 12, graceDays: 30, since: '2026-01-01' } }),
    },
  ],
  'DELETE /api/academy/mandatory/{moduleId}': [
    {
      name: 'drop a requirement',
      may: policy('mandatory', 'manage', {}),
      call: async () => {
        const moduleId = await module('external', 'employees', { provider: 'Trimbos-instituut' });
        await must('admin', 'PUT', `/api/academy/mandatory/${moduleId}`, { appliesTo: { departments: [`Sweep ${run}`] }, validityMonths: 12, graceDays: 30, since: '2026-01-01' }, 200);
        return { path: `/api/academy/mandatory/${moduleId}` };
      },
    },
  ],
  'GET /api/academy/mandatory/compliance': [{ name: 'compliance per department', may: policy('mandatory', 'read-compliance', {}), call: async () => ({ path: '/api/academy/mandatory/compliance' }) }],
  'GET /api/me/mandatory': [{ name: 'my mandatory training', may: policy('mandatory', 'read', {}), call: async () => ({ path: '/api/me/mandatory' }) }],
  'GET /api/me/home': [{ name: 'the home page', may: signedIn, call: async () => ({ path: '/api/me/home' }) }],
  'GET /api/teams/mine': [{ name: 'the team I manage', may: policy('team', 'read-compliance', (actor) => ({ teamId: teamOf(actor) ?? 'none', ...(teamOf(actor) ? { callerTeamId: teamOf(actor) } : {}) })), call: async () => ({ path: '/api/teams/mine' }) }],
  'GET /api/teams/{teamId}/compliance': [{ name: "the manager's team", may: policy('team', 'read-compliance', (actor) => ({ teamId: sweepTeam(), ...(teamOf(actor) ? { callerTeamId: teamOf(actor) } : {}) })), call: async () => ({ path: `/api/teams/${sweepTeam()}/compliance` }) }],
  'GET /api/teams/{teamId}/compliance.csv': [{ name: "the manager's team as CSV", may: policy('team', 'read-compliance', (actor) => ({ teamId: sweepTeam(), ...(teamOf(actor) ? { callerTeamId: teamOf(actor) } : {}) })), call: async () => ({ path: `/api/teams/${sweepTeam()}/compliance.csv` }) }],

  // Academy: paths, Mijn leren, evaluations
  'GET /api/paths': [{ name: 'paths', may: everyone, call: async () => ({ path: '/api/paths' }) }],
  'GET /api/paths/{id}': [{ name: 'a path', may: policy('path', 'read', { status: 'published' }), call: async () => ({ path: `/api/paths/${f.path}` }) }],
  'POST /api/paths': [{ name: 'publish a path', may: policy('academy', 'publish-paths', {}), call: async () => ({ path: '/api/paths', json: pathInput(`Nieuw pad ${run}`) }) }],
  'POST /api/paths/{id}/versions': [{ name: 'publish a path version', may: policy('academy', 'publish-paths', {}), call: async () => ({ path: `/api/paths/${f.path}/versions`, json: pathInput(`Pad ${run} (nieuw)`) }) }],
  'POST /api/paths/{id}/enrol': [{ name: 'enrol in a path', may: policy('path', 'enrol', { status: 'published' }), call: async () => ({ path: `/api/paths/${f.path}/enrol` }) }],
  'POST /api/paths/{id}/migrate': [
    {
      name: 'move to the latest version',
      may: policy('path', 'enrol', { status: 'published' }),
      call: async (actor) => {
        if (policy('path', 'enrol', { status: 'published' })(actor)) await must(actor, 'POST', `/api/paths/${f.migratePath}/enrol`, undefined, 201);
        return { path: `/api/paths/${f.migratePath}/migrate` };
      },
    },
  ],
  'GET /api/me/learning': [{ name: 'Mijn leren', may: signedIn, call: async () => ({ path: '/api/me/learning' }) }],

  // Portfolio core: registers (staff read, the academy manages) and a learner's own portfolio (only themselves; others find nothing).
  'GET /api/registers': [{ name: 'the registers', may: policy('registers', 'read', {}), call: async () => ({ path: '/api/registers' }) }],
  'GET /api/registers/{id}': [{ name: 'one register', may: policy('registers', 'read', {}), call: async () => ({ path: `/api/registers/${f.register.id}` }) }],
  'POST /api/registers': [
    { name: 'create a register', may: policy('registers', 'manage', {}), call: async () => ({ path: '/api/registers', json: registerInput(`sweep-${run}-${Math.random().toString(36).slice(2, 7)}`) }) },
  ],
  'PUT /api/registers/{id}': [
    {
      name: "edit a register's rules",
      may: policy('registers', 'manage', {}),
      call: async (actor) => {
        const { name: _name, id: registerId, ...rules } = registerInput(`sweep-${run}-${Math.random().toString(36).slice(2, 7)}`);
        if (policy('registers', 'manage', {})(actor)) await must('admin', 'POST', '/api/registers', { ...rules, id: registerId, name: _name }, 201);
        return { path: `/api/registers/${policy('registers', 'manage', {})(actor) ? registerId : f.register.id}`, json: { ...rules, requiredTotal: 20, rev: 1 } };
      },
    },
  ],
  'GET /api/me/portfolio': [{ name: 'my portfolio', may: policy('portfolio', 'read', (actor) => ({ ownerId: id[actor] })), call: async () => ({ path: '/api/me/portfolio' }) }],
  'POST /api/me/portfolio/entries': [{ name: 'add external learning', may: policy('portfolio', 'write', (actor) => ({ ownerId: id[actor] })), ok: 201, call: async () => ({ path: '/api/me/portfolio/entries', json: externalInput() }) }],
  'PUT /api/me/portfolio/entries/{entryId}': [
    { name: "the owner's external learning", may: policy('portfolio', 'write', () => ({ ownerId: id.owner })), call: async () => ({ path: `/api/me/portfolio/entries/${f.ownerEntry}`, json: { ...externalInput(), title: 'Gewijzigd', rev: 1 } }) },
  ],
  'DELETE /api/me/portfolio/entries/{entryId}': [
    {
      name: "delete the owner's external learning",
      may: policy('portfolio', 'write', () => ({ ownerId: id.owner })),
      call: async (actor) => (actor === 'owner' ? { path: `/api/me/portfolio/entries/${(await must('owner', 'POST', '/api/me/portfolio/entries', externalInput(), 201)).id}?rev=1` } : { path: `/api/me/portfolio/entries/${f.ownerEntry}?rev=1` }),
    },
  ],
  'PUT /api/me/portfolio/entries/{entryId}/reflection': [
    { name: "a reflection on the owner's entry", may: policy('portfolio', 'write', () => ({ ownerId: id.owner })), call: async () => ({ path: `/api/me/portfolio/entries/${f.ownerEntry}/reflection`, json: { text: 'Wat ik meeneem.' } }) },
  ],
  'POST /api/me/portfolio/entries/{entryId}/evidence': [
    { name: "start evidence for the owner's entry", may: policy('portfolio', 'write', () => ({ ownerId: id.owner })), ok: 201, call: async () => ({ path: `/api/me/portfolio/entries/${f.ownerEvidenceEntry}/evidence`, json: { fileName: 'bewijs.png', contentType: 'image/png', bytes: png.length } }) },
  ],
  'POST /api/me/portfolio/entries/{entryId}/evidence/{uploadId}/complete': [
    {
      name: "complete evidence for the owner's entry",
      may: policy('portfolio', 'write', () => ({ ownerId: id.owner })),
      call: async (actor) => {
        const own = actor === 'owner' ? await startUpload('owner', `/api/me/portfolio/entries/${f.ownerEvidenceEntry}/evidence`) : undefined;
        return { path: `/api/me/portfolio/entries/${f.ownerEvidenceEntry}/evidence/${own ?? f.ownerPendingEvidence}/complete` };
      },
    },
  ],
  'GET /api/me/portfolio/entries/{entryId}/evidence': [
    { name: "the owner's evidence", may: policy('portfolio', 'read-evidence', () => ({ ownerId: id.owner })), call: async () => ({ path: `/api/me/portfolio/entries/${f.ownerEvidenceEntry}/evidence` }) },
  ],
  'GET /api/me/portfolio/registrations': [{ name: 'my registrations', may: policy('portfolio', 'read', (actor) => ({ ownerId: id[actor] })), call: async () => ({ path: '/api/me/portfolio/registrations' }) }],
  'POST /api/me/portfolio/registrations': [
    { name: 'add a registration', may: policy('portfolio', 'write', (actor) => ({ ownerId: id[actor] })), ok: 201, call: async () => ({ path: '/api/me/portfolio/registrations', json: { registerId: f.register.id, registrationNumber: '19012345601', cycleStart: '2024-01-01' } }) },
  ],
  'PUT /api/me/portfolio/registrations/{registerId}': [
    { name: "the owner's registration", may: policy('portfolio', 'write', () => ({ ownerId: id.owner })), call: async () => ({ path: `/api/me/portfolio/registrations/${f.register2}`, json: { registrationNumber: '19012345602', cycleStart: '2024-01-01', shareWithManager: true, rev: 1 } }) },
  ],
  'DELETE /api/me/portfolio/registrations/{registerId}': [
    {
      name: "delete the owner's registration",
      may: policy('portfolio', 'write', () => ({ ownerId: id.owner })),
      call: async (actor) => {
        if (actor === 'owner') await must('owner', 'POST', '/api/me/portfolio/registrations', { registerId: f.register3, registrationNumber: '19012345601', cycleStart: '2024-01-01' }, 201);
        return { path: `/api/me/portfolio/registrations/${f.register3}` };
      },
    },
  ],
  'GET /api/me/portfolio/registers': [{ name: 'my progress per register', may: policy('portfolio', 'read', (actor) => ({ ownerId: id[actor] })), call: async () => ({ path: '/api/me/portfolio/registers' }) }],
  'GET /api/me/portfolio/export.csv': [{ name: 'my portfolio as CSV', may: policy('portfolio', 'export', (actor) => ({ ownerId: id[actor] })), call: async () => ({ path: '/api/me/portfolio/export.csv' }) }],
  'GET /api/me/portfolio/registers/{registerId}/overview.pdf': [
    { name: "the owner's re-registration overview", may: policy('portfolio', 'export', () => ({ ownerId: id.owner })), call: async () => ({ path: `/api/me/portfolio/registers/${f.register2}/overview.pdf` }) },
  ],
  // Personal data (functions/src/privacy): my own export; the academy's erasure of another person (a fresh one per caller), erasures and the audit log.
  'GET /api/me/personal-data': [{ name: 'download my personal data', may: policy('person', 'export', (actor) => ({ personId: id[actor] })), call: async () => ({ path: '/api/me/personal-data' }) }],
  'POST /api/academy/erasures': [
    {
      name: "erase another person's data",
      may: policy('person', 'erase', { personId: 'u-someone-else' }),
      call: async () => {
        const [person] = await syntheticEmployees(1, 'u-sweep-erasable');
        expect((await api('/api/me', { token: person!.token })).status).toBe(200);
        return { path: '/api/academy/erasures', json: { personId: person!.id, reason: 'Verzoek tot wissen (toegangsproef)' } };
      },
    },
  ],
  'GET /api/academy/erasures': [{ name: 'erasures', may: policy('audit', 'read', {}), call: async () => ({ path: '/api/academy/erasures' }) }],
  'GET /api/academy/people': [{ name: 'people to pick (erasure, audit filter)', may: policy('audit', 'read', {}), call: async () => ({ path: '/api/academy/people' }) }],
  // ---- partner organisations (functions/src/partners): the academy's; invitations are public (the token is the credential) ----
  'GET /api/partners': [{ name: 'list partner organisations', may: policy('partnerOrganisation', 'read', {}), call: async () => ({ path: '/api/partners' }) }],
  'POST /api/partners': [{ name: 'register a partner organisation', may: policy('partnerOrganisation', 'manage', {}), call: async () => ({ path: '/api/partners', json: partnerOrgInput() }) }],
  'GET /api/partners/{id}': [{ name: 'one partner organisation', may: policy('partnerOrganisation', 'read', {}), call: async () => ({ path: `/api/partners/${await sweepOrg()}` }) }],
  'PUT /api/partners/{id}': [
    {
      name: 'edit a partner organisation',
      may: policy('partnerOrganisation', 'manage', {}),
      call: async () => {
        const org = await must('admin', 'POST', '/api/partners', partnerOrgInput(), 201);
        return { path: `/api/partners/${org.id}`, json: { ...partnerOrgInput(org.name), rev: org.rev } };
      },
    },
  ],
  ...Object.fromEntries(
    (['suspend', 'revoke', 'reactivate'] as const).map((change) => [
      `POST /api/partners/{id}/${change}`,
      [
        {
          name: `${change} a partner organisation`,
          may: policy('partnerOrganisation', 'change-status', {}),
          call: async () => {
            const org = await must('admin', 'POST', '/api/partners', partnerOrgInput(), 201);
            if (change === 'reactivate') await must('admin', 'POST', `/api/partners/${org.id}/suspend`, { reason: 'Voor de proef' }, 200);
            return { path: `/api/partners/${org.id}/${change}`, json: { reason: 'Voor de toegangsproef' } };
          },
        },
      ],
    ]),
  ),
  'GET /api/partners/{id}/users': [{ name: "a partner organisation's users", may: policy('partnerOrganisation', 'read', {}), call: async () => ({ path: `/api/partners/${await sweepOrg()}/users` }) }],
  'POST /api/partners/{id}/invitations': [
    { name: 'invite a partner user', may: policy('partnerOrganisation', 'manage-users', {}), call: async () => ({ path: `/api/partners/${await sweepOrg()}/invitations`, json: { name: 'Sweep Partner', email: `sweep-${Math.random().toString(36).slice(2, 7)}@partner.example` } }) },
  ],
  'DELETE /api/partners/{id}/users/{userId}': [
    {
      name: 'remove a partner user',
      may: policy('partnerOrganisation', 'manage-users', {}),
      call: async (actor) => {
        const org = await sweepOrg();
        if (!policy('partnerOrganisation', 'manage-users', {})(actor)) return { path: `/api/partners/${org}/users/u-iemand` };
        const accepted = await must('anonymous', 'POST', `/api/invitations/${await sweepInvitation()}/accept`, undefined, 201);
        return { path: `/api/partners/${org}/users/${accepted.userId}` };
      },
    },
  ],
  'GET /api/invitations/{token}': [{ name: 'what an invitation is for', may: everyone, call: async () => ({ path: `/api/invitations/${await sweepInvitation()}` }) }],
  'POST /api/invitations/{token}/accept': [{ name: 'accept an invitation', may: everyone, ok: 201, call: async () => ({ path: `/api/invitations/${await sweepInvitation()}/accept` }) }],
  'GET /api/academy/audit': [{ name: 'the audit log', may: policy('audit', 'read', {}), call: async () => ({ path: '/api/academy/audit?action=person.export' }) }],
  'POST /api/evaluations': [
    {
      name: 'evaluate a completed module',
      may: signedIn,
      call: async (actor) => {
        if (actor !== 'anonymous') await must(actor, 'POST', `/api/modules/${f.publicExternal}/complete`, { evidence: 'Certificaat nr. 77' }, 200);
        return { path: '/api/evaluations', json: { targetType: 'module', targetId: f.publicExternal, rating: 4, answers: { learned: 'Veel.' } } };
      },
    },
  ],
  // Certificates (functions/src/portfolio/certificates) and the PE-online attendance export (functions/src/reports/pe-online).
  'GET /api/me/certificates': [{ name: 'my certificates', may: policy('portfolio', 'read', (actor) => ({ ownerId: id[actor] })), call: async () => ({ path: '/api/me/certificates' }) }],
  'GET /api/me/certificates/{kind}/{file}': [
    {
      name: 'the PDF of my certificate of a completed module',
      may: policy('portfolio', 'download-certificate', (actor) => ({ ownerId: id[actor] })),
      call: async (actor) => {
        if (policy('portfolio', 'download-certificate', (a) => ({ ownerId: id[a] }))(actor)) await must(actor, 'POST', `/api/modules/${f.external}/complete`, { evidence: 'Certificaat nr. 1142' }, 200);
        return { path: `/api/me/certificates/module/${f.external}.pdf` };
      },
    },
  ],
  'GET /api/certificates/{code}': [{ name: 'verify a certificate (public)', may: policy('certificate', 'verify', {}), call: async () => ({ path: `/api/certificates/${f.certificate}` }) }],
  'GET /api/certificates': [{ name: 'all certificates', may: policy('certificate', 'list', {}), call: async () => ({ path: '/api/certificates?limit=5' }) }],
  'POST /api/certificates/{code}/revoke': [
    {
      name: 'revoke a certificate',
      may: policy('certificate', 'revoke', {}),
      call: async (actor) => {
        // Each allowed caller revokes a certificate of its own making (a revoked one answers 409).
        const code = policy('certificate', 'revoke', {})(actor) ? await ownerCertificate() : f.certificate;
        return { path: `/api/certificates/${code}/revoke`, json: { reason: 'Afgegeven in de toegangsproef' } };
      },
    },
  ],
  'GET /api/academy/accreditation/attendance.csv': [
    { name: 'PE-online attendance of an accredited course', may: policy('reports', 'export-attendance', {}), call: async () => ({ path: `/api/academy/accreditation/attendance.csv?register=${encodeURIComponent('V&VN Kwaliteitsregister')}&course=SWEEP-${run}` }) },
  ],
  'GET /api/evaluations/{targetType}/{targetId}': [{ name: 'evaluation results', may: policy('academy', 'read-evaluations', {}), call: async () => ({ path: `/api/evaluations/module/${f.publicExternal}` }) }],
  // Academy reports (functions/src/reports): aggregates only, the academy.
  'GET /api/academy/reports': [{ name: 'academy dashboard', may: policy('reports', 'read-dashboard', {}), call: async () => ({ path: '/api/academy/reports?from=2025-01&to=2025-12' }) }],
  ...Object.fromEntries(
    ['months', 'modules', 'paths', 'networks', 'registers'].map((table) => [
      `GET /api/academy/reports/${table}.csv`,
      [{ name: `academy dashboard table ${table} as CSV`, may: policy('reports', 'read-dashboard', {}), call: async () => ({ path: `/api/academy/reports/${table}.csv` }) }],
    ]),
  ),
  // Consultation questions (functions/src/knowledge/questions), network events (learning/sessions/network-events.ts), network activity (reports/activity).
  'GET /api/networks/{id}/questions': [{ name: "a network's questions (filtered by visibility)", may: signedIn, call: async () => ({ path: `/api/networks/${network}/questions` }) }],
  'POST /api/networks/{id}/questions': [
    { name: 'ask the network a question', may: policy('question', 'ask', (actor) => ({ networkId: network, askerId: id[actor], visibility: 'network' })), ok: 201, call: async () => ({ path: `/api/networks/${network}/questions`, json: { title: `Vraag ${run}`, body: 'Welke ervaring hebben jullie met deze aanpak in de toegangsproef?' } }) },
  ],
  'POST /api/networks/{id}/questions/{qid}/answer': [
    {
      name: 'answer a network question (a fresh one per allowed caller)',
      may: policy('question', 'answer', networkQuestion),
      call: async (actor) => ({ path: `/api/networks/${network}/questions/${policy('question', 'answer', networkQuestion)(actor) ? await askQuestion() : f.question}/answer`, json: { answer: 'Ons antwoord, met een voorbeeld uit de praktijk.' } }),
    },
  ],
  'POST /api/networks/{id}/questions/{qid}/draft-article': [
    {
      name: 'turn an answered question into a draft article',
      may: policy('question', 'draft-article', networkQuestion),
      ok: 201,
      call: async (actor) => ({ path: `/api/networks/${network}/questions/${policy('question', 'draft-article', networkQuestion)(actor) ? await askQuestion(true) : f.question}/draft-article` }),
    },
  ],
  'GET /api/questions/{qid}': [{ name: 'a network question', may: policy('question', 'read', networkQuestion), call: async () => ({ path: `/api/questions/${f.question}` }) }],
  'GET /api/me/questions': [{ name: 'my questions', may: signedIn, call: async () => ({ path: '/api/me/questions' }) }],
  'GET /api/networks/{id}/events': [{ name: "a network's upcoming events", may: everyone, call: async () => ({ path: `/api/networks/${network}/events` }) }],
  'POST /api/networks/{id}/events': [
    { name: 'plan a network event', may: policy('networkEvent', 'plan', { networkId: network }), ok: 201, call: async () => ({ path: `/api/networks/${network}/events`, json: { moduleId: f.eventModule, start: future(30), end: future(30, 2), location: 'Zaal 3', capacity: 30 } }) },
  ],
  'GET /api/me/network-events': [{ name: 'events of my networks', may: signedIn, call: async () => ({ path: '/api/me/network-events' }) }],
  'GET /api/networks/{id}/activity': [{ name: "a network's activity per quarter", may: policy('networkActivity', 'read', { networkId: network }), call: async () => ({ path: `/api/networks/${network}/activity` }) }],
  'GET /api/academy/network-activity': [{ name: 'networks side by side', may: policy('reports', 'read-dashboard', {}), call: async () => ({ path: '/api/academy/network-activity' }) }],
};

const partnerOrgInput = (name = `Sweep partner ${run} ${Math.random().toString(36).slice(2, 7)}`) => ({ name, kind: 'school', contact: { name: 'Sweep Contact', email: 'contact@sweep.example' }, networkIds: [], moduleIds: [] });
let sweepOrgId: Promise<string> | undefined;
/** One active partner organisation for the reads and invitations of the sweep (made on first use). */
const sweepOrg = () => (sweepOrgId ??= must('admin', 'POST', '/api/partners', partnerOrgInput(), 201).then((o) => o.id as string));
/** A fresh invitation into the sweep's organisation: its token, from the local link. */
const sweepInvitation = async () => {
  const invited = await must('admin', 'POST', `/api/partners/${await sweepOrg()}/invitations`, { name: 'Sweep Genodigde', email: `sweep-${Math.random().toString(36).slice(2, 7)}@partner.example` }, 201);
  return /\/uitnodiging\/([A-Za-z0-9_-]+)$/.exec(invited.link)![1]!;
};
const moduleInput = (extra: Record<string, unknown>) => ({ kind: 'classroom', title: `Nieuwe module ${run}`, description: 'Beschrijving.', durationMinutes: 90, enrolAudience: 'employees', ...extra });
const registerInput = (registerId: string) => ({ id: registerId, name: `Sweepregister ${registerId}`, unit: 'points', cycleYears: 5, requiredTotal: 10, registrationNumberPattern: '^\\d{11}$', registrationNumberExample: '19012345601' });
const externalInput = () => ({ title: `Congres ${run}`, provider: 'GGZ Nederland', date: '2025-03-01', hours: 4, points: [] });
const pathInput = (title: string) => ({ title, description: 'Een leerpad voor de toegangsproef.', minOptional: 0, steps: [{ id: 's1', moduleId: f.elearning, required: true, unlockAfter: [] }] });

// ---- setup ------------------------------------------------------------------------------------
/** Callers minted for the sweep (the lead and the network author are seeded users, for their memberships). */
const synthetic: Array<Exclude<Actor, 'anonymous' | 'lead' | 'networkAuthor'>> = ['admin', 'outsideAuthor', 'trainer', 'sessionTrainer', 'manager', 'employee', 'owner', 'partner'];

beforeAll(async () => {
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  for (const actor of synthetic) {
    id[actor] = `u-sweep-${actor.toLowerCase()}-${run}`;
    token[actor] = await issuer.mint({ id: id[actor], name: `Sweep ${actor}`, roles: roleOf[actor], ...(actor === 'partner' ? { organisationId: 'org-hap-de-linde' } : {}) });
  }
  // Network membership comes from the seeded networks: Fatima leads Suïcidepreventie, Joost is a member.
  id.lead = demo.author;
  id.networkAuthor = demo.author2;
  token.lead = await tokenFor(demo.author);
  token.networkAuthor = await tokenFor(demo.author2);
  // Team compliance: the manager leads a team of their own (with the owner in it), the admin belongs to another; profiles say so.
  const store = buildDeps(loadConfig(stack().env)).store;
  for (const actor of ['manager', 'owner', 'admin'] as const) await ensureUser(store, { id: id[actor], name: `Sweep ${actor}`, roles: roleOf[actor], teamId: teamOf(actor)!, teamName: `Sweepteam ${run}`, createdAt: new Date().toISOString() });

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
  // The session under test starts during the setup: the owner enrols first, attendance is registered after the start.
  const started = await session(f.classroom, 8_000);
  f.session = started.id;
  await must('owner', 'POST', `/api/sessions/${f.session}/enrolment`, undefined, 201);
  [f.enrolSession, f.cancelSession] = [(await session(f.classroom)).id, (await session(f.classroom)).id];
  f.assignment = await module('assignment', 'employees');
  const fileUpload = await startUpload('owner', `/api/modules/${f.assignment}/files`);
  const file = await must('owner', 'POST', `/api/modules/${f.assignment}/files/${fileUpload}/complete`, undefined, 201);
  f.ownerFile = { id: file.id, url: file.url };
  f.ownerPendingUpload = (await startUpload('owner', `/api/modules/${f.assignment}/files`))!;
  f.external = await module('external', 'employees', { provider: 'Trimbos-instituut' });
  f.publicExternal = await module('external', 'public', { provider: 'Trimbos-instituut' });
  f.certificate = await ownerCertificate();
  f.elearning = await module('elearning', 'employees');
  f.draftElearning = await module('elearning', 'employees', { status: 'draft' });
  f.scormPendingUpload = (await sendScormPackage('admin', f.elearning))!;
  f.scormImport = (await must('admin', 'POST', `/api/modules/${f.elearning}/scorm/uploads/${(await sendScormPackage('admin', f.elearning))!}/complete`, undefined, 202)).importId;
  // Launching needs a launchable version: the import must be ready; then the owner's launch for the runtime routes.
  for (const deadline = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 50))) {
    const status = (await must('admin', 'GET', `/api/modules/${f.elearning}/scorm/imports/${f.scormImport}`, undefined, 200)).status;
    if (status === 'ready') break;
    if (status === 'failed' || Date.now() > deadline) throw new Error(`sweep package import: ${status}`);
  }
  f.scormLaunch = await ownerLaunch();
  f.path = (await must('admin', 'POST', '/api/paths', pathInput(`Sweep pad ${run}`), 201)).id;
  f.migratePath = (await must('admin', 'POST', '/api/paths', pathInput(`Sweep migratiepad ${run}`), 201)).id;
  // Portfolio core: three registers, the owner's external learning (one with evidence) and a registration.
  f.register = await must('admin', 'POST', '/api/registers', registerInput(`sweep-${run}-a`), 201);
  f.register2 = (await must('admin', 'POST', '/api/registers', registerInput(`sweep-${run}-b`), 201)).id;
  f.register3 = (await must('admin', 'POST', '/api/registers', registerInput(`sweep-${run}-c`), 201)).id;
  await must('owner', 'POST', '/api/me/portfolio/registrations', { registerId: f.register2, registrationNumber: '19012345601', cycleStart: '2024-01-01' }, 201);
  f.ownerEntry = (await must('owner', 'POST', '/api/me/portfolio/entries', externalInput(), 201)).id;
  f.ownerEvidenceEntry = (await must('owner', 'POST', '/api/me/portfolio/entries', externalInput(), 201)).id;
  const evidenceUpload = await startUpload('owner', `/api/me/portfolio/entries/${f.ownerEvidenceEntry}/evidence`);
  await must('owner', 'POST', `/api/me/portfolio/entries/${f.ownerEvidenceEntry}/evidence/${evidenceUpload}/complete`, undefined, 200);
  f.ownerPendingEvidence = (await startUpload('owner', `/api/me/portfolio/entries/${f.ownerEvidenceEntry}/evidence`))!;
  // Consultation questions and network events.
  f.question = await askQuestion();
  f.eventModule = await module('event', 'employees', { networkId: network, eventType: 'kenniscafe' });
  await untilStarted(started);
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
      if (c.launch) {
        // No app token opens the player's routes, whoever holds it; the owner's launch token does.
        for (const actor of actors) {
          const call = await c.call(actor);
          const res = await api(call.path, { method, token: token[actor], redirect: 'manual', ...(call.json !== undefined ? { json: call.json } : {}) });
          if (res.status !== 401 || res.data?.status !== 401) failures.push(`${c.name}: ${actor} with an app token → ${res.status} (expected 401)`);
        }
        const call = await c.launch();
        const res = await api(call.path, { method, headers: call.headers, ...(call.json !== undefined ? { json: call.json } : {}) });
        if (res.status < 200 || res.status >= 300) failures.push(`${c.name}: with the launch token → ${res.status} ${JSON.stringify(res.data)}`);
        continue;
      }
      // Every case shows a success and (unless the operation is open to all) a refusal.
      expect(actors.some((a) => c.may(a)), `${operation} (${c.name}) allows nobody`).toBe(true);
      for (const actor of actors) {
        if (c.skip?.actors.includes(actor)) continue;
        const call = await c.call(actor);
        const res = await api(call.path, { method, token: token[actor], redirect: 'manual', ...(call.json !== undefined ? { json: call.json } : {}) });
        const allowed = c.may(actor);
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
