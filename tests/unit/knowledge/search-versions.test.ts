import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as search from '../../../functions/src/knowledge/domain/search';
import { createSearchIndex, loadSearchIndex, type Audience, type SearchDoc } from '../../../functions/src/knowledge/domain/search';

/**
 * Change events reach the index late, twice or out of order (stream retries, the reconciliation
 * running beside the stream). The index orders them by the published version each document
 * carries: an older version never replaces a newer one, and a removal leaves a tombstone.
 */
const ALL: Audience[] = ['internal', 'partners', 'public'];
const PUBLIC: Audience[] = ['public'];

const doc = (version: number, overrides: Partial<SearchDoc> = {}): SearchDoc => ({
  id: 'a-1',
  slug: 'angst-bij-jongeren',
  title: `Angst bij jongeren, versie ${version}`,
  summary: 'Over angst.',
  body: `Tekst van versie ${version}.`,
  tags: [],
  themes: ['Behandeling'],
  network: 'angst-depressie',
  networkName: 'Angst en depressie',
  audience: 'public',
  language: 'nl',
  publishedAt: `2025-0${version}-01T09:00:00.000Z`,
  version,
  ...overrides,
});

describe('search index: versions', () => {
  it('replaces a document only with a newer version (the same version again changes nothing)', () => {
    const index = createSearchIndex([doc(2)]);
    expect(index.upsert(doc(1))).toBe(false);
    expect(index.upsert(doc(2, { title: 'Angst, zelfde versie' }))).toBe(false);
    expect(index.versionOf('a-1')).toBe(2);
    expect(index.search('angst', { audiences: ALL }).results[0]!.title).toBe('Angst bij jongeren, versie 2');
    expect(index.upsert(doc(3))).toBe(true);
    expect(index.versionOf('a-1')).toBe(3);
  });

  it('keeps an article narrowed to internal out of public search even when the older public version arrives last', () => {
    const index = createSearchIndex();
    index.upsert(doc(2, { audience: 'internal' }));
    index.upsert(doc(1, { audience: 'public' })); // late event of the public version
    expect(index.search('angst', { audiences: PUBLIC }).total).toBe(0);
    expect(index.search('angst', { audiences: ALL }).results.map((h) => h.audience)).toEqual(['internal']);
  });

  it('remembers a removal: that version or an older one is not indexed again, a newer one is', () => {
    const index = createSearchIndex([doc(2)]);
    expect(index.remove('a-1', 2)).toBe(true);
    expect(index.tombstoneOf('a-1')).toBe(2);
    expect(index.upsert(doc(2))).toBe(false);
    expect(index.upsert(doc(1))).toBe(false);
    expect(index.has('a-1')).toBe(false);
    expect(index.upsert(doc(3))).toBe(true);
    expect(index.tombstoneOf('a-1')).toBeUndefined();
  });

  it('does not let a late removal of an older version take out a newer one', () => {
    const index = createSearchIndex([doc(3)]);
    expect(index.remove('a-1', 2)).toBe(false);
    expect(index.versionOf('a-1')).toBe(3);
  });

  it('keeps versions and tombstones in the snapshot', () => {
    const index = createSearchIndex([doc(4), doc(1, { id: 'a-2' })]);
    index.remove('a-2', 1);
    const loaded = loadSearchIndex(index.toJSON());
    expect(loaded.versionOf('a-1')).toBe(4);
    expect(loaded.tombstoneOf('a-2')).toBe(1);
    expect(loaded.upsert(doc(3))).toBe(false);
    expect(loaded.upsert(doc(1, { id: 'a-2' }))).toBe(false);
  });

  it('property: any order of the same events ends in the same index', () => {
    type Event = { kind: 'upsert'; version: number; audience: Audience } | { kind: 'remove'; version: number };
    const event = fc.oneof(
      fc.record({ kind: fc.constant('upsert' as const), version: fc.integer({ min: 1, max: 5 }), audience: fc.constantFrom(...ALL) }),
      fc.record({ kind: fc.constant('remove' as const), version: fc.integer({ min: 1, max: 5 }) }),
    );
    // One article's history: each version has one audience (versions are immutable).
    const history = fc.array(event, { minLength: 1, maxLength: 8 }).map((events) => {
      const audienceOf = new Map<number, Audience>();
      return events.map((e): Event => (e.kind === 'upsert' ? { ...e, audience: audienceOf.get(e.version) ?? (audienceOf.set(e.version, e.audience), e.audience) } : e));
    });
    const replay = (events: Event[]) => {
      const index = createSearchIndex();
      for (const e of events) {
        if (e.kind === 'upsert') index.upsert(doc(e.version, { audience: e.audience }));
        else index.remove('a-1', e.version);
      }
      return { version: index.versionOf('a-1'), public: index.search('angst', { audiences: PUBLIC }).total };
    };
    fc.assert(
      fc.property(history, fc.func(fc.integer()), (events, key) => {
        const shuffled = [...events].sort((a, b) => key(a) - key(b));
        expect(replay(shuffled)).toEqual(replay(events));
      }),
      { numRuns: 300 },
    );
  });
});

describe('search: re-check of hits against the current article records', () => {
  const index = createSearchIndex([
    doc(1),
    doc(1, { id: 'a-2', slug: 'angst-en-werk', title: 'Angst en werk', themes: ['Preventie'], network: 'werk' }),
  ]);
  const current = (overrides: Partial<search.CurrentArticle> = {}, id = 'a-1'): [string, search.CurrentArticle] => [
    id,
    { id, slug: 'angst-bij-jongeren', title: 'Angst bij jongeren, versie 1', summary: 'Over angst.', audience: 'public', language: 'nl', publishedVersion: 1, archived: false, ...overrides },
  ];

  it('drops a hit whose article is now internal, archived, or gone, and takes it out of total and facets', () => {
    for (const now of [new Map([current({ audience: 'internal', publishedVersion: 2 }), current({}, 'a-2')]), new Map([current({ archived: true }), current({}, 'a-2')]), new Map([current({}, 'a-2')])]) {
      const found = index.search('angst', { audiences: PUBLIC });
      const checked = search.recheckResults(found, now, PUBLIC);
      expect(checked.results.map((h) => h.id)).toEqual(['a-2']);
      expect(checked.total).toBe(1);
      expect(checked.facets.network).toEqual({ werk: 1 });
      expect(checked.facets.theme).toEqual({ Preventie: 1 });
      expect(JSON.stringify(checked)).not.toContain('versie 1');
    }
  });

  it('shows the current title and summary of a hit indexed from an older version, escaped, and no version field', () => {
    const found = index.search('angst', { audiences: PUBLIC });
    const checked = search.recheckResults(found, new Map([current({ title: 'Angst <bij> jongeren', summary: 'Nieuw & beter.', publishedVersion: 2 }), current({}, 'a-2')]), PUBLIC);
    const hit = checked.results.find((h) => h.id === 'a-1')!;
    expect(hit).toMatchObject({ title: 'Angst <bij> jongeren', summary: 'Nieuw & beter.', highlights: { title: 'Angst &lt;bij&gt; jongeren' }, snippet: 'Nieuw &amp; beter.' });
    expect(hit).not.toHaveProperty('version');
  });
});
