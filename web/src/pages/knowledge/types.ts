/**
 * Shapes of the knowledge-base API as the front end uses them (see
 * functions/src/routes/knowledge-schemas.ts and /api/openapi.json). Type-only, no runtime cost.
 */
export type Audience = 'internal' | 'partners' | 'public';
export type Language = 'nl' | 'en';
export type DraftState = 'editing' | 'in-review' | 'returned';

export interface Person {
  id: string;
  name: string;
}

export interface Network {
  id: string;
  name: string;
  theme: string;
  description: string;
  leads: string[];
}

export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  summary: string;
  network: string;
  networkName: string;
  audience: Audience;
  language: Language;
  tags: string[];
  themes: string[];
  publishedAt: string;
  score: number;
  /** HTML-escaped text with only `<mark>` tags around matches. */
  snippet: string;
  highlights: { title: string };
}

export interface SearchResult {
  total: number;
  results: SearchHit[];
  facets: {
    network: Record<string, number>;
    theme: Record<string, number>;
    audience: Record<string, number>;
    language: Record<string, number>;
  };
}

export interface ReaderView {
  articleId: string;
  slug: string;
  title: string;
  summary: string;
  /** Sanitised server-side before storage; see article-body.ts. */
  html: string;
  tags: string[];
  themes: string[];
  audience: Audience;
  language: Language;
  authors: Person[];
  networkId: string;
  networkName: string;
  version: number;
  publishedAt: string;
  firstPublishedAt: string;
  reviewBy: string;
  lastReviewedBy: Person;
  related: Array<{ slug: string; title: string; summary: string; audience: Audience }>;
  relatedModules: Array<{ id: string; kind: string; title: string; durationMinutes: number }>;
}

export interface Draft {
  articleId: string;
  networkId: string;
  title: string;
  summary: string;
  markdown: string;
  /** Sanitised server-side before storage; see article-body.ts. */
  html: string;
  tags: string[];
  themes: string[];
  audience: Audience;
  language: Language;
  slug: string;
  authors: Person[];
  state: DraftState;
  revision: number;
  basedOn: number;
  updatedBy: Person;
  updatedAt: string;
  submittedAt?: string;
  comments: Array<{ by: Person; at: string; text: string }>;
}

export interface ArticleMeta {
  id: string;
  networkId: string;
  slug: string;
  title: string;
  summary: string;
  audience: Audience;
  language: Language;
  publishedVersion: number;
  firstPublishedAt?: string;
  publishedAt?: string;
  reviewBy?: string;
  archived: boolean;
  rev: number;
  hasDraft: boolean;
  draftState?: string;
  updatedAt: string;
  useful: number;
  notUseful: number;
  openSignals: number;
}

export interface ArticleForEditing {
  article: ArticleMeta;
  draft?: Draft;
}

export interface MyKnowledge {
  networks: Array<{ networkId: string; role: 'lead' | 'member'; canWrite: boolean; canPublish: boolean }>;
  reviewQueue: Draft[];
  overdue: ArticleMeta[];
}

export interface VersionSummary {
  version: number;
  note: string;
  publishedBy: Person;
  publishedAt: string;
  title: string;
  slug: string;
  audience: string;
}

export interface DiffResult {
  from: number;
  to: number;
  hunks: Array<{ kind: 'added' | 'removed' | 'unchanged'; lines: string[] }>;
}

export interface Signal {
  id: string;
  articleId: string;
  articleSlug: string;
  articleTitle: string;
  networkId: string;
  reader: Person;
  useful: boolean;
  remark?: string;
  status: 'open' | 'closed';
  answer?: string;
  answeredBy?: Person;
  answeredAt?: string;
  createdAt: string;
}

export interface ContentInput {
  title: string;
  summary: string;
  markdown: string;
  tags: string[];
  themes: string[];
  audience: Audience;
  language: Language;
  slug?: string;
  coAuthors: string[];
}

/** An attachment of an article (GET /api/articles/{id}/attachments); `url` is `/api/attachments/…`. */
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

/** POST /api/articles/{id}/attachments: a presigned POST straight to the uploads bucket. */
export interface UploadTicket {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
  expiresInSeconds: number;
}
