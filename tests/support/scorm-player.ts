/**
 * For the SCORM e2e tests: the Rustici golf fixtures unpacked, a driver for their pages, and a
 * stand-in for the runtime API (contract of functions/src/scorm/attempts: runtime data + commits)
 * routed in the browser context, so the player can be exercised against a package's real files
 * while the server side is checked separately.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { launchables, parseManifest } from '../../functions/src/scorm/domain/manifest';
import { toScormAgainSequencing } from '../../functions/src/scorm/domain/scorm-again';

export const fixturesDir = resolve(import.meta.dirname, '../../../shared/fixtures/scorm');
export const golf = {
  scorm12: join(fixturesDir, 'golf-scorm12-basic-runtime.zip'),
  scorm2004: join(fixturesDir, 'golf-scorm2004-basic-runtime.zip'),
  multiSco: join(fixturesDir, 'golf-scorm2004-multi-sco.zip'),
  singleSco: join(fixturesDir, 'golf-scorm2004-single-sco.zip'),
} as const;

let unpackRoot: string | undefined;
/** Unzips a package once per test run (system `unzip`, or Python's zipfile) and returns the folder. */
export function unpacked(zip: string): string {
  unpackRoot ??= mkdtempSync(join(tmpdir(), 'scorm-e2e-'));
  const dir = join(unpackRoot, zip.replace(/[^A-Za-z0-9]+/g, '_'));
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync('unzip', ['-q', zip, '-d', dir]);
    } catch {
      execFileSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
    }
  }
  return dir;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

export interface Commit {
  scoId: string;
  body: { cmi?: Record<string, any>; commitSequence?: number; [k: string]: unknown };
  contentType: string;
  /** `header` (fetch with Authorization) or `query` (sendBeacon with ?token=). */
  auth: 'header' | 'query';
}

export interface StubRuntime {
  attemptId: string;
  token: string;
  moduleId: string;
  versionPrefix: string;
  scormVersion: '1.2' | '2004';
  state: Record<string, { cmi: Record<string, any>; entry: string }>;
  storedSequence: number;
  commits: Commit[];
  launchUrl: string;
  /** Set false to answer commits with 503 (a failing server). */
  accepting: boolean;
}

/**
 * Routes the runtime API, the package cookie and the package files of one attempt in `context`.
 * Commits are applied as the contract says: a higher sequence replaces the SCO's CMI; `exit`
 * `suspend` makes the next entry `resume`.
 */
export async function stubRuntime(context: BrowserContext, contentUrl: string, packageDir: string, opts: { attemptId?: string; token?: string; /** The same attempt, launched again in another context. */ again?: StubRuntime } = {}): Promise<StubRuntime> {
  const parsed = parseManifest(readFileSync(join(packageDir, 'imsmanifest.xml'), 'utf8'));
  if (!parsed.ok) throw new Error(`manifest: ${parsed.error.code}`);
  const manifest = parsed.manifest;
  const scormVersion = manifest.scormVersion.startsWith('2004') ? '2004' : '1.2';
  const list = launchables(manifest);
  const rt: StubRuntime = opts.again ?? {
    attemptId: opts.attemptId ?? `att${Date.now().toString(36)}`,
    token: opts.token ?? `tok-${Math.random().toString(36).slice(2)}`,
    moduleId: 'stubmodule',
    versionPrefix: `v${Date.now().toString(36)}`,
    scormVersion,
    state: {},
    storedSequence: 0,
    commits: [],
    launchUrl: '',
    accepting: true,
  };
  if (!opts.again) rt.launchUrl = `${contentUrl}/player/#launch=${encodeURIComponent(rt.token)}&attempt=${rt.attemptId}`;
  const base = `/packages/${rt.moduleId}/${rt.versionPrefix}/`;
  const api = `${contentUrl}/api/scorm/runtime/${rt.attemptId}`;

  await context.route(`${contentUrl}/launch-cookie`, (route) =>
    route.request().headers().authorization === `Launch ${rt.token}` ? route.fulfill({ status: 204 }) : route.fulfill({ status: 403 }),
  );
  await context.route((url) => url.href === api, (route) => {
    if (route.request().headers().authorization !== `Launch ${rt.token}`) return route.fulfill({ status: 403, json: { title: 'no' } });
    return route.fulfill({
      json: {
        attempt: { attemptId: rt.attemptId, learnerId: 'u-test', learnerName: 'Test, Leerling' },
        scormVersion,
        title: manifest.title,
        package: { baseUrl: base, launchables: list, sequencing: scormVersion === '2004' ? toScormAgainSequencing(manifest) : undefined, defaultScoId: list[0]?.itemId },
        state: rt.state,
        storedSequence: rt.storedSequence,
      },
      headers: { 'cache-control': 'no-store' },
    });
  });
  await context.route((url) => url.href.startsWith(`${api}/scos/`), async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const scoId = decodeURIComponent(url.pathname.split('/')[6] ?? '');
    const viaQuery = url.searchParams.get('token') === rt.token;
    const viaHeader = req.headers().authorization === `Launch ${rt.token}`;
    if (!viaQuery && !viaHeader) return route.fulfill({ status: 403, json: { title: 'no' } });
    if (!rt.accepting) return route.fulfill({ status: 503, json: { title: 'down' } });
    const body = JSON.parse(req.postData() ?? '{}') as Commit['body'];
    rt.commits.push({ scoId, body, contentType: req.headers()['content-type'] ?? '', auth: viaHeader ? 'header' : 'query' });
    const seq = Number(body.commitSequence ?? 0);
    if (seq > rt.storedSequence && body.cmi) {
      rt.storedSequence = seq;
      const exit = scormVersion === '1.2' ? body.cmi.core?.exit : body.cmi.exit;
      rt.state[scoId] = { cmi: body.cmi, entry: exit === 'suspend' ? 'resume' : '' };
    }
    return route.fulfill({ json: { result: true, errorCode: 0, storedSequence: rt.storedSequence } });
  });
  await context.route((url) => url.href.startsWith(`${contentUrl}${base}`), (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.slice(base.length));
    const file = normalize(join(packageDir, rel));
    if (!file.startsWith(packageDir) || !existsSync(file) || !statSync(file).isFile()) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': types[extname(file).toLowerCase()] ?? 'application/octet-stream' } });
  });
  return rt;
}

/** The newest stored CMI of a SCO (what the server holds). */
export const storedCmi = (rt: StubRuntime, scoId: string) => rt.state[scoId]?.cmi;

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
export function snoopingPackage(appUrl: string): string {
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
  return dir;
}
