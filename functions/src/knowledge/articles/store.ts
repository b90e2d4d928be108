import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { get, query, transact, type TransactPart } from '../../platform/store/table';
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
  /** Counters, changed only with `ADD` by votes and signals; no other write ever sets them. */
  useful: number;
  notUseful: number;
  openSignals: number;
  /** Attachments the published version shows (set at publish): what readers may open. Absent on articles published before it existed. */
  publishedAttachments?: string[];
  /** The consultation question this article grew from (functions/src/knowledge/questions). */
  sourceQuestionId?: string;
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

/**
 * `SLUG#{slug}`: the current slug of a published article carries its reader view; a slug that was
 * ever published carries `published` (the current one, and old ones kept as redirects); a slug
 * without either is only held by a draft and is given back when the draft lets go of it.
 */
export type SlugItem = { articleId: string; view?: ReaderView; archived?: boolean; published?: boolean };

/** Deletes a slug item only while no published version ever used it and it is still this article's. */
const releaseSlugPart = (slug: string, articleId: string): TransactPart => ({
  Delete: {
    Key: keys.slug(slug),
    ConditionExpression: 'articleId = :id AND attribute_not_exists(#view) AND attribute_not_exists(published)',
    ExpressionAttributeNames: { '#view': 'view' },
    ExpressionAttributeValues: { ':id': articleId },
  },
});

/** Holds a slug for this article: free, or already its own (an old published slug keeps its `published` mark). */
const holdSlugPart = (slug: string, articleId: string): TransactPart => ({
  Update: {
    Key: keys.slug(slug),
    UpdateExpression: 'SET articleId = :id, #type = :slug',
    ConditionExpression: 'attribute_not_exists(PK) OR articleId = :id',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':id': articleId, ':slug': 'slug' },
  },
});

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

/**
 * New article: META, first draft and the slug reservation, all or nothing. `also` are parts of the
 * caller's that must happen with it (a question linked to its draft); one of them refusing its
 * condition answers 'also-refused'.
 */
export async function createArticle(store: StoreClients, meta: ArticleMeta, draft: Draft, also: TransactPart[] = []): Promise<'created' | 'slug-taken' | 'also-refused'> {
  try {
    await retryOnContention(() => transact(store, [
      {
        Put: {
          Item: { ...keys.article(meta.id), ...keys.articleByNetwork(meta.networkId, meta.updatedAt, meta.id), type: 'article', ...meta },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      { Put: { Item: { ...keys.draft(meta.id), type: 'draft', ...draft }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { Item: { ...keys.slug(meta.slug), type: 'slug', articleId: meta.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ...also,
    ]));
    return 'created';
  } catch (err) {
    if (also.some((_, i) => conditionFailed(err, 3 + i))) return 'also-refused';
    if (conditionFailed(err, 2)) return 'slug-taken';
    throw err;
  }
}

export interface DraftWriteOptions {
  /** A slug the draft takes (renamed): held in the same transaction, refused when another article has it. */
  holdSlug?: string;
  /** A slug the draft lets go of that no published version used: given back in the same transaction. */
  releaseSlug?: string;
  /** Creating a draft from a published version: only while that version is still the published one. */
  basedOnPublished?: number;
}

export type DraftWrite = 'saved' | 'conflict' | 'slug-taken' | 'stale';

/**
 * Writes a draft only if nobody saved in between (expected revision, or no draft at all for
 * `revision: null`) and the state allows it; with its slug changes and, for a new draft on a
 * published article, the check that the version it starts from is still the published one.
 */
export async function writeDraft(store: StoreClients, draft: Draft, expected: { revision: number | null; states: DraftState[] }, opts: DraftWriteOptions = {}): Promise<DraftWrite> {
  const index = draft.state === 'in-review' && draft.submittedAt ? keys.draftInReview(draft.networkId, draft.submittedAt, draft.articleId) : {};
  const names = { '#rev': 'revision', '#state': 'state' };
  const values: Record<string, unknown> = {};
  let condition = 'attribute_not_exists(PK)';
  if (expected.revision !== null) {
    values[':rev'] = expected.revision;
    expected.states.forEach((s, i) => (values[`:s${i}`] = s));
    condition = `#rev = :rev AND #state IN (${expected.states.map((_, i) => `:s${i}`).join(', ')})`;
  }
  const metaValues: Record<string, unknown> = { ':t': true, ':ds': draft.state, ':now': draft.updatedAt, ':g1': `${draft.updatedAt}#${draft.articleId}` };
  if (opts.basedOnPublished !== undefined) metaValues[':pv'] = opts.basedOnPublished;
  const parts: TransactPart[] = [
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
        ConditionExpression: opts.basedOnPublished !== undefined ? 'attribute_exists(PK) AND publishedVersion = :pv' : 'attribute_exists(PK)',
        ExpressionAttributeValues: metaValues,
      },
    },
  ];
  const holdAt = opts.holdSlug ? parts.push(holdSlugPart(opts.holdSlug, draft.articleId)) - 1 : -1;
  const releaseAt = opts.releaseSlug ? parts.push(releaseSlugPart(opts.releaseSlug, draft.articleId)) - 1 : -1;
  try {
    await retryOnContention(() => transact(store, parts));
    return 'saved';
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    if (conditionFailed(err, 0)) return 'conflict';
    if (holdAt >= 0 && conditionFailed(err, holdAt)) return 'slug-taken';
    if (conditionFailed(err, 1)) return 'stale';
    // The slug let go of turned out not to be a draft's alone: keep it, save the draft.
    if (releaseAt >= 0 && conditionFailed(err, releaseAt)) return writeDraft(store, draft, expected, { ...opts, releaseSlug: undefined });
    return 'conflict';
  }
}

/** `writeDraft` for transitions that move no slug: true when written. */
export async function putDraft(store: StoreClients, draft: Draft, expected: { revision: number | null; states: DraftState[] }): Promise<boolean> {
  return (await writeDraft(store, draft, expected)) === 'saved';
}

/**
 * Abandons a draft (editing or returned, at the revision the writer saw) and gives back the slug
 * only it held. A never-published article goes with its draft; a published one keeps everything else.
 */
export async function discardDraft(store: StoreClients, meta: ArticleMeta, draft: Draft, releaseSlugs: string[], now: string): Promise<boolean> {
  const parts: TransactPart[] = [
    {
      Delete: {
        Key: keys.draft(meta.id),
        ConditionExpression: '#rev = :rev AND #state IN (:editing, :returned)',
        ExpressionAttributeNames: { '#rev': 'revision', '#state': 'state' },
        ExpressionAttributeValues: { ':rev': draft.revision, ':editing': 'editing', ':returned': 'returned' },
      },
    },
    meta.publishedVersion === 0
      ? { Delete: { Key: keys.article(meta.id), ConditionExpression: 'publishedVersion = :zero', ExpressionAttributeValues: { ':zero': 0 } } }
      : {
          Update: {
            Key: keys.article(meta.id),
            UpdateExpression: 'SET hasDraft = :f, updatedAt = :now, GSI1SK = :g1 REMOVE draftState',
            ConditionExpression: 'publishedVersion = :pv',
            ExpressionAttributeValues: { ':f': false, ':now': now, ':g1': `${now}#${meta.id}`, ':pv': meta.publishedVersion },
          },
        },
  ];
  const releaseFrom = parts.length;
  for (const slug of releaseSlugs) parts.push(releaseSlugPart(slug, meta.id));
  try {
    await retryOnContention(() => transact(store, parts));
    return true;
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    const failedRelease = releaseSlugs.findIndex((_, i) => conditionFailed(err, releaseFrom + i));
    if (failedRelease >= 0 && !conditionFailed(err, 0) && !conditionFailed(err, 1)) {
      return discardDraft(store, meta, draft, releaseSlugs.filter((_, i) => i !== failedRelease), now);
    }
    return false;
  }
}

export interface PublishInput {
  meta: ArticleMeta;
  draft: Draft;
  version: Version;
  view: ReaderView;
  previousSlug?: string;
  /** Attachment ids the version shows. */
  publishedAttachments: string[];
  /** Written in the same transaction, after the rest (the audit log's entries). */
  extraParts?: TransactPart[];
}

/**
 * Publishing freezes a version and moves the reader's pointer in one transaction: the version
 * item (never overwritten), META (optimistic rev, and still on the version the draft started
 * from), the draft (must still be the reviewed one), the current slug's reader view, and a
 * redirect from the previous slug after a rename. META is updated field by field: the counters
 * that votes and signals move with `ADD` are never written here, so none is lost to a publish.
 */
export async function publish(store: StoreClients, p: PublishInput): Promise<'published' | 'conflict' | 'slug-taken'> {
  const { meta, draft, version, view } = p;
  const fields: Record<string, unknown> = {
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
    updatedAt: version.publishedAt,
    publishedAttachments: p.publishedAttachments,
    ...keys.articleByNetwork(meta.networkId, version.publishedAt, meta.id),
    ...keys.articleByReviewDate(meta.networkId, view.reviewBy, meta.id),
  };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':rev': meta.rev, ':basedOn': meta.publishedVersion };
  const sets = Object.entries(fields).map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    return `#f${i} = :f${i}`;
  });
  names['#rev'] = 'rev';
  names['#pv'] = 'publishedVersion';
  const items: TransactPart[] = [
    { Put: { Item: { ...keys.version(meta.id, version.version), type: 'version', ...version }, ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Update: {
        Key: keys.article(meta.id),
        UpdateExpression: `SET ${sets.join(', ')} REMOVE draftState`,
        ConditionExpression: '#rev = :rev AND #pv = :basedOn',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
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
        Item: { ...keys.slug(view.slug), type: 'slug', articleId: meta.id, view, published: true },
        ConditionExpression: 'attribute_not_exists(PK) OR articleId = :id',
        ExpressionAttributeValues: { ':id': meta.id },
      },
    },
  ];
  if (p.previousSlug && p.previousSlug !== view.slug) {
    items.push({
      Put: {
        Item: { ...keys.slug(p.previousSlug), type: 'slug', articleId: meta.id, published: true },
        ConditionExpression: 'articleId = :id',
        ExpressionAttributeValues: { ':id': meta.id },
      },
    });
  }
  items.push(...(p.extraParts ?? []));
  try {
    await retryOnContention(() => transact(store, items));
    return 'published';
  } catch (err) {
    if (conditionFailed(err, 3)) return 'slug-taken';
    if (conditionFailed(err)) return 'conflict';
    throw err;
  }
}

/** Archive: readers and lists lose it, the versions stay. */
export async function archive(store: StoreClients, meta: ArticleMeta, now: string, extraParts: TransactPart[] = []): Promise<boolean> {
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
      ...extraParts,
    ]),
  );
}
