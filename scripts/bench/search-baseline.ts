/**
 * The search engine as it was before the compact index (MiniSearch, one index per visibility tier),
 * kept verbatim for `npm run bench` only: the bench measures it beside the current engine in the
 * same run, so the before/after figures come from the same machine at the same moment. Not used by
 * the application; delete it together with its bench rows once the comparison is no longer wanted.
 */
/**
 * Visibility-aware full-text search over knowledge articles (MiniSearch, in memory).
 *
 * Deployment shape: the index is rebuilt on publish, serialised with `toJSON()`, stored in S3
 * and loaded by the API function with `loadSearchIndex()`. The snapshot grows by about 3.6 MB
 * per 1,000 articles; when it no longer loads comfortably in a cold start (a few tens of
 * thousands of articles), the same `SearchDoc` feeds OpenSearch instead.
 *
 * Visibility is a security rule, enforced here and not only by callers:
 *  - Documents outside `opts.audiences` never appear in `results`, `total` or `facets`.
 *  - They do not influence *scores* either. BM25 weighs a term by how many documents contain it,
 *    so a single index over everything would let a partner infer, from scores or ordering, how
 *    often a term occurs in internal articles. The index therefore keeps one MiniSearch per
 *    visibility tier (public ⊂ partners ⊂ internal readers): a caller is scored against the
 *    tier that matches what they may read, so its statistics contain only documents they may see.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { iterateWordChunks, processTerm, tokenize, tokenizeQuery } from '../../functions/src/knowledge/domain/dutch';

export type Audience = 'internal' | 'partners' | 'public';
export const AUDIENCES: readonly Audience[] = ['internal', 'partners', 'public'];

export interface SearchDoc {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** Plain text (see `renderMarkdown().plainText`). */
  body: string;
  tags: string[];
  themes: string[];
  /** Network id. */
  network: string;
  networkName: string;
  audience: Audience;
  language: 'nl' | 'en';
  publishedAt: string;
  reviewBy?: string;
}

export interface SearchOptions {
  /** The audiences the caller may read, decided by the API from the caller's role. */
  audiences: Audience[];
  network?: string;
  theme?: string;
  /** A user-chosen filter within what the caller may read. */
  audience?: Audience;
  language?: 'nl' | 'en';
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  summary: string;
  network: string;
  networkName: string;
  audience: Audience;
  language: 'nl' | 'en';
  tags: string[];
  themes: string[];
  publishedAt: string;
  score: number;
  /** HTML: escaped text, matched words wrapped in <mark>; no other markup. */
  snippet: string;
  highlights: { title: string };
}

export interface SearchFacets {
  network: Record<string, number>;
  theme: Record<string, number>;
  audience: Record<string, number>;
  language: Record<string, number>;
}

export interface SearchResponse {
  total: number;
  results: SearchHit[];
  facets: SearchFacets;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/**
 * Body text kept in the index for snippets. Longer bodies are still indexed in full; a match
 * beyond this point falls back to a snippet from the summary. Keeps the S3 snapshot (and the
 * cold start that loads it) proportional to the number of articles rather than their length.
 */
export const STORED_BODY_CHARS = 4000;
/** Longer queries are cut: every term costs a fuzzy lookup, and a search box needs far less. */
export const MAX_QUERY_CHARS = 256;
const SNIPPET_CHARS = 200;
const SNIPPET_LEAD = 60;

/**
 * Visibility tiers, nested: whoever may read partner articles may read public ones, and
 * employees may read all three. Each tier indexes exactly the documents its readers may see.
 */
type Tier = 'public' | 'partners' | 'internal';
const TIERS: Readonly<Record<Tier, readonly Audience[]>> = {
  public: ['public'],
  partners: ['partners', 'public'],
  internal: ['internal', 'partners', 'public'],
};
const TIER_NAMES = Object.keys(TIERS) as Tier[];

/**
 * The smallest tier that contains every requested audience. For the three real reader groups
 * this is exact. For an unusual subset (e.g. only `partners`) the tier may also hold public
 * documents, which are readable by everyone, so its statistics still reveal nothing hidden.
 */
function tierFor(audiences: ReadonlySet<Audience>): Tier {
  if (audiences.has('internal')) return 'internal';
  if (audiences.has('partners')) return 'partners';
  return 'public';
}

function tiersContaining(audience: Audience): Tier[] {
  return TIER_NAMES.filter((tier) => TIERS[tier].includes(audience));
}

const MINISEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['title', 'tags', 'summary', 'body'],
  // Result fields live once in `SearchIndex.docs`, not three times in the tier indexes.
  storeFields: [],
  tokenize: (text) => tokenize(text),
  processTerm: (term) => processTerm(term),
  stringifyField: (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value)),
  searchOptions: {
    boost: { title: 3, tags: 2, summary: 1.5, body: 1 },
    // Terms here are already processed (folded, stemmed), so lengths are stem lengths.
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    // Search-as-you-type: the last word may be incomplete.
    prefix: (_term, i, terms) => i === terms.length - 1,
    // Every word must match: predictable for readers and keeps `total` meaningful.
    combineWith: 'AND',
    tokenize: (text) => tokenizeQuery(text),
  },
};

interface Match {
  doc: SearchDoc;
  score: number;
  /** Index terms (processed) that matched this document: the keys of MiniSearch's `match`. */
  matched: Readonly<Record<string, unknown>>;
}

const NO_TERMS: Readonly<Record<string, unknown>> = Object.freeze({});

const SERIAL_FORMAT = 'ggz-academie/knowledge-search';
const SERIAL_VERSION = 1;

interface Serialised {
  format: typeof SERIAL_FORMAT;
  version: typeof SERIAL_VERSION;
  docs: SearchDoc[];
  tiers: Record<Tier, ReturnType<MiniSearch['toJSON']>>;
}

export class SearchIndex {
  private readonly docs = new Map<string, SearchDoc>();
  private readonly tiers: Record<Tier, MiniSearch<SearchDoc>>;
  /** Browse order, built on first use after a change: browsing is the knowledge base's landing page. */
  private newestFirst: SearchDoc[] | null = null;

  /** @internal use `createSearchIndex` / `loadSearchIndex`. */
  constructor(state?: { docs: SearchDoc[]; tiers: Record<Tier, MiniSearch<SearchDoc>> }) {
    if (state) {
      for (const doc of state.docs) this.docs.set(doc.id, doc);
      this.tiers = state.tiers;
    } else {
      this.tiers = {
        public: new MiniSearch(MINISEARCH_OPTIONS),
        partners: new MiniSearch(MINISEARCH_OPTIONS),
        internal: new MiniSearch(MINISEARCH_OPTIONS),
      };
    }
  }

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Add or replace a document (a changed audience moves it between tiers). */
  upsert(doc: SearchDoc): void {
    if (!AUDIENCES.includes(doc.audience)) throw new Error(`Unknown audience: ${String(doc.audience)}`);
    this.remove(doc.id);
    for (const tier of tiersContaining(doc.audience)) this.tiers[tier].add(doc);
    // Themes deduplicated once here, so facet counting needs no per-query set.
    this.docs.set(doc.id, { ...doc, tags: [...doc.tags], themes: [...new Set(doc.themes)], body: doc.body.slice(0, STORED_BODY_CHARS) });
    this.newestFirst = null;
  }

  /** Returns whether the document was present. */
  remove(id: string): boolean {
    const existing = this.docs.get(id);
    if (!existing) return false;
    // `discard` needs only the id, so it works on a loaded index whose stored body is truncated.
    // MiniSearch vacuums the discarded postings lazily; until then they describe the version that
    // was readable in that tier, so they reveal nothing the tier's readers could not see.
    for (const tier of tiersContaining(existing.audience)) this.tiers[tier].discard(id);
    this.docs.delete(id);
    this.newestFirst = null;
    return true;
  }

  /**
   * Facet semantics ("disjunctive"): each facet counts the visible documents matching the query
   * and every selected filter *except its own*, so a reader sees how many results each
   * alternative value would give. `theme` counts a document once per theme it has. Values with
   * no documents are omitted. An empty query (or one of only stopwords) is browse mode: all
   * visible documents, newest first.
   */
  search(query: string, opts: SearchOptions): SearchResponse {
    const audiences = new Set(opts.audiences.filter((a) => AUDIENCES.includes(a)));
    const limit = clampInt(opts.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInt(opts.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    if (audiences.size === 0) return { total: 0, results: [], facets: emptyFacets() };

    const q = query.slice(0, MAX_QUERY_CHARS);
    const browse = queryTerms(q).length === 0;
    const matches = browse ? this.browse(audiences) : this.match(q, audiences);
    const facets = computeFacets(matches, opts);
    const selected = matches.filter((m) => passesFilters(m.doc, opts));
    if (!browse) selected.sort(byScoreThenNewest); // browse matches are already newest first

    return {
      total: selected.length,
      results: selected.slice(offset, offset + limit).map(toHit),
      facets,
    };
  }

  /** The serialised index (a JSON string) for `loadSearchIndex`. */
  toJSON(): string {
    const data: Serialised = {
      format: SERIAL_FORMAT,
      version: SERIAL_VERSION,
      docs: [...this.docs.values()],
      tiers: {
        public: this.tiers.public.toJSON(),
        partners: this.tiers.partners.toJSON(),
        internal: this.tiers.internal.toJSON(),
      },
    };
    return JSON.stringify(data);
  }

  private browse(audiences: ReadonlySet<Audience>): Match[] {
    this.newestFirst ??= [...this.docs.values()].sort(compareNewest);
    const matches: Match[] = [];
    for (const doc of this.newestFirst) {
      if (audiences.has(doc.audience)) matches.push({ doc, score: 0, matched: NO_TERMS });
    }
    return matches;
  }

  private match(query: string, audiences: ReadonlySet<Audience>): Match[] {
    const tier = this.tiers[tierFor(audiences)];
    // Visibility inside MiniSearch's filter: nothing invisible is ever turned into a result.
    const raw: SearchResult[] = tier.search(query, {
      filter: (result) => {
        const doc = this.docs.get(result.id as string);
        return doc !== undefined && audiences.has(doc.audience);
      },
    });
    return raw.map((r) => ({ doc: this.docs.get(r.id as string)!, score: r.score, matched: r.match }));
  }
}

export function createSearchIndex(docs: SearchDoc[] = []): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) index.upsert(doc);
  return index;
}

export function loadSearchIndex(json: string): SearchIndex {
  let data: unknown = JSON.parse(json);
  // Tolerate `JSON.stringify(index)`, which wraps the string returned by toJSON() once more.
  if (typeof data === 'string') data = JSON.parse(data);
  if (!isSerialised(data)) throw new Error('Not a knowledge search index snapshot (or an unsupported version)');
  const tiers = Object.fromEntries(
    TIER_NAMES.map((tier) => [tier, MiniSearch.loadJS<SearchDoc>(data.tiers[tier], MINISEARCH_OPTIONS)]),
  ) as Record<Tier, MiniSearch<SearchDoc>>;
  return new SearchIndex({ docs: data.docs, tiers });
}

function isSerialised(data: unknown): data is Serialised {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<Serialised>;
  return (
    d.format === SERIAL_FORMAT &&
    d.version === SERIAL_VERSION &&
    Array.isArray(d.docs) &&
    typeof d.tiers === 'object' &&
    d.tiers !== null &&
    TIER_NAMES.every((tier) => typeof d.tiers?.[tier] === 'object' && d.tiers[tier] !== null)
  );
}

// ---------------------------------------------------------------------------------------------
// Filtering, facets, ordering
// ---------------------------------------------------------------------------------------------

type FacetName = keyof SearchFacets;
const FACET_NAMES: readonly FacetName[] = ['network', 'theme', 'audience', 'language'];

function passesFilter(doc: SearchDoc, opts: SearchOptions, facet: FacetName): boolean {
  switch (facet) {
    case 'network':
      return opts.network === undefined || doc.network === opts.network;
    case 'theme':
      return opts.theme === undefined || doc.themes.includes(opts.theme);
    case 'audience':
      return opts.audience === undefined || doc.audience === opts.audience;
    case 'language':
      return opts.language === undefined || doc.language === opts.language;
  }
}

function passesFilters(doc: SearchDoc, opts: SearchOptions): boolean {
  return FACET_NAMES.every((facet) => passesFilter(doc, opts, facet));
}

function emptyFacets(): SearchFacets {
  return { network: {}, theme: {}, audience: {}, language: {} };
}

function increment(counts: Record<string, number>, value: string): void {
  counts[value] = (counts[value] ?? 0) + 1;
}

function countFacet(facets: SearchFacets, doc: SearchDoc, facet: FacetName): void {
  switch (facet) {
    case 'network':
      return increment(facets.network, doc.network);
    case 'theme':
      for (const theme of doc.themes) increment(facets.theme, theme);
      return;
    case 'audience':
      return increment(facets.audience, doc.audience);
    case 'language':
      return increment(facets.language, doc.language);
  }
}

/** `matches` must already be limited to visible documents. */
function computeFacets(matches: readonly Match[], opts: SearchOptions): SearchFacets {
  const facets = emptyFacets();
  for (const { doc } of matches) {
    // A document counts in facet F if it passes every filter other than F's own: with no failed
    // filter it counts everywhere, with exactly one failed filter only in that filter's facet.
    let failed: FacetName | null = null;
    let failures = 0;
    for (const facet of FACET_NAMES) {
      if (!passesFilter(doc, opts, facet)) {
        failed = facet;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) for (const facet of FACET_NAMES) countFacet(facets, doc, facet);
    else if (failures === 1 && failed) countFacet(facets, doc, failed);
  }
  return facets;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareNewest = (a: SearchDoc, b: SearchDoc): number => compareStrings(b.publishedAt, a.publishedAt) || compareStrings(a.id, b.id);
const byScoreThenNewest = (a: Match, b: Match): number => b.score - a.score || compareNewest(a.doc, b.doc);

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

function queryTerms(query: string): string[] {
  return tokenizeQuery(query)
    .map((t) => processTerm(t))
    .filter((t): t is string => !!t);
}

// ---------------------------------------------------------------------------------------------
// Snippets and highlighting
// ---------------------------------------------------------------------------------------------

function toHit({ doc, score, matched }: Match): SearchHit {
  const terms = new Set(Object.keys(matched));
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary,
    network: doc.network,
    networkName: doc.networkName,
    audience: doc.audience,
    language: doc.language,
    tags: [...doc.tags],
    themes: [...doc.themes],
    publishedAt: doc.publishedAt,
    score,
    snippet: buildSnippet(doc, terms),
    highlights: { title: highlight(doc.title, terms) },
  };
}

interface Span {
  start: number;
  end: number;
}

/** Spans of words whose processed form is one of `terms`; a compound matches whole or by part. */
function* matchingSpans(text: string, terms: ReadonlySet<string>): Generator<Span> {
  if (terms.size === 0) return;
  const hits = (word: string): boolean => {
    const term = processTerm(word);
    return term !== null && terms.has(term);
  };
  for (const chunk of iterateWordChunks(text)) {
    if (chunk.parts.length > 1 && hits(chunk.joined)) {
      yield { start: chunk.start, end: chunk.end };
      continue;
    }
    for (const part of chunk.parts) if (hits(part.text)) yield { start: part.start, end: part.end };
  }
}

/** Escape everything, then wrap the matched words: the only markup in the output is <mark>. */
function highlight(text: string, terms: ReadonlySet<string>): string {
  let out = '';
  let cursor = 0;
  for (const span of matchingSpans(text, terms)) {
    out += escapeHtml(text.slice(cursor, span.start)) + '<mark>' + escapeHtml(text.slice(span.start, span.end)) + '</mark>';
    cursor = span.end;
  }
  return out + escapeHtml(text.slice(cursor));
}

function buildSnippet(doc: SearchDoc, terms: ReadonlySet<string>): string {
  for (const text of [doc.body, doc.summary]) {
    const first = matchingSpans(text, terms).next();
    if (!first.done) return highlight(excerpt(text, first.value.start), terms);
  }
  return highlight(excerpt(doc.summary || doc.body, 0), terms);
}

/**
 * About SNIPPET_CHARS of `text` starting a little before `at`, cut at whitespace, with
 * ellipses. Works on the window only: bodies can be long and only the window is shown.
 */
function excerpt(text: string, at: number): string {
  let start = Math.max(0, at - SNIPPET_LEAD);
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end === text.length) start = Math.max(0, end - SNIPPET_CHARS);
  if (start > 0) {
    const space = text.slice(start, at).search(/\s/);
    if (space !== -1) start += space + 1;
  }
  if (end < text.length && !/\s/.test(text[end] ?? '')) {
    const space = text.slice(at, end).search(/\s\S*$/);
    if (space > 0) end = at + space;
  }
  const window = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return (start > 0 ? '… ' : '') + window + (end < text.length ? ' …' : '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
