import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem } from '../../platform/store/items';
import { get, put, query, transact, update, type TransactPart } from '../../platform/store/table';
import type { Audience } from '../domain/visibility';
import type { DraftState } from '../domain/workflow';

/** The editable content of an article; a draft holds one, every published version freezes one. */
export interface ArticleContent {
  title: string;
  summary: string;
  markdown: string;
  html: string;
  tags: string[];
  themes: string[];
  audience: Audience;
  language: 'nl' | 'en';
  slug: string;
  /** Main author first; co-authors follow. */
  authors: Array<{ id: string; name: string }>;
}

export interface ArticleMeta {
  id: string;
  networkId: string;
  slug: string;
  title: string;
  summary: string;
  audience: Audience;
  language: 'nl' | 'en';
  publishedVersion: number;
  firstPublishedAt?: string;
  publishedAt?: string;
  reviewBy?: string;
  lastReviewedBy?: { id: string; name: string };
  archived: boolean;
  rev: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  hasDraft: boolean;
  draftState?: DraftState;
  useful: number;
  notUseful: number;
  openSignals: number;
}

export interface ReviewComment {
  by: { id: string; name: string };
  at: string;
  text: string;
}

export interface Draft extends ArticleContent {
  articleId: string;
  networkId: string;
  state: DraftState;
  /** Increases on every save; the client sends the revision it edited (optimistic concurrency). */
  revision: number;
  /** The published version this draft started from (0 for a new article). */
  basedOn: number;
  updatedBy: { id: string; name: string };
  updatedAt: string;
  submittedAt?: string;
  comments: ReviewComment[];
}

export interface Version extends ArticleContent {
  articleId: string;
  networkId: string;
  version: number;
  note: string;
  publishedBy: { id: string; name: string };
  publishedAt: string;
  /** Published by one of its own authors: only the academy may, and says why. */
  fourEyesOverride?: { by: { id: string; name: string }; reason: string; at: string };
}

/** What a reader needs for one page view, stored under the current slug (one GetItem). */
export interface ReaderView extends Omit<ArticleContent, 'markdown'> {
  articleId: string;
  networkId: string;
  networkName: string;
  version: number;
  publishedAt: string;
  firstPublishedAt: string;
  reviewBy: string;
  lastReviewedBy: { id: string; name: string };
}

export type SlugItem = { articleId: string; view?: ReaderView; archived?: boolean };

export async function getMeta(store: StoreClients, articleId: string) {
  return fromItem<ArticleMeta>(await get(store, keys.article(articleId)));
}

export async function getDraft(store: StoreClients, articleId: string) {
  return fromItem<Draft>(await get(store, keys.draft(articleId)));
}

export async function getVersion(store: StoreClients, articleId: string, version: number) {
  return fromItem<Version>(await get(store, keys.version(articleId, version)));
}

export async function getSlug(store: StoreClients, slug: string) {
  return fromItem<SlugItem>(await get(store, keys.slug(slug)));
}

/** Version history without bodies (who, when, note). */
export async function listVersions(store: StoreClients, articleId: string) {
  const res = await query(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
    ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':v': keys.versionPrefix },
    ProjectionExpression: 'version, note, publishedBy, publishedAt, title, slug, audience',
    ScanIndexForward: false,
  });
  return (res.Items ?? []) as Array<Pick<Version, 'version' | 'note' | 'publishedBy' | 'publishedAt' | 'title' | 'slug' | 'audience'>>;
}

export async function listNetworkArticles(store: StoreClients, networkId: string, limit = 200) {
  const res = await query(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `NETWORK#${networkId}#ARTICLES` },
    ScanIndexForward: false,
    Limit: limit,
  });
  return (res.Items ?? []).map((i) => fromItem<ArticleMeta>(i)!);
}

export async function listReviewQueue(store: StoreClients, networkId: string) {
  const res = await query(store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': `REVIEW#${networkId}` },
  });
  return (res.Items ?? []).map((i) => fromItem<Draft>(i)!);
}

export async function listDueForReview(store: StoreClients, networkId: string, before: string) {
  const res = await query(store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :before',
    ExpressionAttributeValues: { ':pk': `REVIEWBY#${networkId}`, ':before': before },
  });
  return (res.Items ?? []).map((i) => fromItem<ArticleMeta>(i)!);
}

/** New article: META, first draft and the slug reservation, all or nothing. */
export async function createArticle(store: StoreClients, meta: ArticleMeta, draft: Draft): Promise<'created' | 'slug-taken'> {
  try {
    await transact(store, [
      {
        Put: {
          Item: { ...keys.article(meta.id), ...keys.articleByNetwork(meta.networkId, meta.updatedAt, meta.id), type: 'article', ...meta },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      { Put: { Item: { ...keys.draft(meta.id), type: 'draft', ...draft }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { Item: { ...keys.slug(meta.slug), type: 'slug', articleId: meta.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
    return 'created';
  } catch (err) {
    if (conditionFailed(err, 2)) return 'slug-taken';
    throw err;
  }
}

/** Writes a draft only if nobody saved in between (expectedRevision) and the state allows editing. */
export async function putDraft(store: StoreClients, draft: Draft, expected: { revision: number | null; states: DraftState[] }): Promise<boolean> {
  const index = draft.state === 'in-review' && draft.submittedAt ? keys.draftInReview(draft.networkId, draft.submittedAt, draft.articleId) : {};
  const names = { '#rev': 'revision', '#state': 'state' };
  const values: Record<string, unknown> = {};
  let condition = 'attribute_not_exists(PK)';
  if (expected.revision !== null) {
    values[':rev'] = expected.revision;
    expected.states.forEach((s, i) => (values[`:s${i}`] = s));
    condition = `#rev = :rev AND #state IN (${expected.states.map((_, i) => `:s${i}`).join(', ')})`;
  }
  return conditional(() =>
    transact(store, [
      {
        Put: {
          Item: { ...keys.draft(draft.articleId), ...index, type: 'draft', ...draft },
          ConditionExpression: condition,
          ExpressionAttributeNames: expected.revision !== null ? names : undefined,
          ExpressionAttributeValues: expected.revision !== null ? values : undefined,
        },
      },
      {
        Update: {
          Key: keys.article(draft.articleId),
          UpdateExpression: 'SET hasDraft = :t, draftState = :ds, updatedAt = :now, GSI1SK = :g1',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':t': true, ':ds': draft.state, ':now': draft.updatedAt, ':g1': `${draft.updatedAt}#${draft.articleId}` },
        },
      },
    ]),
  );
}

export interface PublishInput {
  meta: ArticleMeta;
  draft: Draft;
  version: Version;
  view: ReaderView;
  previousSlug?: string;
}

/**
 * Publishing freezes a version and moves the reader's pointer in one transaction: the version
 * item (never overwritten), META (optimistic rev), the draft (must still be the reviewed one),
 * the current slug's reader view, and a redirect from the previous slug after a rename.
 */
export async function publish(store: StoreClients, p: PublishInput): Promise<'published' | 'conflict' | 'slug-taken'> {
  const { meta, draft, version, view } = p;
  const nextMeta: ArticleMeta = {
    ...meta,
    slug: view.slug,
    title: version.title,
    summary: version.summary,
    audience: version.audience,
    language: version.language,
    publishedVersion: version.version,
    publishedAt: version.publishedAt,
    firstPublishedAt: meta.firstPublishedAt ?? version.publishedAt,
    reviewBy: view.reviewBy,
    lastReviewedBy: view.lastReviewedBy,
    rev: meta.rev + 1,
    hasDraft: false,
    draftState: undefined,
    updatedAt: version.publishedAt,
  };
  const items: TransactPart[] = [
    { Put: { Item: { ...keys.version(meta.id, version.version), type: 'version', ...version }, ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        Item: {
          ...keys.article(meta.id),
          ...keys.articleByNetwork(meta.networkId, nextMeta.updatedAt, meta.id),
          ...(meta.archived ? {} : keys.articleByReviewDate(meta.networkId, view.reviewBy, meta.id)),
          type: 'article',
          ...nextMeta,
        },
        ConditionExpression: 'rev = :rev',
        ExpressionAttributeValues: { ':rev': meta.rev },
      },
    },
    {
      Delete: {
        Key: keys.draft(meta.id),
        ConditionExpression: '#rev = :drev AND #state = :review',
        ExpressionAttributeNames: { '#rev': 'revision', '#state': 'state' },
        ExpressionAttributeValues: { ':drev': draft.revision, ':review': 'in-review' },
      },
    },
    {
      Put: {
        Item: { ...keys.slug(view.slug), type: 'slug', articleId: meta.id, view },
        ConditionExpression: 'attribute_not_exists(PK) OR articleId = :id',
        ExpressionAttributeValues: { ':id': meta.id },
      },
    },
  ];
  if (p.previousSlug && p.previousSlug !== view.slug) {
    items.push({
      Put: {
        Item: { ...keys.slug(p.previousSlug), type: 'slug', articleId: meta.id },
        ConditionExpression: 'articleId = :id',
        ExpressionAttributeValues: { ':id': meta.id },
      },
    });
  }
  try {
    await transact(store, items);
    return 'published';
  } catch (err) {
    if (conditionFailed(err, 3)) return 'slug-taken';
    if (conditionFailed(err)) return 'conflict';
    throw err;
  }
}

/** Reserves a new slug for a draft rename (released again only by never publishing it). */
export async function reserveSlug(store: StoreClients, slug: string, articleId: string): Promise<boolean> {
  return conditional(() =>
    put(store, { ...keys.slug(slug), type: 'slug', articleId }, { ConditionExpression: 'attribute_not_exists(PK) OR articleId = :id', ExpressionAttributeValues: { ':id': articleId } }),
  );
}

/** Archive: readers and lists lose it, the versions stay. */
export async function archive(store: StoreClients, meta: ArticleMeta, now: string): Promise<boolean> {
  return conditional(() =>
    transact(store, [
      {
        Update: {
          Key: keys.article(meta.id),
          UpdateExpression: 'SET archived = :t, rev = rev + :one, updatedAt = :now REMOVE GSI2PK, GSI2SK',
          ConditionExpression: 'rev = :rev',
          ExpressionAttributeValues: { ':t': true, ':one': 1, ':now': now, ':rev': meta.rev },
        },
      },
      {
        Update: {
          Key: keys.slug(meta.slug),
          UpdateExpression: 'SET archived = :t',
          ConditionExpression: 'articleId = :id',
          ExpressionAttributeValues: { ':t': true, ':id': meta.id },
        },
      },
    ]),
  );
}

export async function updateCounters(store: StoreClients, articleId: string, delta: { useful?: number; notUseful?: number; openSignals?: number }) {
  await update(store, keys.article(articleId), {
    UpdateExpression: 'ADD useful :u, notUseful :n, openSignals :o',
    ExpressionAttributeValues: { ':u': delta.useful ?? 0, ':n': delta.notUseful ?? 0, ':o': delta.openSignals ?? 0 },
  });
}
