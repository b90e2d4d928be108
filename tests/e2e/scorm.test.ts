/**
 * SCORM e-learning in Chromium: the player on the content origin (web/player), the content
 * origin's rules (functions/src/local/content-origin.ts) and, once the attempts API exists, the
 * whole chain import → launch → play → stored result → path step.
 *
 * "player" tests drive the real player and the real golf packages against a stand-in for the
 * runtime API (tests/support/scorm-player.ts, the contract in functions/docs/scorm.md) routed in
 * the browser, so they check what the player sends and restores. The content-origin tests run
 * against the real local stack.
 */
import { describe, expect, inject, it } from 'vitest';
import { golf, golfAnswerQuiz, golfNext, frameMatching, scoFrame, snoopingPackage, stubRuntime, unpacked, storedCmi } from '../support/scorm-player';
import { signInAs, url, usePages } from '../support/pages';

const stack = () => inject('stack');
const newPage = usePages();

async function openPlayer(page: import('playwright-core').Page, launchUrl: string) {
  page.on('dialog', (d) => void d.accept());
  await page.goto(launchUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

describe('player (runtime API stand-in)', () => {
  it('removes the launch token from the address bar and exposes window.API for SCORM 1.2', async () => {
    const { page, log } = await newPage();
    const rt = await stubRuntime(page.context(), stack().contentUrl, unpacked(golf.scorm12));
    await openPlayer(page, rt.launchUrl);
    await scoFrame(page).locator('#butNext').waitFor();
    expect(page.url()).toBe(`${stack().contentUrl}/player/`);
    expect(await page.evaluate(() => typeof (window as any).API?.LMSInitialize)).toBe('function');
    expect(await page.evaluate(() => (window as any).API_1484_11)).toBeUndefined();
    // Only the SCORM 1.2 build was loaded.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    expect(scripts.some((s) => /scorm12-/.test(s))).toBe(true);
    expect(scripts.some((s) => /scorm2004-/.test(s))).toBe(false);
    await page.getByRole('status').filter({ hasText: /opgeslagen/ }).waitFor();
    expect(log.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  it('SCORM 1.2 golf: played to the end of the quiz, status and score stored; a relaunch resumes at the bookmark', async () => {
    const { page } = await newPage();
    const dir = unpacked(golf.scorm12);
    const rt = await stubRuntime(page.context(), stack().contentUrl, dir);
    await openPlayer(page, rt.launchUrl);
    // Half-way: five pages on, then the tab closes.
    await golfNext(page, 5);
    await frameMatching(page, /Etiquette\/Course\.html/);
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => storedCmi(rt, 'item_1')?.core?.exit, { timeout: 10_000 }).toBe('suspend');
    expect(storedCmi(rt, 'item_1')?.core?.lesson_location).toBe('5');
    expect(rt.state.item_1?.entry).toBe('resume');

    // Relaunch (a new tab): the course offers to resume (the dialog is accepted) and opens page 6.
    const { page: again } = await newPage();
    await stubRuntime(again.context(), stack().contentUrl, dir, { again: rt });
    await openPlayer(again, rt.launchUrl);
    await frameMatching(again, /Etiquette\/Course\.html/);
    expect(await again.evaluate(() => (window as any).API.cmi.core.entry)).toBe('resume');
    await golfNext(again, 9);
    const score = await golfAnswerQuiz(again);
    expect(score).toMatch(/Score: 100/);
    await again.getByRole('status').filter({ hasText: 'Alles is opgeslagen' }).waitFor();
    await scoFrame(again).locator('#butExit').click();
    await expect.poll(() => storedCmi(rt, 'item_1')?.core?.lesson_status, { timeout: 10_000 }).toBe('passed');
    const core = storedCmi(rt, 'item_1')!.core;
    expect(core.score.raw).toBe('100');
    expect(core.score.max).toBe('100');
    // Every commit carried a sequence, increasing across both launches.
    const seqs = rt.commits.map((c) => Number(c.body.commitSequence));
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
  });

  it('SCORM 2004 golf: location and suspend_data restored before Initialize; completion, success and scaled score stored', async () => {
    const { page } = await newPage();
    const dir = unpacked(golf.scorm2004);
    const rt = await stubRuntime(page.context(), stack().contentUrl, dir);
    await openPlayer(page, rt.launchUrl);
    await golfNext(page, 3);
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => storedCmi(rt, 'item_1')?.exit, { timeout: 10_000 }).toBe('suspend');
    expect(storedCmi(rt, 'item_1')?.location).toBe('3');

    const { page: again, log } = await newPage();
    await stubRuntime(again.context(), stack().contentUrl, dir, { again: rt });
    await openPlayer(again, rt.launchUrl);
    await frameMatching(again, /Playing\/OtherScoring\.html/).catch(async (e) => {
      throw new Error(`${e.message} src=${await again.evaluate(() => (document.getElementById('sco') as HTMLIFrameElement).src)} alerts=${await again.evaluate(() => document.getElementById('alerts')!.textContent)}\n${log.errors.join('\n')}\n${JSON.stringify(storedCmi(rt, 'item_1'))}`);
    });
    expect(await again.evaluate(() => (window as any).API_1484_11.cmi.entry)).toBe('resume');
    expect(await again.evaluate(() => (window as any).API)).toBeUndefined();
    await golfNext(again, 11);
    await golfAnswerQuiz(again);
    await scoFrame(again).locator('#butExit').click();
    await expect.poll(() => storedCmi(rt, 'item_1')?.success_status, { timeout: 10_000 }).toBe('passed');
    const cmi = storedCmi(rt, 'item_1')!;
    expect(cmi.completion_status).toBe('completed');
    expect(Number(cmi.score.scaled)).toBe(1);
  });

  it('multi-SCO: a table of contents, previous/next and choice between SCOs; each keeps its own state', async () => {
    const { page, log } = await newPage();
    const rt = await stubRuntime(page.context(), stack().contentUrl, unpacked(golf.multiSco));
    await openPlayer(page, rt.launchUrl);
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
    // Delivered assets are completed, each under its own item id.
    await expect.poll(() => Object.keys(rt.state).sort(), { timeout: 10_000 }).toEqual(
      ['handicapping_calcscore_item', 'handicapping_example_item', 'playing_par_item', 'playing_playing_item'].sort(),
    );
    expect(rt.state.playing_playing_item?.cmi.completion_status).toBe('completed');
    expect(log.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  it('offline mid-course: the status says it is not saved; back online, the newest state is stored', async () => {
    const { page } = await newPage();
    const rt = await stubRuntime(page.context(), stack().contentUrl, unpacked(golf.scorm12));
    await openPlayer(page, rt.launchUrl);
    await golfNext(page, 2);
    await page.getByRole('status').filter({ hasText: 'Alles is opgeslagen' }).waitFor({ timeout: 20_000 });
    await page.context().setOffline(true);
    await golfNext(page, 3);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    await page.getByRole('status').filter({ hasText: /Geen verbinding|Nog niet opgeslagen/ }).waitFor();
    expect(storedCmi(rt, 'item_1')?.core?.lesson_location).not.toBe('5');
    await page.context().setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Alles is opgeslagen' }).waitFor({ timeout: 20_000 });
    expect(storedCmi(rt, 'item_1')?.core?.lesson_location).toBe('5');
  });

  it('a failing server: commits stay queued and are retried until stored', async () => {
    const { page } = await newPage();
    const rt = await stubRuntime(page.context(), stack().contentUrl, unpacked(golf.scorm12));
    await openPlayer(page, rt.launchUrl);
    rt.accepting = false;
    await golfNext(page, 1);
    await page.evaluate(() => (window as any).API.LMSCommit(''));
    await page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen — we proberen het opnieuw' }).waitFor();
    rt.accepting = true;
    await page.getByRole('status').filter({ hasText: 'Alles is opgeslagen' }).waitFor({ timeout: 20_000 });
    expect(storedCmi(rt, 'item_1')?.core?.lesson_location).toBe('1');
  });
});

describe('isolation', () => {
  it("script in a SCO cannot read the app origin's session, storage or cookies", async () => {
    const { page: app } = await newPage();
    await signInAs(app, 'Noor Hendriks – Medewerker');
    const appToken = await app.evaluate(() => Object.values(sessionStorage).join(' '));
    expect(appToken.length).toBeGreaterThan(20);
    await app.evaluate(() => localStorage.setItem('app-secret', 'app-local-secret'));
    // The player opens in a new tab of the same browser, as the app's "Start e-learning" does.
    const player = await app.context().newPage();
    const rt = await stubRuntime(app.context(), stack().contentUrl, snoopingPackage(stack().appUrl));
    await openPlayer(player, rt.launchUrl);
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
    expect(url('/')).toContain(stack().appUrl);
  });
});

describe('content origin (local stack)', () => {
  it('serves the player with a strict CSP, and package files only with a launch cookie', async () => {
    const player = await fetch(`${stack().contentUrl}/player/`);
    expect(player.status).toBe(200);
    const csp = player.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-src 'self'");
    const files = await fetch(`${stack().contentUrl}/packages/m1/v1/index.html`);
    expect(files.status).toBe(403);
    const cookie = await fetch(`${stack().contentUrl}/launch-cookie`, { method: 'POST', headers: { authorization: 'Launch nope', 'content-type': 'application/json' }, body: '{"attemptId":"a1"}' });
    expect(cookie.status).toBe(403);
    expect(cookie.headers.get('set-cookie')).toBeNull();
    // The app origin does not serve the player.
    const onApp = await fetch(`${stack().appUrl}/player/index.html`);
    expect(onApp.status).toBe(404);
  });
});
