import type { SearchIndexStore } from '../search/index-store';
import type { PlatformDeps } from '../../platform/deps';
import { searchArticles } from '../search/service';
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter, type AppContext } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../../platform/http/contract';
import * as svc from './service';
import { renderMarkdown } from '../domain/render';
import { actorOf, authorize, readableAudiences } from '../../policy';
import { actorFor } from './service';
import {
  ArticleForEditingSchema,
  ArticleMetaSchema,
  CreateArticleSchema,
  DiscardDraftQuerySchema,
  DiffSchema,
  DraftSchema,
  NewArticleSchema,
  PreviewResultSchema,
  PreviewSchema,
  PublishedSchema,
  PublishSchema,
  ReaderViewSchema,
  ReturnSchema,
  RevisionSchema,
  SaveDraftSchema,
  SearchQuerySchema,
  SearchResultSchema,
  VersionHistorySchema,
  VersionSchema,
} from '../schemas';

/**
 * The app's deps carry the process's one search index (`AppDeps.search`, made in deps.ts); the
 * request context types only the platform's part of them, since platform knows no feature.
 */
const searchOf = (c: AppContext) => (c.get('deps') as PlatformDeps & { search: SearchIndexStore }).search;

export const knowledgeCtx = (c: AppContext): svc.KnowledgeCtx => ({ store: c.get('deps').store, search: searchOf(c), principal: c.get('principal'), requestId: c.get('requestId') });

const tags = ['Kennisbank'];
const errors = { ...commonProblems, 403: problemResponse('Geen rechten voor dit netwerk') };
const conflict = { 409: problemResponse('Versieconflict (met currentRevision en updatedBy) of ongeldige status') };
const IdParam = z.object({ id: z.string().min(1).max(80) });

const search = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Zoeken en bladeren in gepubliceerde kennis (zichtbaarheid volgens de aanvrager)',
  request: { query: SearchQuerySchema },
  responses: { 200: json(SearchResultSchema, 'Resultaten, aantallen en facetten; alleen wat de aanvrager mag zien'), 400: errors[400] },
});

const bySlug = createRoute({
  method: 'get',
  path: '/by-slug/{slug}',
  tags,
  summary: 'Een artikel lezen via zijn leesbare URL',
  description: 'Publiek: zonder aanmelding. Partners: ketenpartner of medewerker. Intern: medewerker. Oude slugs geven 301 naar de nieuwe.',
  request: { params: z.object({ slug: z.string().min(1).max(120) }) },
  responses: { 200: json(ReaderViewSchema, 'Artikel'), 301: { description: 'Hernoemd: Location wijst naar de nieuwe slug' }, 401: errors[401], 404: errors[404] },
});

const preview = createRoute({
  method: 'post',
  path: '/preview',
  tags,
  security,
  summary: 'Live voorbeeld: Markdown naar gesaneerde HTML',
  request: body(PreviewSchema),
  responses: { 200: json(PreviewResultSchema, 'Gesaneerde HTML'), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Nieuw artikel (concept) in een netwerk',
  request: body(CreateArticleSchema),
  responses: { 201: json(NewArticleSchema, 'Aangemaakt'), ...errors, ...conflict, 422: problemResponse('Onbekend netwerk') },
});

const edit = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  security,
  summary: 'Artikel met lopend concept (voor auteurs en leidend experts)',
  request: { params: IdParam },
  responses: { 200: json(ArticleForEditingSchema, 'Artikel'), ...errors },
});

const startDraft = createRoute({
  method: 'post',
  path: '/{id}/draft',
  tags,
  security,
  summary: 'Concept nu openen op basis van de gepubliceerde versie (of het lopende concept teruggeven); de editor doet dit niet: daar ontstaat het concept bij de eerste opslag',
  request: { params: IdParam },
  responses: { 200: json(DraftSchema, 'Concept'), ...errors, ...conflict },
});

const saveDraft = createRoute({
  method: 'put',
  path: '/{id}/draft',
  tags,
  security,
  summary: 'Concept opslaan (optimistisch: expectedRevision moet de laatst geladen revisie zijn; 0 met basedOn maakt het eerste concept op een gepubliceerd artikel)',
  request: { params: IdParam, ...body(SaveDraftSchema) },
  responses: { 200: json(DraftSchema, 'Opgeslagen'), ...errors, ...conflict },
});

const discardDraft = createRoute({
  method: 'delete',
  path: '/{id}/draft',
  tags,
  security,
  summary: 'Concept weggooien (niet in review); een nooit gepubliceerd artikel verdwijnt ermee. Slugs die alleen het concept had, komen vrij',
  request: { params: IdParam, query: DiscardDraftQuerySchema },
  responses: { 204: { description: 'Weggegooid' }, ...errors, ...conflict },
});

const submit = createRoute({
  method: 'post',
  path: '/{id}/submit',
  tags,
  security,
  summary: 'Concept ter review aanbieden',
  request: { params: IdParam, ...body(RevisionSchema) },
  responses: { 200: json(DraftSchema, 'In review'), ...errors, ...conflict },
});

const publish = createRoute({
  method: 'post',
  path: '/{id}/publish',
  tags,
  security,
  summary: 'Publiceren (leidend expert of academie): bevriest een genummerde versie',
  request: { params: IdParam, ...body(PublishSchema) },
  responses: { 200: json(PublishedSchema, 'Gepubliceerd'), ...errors, ...conflict },
});

const returnDraft = createRoute({
  method: 'post',
  path: '/{id}/return',
  tags,
  security,
  summary: 'Terugsturen met opmerkingen (leidend expert of academie)',
  request: { params: IdParam, ...body(ReturnSchema) },
  responses: { 200: json(DraftSchema, 'Teruggestuurd'), ...errors, ...conflict },
});

const archive = createRoute({
  method: 'post',
  path: '/{id}/archive',
  tags,
  security,
  summary: 'Archiveren: verdwijnt uit zoeken en lijsten, versies blijven bestaan',
  request: { params: IdParam },
  responses: { 200: json(ArticleMetaSchema, 'Gearchiveerd'), ...errors, ...conflict },
});

const versions = createRoute({
  method: 'get',
  path: '/{id}/versions',
  tags,
  security,
  summary: 'Versiegeschiedenis (wie, wanneer, toelichting)',
  request: { params: IdParam },
  responses: { 200: json(VersionHistorySchema, 'Versies, nieuwste eerst'), ...errors },
});

const versionOne = createRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  tags,
  security,
  summary: 'Eén gepubliceerde versie',
  request: { params: IdParam.extend({ version: z.coerce.number().int().positive() }) },
  responses: { 200: json(VersionSchema, 'Versie'), ...errors },
});

const diff = createRoute({
  method: 'get',
  path: '/{id}/diff',
  tags,
  security,
  summary: 'Verschil tussen twee versies (Markdown, per regel)',
  request: { params: IdParam, query: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }) },
  responses: { 200: json(DiffSchema, 'Verschil'), ...errors },
});

/** Under `/api/articles` (with the signals and attachments of an article: see ../index.ts); paths are relative to it. */
export const articleRoutes = newRouter()
  .openapi(search, async (c) => {
    const q = c.req.valid('query');
    const result = await searchArticles(knowledgeCtx(c), q.q, { audiences: readableAudiences(actorOf(c.get('principal'))), network: q.network, theme: q.theme, audience: q.audience, language: q.language, limit: q.limit, offset: q.offset });
    return c.json(result, 200);
  })
  .openapi(bySlug, async (c) => {
    const ctx = knowledgeCtx(c);
    const read = await svc.readBySlug(ctx, c.req.valid('param').slug);
    if (read.kind === 'redirect') {
      // Permanent for clients, but not cached: an article renamed back must not loop in a browser cache.
      c.header('cache-control', 'no-store');
      return c.redirect(`/api/articles/by-slug/${read.slug}`, 301) as never;
    }
    // Related items depend on who reads, so only an anonymous read of a public article is shareable.
    c.header('cache-control', read.view.audience === 'public' && !ctx.principal ? 'public, max-age=60' : 'private, no-store');
    c.header('vary', 'Authorization');
    return c.json({ ...read.view, ...(await svc.readingExtras(ctx, read.view)) }, 200);
  })
  .openapi(preview, async (c) => {
    authorize(await actorFor(knowledgeCtx(c)), 'knowledge', 'write', {});
    return c.json({ html: renderMarkdown(c.req.valid('json').markdown).html }, 200);
  })
  .openapi(create, async (c) => {
    const { networkId, ...input } = c.req.valid('json');
    return c.json(await svc.createArticle(knowledgeCtx(c), networkId, input), 201);
  })
  .openapi(edit, async (c) => c.json(await svc.getForEditing(knowledgeCtx(c), c.req.valid('param').id), 200))
  .openapi(startDraft, async (c) => c.json(await svc.startDraft(knowledgeCtx(c), c.req.valid('param').id), 200))
  .openapi(saveDraft, async (c) => {
    const { expectedRevision, ...input } = c.req.valid('json');
    return c.json(await svc.saveDraft(knowledgeCtx(c), c.req.valid('param').id, expectedRevision, input), 200);
  })
  .openapi(discardDraft, async (c) => {
    await svc.discardDraft(knowledgeCtx(c), c.req.valid('param').id, c.req.valid('query').expectedRevision);
    return c.body(null, 204) as never;
  })
  .openapi(submit, async (c) => c.json(await svc.submitDraft(knowledgeCtx(c), c.req.valid('param').id, c.req.valid('json').expectedRevision), 200))
  .openapi(publish, async (c) => {
    const { expectedRevision, note, overrideReason } = c.req.valid('json');
    const { version, view } = await svc.publishDraft(knowledgeCtx(c), c.req.valid('param').id, expectedRevision, note, { overrideReason });
    return c.json({ version: version.version, slug: view.slug, reviewBy: view.reviewBy }, 200);
  })
  .openapi(returnDraft, async (c) => {
    const { expectedRevision, comment } = c.req.valid('json');
    return c.json(await svc.returnDraft(knowledgeCtx(c), c.req.valid('param').id, expectedRevision, comment), 200);
  })
  .openapi(archive, async (c) => c.json(await svc.archiveArticle(knowledgeCtx(c), c.req.valid('param').id), 200))
  .openapi(versions, async (c) => c.json(await svc.history(knowledgeCtx(c), c.req.valid('param').id), 200))
  .openapi(versionOne, async (c) => {
    const { id, version } = c.req.valid('param');
    return c.json(await svc.version(knowledgeCtx(c), id, version), 200);
  })
  .openapi(diff, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await svc.diff(knowledgeCtx(c), c.req.valid('param').id, from, to), 200);
  });
