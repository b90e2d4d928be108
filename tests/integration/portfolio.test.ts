import { beforeAll, describe, expect, it } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { PDFDocument } from 'pdf-lib';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients, type StoreClients } from '../../functions/src/platform/store/clients';
import { erasePortfolio, portfolioDataOf, registerProgressOf } from '../../functions/src/portfolio';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, syntheticEmployees, unique } from '../support/learning';

/**
 * The portfolio core against the real stack: entries appear after a real completion, external
 * learning with evidence straight to S3, registrations checked against the register's format,
 * progress and suggestions, rules edited by the academy recalculating everyone's totals, the CSV and
 * PDF exports, and that nobody but the learner reaches any of it.
 */

const pdfBytes = Buffer.from('%PDF-1.7\n% Certificaat congres\n1 0 obj << >> endobj\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082', 'hex');

let clients: StoreClients | undefined;
const store = () => (clients ??= createStoreClients(loadConfig(stack().env)));
const objectsUnder = async (prefix: string) => ((await store().s3.send(new ListObjectsV2Command({ Bucket: store().buckets.attachments, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!);

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const daysAgo = (n: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() - n * 86_400_000));

async function uploadEvidence(token: string, entryId: string, file: { name: string; type: string; body: Buffer }) {
  const start = await api(`/api/me/portfolio/entries/${entryId}/evidence`, { method: 'POST', token, json: { fileName: file.name, contentType: file.type, bytes: file.body.length } });
  expect(start.status, JSON.stringify(start.data)).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.body)], { type: file.type }), file.name);
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return api(`/api/me/portfolio/entries/${entryId}/evidence/${start.data.uploadId}/complete`, { method: 'POST', token });
}

const u = unique();
const register = {
  id: `test-register-${u}`,
  name: `Testregister ${u}`,
  description: 'Een register voor de test.',
  unit: 'points',
  cycleYears: 5,
  requiredTotal: 10,
  minimumAccredited: 4,
  categories: [{ id: 'overig', name: 'Overig', cap: 1 }],
  registrationNumberPattern: '^\\d{11}$',
  registrationNumberExample: '19012345601',
};
let admin: string;
let learner: { id: string; token: string };
let completedModule: string;
let suggestedModule: string;

beforeAll(async () => {
  admin = await tokenFor(demo.admin);
  [learner] = (await syntheticEmployees(1, 'u-portfolio')) as [{ id: string; token: string }];
  const created = await api('/api/registers', { method: 'POST', token: admin, json: register });
  expect(created.status, JSON.stringify(created.data)).toBe(201);
  completedModule = (await createModule(admin, { kind: 'external', provider: 'Trimbos-instituut', title: `Extern geaccrediteerd ${u}`, accreditation: [{ register: register.name, points: 3, accreditationNumber: `ACC-${u}` }] })).id;
  suggestedModule = (await createModule(admin, { kind: 'external', provider: 'Trimbos-instituut', title: `Nog te volgen ${u}`, accreditation: [{ register: register.name, points: 5 }] })).id;
  const done = await api(`/api/modules/${completedModule}/complete`, { method: 'POST', token: learner.token, json: { evidence: 'Certificaat nr. 8812' } });
  expect(done.status, JSON.stringify(done.data)).toBe(200);
});

describe('registers', () => {
  it('are seeded with the names module accreditation uses, and readable by employees', async () => {
    const res = await api('/api/registers', { token: learner.token });
    expect(res.status).toBe(200);
    const names = (res.data as Array<{ name: string }>).map((r) => r.name);
    for (const name of ['V&VN Kwaliteitsregister', 'BIG-herregistratie', 'FGzPt', 'NIP (Nederlands Instituut van Psychologen)', 'NVvP (accreditatie psychiaters)', 'Registerplein', 'SKJ']) expect(names).toContain(name);
    const big = (res.data as Array<{ id: string; registrationNumberPattern: string; unit: string }>).find((r) => r.id === 'big-herregistratie')!;
    expect(big).toMatchObject({ unit: 'hours', registrationNumberPattern: '^\\d{11}$' });
  });

  it('only the academy manages them; a stale revision is refused; the name stays', async () => {
    expect((await api('/api/registers', { method: 'POST', token: learner.token, json: { ...register, id: `x-${u}`, name: `X ${u}` } })).status).toBe(403);
    const bad = await api('/api/registers', { method: 'POST', token: admin, json: { ...register, id: `y-${u}`, name: `Y ${u}`, registrationNumberPattern: '(' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data.errors)).toContain('registrationNumberPattern');
    expect((await api('/api/registers', { method: 'POST', token: admin, json: { ...register, id: `z-${u}` } })).status).toBe(409); // same name
    const stale = await api(`/api/registers/${register.id}`, { method: 'PUT', token: admin, json: { ...register, id: undefined, name: undefined, rev: 99 } });
    expect(stale.status).toBe(409);
  });
});

describe('a learner’s portfolio', () => {
  it('shows a real completion with its frozen accreditation, computed on read', async () => {
    const res = await api('/api/me/portfolio', { token: learner.token });
    expect(res.status).toBe(200);
    const entry = (res.data.entries as Array<{ id: string }>).find((e) => e.id === `module:${completedModule}`);
    expect(entry).toMatchObject({ source: 'module', kind: 'external', points: [{ register: register.name, amount: 3, accredited: true, accreditationNumber: `ACC-${u}` }], date: today() });
    expect(res.data.registers.map((r: { id: string }) => r.id)).toContain(register.id);
  });

  it('checks a registration number against the register’s format, in the reader’s language', async () => {
    const nl = await api('/api/me/portfolio/registrations', { method: 'POST', token: learner.token, json: { registerId: register.id, registrationNumber: '12345', cycleStart: daysAgo(400) } });
    expect(nl.status).toBe(422);
    expect(nl.data.errors[0]).toMatchObject({ path: 'registrationNumber' });
    expect(nl.data.detail).toContain('Dit is geen geldig registratienummer');
    const en = await api('/api/me/portfolio/registrations', { method: 'POST', token: learner.token, headers: { 'accept-language': 'en' }, json: { registerId: register.id, registrationNumber: '1234567890a', cycleStart: daysAgo(400) } });
    expect(en.status).toBe(422);
    expect(en.data.detail).toContain('not a valid registration number');
    const ok = await api('/api/me/portfolio/registrations', { method: 'POST', token: learner.token, json: { registerId: register.id, registrationNumber: '19012345601', cycleStart: daysAgo(400) } });
    expect(ok.status, JSON.stringify(ok.data)).toBe(201);
    expect(ok.data).toMatchObject({ registerName: register.name, shareWithManager: false, rev: 1 });
    expect((await api('/api/me/portfolio/registrations', { method: 'POST', token: learner.token, json: { registerId: register.id, registrationNumber: '19012345601', cycleStart: daysAgo(400) } })).status).toBe(409);
  });

  let external: { id: string; rev: number };

  it('adds external learning with evidence that goes straight to S3 and is checked after the upload', async () => {
    const added = await api('/api/me/portfolio/entries', {
      method: 'POST',
      token: learner.token,
      json: { title: '=HYPERLINK("http://x")', provider: 'GGZ Nederland', date: daysAgo(2), hours: 6, points: [{ registerId: register.id, amount: 2 }] },
    });
    expect(added.status, JSON.stringify(added.data)).toBe(201);
    expect(added.data).toMatchObject({ source: 'external', points: [{ register: register.name, amount: 2, accredited: false }] });
    const future = await api('/api/me/portfolio/entries', { method: 'POST', token: learner.token, json: { title: 'Later', provider: 'X', date: '2199-01-01', hours: 1, points: [] } });
    expect(future.status).toBe(422);

    // A PNG declared as a PDF: refused after the upload, nothing kept.
    const wrong = await uploadEvidence(learner.token, added.data.id, { name: 'certificaat.pdf', type: 'application/pdf', body: png });
    expect(wrong.status).toBe(422);
    const done = await uploadEvidence(learner.token, added.data.id, { name: 'Certificaat congres.pdf', type: 'application/pdf', body: pdfBytes });
    expect(done.status, JSON.stringify(done.data)).toBe(200);
    expect(done.data.evidence).toMatchObject({ fileName: 'certificaat-congres.pdf', contentType: 'application/pdf', bytes: pdfBytes.length });
    external = { id: done.data.id, rev: done.data.rev };

    const file = await fetch(`${stack().appUrl}${done.data.evidence.url}`, { headers: { authorization: `Bearer ${learner.token}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="certificaat-congres.pdf"');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdfBytes)).toBe(true);
    expect(await objectsUnder(`portfolio/${learner.id}/`)).toHaveLength(1);
  });

  it('keeps reflections private by default, per entry', async () => {
    const res = await api(`/api/me/portfolio/entries/module:${completedModule}/reflection`, { method: 'PUT', token: learner.token, json: { text: 'Ik vraag nu eerder door over suïcidale gedachten.' } });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(res.data.reflection).toMatchObject({ text: 'Ik vraag nu eerder door over suïcidale gedachten.', sharedWithManager: false });
    const shared = await api(`/api/me/portfolio/entries/module:${completedModule}/reflection`, { method: 'PUT', token: learner.token, json: { text: 'Gedeeld.', sharedWithManager: true } });
    expect(shared.data.reflection.sharedWithManager).toBe(true);
    expect((await api('/api/me/portfolio/entries/module:bestaat-niet/reflection', { method: 'PUT', token: learner.token, json: { text: 'x' } })).status).toBe(404);
  });

  it('filters the timeline per register and year', async () => {
    const all = await api('/api/me/portfolio', { token: learner.token });
    expect(all.data.total).toBe(2);
    expect((await api(`/api/me/portfolio?register=${register.id}`, { token: learner.token })).data.entries).toHaveLength(2);
    expect((await api('/api/me/portfolio?register=skj', { token: learner.token })).data.entries).toHaveLength(0);
    expect((await api(`/api/me/portfolio?year=${Number(today().slice(0, 4)) - 5}`, { token: learner.token })).data.entries).toHaveLength(0);
  });

  it('shows progress per registration with suggestions, and recalculates when the academy edits the rules', async () => {
    const progress = async () => ((await api('/api/me/portfolio/registers', { token: learner.token })).data as Array<Record<string, any>>).find((p) => p.register.id === register.id)!;
    const before = await progress();
    // 3 accredited + 2 not accredited, which falls in no category (uncapped).
    expect(before).toMatchObject({ unit: 'points', required: 10, earned: 5, earnedAccredited: 3, earnedOther: 2, missing: 5, missingAccredited: 1, complete: false, entries: 2 });
    expect(before.cycle.daysLeft).toBeGreaterThan(0);
    expect(before.cycle.end > today()).toBe(true);
    expect(before.suggestions.map((s: { moduleId: string }) => s.moduleId)).toContain(suggestedModule);
    expect(before.suggestions.map((s: { moduleId: string }) => s.moduleId)).not.toContain(completedModule);

    // Put the external points in the capped category: only 1 counts.
    const edited = await api(`/api/me/portfolio/entries/${external.id}`, { method: 'PUT', token: learner.token, json: { title: '=HYPERLINK("http://x")', provider: 'GGZ Nederland', date: daysAgo(2), hours: 6, points: [{ registerId: register.id, amount: 2, category: 'overig' }], rev: external.rev } });
    expect(edited.status, JSON.stringify(edited.data)).toBe(200);
    expect(edited.data.evidence.fileName).toBe('certificaat-congres.pdf');
    external.rev = edited.data.rev;
    expect(await progress()).toMatchObject({ earned: 4, missing: 6 });

    const current = (await api(`/api/registers/${register.id}`, { token: admin })).data;
    const { id: _id, name: _name, createdAt: _c, updatedAt: _u, ...rules } = current;
    const put = await api(`/api/registers/${register.id}`, { method: 'PUT', token: admin, json: { ...rules, requiredTotal: 4, minimumAccredited: undefined, categories: [{ id: 'overig', name: 'Overig', cap: 5 }] } });
    expect(put.status, JSON.stringify(put.data)).toBe(200);
    expect(put.data.name).toBe(register.name);
    const after = await progress();
    expect(after).toMatchObject({ required: 4, earned: 5, missing: 0, complete: true, minimumAccredited: null, suggestions: [] });
  });

  it('exports the portfolio as CSV with a byte order mark and no formulas', async () => {
    const res = await fetch(`${stack().appUrl}/api/me/portfolio/export.csv`, { headers: { authorization: `Bearer ${learner.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]!.split(';')[0]).toBe('Datum');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines.find((l) => l.includes(`ACC-${u}`))).toContain(register.name);
  });

  it('exports the re-registration overview as a PDF with the name in its metadata', async () => {
    const res = await fetch(`${stack().appUrl}/api/me/portfolio/registers/${register.id}/overview.pdf`, { headers: { authorization: `Bearer ${learner.token}`, 'accept-language': 'en' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toContain('Deelnemer 0');
    expect(doc.getTitle()).toContain(register.name);
    expect(doc.getSubject()).toContain('19012345601');
    expect(doc.getTitle()).toContain('Re-registration overview');
    expect(doc.getKeywords()).toContain('19012345601');
    expect((await api('/api/me/portfolio/registers/skj/overview.pdf', { token: learner.token })).status).toBe(404);
  });

  it('shares register progress with the team only as the learner chose (for the team page)', async () => {
    const [p] = (await registerProgressOf(store(), learner.id)).filter((x) => x.register.id === register.id);
    expect(p).toMatchObject({ shareWithManager: false, earned: 5 });
    const reg = (await api('/api/me/portfolio/registrations', { token: learner.token })).data.find((r: { registerId: string }) => r.registerId === register.id);
    const shared = await api(`/api/me/portfolio/registrations/${register.id}`, { method: 'PUT', token: learner.token, json: { registrationNumber: reg.registrationNumber, cycleStart: reg.cycleStart, shareWithManager: true, rev: reg.rev } });
    expect(shared.status, JSON.stringify(shared.data)).toBe(200);
    expect((await registerProgressOf(store(), learner.id)).find((x) => x.register.id === register.id)!.shareWithManager).toBe(true);
  });

  it('is nobody else’s: another employee, a team manager, a partner and anonymous callers find nothing', async () => {
    const evidenceUrl = `/api/me/portfolio/entries/${external.id}/evidence`;
    const [other, manager, partner] = await Promise.all([tokenFor(demo.employee2), tokenFor(demo.manager), tokenFor(demo.partner)]);
    for (const token of [other, manager]) {
      expect((await api(evidenceUrl, { token })).status).toBe(404);
      expect((await api(`/api/me/portfolio/entries/${external.id}`, { method: 'PUT', token, json: { title: 'Overgenomen', provider: 'X', date: daysAgo(1), hours: 1, points: [], rev: external.rev } })).status).toBe(404);
      expect((await api(`/api/me/portfolio/entries/${external.id}?rev=${external.rev}`, { method: 'DELETE', token })).status).toBe(404);
      const theirs = (await api('/api/me/portfolio', { token })).data;
      expect(JSON.stringify(theirs)).not.toContain(external.id);
    }
    expect((await api('/api/me/portfolio', { token: partner })).status).toBe(404);
    expect((await api(evidenceUrl, { token: partner })).status).toBe(404);
    expect((await api('/api/me/portfolio/registers', { token: partner })).status).toBe(404);
    expect((await api('/api/me/portfolio')).status).toBe(401);
    expect((await api(evidenceUrl)).status).toBe(401);
    expect((await api('/api/me/portfolio/export.csv')).status).toBe(401);
  });

  it('deletes external learning with its evidence, only at the revision last read', async () => {
    expect((await api(`/api/me/portfolio/entries/${external.id}?rev=${external.rev - 1}`, { method: 'DELETE', token: learner.token })).status).toBe(409);
    expect((await api(`/api/me/portfolio/entries/module:${completedModule}?rev=1`, { method: 'DELETE', token: learner.token })).status).toBe(404);
    const res = await api(`/api/me/portfolio/entries/${external.id}?rev=${external.rev}`, { method: 'DELETE', token: learner.token });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(await objectsUnder(`portfolio/${learner.id}/`)).toEqual([]);
    expect((await api('/api/me/portfolio', { token: learner.token })).data.total).toBe(1);
  });
});

describe('reflections and their entries', () => {
  it('never leaves a reflection behind when its entry is deleted at the same moment as the reflection is saved', async () => {
    const [person] = (await syntheticEmployees(1, 'u-portfolio-race')) as [{ id: string; token: string }];
    const entries = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api('/api/me/portfolio/entries', { method: 'POST', token: person.token, json: { title: `Race ${i}`, provider: 'X', date: daysAgo(1), hours: 1 } }).then((r) => r.data as { id: string; rev: number })),
    );
    await Promise.all(
      entries.flatMap((e) => [
        api(`/api/me/portfolio/entries/${e.id}/reflection`, { method: 'PUT', token: person.token, json: { text: 'Wat ik ervan leerde.' } }),
        api(`/api/me/portfolio/entries/${e.id}?rev=${e.rev}`, { method: 'DELETE', token: person.token }),
      ]),
    );
    const data = await portfolioDataOf(store(), person.id);
    expect(data.externalLearning).toEqual([]);
    expect(data.reflections).toEqual([]);
  });
});

describe('personal data', () => {
  it('exports and erases everything the portfolio core keeps of a person, evidence objects included', async () => {
    const [person] = (await syntheticEmployees(1, 'u-portfolio-erase')) as [{ id: string; token: string }];
    await api('/api/me/portfolio/registrations', { method: 'POST', token: person.token, json: { registerId: 'big-herregistratie', registrationNumber: '19012345601', cycleStart: daysAgo(30) } });
    const added = await api('/api/me/portfolio/entries', { method: 'POST', token: person.token, json: { title: 'Cursus', provider: 'X', date: daysAgo(1), hours: 2, points: [{ registerId: 'big-herregistratie', amount: 2 }] } });
    expect((await uploadEvidence(person.token, added.data.id, { name: 'bewijs.png', type: 'image/png', body: png })).status).toBe(200);
    await api(`/api/me/portfolio/entries/${added.data.id}/reflection`, { method: 'PUT', token: person.token, json: { text: 'Leerzaam.' } });

    const data = await portfolioDataOf(store(), person.id);
    expect(data.registrations).toHaveLength(1);
    expect(data.externalLearning[0]).toMatchObject({ title: 'Cursus', evidence: { fileName: 'bewijs.png' } });
    expect(JSON.stringify(data)).not.toContain('objectKey');
    expect(data.reflections).toHaveLength(1);

    expect(await erasePortfolio(store(), person.id)).toEqual({ items: 3, objects: 1 });
    expect(await portfolioDataOf(store(), person.id)).toEqual({ registrations: [], externalLearning: [], reflections: [] });
    expect(await objectsUnder(`portfolio/${person.id}/`)).toEqual([]);
    expect(await erasePortfolio(store(), person.id)).toEqual({ items: 0, objects: 0 });
  });
});
