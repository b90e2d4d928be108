import { beforeAll, describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { createArticle, fetchAttachment, png, publishArticle, publishNextVersion, submitArticle, tokens, uniqueWord, upload } from '../support/knowledge';

type Reader = 'anonymous' | 'partner' | 'employee' | 'author' | 'lead' | 'admin';
type Audience = 'internal' | 'partners' | 'public';
type State = 'published' | 'draft' | 'archived';

const audiences: Audience[] = ['internal', 'partners', 'public'];
const states: State[] = ['published', 'draft', 'archived'];

/** The network the matrix articles belong to (demo network; Joost writes there, Fatima leads it). */
const network = 'suicidepreventie';

/**
 * The rules under test, stated once; every expected answer below is derived from this table,
 * never from a response.
 * - reads: the audiences of published articles the reader may read.
 * - editor: editorial rights in the article's network: an author-role member of it, its lead, or the academy.
 * - member: the reader's membership of the network, as /api/me/knowledge reports it (the academy belongs to none).
 */
const rules: Record<Reader, { user: string | null; reads: Audience[]; editor: boolean; member: 'lead' | 'member' | null }> = {
  anonymous: { user: null, reads: ['public'], editor: false, member: null },
  partner: { user: demo.partner, reads: ['partners', 'public'], editor: false, member: null },
  // Noor is a member of the network, but without the author role: a reader like any employee.
  employee: { user: demo.employee, reads: ['internal', 'partners', 'public'], editor: false, member: 'member' },
  author: { user: demo.author2, reads: ['internal', 'partners', 'public'], editor: true, member: 'member' },
  lead: { user: demo.author, reads: ['internal', 'partners', 'public'], editor: true, member: 'lead' },
  admin: { user: demo.admin, reads: ['internal', 'partners', 'public'], editor: true, member: null },
};
const readers = Object.keys(rules) as Reader[];

/** The answer for something that does not exist (or no longer exists for readers: drafts, archived). */
const unknown = 404;
/**
 * The answer for a published article the reader may not see: exactly the answer for an unknown
 * one, signed in or not, so nobody can probe which hidden articles exist.
 */
const hidden = (_reader: Reader) => unknown;
/**
 * Editorial routes (edit view, history, attachment lists): sign in first (401); then a reader who
 * may read the article is told they lack the rights (403), one who may not see it at all (a
 * partner on an internal article, anyone on a draft or archived one) learns nothing (404).
 */
const noEditor = (reader: Reader, audience?: Audience, state?: State) =>
  reader === 'anonymous' ? 401 : audience === undefined || mayReadPublished(reader, audience, state!) ? 403 : unknown;

const mayReadPublished = (reader: Reader, audience: Audience, state: State) => state === 'published' && rules[reader].reads.includes(audience);
/** Who may open an attachment the published version shows: whoever may read that version, and its writers always. */
const mayOpenAttachment = (reader: Reader, audience: Audience, state: State) => mayReadPublished(reader, audience, state) || rules[reader].editor;

interface Fixture {
  id: string;
  title: string;
  /** The current slug. */
  slug: string;
  /** The slug of version 1, before the rename (published and archived articles). */
  oldSlug?: string;
  /** Shown by version 2 (published and archived articles); uploaded to the draft otherwise. */
  attachmentUrl: string;
  attachmentMarkdown: string;
  versions: number;
}

describe('knowledge visibility: role × audience × state matrix on every reading route', () => {
  const word = uniqueWord('vismatrix');
  const fx = {} as Record<Audience, Record<State, Fixture>>;
  const tokenOf = {} as Record<Reader, string | undefined>;
  const cases = () => audiences.flatMap((audience) => states.map((state) => ({ audience, state, f: fx[audience][state], label: `${audience}/${state}` })));
  const v1 = (f: Fixture) => `Eerste tekst ${f.title}.`;
  const v2 = (f: Fixture) => `Tweede tekst ${f.title}. ${f.attachmentMarkdown}`;

  beforeAll(async () => {
    for (const reader of readers) tokenOf[reader] = rules[reader].user ? await tokenFor(rules[reader].user!) : undefined;
    const [author, lead] = [tokenOf.author!, tokenOf.lead!];
    for (const audience of audiences) {
      fx[audience] = {} as Record<State, Fixture>;
      for (const state of states) {
        const title = `Matrix ${audience} ${state} ${word}`;
        const input = { title, audience, markdown: `Eerste tekst ${title}.`, themes: [`thema-${word}`], tags: [word], networkId: network };
        const attach = async (id: string) => {
          const { complete } = await upload(author, id, { name: `bijlage-${state}.png`, type: 'image/png', body: png });
          expect(complete?.status, JSON.stringify(complete?.data)).toBe(201);
          return { attachmentUrl: complete!.data.url as string, attachmentMarkdown: complete!.data.markdown as string };
        };
        if (state === 'draft') {
          // Submitted and waiting in review, never published.
          const { id, slug } = await submitArticle(input, { author });
          fx[audience][state] = { id, title, slug, ...(await attach(id)), versions: 0 };
        } else {
          // Two versions, the second under a new slug (the first slug becomes an old, redirecting one) and showing the attachment.
          const first = await publishArticle(input, { author, lead });
          const a = await attach(first.id);
          const next = await publishNextVersion(first.id, { slug: `${first.slug}-nieuw`, markdown: `Tweede tekst ${title}. ${a.attachmentMarkdown}`, note: 'Nieuwe link' }, { author, lead });
          fx[audience][state] = { id: first.id, title, slug: next.slug, oldSlug: first.slug, ...a, versions: 2 };
        }
        const f = fx[audience][state];
        if (state === 'archived') expect((await api(`/api/articles/${f.id}/archive`, { method: 'POST', token: lead })).status).toBe(200);
      }
    }
  });

  /** A refusal echoes nothing of the article: not its title or text, nor (unless asked for by it) its address. */
  const revealsNothing = (res: { data: unknown; headers: Headers }, f: Fixture, askedBySlug = false) => {
    const body = JSON.stringify(res.data ?? '');
    expect(body).not.toContain(f.title);
    if (!askedBySlug) expect(body).not.toContain(f.slug);
    expect(res.headers.get('location')).toBeNull();
  };

  describe('GET /api/articles/by-slug/{slug} (current slug)', () => {
    for (const reader of readers) {
      it(`as ${reader}`, async () => {
        await Promise.all(
          cases().map(async ({ audience, state, f, label }) => {
            const res = await api(`/api/articles/by-slug/${f.slug}`, { token: tokenOf[reader], redirect: 'manual' });
            if (mayReadPublished(reader, audience, state)) {
              expect(res.status, label).toBe(200);
              expect(res.data).toMatchObject({ articleId: f.id, audience, version: 2 });
            } else {
              expect(res.status, label).toBe(state === 'published' ? hidden(reader) : unknown);
              revealsNothing(res, f, true);
            }
          }),
        );
        expect((await api(`/api/articles/by-slug/bestaat-niet-${word}`, { token: tokenOf[reader] })).status).toBe(unknown);
      });
    }
  });

  describe('GET /api/articles/by-slug/{old slug} (renamed article)', () => {
    for (const reader of readers) {
      it(`as ${reader}: a 301 to the new address only for who may read it`, async () => {
        await Promise.all(
          cases()
            .filter((c) => c.f.oldSlug)
            .map(async ({ audience, state, f, label }) => {
              const res = await api(`/api/articles/by-slug/${f.oldSlug}`, { token: tokenOf[reader], redirect: 'manual' });
              if (mayReadPublished(reader, audience, state)) {
                expect(res.status, label).toBe(301);
                expect(res.headers.get('location'), label).toBe(`/api/articles/by-slug/${f.slug}`);
              } else {
                // The same answer as the article's current slug gives this reader: nothing about where it went.
                expect(res.status, label).toBe(state === 'published' ? hidden(reader) : unknown);
                revealsNothing(res, f);
              }
            }),
        );
      });
    }
  });

  describe('GET /api/articles?q= (search, counts, facets)', () => {
    for (const reader of readers) {
      it(`as ${reader}: only published articles of audiences they may read`, async () => {
        const expected = cases().filter((c) => mayReadPublished(reader, c.audience, c.state));
        const res = await api(`/api/articles?q=${word}`, { token: tokenOf[reader] });
        expect(res.status).toBe(200);
        expect(res.data.results.map((r: { id: string }) => r.id).sort()).toEqual(expected.map((c) => c.f.id).sort());
        expect(res.data.results.map((r: { slug: string }) => r.slug).sort()).toEqual(expected.map((c) => c.f.slug).sort());
        expect(res.data.total).toBe(expected.length);
        expect(Object.keys(res.data.facets.audience).sort()).toEqual([...rules[reader].reads].sort());
        const facetTotal = Object.values(res.data.facets.audience as Record<string, number>).reduce((a, b) => a + b, 0);
        expect(facetTotal).toBe(expected.length);
        // Asking for a forbidden audience explicitly does not widen the view.
        const forced = await api(`/api/articles?q=${word}&audience=internal`, { token: tokenOf[reader] });
        expect(forced.data.total).toBe(expected.filter((c) => c.audience === 'internal').length);
      });
    }
  });

  describe('related articles beside a public article', () => {
    for (const reader of readers) {
      it(`as ${reader}: only what they may read`, async () => {
        const res = await api(`/api/articles/by-slug/${fx.public.published.slug}`, { token: tokenOf[reader] });
        expect(res.status).toBe(200);
        const relatedSlugs = (res.data.related as Array<{ slug: string }>).map((r) => r.slug);
        for (const r of res.data.related as Array<{ audience: Audience }>) expect(rules[reader].reads).toContain(r.audience);
        for (const { audience, state, f, label } of cases().filter((c) => c.f !== fx.public.published)) {
          expect(relatedSlugs.includes(f.slug), label).toBe(mayReadPublished(reader, audience, state));
        }
      });
    }
  });

  describe('GET /api/articles/{id} (edit view)', () => {
    for (const reader of readers) {
      it(`as ${reader}`, async () => {
        await Promise.all(
          cases().map(async ({ audience, state, f, label }) => {
            const res = await api(`/api/articles/${f.id}`, { token: tokenOf[reader] });
            if (rules[reader].editor) {
              expect(res.status, label).toBe(200);
              expect(res.data.article).toMatchObject({ id: f.id, archived: state === 'archived' });
              if (state === 'draft') expect(res.data.draft, label).toMatchObject({ state: 'in-review', markdown: v1(f) });
            } else {
              expect(res.status, label).toBe(noEditor(reader, audience, state));
              revealsNothing(res, f);
            }
          }),
        );
      });
    }
  });

  describe('GET /api/articles/{id}/versions (history)', () => {
    for (const reader of readers) {
      it(`as ${reader}`, async () => {
        await Promise.all(
          cases().map(async ({ audience, state, f, label }) => {
            const res = await api(`/api/articles/${f.id}/versions`, { token: tokenOf[reader] });
            if (rules[reader].editor) {
              expect(res.status, label).toBe(200);
              expect(res.data.versions.map((v: { version: number }) => v.version), label).toEqual(f.versions ? [2, 1] : []);
            } else {
              expect(res.status, label).toBe(noEditor(reader, audience, state));
              revealsNothing(res, f);
            }
          }),
        );
      });
    }
  });

  describe('GET /api/articles/{id}/versions/{n} (one version)', () => {
    for (const reader of readers) {
      it(`as ${reader}`, async () => {
        await Promise.all(
          cases().map(async ({ audience, state, f, label }) => {
            const res = await api(`/api/articles/${f.id}/versions/1`, { token: tokenOf[reader] });
            if (!rules[reader].editor) {
              expect(res.status, label).toBe(noEditor(reader, audience, state));
              revealsNothing(res, f);
            } else if (f.versions === 0) {
              expect(res.status, label).toBe(unknown);
            } else {
              expect(res.status, label).toBe(200);
              expect(res.data).toMatchObject({ articleId: f.id, version: 1, markdown: v1(f), slug: f.oldSlug });
            }
          }),
        );
      });
    }
  });

  describe('GET /api/articles/{id}/diff', () => {
    for (const reader of readers) {
      it(`as ${reader}`, async () => {
        await Promise.all(
          cases().map(async ({ audience, state, f, label }) => {
            const res = await api(`/api/articles/${f.id}/diff?from=1&to=2`, { token: tokenOf[reader] });
            if (!rules[reader].editor) {
              expect(res.status, label).toBe(noEditor(reader, audience, state));
              revealsNothing(res, f);
            } else if (f.versions === 0) {
              expect(res.status, label).toBe(unknown);
            } else {
              expect(res.status, label).toBe(200);
              expect(res.data.hunks, label).toEqual(
                expect.arrayContaining([
                  expect.objectContaining({ kind: 'removed', lines: [v1(f)] }),
                  expect.objectContaining({ kind: 'added', lines: [v2(f)] }),
                ]),
              );
            }
          }),
        );
      });
    }
  });

  describe(`GET /api/networks/{id}/articles (includes drafts and archived)`, () => {
    for (const reader of readers) {
      it(`as ${reader}`, async () => {
        const res = await api(`/api/networks/${network}/articles`, { token: tokenOf[reader] });
        if (rules[reader].editor) {
          expect(res.status).toBe(200);
          const listed = new Map((res.data as Array<{ id: string; publishedVersion: number; archived: boolean; hasDraft: boolean }>).map((a) => [a.id, a]));
          for (const { state, f, label } of cases()) {
            expect(listed.get(f.id), label).toMatchObject({ publishedVersion: f.versions, archived: state === 'archived', hasDraft: state === 'draft' });
          }
        } else {
          expect(res.status).toBe(noEditor(reader));
          for (const { f } of cases()) expect(JSON.stringify(res.data)).not.toContain(f.id);
        }
      });
    }
  });

  describe('GET /api/articles/{id}/attachments (list)', () => {
    for (const reader of readers) {
      it(`as ${reader}`, async () => {
        await Promise.all(
          cases().map(async ({ audience, state, f, label }) => {
            const res = await api(`/api/articles/${f.id}/attachments`, { token: tokenOf[reader] });
            if (rules[reader].editor) {
              expect(res.status, label).toBe(200);
              expect(res.data.map((a: { url: string }) => a.url), label).toEqual([f.attachmentUrl]);
            } else {
              expect(res.status, label).toBe(noEditor(reader, audience, state));
              expect(JSON.stringify(res.data), label).not.toContain(f.attachmentUrl);
            }
          }),
        );
      });
    }
  });

  describe('GET /api/attachments/{articleId}/{attachmentId}/{fileName} (the file)', () => {
    for (const reader of readers) {
      it(`as ${reader}: as visible as the published article, always to its writers`, async () => {
        await Promise.all(
          cases().map(async ({ audience, state, f, label }) => {
            const res = await fetchAttachment(f.attachmentUrl, tokenOf[reader]);
            const bytes = Buffer.from(await res.arrayBuffer());
            if (mayOpenAttachment(reader, audience, state)) {
              expect(res.status, label).toBe(200);
              expect(bytes.equals(png), label).toBe(true);
            } else {
              expect(res.status, label).toBe(hidden(reader));
              expect(bytes.includes(png), label).toBe(false);
            }
          }),
        );
      });
    }
  });

  describe('GET /api/me/knowledge (review queue)', () => {
    for (const reader of readers) {
      it(`as ${reader}`, async () => {
        const res = await api('/api/me/knowledge', { token: tokenOf[reader] });
        if (reader === 'anonymous') {
          expect(res.status).toBe(401);
          return;
        }
        expect(res.status).toBe(200);
        const queued = (res.data.reviewQueue as Array<{ articleId: string }>).map((d) => d.articleId);
        for (const { state, f, label } of cases()) {
          // The queue holds drafts in review of networks the reader leads; published and archived articles are never in it.
          expect(queued.includes(f.id), label).toBe(state === 'draft' && rules[reader].member === 'lead');
        }
        const entry = (res.data.networks as Array<{ networkId: string }>).find((n) => n.networkId === network);
        if (rules[reader].member) expect(entry).toEqual({ networkId: network, role: rules[reader].member, canWrite: rules[reader].editor, canPublish: rules[reader].member === 'lead' });
        else expect(entry).toBeUndefined();
      });
    }
  });

  it('does not let a partner signal on an internal article (404, nothing learned)', async () => {
    const res = await api(`/api/articles/by-slug/${fx.internal.published.slug}/signals`, { method: 'POST', token: tokenOf.partner, json: { useful: true } });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.data)).not.toContain(fx.internal.published.title);
  });
});

describe('editorial reading routes refuse outsiders on a real article', () => {
  // Ouderenpsychiatrie: Fatima writes there (author-role member), Noor leads it; Joost writes for
  // other networks only, Daan is an employee outside it, Eva a partner.
  const networkId = 'ouderenpsychiatrie';
  const word = uniqueWord('buitenstaander');
  let art: { id: string; slug: string; oldSlug: string; title: string };
  let draftId: string;
  let who: Record<'writer' | 'lead' | 'partner' | 'employee' | 'otherAuthor', string>;

  beforeAll(async () => {
    who = {
      writer: await tokens.lead(),
      lead: await tokens.employee(),
      partner: await tokens.partner(),
      employee: await tokens.employee2(),
      otherAuthor: await tokens.author(),
    };
    const title = `Intern ouderen ${word}`;
    const first = await publishArticle({ title, audience: 'internal', networkId, markdown: `Eerste ${word}.` }, { author: who.writer, lead: who.lead });
    const next = await publishNextVersion(first.id, { slug: `${first.slug}-nieuw`, markdown: `Tweede ${word}.` }, { author: who.writer, lead: who.lead });
    art = { id: first.id, slug: next.slug, oldSlug: first.slug, title };
    const draft = await createArticle(who.writer, { title: `Concept ouderen ${word}`, audience: 'internal', networkId });
    expect(draft.status).toBe(201);
    draftId = draft.data.article.id;
  });

  const requests = () => [
    { name: 'network article list (with drafts)', path: `/api/networks/${networkId}/articles`, ok: (d: any) => expect(d.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([art.id, draftId])) },
    { name: 'edit view', path: `/api/articles/${art.id}`, ok: (d: any) => expect(d.article.id).toBe(art.id) },
    { name: 'edit view of a draft', path: `/api/articles/${draftId}`, ok: (d: any) => expect(d.draft.title).toContain('Concept ouderen') },
    { name: 'history', path: `/api/articles/${art.id}/versions`, ok: (d: any) => expect(d.versions).toHaveLength(2) },
    { name: 'one version', path: `/api/articles/${art.id}/versions/1`, ok: (d: any) => expect(d.markdown).toBe(`Eerste ${word}.`) },
    { name: 'diff', path: `/api/articles/${art.id}/diff?from=1&to=2`, ok: (d: any) => expect(d.hunks.length).toBeGreaterThan(0) },
  ];

  /**
   * A reader who may read the article is told they lack the rights (403); one who may not see it
   * at all (a partner on an internal article, anyone on an unpublished draft) learns nothing (404).
   */
  const refusalFor = (outsider: 'partner' | 'employee' | 'otherAuthor', r: { name: string; path: string }) =>
    r.path.startsWith('/api/networks/') ? 403 : outsider === 'partner' || r.name === 'edit view of a draft' ? 404 : 403;

  for (const outsider of ['partner', 'employee', 'otherAuthor'] as const) {
    it(`refuses ${outsider} what the network's writer and lead get on the same request`, async () => {
      for (const r of requests()) {
        const refused = await api(r.path, { token: who[outsider] });
        expect(refused.status, r.name).toBe(refusalFor(outsider, r));
        expect(JSON.stringify(refused.data), r.name).not.toContain(word);
        for (const allowed of ['writer', 'lead'] as const) {
          const res = await api(r.path, { token: who[allowed] });
          expect(res.status, `${r.name} as ${allowed}`).toBe(200);
          r.ok(res.data);
        }
      }
    });
  }

  it('gives a reader who may not see the article no redirect from its old slug, and one who may the 301', async () => {
    for (const [reader, token] of [['partner', who.partner], ['anonymous', undefined]] as const) {
      const res = await api(`/api/articles/by-slug/${art.oldSlug}`, { token, redirect: 'manual' });
      expect(res.status, reader).toBe(hidden(reader));
      expect(res.headers.get('location'), reader).toBeNull();
      expect(JSON.stringify(res.data), reader).not.toContain(art.slug);
      // Exactly what the article's current slug answers this reader.
      expect((await api(`/api/articles/by-slug/${art.slug}`, { token, redirect: 'manual' })).status, reader).toBe(res.status);
    }
    // Signed in without access: indistinguishable from a slug that never existed.
    expect((await api(`/api/articles/by-slug/${art.oldSlug}`, { token: who.partner })).status).toBe((await api(`/api/articles/by-slug/nooit-${word}`, { token: who.partner })).status);
    for (const reader of ['employee', 'otherAuthor'] as const) {
      const res = await api(`/api/articles/by-slug/${art.oldSlug}`, { token: who[reader], redirect: 'manual' });
      expect(res.status, reader).toBe(301);
      expect(res.headers.get('location'), reader).toBe(`/api/articles/by-slug/${art.slug}`);
    }
  });
});

describe('modules beside an article', () => {
  /** Who may join which enrolment audience (the academy's rule, for this check). */
  const joins: Record<'anonymous' | 'partner' | 'employee', Array<'employees' | 'partners' | 'public'>> = {
    anonymous: ['public'],
    partner: ['partners', 'public'],
    employee: ['employees', 'partners', 'public'],
  };

  it('offers each reader only modules they may join, the reading module that assigns the article first', async () => {
    const admin = await tokens.admin();
    const word = uniqueWord('naastmodule');
    const theme = `thema-${word}`;
    const art = await publishArticle({ title: `Artikel met modules ${word}`, audience: 'public', themes: [theme] });
    const mod = async (title: string, enrolAudience: 'employees' | 'partners' | 'public', extra: Record<string, unknown> = {}) => {
      const res = await api('/api/modules', {
        method: 'POST',
        token: admin,
        json: { kind: 'elearning', title: `${title} ${word}`, description: 'Een module voor de test.', durationMinutes: 30, enrolAudience, status: 'published', themes: [theme], ...extra },
      });
      expect(res.status, JSON.stringify(res.data)).toBe(201);
      return { id: res.data.id as string, enrolAudience };
    };
    const reading = await mod('Lezen', 'employees', { kind: 'reading', articleSlug: art.slug });
    const ours = [reading, await mod('Alleen medewerkers', 'employees'), await mod('Ook partners', 'partners'), await mod('Voor iedereen', 'public')];

    const readerTokens = { anonymous: undefined, partner: await tokens.partner(), employee: await tokens.employee() };
    for (const [reader, token] of Object.entries(readerTokens) as Array<[keyof typeof joins, string | undefined]>) {
      const res = await api(`/api/articles/by-slug/${art.slug}`, { token });
      expect(res.status).toBe(200);
      const offered: string[] = res.data.relatedModules.map((m: { id: string }) => m.id);
      // Ours share the article's theme, so they rank above anything else; exactly those the reader may join.
      const expected = ours.filter((m) => joins[reader].includes(m.enrolAudience)).map((m) => m.id);
      expect(offered.filter((id) => ours.some((m) => m.id === id)).sort(), reader).toEqual([...expected].sort());
      if (joins[reader].includes('employees')) expect(offered[0], reader).toBe(reading.id);
      // Whatever else is offered, the reader may open it.
      for (const id of offered) expect((await api(`/api/modules/${id}`, { token })).status, `${reader} ${id}`).toBe(200);
      // A public article read by a signed-in reader carries their own related items: never shared.
      expect(res.headers.get('cache-control'), reader).toBe(token ? 'private, no-store' : 'public, max-age=60');
    }
  });
});
