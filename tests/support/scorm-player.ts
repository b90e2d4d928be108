/**
 * For the SCORM e2e tests: the Rustici golf fixtures (by path, never copied), the whole chain on the
 * real local stack (upload → import → published module and path → launch → stored state, history,
 * Mijn leren) and a driver for the golf pages.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ZipFile } from 'yazl';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients, type StoreClients } from '../../functions/src/platform/store/clients';
import { listScos } from '../../functions/src/scorm/attempts/store';
import type { ScoState } from '../../functions/src/scorm/domain/cmi';
import { api, stack } from './api';
import { createModule, unique } from './learning';
import { fixturesDir, importPackage } from './scorm';

export { fixturesDir, importPackage };

export const golf = {
  scorm12: join(fixturesDir, 'golf-scorm12-basic-runtime.zip'),
  scorm2004: join(fixturesDir, 'golf-scorm2004-basic-runtime.zip'),
  multiSco: join(fixturesDir, 'golf-scorm2004-multi-sco.zip'),
  singleSco: join(fixturesDir, 'golf-scorm2004-single-sco.zip'),
} as const;

/** A folder as a zip (for packages a test writes itself). */
export function zipDirectory(dir: string): Promise<Buffer> {
  const zip = new ZipFile();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const file = join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else zip.addFile(file, relative(dir, file).split('\\').join('/'));
    }
  };
  walk(dir);
  zip.end();
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => res(Buffer.concat(chunks))).on('error', rej);
  });
}

/**
 * A published `elearning` module with the package imported, in a published path of its own (one
 * required step), so "the path step is complete" is the path's completion.
 */
export async function scormCourse(admin: string, title: string, zip: Buffer) {
  const moduleTitle = `${title} ${unique()}`;
  const module = await createModule(admin, { kind: 'elearning', title: moduleTitle, durationMinutes: 30, accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 1, accreditationNumber: `VVN-TEST-${unique()}` }] });
  const version = await importPackage(admin, module.id, zip, `${title.replace(/[^A-Za-z0-9]+/g, '-')}.zip`);
  const path = await api('/api/paths', {
    method: 'POST',
    token: admin,
    json: { title: `Leerpad ${title} ${unique()}`, description: 'Een leerpad met één e-learning.', minOptional: 0, steps: [{ id: 's1', moduleId: module.id, required: true, unlockAfter: [] }] },
  });
  expect(path.status, JSON.stringify(path.data)).toBe(201);
  return { moduleId: module.id, title: moduleTitle, version, pathId: path.data.id as string };
}

export const enrolInPath = async (token: string, pathId: string) => expect((await api(`/api/paths/${pathId}/enrol`, { method: 'POST', token })).status).toBe(201);

/** `POST /api/modules/{id}/scorm/launch` with the learner's app token. */
export async function launch(token: string, moduleId: string) {
  const res = await api(`/api/modules/${moduleId}/scorm/launch`, { method: 'POST', token });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data as { attemptId: string; attemptNumber: number; packageVersion: number; scormVersion: '1.2' | '2004'; launchUrl: string; expiresAt: string; resumed: boolean };
}

export const tokenOf = (launchUrl: string) => new URLSearchParams(new URL(launchUrl).hash.slice(1)).get('launch')!;

/** The runtime API as the player calls it (launch token only). */
export const runtime = (attemptId: string, token: string) => api(`/api/scorm/runtime/${attemptId}`, { headers: { authorization: `Launch ${token}` } });

let clients: StoreClients | undefined;
/** Every SCO state the server stored for an attempt (read from the table, as the server keeps it). */
export async function storedScos(moduleId: string, learnerId: string, attemptId: string): Promise<Record<string, ScoState>> {
  clients ??= createStoreClients({ ...loadConfig(stack().env), storeTimeoutMs: 10_000 });
  return Object.fromEntries((await listScos(clients, moduleId, learnerId, attemptId)).map((r) => [r.scoId, r.state]));
}

/** The learner's attempts at a module (`GET /api/me/scorm/attempts`), newest first. */
export const attempts = async (token: string, moduleId: string) => (await api(`/api/me/scorm/attempts?moduleId=${moduleId}`, { token })).data.attempts as Array<{ attemptId: string; status: string; outcome?: { completion: string; success: string; percent?: number; score?: { raw?: number; max?: number; scaled?: number }; done: boolean; timeSeconds: number } }>;

/** Mijn leren (`GET /api/me/learning`). */
export const myLearning = async (token: string) => (await api('/api/me/learning', { token })).data as {
  completed: Array<{ moduleId: string; kind: string; result?: { source: string; selfReported: boolean; attemptId: string; success: string; percent?: number; score?: { raw?: number; scaled?: number }; timeSeconds: number } }>;
  enrolledModules: Array<{ moduleId: string }>;
  paths: Array<{ pathId: string; complete: boolean; percent: number }>;
};

/** The launch tokens a page sent to the runtime API (`Authorization: Launch …`), in order. */
export function watchLaunchTokens(page: Page): string[] {
  const tokens: string[] = [];
  page.on('request', (req) => {
    const auth = req.headers().authorization;
    if (auth?.startsWith('Launch ') && !tokens.includes(auth.slice(7))) tokens.push(auth.slice(7));
  });
  return tokens;
}

/** Every commit a page sent (URL and body), for replaying one later. */
export function watchCommits(page: Page): Array<{ url: string; body: string; sequence: number }> {
  const commits: Array<{ url: string; body: string; sequence: number }> = [];
  page.on('request', (req) => {
    if (req.method() !== 'POST' || !/\/api\/scorm\/runtime\/[^/]+\/scos\/[^/]+\/commit/.test(req.url())) return;
    const body = req.postData() ?? '';
    commits.push({ url: req.url(), body, sequence: Number((JSON.parse(body || '{}') as { commitSequence?: number }).commitSequence ?? 0) });
  });
  return commits;
}

// ---- the golf basic-runtime courses -------------------------------------------------------------

/** The SCO frame (launch page) and, inside it, the course's page frame. */
export const scoFrame = (page: Page): FrameLocator => page.frameLocator('#sco');
export const golfPage = (page: Page): FrameLocator => scoFrame(page).frameLocator('#contentFrame');

/** The frame showing a golf page whose URL matches. */
export async function frameMatching(page: Page, pattern: RegExp, timeoutMs = 15_000): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const f = page.frames().find((fr) => pattern.test(fr.url()));
    if (f) return f;
    if (Date.now() > end) throw new Error(`no frame ${pattern}; frames: ${page.frames().map((fr) => fr.url()).join(', ')}`);
    await page.waitForTimeout(100);
  }
}

/** Presses the golf course's own "Next ->" button `n` times. */
export async function golfNext(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const next = scoFrame(page).locator('#butNext');
    await next.waitFor();
    await next.click();
  }
}

/** Answers every question of the golf quiz correctly and submits; returns the score shown. */
export async function golfAnswerQuiz(page: Page): Promise<string> {
  const quiz = await frameMatching(page, /assessmenttemplate\.html/);
  await quiz.waitForSelector('input[value="Submit Answers"]');
  await quiz.evaluate(() => {
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('.correctAnswer input'))) {
      if (input.type === 'radio') input.checked = true;
      else input.value = /\((\d+)\)/.exec(input.parentElement?.textContent ?? '')?.[1] ?? '';
    }
  });
  await quiz.click('input[value="Submit Answers"]');
  await quiz.waitForSelector('text=/Score: \\d+/');
  return (await quiz.textContent('h3')) ?? '';
}

/**
 * A one-SCO SCORM 1.2 package whose script tries to reach the learner's app session: it reads
 * every storage and cookie it can, walks window.top/opener, and calls the app origin's API with
 * credentials. What it found is written into its own page (`#report`, JSON) for the test to read.
 */
export function snoopingPackage(appUrl: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'scorm-snoop-'));
  const manifest = `<?xml version="1.0"?>
<manifest identifier="snoop" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Snoop</title><item identifier="i1" identifierref="r1"><title>Snoop</title></item></organization></organizations>
  <resources><resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>snoop</title></head><body><pre id="report">running</pre>
<script>
(async function () {
  var r = { cookies: document.cookie, local: {}, session: {}, top: null, opener: null, topStorage: null, fetchMe: null, apiFound: !!(window.parent && window.parent.API) };
  try { for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i); r.local[k] = localStorage.getItem(k); } } catch (e) { r.local = 'error ' + e.name; }
  try { for (var j = 0; j < sessionStorage.length; j++) { var s = sessionStorage.key(j); r.session[s] = sessionStorage.getItem(s); } } catch (e) { r.session = 'error ' + e.name; }
  try { r.top = window.top.location.origin; } catch (e) { r.top = 'error ' + e.name; }
  try { r.opener = window.top.opener ? (window.top.opener.location.origin || 'reachable') : null; } catch (e) { r.opener = 'error ' + e.name; }
  try { var keys = []; var ts = window.top.sessionStorage; for (var n = 0; n < ts.length; n++) keys.push(ts.key(n) + '=' + ts.getItem(ts.key(n))); r.topStorage = keys; } catch (e) { r.topStorage = 'error ' + e.name; }
  try { var res = await fetch(${JSON.stringify(appUrl)} + '/api/me', { credentials: 'include' }); r.fetchMe = res.status + ' ' + (await res.text()).slice(0, 200); } catch (e) { r.fetchMe = 'error ' + e.name; }
  document.getElementById('report').textContent = JSON.stringify(r);
})();
</script></body></html>`;
  writeFileSync(join(dir, 'imsmanifest.xml'), manifest);
  writeFileSync(join(dir, 'index.html'), html);
  return zipDirectory(dir);
}

export const fixture = (zip: string) => readFileSync(zip);
