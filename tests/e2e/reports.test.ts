/**
 * The academy dashboard in Chromium against the local stack: the academy administrator opens it
 * from "Beheer academie", sees the charts (SVG images named by their title) each with its table,
 * narrows it to one module and a shorter period, downloads a CSV, and reads it in English. axe-core
 * on the page. Activity comes from the real API (enrol, complete, evaluate), so the counters are
 * the ones the writes produced.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { createModule, readingArticleSlug, syntheticEmployees, unique } from '../support/learning';
import { expectNoAxeViolations } from '../support/browser';
import { h1, signInAs, url, usePages } from '../support/pages';
import { addMonths, monthOf } from '../../functions/src/platform/domain/months';

const sanne = 'Sanne de Vries – Academiebeheerder, Medewerker';
const newPage = usePages();

describe('academy reports page', () => {
  it('shows charts with their tables, filters by period and module, and downloads a CSV', async () => {
    const admin = await tokenFor(demo.admin);
    const title = `Rapportage e2e ${unique()}`;
    const mod = await createModule(admin, { kind: 'reading', title, articleSlug: await readingArticleSlug(), networkId: 'suicidepreventie', accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 2 }] });
    const learners = await syntheticEmployees(3, 'u-report-e2e');
    for (const l of learners) {
      expect((await api(`/api/modules/${mod.id}/enrol`, { method: 'POST', token: l.token })).status).toBe(201);
      expect((await api(`/api/modules/${mod.id}/complete`, { method: 'POST', token: l.token })).status).toBe(200);
    }
    expect((await api('/api/evaluations', { method: 'POST', token: learners[0]!.token, json: { targetType: 'module', targetId: mod.id, rating: 4, answers: {} } })).status).toBe(201);
    const thisMonth = monthOf(new Date().toISOString());

    const { page, log } = await newPage();
    await signInAs(page, sanne);
    await page.goto(url('/academie/beheer'));
    await h1(page, 'Beheer academie');
    await page.getByRole('navigation', { name: 'Meer voor de academie' }).getByRole('link', { name: /^Rapportage/ }).click();
    await h1(page, 'Rapportage academie');

    // Every chart an image named by its title, each with its table.
    for (const name of ['Inschrijvingen en afrondingen per maand', 'Gemiddelde evaluatiescore per maand', 'Toegekende accreditatiepunten per register', 'Per module', 'Per netwerk']) {
      const region = page.getByRole('region', { name, exact: true });
      await region.getByRole('img', { name: new RegExp(name) }).waitFor();
      await region.getByRole('table').waitFor();
    }
    // The default period: twelve months up to this one, one table row each.
    const monthsTable = page.getByRole('region', { name: 'Inschrijvingen en afrondingen per maand' }).getByRole('table');
    expect(await monthsTable.locator('tbody tr').count()).toBe(12);
    await page.getByRole('region', { name: 'Naleving verplichte scholing per afdeling', exact: true }).waitFor();
    await expectNoAxeViolations(page, '/academie/rapportage');

    // Narrow it down: two months and this module (applied on "Toon").
    await page.getByLabel('Van maand').fill(addMonths(thisMonth, -1));
    await page.getByLabel('Tot en met maand').fill(thisMonth);
    await page.getByLabel('Module', { exact: true }).selectOption({ label: title });
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByRole('status').filter({ hasText: /^Rapportage van .* geladen\.$/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('module')).toBe(mod.id);
    expect(await monthsTable.locator('tbody tr').count()).toBe(2);
    const moduleTable = page.getByRole('region', { name: 'Per module', exact: true }).getByRole('table');
    expect(await moduleTable.locator('tbody tr').count()).toBe(1);
    expect(await moduleTable.locator('tbody tr').first().allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^${title}\\s+Expertnetwerk Suïcidepreventie\\s+3\\s+3\\s+1\\s+4\\s+6$`))]);
    await expectNoAxeViolations(page, '/academie/rapportage?module=…');

    // The module table as CSV, with the same period and filter.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download de moduletabel als CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`academie-modules-${addMonths(thisMonth, -1)}-${thisMonth}.csv`);
    const csv = readFileSync((await download.path())!, 'utf-8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`${title};${mod.id};suicidepreventie;3;3;1;4;6;6`);

    // The same page in English.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'Academy reports');
    await page.getByRole('region', { name: 'Per module', exact: true }).getByRole('img', { name: /Per module/ }).waitFor();
    await expectNoAxeViolations(page, '/academie/rapportage (English)');
    expect(log.errors.filter((e) => /Content Security Policy|pageerror/i.test(e))).toEqual([]);
  });
});
