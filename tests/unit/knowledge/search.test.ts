import fc from 'fast-check';
import { DAY_MS, daysAfter, frozenNow } from '../../support/clock';
import { describe, expect, it } from 'vitest';
import {
  AUDIENCES,
  createSearchIndex,
  loadSearchIndex,
  type Audience,
  type SearchDoc,
  type SearchOptions,
  type SearchResponse,
} from '../../../functions/src/knowledge/domain/search';
import { generateSyntheticDocs } from '../../../functions/src/knowledge/domain/synthetic';

const ALL: Audience[] = ['internal', 'partners', 'public'];
const PARTNER: Audience[] = ['partners', 'public'];
const PUBLIC: Audience[] = ['public'];

function doc(overrides: Partial<SearchDoc> & { id: string }): SearchDoc {
  return {
    slug: overrides.id,
    title: `Artikel ${overrides.id}`,
    summary: '',
    body: '',
    tags: [],
    themes: [],
    network: 'algemeen',
    networkName: 'Algemeen',
    audience: 'public',
    language: 'nl',
    publishedAt: daysAfter(-731, '00:00:00.000'),
    ...overrides,
  };
}

const fixtures: SearchDoc[] = [
  doc({
    id: 'dep-public',
    title: 'Depressie bij ouderen',
    summary: 'Signaleren van somberheid in de wijk.',
    body: 'Een depressie bij ouderen wordt vaak gemist. De huisarts en de praktijkondersteuner spelen een rol.',
    tags: ['depressie', 'ouderen'],
    themes: ['Diagnostiek'],
    network: 'angst-depressie',
    networkName: 'Angst en depressie',
    audience: 'public',
    publishedAt: daysAfter(-671, '10:00:00.000'),
  }),
  doc({
    id: 'client-partners',
    title: 'Samenwerken met de wijk',
    summary: 'Afspraken tussen wijkteam en ggz.',
    body: 'De client staat centraal. Bespreek met de client wie welke rol heeft.',
    themes: ['Samenwerking'],
    network: 'herstel',
    networkName: 'Herstel',
    audience: 'partners',
    publishedAt: daysAfter(-778, '10:00:00.000'),
  }),
  doc({
    id: 'suicide-internal',
    title: 'Veiligheidsplan bij suïcidaliteit',
    summary: 'Interne werkwijze voor behandelaren.',
    body: 'Bij suïcidale cliënten stel je samen een veiligheidsplan op. Geheimcode zwanenhals.',
    tags: ['suïcidepreventie'],
    themes: ['Veiligheid', 'Behandeling'],
    network: 'suicidepreventie',
    networkName: 'Suïcidepreventie',
    audience: 'internal',
    publishedAt: daysAfter(-356, '10:00:00.000'),
  }),
  doc({
    id: 'body-only',
    title: 'Slaapproblemen',
    summary: 'Over slaap.',
    body: 'Slecht slapen komt vaak voor bij depressies en angst. Slaaphygiëne helpt.',
    themes: ['Behandeling'],
    network: 'slaap',
    networkName: 'Slaap',
    audience: 'public',
    publishedAt: daysAfter(-1310, '10:00:00.000'),
  }),
  doc({
    id: 'english',
    title: 'Depression in older adults',
    summary: 'English summary.',
    body: 'Depression is common. Involve relatives early.',
    themes: ['Diagnostiek'],
    network: 'angst-depressie',
    networkName: 'Angst en depressie',
    audience: 'partners',
    language: 'en',
    publishedAt: daysAfter(-487, '10:00:00.000'),
  }),
];

const ids = (r: SearchResponse): string[] => r.results.map((h) => h.id);

describe('search: Dutch-aware matching', () => {
  const index = createSearchIndex(fixtures);

  it('finds "client" with "cliënt" and "cliënten" with "client"', () => {
    expect(ids(index.search('cliënt', { audiences: ALL }))).toContain('client-partners');
    expect(ids(index.search('client', { audiences: ALL }))).toContain('suicide-internal'); // body has "cliënten"
  });

  it('finds "depressie" with "depressies" and vice versa', () => {
    expect(ids(index.search('depressies', { audiences: ALL }))).toContain('dep-public');
    expect(ids(index.search('depressie', { audiences: ALL }))).toContain('body-only'); // body has "depressies"
  });

  it('is case-insensitive', () => {
    expect(ids(index.search('DEPRESSIE OUDEREN', { audiences: ALL }))).toEqual(ids(index.search('depressie ouderen', { audiences: ALL })));
  });

  it('matches adjective forms: "suïcidaal" finds "suïcidale"', () => {
    expect(ids(index.search('suicidaal', { audiences: ALL }))).toEqual(['suicide-internal']);
  });

  it('treats the last word as a prefix and tolerates typos in longer words', () => {
    expect(ids(index.search('veiligheidsp', { audiences: ALL }))).toEqual(['suicide-internal']);
    expect(ids(index.search('depresie', { audiences: PUBLIC }))).toEqual(expect.arrayContaining(['dep-public', 'body-only']));
  });

  it('requires every word to match', () => {
    expect(ids(index.search('depressie huisarts', { audiences: ALL }))).toEqual(['dep-public']);
  });

  it('ranks a title match above a body-only match', () => {
    const r = index.search('depressie', { audiences: PUBLIC });
    expect(ids(r)).toEqual(['dep-public', 'body-only']);
    expect(r.results[0]!.score).toBeGreaterThan(r.results[1]!.score);
  });

  it('ignores stopwords; a query of only stopwords browses', () => {
    expect(ids(index.search('de depressie van het', { audiences: PUBLIC }))).toEqual(ids(index.search('depressie', { audiences: PUBLIC })));
    expect(index.search('de het een', { audiences: PUBLIC }).total).toBe(2);
  });
});

describe('search: visibility', () => {
  const index = createSearchIndex(fixtures);

  it('never shows a partner an internal article, even for a term only it contains', () => {
    const r = index.search('zwanenhals', { audiences: PARTNER });
    expect(r).toEqual({ total: 0, results: [], facets: { network: {}, theme: {}, audience: {}, language: {} } });
    expect(index.search('zwanenhals', { audiences: ALL }).total).toBe(1);
  });

  it('keeps internal articles out of totals and facets in browse mode', () => {
    const r = index.search('', { audiences: PARTNER });
    expect(r.total).toBe(4);
    expect(r.facets.audience).toEqual({ partners: 2, public: 2 });
    expect(r.facets.network).not.toHaveProperty('suicidepreventie');
    expect(r.facets.theme).not.toHaveProperty('Veiligheid');
  });

  it('returns nothing for an empty audience list and ignores a filter for an audience not granted', () => {
    expect(index.search('', { audiences: [] }).total).toBe(0);
    expect(index.search('', { audiences: PUBLIC, audience: 'internal' }).total).toBe(0);
  });

  it('scores a partner exactly as if internal articles did not exist', () => {
    const visible = fixtures.filter((d) => d.audience !== 'internal');
    for (const q of ['depressie', 'client', 'wijk', 'slaap angst', '']) {
      expect(index.search(q, { audiences: PARTNER })).toEqual(createSearchIndex(visible).search(q, { audiences: PARTNER }));
    }
  });

  describe('property: random corpora and queries never leak', () => {
    const VOCAB = ['depressie', 'depressies', 'angst', 'cliënt', 'clienten', 'zorg', 'wijk', 'suïcidaal', 'veiligheid', 'slaap', 'ggz', 'huisarts', 'naasten', 'herstel'];
    const text = fc.array(fc.constantFrom(...VOCAB), { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
    const docArb = fc.record({
      title: text,
      summary: text,
      body: text,
      tags: fc.array(fc.constantFrom(...VOCAB), { maxLength: 3 }),
      themes: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3'), { maxLength: 2 }),
      network: fc.constantFrom('n1', 'n2', 'n3'),
      audience: fc.constantFrom(...AUDIENCES),
      language: fc.constantFrom('nl' as const, 'en' as const),
      publishedAt: fc.integer({ min: frozenNow - 6 * 365 * DAY_MS, max: frozenNow - 365 * DAY_MS }).map((t) => new Date(t).toISOString()),
    });
    const corpus = fc.array(docArb, { minLength: 1, maxLength: 25 }).map((list) =>
      list.map((d, i): SearchDoc => ({ ...d, id: `d${i}`, slug: `d${i}`, networkName: d.network.toUpperCase() })),
    );
    const query = fc.oneof(
      fc.constant(''),
      fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
      fc.constantFrom(...VOCAB).map((w) => w.slice(0, 4)),
    );
    const filters = fc.record(
      { network: fc.constantFrom('n1', 'n2'), theme: fc.constantFrom('t1', 't2'), audience: fc.constantFrom(...AUDIENCES), language: fc.constantFrom('nl' as const, 'en' as const) },
      { requiredKeys: [] },
    );

    it('results, total and facets only ever reflect visible documents', () => {
      fc.assert(
        fc.property(corpus, query, fc.subarray([...AUDIENCES]), filters, (docs, q, audiences, f) => {
          const index = createSearchIndex(docs);
          const opts: SearchOptions = { audiences, ...f, limit: 100 };
          const r = index.search(q, opts);
          const visible = docs.filter((d) => audiences.includes(d.audience));
          const hidden = new Set(docs.filter((d) => !audiences.includes(d.audience)).map((d) => d.id));

          for (const hit of r.results) {
            expect(audiences).toContain(hit.audience);
            expect(hidden.has(hit.id)).toBe(false);
          }
          expect(r.total).toBe(r.results.length);
          for (const key of Object.keys(r.facets.audience)) expect(audiences).toContain(key);
          // Facets, totals and the result set equal those of an index that never saw the hidden documents.
          const reference = createSearchIndex(visible).search(q, opts);
          expect(r.total).toBe(reference.total);
          expect(r.facets).toEqual(reference.facets);
          expect([...ids(r)].sort()).toEqual([...ids(reference)].sort());
        }),
        { numRuns: 300 },
      );
    });

    it('for each reader group, even scores equal those of an index of only what it may read', () => {
      const groups: Audience[][] = [ALL, PARTNER, PUBLIC];
      fc.assert(
        fc.property(corpus, query, fc.constantFrom(...groups), (docs, q, audiences) => {
          const visible = docs.filter((d) => audiences.includes(d.audience));
          expect(createSearchIndex(docs).search(q, { audiences, limit: 100 })).toEqual(createSearchIndex(visible).search(q, { audiences, limit: 100 }));
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('search: filters, facets, browse, paging', () => {
  const index = createSearchIndex(fixtures);

  it('filters by network, theme, audience and language', () => {
    expect(ids(index.search('', { audiences: ALL, network: 'angst-depressie' })).sort()).toEqual(['dep-public', 'english']);
    expect(ids(index.search('', { audiences: ALL, theme: 'Behandeling' })).sort()).toEqual(['body-only', 'suicide-internal']);
    expect(ids(index.search('', { audiences: ALL, audience: 'partners' })).sort()).toEqual(['client-partners', 'english']);
    expect(ids(index.search('', { audiences: ALL, language: 'en' }))).toEqual(['english']);
    expect(ids(index.search('depressie', { audiences: ALL, language: 'nl', network: 'slaap' }))).toEqual(['body-only']);
  });

  it('computes disjunctive facets: each facet ignores only its own filter', () => {
    const r = index.search('', { audiences: ALL, network: 'angst-depressie' });
    // The network facet still offers the other networks…
    expect(r.facets.network).toEqual({ 'angst-depressie': 2, herstel: 1, suicidepreventie: 1, slaap: 1 });
    // …while the other facets count within the selected network.
    expect(r.facets.theme).toEqual({ Diagnostiek: 2 });
    expect(r.facets.audience).toEqual({ public: 1, partners: 1 });
    expect(r.facets.language).toEqual({ nl: 1, en: 1 });
  });

  it('counts a document once per theme', () => {
    expect(index.search('', { audiences: ALL }).facets.theme).toEqual({ Diagnostiek: 2, Samenwerking: 1, Veiligheid: 1, Behandeling: 2 });
  });

  it('browses newest first when the query is empty', () => {
    expect(ids(index.search('  ', { audiences: ALL }))).toEqual(['suicide-internal', 'english', 'dep-public', 'client-partners', 'body-only']);
    // Every result of a browse is unscored: one score per fixture, each 0 (never vacuous on an empty list).
    expect(index.search('', { audiences: ALL }).results.map((h) => h.score)).toEqual(fixtures.map(() => 0));
  });

  it('pages with limit and offset, total unaffected; limits are clamped', () => {
    const page1 = index.search('', { audiences: ALL, limit: 2 });
    const page2 = index.search('', { audiences: ALL, limit: 2, offset: 2 });
    expect(page1.total).toBe(5);
    expect(page2.total).toBe(5);
    expect([...ids(page1), ...ids(page2)]).toEqual(ids(index.search('', { audiences: ALL })).slice(0, 4));
    expect(index.search('', { audiences: ALL, limit: 0 }).results).toHaveLength(1);
    expect(index.search('', { audiences: ALL, limit: Number.NaN }).results).toHaveLength(1);
    expect(index.search('', { audiences: ALL, offset: -3 }).results).toHaveLength(5);
  });
});

describe('search: snippets and highlights', () => {
  it('highlights matched words by their stem, in title and snippet', () => {
    const index = createSearchIndex(fixtures);
    const [hit] = index.search('depressies', { audiences: PUBLIC }).results;
    expect(hit!.highlights.title).toBe('<mark>Depressie</mark> bij ouderen');
    expect(hit!.snippet).toBe('Een <mark>depressie</mark> bij ouderen wordt vaak gemist. De huisarts en de praktijkondersteuner spelen een rol.');
  });

  it('highlights the word a prefix or typo matched', () => {
    const index = createSearchIndex(fixtures);
    expect(index.search('veiligheidsp', { audiences: ALL }).results[0]!.highlights.title).toBe('<mark>Veiligheidsplan</mark> bij suïcidaliteit');
    expect(index.search('slaaphygiene', { audiences: ALL }).results[0]!.snippet).toContain('<mark>Slaaphygiëne</mark>');
  });

  it('escapes HTML in bodies and titles; <mark> is the only markup', () => {
    const evil = doc({
      id: 'evil',
      title: 'Depressie <img src=x onerror=alert(1)> & "quotes"',
      body: 'Tekst <script>alert("depressie")</script> over depressie & angst.',
    });
    const [hit] = createSearchIndex([evil]).search('depressie', { audiences: PUBLIC }).results;
    expect(hit!.snippet).toBe('Tekst &lt;script&gt;alert(&quot;<mark>depressie</mark>&quot;)&lt;/script&gt; over <mark>depressie</mark> &amp; angst.');
    expect(hit!.highlights.title).toBe('<mark>Depressie</mark> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    for (const html of [hit!.snippet, hit!.highlights.title]) {
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
  });

  it('cuts a snippet of about 200 characters around the first match in the body', () => {
    const filler = (n: number): string => Array.from({ length: n }, (_, i) => `woord${i}`).join(' ');
    const body = `${filler(60)} hier staat psychose in de tekst ${filler(60)}`;
    const [hit] = createSearchIndex([doc({ id: 'long', body })]).search('psychose', { audiences: PUBLIC }).results;
    const text = hit!.snippet.replace(/<\/?mark>/g, '');
    expect(hit!.snippet).toContain('<mark>psychose</mark>');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.length).toBeGreaterThan(150);
    expect(text.length).toBeLessThanOrEqual(210);
    expect(text.indexOf('psychose')).toBeLessThan(80);
  });

  it('falls back to the summary when only the title matched, and highlights compounds', () => {
    const d = doc({ id: 'c', title: 'E-health in de ggz', summary: 'Over online modules.', body: 'Ehealth-modules en e-health apps.' });
    const index = createSearchIndex([d]);
    // The last query word is a prefix, so the compound "ehealthmodules" matches as a whole.
    expect(index.search('e-health', { audiences: PUBLIC }).results[0]!.snippet).toBe('<mark>Ehealth-modules</mark> en <mark>e-health</mark> apps.');
    expect(index.search('e-health apps', { audiences: PUBLIC }).results[0]!.snippet).toBe('<mark>Ehealth</mark>-modules en <mark>e-health</mark> <mark>apps</mark>.');
    expect(index.search('ggz', { audiences: PUBLIC }).results[0]!.snippet).toBe('Over online modules.');
  });
});

describe('search: maintenance and serialisation', () => {
  it('upsert replaces a document, also across audiences; remove removes', () => {
    const index = createSearchIndex(fixtures);
    expect(index.size).toBe(5);
    index.upsert({ ...fixtures[0]!, title: 'Somberheid bij ouderen', tags: [], body: 'Somberheid.', audience: 'internal' });
    expect(index.size).toBe(5);
    expect(ids(index.search('depressie', { audiences: ALL }))).not.toContain('dep-public');
    expect(ids(index.search('somberheid', { audiences: PUBLIC }))).toEqual([]);
    expect(ids(index.search('somberheid', { audiences: ALL }))).toEqual(['dep-public']);
    expect(index.remove('dep-public')).toBe(true);
    expect(index.remove('dep-public')).toBe(false);
    expect(index.size).toBe(4);
    expect(index.search('somberheid', { audiences: ALL }).total).toBe(0);
  });

  it('round-trips through toJSON/loadSearchIndex with identical results', () => {
    const docs = generateSyntheticDocs(300, 7);
    const index = createSearchIndex(docs);
    index.remove(docs[0]!.id);
    index.upsert({ ...docs[1]!, audience: 'public', title: 'Nieuwe titel over depressie' });
    const loaded = loadSearchIndex(index.toJSON());
    expect(loaded.size).toBe(index.size);
    for (const q of ['depressie', 'cliënten jongeren', 'suïcidale', 'behandelin', 'ptss', '']) {
      for (const audiences of [ALL, PARTNER, PUBLIC]) {
        const opts: SearchOptions = { audiences, limit: 50 };
        expect(loaded.search(q, opts)).toEqual(index.search(q, opts));
      }
    }
    // Still maintainable after loading.
    loaded.upsert({ ...docs[2]!, title: 'Uniekwoord' });
    expect(ids(loaded.search('uniekwoord', { audiences: ALL }))).toEqual([docs[2]!.id]);
    expect(loadSearchIndex(JSON.stringify(index)).size).toBe(index.size);
  });

  it('rejects something that is not a snapshot', () => {
    expect(() => loadSearchIndex('{"foo":1}')).toThrow(/snapshot/);
  });

  it('rejects an unknown audience', () => {
    expect(() => createSearchIndex([doc({ id: 'x', audience: 'everyone' as Audience })])).toThrow(/audience/);
  });
});

describe('generateSyntheticDocs', () => {
  it('is deterministic per seed and produces valid documents', () => {
    const a = generateSyntheticDocs(50, 1);
    expect(generateSyntheticDocs(50, 1)).toEqual(a);
    expect(generateSyntheticDocs(50, 2)).not.toEqual(a);
    expect(new Set(a.map((d) => d.id)).size).toBe(50);
    for (const d of a) {
      expect(AUDIENCES).toContain(d.audience);
      expect(['nl', 'en']).toContain(d.language);
      expect(d.title.length).toBeGreaterThan(5);
      expect(d.body.length).toBeGreaterThan(50);
      expect(d.themes.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(d.publishedAt))).toBe(false);
    }
  });
});
