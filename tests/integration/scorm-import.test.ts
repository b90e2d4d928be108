import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients, type StoreClients } from '../../functions/src/platform/store/clients';
import { keys } from '../../functions/src/platform/store/keys';
import { get, queryAll } from '../../functions/src/platform/store/table';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, unique } from '../support/learning';
import { buildZip, hostileCorpus, manifest12, scriptInTitles, validPackage } from '../support/scorm-corpus';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import yauzl from 'yauzl';
import { S3ZipReader } from '../../functions/src/scorm/import/s3-zip-reader';
import { createImport } from '../../functions/src/scorm/store';
import { queuedPackageKey } from '../../functions/src/scorm/domain/locations';

/**
 * SCORM package import on the real local stack (DynamoDB Local + s3rver): the upload goes to S3
 * with a presigned POST as the browser sends it, the complete-route queues the import and the
 * same job the import Lambda runs imports it in process; the test follows the status route.
 */

const fixtures = resolve(import.meta.dirname, '../../../shared/fixtures/scorm');
const fixture = (name: string) => readFileSync(resolve(fixtures, `${name}.zip`));

let clients: StoreClients | undefined;
const store = () => (clients ??= createStoreClients({ ...loadConfig(stack().env), storeTimeoutMs: 10_000 }));

async function allKeys(bucket: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const res = await store().s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }));
    out.push(...(res.Contents ?? []).map((o) => o.Key!));
    ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return out.sort();
}
const contentKeys = (prefix = 'packages/') => allKeys(store().buckets.content, prefix);

/** Steps 1 and 2 as the browser does them: start, then the bytes straight to S3. */
async function send(token: string, moduleId: string, zip: Buffer, fileName = 'pakket.zip', contentType = 'application/zip') {
  const start = await api(`/api/modules/${moduleId}/scorm/uploads`, { method: 'POST', token, json: { fileName, contentType, bytes: Math.max(1, zip.length) } });
  if (start.status !== 201) return { start };
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(zip)], { type: contentType }), fileName);
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return { start, uploadId: start.data.uploadId as string };
}

async function upload(token: string, moduleId: string, zip: Buffer, fileName?: string) {
  const { start, uploadId } = await send(token, moduleId, zip, fileName);
  if (!uploadId) return { start };
  return { start, complete: await api(`/api/modules/${moduleId}/scorm/uploads/${uploadId}/complete`, { method: 'POST', token }) };
}

/** Polls the status route until the import is over; returns its last state and every status seen. */
async function settled(token: string, moduleId: string, importId: string, language?: string) {
  const seen: string[] = [];
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await api(`/api/modules/${moduleId}/scorm/imports/${importId}`, { token, headers: language ? { 'accept-language': language } : {} });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    if (seen.at(-1) !== res.data.status) seen.push(res.data.status);
    if (res.data.status === 'ready' || res.data.status === 'failed') return { importRecord: res.data, seen };
    if (Date.now() > deadline) throw new Error(`import ${importId} still ${res.data.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function importPackage(token: string, moduleId: string, zip: Buffer, fileName?: string) {
  const { start, complete } = await upload(token, moduleId, zip, fileName);
  expect(start.status, JSON.stringify(start.data)).toBe(201);
  expect(complete!.status, JSON.stringify(complete!.data)).toBe(202);
  expect(complete!.data.status).toBe('queued');
  return settled(token, moduleId, complete!.data.importId);
}

const versionRecords = async (moduleId: string) =>
  queryAll(store(), { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)', ExpressionAttributeValues: { ':pk': `MODULE#${moduleId}`, ':v': keys.scormVersionPrefix } });

const elearning = async (admin: string, extra: Record<string, unknown> = {}) => (await createModule(admin, { kind: 'elearning', title: `SCORM ${unique()}`, ...extra })).id;

describe('SCORM import: hostile and broken packages', () => {
  it('refuses each with its own message, in Dutch and in English, and writes nothing outside its prefix', async () => {
    const admin = await tokenFor(demo.admin);
    const moduleId = await elearning(admin);
    const failures: string[] = [];
    for (const c of hostileCorpus) {
      const before = await contentKeys();
      const uploadsBefore = await allKeys(store().buckets.uploads, 'pending/scorm/');
      const zip = c.zip();
      if (c.refusedAtComplete) {
        // The API's own check on completion (size, zip signature) refuses these before any import.
        for (const [language, words] of [['nl', c.nl], ['en', c.en]] as const) {
          const { uploadId } = await send(admin, moduleId, zip);
          const complete = await api(`/api/modules/${moduleId}/scorm/uploads/${uploadId}/complete`, { method: 'POST', token: admin, headers: { 'accept-language': language } });
          if (complete.status !== 422 || !words.test(complete.data.detail)) failures.push(`${c.name} (${language}): complete → ${complete.status} ${complete.data.detail}`);
        }
        expect(await contentKeys(), c.name).toEqual(before);
        continue;
      }
      const { importRecord, seen } = await importPackage(admin, moduleId, zip);
      const english = await api(`/api/modules/${moduleId}/scorm/imports/${importRecord.importId}`, { token: admin, headers: { 'accept-language': 'en' } });
      const ok =
        importRecord.status === 'failed' &&
        importRecord.error?.code === c.code &&
        c.nl.test(importRecord.error.message) &&
        c.en.test(english.data.error?.message) &&
        importRecord.version === undefined &&
        seen[0] !== 'ready';
      if (!ok) failures.push(`${c.name}: ${importRecord.status} ${JSON.stringify(importRecord.error)} / ${english.data.error?.message}`);
      // Nothing of it was written, under its own prefix or anywhere else; its queued zip is gone too.
      expect(await contentKeys(), c.name).toEqual(before);
      expect(await allKeys(store().buckets.uploads, 'pending/scorm/'), c.name).toEqual(uploadsBefore);
    }
    expect(failures).toEqual([]);
    // No failed import ever became a version.
    expect(await versionRecords(moduleId)).toEqual([]);
    expect((await api(`/api/modules/${moduleId}/scorm`, { token: admin })).data).toMatchObject({ latestVersion: null, latest: null, versions: [] });
  });

  it('says why an upload is refused on completion, in the language asked for', async () => {
    const admin = await tokenFor(demo.admin);
    const moduleId = await elearning(admin);
    const { uploadId } = await send(admin, moduleId, Buffer.alloc(0));
    const nl = await api(`/api/modules/${moduleId}/scorm/uploads/${uploadId}/complete`, { method: 'POST', token: admin });
    expect(nl.status).toBe(422);
    expect(nl.data.detail).toBe('Het bestand is leeg');
    const { uploadId: other } = await send(admin, moduleId, Buffer.from('geen zip'));
    const en = await api(`/api/modules/${moduleId}/scorm/uploads/${other}/complete`, { method: 'POST', token: admin, headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(422);
    expect(en.data.detail).toBe('The content is not a valid ZIP file');
  });

  it('keeps script in manifest titles as plain text only', async () => {
    const admin = await tokenFor(demo.admin);
    const moduleId = await elearning(admin);
    const { importRecord } = await importPackage(admin, moduleId, scriptInTitles());
    expect(importRecord.status, JSON.stringify(importRecord.error)).toBe('ready');
    const pkg = (await api(`/api/modules/${moduleId}/scorm`, { token: admin })).data;
    expect(pkg.latest.title).toBe('Veilig pakket');
    expect(pkg.latest.title).not.toMatch(/[<>]/);
    // Nowhere in the stored version (manifest model, sequencing settings) is there anything that looks like markup.
    const record = await get(store(), keys.scormVersion(moduleId, 1));
    expect((record!.manifest as { organizations: Array<{ items: Array<{ title: string }> }> }).organizations[0]!.items[0]!.title).toBe('Les');
    expect(JSON.stringify(record)).not.toMatch(/<script|<img|<b>/);
  });
});

describe('SCORM import: real packages', () => {
  const packages = [
    { name: 'golf-scorm12-basic-runtime', scormVersion: '1.2', scoCount: 1, launchableCount: 1, launch: 'shared/launchpage.html' },
    { name: 'golf-scorm2004-single-sco', scormVersion: '2004', scoCount: 1, launchableCount: 1 },
    // Its eighteen pages are declared as assets (scormType="asset"), in four aggregations: no SCO talks to the runtime.
    { name: 'golf-scorm2004-multi-sco', scormVersion: '2004', scoCount: 0, launchableCount: 18, launch: 'Playing/Playing.html' },
    { name: 'golf-scorm2004-basic-runtime', scormVersion: '2004', scoCount: 1, launchableCount: 1 },
  ];

  it.each(packages)('imports $name to ready, with its files in the content bucket under their types', async (p) => {
    const admin = await tokenFor(demo.admin);
    const moduleId = await elearning(admin);
    const zip = fixture(p.name);
    const { importRecord, seen } = await importPackage(admin, moduleId, zip, `${p.name}.zip`);
    expect(importRecord.status, JSON.stringify(importRecord.error)).toBe('ready');
    expect(importRecord.version).toBe(1);
    // Every stage was passed, in order (a fast import may move on between two polls).
    const stages = importRecord.stages as Array<{ stage: string; at: string }>;
    expect(stages.map((s) => s.stage)).toEqual(['queued', 'checking', 'extracting', 'ready']);
    expect(stages.map((s) => s.at)).toEqual(stages.map((s) => s.at).sort());
    expect(seen.at(-1)).toBe('ready');

    const pkg = (await api(`/api/modules/${moduleId}/scorm`, { token: admin })).data;
    expect(pkg.latestVersion).toBe(1);
    expect(pkg.latest).toMatchObject({ version: 1, scormVersion: p.scormVersion, importedBy: { id: expect.any(String) } });
    if (p.launch) expect(pkg.latest.launch).toBe(p.launch);
    expect(pkg.latest).toMatchObject({ scoCount: p.scoCount, launchableCount: p.launchableCount });
    expect(pkg.latest.title.length).toBeGreaterThan(0);

    const prefix = `packages/${moduleId}/${importRecord.importId}/`;
    const stored = await contentKeys(prefix);
    expect(stored).toContain(`${prefix}imsmanifest.xml`);
    expect(stored).toContain(`${prefix}${pkg.latest.launch.split('?')[0]}`);
    expect(stored.length).toBe(pkg.latest.fileCount);
    const type = async (key: string) => (await store().s3.send(new HeadObjectCommand({ Bucket: store().buckets.content, Key: key }))).ContentType;
    expect(await type(`${prefix}${pkg.latest.launch.split('?')[0]}`)).toBe('text/html');
    expect(await type(`${prefix}imsmanifest.xml`)).toBe('application/xml');
    const js = stored.find((k) => k.endsWith('.js'));
    if (js) expect(await type(js)).toBe('text/javascript');
    const jpg = stored.find((k) => k.endsWith('.jpg'));
    if (jpg) expect(await type(jpg)).toBe('image/jpeg');
    // Byte for byte what the zip holds.
    const body = await store().s3.send(new GetObjectCommand({ Bucket: store().buckets.content, Key: `${prefix}imsmanifest.xml` }));
    expect((await body.Body!.transformToString()).includes('<manifest')).toBe(true);

    // The version record carries the parsed manifest and the scorm-again sequencing settings.
    const record = await get(store(), keys.scormVersion(moduleId, 1));
    expect(record).toMatchObject({ version: 1, importId: importRecord.importId, prefix, manifest: expect.objectContaining({ scormVersion: expect.stringMatching(p.scormVersion === '1.2' ? /^1\.2$/ : /^2004/) }) });
    expect(record!.sequencing).toBeDefined();
    // The queued zip is gone from the uploads bucket.
    expect(await allKeys(store().buckets.uploads, `pending/scorm/${moduleId}/`)).toEqual([]);
  });

  it('numbers a second upload as version 2; version 1 stays with its files', async () => {
    const admin = await tokenFor(demo.admin);
    const moduleId = await elearning(admin);
    const first = await importPackage(admin, moduleId, fixture('golf-scorm12-basic-runtime'));
    // A refused upload in between takes no number.
    const refused = await importPackage(admin, moduleId, hostileCorpus.find((c) => c.code === 'no-manifest')!.zip());
    expect(refused.importRecord.status).toBe('failed');
    const second = await importPackage(admin, moduleId, fixture('golf-scorm2004-single-sco'));
    expect([first.importRecord.version, second.importRecord.version]).toEqual([1, 2]);
    const pkg = (await api(`/api/modules/${moduleId}/scorm`, { token: admin })).data;
    expect(pkg.latestVersion).toBe(2);
    expect(pkg.latest).toMatchObject({ version: 2, scormVersion: '2004' });
    expect(pkg.versions.map((v: { version: number; scormVersion: string }) => [v.version, v.scormVersion])).toEqual([[2, '2004'], [1, '1.2']]);
    expect((await contentKeys(`packages/${moduleId}/${first.importRecord.importId}/`)).length).toBe(pkg.versions[1].fileCount);
    expect((await contentKeys(`packages/${moduleId}/${second.importRecord.importId}/`)).length).toBe(pkg.versions[0].fileCount);
  });

  it('numbers imports that finish together 1 and 2, never twice the same', async () => {
    const admin = await tokenFor(demo.admin);
    const moduleId = await elearning(admin);
    const [a, b] = await Promise.all([importPackage(admin, moduleId, validPackage()), importPackage(admin, moduleId, validPackage())]);
    expect([a.importRecord.version, b.importRecord.version].sort()).toEqual([1, 2]);
    expect((await api(`/api/modules/${moduleId}/scorm`, { token: admin })).data.latestVersion).toBe(2);
  });
});

describe('SCORM upload: rules', () => {
  it('takes packages only for e-learning modules, and only from who may edit the module', async () => {
    const [admin, author, employee] = await Promise.all([tokenFor(demo.admin), tokenFor(demo.author), tokenFor(demo.employee)]);
    const classroom = (await createModule(admin, { kind: 'classroom', title: `Klas ${unique()}` })).id;
    const refused = await api(`/api/modules/${classroom}/scorm/uploads`, { method: 'POST', token: admin, json: { fileName: 'x.zip', contentType: 'application/zip', bytes: 100 } });
    expect(refused.status).toBe(422);
    expect(refused.data.detail).toMatch(/e-learning/);

    // Authors upload to draft modules; a published module is the academy's.
    const draft = await elearning(admin, { status: 'draft' });
    const published = await elearning(admin);
    const byAuthor = await importPackage(author, draft, validPackage());
    expect(byAuthor.importRecord.status).toBe('ready');
    expect(byAuthor.importRecord.createdBy.id).toBe(demo.author);
    expect((await upload(author, published, validPackage())).start.status).toBe(403);
    expect((await upload(employee, published, validPackage())).start.status).toBe(403);
    // A draft is hidden from employees: not found, as a missing module.
    expect((await upload(employee, draft, validPackage())).start.status).toBe(404);
    expect((await api(`/api/modules/${draft}/scorm`, { token: employee })).status).toBe(404);
    expect((await api(`/api/modules/${published}/scorm`, { token: employee })).status).toBe(403);
    // Another author may follow the import (authors manage the catalogue together), an employee may not.
    expect((await api(`/api/modules/${draft}/scorm/imports/${byAuthor.importRecord.importId}`, { token: admin })).status).toBe(200);
    expect((await api(`/api/modules/${draft}/scorm/imports/${byAuthor.importRecord.importId}`, { token: employee })).status).toBe(404);

    // The size bound is in the presigned POST, and the request is refused before that.
    const tooLarge = await api(`/api/modules/${published}/scorm/uploads`, { method: 'POST', token: admin, json: { fileName: 'x.zip', contentType: 'application/zip', bytes: 1024 ** 3 + 1 } });
    expect(tooLarge.status).toBe(400);
    const wrongType = await api(`/api/modules/${published}/scorm/uploads`, { method: 'POST', token: admin, json: { fileName: 'x.exe', contentType: 'application/x-msdownload', bytes: 10 } });
    expect(wrongType.status).toBe(400);
    const ok = await api(`/api/modules/${published}/scorm/uploads`, { method: 'POST', token: admin, json: { fileName: 'x.zip', contentType: 'application/x-zip-compressed', bytes: 10 } });
    expect(ok.status).toBe(201);
    expect(ok.data.maxBytes).toBe(1024 ** 3);

    // An upload is completed once, by whoever started it, for the module it was started for.
    const { uploadId } = await send(admin, published, validPackage());
    expect((await api(`/api/modules/${draft}/scorm/uploads/${uploadId}/complete`, { method: 'POST', token: admin })).status).toBe(404);
    const done = await api(`/api/modules/${published}/scorm/uploads/${uploadId}/complete`, { method: 'POST', token: admin });
    expect(done.status).toBe(202);
    expect((await api(`/api/modules/${published}/scorm/uploads/${uploadId}/complete`, { method: 'POST', token: admin })).status).toBe(404);
    await settled(admin, published, done.data.importId);
    expect((await api(`/api/modules/${published}/scorm/imports/unknown-import`, { token: admin })).status).toBe(404);
  });
});

describe('SCORM import: the AWS path and the zip reader', () => {
  it('imports a queued package from its S3 event (the import Lambda\'s handler), once even when the event comes twice', async () => {
    const admin = await tokenFor(demo.admin);
    const moduleId = await elearning(admin);
    const importId = `imp${unique()}${unique()}`;
    const key = queuedPackageKey(moduleId, importId);
    await store().s3.send(new PutObjectCommand({ Bucket: store().buckets.uploads, Key: key, Body: fixture('golf-scorm2004-basic-runtime') }));
    const at = new Date().toISOString();
    await createImport(store(), { importId, moduleId, status: 'queued', fileName: 'golf.zip', bytes: 1, uploadKey: key, createdBy: { id: demo.admin, name: 'Sanne' }, createdAt: at, updatedAt: at, stages: { queued: at }, attempts: 0 });
    Object.assign(process.env, stack().env);
    const { handler } = await import('../../functions/src/scorm-import');
    const event = { Records: [{ s3: { object: { key } } }, { s3: { object: { key: 'pending/elders/x.zip' } } }] } as never;
    const [first] = await handler(event);
    expect(first).toMatchObject({ outcome: 'ready', version: 1 });
    // S3 delivers at least once: a second delivery finds the import done and changes nothing.
    expect((await handler(event))[0]).toMatchObject({ outcome: 'skipped' });
    const status = await api(`/api/modules/${moduleId}/scorm/imports/${importId}`, { token: admin });
    expect(status.data).toMatchObject({ status: 'ready', version: 1 });
    expect((await api(`/api/modules/${moduleId}/scorm`, { token: admin })).data.latestVersion).toBe(1);
  });

  it('reads a zip from S3 in ranges: thousands of entries cost a handful of requests, never the whole object', async () => {
    const zip = buildZip([{ name: 'imsmanifest.xml', data: manifest12() }, ...Array.from({ length: 5000 }, (_, i) => ({ name: `pages/pagina-${i}.html`, data: `<p>Pagina ${i}</p>` }))]);
    const key = `pending/scorm/reader-test/${unique()}.zip`;
    await store().s3.send(new PutObjectCommand({ Bucket: store().buckets.uploads, Key: key, Body: zip }));
    const reader = new S3ZipReader(store().s3, store().buckets.uploads, key, zip.length);
    const zipfile = await new Promise<yauzl.ZipFile>((ok, fail) => yauzl.fromRandomAccessReader(reader, zip.length, { lazyEntries: true, autoClose: false }, (err, z) => (err ? fail(err) : ok(z))));
    let entries = 0;
    await new Promise<void>((ok, fail) => {
      zipfile.on('entry', () => {
        entries++;
        zipfile.readEntry();
      });
      zipfile.on('end', () => ok());
      zipfile.on('error', fail);
      zipfile.readEntry();
    });
    zipfile.close();
    expect(entries).toBe(5001);
    // The central directory (~330 KB here) comes in 256 KB blocks.
    expect(reader.requests).toBeLessThanOrEqual(4);
    await store().s3.send(new DeleteObjectCommand({ Bucket: store().buckets.uploads, Key: key }));
  });
});
