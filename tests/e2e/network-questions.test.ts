/**
 * Consultation questions in a real browser (Chromium via playwright-core) against the local stack:
 * an employee joins a network (through the API in the setup), asks it a question (a BSN is refused
 * with the message next to the field), finds it on Mijn vragen; the network's lead expert answers
 * and turns it into a draft article, which opens in the editor. axe-core runs on every new page.
 */
import { describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/api';
import { unique } from '../support/learning';
import { expectNoAxeViolations } from '../support/browser';
import { h1, shape, signInAs, url, usePages } from '../support/pages';
import { __questionCatalogues } from '../../web/src/features/networks/questions-messages';
import { __eventCatalogues } from '../../web/src/features/networks/events-messages';
import { __networkActivityCatalogues } from '../../web/src/features/reports/network-activity-messages';

const priya = 'Priya Ramdin – Medewerker';
const anouk = 'Anouk Willems – Medewerker';
const sanne = 'Sanne de Vries – Academiebeheerder, Medewerker';
const networkId = 'jeugd-en-gezin';

const newPage = usePages();

describe('consultation questions (pure)', () => {
  it('has the same texts in Dutch and English', () => {
    for (const c of [__questionCatalogues, __eventCatalogues, __networkActivityCatalogues]) expect(shape(c.en)).toEqual(shape(c.nl));
  });
});

describe('consultation questions in Chromium', () => {
  it('an employee asks a network, a lead expert answers and turns it into a draft article', async () => {
    // Priya joins Jeugd en gezin (led by Anouk).
    const joined = await api(`/api/networks/${networkId}/membership`, { method: 'POST', token: await tokenFor('u-priya-ramdin') });
    expect([200, 201]).toContain(joined.status);
    const title = `Schoolverzuim en somberheid ${unique()}`;

    const { page, log } = await newPage();
    await signInAs(page, priya);
    await page.goto(url(`/netwerken/${networkId}/vragen`));
    await h1(page, 'Vragen aan het netwerk');
    await page.getByText('Geen gegevens waarmee een cliënt herkenbaar is').waitFor();
    await expectNoAxeViolations(page, '/netwerken/{id}/vragen');
    // A BSN is refused, with what and where next to the field.
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Je vraag', { exact: true }).fill('Een leerling met BSN 123456782 verzuimt veel en is somber; hoe pakken jullie de samenwerking met school aan?');
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await page.getByText(/BSN-nummer in de vraag/).first().waitFor();
    await expectNoAxeViolations(page, '/netwerken/{id}/vragen (refused)');
    await page.getByLabel('Je vraag', { exact: true }).fill('Een leerling van 15 verzuimt veel en is somber; hoe pakken jullie de samenwerking met school en de ouders aan?');
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await page.getByRole('status').filter({ hasText: 'Je vraag is verstuurd.' }).waitFor();
    await page.getByRole('heading', { level: 3, name: title }).waitFor();

    // Mijn vragen, linked from Mijn leren.
    await page.goto(url('/mijn-leren'));
    await h1(page, 'Mijn leren');
    await page.getByRole('link', { name: 'Mijn vragen aan netwerken (met de antwoorden)' }).click();
    await h1(page, 'Mijn vragen');
    await page.getByRole('heading', { level: 3, name: title }).waitFor();
    await expectNoAxeViolations(page, '/mijn-vragen');
    // The refused question (422) is the only failed request.
    expect(log.errors.filter((e) => !e.includes('422'))).toEqual([]);

    // Anouk, lead expert of the network, answers and makes a draft article of it.
    const lead = await newPage();
    await signInAs(lead.page, anouk);
    await lead.page.goto(url(`/netwerken/${networkId}/vragen`));
    await h1(lead.page, 'Vragen aan het netwerk');
    const item = lead.page.locator('li.question').filter({ has: lead.page.getByRole('heading', { level: 3, name: title }) });
    await item.getByLabel(`Je antwoord op "${title}"`).fill('Maak één plan met school, ouders en de jongere; de leerplichtambtenaar is een bondgenoot. Bespreek somberheid apart en vroeg.');
    await item.getByRole('button', { name: 'Antwoord versturen' }).click();
    await item.getByText('Beantwoord door Anouk Willems').waitFor();
    await expectNoAxeViolations(lead.page, '/netwerken/{id}/vragen (lead)');
    await item.getByRole('button', { name: 'Maak er een concept-artikel van' }).click();
    await item.getByRole('link', { name: 'Open het concept-artikel' }).click();
    await lead.page.getByRole('heading', { level: 1 }).waitFor();
    expect(lead.page.url()).toMatch(/\/kennis\/bewerken\/a-/);
    expect(lead.log.errors).toEqual([]);

    // The asker sees the answer on Mijn vragen.
    await page.reload();
    await h1(page, 'Mijn vragen');
    await page.locator('li.question').filter({ hasText: title }).getByText('Beantwoord door Anouk Willems').waitFor();
  });

  it('the academy compares the networks side by side', async () => {
    const { page, log } = await newPage();
    await signInAs(page, sanne);
    await page.goto(url('/academie/beheer'));
    await page.getByRole('link', { name: 'Activiteit van de netwerken per kwartaal' }).click();
    await h1(page, 'Activiteit van de netwerken');
    await page.getByRole('img', { name: /Activiteit per netwerk/ }).waitFor();
    await page.getByRole('row', { name: /Expertnetwerk Suïcidepreventie/ }).waitFor();
    await expectNoAxeViolations(page, '/academie/netwerken-activiteit');
    expect(log.errors).toEqual([]);
  });
});
