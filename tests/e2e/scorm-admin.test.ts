/**
 * SCORM in the academy's management pages, in Chromium against the local stack: the academy
 * administrator uploads Rustici's golf sample (SCORM 1.2) on the module's page, watches the upload
 * progress and the import's stages up to "Klaar", sees version 1 listed as the latest, sets
 * "Herkansen toegestaan", and — after an employee played it through the runtime API — reads the
 * module report (figures, chart, questions) and downloads its CSV. axe-core on both pages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { createModule, syntheticEmployees, unique } from '../support/learning';
import { expectNoAxeViolations } from '../support/browser';
import { h1, signInAs, url, usePages } from '../support/pages';

const sanne = 'Sanne de Vries – Academiebeheerder, Medewerker';
const zip = readFileSync(resolve(import.meta.dirname, '../../../shared/fixtures/scorm/golf-scorm12-basic-runtime.zip'));
const newPage = usePages();

describe('SCORM package and report in the academy pages', () => {
  it('uploads a package with live import status, lists its version, sets retakes, and shows the report', async () => {
    const admin = await tokenFor(demo.admin);
    const title = `Golf e-learning ${unique()}`;
    const mod = await createModule(admin, { kind: 'elearning', title });

    const { page, log } = await newPage();
    await signInAs(page, sanne);
    await page.goto(url(`/academie/modules/${mod.id}`));
    await h1(page, `Module bewerken: ${title}`);
    const section = page.getByRole('region', { name: 'SCORM-pakket' });
    await section.getByText('Er is nog geen pakket geïmporteerd.').waitFor();

    // Every text the live region says, in order (the stages may pass quickly).
    await page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      const region = document.querySelector('.scorm-status')!;
      new MutationObserver(() => {
        if (region.textContent && said[said.length - 1] !== region.textContent) said.push(region.textContent);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await section.getByLabel('Zip-bestand').setInputFiles({ name: 'golf-scorm12.zip', mimeType: 'application/zip', buffer: zip });
    await section.getByRole('button', { name: 'Pakket uploaden' }).click();
    await section.getByRole('status').filter({ hasText: 'Klaar: versie 1 is geïmporteerd.' }).waitFor({ timeout: 60_000 });

    const said = (await page.evaluate(() => (window as unknown as { said: string[] }).said)) as string[];
    expect(said[0]).toBe('Bezig met uploaden van golf-scorm12.zip…');
    expect(said).toContain('Import: In de wachtrij…');
    expect(said[said.length - 1]).toMatch(/^Klaar: versie 1 is geïmporteerd\./);
    // The upload's progress bar reached 100%, named by its label.
    const bar = section.getByRole('progressbar', { name: 'Uploaden' });
    expect(await bar.getAttribute('value')).toBe('100');
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^100% /);
    // The stages, in order: all passed, "Klaar" the current step.
    const stages = section.getByRole('list', { name: 'Voortgang van de import' }).getByRole('listitem');
    expect(await stages.allTextContents()).toEqual(['In de wachtrij', 'Controleren', 'Uitpakken', 'Klaar']);
    expect(await stages.nth(3).getAttribute('aria-current')).toBe('step');
    // Version 1 listed, the latest, with its SCORM version and title from the manifest.
    const row = section.locator('tr[data-version="1"]');
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toBe('1nieuwste');
    expect(await row.locator('td').first().textContent()).toBe('1.2');
    expect(await section.getByText('Pogingen die al bezig zijn, lopen door op de versie waarmee ze begonnen.').count()).toBe(1);
    await expectNoAxeViolations(page, '/academie/modules/{elearning} (imported)');

    // Retakes: an e-learning setting in the module form.
    await page.getByLabel('Herkansen toegestaan').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    expect((await api(`/api/modules/${mod.id}`, { token: admin })).data.module.scormRetakes).toBe(true);

    // An employee plays it (through the runtime API, as the player would): passed with 75, one wrong answer.
    const [learner] = await syntheticEmployees(1, 'u-scorm-e2e');
    const launch = await api(`/api/modules/${mod.id}/scorm/launch`, { method: 'POST', token: learner!.token });
    expect(launch.status).toBe(201);
    const token = new URLSearchParams(new URL(launch.data.launchUrl).hash.slice(1)).get('launch')!;
    const cmi = {
      core: { lesson_status: 'passed', exit: '', session_time: '00:00:40', total_time: '00:00:40', score: { raw: '75', min: '0', max: '100' }, lesson_location: '' },
      suspend_data: '',
      interactions: { '0': { id: 'Question1_1', type: 'choice', student_response: 'b', result: 'wrong' }, '1': { id: 'Question1_2', type: 'true-false', student_response: 't', result: 'correct' } },
    };
    const commit = await api(`/api/scorm/runtime/${launch.data.attemptId}/scos/item_1/commit`, { method: 'POST', headers: { authorization: `Launch ${token}` }, json: { cmi, commitSequence: 1 } });
    expect(commit.status, JSON.stringify(commit.data)).toBe(200);

    // The report, from the module page.
    await page.getByRole('link', { name: 'Rapport bekijken' }).click();
    await h1(page, `Rapport: ${title}`);
    await page.getByText(/^Zelf gerapporteerd:/).waitFor();
    const figure = (label: string) => page.locator('.report-figure').filter({ has: page.getByRole('term').filter({ hasText: label }) }).locator('.report-figure__value');
    expect(await figure('Deelnemers gestart').textContent()).toBe('1');
    expect(await figure('Deelnemers geslaagd').textContent()).toBe('1');
    expect(await figure('Slagingspercentage').textContent()).toBe('100%');
    expect(await figure('Gemiddelde score').textContent()).toBe('75%');
    expect(await figure('Gemiddelde tijd').textContent()).toBe('40 seconden');
    const chart = page.getByRole('img', { name: /Gestarte en afgeronde pogingen per week/ });
    await chart.waitFor();
    expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(2);
    const q1 = page.locator('table.report-interactions tr[data-interaction="Question1_1"]');
    expect(await q1.locator('td').nth(1).textContent()).toBe('0% (0/1)');
    expect(await q1.locator('td').nth(2).textContent()).toBe('b 1×');
    await expectNoAxeViolations(page, '/academie/modules/{elearning}/rapport');

    // The CSV: fetched with the token, handed to the browser as a download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download als CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`scorm-rapport-${mod.id}.csv`);
    const csv = readFileSync((await download.path())!, 'utf-8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Deelnemer 0;1;1;afgerond;geslaagd;75;40;');
    expect(log.errors.filter((e) => /Content Security Policy|pageerror/i.test(e))).toEqual([]);
  });
});
