import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { createArticle, publishArticle, tokens, uniqueWord } from '../support/knowledge';

/** The fields of a draft that a save sends back. */
const contentOf = (d: Record<string, unknown>) => ({ title: d.title, summary: d.summary, markdown: d.markdown, audience: d.audience, tags: d.tags, themes: d.themes, language: d.language });

const problem = (kind: string) => `https://academie.example/problems/${kind}`;

describe('knowledge base: write, review, publish', () => {
  it('takes an article from draft through review to an immutable published version', async () => {
    const [author, lead, employee] = await Promise.all([tokens.author(), tokens.lead(), tokens.employee()]);
    const word = uniqueWord();
    const created = await createArticle(author, { title: `Nazorg na een poging ${word}`, audience: 'internal', markdown: `Eerste tekst ${word}.` });
    expect(created.status).toBe(201);
    const { id } = created.data.article;
    const slug = created.data.article.slug;
    expect(created.data.draft).toMatchObject({ state: 'editing', revision: 1, basedOn: 0 });
    expect(created.data.draft.authors[0].id).toBe('u-joost-bakker');

    // Not readable before publication.
    expect((await api(`/api/articles/by-slug/${slug}`, { token: employee })).status).toBe(404);

    const saved = await api(`/api/articles/${id}/draft`, {
      method: 'PUT',
      token: author,
      json: { expectedRevision: 1, title: `Nazorg na een poging ${word}`, summary: 'Wat je doet in de eerste week na een poging.', markdown: `Tweede tekst ${word}.`, audience: 'internal', coAuthors: ['u-fatima-el-amrani'] },
    });
    expect(saved.status).toBe(200);
    expect(saved.data.revision).toBe(2);
    expect(saved.data.authors.map((a: { id: string }) => a.id)).toEqual(['u-joost-bakker', 'u-fatima-el-amrani']);

    // Publishing needs review first, and a lead expert.
    expect((await api(`/api/articles/${id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: 2, note: 'x' } })).status).toBe(409);
    const submitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: 2 } });
    expect(submitted.data.state).toBe('in-review');
    expect((await api(`/api/articles/${id}/publish`, { method: 'POST', token: author, json: { expectedRevision: 3, note: 'x' } })).status).toBe(403);

    // In review the text is frozen.
    const lateSave = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, json: { expectedRevision: 3, title: 'Anders', summary: 'Een andere samenvatting.', markdown: 'x', audience: 'internal' } });
    expect(lateSave.status).toBe(409);

    // The lead returns it with a comment; the author revises and resubmits.
    const returned = await api(`/api/articles/${id}/return`, { method: 'POST', token: lead, json: { expectedRevision: 3, comment: 'Graag de rol van naasten toevoegen.' } });
    expect(returned.data.state).toBe('returned');
    expect(returned.data.comments[0]).toMatchObject({ text: 'Graag de rol van naasten toevoegen.', by: { id: 'u-fatima-el-amrani' } });
    const revised = await api(`/api/articles/${id}/draft`, {
      method: 'PUT',
      token: author,
      json: { expectedRevision: 4, title: `Nazorg na een poging ${word}`, summary: 'Wat je doet in de eerste week na een poging.', markdown: `Tweede tekst ${word}.\n\nNaasten zijn bondgenoten.`, audience: 'internal' },
    });
    expect(revised.status).toBe(200);
    // A save that leaves co-authors out keeps them; only an explicit list changes them.
    expect(revised.data.authors.map((a: { id: string }) => a.id)).toEqual(['u-joost-bakker', 'u-fatima-el-amrani']);
    const unknown = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, json: { ...contentOf(revised.data), expectedRevision: 5, coAuthors: ['u-bestaat-niet'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors[0].path).toBe('coAuthors');
    // A partner (not a member of the network) never becomes an author, whatever the client sends.
    const partnerAsAuthor = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, json: { ...contentOf(revised.data), expectedRevision: 5, coAuthors: ['u-fatima-el-amrani', 'u-eva-mulder'] } });
    expect(partnerAsAuthor.status).toBe(400);
    expect(partnerAsAuthor.data.errors[0].message).toContain('u-eva-mulder');
    const resubmitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: 5 } });
    // Four eyes: Fatima leads the network but co-wrote this draft, so someone else publishes it.
    const ownDraft = await api(`/api/articles/${id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: resubmitted.data.revision, note: 'Eerste versie' } });
    expect(ownDraft.status).toBe(403);
    const published = await api(`/api/articles/${id}/publish`, { method: 'POST', token: await tokens.admin(), json: { expectedRevision: resubmitted.data.revision, note: 'Eerste versie' } });
    expect(published.status).toBe(200);
    expect(published.data.version).toBe(1);

    const read = await api(`/api/articles/by-slug/${slug}`, { token: employee });
    expect(read.status).toBe(200);
    expect(read.data.html).toContain('Naasten zijn bondgenoten.');
    expect(read.data.networkName).toBe('Expertnetwerk Suïcidepreventie');
    expect(read.data.lastReviewedBy.id).toBe('u-sanne-de-vries'); // the academy, since the lead co-wrote it
    // Due a year after publication: the same day, or the last day of the month when that day does not exist (29 February).
    const publishedOn = new Date(read.data.publishedAt);
    const [year, month] = [publishedOn.getUTCFullYear() + 1, publishedOn.getUTCMonth()];
    const day = Math.min(publishedOn.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
    const expectedReviewBy = new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
    expect(read.data.reviewBy).toBe(expectedReviewBy);

    // Editing the published article makes a new draft; readers keep seeing version 1.
    const draft = await api(`/api/articles/${id}/draft`, { method: 'POST', token: author });
    expect(draft.data).toMatchObject({ basedOn: 1, revision: 1, state: 'editing' });
    const edited = await api(`/api/articles/${id}/draft`, {
      method: 'PUT',
      token: author,
      json: { expectedRevision: 1, title: `Nazorg na een poging ${word}`, summary: 'Wat je doet in de eerste week na een poging.', markdown: `Derde tekst ${word}.\n\nNaasten zijn bondgenoten.`, audience: 'internal' },
    });
    expect(edited.status).toBe(200);
    expect((await api(`/api/articles/by-slug/${slug}`, { token: employee })).data.html).toContain('Tweede tekst');
    const sub2 = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: 2 } });
    const pub2 = await api(`/api/articles/${id}/publish`, { method: 'POST', token: await tokens.admin(), json: { expectedRevision: sub2.data.revision, note: 'Tekst aangescherpt' } });
    expect(pub2.data.version).toBe(2);
    expect((await api(`/api/articles/by-slug/${slug}`, { token: employee })).data.html).toContain('Derde tekst');

    // History and diff; version 1 is unchanged.
    const history = await api(`/api/articles/${id}/versions`, { token: author });
    expect(history.data.versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [2, 'Tekst aangescherpt'],
      [1, 'Eerste versie'],
    ]);
    expect((await api(`/api/articles/${id}/versions/1`, { token: author })).data.markdown).toContain('Tweede tekst');
    const diff = await api(`/api/articles/${id}/diff?from=1&to=2`, { token: author });
    expect(diff.data.hunks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'removed', lines: expect.arrayContaining([`Tweede tekst ${word}.`]) }),
        expect.objectContaining({ kind: 'added', lines: expect.arrayContaining([`Derde tekst ${word}.`]) }),
      ]),
    );
    // History is for the network's writers, not for every reader.
    expect((await api(`/api/articles/${id}/versions`, { token: employee })).status).toBe(403);
  });

  it('refuses a lost update: saving on an outdated revision is a 409 naming the newer revision and its author', async () => {
    const [author, lead] = await Promise.all([tokens.author(), tokens.lead()]);
    const created = await createArticle(author, { title: `Gelijktijdig bewerken ${uniqueWord()}`, audience: 'internal' });
    const id = created.data.article.id;
    const body = { title: 'Versie van Fatima', summary: 'Samenvatting van Fatima.', markdown: 'Fatima', audience: 'internal' };
    expect((await api(`/api/articles/${id}/draft`, { method: 'PUT', token: lead, json: { ...body, expectedRevision: 1 } })).status).toBe(200);
    const stale = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, json: { ...body, title: 'Versie van Joost', expectedRevision: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.data.type).toBe(problem('version-conflict'));
    expect(stale.data.currentRevision).toBe(2);
    expect(stale.data.updatedBy).toEqual({ id: 'u-fatima-el-amrani', name: 'Fatima el Amrani' });
    const kept = await api(`/api/articles/${id}`, { token: author });
    expect(kept.data.draft.title).toBe('Versie van Fatima');
  });

  it('lets exactly one of two simultaneous saves on the same revision win', async () => {
    const [author, lead] = await Promise.all([tokens.author(), tokens.lead()]);
    const created = await createArticle(author, { title: `Race ${uniqueWord()}`, audience: 'internal' });
    const id = created.data.article.id;
    const save = (token: string, title: string) =>
      api(`/api/articles/${id}/draft`, { method: 'PUT', token, json: { expectedRevision: 1, title, summary: 'Samenvatting race.', markdown: title, audience: 'internal' } });
    const results = await Promise.all([save(author, 'Joost wint'), save(lead, 'Fatima wint'), save(author, 'Joost nogmaals')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.data.title;
    expect((await api(`/api/articles/${id}`, { token: author })).data.draft).toMatchObject({ title: winner, revision: 2 });
  });

  it('keeps slugs unique, also when two articles claim one at the same moment', async () => {
    const author = await tokens.author();
    const slug = `unieke-slug-${uniqueWord()}`;
    const results = await Promise.all([
      createArticle(author, { title: 'Eerste claim', slug, audience: 'internal' }),
      createArticle(author, { title: 'Tweede claim', slug, audience: 'internal' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await createArticle(author, { title: 'Derde claim', slug, audience: 'internal' })).status).toBe(409);
  });

  it('redirects a renamed article from its old slug', async () => {
    const [author, lead, employee] = await Promise.all([tokens.author(), tokens.lead(), tokens.employee()]);
    const { id, slug } = await publishArticle({ title: `Oude titel ${uniqueWord()}`, audience: 'internal' });
    const draft = await api(`/api/articles/${id}/draft`, { method: 'POST', token: author });
    const newSlug = `${slug}-nieuw`;
    const saved = await api(`/api/articles/${id}/draft`, {
      method: 'PUT',
      token: author,
      json: { expectedRevision: draft.data.revision, title: 'Nieuwe titel', summary: 'Een nieuwe samenvatting.', markdown: 'Nieuw', audience: 'internal', slug: newSlug },
    });
    const sub = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: saved.data.revision } });
    await api(`/api/articles/${id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: sub.data.revision, note: 'Titel aangepast' } });

    const old = await api(`/api/articles/by-slug/${slug}`, { token: employee, redirect: 'manual' });
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`/api/articles/by-slug/${newSlug}`);
    const followed = await api(`/api/articles/by-slug/${slug}`, { token: employee });
    expect(followed.data.slug).toBe(newSlug);
    expect(followed.data.title).toBe('Nieuwe titel');
  });

  it('archives instead of deleting: gone for readers and search, versions kept', async () => {
    const [author, lead, employee] = await Promise.all([tokens.author(), tokens.lead(), tokens.employee()]);
    const word = uniqueWord();
    const { id, slug } = await publishArticle({ title: `Te archiveren ${word}`, audience: 'public', markdown: `Inhoud ${word}` });
    expect((await api(`/api/articles?q=${word}`)).data.total).toBe(1);
    expect((await api(`/api/articles/${id}/archive`, { method: 'POST', token: author })).status).toBe(403);
    const archived = await api(`/api/articles/${id}/archive`, { method: 'POST', token: lead });
    expect(archived.data.archived).toBe(true);
    expect((await api(`/api/articles/by-slug/${slug}`)).status).toBe(404);
    expect((await api(`/api/articles?q=${word}`, { token: employee })).data.total).toBe(0);
    expect((await api(`/api/articles/${id}/versions`, { token: author })).data.versions).toHaveLength(1);
    expect((await api(`/api/articles/${id}/draft`, { method: 'POST', token: author })).status).toBe(409);
  });

  it('only lets network authors write, and validates input per field', async () => {
    const [employee, author] = await Promise.all([tokens.employee(), tokens.author()]);
    expect((await createArticle(employee, { title: 'Geen auteur', audience: 'internal' })).status).toBe(403);
    // Joost is not a member of the trauma network.
    expect((await createArticle(author, { title: 'Niet mijn netwerk', audience: 'internal', networkId: 'trauma-en-ptss' })).status).toBe(403);
    // Anonymous callers are told to sign in before anything about their input.
    expect((await api('/api/articles', { method: 'POST', json: { title: 'x' } })).status).toBe(401);
    const bad = await api('/api/articles', { method: 'POST', token: author, json: { networkId: 'suicidepreventie', title: 'x', summary: 'kort', markdown: 'm', audience: 'geheim', slug: 'Geen Slug!' } });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['audience', 'slug', 'summary', 'title']);
    const anonymous = await api('/api/articles', { method: 'POST', json: { networkId: 'suicidepreventie', title: 'Anoniem', summary: 'Een samenvatting hier.', markdown: 'x', audience: 'public' } });
    expect(anonymous.status).toBe(401);
  });

  it('stores only sanitised HTML, in drafts, previews and published versions', async () => {
    const [author, lead] = await Promise.all([tokens.author(), tokens.lead()]);
    const markdown = '<script>alert(1)</script>\n\n[klik](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\n**vet**';
    // Markup, not text: escaped payloads may remain visible as words, but never as tags or attributes.
    const inert = (html: string) => {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
      expect(html).not.toMatch(/<[^>]*(href|src)\s*=\s*["']?\s*javascript:/i);
      expect(html).toContain('<strong>vet</strong>');
    };
    const preview = await api('/api/articles/preview', { method: 'POST', token: author, json: { markdown } });
    inert(preview.data.html);
    const created = await createArticle(author, { title: `XSS concept ${uniqueWord()}`, audience: 'internal', markdown });
    inert(created.data.draft.html);
    const { slug } = await publishArticle({ title: `XSS ${uniqueWord()}`, audience: 'public', markdown }, { author, lead });
    inert((await api(`/api/articles/by-slug/${slug}`)).data.html);
  });
});

describe('knowledge assigned as reading in the academy', () => {
  it('keeps reading modules readable: no wider audience than the article, no archive or narrowing under a module', async () => {
    const [admin, author, lead] = await Promise.all([tokens.admin(), tokens.author(), tokens.lead()]);
    const word = uniqueWord('leesstof');
    const internal = await publishArticle({ title: `Intern leesstuk ${word}`, audience: 'internal', markdown: `Intern ${word}.` });
    const open = await publishArticle({ title: `Open leesstuk ${word}`, audience: 'public', markdown: `Openbaar ${word}.` });
    const moduleInput = (slug: string, enrolAudience: string) => ({ kind: 'reading', title: `Lezen ${word} ${enrolAudience}`, description: 'Lees het artikel en bespreek het in je team.', durationMinutes: 20, enrolAudience, status: 'published', accreditation: [], articleSlug: slug });

    // An internal article cannot be the reading of a module partners may join.
    const tooWide = await api('/api/modules', { method: 'POST', token: admin, json: moduleInput(internal.slug, 'partners') });
    expect(tooWide.status).toBe(400);
    expect(tooWide.data.errors[0].path).toBe('enrolAudience');
    expect((await api('/api/modules', { method: 'POST', token: admin, json: moduleInput(internal.slug, 'employees') })).status).toBe(201);
    const publicModule = await api('/api/modules', { method: 'POST', token: admin, json: moduleInput(open.slug, 'public') });
    expect(publicModule.status).toBe(201);

    // Archiving the article under the module is refused, with the module named; nothing changes.
    const archive = await api(`/api/articles/${open.id}/archive`, { method: 'POST', token: lead });
    expect(archive.status).toBe(409);
    expect(archive.data.modules).toEqual([{ id: publicModule.data.id, title: `Lezen ${word} public`, enrolAudience: 'public' }]);
    expect((await api(`/api/articles/by-slug/${open.slug}`)).status).toBe(200);

    // So is a new version for a narrower audience; the published version stays as it was.
    const draft = await api(`/api/articles/${open.id}/draft`, { method: 'POST', token: author });
    const saved = await api(`/api/articles/${open.id}/draft`, { method: 'PUT', token: author, json: { expectedRevision: draft.data.revision, title: draft.data.title, summary: draft.data.summary, markdown: draft.data.markdown, audience: 'internal' } });
    const submitted = await api(`/api/articles/${open.id}/submit`, { method: 'POST', token: author, json: { expectedRevision: saved.data.revision } });
    const narrowed = await api(`/api/articles/${open.id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: submitted.data.revision, note: 'Alleen intern' } });
    expect(narrowed.status).toBe(409);
    expect(narrowed.data.detail).toContain(`Lezen ${word} public`);
    expect((await api(`/api/articles/by-slug/${open.slug}`)).data).toMatchObject({ audience: 'public', version: 1 });

    // Once the academy archives the module, the network may archive the article.
    const m = publicModule.data;
    const retired = await api(`/api/modules/${m.id}`, { method: 'PUT', token: admin, json: { ...moduleInput(open.slug, 'public'), expectedRev: m.rev, status: 'archived' } });
    expect(retired.status, JSON.stringify(retired.data)).toBe(200);
    expect((await api(`/api/articles/${open.id}/archive`, { method: 'POST', token: lead })).status).toBe(200);
  });

  it('still knows an article is assigned after it was renamed, by its old slug', async () => {
    const [admin, author, lead] = await Promise.all([tokens.admin(), tokens.author(), tokens.lead()]);
    const word = uniqueWord('hernoemd');
    const art = await publishArticle({ title: `Leesstuk ${word}`, audience: 'public', markdown: `Tekst ${word}.` });
    const mod = await api('/api/modules', { method: 'POST', token: admin, json: { kind: 'reading', title: `Lezen ${word}`, description: 'Lees het artikel.', durationMinutes: 10, enrolAudience: 'public', status: 'published', accreditation: [], articleSlug: art.slug } });
    expect(mod.status).toBe(201);
    const draft = await api(`/api/articles/${art.id}/draft`, { method: 'POST', token: author });
    const renamed = await api(`/api/articles/${art.id}/draft`, { method: 'PUT', token: author, json: { expectedRevision: draft.data.revision, title: draft.data.title, summary: draft.data.summary, markdown: draft.data.markdown, audience: 'public', slug: `${art.slug}-nieuw` } });
    const submitted = await api(`/api/articles/${art.id}/submit`, { method: 'POST', token: author, json: { expectedRevision: renamed.data.revision } });
    expect((await api(`/api/articles/${art.id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: submitted.data.revision, note: 'Nieuwe link' } })).status).toBe(200);

    const archive = await api(`/api/articles/${art.id}/archive`, { method: 'POST', token: lead });
    expect(archive.status).toBe(409);
    expect(archive.data.modules.map((m: { id: string }) => m.id)).toEqual([mod.data.id]);
  });

  it('refuses an article too big for one stored item with a clear 413, and keeps the draft as it was', async () => {
    const author = await tokens.author();
    const created = await createArticle(author, { title: `Groot ${uniqueWord()}`, audience: 'internal' });
    expect(created.status).toBe(201);
    const { id } = created.data.article;
    const before = (await api(`/api/articles/${id}`, { token: author })).data.draft;
    // 100,000 characters (the Markdown limit) of "<": the escaped HTML alone is 400 KB, over DynamoDB's item limit.
    const res = await api(`/api/articles/${id}/draft`, { method: 'PUT', token: author, json: { title: before.title, summary: before.summary, markdown: '<'.repeat(100_000), audience: 'internal', expectedRevision: before.revision } });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.data.errors[0]).toMatchObject({ path: 'markdown' });
    expect(res.data.detail).toMatch(/KB; het maximum is 300 KB/);
    const after = (await api(`/api/articles/${id}`, { token: author })).data.draft;
    expect({ revision: after.revision, markdown: after.markdown }).toEqual({ revision: before.revision, markdown: before.markdown });
    // The same text as a new article is refused the same way.
    expect((await createArticle(author, { title: `Groot ${uniqueWord()}`, audience: 'internal', markdown: '<'.repeat(100_000) })).status).toBe(413);
  });

  it('keeps at most 50 review comments on a draft, so comments never push it over the item limit', async () => {
    const [author, lead] = await Promise.all([tokens.author(), tokens.lead()]);
    const created = await createArticle(author, { title: `Veel rondes ${uniqueWord()}`, audience: 'internal' });
    const id = created.data.article.id as string;
    let revision = created.data.draft.revision as number;
    for (let round = 1; round <= 51; round++) {
      const submitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: revision } });
      expect(submitted.status, `submit ${round}`).toBe(200);
      const returned = await api(`/api/articles/${id}/return`, { method: 'POST', token: lead, json: { expectedRevision: submitted.data.revision, comment: `Ronde ${round}: nog niet.` } });
      if (round <= 50) {
        expect(returned.status, `return ${round}`).toBe(200);
        revision = returned.data.revision;
      } else {
        expect(returned.status).toBe(422);
        expect(returned.data.detail).toMatch(/maximaal 50 opmerkingen/);
      }
    }
    expect((await api(`/api/articles/${id}`, { token: author })).data.draft.comments).toHaveLength(50);
  });
});
