import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { api } from './api';

/** The third-party SCORM packages (../shared/fixtures/scorm, see its ATTRIBUTION.md): used by path, never copied. */
export const fixturesDir = resolve(import.meta.dirname, '../../../shared/fixtures/scorm');
export const fixture = (name: string) => readFileSync(resolve(fixturesDir, `${name}.zip`));

/**
 * A package imported as an author does it: presigned POST to the uploads bucket (s3rver), the
 * complete-route, then the import's status polled until ready. Returns the version number.
 */
export async function importPackage(admin: string, moduleId: string, zip: Buffer, fileName = 'pakket.zip'): Promise<number> {
  const start = await api(`/api/modules/${moduleId}/scorm/uploads`, { method: 'POST', token: admin, json: { fileName, contentType: 'application/zip', bytes: zip.length } });
  expect(start.status, JSON.stringify(start.data)).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), fileName);
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  const complete = await api(`/api/modules/${moduleId}/scorm/uploads/${start.data.uploadId}/complete`, { method: 'POST', token: admin });
  expect(complete.status, JSON.stringify(complete.data)).toBe(202);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await api(`/api/modules/${moduleId}/scorm/imports/${complete.data.importId}`, { token: admin });
    if (res.data.status === 'ready') return res.data.version as number;
    if (res.data.status === 'failed' || Date.now() > deadline) throw new Error(`import of ${fileName}: ${JSON.stringify(res.data)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

