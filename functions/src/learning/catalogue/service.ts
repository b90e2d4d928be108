/**
 * The catalogue: searching and filtering the published modules (from a per-instance cache), a
 * module's page with its sessions and my status, related modules beside a knowledge article, and
 * module management for the academy (drafting, publishing, accrediting, archiving).
 */
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import type { StoreClients } from '../../platform/store/clients';
import { timeId } from '../../platform/store/keys';
import { auditEntryOf, auditEntryPart, auditParts } from '../../platform/audit';
import type { TransactPart } from '../../platform/store/table';
import { articleReachesAll, publishedAudience, renderMarkdown } from '../../knowledge';
import { authorize, can, enrolAudiences } from '../../policy';
import * as db from './store';
import { getLearnerModule, getModule, getModules, type StoredModule } from '../shared/store';
import { getSeat, seatsOfSession, sessionsBetween, sessionsOfModule, type Session } from '../sessions/store';
import { nowOf, type LearningCtx } from '../shared/context';
import { actor, moduleResource, sessionResource, visibleModule } from '../shared/access';
import { sessionKinds, type LearningModule } from '../domain/types';

// ---- the cached catalogue, search and related modules ------------------------------------------

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
export async function listFieldsOf(store: StoreClients, ids: string[]): Promise<Map<string, StoredModule>> {
  const byId = new Map<string, StoredModule>();
  const entries = await catalogue(store);
  const wanted = new Set(ids);
  for (const e of entries) if (wanted.has(e.module.id)) byId.set(e.module.id, e.module);
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) for (const [id, m] of await getModules(store, missing)) byId.set(id, m);
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
    for (const s of await sessionsBetween(ctx.store, from, to)) if (s.status === 'planned' && !inRange.has(s.moduleId)) inRange.set(s.moduleId, s);
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

// ---- a module's page, and managing modules (academy) -------------------------------------------

export type ModuleInput = Omit<LearningModule, 'id' | 'status'> & { status?: LearningModule['status'] };

const audienceNames = {
  internal: text('medewerkers', 'employees'),
  partners: text('medewerkers en ketenpartners', 'employees and chain partners'),
  public: text('iedereen', 'everyone'),
} as const;

/** The academy-admin publishes and accredits; authors draft. Checked on what the write would change. */
function authorizeModuleWrite(ctx: LearningCtx, input: ModuleInput, current?: StoredModule) {
  const a = actor(ctx);
  authorize(a, 'academy', 'draft-modules', {});
  if (current) authorize(a, 'module', 'edit', moduleResource(current));
  const status = input.status ?? current?.status ?? 'draft';
  if (status !== 'draft' || (current && current.status !== 'draft')) authorize(a, 'academy', 'publish-modules', {});
  const points = (list: ModuleInput['accreditation'] | undefined) => JSON.stringify((list ?? []).map((x) => [x.register, x.points, x.accreditationNumber ?? '', x.edition ?? '']));
  if (points(input.accreditation) !== points(current?.accreditation)) authorize(a, 'academy', 'accredit', {});
}

async function checkModuleInput(ctx: LearningCtx, input: ModuleInput) {
  if (input.kind === 'reading') {
    if (!input.articleSlug) throw new Problem('validation', text('Een leesmodule verwijst naar een kennisartikel', 'A reading module refers to a knowledge article'), { errors: [{ path: 'articleSlug', message: text('Verplicht bij vorm "lezen"', 'Required for the form "reading"') }] });
    const audience = await publishedAudience(ctx.store, input.articleSlug);
    if (!audience) throw new Problem('validation', text('Onbekend of niet gepubliceerd artikel', 'Unknown or unpublished article'), { errors: [{ path: 'articleSlug', message: text(`Geen gepubliceerd artikel "${input.articleSlug}"`, `No published article "${input.articleSlug}"`) }] });
    // Whoever may join the module must be able to read the article it assigns.
    if (!articleReachesAll(audience, input.enrolAudience)) {
      throw new Problem('validation', text('Het artikel is niet leesbaar voor iedereen die zich mag inschrijven', 'The article cannot be read by everyone who may enrol'), {
        errors: [
          {
            path: 'enrolAudience',
            message: text(
              `Het artikel is voor ${audienceNames[audience].nl}; kies een kleinere groep of open het artikel verder`,
              `The article is for ${audienceNames[audience].en}; choose a smaller group or open the article further`,
            ),
          },
        ],
      });
    }
  }
  if (input.kind === 'external' && !input.provider) throw new Problem('validation', text('Externe scholing noemt de aanbieder', 'External training names its provider'), { errors: [{ path: 'provider', message: text('Verplicht bij vorm "extern"', 'Required for the form "external"') }] });
}

/** Retakes are an e-learning setting (the SCORM attempts read it): other kinds never keep it. */
function withKindFields<M extends Pick<LearningModule, 'kind' | 'scormRetakes'>>(m: M): M {
  if (m.kind === 'elearning') return m;
  const { scormRetakes: _r, ...rest } = m;
  return rest as M;
}

/**
 * Audit entries for changes to published offer (publish, unpublish, archive, who may enrol), as
 * parts of the module's own write: the first with the actor's reference, the rest only the entry.
 * None without a request (seeds and scripts).
 */
async function moduleAudit(ctx: LearningCtx, before: Pick<StoredModule, 'status' | 'enrolAudience'> | undefined, after: StoredModule): Promise<TransactPart[]> {
  if (!ctx.requestId || !ctx.principal) return [];
  const was = before?.status ?? 'draft';
  const entries: Array<{ action: string; details: Record<string, string | number> }> = [];
  if (was !== after.status) {
    const verb = after.status === 'published' ? 'publish' : after.status === 'archived' ? 'archive' : was === 'published' ? 'unpublish' : undefined;
    if (verb) entries.push({ action: `module.${verb}`, details: { from: was, to: after.status, enrolAudience: after.enrolAudience, rev: after.rev } });
  } else if (after.status === 'published' && before && before.enrolAudience !== after.enrolAudience) {
    entries.push({ action: 'module.visibility-change', details: { from: before.enrolAudience, to: after.enrolAudience, rev: after.rev } });
  }
  if (entries.length === 0) return [];
  const inputs = entries.map((e) => ({ actor: { id: ctx.principal!.id }, action: e.action, target: { kind: 'module', id: after.id }, requestId: ctx.requestId!, at: after.updatedAt, details: e.details }));
  return [...(await auditParts(ctx.store, inputs[0]!)), ...(await Promise.all(inputs.slice(1).map(async (i) => auditEntryPart(await auditEntryOf(ctx.store, i)))))];
}

export async function createModule(ctx: LearningCtx, input: ModuleInput, id = `m-${timeId()}`) {
  authorizeModuleWrite(ctx, input);
  await checkModuleInput(ctx, input);
  const now = nowOf(ctx);
  const m: StoredModule = { ...withKindFields(input), id, status: input.status ?? 'draft', descriptionHtml: renderMarkdown(input.description).html, rev: 1, createdAt: now, updatedAt: now };
  if (!(await db.putModule(ctx.store, m, null, await moduleAudit(ctx, undefined, m)))) throw new Problem('conflict', text(`Module ${id} bestaat al`, `Module ${id} already exists`));
  forgetCatalogue();
  return m;
}

export async function updateModule(ctx: LearningCtx, id: string, expectedRev: number, input: ModuleInput) {
  authorize(actor(ctx), 'academy', 'draft-modules', {});
  const current = await getModule(ctx.store, id);
  if (!current) throw new Problem('notFound', text('Deze module bestaat niet', 'This module does not exist'));
  authorizeModuleWrite(ctx, input, current);
  await checkModuleInput(ctx, input);
  const next: StoredModule = { ...withKindFields({ ...current, ...input }), id, status: input.status ?? current.status, descriptionHtml: renderMarkdown(input.description).html, rev: current.rev + 1, updatedAt: nowOf(ctx) };
  if (!(await db.putModule(ctx.store, next, expectedRev, await moduleAudit(ctx, current, next)))) {
    const latest = await getModule(ctx.store, id);
    throw new Problem('versionConflict', text('Deze module is intussen gewijzigd; laad de nieuwste versie', 'This module has been changed in the meantime; load the latest version'), { currentRev: latest?.rev });
  }
  forgetCatalogue();
  return next;
}

export async function moduleDetail(ctx: LearningCtx, id: string) {
  const m = visibleModule(ctx, await getModule(ctx.store, id));
  const sessions = sessionKinds.includes(m.kind) ? await sessionsOfModule(ctx.store, id, nowOf(ctx).slice(0, 10)) : [];
  const p = ctx.principal;
  const [mine, seats] = p ? await Promise.all([getLearnerModule(ctx.store, p.id, id), Promise.all(sessions.map((s) => getSeat(ctx.store, s.id, p.id)))]) : [undefined, []];
  const waitPositions = await Promise.all(
    sessions.map(async (s, i) => {
      const seat = seats[i];
      if (seat?.status !== 'waitlisted') return undefined;
      const all = await seatsOfSession(ctx.store, s.id);
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
