import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { stack } from '../support/api';
import { expectNoAxeViolations, expectScriptBudget, launchBrowser, trackScriptBytes, watchConsole } from '../support/browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleLog: { errors: string[] };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  consoleLog = watchConsole(page);
  return page;
}

async function signInAs(buttonName: string) {
  await page.goto(`${stack().appUrl}/aanmelden`);
  await page.getByRole('button', { name: buttonName }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
}

describe('web shell in Chromium', () => {
  it('serves every public page accessibly, within the JS budget and without CSP errors', async () => {
    await freshPage();
    const scriptBytes = trackScriptBytes(page);
    const pages: Array<[string, RegExp]> = [
      ['/', /Welkom bij de GGZ Academie/],
      ['/aanmelden', /^Aanmelden$/],
      ['/afmelden', /Afgemeld/],
      ['/bestaat/niet', /Pagina niet gevonden/],
    ];
    for (const [path, h1] of pages) {
      await page.goto(`${stack().appUrl}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(h1);
      await expectNoAxeViolations(page, path);
    }
    await page.goto(`${stack().appUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Per the issue: at most 100 KB gzipped JS on first load (every script any page above loaded, each once).
    await expectScriptBudget(scriptBytes, 'public pages');
    expect(consoleLog.errors).toEqual([]);
  });

  it('offers a skip link as the first stop and landmarks for keyboard users', async () => {
    await freshPage();
    await page.goto(`${stack().appUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Naar hoofdinhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await expect.poll(() => page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
  });

  it('signs in a demo author, shows the role in Dutch, and signs out', async () => {
    await freshPage();
    await signInAs('Fatima el Amrani – Auteur, Medewerker');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welkom, Fatima el Amrani');
    expect(await page.getByTestId('signed-in-roles').locator('li').allTextContents()).toEqual(['Auteur', 'Medewerker']);
    expect(await page.getByTestId('user-name').textContent()).toBe('Fatima el Amrani');
    await expectNoAxeViolations(page, 'home (signed in)');

    // The session survives a reload (token in sessionStorage, profile from /api/me).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Fatima el Amrani' }).waitFor();

    await page.getByRole('link', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Afgemeld' }).waitFor();
    await page.goto(`${stack().appUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Welkom bij de GGZ Academie' }).waitFor();
    expect(await page.getByRole('link', { name: 'Aanmelden', exact: true }).count()).toBe(1);
    expect(consoleLog.errors).toEqual([]);
  });

  it('shows a partner their organisation', async () => {
    await freshPage();
    await signInAs('Eva Mulder – Ketenpartner');
    expect(await page.getByTestId('signed-in-roles').locator('li').allTextContents()).toEqual(['Ketenpartner']);
    expect(await page.getByTestId('organisation').textContent()).toContain('Huisartsenpraktijk De Linde');
    await expectNoAxeViolations(page, 'home (partner)');
  });

  it('lists demo users of every role on the sign-in page', async () => {
    await freshPage();
    await page.goto(`${stack().appUrl}/aanmelden`);
    for (const heading of ['Academiebeheerders', 'Auteurs', 'Trainers', 'Teamleiders', 'Medewerkers', 'Ketenpartners']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
  });

  it('switches to English and remembers the choice', async () => {
    await freshPage();
    await page.goto(`${stack().appUrl}/`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const englishH1 = await page.getByRole('heading', { level: 1 }).textContent();
    expect(englishH1).not.toBe('Welkom bij de GGZ Academie');
    await expectNoAxeViolations(page, 'home (English)');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Schakel over naar Nederlands' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welkom bij de GGZ Academie');
  });

  it('drops an invalid session and shows the signed-out state', async () => {
    await freshPage();
    await page.goto(`${stack().appUrl}/`);
    await page.evaluate(() => {
      for (const key of Object.keys(sessionStorage)) sessionStorage.removeItem(key);
    });
    const keysBefore = await page.evaluate(() => Object.keys(sessionStorage));
    expect(keysBefore).toEqual([]);
    await signInAs('Noor Hendriks – Medewerker');
    const tokenKey = await page.evaluate(() => Object.keys(sessionStorage).find((k) => (sessionStorage.getItem(k) ?? '').split('.').length === 3));
    expect(tokenKey).toBeDefined();
    await page.evaluate((k) => sessionStorage.setItem(k!, 'eyJhbGciOiJub25lIn0.e30.'), tokenKey);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welkom bij de GGZ Academie' }).waitFor();
  });
});
