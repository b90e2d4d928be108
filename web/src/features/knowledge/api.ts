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
  ArticleMetaSchema,
  AudienceSchema,
  ContentInputSchema,
  CreateArticleSchema,
  DraftSchema,
  LanguageSchema,
  PublishSchema,
  ReaderViewSchema,
  ReturnSchema,
  SaveDraftSchema,
  SearchResultSchema,
  SignalInputSchema,
  SignalSchema,
} from '../../../../functions/src/knowledge/schemas';
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

// ---- Shapes the API declares inline in its route files (no exported schema yet) ----------------
// Kept minimal and local until the API exports them; see web/README.md "Typed contracts".

/** GET /api/networks (inline `NetworkSchema` in functions/src/knowledge/networks/routes.ts). */
export interface Network {
  id: string;
  name: string;
  theme: string;
  description: string;
  leads: string[];
}

/** GET /api/networks/{id}: the network with its members (inline in networks/routes.ts). */
export type NetworkWithMembers = Network & { members: Array<{ userId: string; name: string; role: 'lead' | 'member' }> };

/** GET /api/me/knowledge (inline in networks/routes.ts); the lists are exported schemas. */
export interface MyKnowledge {
  networks: Array<{ networkId: string; role: 'lead' | 'member'; canWrite: boolean; canPublish: boolean }>;
  reviewQueue: Draft[];
  overdue: ArticleMeta[];
}

/** GET /api/articles/{id} and POST /api/articles (inline objects of exported schemas in articles/routes.ts). */
export interface ArticleForEditing {
  article: ArticleMeta;
  draft?: Draft;
}

/** One entry of GET /api/articles/{id}/versions (inline in articles/routes.ts). */
export interface VersionSummary {
  version: number;
  note: string;
  publishedBy: Person;
  publishedAt: string;
  title: string;
  slug: string;
  audience: Audience;
}

/** GET /api/articles/{id}/diff (inline in articles/routes.ts). */
export interface DiffResult {
  from: number;
  to: number;
  hunks: Array<{ kind: 'added' | 'removed' | 'unchanged'; lines: string[] }>;
}

/** POST /api/articles/{id}/publish (inline in articles/routes.ts). */
export interface Published {
  version: number;
  slug: string;
  reviewBy: string;
}

/** An attachment of an article (inline `AttachmentSchema` in functions/src/knowledge/attachments/routes.ts); `url` is `/api/attachments/…`. */
export interface Attachment {
  id: string;
  articleId: string;
  fileName: string;
  contentType: string;
  bytes: number;
  url: string;
  createdAt: string;
  /** Only in the answer of `…/complete`: what to put in the Markdown. */
  markdown?: string;
}

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
export const startDraft = (id: string) => post<Draft>(`/api/articles/${enc(id)}/draft`);
export const createArticle = (body: z.input<typeof CreateArticleSchema>) => post<Required<ArticleForEditing>>('/api/articles', body);
export const saveDraft = (id: string, body: z.input<typeof SaveDraftSchema>) => api<Draft>(`/api/articles/${enc(id)}/draft`, { method: 'PUT', body });
export const submitDraft = (draft: Pick<Draft, 'articleId' | 'revision'>) => post<Draft>(`/api/articles/${enc(draft.articleId)}/submit`, { expectedRevision: draft.revision });
export const preview = (markdown: string, signal: AbortSignal) => api<{ html: string }>('/api/articles/preview', { method: 'POST', body: { markdown }, signal });
export const publishDraft = (id: string, body: z.input<typeof PublishSchema>) => post<Published>(`/api/articles/${enc(id)}/publish`, body);
export const returnDraft = (id: string, body: z.input<typeof ReturnSchema>) => post<Draft>(`/api/articles/${enc(id)}/return`, body);
export const archiveArticle = (id: string) => post<ArticleMeta>(`/api/articles/${enc(id)}/archive`);
export const versions = (id: string) => api<{ article: ArticleMeta; versions: VersionSummary[] }>(`/api/articles/${enc(id)}/versions`);
export const diff = (id: string, from: string, to: string) => api<DiffResult>(`/api/articles/${enc(id)}/diff?from=${enc(from)}&to=${enc(to)}`);

export const attachments = (articleId: string) => api<Attachment[]>(`/api/articles/${enc(articleId)}/attachments`);
export const startAttachment = (articleId: string, body: UploadRequest) => post<UploadTicket>(`/api/articles/${enc(articleId)}/attachments`, body);
export const completeAttachment = (articleId: string, uploadId: string) => post<Attachment>(`/api/articles/${enc(articleId)}/attachments/${enc(uploadId)}/complete`);
