import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { publishArticle, tokens, uniqueWord } from '../support/knowledge';

/** The longest remark a reader may leave (SignalInputSchema). */
const maxRemark = 2_000;

describe('feedback signals', () => {
  it('goes from reader to network and back: open, answered, visible to the reader, counted', async () => {
    const [author, lead, employee, partner] = await Promise.all([tokens.author(), tokens.lead(), tokens.employee(), tokens.partner()]);
    const { id, slug } = await publishArticle({ title: `Signalen ${uniqueWord()}`, audience: 'partners' });

    expect((await api(`/api/articles/by-slug/${slug}/signals`, { method: 'POST', json: { useful: true } })).status).toBe(401);
    const vote = await api(`/api/articles/by-slug/${slug}/signals`, { method: 'POST', token: employee, json: { useful: true } });
    expect(vote.status).toBe(201);
    expect(vote.data.status).toBe('closed');
    const question = await api(`/api/articles/by-slug/${slug}/signals`, {
      method: 'POST',
      token: partner,
      json: { useful: false, remark: 'Geldt dit ook voor jongeren onder de 18?' },
    });
    expect(question.status).toBe(201);
    expect(question.data.status).toBe('open');
    const tooLong = await api(`/api/articles/by-slug/${slug}/signals`, { method: 'POST', token: partner, json: { useful: false, remark: 'x'.repeat(maxRemark + 1) } });
    expect(tooLong.status).toBe(400);

    const counts = (await api(`/api/articles/${id}`, { token: author })).data.article;
    expect(counts).toMatchObject({ useful: 1, notUseful: 1, openSignals: 1 });

    const open = await api('/api/networks/suicidepreventie/signals', { token: author });
    expect(open.data.map((s: { id: string }) => s.id)).toContain(question.data.id);
    expect(open.data.map((s: { id: string }) => s.id)).not.toContain(vote.data.id);
    expect((await api('/api/networks/suicidepreventie/signals', { token: partner })).status).toBe(403);
    expect((await api(`/api/articles/${id}/signals/${question.data.id}/answer`, { method: 'POST', token: employee, json: { answer: 'Ja' } })).status).toBe(403);

    const answered = await api(`/api/articles/${id}/signals/${question.data.id}/answer`, {
      method: 'POST',
      token: lead,
      json: { answer: 'Ja, met aanvullende aandacht voor ouders; we voegen een alinea toe.' },
    });
    expect(answered.status).toBe(200);
    expect(answered.data).toMatchObject({ status: 'closed', answeredBy: { id: 'u-fatima-el-amrani' } });
    expect((await api(`/api/articles/${id}/signals/${question.data.id}/answer`, { method: 'POST', token: lead, json: { answer: 'Nogmaals' } })).status).toBe(409);

    const mine = await api('/api/me/signals', { token: partner });
    const back = mine.data.find((s: { id: string }) => s.id === question.data.id);
    expect(back.answer).toBe('Ja, met aanvullende aandacht voor ouders; we voegen een alinea toe.');
    expect((await api('/api/networks/suicidepreventie/signals', { token: author })).data.map((s: { id: string }) => s.id)).not.toContain(question.data.id);
    expect((await api(`/api/articles/${id}`, { token: author })).data.article).toMatchObject({ useful: 1, notUseful: 1, openSignals: 0 });
  });

  it('leaves the signals of a network to its own writers: outsiders are refused what a member author gets on the same request', async () => {
    // Ouderenpsychiatrie: Fatima writes there, Noor leads it; Joost writes for other networks only.
    const networkId = 'ouderenpsychiatrie';
    const [writer, lead, partner, employee, otherAuthor] = await Promise.all([tokens.lead(), tokens.employee(), tokens.partner(), tokens.employee2(), tokens.author()]);
    const { id, slug } = await publishArticle({ title: `Signalen ouderen ${uniqueWord()}`, audience: 'partners', networkId }, { author: writer, lead });
    const question = await api(`/api/articles/by-slug/${slug}/signals`, { method: 'POST', token: partner, json: { useful: false, remark: 'Hoe zit het met thuiswonende ouderen?' } });
    expect(question.status).toBe(201);

    for (const [who, token] of [['partner', partner], ['employee outside the network', employee], ['author of another network', otherAuthor]] as const) {
      const list = await api(`/api/networks/${networkId}/signals`, { token });
      expect(list.status, who).toBe(403);
      expect(JSON.stringify(list.data), who).not.toContain(question.data.id);
      expect((await api(`/api/articles/${id}/signals/${question.data.id}/answer`, { method: 'POST', token, json: { answer: 'Niet aan mij' } })).status, who).toBe(403);
    }
    expect((await api(`/api/networks/${networkId}/signals`)).status).toBe(401);

    // The same requests by the network's own author succeed; the refused answers changed nothing.
    const listed = await api(`/api/networks/${networkId}/signals`, { token: writer });
    expect(listed.status).toBe(200);
    expect(listed.data.find((s: { id: string }) => s.id === question.data.id)).toMatchObject({ status: 'open' });
    const answered = await api(`/api/articles/${id}/signals/${question.data.id}/answer`, { method: 'POST', token: writer, json: { answer: 'Ook voor hen.' } });
    expect(answered.status).toBe(200);
    expect(answered.data).toMatchObject({ answer: 'Ook voor hen.', answeredBy: { id: 'u-fatima-el-amrani' } });
  });
});
