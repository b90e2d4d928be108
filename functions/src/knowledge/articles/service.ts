import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { Principal } from '../../platform/auth/principal';
import { Problem } from '../../platform/http/problem';
import { text, type Text } from '../../platform/http/language';
import { countEvent } from '../../platform/observability/metrics';
import type { StoreClients } from '../../platform/store/clients';
import { timeId } from '../../platform/store/keys';
import type { TransactPart } from '../../platform/store/table';
import * as articles from './store';
import type { ArticleMeta, Draft, ReaderView, Version } from './store';
import { getNetwork, listMembers, membershipsOf, touchNetwork } from '../../networks';
import type { SearchIndexStore } from '../search/index-store';
import { currentArticles, indexAfterWrite, reconcileSearchIndex } from '../search/indexer';
import { renderMarkdown } from '../domain/render';
import { isUsableSlug, slugify, slugPattern } from '../domain/slug';
import { articleReachesAll, audiences, type Audience } from '../domain/visibility';
import { learningLinks } from '../links';
import { draftTransitions, reviewByDate } from '../domain/workflow';
import { articleBytes, fitsInOneItem, maxArticleBytes, maxReviewComments } from '../domain/limits';
import { attachmentIdsIn } from '../domain/attachment-types';
import { removeAllAttachments } from '../attachments/store';
import { actorOf, authorize, can, readableAudiences, type Action, type Actor, type ArticleResource } from '../../policy';
import { diffVersions } from '../domain/diff';
import { auditEntryOf, auditEntryPart, auditParts, type AuditInput } from '../../platform/audit';

/**
 * Knowledge-base use cases: authorise, apply the editorial rules, call the store, keep the
 * search index in step. Routes stay thin; the rules themselves are pure (knowledge/).
 */
export interface KnowledgeCtx {
  store: StoreClients;
  search: SearchIndexStore;
  principal: Principal | null;
  now?: () => string;
  /** The request's id: publishing and archiving are written to the audit log with it (seeds and scripts, without a request, are not). */
  requestId?: string;
}

export interface ContentInput {
  title: string;
  summary: string;
  markdown: string;
  tags: string[];
  themes: string[];
  audience: Audience;
  language: 'nl' | 'en';
  slug?: string;
  /** Left out: keep the current co-authors (a client that does not show them must not erase them). */
  coAuthors?: string[];
}

const nowOf = (ctx: KnowledgeCtx) => (ctx.now ? ctx.now() : new Date().toISOString());
const who = (p: Principal) => ({ id: p.id, name: p.name });

function signedIn(ctx: KnowledgeCtx): Principal {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om artikelen te schrijven of te beoordelen', 'Sign in to write or review articles'));
  return ctx.principal;
}

/** The caller as the access policy sees them: principal and network memberships. */
export async function actorFor(ctx: Pick<KnowledgeCtx, 'store' | 'principal'>): Promise<Actor> {
  return actorOf(ctx.principal, ctx.principal ? await membershipsOf(ctx.store, ctx.principal.id) : []);
}

/** An article as the policy sees it; `authorIds` only where a draft's authorship matters (four eyes). */
export const articleResource = (meta: Pick<ArticleMeta, 'networkId' | 'audience' | 'publishedVersion' | 'archived'>, authorIds?: string[]): ArticleResource => ({
  networkId: meta.networkId,
  audience: meta.audience,
  readable: meta.publishedVersion > 0 && !meta.archived,
  ...(authorIds ? { authorIds } : {}),
});

/** Asks the policy about an article; a caller it is hidden from gets the very answer of a missing one. */
export async function authorizeArticle(ctx: KnowledgeCtx, action: Action<'article'>, meta: ArticleMeta, actor?: Actor): Promise<Principal> {
  const p = signedIn(ctx);
  authorize(actor ?? (await actorFor(ctx)), 'article', action, articleResource(meta), noArticle(meta.id));
  return p;
}

export async function loadMeta(ctx: KnowledgeCtx, articleId: string): Promise<ArticleMeta> {
  const meta = await articles.getMeta(ctx.store, articleId);
  if (!meta) throw new Problem('notFound', noArticle(articleId));
  return meta;
}

/** Authors of the network (or the academy) may see and edit the article's drafts and history. */
export const requireWriter = (ctx: KnowledgeCtx, meta: ArticleMeta) => authorizeArticle(ctx, 'edit', meta);
const requireEditorialReader = (ctx: KnowledgeCtx, meta: ArticleMeta) => authorizeArticle(ctx, 'read-editorial', meta);

/**
 * The main author first, then co-authors: members of the article's network only (knowledge is
 * written inside a network; a partner or outsider never becomes an author of it). Co-authors
 * already on the article stay, even if they left the network since.
 */
async function resolveAuthors(ctx: KnowledgeCtx, main: Principal, networkId: string, coAuthors: string[], keep: Array<{ id: string; name: string }> = []) {
  const result = [who(main)];
  const wanted = coAuthors.filter((id, i) => id !== main.id && coAuthors.indexOf(id) === i);
  const members = wanted.some((id) => !keep.some((k) => k.id === id)) ? await listMembers(ctx.store, networkId) : [];
  for (const id of wanted) {
    const kept = keep.find((k) => k.id === id);
    if (kept) {
      result.push(kept);
      continue;
    }
    const member = members.find((x) => x.userId === id);
    if (!member) throw new Problem('validation', text(`Geen lid van het netwerk: ${id}`, `Not a member of the network: ${id}`), {
        errors: [{ path: 'coAuthors', message: text(`Co-auteurs zijn leden van het netwerk; ${id} is dat niet`, `Co-authors are members of the network; ${id} is not`) }],
      });
    result.push({ id: member.userId, name: member.name });
  }
  return result;
}

function checkSlug(slug: string) {
  if (!slugPattern.test(slug)) {
    throw new Problem('validation', text('Ongeldige slug', 'Invalid slug'), { errors: [{ path: 'slug', message: onlySlugCharacters }] });
  }
  if (!isUsableSlug(slug)) {
    throw new Problem('validation', text('Deze slug is gereserveerd', 'This slug is reserved'), {
      errors: [{ path: 'slug', message: text(`"${slug}" is een pagina van de kennisbank; kies een andere`, `"${slug}" is a page of the knowledge base; choose another`) }],
    });
  }
}

/** A hidden article gets the very words a missing one does (see `authorize`). */
const noArticle = (id: string) => text(`Geen artikel met id ${id}`, `No article with id ${id}`);
const onlySlugCharacters = text('Alleen kleine letters, cijfers en koppeltekens', 'Only lower-case letters, digits and hyphens');
const articleGone = text('Dit artikel bestaat niet (meer)', 'This article does not exist (any more)');
const slugTaken = (slug: string) =>
  new Problem('conflict', text(`De slug "${slug}" is al in gebruik; kies een andere`, `The slug "${slug}" is already in use; choose another`), {
    errors: [{ path: 'slug', message: text('Al in gebruik', 'Already in use') }],
  });

function conflictFor(draft: Draft | undefined, expectedRevision: number): Problem {
  if (!draft) return new Problem(
      'conflict',
      text('Er is geen concept meer: het is intussen gepubliceerd of verwijderd. Laad het artikel opnieuw.', 'There is no draft any more: it has been published or discarded in the meantime. Reload the article.'),
    );
  if (draft.revision !== expectedRevision) {
    return new Problem(
      'versionConflict',
      text(
        `Dit concept is intussen opgeslagen door ${draft.updatedBy.name} (revisie ${draft.revision}). Laad de nieuwste versie opnieuw.`,
        `${draft.updatedBy.name} has saved this draft in the meantime (revision ${draft.revision}). Reload the latest version.`,
      ),
      {
      currentRevision: draft.revision,
      updatedBy: draft.updatedBy,
      updatedAt: draft.updatedAt,
    });
  }
  return new Problem('conflict', text(`Dit kan niet in de huidige status van het concept (${draft.state})`, `This is not possible in the draft's current state (${draft.state})`), { state: draft.state });
}

/** What a caller creating an article on behalf of something else adds (a consultation question turned into a draft). */
export interface CreateOptions {
  sourceQuestionId?: string;
  /** Parts written in the same transaction; when one refuses its condition, nothing is written and `refused()` says why. */
  also?: (articleId: string) => TransactPart[];
  refused?: () => Promise<Problem>;
}

export async function createArticle(ctx: KnowledgeCtx, networkId: string, input: ContentInput, options: CreateOptions = {}) {
  const p = signedIn(ctx);
  authorize(await actorFor(ctx), 'network', 'write', { networkId });
  if (!(await getNetwork(ctx.store, networkId))) throw new Problem('unprocessable', text(`Onbekend netwerk: ${networkId}`, `Unknown network: ${networkId}`));
  const slug = input.slug ?? slugify(input.title);
  checkSlug(slug);
  const now = nowOf(ctx);
  const id = `a-${timeId()}`;
  const rendered = renderMarkdown(input.markdown);
  refuseOversized(input.markdown, rendered.html);
  const authors = await resolveAuthors(ctx, p, networkId, input.coAuthors ?? []);
  const meta: ArticleMeta = {
    id,
    networkId,
    slug,
    title: input.title,
    summary: input.summary,
    audience: input.audience,
    language: input.language,
    publishedVersion: 0,
    archived: false,
    rev: 1,
    createdBy: who(p),
    createdAt: now,
    updatedAt: now,
    hasDraft: true,
    draftState: 'editing',
    useful: 0,
    notUseful: 0,
    openSignals: 0,
    ...(options.sourceQuestionId ? { sourceQuestionId: options.sourceQuestionId } : {}),
  };
  const draft: Draft = {
    articleId: id,
    networkId,
    title: input.title,
    summary: input.summary,
    markdown: input.markdown,
    html: rendered.html,
    tags: input.tags,
    themes: input.themes,
    audience: input.audience,
    language: input.language,
    slug,
    authors,
    state: 'editing',
    revision: 1,
    basedOn: 0,
    updatedBy: who(p),
    updatedAt: now,
    comments: [],
  };
  const outcome = await articles.createArticle(ctx.store, meta, draft, options.also?.(id));
  if (outcome === 'slug-taken') throw slugTaken(slug);
  if (outcome === 'also-refused') throw options.refused ? await options.refused() : new Problem('conflict', text('Dit kan nu niet meer', 'This is no longer possible'));
  return { article: meta, draft };
}

export async function getForEditing(ctx: KnowledgeCtx, articleId: string) {
  const meta = await loadMeta(ctx, articleId);
  await requireEditorialReader(ctx, meta);
  return { article: meta, draft: await articles.getDraft(ctx.store, articleId) };
}

/**
 * Opens a draft on a published article explicitly (API clients; the web editor does not: its
 * first save creates the draft, see `saveDraft`). If one is already open, everyone edits that one.
 * The running draft is looked for first and the published version read after it, so a publish
 * landing in between makes the new draft start from the version just published, never an older one.
 */
export async function startDraft(ctx: KnowledgeCtx, articleId: string) {
  const first = await loadMeta(ctx, articleId);
  const p = await requireWriter(ctx, first);
  if (first.archived) throw new Problem('conflict', text('Een gearchiveerd artikel kan niet worden bewerkt', 'An archived article cannot be edited'));
  const existing = await articles.getDraft(ctx.store, articleId);
  if (existing) return existing;
  const meta = await loadMeta(ctx, articleId);
  const base = await articles.getVersion(ctx.store, articleId, meta.publishedVersion);
  if (!base) throw new Problem('conflict', text('Dit artikel heeft nog geen gepubliceerde versie', 'This article has no published version yet'));
  const draft = draftFrom(base, meta, p, nowOf(ctx));
  const outcome = await articles.writeDraft(ctx.store, draft, { revision: null, states: [] }, { basedOnPublished: meta.publishedVersion });
  if (outcome === 'saved') return draft;
  const theirs = await articles.getDraft(ctx.store, articleId);
  // Someone opened it at the same moment: theirs is the draft.
  if (theirs) return theirs;
  throw staleBase(meta.publishedVersion, (await loadMeta(ctx, articleId)).publishedVersion);
}

/** A new draft with the content of a published version. */
function draftFrom(base: Version, meta: ArticleMeta, p: Principal, now: string): Draft {
  return {
    articleId: meta.id,
    networkId: meta.networkId,
    title: base.title,
    summary: base.summary,
    markdown: base.markdown,
    html: base.html,
    tags: base.tags,
    themes: base.themes,
    audience: base.audience,
    language: base.language,
    slug: meta.slug,
    authors: base.authors,
    state: 'editing',
    revision: 1,
    basedOn: base.version,
    updatedBy: who(p),
    updatedAt: now,
    comments: [],
  };
}

/**
 * A draft (or a first save) that starts from an older version than the one readers see now:
 * publishing it would silently undo the newer version. The body names both, so the editor can
 * show what changed and let the writer take it over and save with `basedOn` = the current version.
 */
function staleBase(basedOn: number, currentVersion: number): Problem {
  return new Problem(
    'conflict',
    text(
      `Dit concept is gebaseerd op versie ${basedOn}, maar intussen is versie ${currentVersion} gepubliceerd. Bekijk wat er in versie ${currentVersion} veranderde, neem dat over in het concept en sla het op als bijgewerkt naar versie ${currentVersion}; anders zou publiceren die versie ongedaan maken.`,
      `This draft is based on version ${basedOn}, but version ${currentVersion} has been published since. Look at what changed in version ${currentVersion}, take it over into the draft and save it as updated to version ${currentVersion}; otherwise publishing would undo that version.`,
    ),
    { basedOn, currentVersion },
  );
}

/** A first save on a published article names the version it was edited from (`basedOn`). */
function basedOnMissing(currentVersion: number): Problem {
  const message = text(
    `Geef aan op welke gepubliceerde versie je wijzigingen gebaseerd zijn (nu is dat versie ${currentVersion}); zonder dat kan opslaan een nieuwere versie ongedaan maken.`,
    `Say which published version your changes are based on (currently version ${currentVersion}); without it, saving could undo a newer version.`,
  );
  return new Problem('unprocessable', message, { errors: [{ path: 'basedOn', message }], currentVersion });
}

/** The slug readers reach the article by now (none before its first publication). */
const publishedSlug = (meta: ArticleMeta) => (meta.publishedVersion > 0 ? meta.slug : undefined);

/** Whether a slug the draft lets go of was only ever a draft's: never published, so it can be given back. */
async function onlyDraftsHeld(ctx: KnowledgeCtx, meta: ArticleMeta, slug: string): Promise<boolean> {
  if (slug === publishedSlug(meta)) return false;
  if (meta.publishedVersion === 0) return true;
  return !(await articles.listVersions(ctx.store, meta.id)).some((v) => v.slug === slug);
}

/**
 * Saves a draft. `expectedRevision` is the revision the writer edited; 0 means "there was no
 * draft yet": the first save on a published article creates the draft from the version named by
 * `basedOn` (only while that is still the published version, and only if nobody created a draft
 * meanwhile: otherwise the usual version conflict). On an existing draft, `basedOn` set to the
 * current published version says the writer took its changes over (see `staleBase`).
 * A rename holds the new slug and gives back the old one if only drafts ever held it, all in the
 * transaction of the save, so two drafts cannot take one slug and a refused save holds none.
 */
export async function saveDraft(ctx: KnowledgeCtx, articleId: string, expectedRevision: number, input: ContentInput & { basedOn?: number }) {
  const meta = await loadMeta(ctx, articleId);
  const p = await requireWriter(ctx, meta);
  if (meta.archived) throw new Problem('conflict', text('Een gearchiveerd artikel kan niet worden bewerkt', 'An archived article cannot be edited'));
  const existing = await articles.getDraft(ctx.store, articleId);
  let current: Draft;
  let creating = false;
  if (expectedRevision === 0) {
    if (existing) throw conflictFor(existing, expectedRevision);
    if (meta.publishedVersion === 0) throw conflictFor(undefined, expectedRevision);
    // Without it the save would be taken as built on whatever is published now, and could undo a newer version.
    if (input.basedOn === undefined) throw basedOnMissing(meta.publishedVersion);
    const basedOn = input.basedOn;
    if (basedOn !== meta.publishedVersion) throw staleBase(basedOn, meta.publishedVersion);
    const base = await articles.getVersion(ctx.store, articleId, basedOn);
    if (!base) throw new Problem('conflict', text('Dit artikel heeft nog geen gepubliceerde versie', 'This article has no published version yet'));
    current = { ...draftFrom(base, meta, p, nowOf(ctx)), revision: 0 };
    creating = true;
  } else {
    if (!existing || existing.revision !== expectedRevision || !draftTransitions.save.includes(existing.state)) throw conflictFor(existing, expectedRevision);
    current = existing;
    if (input.basedOn !== undefined && input.basedOn !== current.basedOn) {
      if (input.basedOn !== meta.publishedVersion) throw staleBase(input.basedOn, meta.publishedVersion);
      current = { ...current, basedOn: input.basedOn };
    }
  }
  const slug = input.slug ?? current.slug;
  checkSlug(slug);
  const mainAuthor = current.authors[0] ?? who(p);
  const coAuthors = input.coAuthors ?? current.authors.slice(1).map((a) => a.id);
  const authors = await resolveAuthors(ctx, { ...p, id: mainAuthor.id, name: mainAuthor.name }, meta.networkId, coAuthors, current.authors.slice(1));
  const html = renderMarkdown(input.markdown).html;
  refuseOversized(input.markdown, html);
  const next: Draft = {
    ...current,
    title: input.title,
    summary: input.summary,
    markdown: input.markdown,
    html,
    tags: input.tags,
    themes: input.themes,
    audience: input.audience,
    language: input.language,
    slug,
    authors,
    state: 'editing',
    revision: current.revision + 1,
    updatedBy: who(p),
    updatedAt: nowOf(ctx),
  };
  const holdSlug = slug !== current.slug && slug !== publishedSlug(meta) ? slug : undefined;
  const releaseSlug = slug !== current.slug && !creating && (await onlyDraftsHeld(ctx, meta, current.slug)) ? current.slug : undefined;
  const outcome = await articles.writeDraft(ctx.store, next, creating ? { revision: null, states: [] } : { revision: expectedRevision, states: draftTransitions.save }, {
    holdSlug,
    releaseSlug,
    ...(creating ? { basedOnPublished: current.basedOn } : {}),
  });
  if (outcome === 'slug-taken') throw slugTaken(slug);
  if (outcome === 'stale') throw staleBase(current.basedOn, (await loadMeta(ctx, articleId)).publishedVersion);
  if (outcome === 'conflict') throw conflictFor(await articles.getDraft(ctx.store, articleId), expectedRevision);
  return next;
}

/**
 * Abandons the draft at the revision the writer saw (not one in review: that is the reviewer's
 * until returned). A never-published article is removed with it, its attachments too; a
 * published one keeps its versions and readers. Slugs only the draft held are given back.
 */
export async function discardDraft(ctx: KnowledgeCtx, articleId: string, expectedRevision: number) {
  const meta = await loadMeta(ctx, articleId);
  await authorizeArticle(ctx, 'discard-draft', meta);
  const draft = await articles.getDraft(ctx.store, articleId);
  if (!draft || draft.revision !== expectedRevision) throw conflictFor(draft, expectedRevision);
  if (!draftTransitions.save.includes(draft.state)) {
    throw new Problem('conflict', text('Een concept dat in review is, kan niet worden weggegooid; laat het eerst terugsturen', 'A draft under review cannot be discarded; have it sent back first'), { state: draft.state });
  }
  const candidates = [...new Set([draft.slug, ...(meta.publishedVersion === 0 ? [meta.slug] : [])])];
  const release = (await Promise.all(candidates.map(async (slug) => ((await onlyDraftsHeld(ctx, meta, slug)) ? slug : undefined)))).filter((x): x is string => !!x);
  if (!(await articles.discardDraft(ctx.store, meta, draft, release, nowOf(ctx)))) throw conflictFor(await articles.getDraft(ctx.store, articleId), expectedRevision);
  if (meta.publishedVersion === 0) {
    // Nothing can show them any more; tidy up (best effort: an orphan record is unreachable either way).
    const objects = await removeAllAttachments(ctx.store, articleId).catch(() => [] as string[]);
    await Promise.all(objects.map((Key) => ctx.store.s3.send(new DeleteObjectCommand({ Bucket: ctx.store.buckets.attachments, Key })).catch(() => undefined)));
  }
  return { removedArticle: meta.publishedVersion === 0 };
}

async function transition(ctx: KnowledgeCtx, articleId: string, expectedRevision: number, action: 'submit' | 'return', comment?: string) {
  const meta = await loadMeta(ctx, articleId);
  const p = action === 'submit' ? await requireWriter(ctx, meta) : await authorizeArticle(ctx, 'return', meta);
  const current = await articles.getDraft(ctx.store, articleId);
  if (!current || current.revision !== expectedRevision || !draftTransitions[action].includes(current.state)) throw conflictFor(current, expectedRevision);
  if (comment && current.comments.length >= maxReviewComments) {
    throw new Problem(
      'unprocessable',
      text(
        `Een concept houdt maximaal ${maxReviewComments} opmerkingen bij; bespreek de rest buiten het concept of publiceer en begin een nieuw concept`,
        `A draft keeps at most ${maxReviewComments} comments; discuss the rest outside the draft, or publish and start a new draft`,
      ),
    );
  }
  const now = nowOf(ctx);
  const next: Draft = {
    ...current,
    state: action === 'submit' ? 'in-review' : 'returned',
    submittedAt: action === 'submit' ? now : undefined,
    revision: current.revision + 1,
    updatedBy: who(p),
    updatedAt: now,
    comments: comment ? [...current.comments, { by: who(p), at: now, text: comment }] : current.comments,
  };
  if (!(await articles.putDraft(ctx.store, next, { revision: expectedRevision, states: draftTransitions[action] }))) {
    throw conflictFor(await articles.getDraft(ctx.store, articleId), expectedRevision);
  }
  return next;
}

export const submitDraft = (ctx: KnowledgeCtx, articleId: string, expectedRevision: number) => transition(ctx, articleId, expectedRevision, 'submit');
export const returnDraft = (ctx: KnowledgeCtx, articleId: string, expectedRevision: number, comment: string) =>
  transition(ctx, articleId, expectedRevision, 'return', comment);

export async function publishDraft(ctx: KnowledgeCtx, articleId: string, expectedRevision: number, note: string, opts: { updateIndex?: boolean; overrideReason?: string } = {}) {
  const meta = await loadMeta(ctx, articleId);
  const actor = await actorFor(ctx);
  // A lead of the network or the academy, before anything about the draft is told.
  const p = await authorizeArticle(ctx, 'return', meta, actor);
  if (meta.archived) throw new Problem('conflict', text('Een gearchiveerd artikel kan niet worden gepubliceerd', 'An archived article cannot be published'));
  const draft = await articles.getDraft(ctx.store, articleId);
  if (!draft || draft.revision !== expectedRevision || !draftTransitions.publish.includes(draft.state)) throw conflictFor(draft, expectedRevision);
  const fourEyesOverride = authorizePublication(ctx, actor, meta, draft, opts.overrideReason);
  if (draft.basedOn !== meta.publishedVersion) throw staleBase(draft.basedOn, meta.publishedVersion);
  if (meta.publishedVersion > 0 && audiences.indexOf(draft.audience) < audiences.indexOf(meta.audience)) {
    await refuseIfAssigned(ctx, meta, draft.audience, text('Deze versie maakt het artikel onleesbaar voor deelnemers van', 'This version makes the article unreadable for the learners of'));
  }
  const network = await getNetwork(ctx.store, meta.networkId);
  const now = nowOf(ctx);
  const rendered = renderMarkdown(draft.markdown); // render again: the stored HTML is only ever our own output
  const versionNumber = meta.publishedVersion + 1;
  const content = {
    title: draft.title,
    summary: draft.summary,
    markdown: draft.markdown,
    html: rendered.html,
    tags: draft.tags,
    themes: draft.themes,
    audience: draft.audience,
    language: draft.language,
    slug: draft.slug,
    authors: draft.authors,
  };
  const version: Version = { ...content, articleId, networkId: meta.networkId, version: versionNumber, note, publishedBy: who(p), publishedAt: now, ...(fourEyesOverride ? { fourEyesOverride } : {}) };
  const { markdown: _md, ...viewContent } = content;
  const view: ReaderView = {
    ...viewContent,
    articleId,
    networkId: meta.networkId,
    networkName: network?.name ?? meta.networkId,
    version: versionNumber,
    publishedAt: now,
    firstPublishedAt: meta.firstPublishedAt ?? now,
    reviewBy: reviewByDate(now),
    lastReviewedBy: who(p),
  };
  // Published content changes go to the audit log in the same transaction; a narrower or wider audience is a visibility change too.
  const audit = await contentAudit(ctx, p, [
    { action: 'article.publish', target: { kind: 'article', id: articleId }, at: now, details: { version: versionNumber, audience: draft.audience, ...(fourEyesOverride ? { fourEyesOverride: true } : {}) } },
    ...(meta.publishedVersion > 0 && meta.audience !== draft.audience ? [{ action: 'article.visibility-change', target: { kind: 'article', id: articleId }, at: now, details: { version: versionNumber, from: meta.audience, to: draft.audience } }] : []),
  ]);
  const outcome = await articles.publish(ctx.store, {
    meta,
    draft,
    version,
    view,
    previousSlug: publishedSlug(meta),
    publishedAttachments: attachmentIdsIn(draft.markdown, articleId),
    extraParts: audit,
  });
  if (outcome === 'slug-taken') throw new Problem('conflict', text(`De slug "${draft.slug}" is intussen door een ander artikel in gebruik genomen`, `The slug "${draft.slug}" has been taken by another article in the meantime`));
  if (outcome === 'conflict') throw conflictFor(await articles.getDraft(ctx.store, articleId), expectedRevision);
  // The write is the truth; the index follows (the table's stream in AWS, this call locally) and never fails the publish.
  countEvent('ArticlePublished');
  // The network's "recent activity" on its overview card moves on (after the write; never fails the publish).
  await touchNetwork(ctx.store, meta.networkId, new Date().toISOString()).catch(() => undefined);
  if (opts.updateIndex !== false) await indexAfterWrite(ctx.store, ctx.search, articleId);
  return { version, view };
}

/**
 * Four eyes: whoever wrote the draft (its authors, and whoever handed it in) does not publish it.
 * The academy may, with a reason that is kept on the version.
 */
function authorizePublication(ctx: KnowledgeCtx, actor: Actor, meta: ArticleMeta, draft: Draft, overrideReason?: string) {
  const authorIds = [...draft.authors.map((a) => a.id), draft.updatedBy.id];
  const resource = articleResource(meta, authorIds);
  const reason = overrideReason?.trim();
  if (reason && !can(actor, 'article', 'publish', resource)) {
    authorize(actor, 'article', 'publish-own', resource);
    return { by: who(signedIn(ctx)), reason, at: nowOf(ctx) };
  }
  authorize(actor, 'article', 'publish', resource);
  return undefined;
}

/**
 * Published reading modules assign articles by slug. Archiving an assigned article, or narrowing
 * its audience below a module's learners, would leave them a step they cannot open: refused with
 * the modules named, so the network can ask the academy to change them first.
 */
async function refuseIfAssigned(ctx: KnowledgeCtx, meta: Pick<ArticleMeta, 'id' | 'slug'>, audience: Audience | null, lead: Text) {
  const reading = (await learningLinks().readingModules(ctx.store)).filter((m) => audience === null || !articleReachesAll(audience, m.enrolAudience));
  // A module may still name an old slug of a renamed article: old slugs resolve to their article.
  const assigns = await Promise.all(reading.map(async (m) => m.articleSlug === meta.slug || (await articles.getSlug(ctx.store, m.articleSlug))?.articleId === meta.id));
  const blocking = reading.filter((_, i) => assigns[i]);
  if (blocking.length === 0) return;
  const titles = blocking.map((m) => `“${m.title}”`).join(', ');
  const one = blocking.length === 1;
  const detail = text(
    `${lead.nl} ${one ? 'de module' : 'de modules'} ${titles}. Vraag de academie die eerst aan te passen.`,
    `${lead.en} ${one ? 'the module' : 'the modules'} ${titles}. Ask the academy to change ${one ? 'it' : 'them'} first.`,
  );
  throw new Problem('conflict', detail, {
    modules: blocking.map((m) => ({ id: m.id, title: m.title, enrolAudience: m.enrolAudience })),
  });
}

/**
 * Audit entries for a change to published content (functions/docs/privacy.md), as transaction
 * parts: the first with the actor's reference, the others only the entry (one item per transaction).
 * None without a request (seeds and scripts).
 */
async function contentAudit(ctx: KnowledgeCtx, actor: Principal, entries: Array<Omit<AuditInput, 'actor' | 'requestId'>>): Promise<TransactPart[]> {
  if (!ctx.requestId || entries.length === 0) return [];
  const [first, ...rest] = entries.map((e) => ({ ...e, actor: { id: actor.id }, requestId: ctx.requestId! }));
  return [...(await auditParts(ctx.store, first!)), ...(await Promise.all(rest.map(async (e) => auditEntryPart(await auditEntryOf(ctx.store, e)))))];
}

export async function archiveArticle(ctx: KnowledgeCtx, articleId: string) {
  const meta = await loadMeta(ctx, articleId);
  const p = await authorizeArticle(ctx, 'archive', meta);
  if (meta.archived) return meta;
  await refuseIfAssigned(ctx, meta, null, text('Dit artikel is leesstof in', 'This article is reading material in'));
  const now = nowOf(ctx);
  const audit = await contentAudit(ctx, p, [{ action: 'article.archive', target: { kind: 'article', id: articleId }, at: now, details: { version: meta.publishedVersion, audience: meta.audience } }]);
  if (!(await articles.archive(ctx.store, meta, now, audit))) throw new Problem('conflict', text('Het artikel is intussen gewijzigd; probeer het opnieuw', 'The article has been changed in the meantime; please try again'));
  await indexAfterWrite(ctx.store, ctx.search, articleId); // as after publishing: never fails the archive
  return { ...meta, archived: true };
}

/** Reading needs no memberships, so a page view stays one GetItem. */
const readerMay = (ctx: KnowledgeCtx, networkId: string, audience: Audience) => can(actorOf(ctx.principal), 'article', 'read', { networkId, audience, readable: true });

/** An article too big for one stored item is refused before anything is written, with the figures. */
function refuseOversized(markdown: string, html: string) {
  if (fitsInOneItem(markdown, html)) return;
  const kb = (n: number) => Math.ceil(n / 1024);
  const size = kb(articleBytes(markdown, html));
  const message = text(
    `Tekst en opmaak samen zijn ${size} KB; het maximum is ${kb(maxArticleBytes)} KB. Splits het artikel of gebruik minder opmaak.`,
    `Text and formatting together are ${size} KB; the maximum is ${kb(maxArticleBytes)} KB. Split the article or use less formatting.`,
  );
  throw new Problem('payloadTooLarge', message, { errors: [{ path: 'markdown', message }] });
}

export type ReadResult = { kind: 'article'; view: ReaderView } | { kind: 'redirect'; slug: string };

/** The reader's path: one GetItem on the slug, visibility decided before anything is returned. */
export async function readBySlug(ctx: KnowledgeCtx, slug: string): Promise<ReadResult> {
  const item = await articles.getSlug(ctx.store, slug);
  if (!item || item.archived) throw new Problem('notFound', articleGone);
  if (!item.view) {
    // An old slug (renamed) or one reserved by an unpublished draft.
    const meta = await articles.getMeta(ctx.store, item.articleId);
    if (!meta || meta.archived || meta.publishedVersion === 0 || meta.slug === slug) throw new Problem('notFound', articleGone);
    if (!readerMay(ctx, meta.networkId, meta.audience)) throw new Problem('notFound', articleGone);
    return { kind: 'redirect', slug: meta.slug };
  }
  // Hidden and missing answer alike, signed in or not: nobody can probe which articles exist.
  if (!readerMay(ctx, item.view.networkId, item.view.audience)) throw new Problem('notFound', articleGone);
  return { kind: 'article', view: item.view };
}

/**
 * Related reading: articles sharing this one's themes and tags, ranked by how many they share and
 * how well. Each term is its own search (the reader's search combines words with AND), always
 * within what the caller may read. The index may lag behind the records, so the candidates are
 * re-checked against the current article records (one BatchGet) as search does. Not cached here:
 * `readingExtras` keeps the result for a short window, after which the re-check runs again even
 * when the snapshot has not changed (a failed index update leaves its version as it was).
 */
type RelatedHit = { slug: string; title: string; summary: string; audience: Audience };

export async function related(ctx: KnowledgeCtx, view: ReaderView, limit = 5): Promise<RelatedHit[]> {
  const index = await ctx.search.current();
  const audiences = readableAudiences(actorOf(ctx.principal));
  const scores = new Map<string, number>();
  for (const term of [...new Set([...view.themes, ...view.tags])].slice(0, 8)) {
    for (const r of index.search(term, { audiences, limit: 10 }).results) {
      if (r.id !== view.articleId) scores.set(r.id, (scores.get(r.id) ?? 0) + r.score);
    }
  }
  // The index may lag behind the records (see search/service.ts): re-check the candidates as search does, and show them as they are now.
  const candidates = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit * 2);
  const current = await currentArticles(ctx.store, candidates.map(([id]) => id));
  return candidates
    .map(([id]) => current.get(id))
    .filter((meta): meta is ArticleMeta => !!meta && !meta.archived && meta.publishedVersion > 0 && audiences.includes(meta.audience))
    .slice(0, limit)
    .map((meta) => ({ slug: meta.slug, title: meta.title, summary: meta.summary, audience: meta.audience }));
}

/**
 * What a page view shows beside the article (related articles, modules to join), kept per
 * article version and reader tier for `extrasTtlMs`. Both depend only on the reader's tier, the
 * search snapshot and the catalogue, never on the person; computing them on every view cost more
 * than the article's own GetItem (the catalogue of thousands of modules is scored per call, and
 * each call past its 5 s freshness set off a full catalogue reload). So a view is the one GetItem
 * plus, at most every 30 s per article, tier and search snapshot, this work: a newly published
 * article appears among related ones as before, a module beside an article within 30 s.
 *
 * The window is also how long a related article that was narrowed or archived can still be shown
 * when its index update failed (the snapshot's version, part of the key, then does not change):
 * at most 30 s, after which `related` re-checks it against its record. An anonymous public page is
 * cached by CloudFront for 60 s (`public, max-age=60`) in any case, so this stays within that.
 */
type Extras = { related: RelatedHit[]; relatedModules: Awaited<ReturnType<ReturnType<typeof learningLinks>['relatedModules']>> };
const extrasCache = new Map<string, { at: number; value: Promise<Extras> }>();
const defaultExtrasTtlMs = 30_000;
let extrasTtlMs = defaultExtrasTtlMs;
const extrasCacheMax = 2000;

/** Tests only: a shorter extras window (undefined: back to 30 s). Forgets what is kept. */
export function setExtrasTtlMs(ms: number | undefined) {
  extrasTtlMs = ms ?? defaultExtrasTtlMs;
  extrasCache.clear();
}

export async function readingExtras(ctx: KnowledgeCtx, view: ReaderView): Promise<Extras> {
  // The search snapshot's version is part of the key: a publish shows up in related articles as soon as the index has it.
  const { version: snapshot } = await ctx.search.currentWithVersion();
  const key = `${readableAudiences(actorOf(ctx.principal)).join(',')}|${view.articleId}|${view.version}|${snapshot}`;
  const hit = extrasCache.get(key);
  if (hit && Date.now() - hit.at < extrasTtlMs) return hit.value;
  const value = Promise.all([related(ctx, view), learningLinks().relatedModules({ store: ctx.store, principal: ctx.principal }, view)]).then(([related, relatedModules]) => ({ related, relatedModules }));
  if (extrasCache.size >= extrasCacheMax) extrasCache.delete(extrasCache.keys().next().value!);
  extrasCache.set(key, { at: Date.now(), value });
  // A failure is not kept: the next view tries again.
  value.catch(() => extrasCache.delete(key));
  return value;
}

export async function history(ctx: KnowledgeCtx, articleId: string) {
  const meta = await loadMeta(ctx, articleId);
  await requireEditorialReader(ctx, meta);
  return { article: meta, versions: await articles.listVersions(ctx.store, articleId) };
}

export async function version(ctx: KnowledgeCtx, articleId: string, n: number) {
  const meta = await loadMeta(ctx, articleId);
  await requireEditorialReader(ctx, meta);
  const v = await articles.getVersion(ctx.store, articleId, n);
  if (!v) throw new Problem('notFound', text(`Versie ${n} bestaat niet`, `Version ${n} does not exist`));
  return v;
}

export async function diff(ctx: KnowledgeCtx, articleId: string, from: number, to: number) {
  const [a, b] = await Promise.all([version(ctx, articleId, from), version(ctx, articleId, to)]);
  return { from: a.version, to: b.version, hunks: diffVersions(a.markdown, b.markdown) };
}

/** Brings the index in line with the articles of these networks (the reconciliation job); returns how many are published. */
export async function rebuildSearchIndex(store: StoreClients, search: SearchIndexStore, networkIds: string[]) {
  return (await reconcileSearchIndex(store, search, { networkIds })).published;
}

/** The audience of the published article at its current slug, or undefined when there is none (unknown, old or archived). */
export async function publishedAudience(store: StoreClients, slug: string): Promise<Audience | undefined> {
  const item = await articles.getSlug(store, slug);
  return item?.view && !item.archived ? item.view.audience : undefined;
}
