import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { publishArticle, tokens, uniqueWord } from '../support/knowledge';

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
    const tooLong = await api(`/api/articles/by-slug/${slug}/signals`, { method: 'POST', token: partner, json: { useful: false, remark: 'x'.repeat(2001) } });
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
});
