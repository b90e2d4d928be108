import { describe, expect, it } from 'vitest';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients, type StoreClients } from '../../functions/src/platform/store/clients';
import { countLearnerFiles } from '../../functions/src/learning/files/store';
import { uploadsPendingPrefix } from '../../functions/src/platform/store/schema';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, syntheticEmployees, unique } from '../support/learning';

const pdf = Buffer.from('%PDF-1.7\n% Reflectieverslag\n1 0 obj << >> endobj\n%%EOF\n');

/** Starts an upload and sends the bytes straight to S3, as the browser does: the API never carries them. */
async function send(token: string, moduleId: string, file: { name: string; type: string; body: Buffer }) {
  const start = await api(`/api/modules/${moduleId}/files`, { method: 'POST', token, json: { fileName: file.name, contentType: file.type, bytes: file.body.length } });
  if (start.status !== 201) return { start };
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.body)], { type: file.type }), file.name);
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return { start, uploadId: start.data.uploadId as string };
}

const completeUpload = (token: string, moduleId: string, uploadId: string) => api(`/api/modules/${moduleId}/files/${uploadId}/complete`, { method: 'POST', token });

async function upload(token: string, moduleId: string, file: { name: string; type: string; body: Buffer }, beforeComplete?: (uploadId: string) => Promise<void>) {
  const { start, uploadId } = await send(token, moduleId, file);
  if (!uploadId) return { start };
  await beforeComplete?.(uploadId);
  return { start, complete: await completeUpload(token, moduleId, uploadId) };
}

// The stores themselves, to see what is (not) kept: the same clients and bucket names the API uses.
let clients: StoreClients | undefined;
const store = () => (clients ??= createStoreClients(loadConfig(stack().env)));

/** A real HeadObject on the uploads bucket, where the browser's POST put the bytes. */
async function pendingObjectExists(uploadId: string): Promise<boolean> {
  try {
    await store().s3.send(new HeadObjectCommand({ Bucket: store().buckets.uploads, Key: `${uploadsPendingPrefix}${uploadId}` }));
    return true;
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw err;
  }
}

/** What the attachments bucket keeps of a learner's files for one module. */
async function keptObjects(userId: string, moduleId: string): Promise<string[]> {
  const res = await store().s3.send(new ListObjectsV2Command({ Bucket: store().buckets.attachments, Prefix: `learners/${userId}/${moduleId}/` }));
  return (res.Contents ?? []).map((o) => o.Key!);
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

    const disguised = await upload(a!.token, assignment.id, { name: 'verslag.pdf', type: 'application/pdf', body: Buffer.from('<script>alert(1)</script>') }, async (uploadId) => {
      // It did arrive in the uploads bucket, so "gone" below means removed, not never there.
      expect(await pendingObjectExists(uploadId)).toBe(true);
    });
    expect(disguised.complete!.status).toBe(422);
    expect(disguised.complete!.data.detail).toContain('PDF');
    // The refused upload is gone: its object left the uploads bucket, nothing reached the attachments
    // bucket, no file was recorded, and completing it again finds nothing.
    expect(await pendingObjectExists(disguised.start.data.uploadId)).toBe(false);
    expect(await keptObjects(a!.id, assignment.id)).toEqual([]);
    expect(await countLearnerFiles(store(), a!.id, assignment.id)).toBe(0);
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
    for (let i = 0; i < 9; i++) expect((await upload(l!.token, assignment.id, { name: `deel-${i}.pdf`, type: 'application/pdf', body: pdf })).complete!.status).toBe(201);
    // Refused uploads take no place: after two of them the tenth file still fits.
    for (const refused of [{ name: 'nep.pdf', body: Buffer.from('geen pdf') }, { name: 'ook-nep.pdf', body: Buffer.from('<html></html>') }]) {
      expect((await upload(l!.token, assignment.id, { ...refused, type: 'application/pdf' })).complete!.status).toBe(422);
    }
    expect((await upload(l!.token, assignment.id, { name: 'deel-9.pdf', type: 'application/pdf', body: pdf })).complete!.status).toBe(201);
    expect(await countLearnerFiles(store(), l!.id, assignment.id)).toBe(10);
    const eleventh = await api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: l!.token, json: { fileName: 'nog-een.pdf', contentType: 'application/pdf', bytes: pdf.length } });
    expect(eleventh.status).toBe(409);
    expect(eleventh.data.detail).toContain('10 bestanden');
  });

  it('holds the cap of ten files when twelve uploads are completed at once', async () => {
    const admin = await tokenFor(demo.admin);
    const assignment = await createModule(admin, { kind: 'assignment', title: `Tegelijk ${unique()}` });
    const [l] = await syntheticEmployees(1, 'u-file-burst');
    // Twelve uploads started and sent while the learner has no file yet, so each start passes the cap.
    const uploadIds = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const sent = await send(l!.token, assignment.id, { name: `stuk-${i}.pdf`, type: 'application/pdf', body: pdf });
        expect(sent.start.status).toBe(201);
        return sent.uploadId!;
      }),
    );
    // Then all twelve completions at the same moment.
    const results = await Promise.all(uploadIds.map((id) => completeUpload(l!.token, assignment.id, id)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 201), JSON.stringify(statuses)).toHaveLength(10);
    expect(statuses.filter((x) => x === 409), JSON.stringify(statuses)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).every((r) => String(r.data.detail).includes('10 bestanden'))).toBe(true);
    // Exactly ten kept: records and stored objects.
    expect(await countLearnerFiles(store(), l!.id, assignment.id)).toBe(10);
    expect((await keptObjects(l!.id, assignment.id)).sort()).toEqual(results.filter((r) => r.status === 201).map((r) => `learners/${l!.id}/${assignment.id}/${r.data.id}`).sort());
    const eleventh = await api(`/api/modules/${assignment.id}/files`, { method: 'POST', token: l!.token, json: { fileName: 'nog-een.pdf', contentType: 'application/pdf', bytes: pdf.length } });
    expect(eleventh.status).toBe(409);

    // A deleted file frees exactly one place: of the two refused uploads, completed at once again, one fits.
    const kept = results.find((r) => r.status === 201)!.data as { id: string };
    expect((await api(`/api/modules/${assignment.id}/files/${kept.id}`, { method: 'DELETE', token: l!.token })).status).toBe(200);
    const refused = uploadIds.filter((_, i) => statuses[i] === 409);
    const retried = await Promise.all(refused.map((id) => completeUpload(l!.token, assignment.id, id)));
    expect(retried.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await countLearnerFiles(store(), l!.id, assignment.id)).toBe(10);
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
