import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, driven by playwright-core; the flags keep it off this machine's closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Collects console errors and CSP violations so a test can assert that none happened. */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { errors };
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A + AA) in the page. Injected through the DevTools protocol, so the
 * page's strict CSP stays on while it runs.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await page.evaluate(`${axeSource};0`);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))`)) as unknown[];
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** What {@link trackScriptBytes} counted: every distinct script the page loaded, gzipped. */
export interface ScriptTally {
  /** Sum of the scripts' gzipped sizes in bytes. */
  total: number;
  scripts: Array<{ url: string; bytes: number; gzipBytes: number }>;
}

/**
 * Counts the JavaScript a page loads, for the first-load budget. Each script request gets its body
 * read from the moment it starts (kept as a promise); the reader awaits every one of them before it
 * sums, so a script whose request had started is always counted, whatever the timing. A script
 * that fails or whose body cannot be read fails the reader instead of counting as 0 bytes. Each
 * distinct URL is gzipped and counted once (what a first visit downloads).
 */
export function trackScriptBytes(page: Page): () => Promise<ScriptTally> {
  const reads: Array<Promise<ScriptTally['scripts'][number]>> = [];
  page.on('request', (req) => {
    if (req.resourceType() !== 'script') return;
    const read = (async () => {
      const res = await req.response();
      if (!res) throw new Error(`script ${req.url()} failed: ${req.failure()?.errorText ?? 'no response'}`);
      const body = await res.body();
      return { url: req.url(), bytes: body.length, gzipBytes: gzipSync(body).length };
    })();
    // Awaited by the reader; marked handled here only so Node does not report it before that.
    read.catch(() => undefined);
    reads.push(read);
  });
  return async () => {
    const byUrl = new Map<string, ScriptTally['scripts'][number]>();
    for (const script of await Promise.all(reads)) if (script.bytes >= (byUrl.get(script.url)?.bytes ?? 0)) byUrl.set(script.url, script);
    const scripts = [...byUrl.values()];
    return { total: scripts.reduce((sum, s) => sum + s.gzipBytes, 0), scripts };
  };
}

/** The budget: at most 100 KB of gzipped JavaScript on first load. */
export const firstLoadScriptBudget = 100 * 1024;

/**
 * Asserts that the budget was measured at all, and kept: at least one script was counted, none of
 * them empty (an empty tally, or empty bodies, would pass any budget), and the gzipped total is
 * within {@link firstLoadScriptBudget}. Returns the tally.
 */
export async function expectScriptBudget(read: () => Promise<ScriptTally>, label: string): Promise<ScriptTally> {
  const tally = await read();
  const listing = tally.scripts.map((s) => `${new URL(s.url).pathname} ${s.gzipBytes} B`).join(', ');
  expect(tally.scripts.length, `${label}: scripts counted`).toBeGreaterThan(0);
  expect(tally.scripts.filter((s) => s.bytes === 0).map((s) => s.url), `${label}: scripts with an empty body`).toEqual([]);
  expect(tally.total, `${label}: gzipped JS (${listing})`).toBeGreaterThan(0);
  expect(tally.total, `${label}: gzipped JS (${listing})`).toBeLessThanOrEqual(firstLoadScriptBudget);
  return tally;
}
