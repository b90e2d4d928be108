import { describe, expect, it } from 'vitest';
import { api, stack } from '../support/api';
import { createArticle, png, publishArticle, publishNextVersion, tokens, uniqueWord, upload } from '../support/knowledge';

describe('article attachments', () => {
  it('uploads through a presigned POST, checks the bytes, and serves the file with the article\'s visibility', async () => {
    const [author, employee, partner] = await Promise.all([tokens.author(), tokens.employee(), tokens.partner()]);
    const { id } = await publishArticle({ title: `Met afbeelding ${uniqueWord()}`, audience: 'internal' });
    const { start, complete } = await upload(author, id, { name: 'Schema veiligheidsplan.PNG', type: 'image/png', body: png });
    expect(start.data.url).toContain(stack().s3Endpoint.replace('http://', '').split(':')[1]);
    expect(complete!.status).toBe(201);
    expect(complete!.data).toMatchObject({ fileName: 'schema-veiligheidsplan.png', contentType: 'image/png', bytes: png.length });
    expect(complete!.data.markdown).toBe(`![schema-veiligheidsplan.png](${complete!.data.url})`);

    const url = complete!.data.url as string;
    // Readers get what the published version shows: publish one with the image in it.
    await publishNextVersion(id, { markdown: `Het schema:\n\n${complete!.data.markdown}` });
    const asEmployee = await fetch(`${stack().appUrl}${url}`, { headers: { authorization: `Bearer ${employee}` } });
    expect(asEmployee.status).toBe(200);
    expect(asEmployee.headers.get('content-type')).toBe('image/png');
    expect(asEmployee.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asEmployee.headers.get('cache-control')).toBe('private, no-store');
    expect(asEmployee.headers.get('vary')).toBe('Authorization');
    expect(Buffer.from(await asEmployee.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${stack().appUrl}${url}`)).status).toBe(404); // hidden answers like missing, to anonymous callers too
    expect((await fetch(`${stack().appUrl}${url}`, { headers: { authorization: `Bearer ${partner}` } })).status).toBe(404);

    const listed = await api(`/api/articles/${id}/attachments`, { token: author });
    expect(listed.data.map((a: { url: string }) => a.url)).toEqual([url]);
  });

  it('serves attachments of public articles to anyone, and of unpublished drafts only to the network\'s writers', async () => {
    const [author, employee] = await Promise.all([tokens.author(), tokens.employee()]);
    const pub = await publishArticle({ title: `Publiek met bijlage ${uniqueWord()}`, audience: 'public' });
    const a = (await upload(author, pub.id, { name: 'folder.pdf', type: 'application/pdf', body: Buffer.from('%PDF-1.4\n% test\n') })).complete!;
    expect(a.status).toBe(201);
    await publishNextVersion(pub.id, { markdown: `Download ${a.data.markdown}.` });
    const res = await fetch(`${stack().appUrl}${a.data.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="folder.pdf"');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('vary')).toBe('Authorization');

    const draft = await createArticle(author, { title: `Concept met bijlage ${uniqueWord()}`, audience: 'public' });
    const d = (await upload(author, draft.data.article.id, { name: 'x.png', type: 'image/png', body: png })).complete!;
    expect((await fetch(`${stack().appUrl}${d.data.url}`)).status).toBe(404);
    expect((await fetch(`${stack().appUrl}${d.data.url}`, { headers: { authorization: `Bearer ${employee}` } })).status).toBe(404);
    expect((await fetch(`${stack().appUrl}${d.data.url}`, { headers: { authorization: `Bearer ${author}` } })).status).toBe(200);
  });

  it('refuses wrong types, disguised content and oversized files, and keeps nothing of them', async () => {
    const [author, employee] = await Promise.all([tokens.author(), tokens.employee()]);
    const { id } = await publishArticle({ title: `Uploadcontrole ${uniqueWord()}`, audience: 'internal' });

    const html = await api(`/api/articles/${id}/attachments`, { method: 'POST', token: author, json: { fileName: 'x.html', contentType: 'text/html', bytes: 10 } });
    expect(html.status).toBe(400);
    expect(html.data.errors[0].path).toBe('contentType');
    const big = await api(`/api/articles/${id}/attachments`, { method: 'POST', token: author, json: { fileName: 'x.png', contentType: 'image/png', bytes: 5 * 1024 * 1024 } });
    expect(big.status).toBe(400);
    expect((await api(`/api/articles/${id}/attachments`, { method: 'POST', token: employee, json: { fileName: 'x.png', contentType: 'image/png', bytes: 10 } })).status).toBe(403);

    // Declared PNG, actually a script: refused on its first bytes.
    const disguised = await upload(author, id, { name: 'plaatje.png', type: 'image/png', body: Buffer.from('<script>alert(1)</script>') });
    expect(disguised.complete!.status).toBe(422);
    // Declared small, sent large: s3rver does not enforce the policy, the API does.
    const oversized = Buffer.concat([png, Buffer.alloc(4 * 1024 * 1024 + 10)]);
    const tooLarge = await upload(author, id, { name: 'groot.png', type: 'image/png', body: oversized, declared: 100 });
    expect(tooLarge.complete!.status).toBe(422);
    // Completing twice, or before uploading, is refused.
    expect((await api(`/api/articles/${id}/attachments/${disguised.start.data.uploadId}/complete`, { method: 'POST', token: author })).status).toBe(404);
    const early = await api(`/api/articles/${id}/attachments`, { method: 'POST', token: author, json: { fileName: 'later.png', contentType: 'image/png', bytes: 10 } });
    expect((await api(`/api/articles/${id}/attachments/${early.data.uploadId}/complete`, { method: 'POST', token: author })).status).toBe(409);

    expect((await api(`/api/articles/${id}/attachments`, { token: author })).data).toEqual([]);
  });
});
