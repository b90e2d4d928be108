import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, syntheticEmployees, unique } from '../support/learning';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { keys } from '../../functions/src/platform/store/keys';

/**
 * Certificates end to end through the API: complete a module, download its certificate (issued
 * once, a real PDF with name and code), verify it publicly (name, title and date only), revoke it
 * (then verify says so), and nobody else's certificate is reachable. Then the PE-online attendance
 * export for an accredited course edition.
 */
const vvn = 'V&VN Kwaliteitsregister';

async function pdfOf(path: string, token?: string) {
  const res = await fetch(`${stack().appUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function learner(prefix: string) {
  const [l] = await syntheticEmployees(1, prefix);
  // The first /api/me creates the profile (name) that exports read.
  expect((await api('/api/me', { token: l!.token })).status).toBe(200);
  return l!;
}

describe('certificates', () => {
  it('issues one certificate per completion as a PDF with name and code, which anyone can verify until the academy revokes it', async () => {
    const admin = await tokenFor(demo.admin);
    const course = `VVN-${unique()}`;
    const m = await createModule(admin, { kind: 'external', title: `Certificaat extern ${unique()}`, provider: 'Trimbos-instituut', accreditation: [{ register: vvn, points: 4, accreditationNumber: course, edition: `${course}-E1` }] });
    const l = await learner('u-cert');

    // Not completed: nothing to download, and the list does not offer it.
    expect((await pdfOf(`/api/me/certificates/module/${m.id}.pdf`, l.token)).status).toBe(404);
    expect((await api('/api/me/certificates', { token: l.token })).data.items.some((i: { targetId: string }) => i.targetId === m.id)).toBe(false);

    expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: l.token, json: { evidence: 'Bewijs nr. 12' } })).status).toBe(200);
    const before = (await api('/api/me/certificates', { token: l.token })).data.items.find((i: { targetId: string }) => i.targetId === m.id);
    expect(before).toMatchObject({ kind: 'module', title: expect.stringContaining('Certificaat extern'), points: [{ register: vvn, points: 4, accreditationNumber: course, edition: `${course}-E1` }], pdf: `/api/me/certificates/module/${m.id}.pdf` });
    expect(before.certificate).toBeUndefined();

    // Downloaded twice at once: one certificate, the same code.
    const [a, b] = await Promise.all([pdfOf(before.pdf, l.token), pdfOf(before.pdf, l.token)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.type).toBe('application/pdf');
    expect(a.disposition).toContain('attachment');
    const doc = await PDFDocument.load(a.bytes);
    const after = (await api('/api/me/certificates', { token: l.token })).data.items.find((i: { targetId: string }) => i.targetId === m.id);
    const code: string = after.certificate.code;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(doc.getTitle()).toContain('Deelnemer 0');
    expect(doc.getSubject()).toContain(code);
    expect(doc.getKeywords()).toContain(code);
    expect((await PDFDocument.load(b.bytes)).getKeywords()).toContain(code);

    // Public verification: no sign-in, only name, title and date.
    const valid = await api(`/api/certificates/${code}`);
    expect(valid.status).toBe(200);
    expect(Object.keys(valid.data).sort()).toEqual(['code', 'completedAt', 'name', 'status', 'title']);
    expect(valid.data).toMatchObject({ status: 'valid', code, name: 'Deelnemer 0', title: before.title, completedAt: before.completedAt });
    expect((await api(`/api/certificates/${code.toLowerCase().replace(/-/g, '')}`)).data.status).toBe('valid');
    expect((await api('/api/certificates/AAAAA-AAAAA-AAAAA')).status).toBe(404);
    expect((await api('/api/certificates/not-a-code')).status).toBe(404);

    // Someone else cannot reach it: the same path is their own (not completed) certificate.
    const other = await learner('u-cert-other');
    expect((await pdfOf(before.pdf, other.token)).status).toBe(404);
    // A partner has no portfolio; anonymous callers sign in first.
    expect((await pdfOf(before.pdf, await tokenFor(demo.partner))).status).toBe(404);
    expect((await pdfOf(before.pdf)).status).toBe(401);

    // The academy lists it (newest first) and revokes it once.
    const list = await api('/api/certificates?limit=100', { token: admin });
    expect(list.status).toBe(200);
    expect(list.data.items.find((c: { code: string }) => c.code === code)).toMatchObject({ userId: l.id, targetId: m.id, kind: 'module' });
    expect((await api(`/api/certificates/${code}/revoke`, { method: 'POST', token: l.token, json: { reason: 'Zelf intrekken' } })).status).toBe(403);
    expect((await api(`/api/certificates/${code}/revoke`, { method: 'POST', token: admin, json: { reason: '' } })).status).toBe(400);
    const revoked = await api(`/api/certificates/${code}/revoke`, { method: 'POST', token: admin, json: { reason: 'Bewijsstuk bleek onjuist' } });
    expect(revoked.status).toBe(200);
    expect(revoked.data).toMatchObject({ revokedBy: { id: demo.admin }, revokeReason: 'Bewijsstuk bleek onjuist' });
    expect((await api(`/api/certificates/${code}/revoke`, { method: 'POST', token: admin, json: { reason: 'Nogmaals' } })).status).toBe(409);
    const verified = await api(`/api/certificates/${code}`);
    expect(verified.data).toMatchObject({ status: 'revoked', name: 'Deelnemer 0', revokedAt: revoked.data.revokedAt });
    // The learner sees it revoked, and the PDF is no longer handed out.
    expect((await api('/api/me/certificates', { token: l.token })).data.items.find((i: { targetId: string }) => i.targetId === m.id).certificate.revokedAt).toBe(revoked.data.revokedAt);
    expect((await pdfOf(before.pdf, l.token)).status).toBe(409);

    // The completion was taken back and the module completed again later (as attendance corrected to
    // absent, then another session): that completion gets a certificate of its own; the revoked one stays revoked.
    const store = buildDeps(loadConfig(stack().env)).store;
    const later = new Date().toISOString();
    await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: keys.learnerModule(l.id, m.id), UpdateExpression: 'SET completedAt = :at', ExpressionAttributeValues: { ':at': later } }));
    const again = await pdfOf(before.pdf, l.token);
    expect(again.status).toBe(200);
    const renewed = (await api('/api/me/certificates', { token: l.token })).data.items.find((i: { targetId: string }) => i.targetId === m.id).certificate;
    expect(renewed.code).not.toBe(code);
    expect(renewed.revokedAt).toBeUndefined();
    expect((await api(`/api/certificates/${encodeURIComponent(renewed.code)}`)).data).toMatchObject({ status: 'valid' });
    expect((await api(`/api/certificates/${code}`)).data).toMatchObject({ status: 'revoked' });
  });

  it('issues a certificate for a completed path, with the points of its steps, once the path is complete', async () => {
    const admin = await tokenFor(demo.admin);
    const u = unique();
    const step = (title: string, points: number) => createModule(admin, { kind: 'external', title: `${title} ${u}`, provider: 'Trimbos-instituut', accreditation: [{ register: vvn, points, accreditationNumber: `VVN-${title}-${u}` }] });
    const [a, b] = [await step('Padstap een', 2), await step('Padstap twee', 3)];
    const path = await api('/api/paths', { method: 'POST', token: admin, json: { title: `Certificaatpad ${u}`, description: 'Twee externe stappen.', minOptional: 0, steps: [{ id: 's1', moduleId: a.id, required: true, unlockAfter: [] }, { id: 's2', moduleId: b.id, required: true, unlockAfter: [] }] } });
    expect(path.status, JSON.stringify(path.data)).toBe(201);
    const l = await learner('u-cert-path');
    const pdfPath = `/api/me/certificates/path/${path.data.id}.pdf`;
    expect((await api(`/api/paths/${path.data.id}/enrol`, { method: 'POST', token: l.token })).status).toBe(201);
    expect((await api(`/api/modules/${a.id}/complete`, { method: 'POST', token: l.token, json: { evidence: 'Bewijs A' } })).status).toBe(200);
    // Half the path: no path certificate yet.
    expect((await pdfOf(pdfPath, l.token)).status).toBe(404);
    expect((await api(`/api/modules/${b.id}/complete`, { method: 'POST', token: l.token, json: { evidence: 'Bewijs B' } })).status).toBe(200);

    const item = (await api('/api/me/certificates', { token: l.token })).data.items.find((i: { kind: string; targetId: string }) => i.kind === 'path' && i.targetId === path.data.id);
    expect(item).toMatchObject({ title: `Certificaatpad ${u}`, points: [{ register: vvn, points: 5 }], pdf: pdfPath });
    const pdf = await pdfOf(pdfPath, l.token);
    expect(pdf.status).toBe(200);
    const doc = await PDFDocument.load(pdf.bytes);
    const code = (await api('/api/me/certificates', { token: l.token })).data.items.find((i: { kind: string; targetId: string }) => i.kind === 'path' && i.targetId === path.data.id).certificate.code as string;
    expect(doc.getTitle()).toContain('Deelnemer 0');
    expect(doc.getKeywords()).toContain(code);
    expect((await api(`/api/certificates/${code}`)).data).toMatchObject({ status: 'valid', title: `Certificaatpad ${u}` });
  });

  it('pages through all certificates with a cursor, newest first, and refuses a made-up cursor', async () => {
    const admin = await tokenFor(demo.admin);
    const l = await learner('u-cert-pages');
    for (let i = 0; i < 2; i++) {
      const m = await createModule(admin, { kind: 'external', title: `Certificaat pagina ${i} ${unique()}`, provider: 'Trimbos-instituut' });
      expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: l.token, json: { evidence: 'Bewijs' } })).status).toBe(200);
      expect((await pdfOf(`/api/me/certificates/module/${m.id}.pdf`, l.token)).status).toBe(200);
    }
    const first = await api('/api/certificates?limit=1', { token: admin });
    expect(first.status).toBe(200);
    expect(first.data.items).toHaveLength(1);
    expect(first.data.next).toEqual(expect.any(String));
    const second = await api(`/api/certificates?limit=1&cursor=${first.data.next}`, { token: admin });
    expect(second.status).toBe(200);
    expect(second.data.items).toHaveLength(1);
    expect(second.data.items[0].code).not.toBe(first.data.items[0].code);
    expect(second.data.items[0].issuedAt <= first.data.items[0].issuedAt).toBe(true);
    expect((await api('/api/certificates?cursor=bm90LWEtY3Vyc29y', { token: admin })).status).toBe(400);
  });
});

describe('PE-online attendance export', () => {
  it('lists every learner who completed the accredited course edition, with the columns PE-online needs', async () => {
    const admin = await tokenFor(demo.admin);
    const course = `VVN-${unique()}`;
    const m = await createModule(admin, { kind: 'external', title: `Presentie extern ${unique()}`, provider: 'Trimbos-instituut', accreditation: [{ register: vvn, points: 2.5, accreditationNumber: course, edition: 'E1' }, { register: 'Registerplein', points: 1 }] });
    const a = await learner('u-pe-a');
    const b = await learner('u-pe-b');
    const notDone = await learner('u-pe-c');
    for (const l of [a, b]) expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: l.token, json: { evidence: 'Bewijs' } })).status).toBe(200);
    // Learner a has a registration with the register (the portfolio's registrations); b has none.
    const example = (await api('/api/registers/vvn-kwaliteitsregister', { token: a.token })).data.registrationNumberExample as string;
    const registered = await api('/api/me/portfolio/registrations', { method: 'POST', token: a.token, json: { registerId: 'vvn-kwaliteitsregister', registrationNumber: example, cycleStart: '2024-01-01' } });
    expect(registered.status, JSON.stringify(registered.data)).toBe(201);
    expect((await api(`/api/modules/${m.id}/enrol`, { method: 'POST', token: notDone.token })).status).toBe(201);

    const url = `/api/academy/accreditation/attendance.csv?register=${encodeURIComponent(vvn)}&course=${course}&edition=E1`;
    const res = await api(url, { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`presentie-${course}-E1.csv`);
    const bytes = new Uint8Array(await (await fetch(`${stack().appUrl}${url}`, { headers: { authorization: `Bearer ${admin}` } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, so Excel reads the accents
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Registratienummer;Naam;Datum afronding;Cursus-id (accreditatienummer);Editie-id;Punten;Controle');
    expect(lines).toHaveLength(3);
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()).replace(/\//g, '-');
    const rows = lines.slice(1).map((line) => line.split(';'));
    for (const cells of rows) {
      expect(cells).toHaveLength(7);
      expect(cells[1]).toBe('Deelnemer 0');
      expect(cells.slice(2, 6)).toEqual([today, course, 'E1', '2,5']);
    }
    // One row with a's number (nothing flagged), one without a number and flagged.
    expect(rows.map((c) => [c[0], c[6]]).sort()).toEqual([['', 'geen registratienummer'], [example, '']]);

    // Another edition, or a period before today, has nobody; English uses `,` and a decimal point.
    expect((await api(`/api/academy/accreditation/attendance.csv?register=${encodeURIComponent(vvn)}&course=${course}&edition=E2`, { token: admin })).data.trim().split(/\r?\n/)).toHaveLength(1);
    expect((await api(`/api/academy/accreditation/attendance.csv?register=${encodeURIComponent(vvn)}&course=${course}&to=2020-01-01`, { token: admin })).data.trim().split(/\r?\n/)).toHaveLength(1);
    const en = await api(url, { token: admin, headers: { 'accept-language': 'en' } });
    expect(en.data.split('\r\n').some((line: string) => /,2\.5,no registration number$/.test(line))).toBe(true);
    // The register by its id gives the same list.
    expect((await api(`/api/academy/accreditation/attendance.csv?register=vvn-kwaliteitsregister&course=${course}&edition=E1`, { token: admin })).data).toBe(res.data);
    // Only the academy; a period the wrong way round is refused.
    expect((await api(url, { token: a.token })).status).toBe(403);
    expect((await api(`${url}&from=2026-02-01&to=2026-01-01`, { token: admin })).status).toBe(400);
  });
});
