/**
 * SCORM e-learning in Chromium, the whole chain on the real local stack: a package uploaded through
 * the upload routes (presigned POST to s3rver → complete → import polled until ready) into a
 * published `elearning` module in a published path → launched by a learner (the module page's
 * "Start e-learning", or the launch API and its `launchUrl`) → played in the player on the content
 * origin (web/player) against the real runtime API → stored state, attempt history, Mijn leren and
 * the path step. Plus the isolation, offline and trust checks of the issue, and the demo packages
 * that `npm start` seeds.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../functions/src/platform/config';
import { signLaunchToken } from '../../functions/src/scorm/attempts/launch-token';
import { api, demo, tokenFor } from '../support/api';
import { syntheticEmployees } from '../support/learning';
import { h1, signInAs, url, usePages } from '../support/pages';
import {
  attempts,
  enrolInPath,
  fixture,
  frameMatching,
  golf,
  golfAnswerQuiz,
  golfNext,
  launch,
  myLearning,
  runtime,
  scoFrame,
  scormCourse,
  snoopingPackage,
  storedScos,
  tokenOf,
  watchCommits,
  watchLaunchTokens,
} from '../support/scorm-player';

const stack = () => inject('stack');
const newPage = usePages();

/** Mark Visser (team manager and employee): no other e2e file signs him in, so his Mijn leren is ours. */
const mark = { id: 'u-mark-visser', button: 'Mark Visser' };

type Course = Awaited<ReturnType<typeof scormCourse>>;
let admin: string;
let courses: { scorm12: Course; scorm2004: Course; multiSco: Course; singleSco: Course; snoop: Course };

beforeAll(async () => {
  admin = await tokenFor(demo.admin);
  const [scorm12, scorm2004, multiSco, singleSco, snoop] = await Promise.all([
    scormCourse(admin, 'Golf SCORM 1.2', fixture(golf.scorm12)),
    scormCourse(admin, 'Golf SCORM 2004', fixture(golf.scorm2004)),
    scormCourse(admin, 'Golf multi-SCO', fixture(golf.multiSco)),
    scormCourse(admin, 'Golf single SCO', fixture(golf.singleSco)),
    scormCourse(admin, 'Snuffelpakket', await snoopingPackage(stack().appUrl)),
  ]);
  courses = { scorm12, scorm2004, multiSco, singleSco, snoop };
});

/** Opens the player (a launch URL) in a page; dialogs of the course ("resume?") are accepted. */
async function openPlayer(page: Page, launchUrl: string) {
  page.on('dialog', (d) => void d.accept());
  await page.goto(launchUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** "Start e-learning" (or "Verder waar je was" for an attempt in progress) on the module page: the player opens in a new tab of the same browser. */
async function startFromModulePage(app: Page, moduleId: string, title: string, button = 'Start e-learning'): Promise<Page> {
  await app.goto(url(`/aanbod/${moduleId}`));
  await h1(app, title);
  const opened = app.context().waitForEvent('page');
  await app.getByRole('region', { name: 'E-learning' }).getByRole('button', { name: button, exact: true }).click();
  const player = await opened;
  player.on('dialog', (d) => void d.accept());
  await player.waitForURL(/\/player\//);
  await player.getByRole('heading', { level: 1 }).waitFor();
  return player;
}

const saved = (page: Page, timeout = 20_000) => page.getByRole('status').filter({ hasText: 'Alles is opgeslagen' }).waitFor({ timeout });

describe('SCORM 1.2 golf (Rustici basic runtime) on the real API', () => {
  it('from the module page: half-way, closed, relaunched at the bookmark, played to the end of the quiz → passed with score 100, in Mijn leren and the path step complete', async () => {
    const c = courses.scorm12;
    const markToken = await tokenFor(mark.id);
    await enrolInPath(markToken, c.pathId);
    const { page: app } = await newPage();
    await signInAs(app, mark.button);

    const player = await startFromModulePage(app, c.moduleId, c.title);
    await scoFrame(player).locator('#butNext').waitFor();
    // The token left the address bar; only the SCORM 1.2 build was loaded; window.API is scorm-again's.
    expect(player.url()).toBe(`${stack().contentUrl}/player/`);
    expect(await player.evaluate(() => typeof (window as any).API?.LMSInitialize)).toBe('function');
    expect(await player.evaluate(() => (window as any).API_1484_11)).toBeUndefined();
    const scripts = await player.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    expect(scripts.some((s) => /scorm12-/.test(s))).toBe(true);
    expect(scripts.some((s) => /scorm2004-/.test(s))).toBe(false);
    const [first] = await attempts(markToken, c.moduleId);
    expect(first).toMatchObject({ status: 'in-progress' });

    // Half-way: five pages on, then the tab closes (its last commit leaves as a beacon).
    await golfNext(player, 5);
    await frameMatching(player, /Etiquette\/Course\.html/);
    await player.close({ runBeforeUnload: true });
    await expect.poll(async () => (await storedScos(c.moduleId, mark.id, first!.attemptId)).item_1?.exit, { timeout: 15_000 }).toBe('suspend');
    expect((await storedScos(c.moduleId, mark.id, first!.attemptId)).item_1?.location).toBe('5');

    // Relaunch from the module page ("Verder waar je was"): the same attempt, resumed (the course's "resume?" is accepted) on page 6.
    const again = await startFromModulePage(app, c.moduleId, c.title, 'Verder waar je was');
    await frameMatching(again, /Etiquette\/Course\.html/);
    expect(await again.evaluate(() => (window as any).API.cmi.core.entry)).toBe('resume');
    await golfNext(again, 9);
    expect(await golfAnswerQuiz(again)).toMatch(/Score: 100/);
    await saved(again);
    await scoFrame(again).locator('#butExit').click();

    await expect.poll(async () => (await attempts(markToken, c.moduleId))[0]?.status, { timeout: 15_000 }).toBe('completed');
    const history = await attempts(markToken, c.moduleId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ attemptId: first!.attemptId, outcome: { completion: 'completed', success: 'passed', percent: 100, score: { raw: 100, max: 100 }, done: true } });
    const sco = (await storedScos(c.moduleId, mark.id, first!.attemptId)).item_1!;
    expect(sco.lessonStatus).toBe('passed');
    // The basic-runtime sample reports status, score and bookmark (no cmi.interactions).
    expect(sco.score).toMatchObject({ raw: 100, max: 100 });

    // The module page shows the attempt in "Jouw pogingen" with its score; no retakes, so no start button.
    await app.goto(url(`/aanbod/${c.moduleId}`));
    await h1(app, c.title);
    const elearning = app.getByRole('region', { name: 'E-learning' });
    const row = elearning.getByRole('table', { name: 'Jouw pogingen' }).getByRole('row').filter({ has: app.getByRole('rowheader', { name: '1', exact: true }) });
    await row.getByRole('cell', { name: '100%', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Afgerond', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Geslaagd', exact: true }).waitFor();
    await elearning.getByText('zelf gerapporteerd door de e-learning').waitFor();
    expect(await elearning.getByRole('button', { name: /Start e-learning|Verder waar je was|Opnieuw maken/ }).count()).toBe(0);

    const mine = await myLearning(markToken);
    expect(mine.completed.find((x) => x.moduleId === c.moduleId)).toMatchObject({ kind: 'elearning', result: { source: 'scorm', selfReported: true, attemptId: first!.attemptId, success: 'passed', percent: 100 } });
    expect(mine.paths.find((p) => p.pathId === c.pathId)).toMatchObject({ complete: true, percent: 100 });
  });
});

describe('SCORM 2004 golf (Rustici basic runtime) on the real API', () => {
  it('location and suspend_data restored before Initialize on relaunch; played to the end → completed, passed, scaled 1; path step complete', async () => {
    const c = courses.scorm2004;
    const [me] = await syntheticEmployees(1, 'u-golf2004');
    await enrolInPath(me!.token, c.pathId);
    const l1 = await launch(me!.token, c.moduleId);
    expect(l1).toMatchObject({ scormVersion: '2004', attemptNumber: 1, resumed: false });
    const { page } = await newPage();
    await openPlayer(page, l1.launchUrl);
    await golfNext(page, 3);
    await page.close({ runBeforeUnload: true });
    await expect.poll(async () => (await storedScos(c.moduleId, me!.id, l1.attemptId)).item_1?.exit, { timeout: 15_000 }).toBe('suspend');
    expect((await storedScos(c.moduleId, me!.id, l1.attemptId)).item_1?.location).toBe('3');

    const l2 = await launch(me!.token, c.moduleId);
    expect(l2).toMatchObject({ attemptId: l1.attemptId, resumed: true });
    const { page: again, log } = await newPage();
    await openPlayer(again, l2.launchUrl);
    await frameMatching(again, /Playing\/OtherScoring\.html/);
    expect(await again.evaluate(() => (window as any).API_1484_11.cmi.entry)).toBe('resume');
    expect(await again.evaluate(() => (window as any).API)).toBeUndefined();
    await golfNext(again, 11);
    await golfAnswerQuiz(again);
    await saved(again);
    await scoFrame(again).locator('#butExit').click();

    await expect.poll(async () => (await attempts(me!.token, c.moduleId))[0]?.status, { timeout: 15_000 }).toBe('completed');
    const sco = (await storedScos(c.moduleId, me!.id, l1.attemptId)).item_1!;
    expect(sco).toMatchObject({ completion: 'completed', success: 'passed' });
    expect(sco.score?.scaled).toBe(1);
    const mine = await myLearning(me!.token);
    expect(mine.completed.find((x) => x.moduleId === c.moduleId)?.result).toMatchObject({ success: 'passed', percent: 100, selfReported: true });
    expect(mine.paths.find((p) => p.pathId === c.pathId)).toMatchObject({ complete: true });
    expect(log.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

describe('SCORM 2004 golf multi-SCO (18 assets) on the real API', () => {
  it('navigates between SCOs from the table of contents and previous/next; each keeps its own state; every item delivered → completed, path step complete', async () => {
    const c = courses.multiSco;
    const [me] = await syntheticEmployees(1, 'u-golfmulti');
    await enrolInPath(me!.token, c.pathId);
    const l = await launch(me!.token, c.moduleId);
    const { page, log } = await newPage();
    await openPlayer(page, l.launchUrl);
    const toc = page.getByRole('navigation', { name: 'Inhoud van de e-learning' });
    await toc.getByRole('button', { name: 'How to Play' }).waitFor();
    await frameMatching(page, /Playing\/Playing\.html/);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await frameMatching(page, /Playing\/Par\.html/);
    await toc.getByRole('button', { name: 'Handicapping Example' }).click();
    await frameMatching(page, /Handicapping\/Example\.html/);
    expect(await toc.getByRole('button', { name: 'Handicapping Example' }).getAttribute('aria-current')).toBe('true');
    await page.getByRole('button', { name: 'Vorige' }).click();
    await frameMatching(page, /Handicapping\/CalculatingScore\.html/);
    // Delivered assets are completed by the player, each under its own item id (its own state row).
    const four = ['handicapping_calcscore_item', 'handicapping_example_item', 'playing_par_item', 'playing_playing_item'].sort();
    await expect.poll(async () => Object.keys(await storedScos(c.moduleId, me!.id, l.attemptId)).sort(), { timeout: 15_000 }).toEqual(four);
    const state = await storedScos(c.moduleId, me!.id, l.attemptId);
    expect(state.playing_playing_item?.completion).toBe('completed');
    // Four of eighteen: not done yet (the server's rule for a package of assets: every launchable reported).
    expect((await attempts(me!.token, c.moduleId))[0]).toMatchObject({ status: 'in-progress' });

    // The rest, chosen from the table of contents.
    const buttons = toc.getByRole('button');
    const count = await buttons.count();
    expect(count).toBe(18);
    for (let i = 0; i < count; i++) {
      const b = buttons.nth(i);
      if ((await b.getAttribute('aria-current')) === 'true' || (await b.isDisabled())) continue;
      await b.click();
      await expect.poll(() => b.getAttribute('aria-current')).toBe('true');
    }
    await expect.poll(async () => (await attempts(me!.token, c.moduleId))[0]?.status, { timeout: 20_000 }).toBe('completed');
    expect(Object.keys(await storedScos(c.moduleId, me!.id, l.attemptId))).toHaveLength(18);
    const mine = await myLearning(me!.token);
    expect(mine.completed.find((x) => x.moduleId === c.moduleId)?.result).toMatchObject({ source: 'scorm', success: 'unknown' });
    expect(mine.paths.find((p) => p.pathId === c.pathId)).toMatchObject({ complete: true });
    expect(log.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

describe('SCORM 2004 golf single SCO (a launch page that never calls the API)', () => {
  it('launches and shows its page; a SCO that never initialises reports nothing, so nothing is completed (unlike an asset)', async () => {
    const c = courses.singleSco;
    const [me] = await syntheticEmployees(1, 'u-golfsingle');
    await enrolInPath(me!.token, c.pathId);
    const l = await launch(me!.token, c.moduleId);
    const { page, log } = await newPage();
    await openPlayer(page, l.launchUrl);
    const sco = await frameMatching(page, /shared\/launchpage\.html/);
    await sco.getByRole('heading', { name: 'Not implemented yet' }).waitFor();
    // One SCO: no table of contents, no previous/next.
    expect(await page.getByRole('navigation', { name: 'Inhoud van de e-learning' }).isVisible()).toBe(false);
    await page.close({ runBeforeUnload: true });
    // Give a late beacon its chance; then: no state, the attempt still in progress, nothing completed.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await storedScos(c.moduleId, me!.id, l.attemptId)).toEqual({});
    expect((await attempts(me!.token, c.moduleId))[0]).toMatchObject({ status: 'in-progress' });
    expect((await attempts(me!.token, c.moduleId))[0]?.outcome?.done ?? false).toBe(false);
    const mine = await myLearning(me!.token);
    expect(mine.completed.some((x) => x.moduleId === c.moduleId)).toBe(false);
    expect(mine.enrolledModules.some((x) => x.moduleId === c.moduleId)).toBe(true);
    expect(mine.paths.find((p) => p.pathId === c.pathId)).toMatchObject({ complete: false });
    expect(log.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

describe('offline and a failing server', () => {
  it('offline mid-course: the status says it is not saved; back online, the newest state is stored', async () => {
    const c = courses.scorm12;
    const [me] = await syntheticEmployees(1, 'u-offline');
    const l = await launch(me!.token, c.moduleId);
    const { page } = await newPage();
    await openPlayer(page, l.launchUrl);
    await golfNext(page, 2);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    await saved(page);
    await page.context().setOffline(true);
    await golfNext(page, 3);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    await page.getByRole('status').filter({ hasText: /Geen verbinding|Nog niet opgeslagen/ }).waitFor();
    expect((await storedScos(c.moduleId, me!.id, l.attemptId)).item_1?.location).toBe('2');
    await page.context().setOffline(false);
    await saved(page);
    expect((await storedScos(c.moduleId, me!.id, l.attemptId)).item_1?.location).toBe('5');
  });

  it('a failing server (503): commits stay queued and are retried until stored', async () => {
    const c = courses.scorm12;
    const [me] = await syntheticEmployees(1, 'u-failing');
    const l = await launch(me!.token, c.moduleId);
    const { page } = await newPage();
    let failing = false;
    await page.route(/\/api\/scorm\/runtime\/[^/]+\/scos\/[^/]+\/commit/, (route) => (failing ? route.fulfill({ status: 503, json: { title: 'down' } }) : route.continue()));
    await openPlayer(page, l.launchUrl);
    await scoFrame(page).locator('#butNext').waitFor();
    failing = true;
    await golfNext(page, 1);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    await page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen — we proberen het opnieuw' }).waitFor();
    failing = false;
    await saved(page);
    expect((await storedScos(c.moduleId, me!.id, l.attemptId)).item_1?.location).toBe('1');
  });
});

describe('trust', () => {
  it('a replayed older commit changes nothing; another learner’s attempt, an expired token, a superseded launch and a finished attempt are refused, and the player says so', async () => {
    const c = courses.scorm12;
    const [a, b] = await syntheticEmployees(2, 'u-trust');
    const la = await launch(a!.token, c.moduleId);
    const { page } = await newPage();
    const commits = watchCommits(page);
    await openPlayer(page, la.launchUrl);
    await golfNext(page, 2);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    await saved(page);
    await golfNext(page, 2);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    await saved(page);
    const stored = (await storedScos(c.moduleId, a!.id, la.attemptId)).item_1!;
    expect(stored.location).toBe('4');
    // Every commit named its session; sequences rose.
    expect(commits.every((x) => /[?&]session=[0-9a-z]+/.test(x.url))).toBe(true);
    expect(commits.map((x) => x.sequence)).toEqual([...commits.map((x) => x.sequence)].sort((p, q) => p - q));

    // A replay of the oldest commit (same token, same body): answered like a success, changes nothing.
    const oldest = commits[0]!;
    const replay = await fetch(new URL(oldest.url, stack().contentUrl), { method: 'POST', headers: { authorization: `Launch ${tokenOf(la.launchUrl)}`, 'content-type': 'application/json' }, body: oldest.body });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ applied: false });
    expect((await storedScos(c.moduleId, a!.id, la.attemptId)).item_1).toEqual(stored);

    // Learner A's token on learner B's attempt: 403, for the runtime and for a commit.
    const lb = await launch(b!.token, c.moduleId);
    expect((await runtime(lb.attemptId, tokenOf(la.launchUrl))).status).toBe(403);
    const foreign = await api(`/api/scorm/runtime/${lb.attemptId}/scos/item_1/commit`, { method: 'POST', headers: { authorization: `Launch ${tokenOf(la.launchUrl)}` }, json: { cmi: { core: { lesson_status: 'passed' } }, commitSequence: 99 } });
    expect(foreign.status).toBe(403);
    // An expired token (signed with the server's secret, 9 hours ago).
    const claims = JSON.parse(Buffer.from(tokenOf(la.launchUrl).split('.')[1]!, 'base64url').toString()) as { sub: string; att: string; mod: string; ver: number; lch: number };
    const { token: expired } = await signLaunchToken(loadConfig(stack().env), { attemptId: claims.att, learnerId: claims.sub, moduleId: claims.mod, packageVersion: claims.ver, launch: claims.lch }, new Date(Date.now() - 9 * 3600_000));
    const exp = await runtime(la.attemptId, expired);
    expect(exp.status).toBe(401);
    expect(exp.data.code).toBe('launch-expired');

    // Another window takes the attempt over: the first one shows the server's words and stops saving.
    const l2 = await launch(a!.token, c.moduleId);
    expect(l2).toMatchObject({ attemptId: la.attemptId, resumed: true });
    const { page: second } = await newPage();
    const secondTokens = watchLaunchTokens(second);
    await openPlayer(second, l2.launchUrl);
    await frameMatching(second, /Etiquette\/Course\.html|Playing\//);
    await golfNext(page, 1);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    const takenOver = 'Deze e-learning is intussen in een ander venster of op een ander apparaat geopend';
    await page.getByRole('status').filter({ hasText: takenOver }).waitFor();
    await page.getByRole('alert').filter({ hasText: takenOver }).waitFor();
    const sentBefore = commits.length;
    await golfNext(page, 1);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    await page.waitForTimeout(500);
    expect(commits.length).toBe(sentBefore);
    expect((await storedScos(c.moduleId, a!.id, la.attemptId)).item_1?.location).toBe('4');

    // The second window finishes the course; its token then opens nothing: the player says the attempt is finished.
    await golfNext(second, 14);
    await golfAnswerQuiz(second);
    await saved(second);
    await scoFrame(second).locator('#butExit').click();
    await expect.poll(async () => (await attempts(a!.token, c.moduleId))[0]?.status, { timeout: 15_000 }).toBe('completed');
    const finished = await runtime(la.attemptId, secondTokens[0]!);
    expect(finished.status).toBe(409);
    expect(finished.data.code).toBe('attempt-finished');
    const { page: third } = await newPage();
    await openPlayer(third, l2.launchUrl);
    await third.getByRole('alert').filter({ hasText: 'Deze poging is afgerond' }).waitFor();
    // … and no new attempt: the module allows no retakes.
    const relaunch = await api(`/api/modules/${c.moduleId}/scorm/launch`, { method: 'POST', token: a!.token });
    expect(relaunch.status).toBe(409);
    expect(relaunch.data.code).toBe('completed');
  });
});

describe('isolation', () => {
  it("script in a SCO cannot read the app origin's session, storage or cookies", async () => {
    const c = courses.snoop;
    const { page: app } = await newPage();
    await signInAs(app, 'Noor Hendriks – Medewerker');
    const appToken = await app.evaluate(() => Object.values(sessionStorage).join(' '));
    expect(appToken.length).toBeGreaterThan(20);
    await app.evaluate(() => localStorage.setItem('app-secret', 'app-local-secret'));
    // The player opens in a new tab of the same browser, from the module page's "Start e-learning".
    const player = await startFromModulePage(app, c.moduleId, c.title);
    const sco = await frameMatching(player, /\/index\.html$/);
    await sco.waitForFunction(() => document.getElementById('report')?.textContent !== 'running');
    const report = JSON.parse((await sco.textContent('#report')) ?? '{}');
    expect(report.apiFound).toBe(true);
    expect(report.top).toBe(stack().contentUrl);
    expect(report.opener).toBeNull();
    const everything = JSON.stringify(report);
    expect(everything).not.toContain(appToken.slice(0, 40));
    expect(everything).not.toContain('app-local-secret');
    // The app's API answers the SCO as a stranger (no bearer token; CORS refuses to show more).
    expect(String(report.fetchMe)).toMatch(/^(error|401)/);
    // The SCO sees the player's launch token nowhere either (it is in the player's memory and session storage, not in cookies).
    expect(report.cookies).toBe('');
  });
});

describe('content origin (local stack)', () => {
  it('serves the player with a strict CSP, and package files only with the launch cookie of that package version', async () => {
    const player = await fetch(`${stack().contentUrl}/player/`);
    expect(player.status).toBe(200);
    const csp = player.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-src 'self'");
    const files = await fetch(`${stack().contentUrl}/packages/m1/v1/index.html`);
    expect(files.status).toBe(403);
    const refused = await fetch(`${stack().contentUrl}/launch-cookie`, { method: 'POST', headers: { authorization: 'Launch nope', 'content-type': 'application/json' }, body: '{"attemptId":"a1"}' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    // The app origin does not serve the player.
    expect((await fetch(`${stack().appUrl}/player/index.html`)).status).toBe(404);

    // A real launch: the cookie opens that version's files, and no other module's.
    const [me] = await syntheticEmployees(1, 'u-cookie');
    const l = await launch(me!.token, courses.scorm12.moduleId);
    const rt = await runtime(l.attemptId, tokenOf(l.launchUrl));
    const cookie = await fetch(`${stack().contentUrl}/launch-cookie`, { method: 'POST', headers: { authorization: `Launch ${tokenOf(l.launchUrl)}`, 'content-type': 'application/json' }, body: JSON.stringify({ attemptId: l.attemptId }) });
    expect(cookie.status).toBeLessThan(300);
    const setCookie = cookie.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`Path=${rt.data.package.baseUrl}`);
    const pair = setCookie.split(';')[0]!;
    const file = `${stack().contentUrl}${rt.data.package.baseUrl}shared/launchpage.html`;
    expect((await fetch(file)).status).toBe(403);
    expect((await fetch(file, { headers: { cookie: pair } })).status).toBe(200);
    const other = await runtime((await launch(me!.token, courses.scorm2004.moduleId)).attemptId, tokenOf((await launch(me!.token, courses.scorm2004.moduleId)).launchUrl));
    expect((await fetch(`${stack().contentUrl}${other.data.package.baseUrl}shared/launchpage.html`, { headers: { cookie: pair } })).status).toBe(403);
  });
});

// ---- the demo packages that `npm start` seeds ----------------------------------------------------------

/** Answers the demo 1.2 course's quiz (questions.js holds the right letters) and hands it in. */
async function answerDemoQuiz(player: Page, allRight: boolean) {
  const sco = await frameMatching(player, /suicidepreventie|\/index\.html/);
  const answers = (await sco.evaluate(() => (window as any).GGZ.QUESTIONS.map((q: { id: string; correct: string; options: Array<{ key: string }> }) => [q.id, q.correct, q.options.map((o) => o.key)]))) as Array<[string, string, string[]]>;
  expect(answers).toHaveLength(5);
  for (const [id, correct, keys] of answers) {
    const key = allRight ? correct : keys.find((k) => k !== correct)!;
    await scoFrame(player).locator(`input[name="${id}"][value="${key}"]`).check();
  }
  await scoFrame(player).getByRole('button', { name: 'Toets inleveren' }).click();
}

describe('demo packages (seeded like npm start)', () => {
  it('a demo employee plays "Suïcidepreventie" (SCORM 1.2) to a pass and sees the score in Mijn leren', async () => {
    const moduleId = 'm-suicidepreventie-elearning';
    const markToken = await tokenFor(mark.id);
    const { page: app } = await newPage();
    await signInAs(app, mark.button);
    const title = 'Suïcidepreventie basis (e-learning)';
    const player = await startFromModulePage(app, moduleId, title);
    await player.getByRole('heading', { level: 1, name: 'Suïcidepreventie: signaleren en bespreekbaar maken' }).waitFor();
    const next = scoFrame(player).getByRole('button', { name: 'Volgende' });
    for (let i = 0; i < 5; i++) await next.click();
    await scoFrame(player).getByRole('heading', { name: 'Toets' }).waitFor();
    await answerDemoQuiz(player, true);
    await scoFrame(player).getByText('Je score: 100%. De norm is 80%.').waitFor();
    await saved(player);
    await player.close({ runBeforeUnload: true });

    await expect.poll(async () => (await attempts(markToken, moduleId))[0]?.status, { timeout: 15_000 }).toBe('completed');
    const mine = await myLearning(markToken);
    expect(mine.completed.find((x) => x.moduleId === moduleId)).toMatchObject({ kind: 'elearning', result: { success: 'passed', percent: 100, selfReported: true } });

    // Mijn leren shows it with the score, and the points it earned.
    await app.goto(url('/mijn-leren'));
    await h1(app, 'Mijn leren');
    const row = app.getByRole('table').filter({ hasText: 'Afgerond op' }).getByRole('row').filter({ hasText: title });
    await row.getByText(/Geslaagd.*100%/).waitFor();
    await row.getByText(/V&VN Kwaliteitsregister/).waitFor();
  });

  it('"Omgaan met agressie" (SCORM 2004, five SCOs) launches with its table of contents from the seeded package', async () => {
    const moduleId = 'm-deescalatie-elearning';
    const [me] = await syntheticEmployees(1, 'u-demo2004');
    const l = await launch(me!.token, moduleId);
    expect(l).toMatchObject({ scormVersion: '2004', packageVersion: 1 });
    const { page, log } = await newPage();
    await openPlayer(page, l.launchUrl);
    const toc = page.getByRole('navigation', { name: 'Inhoud van de e-learning' });
    await toc.getByRole('button', { name: 'Vormen en oorzaken van agressie' }).waitFor();
    expect(await toc.getByRole('button').count()).toBe(5);
    await toc.getByRole('button', { name: 'Na het incident: nazorg, nabespreken en melden' }).click();
    await expect.poll(() => toc.getByRole('button', { name: 'Na het incident: nazorg, nabespreken en melden' }).getAttribute('aria-current')).toBe('true');
    await scoFrame(page).getByRole('heading', { level: 1 }).first().waitFor();
    expect(log.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

