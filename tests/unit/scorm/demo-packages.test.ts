/**
 * The demo SCORM packages built from content/scorm/ by scripts/build-scorm.ts: the zips are
 * complete, deterministic, self-contained and in Dutch, and each SCO's script drives a real
 * SCORM runtime (scorm-again's API objects, no browser) through start, bookmark, resume, quiz
 * and exit without a single rejected call.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScormPackages, readManifest, scormSourceDir, type BuiltScormPackage } from '../../../scripts/build-scorm';

const SCORM12_ID = 'suicidepreventie-signaleren';
const SCORM2004_ID = 'deescalatie-in-de-praktijk';

function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

let dirA: string;
let dirB: string;
let built: BuiltScormPackage[];
const zips = new Map<string, Map<string, Buffer>>();

beforeAll(async () => {
  dirA = await mkdtemp(join(tmpdir(), 'scorm-demo-a-'));
  dirB = await mkdtemp(join(tmpdir(), 'scorm-demo-b-'));
  built = await buildScormPackages(dirA);
  for (const p of built) zips.set(p.id, await readZip(await readFile(p.file)));
});

afterAll(async () => {
  await rm(dirA, { recursive: true, force: true });
  await rm(dirB, { recursive: true, force: true });
});

function files(id: string): Map<string, Buffer> {
  const zip = zips.get(id);
  if (!zip) throw new Error(`${id} was not built`);
  return zip;
}

function fileText(id: string, path: string): string {
  const data = files(id).get(path);
  if (!data) throw new Error(`${id}.zip has no ${path}`);
  return data.toString('utf8');
}

describe('building the demo packages', () => {
  it('builds a SCORM 1.2 and a SCORM 2004 package with their titles', () => {
    expect(built.map(({ id, title, version }) => ({ id, title, version }))).toEqual([
      { id: SCORM2004_ID, title: 'Omgaan met agressie: de-escalatie in de praktijk', version: '2004' },
      { id: SCORM12_ID, title: 'Suïcidepreventie: signaleren en bespreekbaar maken', version: '1.2' },
    ]);
    for (const p of built) {
      expect(p.file).toBe(join(dirA, `${p.id}.zip`));
      expect(p.bytes).toBeGreaterThan(1000);
      expect(p.bytes).toBeLessThan(200_000);
    }
  });

  it('gives byte-identical zips when built twice', async () => {
    const again = await buildScormPackages(dirB);
    expect(again.map((p) => p.id)).toEqual(built.map((p) => p.id));
    for (const p of built) {
      const first = await readFile(p.file);
      const second = await readFile(join(dirB, `${p.id}.zip`));
      expect(second.equals(first), `${p.id}.zip differs between builds`).toBe(true);
    }
  });

  it('stores entries sorted, without directories, with imsmanifest.xml at the root', () => {
    for (const p of built) {
      const names = [...files(p.id).keys()];
      expect(names).toContain('imsmanifest.xml');
      expect(names).toEqual([...names].sort());
      expect(names.every((n) => !n.endsWith('/') && !n.startsWith('/') && !n.includes('..'))).toBe(true);
    }
  });

  it('has a manifest that parses as XML and names only files that are in the zip', () => {
    for (const p of built) {
      const xml = fileText(p.id, 'imsmanifest.xml');
      expect(XMLValidator.validate(xml)).toBe(true);
      const { hrefs, version } = readManifest(xml);
      expect(version).toBe(p.version);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(files(p.id).has(href), `${p.id}: ${href}`).toBe(true);
    }
  });

  it('refuses to build a package whose manifest names a missing file or does not parse', async () => {
    const source = await mkdtemp(join(tmpdir(), 'scorm-src-'));
    try {
      await cp(join(scormSourceDir, SCORM12_ID), join(source, 'kapot'), { recursive: true });
      const manifest = join(source, 'kapot', 'imsmanifest.xml');
      const xml = await readFile(manifest, 'utf8');
      await writeFile(manifest, xml.replace('js/course.js', 'js/ontbreekt.js'));
      await expect(buildScormPackages(join(source, 'out'), source)).rejects.toThrow(/noemt bestanden die niet bestaan: js\/ontbreekt\.js/);
      await writeFile(manifest, xml.replace('</manifest>', ''));
      await expect(buildScormPackages(join(source, 'out'), source)).rejects.toThrow(/geen geldige XML/);
    } finally {
      await rm(source, { recursive: true, force: true });
    }
  });
});

describe('the manifests', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseTagValue: false, isArray: (n) => ['item', 'resource', 'rollupRule'].includes(n) });

  it('SCORM 1.2: one SCO with a mastery score of 80', () => {
    const m = parser.parse(fileText(SCORM12_ID, 'imsmanifest.xml')).manifest;
    expect(m.metadata.schemaversion).toBe('1.2');
    const items = m.organizations.organization.item;
    expect(items).toHaveLength(1);
    expect(items[0].masteryscore).toBe('80');
    expect(m.resources.resource.map((r: { scormtype: string }) => r.scormtype)).toEqual(['sco']);
  });

  it('SCORM 2004: two modules of two lessons and a test, choice and flow, lessons and test complete and the test satisfies', () => {
    const xml = fileText(SCORM2004_ID, 'imsmanifest.xml');
    const m = parser.parse(xml).manifest;
    expect(m.metadata.schemaversion).toBe('2004 4th Edition');
    const org = m.organizations.organization;
    expect(org.item.map((i: { identifier: string }) => i.identifier)).toEqual(['module_1', 'module_2', 'eindtoets']);
    expect(org.item[0].item).toHaveLength(2);
    expect(org.item[1].item).toHaveLength(2);
    expect(org.sequencing.controlMode).toEqual({ choice: 'true', flow: 'true' });
    expect(org.sequencing.rollupRules.rollupRule.map((r: { rollupAction: { action: string } }) => r.rollupAction.action)).toEqual([
      'completed',
      'incomplete',
      'satisfied',
      'notSatisfied',
    ]);
    const scos = m.resources.resource.filter((r: { scormType: string }) => r.scormType === 'sco');
    expect(scos).toHaveLength(5);
    const test = org.item[2].sequencing;
    expect(test.objectives.primaryObjective.minNormalizedMeasure).toBe('0.8');
    expect(test.rollupRules).toMatchObject({ rollupObjectiveSatisfied: 'true', rollupProgressCompletion: 'true', objectiveMeasureWeight: '1' });
    const collection = m.sequencingCollection.sequencing;
    const lesson = collection.find((s: { ID: string }) => s.ID === 'seq_les');
    expect(lesson.rollupRules).toMatchObject({ rollupObjectiveSatisfied: 'false', rollupProgressCompletion: 'true' });
    const module = collection.find((s: { ID: string }) => s.ID === 'seq_module');
    expect(module.controlMode).toEqual({ choice: 'true', flow: 'true' });
  });
});

describe('the content', () => {
  const textFiles = (id: string) => [...files(id).keys()].filter((n) => /\.(html|css|js|xml)$/.test(n));

  it('every HTML page is Dutch, titled, has one h1 and a viewport', () => {
    for (const p of built) {
      const pages = textFiles(p.id).filter((n) => n.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        const html = fileText(p.id, page);
        expect(html, page).toMatch(/^<!doctype html>\s*<html lang="nl">/i);
        expect(html, page).toMatch(/<title>[^<]+<\/title>/);
        expect(html.match(/<h1[\s>]/g), page).toHaveLength(1);
        expect(html, page).toContain('name="viewport"');
      }
    }
  });

  it('loads nothing from outside the package: no http(s) or protocol-relative URLs anywhere', () => {
    for (const p of built) {
      for (const name of textFiles(p.id)) {
        let body = fileText(p.id, name);
        // Namespace names in the manifest are identifiers, not locations: they are never fetched.
        if (name === 'imsmanifest.xml') body = body.replace(/xmlns(:\w+)?="[^"]*"/g, '');
        expect(body, `${p.id}/${name}`).not.toMatch(/https?:\/\//i);
        expect(body, `${p.id}/${name}`).not.toMatch(/(src|href)\s*=\s*["']\/\//i);
        expect(body, `${p.id}/${name}`).not.toMatch(/url\(\s*["']?(\/\/|[a-z]+:)/i);
        expect(body, `${p.id}/${name}`).not.toMatch(/\b(eval|innerHTML|document\.write)\b/);
      }
    }
  });

  it('every local src and href in the HTML points at a file in the zip', () => {
    for (const p of built) {
      for (const page of textFiles(p.id).filter((n) => n.endsWith('.html'))) {
        const html = fileText(p.id, page);
        const dir = page.includes('/') ? page.slice(0, page.lastIndexOf('/') + 1) : '';
        for (const [, ref] of html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)) {
          const target = new URL(ref!, `file:///pkg/${dir}`).pathname.replace(/^\/pkg\//, '');
          expect(files(p.id).has(target), `${p.id}/${page} → ${ref}`).toBe(true);
        }
      }
    }
  });
});

/* ---------- the SCO scripts against a real SCORM runtime ---------- */

interface FakeWindow extends Record<string, unknown> {
  parent: FakeWindow;
}

/** A frame chain: the SCO's window inside `depth` frames, the top one holding `api` as `name`. */
function frameChain(name: 'API' | 'API_1484_11', api: unknown, depth = 2): { sco: vm.Context } {
  const top = {} as FakeWindow;
  top.parent = top;
  top[name] = api;
  let parent = top;
  for (let i = 1; i < depth; i++) parent = { parent } as FakeWindow;
  const sco = vm.createContext({ console, parent });
  sco.window = sco;
  return { sco };
}

function runScripts(context: vm.Context, id: string, paths: string[]): void {
  for (const path of paths) vm.runInContext(fileText(id, path), context, { filename: `${id}/${path}` });
}

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2026, 2, 2, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function cmiOf(api: { cmi: unknown }): Record<string, any> {
  return JSON.parse(JSON.stringify(api.cmi));
}

type Api12 = InstanceType<typeof Scorm12API>;
type Api2004 = InstanceType<typeof Scorm2004API>;

/**
 * The API as the SCO sees it: every call goes through to scorm-again, and the calls and the
 * last value set per element are recorded (scorm-again rewrites some values, e.g. on Terminate).
 */
function recording<T extends object>(api: T | null) {
  const calls: string[] = [];
  const sets = new Map<string, string>();
  const proxy = api
    ? new Proxy(api, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            calls.push(String(prop));
            if (prop === 'SetValue' || prop === 'LMSSetValue') sets.set(String(args[0]), String(args[1]));
            return value.apply(target, args);
          };
        },
      })
    : null;
  return { proxy, calls, sets };
}

describe('SCORM 1.2 SCO against scorm-again', () => {
  const id = SCORM12_ID;
  const scripts = ['js/scorm12.js', 'js/questions.js', 'js/course.js'];
  const pageIds = () => [...fileText(id, 'index.html').matchAll(/<section id="([^"]+)" data-page/g)].map((m) => m[1]!);

  function launch(api: Api12 | null, time = clock()) {
    const { proxy, calls, sets } = recording(api);
    const { sco } = frameChain('API', proxy);
    runScripts(sco, id, scripts);
    const rt = sco.GGZ.connect12(sco);
    const course = sco.GGZ.createCourse(rt, { pages: pageIds(), questions: sco.GGZ.QUESTIONS, now: time.now });
    return { sco, rt, course, time, calls, sets, questions: sco.GGZ.QUESTIONS as Array<{ id: string; correct: string; options: Array<{ key: string }> }> };
  }

  it('finds the API up the parent chain, through a cross-origin frame, and through window.opener', () => {
    const api = new Scorm12API({ logLevel: 5 });
    const { sco } = frameChain('API', api, 4);
    runScripts(sco, id, ['js/scorm12.js']);
    expect(sco.GGZ.findApi12(sco)).toBe(api);

    const top = { API: api } as unknown as FakeWindow;
    top.parent = top;
    const foreign = { parent: top } as FakeWindow;
    Object.defineProperty(foreign, 'API', { get: () => { throw new Error('SecurityError'); } });
    const framed = vm.createContext({ parent: foreign });
    framed.window = framed;
    runScripts(framed, id, ['js/scorm12.js']);
    expect(framed.GGZ.findApi12(framed)).toBe(api);

    const popup = vm.createContext({ opener: { parent: top } });
    popup.window = popup;
    popup.parent = popup;
    runScripts(popup, id, ['js/scorm12.js']);
    expect(popup.GGZ.findApi12(popup)).toBe(api);

    const alone = vm.createContext({});
    alone.window = alone;
    alone.parent = alone;
    runScripts(alone, id, ['js/scorm12.js']);
    expect(alone.GGZ.findApi12(alone)).toBeNull();
  });

  it('formats session time as HHHH:MM:SS.SS', () => {
    const { sco } = frameChain('API', null);
    runScripts(sco, id, ['js/scorm12.js']);
    expect(sco.GGZ.timespan12(0)).toBe('0000:00:00.00');
    expect(sco.GGZ.timespan12(3_723_456)).toBe('0001:02:03.46');
  });

  it('bookmarks, suspends, resumes with the answers so far, then passes the quiz', () => {
    const pages = pageIds();
    const quiz = pages.indexOf('toets');

    // First session: read two pages, start the quiz, answer three questions, close the window.
    const api1 = new Scorm12API({ logLevel: 5 });
    const s1 = launch(api1);
    s1.course.start();
    expect(cmiOf(api1).core.lesson_status).toBe('incomplete');
    s1.course.goTo(1);
    s1.course.goTo(quiz);
    for (const q of s1.questions.slice(0, 3)) {
      s1.time.advance(10_000);
      s1.course.answer(q.id, q.correct);
    }
    s1.time.advance(5_000);
    s1.course.exit();
    s1.course.exit(); // pagehide and unload both fire: the second call does nothing
    expect(s1.rt.errors).toEqual([]);
    const saved = cmiOf(api1);
    expect(saved.core).toMatchObject({ exit: 'suspend', lesson_location: 'toets', lesson_status: 'incomplete' });
    expect(s1.sets.get('cmi.core.session_time')).toBe('0000:00:35.00');
    expect(s1.calls[0]).toBe('LMSInitialize');
    expect(s1.calls.at(-1)).toBe('LMSFinish');
    expect(s1.calls.filter((c) => c === 'LMSFinish')).toHaveLength(1);
    expect(Object.keys(JSON.parse(saved.suspend_data).a)).toHaveLength(3);
    expect(api1.isTerminated()).toBe(true);

    // Second session: the LMS resumes with location and suspend data; finish with one wrong answer.
    const api2 = new Scorm12API({ logLevel: 5 });
    api2.loadFromJSON({ core: { entry: 'resume', lesson_location: saved.core.lesson_location, lesson_status: 'incomplete' }, suspend_data: saved.suspend_data });
    const s2 = launch(api2);
    const state = s2.course.start();
    expect(state.page).toBe(quiz);
    expect(Object.keys(state.answers)).toHaveLength(3);
    const [q4, q5] = s2.questions.slice(3);
    s2.time.advance(8_000);
    s2.course.answer(q4!.id, q4!.correct);
    s2.time.advance(4_000);
    s2.course.answer(q5!.id, q5!.options.find((o) => o.key !== q5!.correct)!.key);
    expect(s2.course.submit()).toEqual([]);
    s2.course.exit();
    expect(s2.rt.errors).toEqual([]);

    const done = cmiOf(api2);
    expect(done.core).toMatchObject({ lesson_status: 'passed', exit: '', lesson_location: 'resultaat' });
    expect(s2.sets.get('cmi.core.session_time')).toBe('0000:00:12.00');
    expect(s2.calls).toContain('LMSCommit');
    expect(done.core.score).toEqual({ raw: '80', min: '0', max: '100' });
    const interactions = Object.values(done.interactions) as Array<Record<string, any>>;
    expect(interactions).toHaveLength(5);
    expect(interactions[0]).toMatchObject({ id: s2.questions[0]!.id, type: 'choice', result: 'correct', weighting: '1' });
    expect(interactions[0]!.correct_responses['0'].pattern).toBe(s2.questions[0]!.correct);
    expect(interactions[3]).toMatchObject({ student_response: q4!.correct });
    expect(s2.sets.get('cmi.interactions.3.latency')).toBe('0000:00:08.00');
    expect(s2.sets.get('cmi.interactions.3.time')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(interactions[4]!.result).toBe('wrong');
  });

  it('uses the mastery score the LMS passes, fails below it, and can retry', () => {
    const api = new Scorm12API({ logLevel: 5 });
    api.loadFromJSON({ student_data: { mastery_score: '100' } });
    const s = launch(api);
    s.course.start();
    s.course.goTo(pageIds().indexOf('toets'));
    expect(s.course.submit()).toHaveLength(5); // nothing answered: nothing recorded
    s.questions.forEach((q, i) => s.course.answer(q.id, i === 0 ? q.options.find((o) => o.key !== q.correct)!.key : q.correct));
    s.course.submit();
    expect(cmiOf(api).core.lesson_status).toBe('failed');
    s.course.retry();
    s.questions.forEach((q) => s.course.answer(q.id, q.correct));
    s.course.submit();
    s.course.exit();
    expect(s.rt.errors).toEqual([]);
    const cmi = cmiOf(api);
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score.raw).toBe('100');
    expect(Object.keys(cmi.interactions)).toHaveLength(10); // 1.2 interactions are a journal
  });

  it('runs without an LMS (preview) without throwing', () => {
    const s = launch(null);
    expect(s.rt.available).toBe(false);
    s.course.start();
    s.course.goTo(1);
    s.course.exit();
  });
});

describe('SCORM 2004 SCOs against scorm-again', () => {
  const id = SCORM2004_ID;

  function setup(api: Api2004 | null, scripts: string[], time = clock()) {
    const { proxy, calls, sets } = recording(api);
    const { sco } = frameChain('API_1484_11', proxy, 3);
    runScripts(sco, id, ['shared/js/scorm2004.js', ...scripts]);
    return { sco, rt: sco.GGZ.connect2004(sco), time, calls, sets };
  }

  it('formats durations and timestamps', () => {
    const { sco } = setup(null, []);
    expect(sco.GGZ.duration2004(0)).toBe('PT0S');
    expect(sco.GGZ.duration2004(12_500)).toBe('PT12.5S');
    expect(sco.GGZ.duration2004(3_723_456)).toBe('PT1H2M3.46S');
    expect(sco.GGZ.timestamp2004(new Date(2026, 2, 2, 14, 5, 9))).toBe('2026-03-02T14:05:09');
  });

  for (const lesson of ['les-1-1', 'les-1-2', 'les-2-1', 'les-2-2']) {
    it(`${lesson}: suspends at a page, resumes there, completes on the last page and asks to continue`, () => {
      const pages = [...fileText(id, `${lesson}/index.html`).matchAll(/<section id="([^"]+)" data-page/g)].map((m) => m[1]!);
      expect(pages.length).toBeGreaterThanOrEqual(3);

      const api1 = new Scorm2004API({ logLevel: 5 });
      const s1 = setup(api1, ['shared/js/lesson.js']);
      const l1 = s1.sco.GGZ.createLesson(s1.rt, { pages, now: s1.time.now });
      l1.start();
      expect(cmiOf(api1).completion_status).toBe('incomplete');
      l1.goTo(1);
      s1.time.advance(61_000);
      l1.leave();
      expect(s1.rt.errors).toEqual([]);
      const saved = cmiOf(api1);
      expect(saved).toMatchObject({ exit: 'suspend', location: pages[1], completion_status: 'incomplete' });
      expect(s1.sets.get('cmi.session_time')).toBe('PT1M1S');
      expect(s1.sets.has('adl.nav.request')).toBe(false);

      const api2 = new Scorm2004API({ logLevel: 5 });
      api2.loadFromJSON({ entry: 'resume', location: saved.location, completion_status: 'incomplete' });
      const s2 = setup(api2, ['shared/js/lesson.js']);
      const l2 = s2.sco.GGZ.createLesson(s2.rt, { pages, now: s2.time.now });
      expect(l2.start().page).toBe(1);
      l2.goTo(pages.length - 1);
      expect(l2.leave('continue')).toBe(true);
      expect(s2.rt.errors).toEqual([]);
      const done = cmiOf(api2);
      expect(done).toMatchObject({ completion_status: 'completed', exit: 'normal', progress_measure: '1' });
      expect(s2.sets.get('adl.nav.request')).toBe('continue');
      expect(s2.calls.slice(-2)).toEqual(['SetValue', 'Terminate']);
    });
  }

  it('eindtoets: suspends mid-test, resumes at the question with the answers so far, and passes', () => {
    const questionsScript = ['shared/js/questions.js', 'shared/js/test.js'];
    const api1 = new Scorm2004API({ logLevel: 5 });
    api1.loadFromJSON({ scaled_passing_score: '0.8' });
    const s1 = setup(api1, questionsScript);
    const questions = s1.sco.GGZ.QUESTIONS as Array<{ id: string; correct: string; text: string; options: Array<{ key: string }> }>;
    const t1 = s1.sco.GGZ.createTest(s1.rt, { questions, now: s1.time.now });
    t1.start();
    t1.goTo(1);
    s1.time.advance(7_000);
    t1.answer(questions[0]!.id, questions[0]!.correct);
    t1.goTo(2);
    s1.time.advance(9_000);
    t1.answer(questions[1]!.id, questions[1]!.correct);
    t1.leave();
    expect(s1.rt.errors).toEqual([]);
    const saved = cmiOf(api1);
    expect(saved).toMatchObject({ exit: 'suspend', location: 'vraag-2', completion_status: 'incomplete', success_status: 'unknown' });

    const api2 = new Scorm2004API({ logLevel: 5 });
    api2.loadFromJSON({ entry: 'resume', location: saved.location, suspend_data: saved.suspend_data, scaled_passing_score: '0.8', completion_status: 'incomplete' });
    const s2 = setup(api2, questionsScript);
    const t2 = s2.sco.GGZ.createTest(s2.rt, { questions, now: s2.time.now });
    const state = t2.start();
    expect(state.page).toBe(2);
    expect(Object.keys(state.answers)).toEqual([questions[0]!.id, questions[1]!.id]);
    for (let i = 2; i < questions.length; i++) {
      t2.goTo(i + 1);
      s2.time.advance(5_000);
      const q = questions[i]!;
      t2.answer(q.id, i === 4 ? q.options.find((o) => o.key !== q.correct)!.key : q.correct);
    }
    expect(t2.submit()).toEqual([]);
    t2.leave();
    expect(s2.rt.errors).toEqual([]);
    const done = cmiOf(api2);
    expect(done).toMatchObject({ completion_status: 'completed', success_status: 'passed', exit: 'normal', location: 'resultaat' });
    expect(s2.sets.get('cmi.session_time')).toBe('PT15S');
    expect(done.score).toMatchObject({ scaled: '0.8', raw: '80', min: '0', max: '100' });
    const interactions = Object.values(done.interactions) as Array<Record<string, any>>;
    expect(interactions).toHaveLength(5);
    expect(interactions[0]).toMatchObject({ id: questions[0]!.id, type: 'choice', learner_response: questions[0]!.correct, result: 'correct', latency: 'PT7S', description: questions[0]!.text });
    expect(interactions[4]!.result).toBe('incorrect');
    expect(interactions[4]!.correct_responses['0'].pattern).toBe(questions[4]!.correct);
  });

  it('eindtoets: a failed try and a retry update the same interactions', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    const s = setup(api, ['shared/js/questions.js', 'shared/js/test.js']);
    const questions = s.sco.GGZ.QUESTIONS as Array<{ id: string; correct: string; options: Array<{ key: string }> }>;
    const t = s.sco.GGZ.createTest(s.rt, { questions, now: s.time.now });
    expect(t.start().passing).toBe(0.8); // the manifest's 0.8 when the LMS passes none
    questions.forEach((q, i) => t.answer(q.id, i < 2 ? q.options.find((o) => o.key !== q.correct)!.key : q.correct));
    t.submit();
    expect(cmiOf(api)).toMatchObject({ success_status: 'failed', completion_status: 'completed' });
    t.retry();
    expect(t.state.page).toBe(1);
    questions.forEach((q) => t.answer(q.id, q.correct));
    t.submit();
    t.leave();
    expect(s.rt.errors).toEqual([]);
    const cmi = cmiOf(api);
    expect(cmi.success_status).toBe('passed');
    expect(Object.values(cmi.interactions).map((x: any) => x.result)).toEqual(['correct', 'correct', 'correct', 'correct', 'correct']);
  });
});
