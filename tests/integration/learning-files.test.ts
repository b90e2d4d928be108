import { describe, expect, it } from 'vitest';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, syntheticEmployees, unique } from '../support/learning';

const pdf = Buffer.from('%PDF-1.7\n% Reflectieverslag\n1 0 obj << >> endobj\n%%EOF\n');

async function upload(token: string, moduleId: string, file: { name: string; type: string; body: Buffer }) {
  const start = await api(`/api/modules/${moduleId}/files`, { method: 'POST', token, json: { fileName: file.name, contentType: file.type, bytes: file.body.length } });
  if (start.status !== 201) return { start };
  // Straight to S3, as the browser does: the API never carries the bytes.
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.body)], { type: file.type }), file.name);
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  const complete = await api(`/api/modules/${moduleId}/files/${start.data.uploadId}/complete`, { method: 'POST', token });
  return { start, complete };
}

const download = (url: string, token?: string) => fetch(`${stack().appUrl}${url}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('files handed in by learners', () => {
  it('hands in an assignment as a file, which only the learner, trainers and the academy can open', async () => {
    const [admin, trainer, partner, otherEmployee] = await Promise.all([tokenFor(demo.admin), tokenFor(demo.trainer), tokenFor(demo.partner), tokenFor(demo.employee)]);
    const assignment = await createModule(admin, { kind: 'assignment', title: `Opdracht met bestand ${unique()}` });
    const [learner] = await syntheticEmployees(1, 'u-file');
    const t = learner!.token;

    const { complete } = await upload(t, assignment.id, { name: 'Reflectieverslag Week 3.PDF', type: 'application/pdf', body: pdf });
    expect(complete!.status).toBe(201);
    expect(complete!.data).toMatchObject({ fileName: 'reflectieverslag-week-3.pdf', contentType: 'application/pdf', bytes: pdf.length });
    const file = complete!.data as { id: string; url: string };

    // Nothing handed in at all is refused; a file with a short note is a submission.
    const empty = await api(`/api/modules/${assignment.id}/submission`, { method: 'POST', token: t, json: { text: '' } });
    expect(empty.status).toBe(400);
    expect(empty.data.errors[0].path).toBe('text');
    const submitted = await api(`/api/modules/${assignment.id}/submission`, { method: 'POST', token: t, json: { text: 'Zie bijlage.', files: [file.id] } });
    expect(submitted.status, JSON.stringify(submitted.data)).toBe(200);
    expect(submitted.data.files).toEqual([expect.objectContaining({ id: file.id, fileName: 'reflectieverslag-week-3.pdf', url: file.url })]);

    const waiting = (await api('/api/trainer/submissions', { token: trainer })).data.find((w: { learnerId: string }) => w.learnerId === learner!.id);
    expect(waiting.submission.files.map((f: { url: string }) => f.url)).toEqual([file.url]);

    for (const [who, token] of [['learner', t], ['trainer', trainer], ['academy', admin]] as const) {
      const res = await download(file.url, token);
      expect(res.status, who).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="reflectieverslag-week-3.pdf"');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf), who).toBe(true);
    }
    expect((await download(file.url)).status).toBe(401);
    expect((await download(file.url, otherEmployee)).status).toBe(404);
    expect((await download(file.url, partner)).status).toBe(404);
  });

  it('refuses disguised content, other learners\' files and modules that take no files, and keeps nothing of them', async () => {
    const admin = await tokenFor(demo.admin);
    const assignment = await createModule(admin, { kind: 'assignment', title: `Opdracht ${unique()}` });
    const classroom = await createModule(admin, { kind: 'classroom', title: `Training ${unique()}` });
    const [a, b] = await syntheticEmployees(2, 'u-file-bad');

    const disguised = await upload(a!.token, assignment.id, { name: 'verslag.pdf', type: 'application/pdf', body: Buffer.from('<script>alert(1)</script>') });
    expect(disguised.complete!.status).toBe(422);
    expect(disguised.complete!.data.detail).toContain('PDF');
    // The refused upload is gone: completing it again finds nothing.
    expect((await api(`/api/modules/${assignment.id}/files/${disguised.start.data.uploadId}/complete`, { method: 'POST', token: a!.token })).status).toBe(404);

    const wrongType = await api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: a!.token, json: { fileName: 'x.exe', contentType: 'application/x-msdownload', bytes: 10 } });
    expect(wrongType.status).toBe(400);
    const tooLarge = await api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: a!.token, json: { fileName: 'x.pdf', contentType: 'application/pdf', bytes: 5 * 1024 * 1024 } });
    expect(tooLarge.status).toBe(400);
    expect((await api(`/api/modules/${classroom.id}/files`, { method: 'POST', token: a!.token, json: { fileName: 'x.pdf', contentType: 'application/pdf', bytes: 10 } })).status).toBe(422);
    // A partner cannot hand in for a module only employees may join.
    const partner = await tokenFor(demo.partner);
    expect((await api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: partner, json: { fileName: 'x.pdf', contentType: 'application/pdf', bytes: 10 } })).status).toBe(404);
    expect((await api(`/api/modules/${assignment.id}/files`, { method: 'POST', json: { fileName: 'x.pdf', contentType: 'application/pdf', bytes: 10 } })).status).toBe(401);

    // Completing one upload twice at once makes one file, not two.
    const once = await api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: a!.token, json: { fileName: 'twee.pdf', contentType: 'application/pdf', bytes: pdf.length } });
    const form = new FormData();
    for (const [k, v] of Object.entries(once.data.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'twee.pdf');
    await fetch(once.data.url, { method: 'POST', body: form });
    const both = await Promise.all([1, 2].map(() => api(`/api/modules/${assignment.id}/files/${once.data.uploadId}/complete`, { method: 'POST', token: a!.token })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 404]);

    // B cannot hand in A's file, nor complete A's upload.
    const ofA = await upload(a!.token, assignment.id, { name: 'a.pdf', type: 'application/pdf', body: pdf });
    const steal = await api(`/api/modules/${assignment.id}/submission`, { method: 'POST', token: b!.token, json: { text: 'Mijn eigen uitwerking, met het bestand van een ander.', files: [ofA.complete!.data.id] } });
    expect(steal.status).toBe(400);
    expect(steal.data.errors[0].path).toBe('files');
    const mine = await api('/api/me/learning', { token: b!.token });
    expect(mine.data.assignments).toEqual([]);
  });

  it('completes an external training with the certificate as evidence', async () => {
    const admin = await tokenFor(demo.admin);
    const external = await createModule(admin, { kind: 'external', title: `Extern ${unique()}`, provider: 'Scholingsinstituut Midden' });
    const [l] = await syntheticEmployees(1, 'u-file-ext');
    const cert = (await upload(l!.token, external.id, { name: 'certificaat.pdf', type: 'application/pdf', body: pdf })).complete!;
    const done = await api(`/api/modules/${external.id}/complete`, { method: 'POST', token: l!.token, json: { files: [cert.data.id] } });
    // A certificate is for the learner and the academy; trainers review assignments, not this.
    expect((await download(cert.data.url, await tokenFor(demo.trainer))).status).toBe(404);
    expect((await download(cert.data.url, admin)).status).toBe(200);
    expect(done.status, JSON.stringify(done.data)).toBe(200);
    expect(done.data.evidenceFiles.map((f: { id: string }) => f.id)).toEqual([cert.data.id]);
    const detail = await api(`/api/modules/${external.id}`, { token: l!.token });
    expect(detail.data.my).toMatchObject({ completed: true, evidenceFiles: [expect.objectContaining({ fileName: 'certificaat.pdf' })] });
    const invalid = await api(`/api/modules/${external.id}/complete`, { method: 'POST', token: l!.token, json: { files: 'niet-een-lijst' } });
    expect(invalid.status).toBe(400);
  });

  it('keeps at most ten files per learner and module', async () => {
    const admin = await tokenFor(demo.admin);
    const assignment = await createModule(admin, { kind: 'assignment', title: `Veel bestanden ${unique()}` });
    const [l] = await syntheticEmployees(1, 'u-file-many');
    for (let i = 0; i < 10; i++) expect((await upload(l!.token, assignment.id, { name: `deel-${i}.pdf`, type: 'application/pdf', body: pdf })).complete!.status).toBe(201);
    const eleventh = await api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: l!.token, json: { fileName: 'nog-een.pdf', contentType: 'application/pdf', bytes: pdf.length } });
    expect(eleventh.status).toBe(409);
    expect(eleventh.data.detail).toContain('10 bestanden');
  });

  it('holds the cap when many uploads are started before any is completed', async () => {
    const admin = await tokenFor(demo.admin);
    const assignment = await createModule(admin, { kind: 'assignment', title: `Tegelijk ${unique()}` });
    const [l] = await syntheticEmployees(1, 'u-file-burst');
    const started = [];
    for (let i = 0; i < 12; i++) {
      const start = await api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: l!.token, json: { fileName: `stuk-${i}.pdf`, contentType: 'application/pdf', bytes: pdf.length } });
      expect(start.status).toBe(201);
      const form = new FormData();
      for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `stuk-${i}.pdf`);
      await fetch(start.data.url, { method: 'POST', body: form });
      started.push(start.data.uploadId as string);
    }
    const statuses = [];
    for (const id of started) statuses.push((await api(`/api/modules/${assignment.id}/files/${id}/complete`, { method: 'POST', token: l!.token })).status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([409, 409]);
  });

  it('lets a learner delete a mistaken upload, but never a file handed in or another learner\'s', async () => {
    const admin = await tokenFor(demo.admin);
    const assignment = await createModule(admin, { kind: 'assignment', title: `Verwijderen ${unique()}` });
    const [l, other] = await syntheticEmployees(2, 'u-file-del');
    const wrong = (await upload(l!.token, assignment.id, { name: 'verkeerd.pdf', type: 'application/pdf', body: pdf })).complete!.data;
    const right = (await upload(l!.token, assignment.id, { name: 'goed.pdf', type: 'application/pdf', body: pdf })).complete!.data;
    expect((await api(`/api/modules/${assignment.id}/files/${wrong.id}`, { method: 'DELETE', token: other!.token })).status).toBe(404);
    expect((await api(`/api/modules/${assignment.id}/files/${wrong.id}`, { method: 'DELETE', token: l!.token })).status).toBe(200);
    expect((await download(wrong.url, l!.token)).status).toBe(404);
    expect((await api(`/api/modules/${assignment.id}/files/${wrong.id}`, { method: 'DELETE', token: l!.token })).status).toBe(404);

    await api(`/api/modules/${assignment.id}/submission`, { method: 'POST', token: l!.token, json: { text: 'Zie bijlage.', files: [right.id] } });
    const inUse = await api(`/api/modules/${assignment.id}/files/${right.id}`, { method: 'DELETE', token: l!.token });
    expect(inUse.status).toBe(409);
    expect((await download(right.url, l!.token)).status).toBe(200);
  });
});
