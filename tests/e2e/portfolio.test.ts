/**
 * The portfolio in a real browser (Chromium via playwright-core) against the local stack: Noor adds
 * an external course with its certificate as evidence and sees it in her timeline (filtered per
 * register), writes a reflection, adds a registration (a wrong number is refused next to the field)
 * and sees her progress; Sanne sees the register on /academie/registers. axe-core runs on every page.
 * The register is made for the test, so it depends on the demo only for its users.
 */
import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { unique } from '../support/learning';
import { expectNoAxeViolations } from '../support/browser';
import { h1, nav, shape, signInAs, url, usePages } from '../support/pages';
import { __portfolioCatalogues } from '../../web/src/features/portfolio/messages';

const noor = 'Noor Hendriks – Medewerker';
const sanne = 'Sanne de Vries – Academiebeheerder, Medewerker';
const newPage = usePages({ acceptDownloads: true });
const pdf = Buffer.from('%PDF-1.7\n% Certificaat\n1 0 obj << >> endobj\n%%EOF\n');
const yesterday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() - 86_400_000));

describe('portfolio texts', () => {
  it('have the same shape in Dutch and English', () => {
    expect(shape(__portfolioCatalogues.en)).toEqual(shape(__portfolioCatalogues.nl));
  });
});

describe('portfolio', () => {
  it('add an external course with evidence → in the timeline; add a registration → progress; the academy sees the register', async () => {
    const u = unique();
    const register = { id: `e2e-${u}`, name: `E2E-register ${u}`, unit: 'points', cycleYears: 5, requiredTotal: 10, registrationNumberPattern: '^\\d{11}$', registrationNumberExample: '19012345601' };
    const created = await api('/api/registers', { method: 'POST', token: await tokenFor(demo.admin), json: register });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const title = `Congres acute psychiatrie ${u}`;

    const { page, log } = await newPage();
    await signInAs(page, noor);
    await nav(page).getByRole('link', { name: 'Portfolio' }).click();
    await h1(page, 'Mijn portfolio');
    await expectNoAxeViolations(page, '/portfolio');

    // --- external learning with its certificate, straight to storage --------------------------------
    const form = page.locator('form.portfolio-add');
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Aanbieder').fill('GGZ Nederland');
    await form.getByLabel('Datum').fill(yesterday());
    await form.getByLabel('Studiebelasting (uren)').fill('6');
    await form.getByLabel(`${register.name} (punten)`).fill('4');
    await form.getByLabel(/^Bewijsstuk/).setInputFiles({ name: 'certificaat.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: `${title} staat in je portfolio.` }).waitFor();
    const entry = page.locator('li.portfolio-entry').filter({ hasText: title });
    await entry.getByText(`${register.name}: 4 punten`).waitFor();
    await entry.getByRole('link', { name: 'Bewijsstuk: certificaat.pdf' }).waitFor();

    // --- filtered per register: only this course ----------------------------------------------------
    await page.getByLabel('Register', { exact: true }).selectOption(register.id);
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByText('1 van ').waitFor();
    expect(await page.locator('li.portfolio-entry').count()).toBe(1);

    // --- a reflection, shared with the team manager --------------------------------------------------
    await entry.locator('summary').click();
    await entry.getByLabel('Reflectie', { exact: true }).fill('Ik neem de de-escalatietechnieken mee naar de afdeling.');
    await entry.getByLabel('Delen met mijn teamleider').check();
    await entry.getByRole('button', { name: /^Reflectie opslaan/ }).click();
    await entry.getByText('Reflectie opgeslagen.').waitFor();
    await expectNoAxeViolations(page, '/portfolio (after adding)');

    // --- a registration: a wrong number is refused at the field, then progress -----------------------
    await page.getByRole('link', { name: 'Mijn registers en voortgang' }).click();
    await h1(page, 'Mijn registers');
    await expectNoAxeViolations(page, '/portfolio/registers');
    const add = page.locator('form.portfolio-registration-add');
    await add.getByLabel('Register', { exact: true }).selectOption(register.id);
    await add.getByLabel('Registratienummer').fill('12345');
    await add.getByLabel('Begin van je huidige cyclus').fill('2025-01-01');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await add.locator('.field__error').filter({ hasText: 'Dit is geen geldig registratienummer' }).waitFor();
    await add.getByLabel('Registratienummer').fill('19012345601');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    const card = page.locator('li.portfolio-register').filter({ has: page.getByRole('heading', { name: register.name }) });
    await card.getByText('4 punten van 10 punten').waitFor();
    await card.getByText('Nog nodig: 6 punten').waitFor();
    await card.getByText(/Nog \d+ dagen in deze cyclus/).waitFor();
    // The visually hidden register name makes the link's name unique on the page; the card already scopes it.
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: /^Herregistratieoverzicht \(PDF\)/ }).click()]);
    expect(download.suggestedFilename()).toBe(`herregistratie-${register.id}.pdf`);
    await expectNoAxeViolations(page, '/portfolio/registers (with progress)');
    // The one refusal the browser logs is the wrong registration number above (422), on purpose.
    expect(log.errors.filter((e) => !e.includes('422'))).toEqual([]);

    // --- the academy keeps the registers ------------------------------------------------------------
    const { page: admin } = await newPage();
    await signInAs(admin, sanne);
    await admin.goto(url('/academie/beheer'));
    await admin.getByRole('link', { name: 'Beroepsregisters' }).click();
    await h1(admin, 'Beroepsregisters');
    await admin.getByRole('row').filter({ hasText: register.name }).waitFor();
    await expectNoAxeViolations(admin, '/academie/registers');
    await admin.getByRole('button', { name: `Bewerken ${register.name}` }).click();
    await admin.getByLabel('Vereist totaal per cyclus').fill('8');
    await admin.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await admin.getByRole('status').filter({ hasText: `${register.name} is opgeslagen.` }).waitFor();
    await expectNoAxeViolations(admin, '/academie/registers (after saving)');

    // Noor's totals follow the new rule at once.
    await page.reload();
    await h1(page, 'Mijn registers');
    await page.locator('li.portfolio-register').filter({ hasText: register.name }).getByText('Nog nodig: 4 punten').waitFor();
  });
});
