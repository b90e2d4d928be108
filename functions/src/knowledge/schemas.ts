import { z } from '@hono/zod-openapi';
import { say } from '../platform/http/language';
import { slugPattern } from './domain/slug';

/**
 * Request and response shapes of the knowledge-base routes: the OpenAPI document's schemas (named
 * ones are its components) and, as type-only imports, the web's types (web/src/features/knowledge/api.ts).
 */
export const AudienceSchema = z.enum(['internal', 'partners', 'public']).openapi({ description: 'internal = medewerkers; partners = ook ketenpartners; public = iedereen' });
export const LanguageSchema = z.enum(['nl', 'en']);
const Person = z.object({ id: z.string(), name: z.string() });

export const ContentInputSchema = z
  .object({
    title: z.string().trim().min(3, say('Minstens 3 tekens', 'At least 3 characters')).max(200, say('Maximaal 200 tekens', 'At most 200 characters')),
    summary: z.string().trim().min(10, say('Minstens 10 tekens', 'At least 10 characters')).max(500, say('Maximaal 500 tekens', 'At most 500 characters')),
    markdown: z.string().max(100_000, say('Maximaal 100.000 tekens', 'At most 100,000 characters')),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    themes: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    audience: AudienceSchema,
    language: LanguageSchema.default('nl'),
    slug: z.string().regex(slugPattern, say('Alleen kleine letters, cijfers en koppeltekens', 'Only lower-case letters, digits and hyphens')).max(80).optional(),
    coAuthors: z.array(z.string().min(1).max(100)).max(10).optional().openapi({ description: 'User ids of the co-authors; left out on a save keeps the current ones' }),
  })
  .openapi('ArticleContentInput');

export const CreateArticleSchema = ContentInputSchema.extend({ networkId: z.string().min(1).max(80) }).openapi('CreateArticle');
export const SaveDraftSchema = ContentInputSchema.extend({
  expectedRevision: z
    .number()
    .int()
    .min(0)
    .openapi({ description: 'The revision edited; 0 = no draft yet: the first save on a published article creates it (from `basedOn`)' }),
  basedOn: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'The published version the edits start from. Creating a draft (expectedRevision 0): required (422 without it), and must still be the published version. On a draft: set to the current version once its changes are taken over' }),
}).openapi('SaveDraft');
export const DiscardDraftQuerySchema = z.object({ expectedRevision: z.coerce.number().int().positive() });
export const RevisionSchema = z.object({ expectedRevision: z.number().int().positive() }).openapi('ExpectedRevision');
export const PublishSchema = RevisionSchema.extend({
  note: z.string().trim().min(1, say('Geef een korte toelichting', 'Give a short explanation')).max(500),
  overrideReason: z
    .string()
    .trim()
    .min(10, say('Leg in een zin uit waarom het vier-ogenprincipe hier niet kan', 'Explain in a sentence why the four-eyes principle is not possible here'))
    .max(500)
    .optional()
    .openapi({ description: 'Alleen de academie: publiceren zonder tweede lezer (de auteur publiceert zelf), met een reden die bij de versie wordt bewaard' }),
}).openapi('Publish');
export const ReturnSchema = RevisionSchema.extend({ comment: z.string().trim().min(1, say('Geef aan wat er moet veranderen', 'Say what needs to change')).max(2000) }).openapi('ReturnDraft');
export const PreviewSchema = z.object({ markdown: z.string().max(100_000) }).openapi('PreviewRequest');

export const DraftSchema = z
  .object({
    articleId: z.string(),
    networkId: z.string(),
    title: z.string(),
    summary: z.string(),
    markdown: z.string(),
    html: z.string(),
    tags: z.array(z.string()),
    themes: z.array(z.string()),
    audience: AudienceSchema,
    language: LanguageSchema,
    slug: z.string(),
    authors: z.array(Person),
    state: z.enum(['editing', 'in-review', 'returned']),
    revision: z.number(),
    basedOn: z.number(),
    updatedBy: Person,
    updatedAt: z.string(),
    submittedAt: z.string().optional(),
    comments: z.array(z.object({ by: Person, at: z.string(), text: z.string() })),
  })
  .openapi('Draft');

export const ArticleMetaSchema = z
  .object({
    id: z.string(),
    networkId: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    audience: AudienceSchema,
    language: LanguageSchema,
    publishedVersion: z.number(),
    firstPublishedAt: z.string().optional(),
    publishedAt: z.string().optional(),
    reviewBy: z.string().optional(),
    archived: z.boolean(),
    rev: z.number(),
    hasDraft: z.boolean(),
    draftState: z.string().optional(),
    updatedAt: z.string(),
    useful: z.number(),
    notUseful: z.number(),
    openSignals: z.number(),
    sourceQuestionId: z.string().optional().openapi({ description: 'The consultation question this article grew from (knowledge capture)' }),
  })
  .passthrough()
  .openapi('ArticleMeta');

export const ReaderViewSchema = z
  .object({
    articleId: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    html: z.string().openapi({ description: 'Gesaneerde HTML, veilig om te tonen' }),
    tags: z.array(z.string()),
    themes: z.array(z.string()),
    audience: AudienceSchema,
    language: LanguageSchema,
    authors: z.array(Person),
    networkId: z.string(),
    networkName: z.string(),
    version: z.number(),
    publishedAt: z.string(),
    firstPublishedAt: z.string(),
    reviewBy: z.string(),
    lastReviewedBy: Person,
    related: z.array(z.object({ slug: z.string(), title: z.string(), summary: z.string(), audience: AudienceSchema })),
    relatedModules: z
      .array(z.object({ id: z.string(), kind: z.string(), title: z.string(), durationMinutes: z.number() }))
      .openapi({ description: 'Modules the reader may join: reading modules that assign this article, then shared themes or network' }),
  })
  .openapi('Article');

/** GET /api/articles/{id} (the article with its draft, if one is open) and POST /api/articles (always with the new draft). */
export const ArticleForEditingSchema = z.object({ article: ArticleMetaSchema, draft: DraftSchema.optional() });
export const NewArticleSchema = z.object({ article: ArticleMetaSchema, draft: DraftSchema });

/** POST /api/articles/preview */
export const PreviewResultSchema = z.object({ html: z.string() });

/** POST /api/articles/{id}/publish */
export const PublishedSchema = z.object({ version: z.number(), slug: z.string(), reviewBy: z.string() });

/** GET /api/articles/{id}/versions: one entry per published version, newest first. */
export const VersionSummarySchema = z.object({ version: z.number(), note: z.string(), publishedBy: z.object({ id: z.string(), name: z.string() }), publishedAt: z.string(), title: z.string(), slug: z.string(), audience: AudienceSchema });
export const VersionHistorySchema = z.object({ article: ArticleMetaSchema, versions: z.array(VersionSummarySchema) });

/** GET /api/articles/{id}/diff */
export const DiffSchema = z.object({ from: z.number(), to: z.number(), hunks: z.array(z.object({ kind: z.enum(['added', 'removed', 'unchanged']), lines: z.array(z.string()) })) });

export const VersionSchema = DraftSchema.pick({ articleId: true, networkId: true, title: true, summary: true, markdown: true, html: true, tags: true, themes: true, audience: true, language: true, slug: true, authors: true })
  .extend({ version: z.number(), note: z.string(), publishedBy: Person, publishedAt: z.string() })
  .openapi('ArticleVersion');

export const SearchQuerySchema = z.object({
  q: z.string().max(200).optional().default(''),
  network: z.string().max(80).optional(),
  theme: z.string().max(40).optional(),
  audience: AudienceSchema.optional(),
  language: LanguageSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const SearchResultSchema = z
  .object({
    total: z.number(),
    results: z.array(
      z.object({
        id: z.string(),
        slug: z.string(),
        title: z.string(),
        summary: z.string(),
        network: z.string(),
        networkName: z.string(),
        audience: AudienceSchema,
        language: LanguageSchema,
        tags: z.array(z.string()),
        themes: z.array(z.string()),
        publishedAt: z.string(),
        score: z.number(),
        snippet: z.string().openapi({ description: 'HTML-escaped tekst met <mark> rond treffers' }),
        highlights: z.object({ title: z.string() }),
      }),
    ),
    facets: z.object({
      network: z.record(z.string(), z.number()),
      theme: z.record(z.string(), z.number()),
      audience: z.record(z.string(), z.number()),
      language: z.record(z.string(), z.number()),
    }),
  })
  .openapi('SearchResult');

export const SignalInputSchema = z
  .object({ useful: z.boolean(), remark: z.string().trim().max(2000, say('Maximaal 2000 tekens', 'At most 2000 characters')).optional() })
  .openapi('SignalInput');
export const AnswerSchema = z.object({ answer: z.string().trim().min(1, say('Schrijf een antwoord', 'Write an answer')).max(4000) }).openapi('SignalAnswer');
export const SignalSchema = z
  .object({
    id: z.string(),
    articleId: z.string(),
    articleSlug: z.string(),
    articleTitle: z.string(),
    networkId: z.string(),
    reader: Person,
    useful: z.boolean(),
    remark: z.string().optional(),
    status: z.enum(['open', 'closed']),
    answer: z.string().optional(),
    answeredBy: Person.optional(),
    answeredAt: z.string().optional(),
    createdAt: z.string(),
  })
  .openapi('Signal');

/** GET /api/me/knowledge: my editorial work. */
export const MyKnowledgeSchema = z.object({
  networks: z.array(z.object({ networkId: z.string(), role: z.enum(['lead', 'author', 'member']), canWrite: z.boolean(), canPublish: z.boolean() })),
  reviewQueue: z.array(DraftSchema),
  overdue: z.array(ArticleMetaSchema),
});

/** An attachment of an article; `url` is `/api/attachments/…`, readable with the article's visibility. */
export const AttachmentSchema = z
  .object({ id: z.string(), articleId: z.string(), fileName: z.string(), contentType: z.string(), bytes: z.number(), url: z.string(), createdAt: z.string() })
  .passthrough()
  .openapi('Attachment');
/** The answer of an attachment's `…/complete`: the attachment and what to put in the Markdown. */
export const NewAttachmentSchema = AttachmentSchema.extend({ markdown: z.string() });
