import { beforeAll, describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { publishArticle, tokens, uniqueWord } from '../support/knowledge';

type Reader = 'anonymous' | 'partner' | 'employee' | 'author' | 'admin';
type Audience = 'internal' | 'partners' | 'public';

/** The rule under test, stated once: who reads which audience. */
const mayRead: Record<Reader, Audience[]> = {
  anonymous: ['public'],
  partner: ['partners', 'public'],
  employee: ['internal', 'partners', 'public'],
  author: ['internal', 'partners', 'public'],
  admin: ['internal', 'partners', 'public'],
};

describe('knowledge visibility: role × audience matrix on every reading route', () => {
  const word = uniqueWord('vismatrix');
  const slugs = {} as Record<Audience, string>;
  const readerTokens = {} as Record<Reader, string | undefined>;

  beforeAll(async () => {
    for (const audience of ['internal', 'partners', 'public'] as Audience[]) {
      const { slug } = await publishArticle({ title: `Matrix ${audience} ${word}`, audience, markdown: `Inhoud ${word} voor ${audience}.`, themes: [`thema-${word}`], tags: [word] });
      slugs[audience] = slug;
    }
    readerTokens.anonymous = undefined;
    readerTokens.partner = await tokens.partner();
    readerTokens.employee = await tokens.employee();
    readerTokens.author = await tokenFor(demo.author2);
    readerTokens.admin = await tokens.admin();
  });

  for (const reader of Object.keys(mayRead) as Reader[]) {
    for (const audience of ['internal', 'partners', 'public'] as Audience[]) {
      const allowed = mayRead[reader].includes(audience);
      it(`${reader} ${allowed ? 'reads' : 'is refused'} a ${audience} article`, async () => {
        const res = await api(`/api/articles/by-slug/${slugs[audience]}`, { token: readerTokens[reader] });
        if (allowed) {
          expect(res.status).toBe(200);
          expect(res.data.audience).toBe(audience);
        } else {
          // Anonymous readers are invited to sign in; signed-in readers learn nothing.
          expect(res.status).toBe(reader === 'anonymous' ? 401 : 404);
          // The refusal echoes only the path asked for; nothing of the article itself.
          expect(res.data.title).not.toContain('Matrix');
          expect(JSON.stringify(res.data)).not.toContain(`Inhoud ${word}`);
          expect(JSON.stringify(res.data)).not.toContain(`Matrix ${audience}`);
        }
      });
    }

    it(`search, counts and facets for ${reader} contain only what they may read`, async () => {
      const res = await api(`/api/articles?q=${word}`, { token: readerTokens[reader] });
      expect(res.status).toBe(200);
      const audiences = res.data.results.map((r: { audience: Audience }) => r.audience).sort();
      expect(audiences).toEqual([...mayRead[reader]].sort());
      expect(res.data.total).toBe(mayRead[reader].length);
      expect(Object.keys(res.data.facets.audience).sort()).toEqual([...mayRead[reader]].sort());
      const facetTotal = Object.values(res.data.facets.audience as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(facetTotal).toBe(mayRead[reader].length);
      // Asking for a forbidden audience explicitly does not widen the view.
      const forced = await api(`/api/articles?q=${word}&audience=internal`, { token: readerTokens[reader] });
      expect(forced.data.total).toBe(mayRead[reader].includes('internal') ? 1 : 0);
    });

    it(`related articles for ${reader} contain only what they may read`, async () => {
      const res = await api(`/api/articles/by-slug/${slugs.public}`, { token: readerTokens[reader] });
      for (const r of res.data.related as Array<{ audience: Audience }>) expect(mayRead[reader]).toContain(r.audience);
      const relatedSlugs = (res.data.related as Array<{ slug: string }>).map((r) => r.slug);
      for (const audience of ['internal', 'partners'] as Audience[]) {
        expect(relatedSlugs.includes(slugs[audience])).toBe(mayRead[reader].includes(audience));
      }
    });
  }

  it('does not let a partner signal on an internal article (404, nothing learned)', async () => {
    const res = await api(`/api/articles/by-slug/${slugs.internal}/signals`, { method: 'POST', token: readerTokens.partner, json: { useful: true } });
    expect(res.status).toBe(404);
  });
});

describe('modules beside an article', () => {
  it('offers each reader only modules they may join, the reading module that assigns the article first', async () => {
    const readers = { anonymous: undefined, partner: await tokens.partner(), employee: await tokens.employee() };
    for (const [reader, token] of Object.entries(readers)) {
      const res = await api('/api/articles/by-slug/wat-is-herstel', { token });
      expect(res.status).toBe(200);
      const joinable = new Set((await api('/api/modules?limit=100', { token })).data.modules.map((m: { id: string }) => m.id));
      const offered = res.data.relatedModules.map((m: { id: string }) => m.id);
      expect(offered.length, reader).toBeGreaterThan(0);
      expect(offered.filter((id: string) => !joinable.has(id)), reader).toEqual([]);
      // A public article read by a signed-in reader carries their own related items: never shared.
      expect(res.headers.get('cache-control'), reader).toBe(token ? 'private, no-store' : 'public, max-age=60');
    }
    const asEmployee = await api('/api/articles/by-slug/wat-is-herstel', { token: readers.employee });
    expect(asEmployee.data.relatedModules[0]).toMatchObject({ id: 'm-lezen-wat-is-herstel', kind: 'reading' });
    const asAnonymous = await api('/api/articles/by-slug/wat-is-herstel');
    expect(asAnonymous.data.relatedModules.map((m: { id: string }) => m.id)).toContain('m-kenniscafe-2027');
    expect(asAnonymous.data.relatedModules.map((m: { id: string }) => m.id)).not.toContain('m-lezen-wat-is-herstel');
  });
});
