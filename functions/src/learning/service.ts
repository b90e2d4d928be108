import type { Principal } from '../platform/auth/principal';
import { Problem } from '../platform/http/problem';
import type { StoreClients } from '../platform/store/clients';
import { timeId } from '../platform/store/keys';
import * as db from './store';
import type { LearnerModule, PathMeta, Session, StoredModule } from './store';
import { articleReachesAll, publishedAudience, renderMarkdown } from '../knowledge';
import * as learnerFiles from './files/service';
import { actorOf, authorize, can, enrolAudiences, type ModuleResource, type SessionResource } from '../policy';
import type { FileRef } from './files/service';
import { computeProgress, earnedAccreditation } from './domain/progress';
import { validatePath } from './domain/path-rules';
import { aggregateEvaluations } from './domain/evaluation';
import { sessionKinds, type LearningModule, type LearningPath, type PathStep, type StepCompletion } from './domain/types';

/**
 * Academy use cases: catalogue, sessions with seats and waitlist, blended paths, completion.
 * Progress itself is computed only in learning/progress.ts; here we gather the facts for it.
 */
export interface LearningCtx {
  store: StoreClients;
  principal: Principal | null;
  now?: () => string;
}

const nowOf = (ctx: LearningCtx) => (ctx.now ? ctx.now() : new Date().toISOString());

function signedIn(ctx: LearningCtx): Principal {
  if (!ctx.principal) throw new Problem('unauthenticated', 'Meld je aan om je in te schrijven');
  return ctx.principal;
}

/** The caller as the access policy sees them (learning rules need no network memberships). */
const actor = (ctx: LearningCtx) => actorOf(ctx.principal);

/** The module as the policy sees it. */
const moduleResource = (m: Pick<StoredModule, 'status' | 'enrolAudience' | 'kind'>): ModuleResource => ({ status: m.status, enrolAudience: m.enrolAudience, kind: m.kind });

/** A module the caller may see; a hidden one answers exactly like a missing one. */
function visibleModule(ctx: LearningCtx, m: StoredModule | undefined, action: 'read' | 'join' = 'read'): StoredModule {
  if (!m) throw new Problem('notFound', 'Deze module bestaat niet');
  authorize(actor(ctx), 'module', action, moduleResource(m), 'Deze module bestaat niet');
  return m;
}

function sessionResource(ctx: LearningCtx, s: Session, m: StoredModule, seat?: { status: string }): SessionResource {
  return { module: moduleResource(m), trainerIds: s.trainers.map((t) => t.id), callerHasSeat: Boolean(ctx.principal && seat && seat.status !== 'cancelled') };
}

/** The academy-admin publishes and accredits; authors draft. Checked on what the write would change. */
function authorizeModuleWrite(ctx: LearningCtx, input: ModuleInput, current?: StoredModule) {
  const a = actor(ctx);
  authorize(a, 'academy', 'draft-modules', {});
  if (current) authorize(a, 'module', 'edit', moduleResource(current));
  const status = input.status ?? current?.status ?? 'draft';
  if (status !== 'draft' || (current && current.status !== 'draft')) authorize(a, 'academy', 'publish-modules', {});
  const points = (list: ModuleInput['accreditation'] | undefined) => JSON.stringify((list ?? []).map((x) => [x.register, x.points, x.accreditationNumber ?? '']));
  if (points(input.accreditation) !== points(current?.accreditation)) authorize(a, 'academy', 'accredit', {});
}

// ---- catalogue -------------------------------------------------------------------------------

/**
 * The published catalogue, kept per instance for a few seconds: it changes rarely and is read
 * constantly. One refresh at a time (concurrent readers share it), and readers keep getting the
 * previous copy while it runs, so an expiry never stampedes the table.
 */
interface CatalogueEntry {
  module: StoredModule;
  /** Folded title, description, themes and goals, computed once per load for text filtering. */
  text: string;
  /** Folded themes, computed once per load for matching modules to articles. */
  themes: Set<string>;
}
let catalogueCache: { at: number; entries: CatalogueEntry[] } | undefined;
let catalogueRefresh: { generation: number; entries: Promise<CatalogueEntry[]> } | undefined;
/** Raised by every change: a refresh that began before a change may have missed it. */
let catalogueGeneration = 0;
const catalogueTtlMs = 5000;

export function forgetCatalogue() {
  catalogueGeneration++;
  catalogueCache = undefined;
}

function refreshCatalogue(store: StoreClients): Promise<CatalogueEntry[]> {
  const generation = catalogueGeneration;
  // Readers share a refresh, but not one that began before the latest change (it is neither reused nor cached).
  if (catalogueRefresh?.generation === generation) return catalogueRefresh.entries;
  const refresh = db
    .listPublishedModules(store)
    .then((modules) => {
      // Sorted once here, so a request only filters (a Dutch collator per request is the slow part).
      const collator = new Intl.Collator('nl');
      const entries = modules
        .sort((a, b) => collator.compare(a.title, b.title))
        .map((m) => ({ module: m, text: fold(`${m.title} ${m.description} ${m.themes.join(' ')} ${m.learningGoals.join(' ')}`), themes: new Set(m.themes.map(fold)) }));
      if (generation === catalogueGeneration) catalogueCache = { at: Date.now(), entries };
      return entries;
    })
    .finally(() => {
      if (catalogueRefresh?.entries === refresh) catalogueRefresh = undefined;
    });
  catalogueRefresh = { generation, entries: refresh };
  return refresh;
}

async function catalogue(store: StoreClients): Promise<CatalogueEntry[]> {
  if (!catalogueCache) return refreshCatalogue(store);
  if (Date.now() - catalogueCache.at >= catalogueTtlMs) void refreshCatalogue(store).catch(() => undefined);
  return catalogueCache.entries;
}

/**
 * Titles, kinds and accreditation of modules, from the cached catalogue where it has them (the
 * published ones); only the rest (drafts, archived) cost a BatchGet. For lists such as Mijn leren.
 */
async function listFieldsOf(store: StoreClients, ids: string[]): Promise<Map<string, StoredModule>> {
  const byId = new Map<string, StoredModule>();
  const entries = await catalogue(store);
  const wanted = new Set(ids);
  for (const e of entries) if (wanted.has(e.module.id)) byId.set(e.module.id, e.module);
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) for (const [id, m] of await db.getModules(store, missing)) byId.set(id, m);
  return byId;
}

export interface CatalogueQuery {
  q?: string;
  kind?: string;
  network?: string;
  theme?: string;
  register?: string;
  language?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
const count = (acc: Record<string, number>, key: string | undefined) => {
  if (key) acc[key] = (acc[key] ?? 0) + 1;
};

export async function searchCatalogue(ctx: LearningCtx, q: CatalogueQuery) {
  const audiences = enrolAudiences(actor(ctx));
  let entries = (await catalogue(ctx.store)).filter((e) => audiences.includes(e.module.enrolAudience));
  const nowIso = nowOf(ctx);
  // A date range narrows to modules with a session in it (one Query on the session index).
  let inRange: Map<string, Session> | undefined;
  if (q.from || q.to) {
    const from = q.from ? `${q.from}T00:00:00` : nowIso;
    const to = q.to ? `${q.to}T23:59:59` : '9999';
    inRange = new Map();
    for (const s of await db.sessionsBetween(ctx.store, from, to)) if (s.status === 'planned' && !inRange.has(s.moduleId)) inRange.set(s.moduleId, s);
    entries = entries.filter((e) => inRange!.has(e.module.id));
  }
  if (q.q) {
    const words = fold(q.q).split(/\s+/).filter(Boolean);
    entries = entries.filter((e) => words.every((w) => e.text.includes(w)));
  }
  const modules = entries.map((e) => e.module);
  const filters: Array<[keyof CatalogueQuery, (m: StoredModule) => boolean]> = [
    ['kind', (m) => m.kind === q.kind],
    ['network', (m) => m.networkId === q.network],
    ['theme', (m) => m.themes.includes(q.theme!)],
    ['register', (m) => m.accreditation.some((a) => a.register === q.register)],
    ['language', (m) => m.language === q.language],
  ];
  const active = filters.filter(([name]) => q[name]);
  // Facets count what the other filters leave, so a chosen filter still shows its alternatives.
  const facets = { kind: {}, network: {}, theme: {}, register: {}, language: {} } as Record<'kind' | 'network' | 'theme' | 'register' | 'language', Record<string, number>>;
  for (const m of modules) {
    const failed = active.filter(([, test]) => !test(m)).map(([name]) => name);
    if (failed.length > 1) continue;
    const passes = (except: string) => failed.length === 0 || failed[0] === except;
    if (passes('kind')) count(facets.kind, m.kind);
    if (passes('network')) count(facets.network, m.networkId);
    if (passes('theme')) m.themes.forEach((t) => count(facets.theme, t));
    if (passes('register')) new Set(m.accreditation.map((a) => a.register)).forEach((r) => count(facets.register, r));
    if (passes('language')) count(facets.language, m.language);
  }
  const matching = modules.filter((m) => active.every(([, test]) => test(m)));
  const page = matching.slice(q.offset, q.offset + q.limit);
  return {
    total: matching.length,
    modules: page.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      summary: m.description.replace(/[#*_>`\[\]()]/g, '').slice(0, 220),
      durationMinutes: m.durationMinutes,
      networkId: m.networkId,
      themes: m.themes,
      accreditation: m.accreditation,
      enrolAudience: m.enrolAudience,
      language: m.language,
      ...(inRange?.get(m.id) ? { nextSession: sessionSummary(inRange.get(m.id)!) } : {}),
    })),
    facets,
  };
}

/**
 * Modules to show beside a knowledge article, among those the reader may join: first the reading
 * modules that assign this very article, then modules that share its themes or network. Served
 * from the cached catalogue, so an article read adds no datastore call.
 */
export async function relatedModules(ctx: LearningCtx, article: { slug: string; networkId: string; themes: string[] }, limit = 4) {
  const audiences = enrolAudiences(actor(ctx));
  const themes = [...new Set(article.themes.map(fold))];
  const score = ({ module: m, themes: moduleThemes }: CatalogueEntry) =>
    (m.kind === 'reading' && m.articleSlug === article.slug ? 10 : 0) + themes.filter((t) => moduleThemes.has(t)).length * 2 + (m.networkId === article.networkId ? 1 : 0);
  return (await catalogue(ctx.store))
    .filter((e) => audiences.includes(e.module.enrolAudience))
    .map((e) => ({ m: e.module, score: score(e) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score) // stable: equal scores keep the catalogue's title order
    .slice(0, limit)
    .map(({ m }) => ({ id: m.id, kind: m.kind, title: m.title, durationMinutes: m.durationMinutes }));
}

const sessionSummary = (s: Session) => ({ id: s.id, start: s.start, end: s.end, location: s.location, seatsLeft: Math.max(0, s.capacity - s.enrolled) });

// ---- modules ---------------------------------------------------------------------------------

export type ModuleInput = Omit<LearningModule, 'id' | 'status'> & { status?: LearningModule['status'] };

const audienceNames = { internal: 'medewerkers', partners: 'medewerkers en ketenpartners', public: 'iedereen' } as const;

async function checkModuleInput(ctx: LearningCtx, input: ModuleInput) {
  if (input.kind === 'reading') {
    if (!input.articleSlug) throw new Problem('validation', 'Een leesmodule verwijst naar een kennisartikel', { errors: [{ path: 'articleSlug', message: 'Verplicht bij vorm "lezen"' }] });
    const audience = await publishedAudience(ctx.store, input.articleSlug);
    if (!audience) throw new Problem('validation', 'Onbekend of niet gepubliceerd artikel', { errors: [{ path: 'articleSlug', message: `Geen gepubliceerd artikel "${input.articleSlug}"` }] });
    // Whoever may join the module must be able to read the article it assigns.
    if (!articleReachesAll(audience, input.enrolAudience)) {
      throw new Problem('validation', 'Het artikel is niet leesbaar voor iedereen die zich mag inschrijven', {
        errors: [{ path: 'enrolAudience', message: `Het artikel is voor ${audienceNames[audience]}; kies een kleinere groep of open het artikel verder` }],
      });
    }
  }
  if (input.kind === 'external' && !input.provider) throw new Problem('validation', 'Externe scholing noemt de aanbieder', { errors: [{ path: 'provider', message: 'Verplicht bij vorm "extern"' }] });
}

export async function createModule(ctx: LearningCtx, input: ModuleInput, id = `m-${timeId()}`) {
  authorizeModuleWrite(ctx, input);
  await checkModuleInput(ctx, input);
  const now = nowOf(ctx);
  const m: StoredModule = { ...input, id, status: input.status ?? 'draft', descriptionHtml: renderMarkdown(input.description).html, rev: 1, createdAt: now, updatedAt: now };
  if (!(await db.putModule(ctx.store, m, null))) throw new Problem('conflict', `Module ${id} bestaat al`);
  forgetCatalogue();
  return m;
}

export async function updateModule(ctx: LearningCtx, id: string, expectedRev: number, input: ModuleInput) {
  authorize(actor(ctx), 'academy', 'draft-modules', {});
  const current = await db.getModule(ctx.store, id);
  if (!current) throw new Problem('notFound', 'Deze module bestaat niet');
  authorizeModuleWrite(ctx, input, current);
  await checkModuleInput(ctx, input);
  const next: StoredModule = { ...current, ...input, id, status: input.status ?? current.status, descriptionHtml: renderMarkdown(input.description).html, rev: current.rev + 1, updatedAt: nowOf(ctx) };
  if (!(await db.putModule(ctx.store, next, expectedRev))) {
    const latest = await db.getModule(ctx.store, id);
    throw new Problem('versionConflict', 'Deze module is intussen gewijzigd; laad de nieuwste versie', { currentRev: latest?.rev });
  }
  forgetCatalogue();
  return next;
}

export async function moduleDetail(ctx: LearningCtx, id: string) {
  const m = visibleModule(ctx, await db.getModule(ctx.store, id));
  const sessions = sessionKinds.includes(m.kind) ? await db.sessionsOfModule(ctx.store, id, nowOf(ctx).slice(0, 10)) : [];
  const p = ctx.principal;
  const [mine, seats] = p ? await Promise.all([db.getLearnerModule(ctx.store, p.id, id), Promise.all(sessions.map((s) => db.getSeat(ctx.store, s.id, p.id)))]) : [undefined, []];
  const waitPositions = await Promise.all(
    sessions.map(async (s, i) => {
      const seat = seats[i];
      if (seat?.status !== 'waitlisted') return undefined;
      const all = await db.seatsOfSession(ctx.store, s.id);
      return all.filter((x) => x.status === 'waitlisted' && x.waitlistPosition! <= seat.waitlistPosition!).length;
    }),
  );
  return {
    module: m,
    sessions: sessions
      .map((s, i) => {
        // Meeting links and trainer ids go to participants, the session's trainers and the academy only.
        const res = sessionResource(ctx, s, m, seats[i]);
        const { meetingUrl, trainers, ...rest } = s;
        return {
          ...rest,
          ...(can(actor(ctx), 'session', 'read-meeting-link', res) ? { meetingUrl } : {}),
          trainers: can(actor(ctx), 'session', 'read-participants', res) ? trainers : trainers.map(({ name }) => ({ name })),
          seatsLeft: Math.max(0, s.capacity - s.enrolled),
          myStatus: seats[i]?.status,
          myWaitlistPosition: waitPositions[i],
        };
      })
      .filter((s) => s.status === 'planned'),
    my: p ? { completed: Boolean(mine?.completedAt), completedAt: mine?.completedAt, enrolled: Boolean(mine?.enrolledAt), submission: mine?.submission, evidence: mine?.evidence, evidenceFiles: mine?.evidenceFiles } : undefined,
  };
}

/** For academy staff: every module, including drafts and archived ones, newest change first. */
export async function manageModules(ctx: LearningCtx) {
  authorize(actor(ctx), 'academy', 'draft-modules', {});
  const lists = await Promise.all((['draft', 'published', 'archived'] as const).map((st) => db.listModulesByStatus(ctx.store, st)));
  return lists.flat().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map(({ descriptionHtml: _h, ...m }) => m);
}

/** Joining a module without sessions (e-learning, reading, assignment, external): it shows up in "Mijn leren". */
export async function enrolInModule(ctx: LearningCtx, moduleId: string) {
  const p = signedIn(ctx);
  const m = visibleModule(ctx, await db.getModule(ctx.store, moduleId));
  if (m.status !== 'published') throw new Problem('conflict', 'Inschrijven kan alleen voor gepubliceerde modules');
  authorize(actor(ctx), 'module', 'join', moduleResource(m));
  if (sessionKinds.includes(m.kind)) throw new Problem('unprocessable', 'Voor deze module schrijf je je in voor een sessie');
  await db.enrolInModule(ctx.store, p.id, { moduleId, title: m.title, kind: m.kind }, nowOf(ctx));
  return { enrolled: true };
}

// ---- sessions --------------------------------------------------------------------------------

export async function createSession(ctx: LearningCtx, moduleId: string, input: { start: string; end: string; location?: string; meetingUrl?: string; trainers: Array<{ id: string; name: string }>; capacity: number }, id = `sess-${timeId()}`) {
  authorize(actor(ctx), 'academy', 'plan-sessions', {});
  const m = await db.getModule(ctx.store, moduleId);
  if (!m) throw new Problem('notFound', 'Deze module bestaat niet');
  if (!sessionKinds.includes(m.kind)) throw new Problem('unprocessable', `Een module van vorm "${m.kind}" heeft geen sessies`);
  if (input.end <= input.start) throw new Problem('validation', 'Het einde ligt na het begin', { errors: [{ path: 'end', message: 'Moet na het begin liggen' }] });
  const s: Session = { id, moduleId, moduleTitle: m.title, ...input, enrolled: 0, waitlisted: 0, status: 'planned' };
  await db.putSession(ctx.store, s);
  return s;
}

async function loadSession(ctx: LearningCtx, id: string) {
  const s = await db.getSession(ctx.store, id);
  if (!s) throw new Problem('notFound', 'Deze sessie bestaat niet');
  return s;
}

export async function changeCapacity(ctx: LearningCtx, sessionId: string, capacity: number) {
  authorize(actor(ctx), 'academy', 'plan-sessions', {});
  const s = await loadSession(ctx, sessionId);
  if (!(await db.setCapacity(ctx.store, sessionId, capacity))) {
    throw new Problem('conflict', `De capaciteit kan niet lager dan het aantal ingeschreven deelnemers (${s.enrolled})`, { enrolled: s.enrolled });
  }
  await fillFromWaitlist(ctx, sessionId);
  return loadSession(ctx, sessionId);
}

export async function enrol(ctx: LearningCtx, sessionId: string) {
  const p = signedIn(ctx);
  const s = await loadSession(ctx, sessionId);
  const m = visibleModule(ctx, await db.getModule(ctx.store, s.moduleId));
  // A trainer never sits in a session they teach: attendance they register would be their own.
  authorize(actor(ctx), 'session', 'enrol', sessionResource(ctx, s, m));
  const now = nowOf(ctx);
  if (s.start <= now) throw new Problem('conflict', 'Deze sessie is al begonnen; inschrijven kan niet meer');
  const existing = await db.getSeat(ctx.store, sessionId, p.id);
  if (existing && existing.status !== 'cancelled') throw new Problem('conflict', existing.status === 'waitlisted' ? 'Je staat al op de wachtlijst' : 'Je bent al ingeschreven', { status: existing.status });
  const seat: db.Seat = { sessionId, userId: p.id, name: p.name, status: 'enrolled', createdAt: now, start: s.start, moduleId: s.moduleId, title: s.moduleTitle, end: s.end, location: s.location, meetingUrl: s.meetingUrl };
  const outcome = await db.takeSeat(ctx.store, s, seat, now);
  if (outcome === 'enrolled') return { status: 'enrolled' as const };
  if (outcome === 'already') throw new Problem('conflict', 'Je bent al ingeschreven');
  if (outcome === 'started') throw new Problem('conflict', 'Deze sessie is al begonnen; inschrijven kan niet meer');
  const position = timeId();
  if (!(await db.joinWaitlist(ctx.store, s, seat, position))) throw new Problem('conflict', 'Je bent al ingeschreven of staat op de wachtlijst');
  // A seat may be free while others wait (a cancellation not yet handed on): hand it on now, in order.
  await fillFromWaitlist(ctx, sessionId);
  const seats = await db.seatsOfSession(ctx.store, sessionId);
  if (seats.find((x) => x.userId === p.id)?.status === 'enrolled') return { status: 'enrolled' as const };
  const waiting = seats.filter((x) => x.status === 'waitlisted' && x.waitlistPosition! <= position).length;
  return { status: 'waitlisted' as const, position: waiting };
}

/** Seats freed by a cancellation or a larger room go to the waitlist, first come first served. */
async function fillFromWaitlist(ctx: LearningCtx, sessionId: string) {
  for (let i = 0; i < 100; i++) {
    const next = await db.firstWaitlisted(ctx.store, sessionId);
    if (!next) return;
    if (await db.promote(ctx.store, sessionId, next.userId)) continue;
    // Refused: either the room is full again (stop), or a concurrent request moved this learner
    // (promoted or cancelled) and the next in line may still get the seat (go on).
    const s = await db.getSession(ctx.store, sessionId);
    if (!s || s.enrolled >= s.capacity || s.waitlisted === 0) return;
  }
}

export async function cancel(ctx: LearningCtx, sessionId: string) {
  const p = signedIn(ctx);
  const s = await loadSession(ctx, sessionId);
  // A session of a module the caller may not see answers like a missing one, as enrolling does.
  visibleModule(ctx, await db.getModule(ctx.store, s.moduleId));
  if (s.start <= nowOf(ctx)) throw new Problem('conflict', 'Een begonnen sessie kun je niet meer annuleren');
  const seat = await db.getSeat(ctx.store, sessionId, p.id);
  if (!seat || (seat.status !== 'enrolled' && seat.status !== 'waitlisted')) throw new Problem('conflict', 'Je bent niet ingeschreven voor deze sessie');
  if (!(await db.releaseSeat(ctx.store, sessionId, p.id, seat.status))) throw new Problem('conflict', 'Je inschrijving is intussen gewijzigd');
  if (seat.status === 'enrolled') await fillFromWaitlist(ctx, sessionId);
  return { status: 'cancelled' as const };
}

async function requireTrainerOf(ctx: LearningCtx, s: Session): Promise<Principal> {
  const p = signedIn(ctx);
  const m = await db.getModule(ctx.store, s.moduleId);
  if (!m) throw new Problem('notFound', 'Deze sessie bestaat niet');
  authorize(actor(ctx), 'session', 'read-participants', sessionResource(ctx, s, m));
  return p;
}

export async function participants(ctx: LearningCtx, sessionId: string) {
  const s = await loadSession(ctx, sessionId);
  await requireTrainerOf(ctx, s);
  const seats = (await db.seatsOfSession(ctx.store, sessionId)).filter((x) => x.status !== 'cancelled');
  const waiting = seats.filter((x) => x.status === 'waitlisted').sort((a, b) => a.waitlistPosition!.localeCompare(b.waitlistPosition!));
  return {
    session: s,
    participants: seats.map((x) => ({ userId: x.userId, name: x.name, status: x.status, waitlistPosition: x.status === 'waitlisted' ? waiting.indexOf(x) + 1 : undefined })),
  };
}

export async function registerAttendance(ctx: LearningCtx, sessionId: string, userId: string, present: boolean) {
  const s = await loadSession(ctx, sessionId);
  const m = await db.getModule(ctx.store, s.moduleId);
  if (!m) throw new Problem('notFound', 'Deze sessie bestaat niet');
  // Nobody registers their own attendance: it would grant them the completion and its points.
  authorize(actor(ctx), 'seat', 'register-attendance', { session: sessionResource(ctx, s, m), learnerId: userId });
  if (s.start > nowOf(ctx)) throw new Problem('conflict', 'De sessie is nog niet begonnen; aanwezigheid registreer je vanaf het begin van de sessie');
  if (!(await db.setSeatStatus(ctx.store, sessionId, userId, present ? 'attended' : 'absent'))) throw new Problem('conflict', 'Deze persoon is niet ingeschreven voor deze sessie');
  if (present) await recordCompletion(ctx, userId, { moduleId: s.moduleId, title: m.title, kind: m.kind }, 'attendance');
  const seat = await db.getSeat(ctx.store, sessionId, userId);
  return { userId, name: seat!.name, status: seat!.status };
}

export async function sessionsOfTrainer(ctx: LearningCtx) {
  const p = signedIn(ctx);
  authorize(actor(ctx), 'academy', 'read-trainer-sessions', {});
  const from = new Date(Date.parse(nowOf(ctx)) - 30 * 86400_000).toISOString();
  const to = new Date(Date.parse(nowOf(ctx)) + 365 * 86400_000).toISOString();
  return (await db.sessionsBetween(ctx.store, from, to))
    .filter((s) => can(actor(ctx), 'session', 'read-participants', { trainerIds: s.trainers.map((t) => t.id), callerHasSeat: false }))
    .map((s) => ({ id: s.id, moduleId: s.moduleId, title: s.moduleTitle, start: s.start, end: s.end, enrolled: s.enrolled, capacity: s.capacity }));
}

export async function sessionForCalendar(ctx: LearningCtx, sessionId: string) {
  const p = signedIn(ctx);
  const s = await loadSession(ctx, sessionId);
  const seat = await db.getSeat(ctx.store, sessionId, p.id);
  if (!can(actor(ctx), 'session', 'download-invite', { trainerIds: s.trainers.map((t) => t.id), callerHasSeat: Boolean(seat && seat.status !== 'cancelled') })) {
    throw new Problem('notFound', 'Je bent niet ingeschreven voor deze sessie');
  }
  return s;
}

// ---- completion and paths --------------------------------------------------------------------

const pathVersionCache = new Map<string, LearningPath>();

/** Published path versions never change, so they are cached without expiry. */
async function pathVersion(store: StoreClients, pathId: string, version: number): Promise<LearningPath | undefined> {
  const key = `${pathId}#${version}`;
  const hit = pathVersionCache.get(key);
  if (hit) return hit;
  const v = await db.getPathVersion(store, pathId, version);
  if (v) pathVersionCache.set(key, v);
  return v;
}

function completionsFor(path: Pick<LearningPath, 'steps'>, modules: LearnerModule[]): StepCompletion[] {
  const done = new Map(modules.filter((m) => m.completedAt).map((m) => [m.moduleId, m]));
  return path.steps.filter((s) => done.has(s.moduleId)).map((s) => ({ stepId: s.id, completedAt: done.get(s.moduleId)!.completedAt!, source: (done.get(s.moduleId)!.source ?? 'manual') as StepCompletion['source'] }));
}

/** One module done: record it once, then see whether any of the learner's paths is now complete. */
export async function recordCompletion(ctx: LearningCtx, userId: string, m: { moduleId: string; title: string; kind: string }, source: string, evidence?: string, evidenceFiles: FileRef[] = []) {
  const done = await db.completeModule(ctx.store, userId, m, nowOf(ctx), source, evidence, evidenceFiles);
  await completeFinishedPaths(ctx, userId, (_, path) => path.steps.some((s) => s.moduleId === m.moduleId), done.completedAt!);
  return done;
}

/**
 * Records the completion of every open path enrolment of the learner that `concerns` and whose
 * rules are now met. Runs after a module completes, and after enrolling in or migrating to a path
 * whose modules were already done: in both cases the path is complete and must not wait for a
 * further module. Recording is conditional (`completedAt` once), so a race records it once.
 */
async function completeFinishedPaths(ctx: LearningCtx, userId: string, concerns: (pathId: string, path: LearningPath) => boolean, fallbackAt: string) {
  const record = await db.learnerRecord(ctx.store, userId);
  for (const lp of record.paths.filter((x) => !x.completedAt)) {
    const path = await pathVersion(ctx.store, lp.pathId, lp.version);
    if (!path || !concerns(lp.pathId, path)) continue;
    const completions = completionsFor(path, record.modules);
    const progress = computeProgress(path, completions);
    if (!progress.complete) continue;
    const modules = await db.getModules(ctx.store, path.steps.map((s) => s.moduleId));
    const points = earnedAccreditation([...modules.values()], path, completions);
    // The completion event is what the portfolio builds on: when, which version, which points.
    // Steps done before enrolling count, but the path is not complete before the learner joined it.
    const reached = progress.completedAt ?? fallbackAt;
    const completedAt = lp.enrolledAt > reached ? lp.enrolledAt : reached;
    await db.markPathCompleted(ctx.store, userId, lp.pathId, completedAt, {
      kind: 'path-completed',
      pathId: lp.pathId,
      version: lp.version,
      title: path.title,
      completedAt,
      accreditation: points,
    });
  }
}

export async function selfComplete(ctx: LearningCtx, moduleId: string, evidence?: string, fileIds: string[] = []) {
  const p = signedIn(ctx);
  const m = visibleModule(ctx, await db.getModule(ctx.store, moduleId), 'join');
  if (m.kind !== 'reading' && m.kind !== 'external') throw new Problem('unprocessable', `Een module van vorm "${m.kind}" wordt afgerond door ${m.kind === 'assignment' ? 'goedkeuring van je opdracht' : sessionKinds.includes(m.kind) ? 'je aanwezigheid' : 'het resultaat van de e-learning'}`);
  const files = m.kind === 'external' ? await learnerFiles.resolveFiles(ctx, p.id, moduleId, fileIds) : [];
  if (m.kind === 'external' && !evidence?.trim() && files.length === 0) {
    throw new Problem('validation', 'Voeg bewijs toe (bijvoorbeeld het certificaatnummer, een link of het certificaat zelf)', { errors: [{ path: 'evidence', message: 'Verplicht bij externe scholing' }] });
  }
  const done = await recordCompletion(ctx, p.id, { moduleId, title: m.title, kind: m.kind }, m.kind === 'reading' ? 'reading' : 'external-evidence', evidence?.trim() || undefined, files);
  return { completedAt: done.completedAt!, evidenceFiles: files };
}

export async function submitAssignment(ctx: LearningCtx, moduleId: string, text: string, fileIds: string[] = []) {
  const p = signedIn(ctx);
  const m = visibleModule(ctx, await db.getModule(ctx.store, moduleId), 'join');
  if (m.kind !== 'assignment') throw new Problem('unprocessable', 'Alleen een opdracht lever je in');
  const files = await learnerFiles.resolveFiles(ctx, p.id, moduleId, fileIds);
  const submission = { text, ...(files.length > 0 ? { files } : {}), status: 'submitted' as const, submittedAt: nowOf(ctx) };
  if (!(await db.saveSubmission(ctx.store, { id: p.id, name: p.name }, { moduleId, title: m.title, kind: m.kind }, submission))) throw new Problem('conflict', 'Deze opdracht is al goedgekeurd');
  return submission;
}

export async function pendingSubmissions(ctx: LearningCtx) {
  signedIn(ctx);
  authorize(actor(ctx), 'academy', 'review-assignments', {});
  const waiting = await db.waitingSubmissions(ctx.store);
  return waiting
    .flatMap((w) => (w.submission?.status === 'submitted' ? [{ moduleId: w.moduleId, title: w.title, learnerId: w.learnerId, learnerName: w.learnerName, submission: { ...w.submission, status: 'submitted' as const } }] : []))
    .sort((a, b) => a.submission.submittedAt.localeCompare(b.submission.submittedAt));
}

export async function reviewAssignment(ctx: LearningCtx, moduleId: string, userId: string, decision: 'approved' | 'returned', feedback: string, seenSubmittedAt: string) {
  const p = signedIn(ctx);
  // Nobody approves their own work; someone else's hand-in is, for anyone but trainers and the academy, not there.
  authorize(actor(ctx), 'learnerWork', 'review', { learnerId: userId, moduleKind: 'assignment' });
  // The decision is about the version the trainer read: a newer hand-in is a conflict, never approved unseen.
  if (!(await db.reviewSubmission(ctx.store, userId, moduleId, decision, feedback, { id: p.id, name: p.name }, seenSubmittedAt))) {
    const current = (await db.getLearnerModule(ctx.store, userId, moduleId))?.submission;
    if (current?.status === 'submitted' && current.submittedAt !== seenSubmittedAt) {
      throw new Problem('versionConflict', 'De deelnemer heeft intussen een nieuwe versie ingeleverd; laad de opdracht opnieuw', { submittedAt: current.submittedAt });
    }
    throw new Problem('conflict', 'Er is geen ingeleverde opdracht om te beoordelen');
  }
  if (decision === 'approved') {
    const m = await db.getModule(ctx.store, moduleId);
    await recordCompletion(ctx, userId, { moduleId, title: m?.title ?? moduleId, kind: 'assignment' }, 'assignment-approved');
  }
  return { decision };
}

// ---- paths -----------------------------------------------------------------------------------

export interface PathInput {
  title: string;
  description: string;
  steps: PathStep[];
  minOptional: number;
}

/**
 * Publishes a path version. A new path gets version 1; `existingId` publishes the next version of
 * a path (learners stay on the version they enrolled in). The seed passes `newId` to keep ids stable.
 */
export async function publishPath(ctx: LearningCtx, input: PathInput, opts: { existingId?: string; newId?: string } = {}) {
  authorize(actor(ctx), 'academy', 'publish-paths', {});
  const modules = await db.getModules(ctx.store, input.steps.map((s) => s.moduleId));
  const errors = validatePath(input, modules);
  if (errors.length > 0) throw new Problem('validation', errors[0]!.message, { errors });
  const now = nowOf(ctx);
  let meta: PathMeta;
  if (opts.existingId) {
    const existing = await db.getPathMeta(ctx.store, opts.existingId);
    if (!existing) throw new Problem('notFound', 'Dit leerpad bestaat niet');
    meta = existing;
  } else {
    meta = { id: opts.newId ?? `p-${timeId()}`, title: input.title, description: input.description, latestVersion: 0, status: 'draft', rev: 0, createdAt: now, updatedAt: now };
  }
  const version = await db.publishPathVersion(ctx.store, meta, input, now);
  if (version === null) throw new Problem('conflict', opts.existingId ? 'Dit leerpad is intussen gewijzigd; probeer het opnieuw' : `Leerpad ${meta.id} bestaat al`);
  return { id: meta.id, version };
}

/** The steps of a path version the caller may see: never a draft or out-of-audience module. */
async function visibleSteps(ctx: LearningCtx, path: LearningPath) {
  const modules = await db.getModules(ctx.store, path.steps.map((s) => s.moduleId));
  return path.steps.flatMap((s) => {
    const m = modules.get(s.moduleId);
    return m && can(actor(ctx), 'module', 'read', moduleResource(m)) ? [{ step: s, module: m }] : [];
  });
}

export async function listPaths(ctx: LearningCtx) {
  if (!can(actor(ctx), 'path', 'read', { status: 'published' })) return [];
  const metas = await db.listPublishedPaths(ctx.store);
  return Promise.all(
    metas.map(async (meta) => {
      const steps = await visibleSteps(ctx, (await pathVersion(ctx.store, meta.id, meta.latestVersion))!);
      return { id: meta.id, title: meta.title, description: meta.description, version: meta.latestVersion, stepCount: steps.length, kinds: [...new Set(steps.map((s) => s.module.kind))] };
    }),
  );
}

async function myPathState(ctx: LearningCtx, pathId: string, latestVersion: number) {
  const p = ctx.principal;
  if (!p) return undefined;
  const lp = await db.getLearnerPath(ctx.store, p.id, pathId);
  if (!lp) return undefined;
  const path = (await pathVersion(ctx.store, pathId, lp.version))!;
  const record = await db.learnerRecord(ctx.store, p.id);
  return { enrolledVersion: lp.version, latestVersion, completedAt: lp.completedAt, progress: computeProgress(path, completionsFor(path, record.modules)) };
}

export async function pathDetail(ctx: LearningCtx, pathId: string, version?: number | 'latest') {
  const meta = await db.getPathMeta(ctx.store, pathId);
  if (!meta || meta.status !== 'published') throw new Problem('notFound', 'Dit leerpad bestaat niet');
  authorize(actor(ctx), 'path', 'read', { status: meta.status });
  const my = await myPathState(ctx, pathId, meta.latestVersion);
  const wanted = version === 'latest' ? meta.latestVersion : (version ?? my?.enrolledVersion ?? meta.latestVersion);
  const v = await pathVersion(ctx.store, pathId, wanted);
  if (!v) throw new Problem('notFound', `Versie ${wanted} van dit leerpad bestaat niet`);
  const steps = await visibleSteps(ctx, v);
  return {
    path: {
      id: pathId,
      version: v.version,
      title: v.title,
      description: v.description,
      minOptional: v.minOptional,
      steps: steps.map(({ step, module: m }) => ({ ...step, module: { id: step.moduleId, kind: m.kind, title: m.title, durationMinutes: m.durationMinutes } })),
    },
    my,
  };
}

export async function enrolInPath(ctx: LearningCtx, pathId: string) {
  const p = signedIn(ctx);
  const meta = await db.getPathMeta(ctx.store, pathId);
  if (!meta || meta.status !== 'published') throw new Problem('notFound', 'Dit leerpad bestaat niet');
  authorize(actor(ctx), 'path', 'enrol', { status: meta.status });
  const ok = await db.enrolInPath(ctx.store, p.id, { pathId, title: meta.title, version: meta.latestVersion, enrolledAt: nowOf(ctx) });
  if (!ok) throw new Problem('conflict', 'Je bent al ingeschreven voor dit leerpad');
  await completeFinishedPaths(ctx, p.id, (id) => id === pathId, nowOf(ctx));
  return myPathState(ctx, pathId, meta.latestVersion);
}

/** Moving to a newer version is explicit; completed modules carry over because completion is per module. */
export async function migrateToLatest(ctx: LearningCtx, pathId: string) {
  const p = signedIn(ctx);
  const meta = await db.getPathMeta(ctx.store, pathId);
  const lp = await db.getLearnerPath(ctx.store, p.id, pathId);
  if (!meta || !lp) throw new Problem('notFound', 'Je bent niet ingeschreven voor dit leerpad');
  if (lp.version === meta.latestVersion) return myPathState(ctx, pathId, meta.latestVersion);
  if (!(await db.migratePath(ctx.store, p.id, pathId, lp.version, meta.latestVersion))) throw new Problem('conflict', 'Je inschrijving is intussen gewijzigd');
  await completeFinishedPaths(ctx, p.id, (id) => id === pathId, nowOf(ctx));
  return myPathState(ctx, pathId, meta.latestVersion);
}

// ---- Mijn leren ------------------------------------------------------------------------------

export async function myLearning(ctx: LearningCtx) {
  const p = signedIn(ctx);
  const now = nowOf(ctx);
  const [record, seats] = await Promise.all([db.learnerRecord(ctx.store, p.id), db.seatsOfLearner(ctx.store, p.id, now.slice(0, 10))]);
  const pathStates = await Promise.all(
    record.paths.map(async (lp) => {
      const [path, meta] = await Promise.all([pathVersion(ctx.store, lp.pathId, lp.version), db.getPathMeta(ctx.store, lp.pathId)]);
      return { lp, path: path!, latest: meta?.latestVersion ?? lp.version };
    }),
  );
  const moduleIds = new Set<string>(record.modules.map((m) => m.moduleId));
  for (const { path } of pathStates) path.steps.forEach((s) => moduleIds.add(s.moduleId));
  const completed = record.modules.filter((m) => m.completedAt);
  const [modules, evaluated] = await Promise.all([
    listFieldsOf(ctx.store, [...moduleIds]),
    db.evaluatedTargets(ctx.store, p.id, [
      ...completed.map((c) => ({ targetType: 'module', targetId: c.moduleId })),
      ...record.paths.filter((x) => x.completedAt).map((x) => ({ targetType: 'path', targetId: x.pathId })),
    ]),
  ]);
  const accreditation = new Map<string, number>();
  for (const c of completed) for (const a of modules.get(c.moduleId)?.accreditation ?? []) accreditation.set(a.register, (accreditation.get(a.register) ?? 0) + a.points);
  return {
    paths: pathStates.map(({ lp, path, latest }) => {
      const progress = computeProgress(path, completionsFor(path, record.modules));
      const next = progress.nextStep ? path.steps.find((s) => s.id === progress.nextStep) : undefined;
      return {
        pathId: lp.pathId,
        title: path.title,
        enrolledVersion: lp.version,
        latestVersion: latest,
        percent: progress.percent,
        complete: progress.complete,
        nextStep: next ? { stepId: next.id, moduleId: next.moduleId, title: modules.get(next.moduleId)?.title ?? next.moduleId, kind: modules.get(next.moduleId)?.kind } : undefined,
      };
    }),
    upcomingSessions: seats
      .filter((s) => s.status === 'enrolled' || s.status === 'waitlisted')
      .map((s) => ({ sessionId: s.sessionId, moduleId: s.moduleId, title: s.title, start: s.start, end: s.end, location: s.location, meetingUrl: s.meetingUrl, status: s.status })),
    enrolledModules: record.modules.filter((m) => m.enrolledAt && !m.completedAt).map((m) => ({ moduleId: m.moduleId, title: m.title, kind: m.kind, enrolledAt: m.enrolledAt! })),
    assignments: record.modules.filter((m) => m.kind === 'assignment' && !m.completedAt).map((m) => ({ moduleId: m.moduleId, title: m.title, status: m.submission?.status ?? 'open' })),
    completed: completed.map((c) => ({ moduleId: c.moduleId, title: c.title, kind: c.kind, completedAt: c.completedAt!, points: (modules.get(c.moduleId)?.accreditation ?? []).map((a) => ({ register: a.register, points: a.points })) })),
    pendingEvaluations: [
      ...completed.filter((c) => !evaluated.has(`module#${c.moduleId}`)).map((c) => ({ targetType: 'module' as const, targetId: c.moduleId, title: c.title })),
      ...record.paths.filter((x) => x.completedAt && !evaluated.has(`path#${x.pathId}`)).map((x) => ({ targetType: 'path' as const, targetId: x.pathId, title: x.title })),
    ],
    accreditation: [...accreditation.entries()].map(([register, points]) => ({ register, points })),
  };
}

// ---- evaluations -----------------------------------------------------------------------------

export async function evaluate(ctx: LearningCtx, input: { targetType: 'module' | 'path'; targetId: string; rating: number; answers: Record<string, string | undefined> }) {
  const p = signedIn(ctx);
  // Only after completing: an evaluation is about something the learner actually did.
  if (input.targetType === 'module') {
    const m = await db.getLearnerModule(ctx.store, p.id, input.targetId);
    if (!m?.completedAt) throw new Problem('conflict', 'Je kunt een module evalueren nadat je hem hebt afgerond');
  } else {
    const lp = await db.getLearnerPath(ctx.store, p.id, input.targetId);
    if (!lp?.completedAt) throw new Problem('conflict', 'Je kunt een leerpad evalueren nadat je het hebt afgerond');
  }
  const e = { ...input, createdAt: nowOf(ctx) };
  if (!(await db.putEvaluation(ctx.store, p.id, e))) throw new Problem('conflict', 'Je hebt dit onderdeel al geëvalueerd');
  return e;
}

export async function evaluationResults(ctx: LearningCtx, targetType: 'module' | 'path', targetId: string) {
  signedIn(ctx);
  authorize(actor(ctx), 'academy', 'read-evaluations', {});
  const evals = await db.evaluationsOf(ctx.store, targetType, targetId);
  return aggregateEvaluations(evals as never);
}
