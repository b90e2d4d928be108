/**
 * What every e2e file needs around a page: one Chromium per file, a fresh Dutch/Amsterdam context
 * per page (closed after each test), sign-in through the local sign-in page, and waits on headings.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { stack } from './api';
import { launchBrowser, watchConsole } from './browser';

export interface WatchedPage {
  page: Page;
  log: { errors: string[] };
}

/** Registers the browser's lifecycle hooks for the calling test file and returns a page factory. */
export function usePages(options: BrowserContextOptions = {}): () => Promise<WatchedPage> {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...options });
    contexts.push(context);
    const page = await context.newPage();
    return { page, log: watchConsole(page) };
  };
}

export const url = (path: string): string => `${stack().appUrl}${path}`;

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

export async function signInAs(page: Page, buttonName: string): Promise<void> {
  await page.goto(url('/aanmelden'));
  await page.getByRole('button', { name: buttonName }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
}

/**
 * Waits for the page's h1. A string must match the whole heading: Playwright matches names as
 * substrings by default, and then "Nieuwe versie: X" already satisfies a wait for the page "X"
 * before the navigation it should wait for has happened.
 */
export async function h1(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor();
}

/** The structure of a message catalogue (keys, list lengths, function arity), to compare languages. */
export function shape(value: unknown): unknown {
  if (typeof value === 'function') return `fn/${value.length}`;
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}
