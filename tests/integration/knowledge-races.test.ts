import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { createArticle, publishArticle, submitArticle, tokens, uniqueWord } from '../support/knowledge';

/**
 * Two people acting on the same thing at the same moment: the store's conditions decide, exactly
 * one wins, the other gets a 409, and nothing is counted or written twice.
 */
describe('knowledge races', () => {
  it('lets exactly one of a lead and the academy publish the same in-review draft', async () => {
    const [lead, admin] = await Promise.all([tokens.lead(), tokens.admin()]);
    // A few rounds, so an interleaving that slips through one round is caught in another.
    const rounds = await Promise.all(
      [1, 2, 3].map(async (round) => {
        const { id, revision } = await submitArticle({ title: `Gelijktijdig publiceren ${round} ${uniqueWord()}`, audience: 'internal' });
        const publish = (token: string, note: string) => api(`/api/articles/${id}/publish`, { method: 'POST', token, json: { expectedRevision: revision, note } });
        const results = await Promise.all([publish(lead, 'Door de leidend expert'), publish(admin, 'Door de academie')]);
        return { id, results };
      }),
    );
    for (const { id, results } of rounds) {
      expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.data))).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!;
      expect(winner.data.version).toBe(1);
      const history = await api(`/api/articles/${id}/versions`, { token: lead });
      expect(history.data.versions).toHaveLength(1);
      expect(history.data.versions[0].note).toBe(results[0].status === 200 ? 'Door de leidend expert' : 'Door de academie');
      expect(history.data.article).toMatchObject({ publishedVersion: 1, hasDraft: false });
    }
  });

  it('lets exactly one of two network members answer the same reader signal; the open count drops by one', async () => {
    const [author, lead, partner, employee] = await Promise.all([tokens.author(), tokens.lead(), tokens.partner(), tokens.employee()]);
    const { id, slug } = await publishArticle({ title: `Gelijktijdig antwoorden ${uniqueWord()}`, audience: 'partners' });
    const ask = (token: string, remark: string) => api(`/api/articles/by-slug/${slug}/signals`, { method: 'POST', token, json: { useful: false, remark } });
    const question = await ask(partner, 'Geldt dit ook voor jongeren?');
    const other = await ask(employee, 'Is er een versie in het Engels?');
    expect([question.status, other.status]).toEqual([201, 201]);

    const openOf = async () => {
      const list = await api('/api/networks/suicidepreventie/signals', { token: lead });
      expect(list.status).toBe(200);
      return (list.data as Array<{ id: string; articleId: string }>).filter((s) => s.articleId === id).map((s) => s.id).sort();
    };
    const countOf = async () => (await api(`/api/articles/${id}`, { token: author })).data.article.openSignals;
    expect(await openOf()).toEqual([question.data.id, other.data.id].sort());
    expect(await countOf()).toBe(2);

    const answer = (token: string, text: string) => api(`/api/articles/${id}/signals/${question.data.id}/answer`, { method: 'POST', token, json: { answer: text } });
    const results = await Promise.all([answer(author, 'Antwoord van Joost'), answer(lead, 'Antwoord van Fatima')]);
    expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.data))).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.data;

    // One answer, the winner's, as the reader sees it.
    const mine = (await api('/api/me/signals', { token: partner })).data.find((s: { id: string }) => s.id === question.data.id);
    expect(mine).toMatchObject({ status: 'closed', answer: winner.answer, answeredBy: winner.answeredBy });
    // Down by exactly one: the other question stays open.
    expect(await openOf()).toEqual([other.data.id]);
    expect(await countOf()).toBe(1);
  });

  it('loses no article from search when several are published at the same moment', async () => {
    const [author, lead] = await Promise.all([tokens.author(), tokens.lead()]);
    const word = uniqueWord('gelijktijdig');
    const count = 8;
    const drafts = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const created = await createArticle(author, { title: `Zoekrace ${i} ${word}`, audience: 'public', markdown: `Tekst ${i} ${word}.` });
        expect(created.status).toBe(201);
        const submitted = await api(`/api/articles/${created.data.article.id}/submit`, { method: 'POST', token: author, json: { expectedRevision: 1 } });
        expect(submitted.status).toBe(200);
        return { id: created.data.article.id as string, revision: submitted.data.revision as number };
      }),
    );
    const published = await Promise.all(drafts.map((d) => api(`/api/articles/${d.id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: d.revision, note: 'Tegelijk' } })));

    // Every one of them is findable: none lost by the optimistic update of the shared index.
    const found = await api(`/api/articles?q=${word}&limit=50`);
    expect(found.data.results.map((r: { id: string }) => r.id).sort()).toEqual(drafts.map((d) => d.id).sort());
    expect(found.data.total).toBe(count);
    // And every publisher was told so: the index update is part of publishing, not a 500 after it.
    expect(published.map((p) => p.status), JSON.stringify(published.map((p) => p.data))).toEqual(drafts.map(() => 200));
  });
});
