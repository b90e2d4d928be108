/**
 * Personal data in a real browser (Chromium via playwright-core) against the local stack: a learner
 * downloads all their data from /mijn-gegevens (a valid JSON file with their profile); the academy
 * erases a person from /academie/privacy (pick, reason, confirm with the name) and finds the
 * erasure in /academie/audit. axe-core runs on the three pages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { api, demo, stack, tokenFor } from '../support/api';
import { unique } from '../support/learning';
import { expectNoAxeViolations } from '../support/browser';
import { h1, shape, signInAs, url, usePages } from '../support/pages';
import { __privacyCatalogues } from '../../web/src/features/privacy/messages';

const sanne = 'Sanne de Vries – Academiebeheerder, Medewerker';
const noor = 'Noor Hendriks – Medewerker';

const newPage = usePages();

describe('personal data (pure)', () => {
  it('has the same texts in Dutch and English', () => {
    expect(shape(__privacyCatalogues.en)).toEqual(shape(__privacyCatalogues.nl));
  });
});

describe('personal data in Chromium', () => {
  it('a learner downloads all their data as valid JSON from /mijn-gegevens, linked from Mijn leren', async () => {
    const { page, log } = await newPage();
    await signInAs(page, noor);
    await page.goto(url('/mijn-leren'));
    await h1(page, 'Mijn leren');
    await page.getByRole('link', { name: 'Mijn gegevens downloaden' }).click();
    await h1(page, 'Mijn gegevens');
    await page.getByRole('heading', { level: 2, name: 'Wat erin staat' }).waitFor();
    await expectNoAxeViolations(page, '/mijn-gegevens');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download mijn gegevens (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.person).toEqual({ id: demo.employee });
    expect(data.profile).toMatchObject({ id: demo.employee, name: 'Noor Hendriks' });
    expect(data.learning).toHaveProperty('record');
    await page.getByRole('status').filter({ hasText: 'Je gegevens zijn gedownload.' }).waitFor();
    expect(log.errors).toEqual([]);
  });

  it('the academy erases a person and sees the erasure in the audit log', async () => {
    // A person of the test's own, signed in once (their profile exists), erased through the page.
    const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
    const u = unique();
    const person = { id: `u-e2e-erase-${u}`, name: `Erik Wisser ${u}` };
    expect((await api('/api/me', { token: await issuer.mint({ ...person, email: `erik.${u}@voorbeeld.nl`, roles: ['employee'] }) })).status).toBe(200);

    const { page, log } = await newPage();
    await signInAs(page, sanne);
    await page.goto(url('/academie/beheer'));
    await h1(page, 'Beheer academie');
    await page.getByRole('link', { name: 'Privacy: persoonsgegevens wissen' }).click();
    await h1(page, 'Persoonsgegevens wissen');
    await expectNoAxeViolations(page, '/academie/privacy');
    // The admin's own account is not offered.
    expect(await page.getByLabel('Persoon', { exact: true }).locator(`option[value="${demo.admin}"]`).count()).toBe(0);
    await page.getByLabel('Persoon', { exact: true }).selectOption(person.id);
    await page.getByLabel('Reden', { exact: true }).fill(`Verzoek per e-mail van ${person.name}, uit dienst`);
    // A wrong name is refused before anything is sent.
    await page.getByLabel('Typ de naam van de persoon ter bevestiging').fill('Iemand anders');
    await page.getByRole('button', { name: 'Gegevens definitief wissen' }).click();
    await page.getByText('De naam komt niet overeen met de gekozen persoon').waitFor();
    expect((await api('/api/academy/people', { token: await tokenFor(demo.admin) })).data.people.map((p: { id: string }) => p.id)).toContain(person.id);
    await page.getByLabel('Typ de naam van de persoon ter bevestiging').fill(person.name);
    await page.getByRole('button', { name: 'Gegevens definitief wissen' }).click();
    const done = page.getByRole('status').filter({ hasText: /^Gewist\. De persoon heet in de gegevens voortaan p-[0-9a-f]{20}\.$/ });
    await done.waitFor();
    const ref = /p-[0-9a-f]{20}/.exec((await done.textContent())!)![0];
    const row = page.locator(`table.privacy-erasures tr[data-ref="${ref}"]`);
    await row.getByText('Afgerond').waitFor();
    // The reason is kept without the name.
    expect(await row.textContent()).toContain(`Verzoek per e-mail van ${ref}, uit dienst`);
    expect(await row.textContent()).not.toContain(person.name);
    await expectNoAxeViolations(page, '/academie/privacy (after an erasure)');

    await page.goto(url('/academie/beheer'));
    await h1(page, 'Beheer academie');
    await page.getByRole('link', { name: 'Auditlogboek' }).click();
    await h1(page, 'Auditlogboek');
    await page.getByLabel('Handeling', { exact: true }).selectOption('person.erase');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL(/action=person\.erase/);
    // The filtered list replaces the whole log (which holds downloads too).
    await expect.poll(() => page.locator('table.audit-log tbody tr[data-action="person.export"]').count()).toBe(0);
    const entry = page.locator('table.audit-log tbody tr').filter({ hasText: ref });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Gegevens gewist');
    expect(await entry.textContent()).toContain('Sanne de Vries');
    await expectNoAxeViolations(page, '/academie/audit');
    expect(log.errors).toEqual([]);
  });
});
