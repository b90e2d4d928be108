/**
 * Visibility-aware full-text search over knowledge articles, in memory.
 *
 * Deployment shape: the index is kept in step with published articles (see
 * knowledge/search/indexer.ts), serialised with `toJSON()`, stored in S3 and loaded by the API
 * function with `loadSearchIndex()`. When it no longer loads comfortably in a cold start, the same
 * `SearchDoc` feeds OpenSearch instead (functions/docs/knowledge-base.md).
 *
 * The engine is a small inverted index of our own: one posting list per term (typed arrays of
 * document slot, field and term frequency), MiniSearch's radix tree (`SearchableMap`) for prefix and
 * typo lookups, and BM25+ scoring with MiniSearch's parameters. Every document is indexed once,
 * whatever its audience, which keeps memory and the snapshot small.
 *
 * Visibility is a security rule, enforced here and not only by callers:
 *  - Documents outside `opts.audiences` never appear in `results`, `total` or `facets`.
 *  - They do not influence *scores* either. BM25 weighs a term by how many documents contain it,
 *    so statistics over everything would let a partner infer, from scores or ordering, how often a
 *    term occurs in internal articles. Every statistic (document count, average field length,
 *    document frequency) is therefore computed per visibility tier (public ⊂ partners ⊂ internal
 *    readers): a caller is scored as if the index held only the tier they may read.
 *
 * Versions: every document carries the published version it was built from. `upsert` never
 * replaces a document with an older version, and `remove(id, version)` leaves a tombstone, so
 * change events applied late, twice or out of order cannot resurrect what was replaced or archived.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { iterateWordChunks, processTerm, tokenize, tokenizeQuery } from './dutch';

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
  /** The published version this document shows; orders updates (absent: 0, replaced by anything). */
  version?: number;
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

/** A hit as the index knows it: with the version it was built from, for the re-check against the store. */
export interface IndexedHit extends SearchHit {
  version: number;
}

export interface SearchFacets {
  network: Record<string, number>;
  theme: Record<string, number>;
  audience: Record<string, number>;
  language: Record<string, number>;
}

export interface SearchResponse<Hit extends SearchHit = IndexedHit> {
  total: number;
  results: Hit[];
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
/** Distinct words of a query that are searched; the rest are ignored (every word must match anyway). */
const MAX_QUERY_TERMS = 16;
const SNIPPET_CHARS = 200;
const SNIPPET_LEAD = 60;

// ---------------------------------------------------------------------------------------------
// Ranking parameters (those MiniSearch uses, so ranking is what it was before this engine)
// ---------------------------------------------------------------------------------------------

const FIELDS = ['title', 'tags', 'summary', 'body'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_COUNT = FIELDS.length;
const BOOST: readonly number[] = [3, 2, 1.5, 1];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Terms are already processed (folded, stemmed), so lengths are stem lengths: ≥ 5 tolerates a typo. */
const maxTypos = (term: string): number => (term.length >= 5 ? Math.min(6, Math.round(term.length * 0.2)) : 0);

/**
 * Visibility tiers, nested: whoever may read partner articles may read public ones, and
 * employees may read all three. A tier is a bit mask over audience codes (0 = empty slot).
 */
const CODE: Readonly<Record<Audience, number>> = { public: 1, partners: 2, internal: 3 };
const AUDIENCE_OF_CODE: readonly Audience[] = ['public', 'public', 'partners', 'internal'];
const TIER_MASK = { public: 1 << 1, partners: (1 << 1) | (1 << 2), internal: (1 << 1) | (1 << 2) | (1 << 3) } as const;

/**
 * The smallest tier that contains every requested audience. For the three real reader groups
 * this is exact. For an unusual subset (e.g. only `partners`) the tier may also hold public
 * documents, which are readable by everyone, so its statistics still reveal nothing hidden.
 */
function tierMaskFor(audiences: ReadonlySet<Audience>): number {
  if (audiences.has('internal')) return TIER_MASK.internal;
  if (audiences.has('partners')) return TIER_MASK.partners;
  return TIER_MASK.public;
}

/** A posting list: pairs of (document slot, term frequency << 2 | field), in slot order. */
class Postings {
  constructor(
    public data: Uint32Array = new Uint32Array(8),
    public length = 0,
  ) {}

  push(slot: number, field: number, tf: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = slot;
    this.data[this.length++] = (tf << 2) | field;
  }

  /** Whether the slot has an entry (binary search: slots only ever grow while appending). */
  includes(slot: number): boolean {
    let lo = 0;
    let hi = this.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.data[mid * 2]!;
      if (s === slot) return true;
      if (s < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/** Names (networks, themes, languages) as small numbers, so facets count into arrays. */
class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly names: string[] = [];

  code(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.codes.set(name, code);
      this.names.push(name);
    }
    return code;
  }

  /** -1 for no filter, -2 for a value no document has. */
  filter(name: string | undefined): number {
    return name === undefined ? -1 : (this.codes.get(name) ?? -2);
  }
}

/** A document as kept in the index: version always set, body cut to STORED_BODY_CHARS, themes distinct. */
type StoredDoc = SearchDoc & { version: number };

/** A term a query word expanded to (itself, a longer word when typed as prefix, or one typo away). */
interface Derived {
  term: string;
  postings: Postings;
  weight: number;
}

const SERIAL_FORMAT = 'ggz-academie/knowledge-search';
const SERIAL_VERSION = 2;

interface Serialised {
  format: typeof SERIAL_FORMAT;
  version: typeof SERIAL_VERSION;
  docs: StoredDoc[];
  /** FIELD_COUNT lengths per document, in the order of `docs`. */
  fieldLengths: number[];
  terms: string[];
  /** Per term: [slot gap, tf << 2 | field, …], slots as gaps from the previous entry. */
  postings: number[][];
  tombstones: Array<[string, number]>;
}

export class SearchIndex {
  /** Document per slot; `undefined` where one was replaced or removed (skipped by every query). */
  private docs: Array<StoredDoc | undefined> = [];
  private slots = new Map<string, number>();
  private audienceCode = new Uint8Array(64);
  private fieldLength = new Uint32Array(64 * FIELD_COUNT);
  private vocabulary = new SearchableMap<Postings>();
  /** Live documents and summed field lengths per audience code, for per-tier statistics. */
  private readonly liveByCode = [0, 0, 0, 0];
  private readonly lengthByCode = new Float64Array(4 * FIELD_COUNT);
  /** Removed documents: id → the newest version that was withdrawn. */
  private readonly tombstones = new Map<string, number>();
  /** Facet values per slot, as dictionary codes. */
  private readonly networks = new Dictionary();
  private readonly themes = new Dictionary();
  private readonly languages = new Dictionary();
  private networkCode = new Uint16Array(64);
  private languageCode = new Uint8Array(64);
  private themeCodes: number[][] = [];
  /** Browse order, built on first use after a change: browsing is the knowledge base's landing page. */
  private newestFirst: number[] | null = null;
  // Scratch space for one query (search is synchronous, so one set per index is enough).
  private score = new Float64Array(64);
  private queryMark = new Int32Array(64);
  private termMark = new Int32Array(64);
  private matchedTerms = new Uint16Array(64);
  private epoch = 0;

  get size(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** The version of the indexed document (undefined when there is none). */
  versionOf(id: string): number | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.docs[slot]!.version;
  }

  /** The version a document was removed at (undefined when there is no tombstone). */
  tombstoneOf(id: string): number | undefined {
    return this.tombstones.get(id);
  }

  /** What the index holds, for reconciliation against the store. */
  *entries(): Generator<{ id: string; version: number; audience: Audience }> {
    for (const doc of this.docs) if (doc) yield { id: doc.id, version: doc.version, audience: doc.audience };
  }

  /** Whether `upsert` would take this version: newer than the indexed one and than any removal. */
  accepts(id: string, version: number): boolean {
    const indexed = this.versionOf(id);
    const removedAt = this.tombstones.get(id);
    return (indexed === undefined || indexed < version) && (removedAt === undefined || removedAt < version);
  }

  /**
   * Adds or replaces a document (a changed audience moves it between tiers). A versioned document
   * that is not newer than the one indexed, or than a removal, is ignored (versions are immutable,
   * so the same version again changes nothing); one without a version always replaces. Returns
   * whether it was applied.
   */
  upsert(doc: SearchDoc): boolean {
    if (!AUDIENCES.includes(doc.audience)) throw new Error(`Unknown audience: ${String(doc.audience)}`);
    const version = doc.version ?? 0;
    if (doc.version !== undefined && !this.accepts(doc.id, version)) return false;
    const slot = this.slots.get(doc.id);
    if (slot !== undefined) this.release(slot);
    this.tombstones.delete(doc.id);
    this.add({ ...doc, version, tags: [...doc.tags], themes: [...new Set(doc.themes)], body: doc.body.slice(0, STORED_BODY_CHARS) }, doc.body);
    return true;
  }

  /**
   * Removes a document. With a version (the article's published version when it was archived or
   * withdrawn) the removal is remembered, so that version or an older one is never indexed again,
   * and a newer indexed version is kept. Returns whether a document was removed.
   */
  remove(id: string, version?: number): boolean {
    const slot = this.slots.get(id);
    const current = slot === undefined ? undefined : this.docs[slot]!;
    if (version !== undefined) {
      if (current && current.version > version) return false;
      this.tombstones.set(id, Math.max(version, this.tombstones.get(id) ?? 0));
    }
    if (slot === undefined) return false;
    this.release(slot);
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

    const terms = queryTerms(query.slice(0, MAX_QUERY_CHARS));
    const browse = terms.length === 0;
    const matched = browse ? this.browse(audiences) : this.match(terms, audiences);
    const docs = this.docs;
    const { facets, selected } = this.facetsAndSelection(matched.slots, opts);
    // Browse matches are already newest first; scored ones need only the requested page in order.
    const page = browse ? selected.slice(offset, offset + limit) : topSlots(selected, offset + limit, this.byScoreThenNewest).slice(offset);

    return {
      total: selected.length,
      results: page.map((slot) => toHit(docs[slot]!, browse ? 0 : this.score[slot]! * terms.length, browse ? new Set() : this.termsIn(slot, matched.derived))),
      facets,
    };
  }

  /** The serialised index (a JSON string) for `loadSearchIndex`; replaced and removed documents are left out. */
  toJSON(): string {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: StoredDoc[] = [];
    const fieldLengths: number[] = [];
    this.docs.forEach((doc, slot) => {
      if (!doc) return;
      renumber[slot] = docs.length;
      docs.push(doc);
      for (let f = 0; f < FIELD_COUNT; f++) fieldLengths.push(this.fieldLength[slot * FIELD_COUNT + f]!);
    });
    const terms: string[] = [];
    const postings: number[][] = [];
    for (const [term, list] of this.vocabulary) {
      const out: number[] = [];
      let previous = 0;
      for (let i = 0; i < list.length; i += 2) {
        const slot = renumber[list.data[i]!]!;
        if (slot < 0) continue;
        out.push(slot - previous, list.data[i + 1]!);
        previous = slot;
      }
      if (out.length === 0) continue;
      terms.push(term);
      postings.push(out);
    }
    const data: Serialised = { format: SERIAL_FORMAT, version: SERIAL_VERSION, docs, fieldLengths, terms, postings, tombstones: [...this.tombstones] };
    return JSON.stringify(data);
  }

  /** @internal for `loadSearchIndex`: takes over a snapshot's arrays without re-tokenising. */
  static fromSerialised(data: Serialised): SearchIndex {
    const index = new SearchIndex();
    index.ensureCapacity(data.docs.length);
    data.docs.forEach((doc, slot) => {
      if (!AUDIENCES.includes(doc.audience)) throw new Error(`Unknown audience: ${String(doc.audience)}`);
      const lengths = data.fieldLengths.slice(slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
      index.place(slot, doc, lengths);
    });
    data.terms.forEach((term, i) => {
      const flat = data.postings[i]!;
      const list = new Postings(new Uint32Array(flat.length), flat.length);
      let slot = 0;
      for (let j = 0; j < flat.length; j += 2) {
        slot += flat[j]!;
        list.data[j] = slot;
        list.data[j + 1] = flat[j + 1]!;
      }
      index.vocabulary.set(term, list);
    });
    for (const [id, version] of data.tombstones) index.tombstones.set(id, version);
    return index;
  }

  // -------------------------------------------------------------------------------------------
  // Maintenance
  // -------------------------------------------------------------------------------------------

  private add(doc: StoredDoc, fullBody: string): void {
    const slot = this.docs.length;
    this.ensureCapacity(slot + 1);
    const values: Record<Field, string> = { title: doc.title, tags: doc.tags.join(' '), summary: doc.summary, body: fullBody };
    const lengths: number[] = [];
    const frequencies: Array<Map<string, number>> = [];
    for (const field of FIELDS) {
      const tf = new Map<string, number>();
      for (const token of tokenize(values[field])) {
        const term = processTerm(token);
        if (term) tf.set(term, (tf.get(term) ?? 0) + 1);
      }
      lengths.push(tf.size);
      frequencies.push(tf);
    }
    this.place(slot, doc, lengths);
    frequencies.forEach((tf, field) => {
      for (const [term, count] of tf) {
        let list = this.vocabulary.get(term);
        if (!list) this.vocabulary.set(term, (list = new Postings()));
        list.push(slot, field, count);
      }
    });
  }

  /** Puts a document in a slot and counts it in its audience's statistics. */
  private place(slot: number, doc: StoredDoc, lengths: number[]): void {
    const code = CODE[doc.audience];
    this.docs[slot] = doc;
    this.slots.set(doc.id, slot);
    this.audienceCode[slot] = code;
    this.networkCode[slot] = this.networks.code(doc.network);
    this.languageCode[slot] = this.languages.code(doc.language);
    this.themeCodes[slot] = doc.themes.map((theme) => this.themes.code(theme));
    this.liveByCode[code]!++;
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.fieldLength[slot * FIELD_COUNT + f] = lengths[f]!;
      this.lengthByCode[code * FIELD_COUNT + f]! += lengths[f]!;
    }
    this.newestFirst = null;
  }

  /** Takes a document out of every statistic; its postings stay until the next snapshot skips them. */
  private release(slot: number): void {
    const doc = this.docs[slot]!;
    const code = this.audienceCode[slot]!;
    this.liveByCode[code]!--;
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthByCode[code * FIELD_COUNT + f]! -= this.fieldLength[slot * FIELD_COUNT + f]!;
    this.audienceCode[slot] = 0;
    this.docs[slot] = undefined;
    this.slots.delete(doc.id);
    this.newestFirst = null;
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.audienceCode.length) return;
    let size = this.audienceCode.length;
    while (size < slots) size *= 2;
    const grow = <T extends Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array>(old: T, make: (n: number) => T, per = 1): T => {
      const next = make(size * per);
      next.set(old);
      return next;
    };
    this.audienceCode = grow(this.audienceCode, (n) => new Uint8Array(n));
    this.networkCode = grow(this.networkCode, (n) => new Uint16Array(n));
    this.languageCode = grow(this.languageCode, (n) => new Uint8Array(n));
    this.fieldLength = grow(this.fieldLength, (n) => new Uint32Array(n), FIELD_COUNT);
    this.score = new Float64Array(size);
    this.queryMark = new Int32Array(size);
    this.termMark = new Int32Array(size);
    this.matchedTerms = new Uint16Array(size);
  }

  // -------------------------------------------------------------------------------------------
  // Querying
  // -------------------------------------------------------------------------------------------

  private browse(audiences: ReadonlySet<Audience>): { slots: number[]; derived: Derived[] } {
    this.newestFirst ??= this.docs
      .map((doc, slot) => (doc ? slot : -1))
      .filter((slot) => slot >= 0)
      .sort((a, b) => compareNewest(this.docs[a]!, this.docs[b]!));
    return { slots: this.newestFirst.filter((slot) => audiences.has(this.docs[slot]!.audience)), derived: [] };
  }

  /**
   * Every query word must match (in any field, exactly, as a prefix when it is the last word, or
   * with a typo when long enough). Scores are BM25+ over the caller's tier only.
   */
  private match(terms: string[], audiences: ReadonlySet<Audience>): { slots: number[]; derived: Derived[] } {
    const mask = tierMaskFor(audiences);
    // Tier statistics: document count and average field lengths over what the tier holds.
    let tierDocs = 0;
    const tierLength = new Float64Array(FIELD_COUNT);
    for (let code = 1; code <= 3; code++) {
      if (!((mask >> code) & 1)) continue;
      tierDocs += this.liveByCode[code]!;
      for (let f = 0; f < FIELD_COUNT; f++) tierLength[f]! += this.lengthByCode[code * FIELD_COUNT + f]!;
    }
    const avgLength = tierLength.map((sum) => (tierDocs > 0 ? sum / tierDocs : 0));
    const query = ++this.epoch;
    const candidates: number[] = [];
    const allDerived: Derived[] = [];
    const { score, queryMark, termMark, matchedTerms, audienceCode, fieldLength } = this;
    const df = new Float64Array(FIELD_COUNT);
    const idf = new Float64Array(FIELD_COUNT);

    for (let t = 0; t < terms.length; t++) {
      const termEpoch = ++this.epoch;
      const derived = this.expand(terms[t]!, t === terms.length - 1);
      allDerived.push(...derived);
      for (const { postings, weight } of derived) {
        const data = postings.data;
        // Document frequency per field, counted over the tier's live documents only.
        df.fill(0);
        for (let i = 0; i < postings.length; i += 2) if ((mask >> audienceCode[data[i]!]!) & 1) df[data[i + 1]! & 3]!++;
        for (let f = 0; f < FIELD_COUNT; f++) idf[f] = Math.log(1 + (tierDocs - df[f]! + 0.5) / (df[f]! + 0.5));
        for (let i = 0; i < postings.length; i += 2) {
          const slot = data[i]!;
          if (!((mask >> audienceCode[slot]!) & 1)) continue;
          if (t === 0) {
            if (queryMark[slot] !== query) {
              queryMark[slot] = query;
              score[slot] = 0;
              matchedTerms[slot] = 1;
              termMark[slot] = termEpoch;
              candidates.push(slot);
            }
          } else {
            if (queryMark[slot] !== query) continue;
            if (termMark[slot] !== termEpoch) {
              if (matchedTerms[slot] !== t) continue; // missed an earlier word
              matchedTerms[slot] = t + 1;
              termMark[slot] = termEpoch;
            }
          }
          const packed = data[i + 1]!;
          const field = packed & 3;
          const tf = packed >>> 2;
          const lengthRatio = avgLength[field]! > 0 ? fieldLength[slot * FIELD_COUNT + field]! / avgLength[field]! : 0;
          const bm25 = idf[field]! * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + BM25.b * lengthRatio)));
          score[slot]! += weight * BOOST[field]! * bm25;
        }
      }
    }
    const slots = candidates.filter((slot) => matchedTerms[slot] === terms.length && audiences.has(AUDIENCE_OF_CODE[audienceCode[slot]!]!));
    return { slots, derived: allDerived };
  }

  /** A query word's terms in the index: exact, longer words it is a prefix of (last word), typos. */
  private expand(term: string, prefix: boolean): Derived[] {
    const found: Derived[] = [];
    const exact = this.vocabulary.get(term);
    if (exact) found.push({ term, postings: exact, weight: 1 });
    const more: Derived[] = [];
    const asPrefix = new Set<string>();
    if (prefix) {
      for (const [longer, postings] of this.vocabulary.atPrefix(term)) {
        const distance = longer.length - term.length;
        if (distance === 0) continue;
        asPrefix.add(longer);
        more.push({ term: longer, postings, weight: (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance) });
      }
    }
    const typos = maxTypos(term);
    if (typos > 0) {
      for (const [near, [postings, distance]] of this.vocabulary.fuzzyGet(term, typos)) {
        if (distance === 0 || asPrefix.has(near)) continue;
        more.push({ term: near, postings, weight: (FUZZY_WEIGHT * near.length) / (near.length + distance) });
      }
    }
    // A fixed order, so a document's score is summed identically whatever else the index holds.
    more.sort((a, b) => compareStrings(a.term, b.term));
    return found.concat(more);
  }

  /**
   * Facet semantics ("disjunctive"): a document counts in facet F if it passes every filter other
   * than F's own: with no failed filter it counts everywhere (and is selected), with exactly one
   * failed filter only in that filter's facet. `slots` must already be limited to visible documents.
   */
  private facetsAndSelection(slots: readonly number[], opts: SearchOptions): { facets: SearchFacets; selected: number[] } {
    const want = {
      network: this.networks.filter(opts.network),
      theme: this.themes.filter(opts.theme),
      audience: opts.audience === undefined ? -1 : (CODE[opts.audience] ?? -2),
      language: this.languages.filter(opts.language),
    };
    const counts = {
      network: new Int32Array(this.networks.names.length),
      theme: new Int32Array(this.themes.names.length),
      audience: new Int32Array(4),
      language: new Int32Array(this.languages.names.length),
    };
    const { networkCode, languageCode, audienceCode, themeCodes } = this;
    const selected: number[] = [];
    for (const slot of slots) {
      const network = networkCode[slot]!;
      const language = languageCode[slot]!;
      const audience = audienceCode[slot]!;
      const themes = themeCodes[slot]!;
      const okNetwork = want.network === -1 || network === want.network;
      const okTheme = want.theme === -1 || themes.includes(want.theme);
      const okAudience = want.audience === -1 || audience === want.audience;
      const okLanguage = want.language === -1 || language === want.language;
      const failures = +!okNetwork + +!okTheme + +!okAudience + +!okLanguage;
      if (failures > 1) continue;
      if (failures === 0) selected.push(slot);
      if (okTheme && okAudience && okLanguage) counts.network[network]!++;
      if (okNetwork && okAudience && okLanguage) for (const theme of themes) counts.theme[theme]!++;
      if (okNetwork && okTheme && okLanguage) counts.audience[audience]!++;
      if (okNetwork && okTheme && okAudience) counts.language[language]!++;
    }
    const named = (values: Int32Array, names: readonly string[]): Record<string, number> => {
      const out: Record<string, number> = {};
      values.forEach((n, code) => {
        if (n > 0) out[names[code]!] = n;
      });
      return out;
    };
    return {
      facets: {
        network: named(counts.network, this.networks.names),
        theme: named(counts.theme, this.themes.names),
        audience: named(counts.audience, AUDIENCE_OF_CODE),
        language: named(counts.language, this.languages.names),
      },
      selected,
    };
  }

  /** The index terms that matched a document: the words to highlight. */
  private termsIn(slot: number, derived: Derived[]): Set<string> {
    const terms = new Set<string>();
    for (const d of derived) if (!terms.has(d.term) && d.postings.includes(slot)) terms.add(d.term);
    return terms;
  }

  private readonly byScoreThenNewest = (a: number, b: number): number => this.score[b]! - this.score[a]! || compareNewest(this.docs[a]!, this.docs[b]!);
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
  // Snapshots written before versions and this engine (MiniSearch tiers): re-indexed from their
  // stored documents, as version 0, so the next change or reconciliation replaces each of them.
  if (isFirstFormat(data)) return createSearchIndex(data.docs);
  if (!isSerialised(data)) throw new Error('Not a knowledge search index snapshot (or an unsupported version)');
  return SearchIndex.fromSerialised(data);
}

function isFirstFormat(data: unknown): data is { docs: SearchDoc[] } {
  const d = data as { format?: unknown; version?: unknown; docs?: unknown } | null;
  return typeof d === 'object' && d !== null && d.format === SERIAL_FORMAT && d.version === 1 && Array.isArray(d.docs);
}

function isSerialised(data: unknown): data is Serialised {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<Serialised>;
  return (
    d.format === SERIAL_FORMAT &&
    d.version === SERIAL_VERSION &&
    Array.isArray(d.docs) &&
    Array.isArray(d.fieldLengths) &&
    d.fieldLengths.length === d.docs.length * FIELD_COUNT &&
    Array.isArray(d.terms) &&
    Array.isArray(d.postings) &&
    d.postings.length === d.terms.length &&
    Array.isArray(d.tombstones)
  );
}

// ---------------------------------------------------------------------------------------------
// Re-check against the store
// ---------------------------------------------------------------------------------------------

/** What the store says about an article now (its META item), for the re-check of search hits. */
export interface CurrentArticle {
  id: string;
  slug: string;
  title: string;
  summary: string;
  audience: Audience;
  language: 'nl' | 'en';
  publishedVersion: number;
  archived: boolean;
}

/**
 * The index follows the store and may lag behind it (an update that failed or has not arrived).
 * Before hits are shown they are checked against the current article records: a hit whose article
 * is archived, unpublished, missing or no longer readable by the caller is dropped (and taken out
 * of `total` and the facets it was counted in); a hit built from an older version shows the
 * current slug, title and summary instead of its indexed text. Every hit on the page must be in
 * `current` when it exists in the store.
 */
export function recheckResults(response: SearchResponse, current: ReadonlyMap<string, CurrentArticle>, audiences: readonly Audience[]): SearchResponse<SearchHit> {
  let total = response.total;
  const facets = response.facets;
  const results: SearchHit[] = [];
  for (const { version, ...hit } of response.results) {
    const now = current.get(hit.id);
    if (!now || now.archived || now.publishedVersion < 1 || !audiences.includes(now.audience)) {
      total--;
      // A hit on the page passed every filter, so it was counted once in each facet.
      decrement(facets.network, hit.network);
      for (const theme of hit.themes) decrement(facets.theme, theme);
      decrement(facets.audience, hit.audience);
      decrement(facets.language, hit.language);
      continue;
    }
    if (now.publishedVersion === version) {
      results.push(hit);
      continue;
    }
    results.push({
      ...hit,
      slug: now.slug,
      title: now.title,
      summary: now.summary,
      audience: now.audience,
      language: now.language,
      highlights: { title: escapeHtml(now.title) },
      snippet: escapeHtml(excerpt(now.summary, 0)),
    });
  }
  return { total: Math.max(0, total), results, facets };
}

function decrement(counts: Record<string, number>, value: string): void {
  const n = (counts[value] ?? 0) - 1;
  if (n > 0) counts[value] = n;
  else delete counts[value];
}

// ---------------------------------------------------------------------------------------------
// Ordering
// ---------------------------------------------------------------------------------------------

function emptyFacets(): SearchFacets {
  return { network: {}, theme: {}, audience: {}, language: {} };
}

/**
 * The first `k` of `items` in `compare` order. A page is small next to thousands of matches, so
 * it keeps a sorted window of `k` instead of sorting everything; deep pages sort everything.
 */
function topSlots(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  if (k * 8 >= items.length) return items.sort(compare).slice(0, k);
  const top: number[] = [];
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(item, top[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareNewest = (a: SearchDoc, b: SearchDoc): number => compareStrings(b.publishedAt, a.publishedAt) || compareStrings(a.id, b.id);

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** The distinct processed words of a query, in order. */
function queryTerms(query: string): string[] {
  const terms = tokenizeQuery(query)
    .map((t) => processTerm(t))
    .filter((t): t is string => !!t);
  return [...new Set(terms)].slice(0, MAX_QUERY_TERMS);
}

// ---------------------------------------------------------------------------------------------
// Snippets and highlighting
// ---------------------------------------------------------------------------------------------

function toHit(doc: StoredDoc, score: number, terms: ReadonlySet<string>): IndexedHit {
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
    version: doc.version,
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
