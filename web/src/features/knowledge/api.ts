/**
 * Every request the knowledge pages make, and the shapes they exchange. The shapes are the API's
 * own zod schemas (functions/src/knowledge/schemas.ts and friends), imported as types only: no
 * backend code reaches the bundle, and a changed field fails `npm run typecheck` here or where a
 * page uses it. Responses use `z.infer`, request bodies `z.input` (what the API accepts before
 * defaults).
 */
import type { z } from 'zod';
import type {
  AnswerSchema,
  ArticleForEditingSchema,
  ArticleMetaSchema,
  AttachmentSchema,
  AudienceSchema,
  ContentInputSchema,
  CreateArticleSchema,
  DiffSchema,
  DraftSchema,
  LanguageSchema,
  MyKnowledgeSchema,
  NewArticleSchema,
  NewAttachmentSchema,
  PreviewResultSchema,
  PublishedSchema,
  PublishSchema,
  ReaderViewSchema,
  ReturnSchema,
  SaveDraftSchema,
  SearchResultSchema,
  SignalInputSchema,
  SignalSchema,
  VersionHistorySchema,
  VersionSchema,
  VersionSummarySchema,
} from '../../../../functions/src/knowledge/schemas';
import type { NetworkSchema, NetworkWithMembersSchema } from '../../../../functions/src/networks/schemas';
import type { PresignedPostSchema, uploadRequestSchema } from '../../../../functions/src/platform/uploads/schemas';
import { api } from '../../api';

export type Audience = z.infer<typeof AudienceSchema>;
export type Language = z.infer<typeof LanguageSchema>;
export type Draft = z.infer<typeof DraftSchema>;
export type DraftState = Draft['state'];
export type Person = Draft['updatedBy'];
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
export type ReaderView = z.infer<typeof ReaderViewSchema>;
export type SearchResult = z.infer<typeof SearchResultSchema>;
export type SearchHit = SearchResult['results'][number];
export type Signal = z.infer<typeof SignalSchema>;
/** An article's content as the editor sends it (every field filled in, as after the API's defaults). */
export type ContentInput = z.infer<typeof ContentInputSchema>;
export type UploadTicket = z.infer<typeof PresignedPostSchema>;
export type UploadRequest = z.input<ReturnType<typeof uploadRequestSchema>>;

export type Network = z.infer<typeof NetworkSchema>;
/** GET /api/networks/{id}: the network with the members the caller may see. */
export type NetworkWithMembers = z.infer<typeof NetworkWithMembersSchema>;
/** GET /api/me/knowledge: my networks, the drafts I review and the articles past their review date. */
export type MyKnowledge = z.infer<typeof MyKnowledgeSchema>;
/** GET /api/articles/{id}: the article and its open draft, if any. */
export type ArticleForEditing = z.infer<typeof ArticleForEditingSchema>;
/** POST /api/articles: the new article with its first draft. */
export type NewArticle = z.infer<typeof NewArticleSchema>;
export type VersionHistory = z.infer<typeof VersionHistorySchema>;
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
/** One published version, with its text. */
export type Version = z.infer<typeof VersionSchema>;
export type DiffResult = z.infer<typeof DiffSchema>;
export type Published = z.infer<typeof PublishedSchema>;
export type PreviewResult = z.infer<typeof PreviewResultSchema>;
/** The answer of `…/attachments/{uploadId}/complete`: the attachment and what to put in the Markdown. */
export type NewAttachment = z.infer<typeof NewAttachmentSchema>;
/** An attachment of an article (`url` is `/api/attachments/…`): as listed, or just added with its `markdown`. */
export type Attachment = z.infer<typeof AttachmentSchema> & Partial<Pick<NewAttachment, 'markdown'>>;

// ---- Requests ------------------------------------------------------------------------------------
const enc = encodeURIComponent;
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });

export const searchArticles = (path: string, signal?: AbortSignal) => api<SearchResult>(path, { signal });
export const articleBySlug = (slug: string) => api<ReaderView>(`/api/articles/by-slug/${enc(slug)}`);
export const sendSignal = (slug: string, body: z.input<typeof SignalInputSchema>) => post<Signal>(`/api/articles/by-slug/${enc(slug)}/signals`, body);
export const mySignals = () => api<Signal[]>('/api/me/signals');
export const answerSignal = (s: Pick<Signal, 'articleId' | 'id'>, body: z.input<typeof AnswerSchema>) => post<Signal>(`/api/articles/${enc(s.articleId)}/signals/${enc(s.id)}/answer`, body);

export const networks = () => api<Network[]>('/api/networks');
export const network = (networkId: string) => api<NetworkWithMembers>(`/api/networks/${enc(networkId)}`);
export const networkArticles = (networkId: string) => api<ArticleMeta[]>(`/api/networks/${enc(networkId)}/articles`);
export const networkSignals = (networkId: string) => api<Signal[]>(`/api/networks/${enc(networkId)}/signals`);
export const myKnowledge = () => api<MyKnowledge>('/api/me/knowledge');

export const articleForEditing = (id: string) => api<ArticleForEditing>(`/api/articles/${enc(id)}`);
/** One published version (the editor's starting point when no draft is open: nothing is written by looking). */
export const articleVersion = (id: string, version: number) => api<Version>(`/api/articles/${enc(id)}/versions/${version}`);
/** Abandons the draft at the revision shown; a never-published article goes with it. */
export const discardDraft = (draft: Pick<Draft, 'articleId' | 'revision'>) => api<void>(`/api/articles/${enc(draft.articleId)}/draft?expectedRevision=${draft.revision}`, { method: 'DELETE' });
export const createArticle = (body: z.input<typeof CreateArticleSchema>) => post<NewArticle>('/api/articles', body);
export const saveDraft = (id: string, body: z.input<typeof SaveDraftSchema>) => api<Draft>(`/api/articles/${enc(id)}/draft`, { method: 'PUT', body });
export const submitDraft = (draft: Pick<Draft, 'articleId' | 'revision'>) => post<Draft>(`/api/articles/${enc(draft.articleId)}/submit`, { expectedRevision: draft.revision });
export const preview = (markdown: string, signal: AbortSignal) => api<PreviewResult>('/api/articles/preview', { method: 'POST', body: { markdown }, signal });
export const publishDraft = (id: string, body: z.input<typeof PublishSchema>) => post<Published>(`/api/articles/${enc(id)}/publish`, body);
export const returnDraft = (id: string, body: z.input<typeof ReturnSchema>) => post<Draft>(`/api/articles/${enc(id)}/return`, body);
export const archiveArticle = (id: string) => post<ArticleMeta>(`/api/articles/${enc(id)}/archive`);
export const versions = (id: string) => api<VersionHistory>(`/api/articles/${enc(id)}/versions`);
export const diff = (id: string, from: string, to: string) => api<DiffResult>(`/api/articles/${enc(id)}/diff?from=${enc(from)}&to=${enc(to)}`);

export const attachments = (articleId: string) => api<Attachment[]>(`/api/articles/${enc(articleId)}/attachments`);
export const startAttachment = (articleId: string, body: UploadRequest) => post<UploadTicket>(`/api/articles/${enc(articleId)}/attachments`, body);
export const completeAttachment = (articleId: string, uploadId: string) => post<NewAttachment>(`/api/articles/${enc(articleId)}/attachments/${enc(uploadId)}/complete`);
export const deleteAttachment = (a: Pick<Attachment, 'articleId' | 'id'>) => api<void>(`/api/articles/${enc(a.articleId)}/attachments/${enc(a.id)}`, { method: 'DELETE' });
