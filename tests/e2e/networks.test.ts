/**
 * The network pages in a real browser (Chromium via playwright-core) against the local stack: an
 * employee finds a network through the overview's search, opens it, joins and leaves it; a lead
 * expert sees the page with the lead tools. axe-core runs on /netwerken and /netwerken/:id.
 */
import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { expectNoAxeViolations } from '../support/browser';
import { h1, nav, shape, signInAs, url, usePages } from '../support/pages';
import { __networkCatalogues } from '../../web/src/features/networks/messages';

const bram = 'Bram de Boer – Medewerker';
const priya = 'Priya Ramdin – Medewerker';

const newPage = usePages();

describe('network pages (pure)', () => {
  it('has the same texts in Dutch and English', () => {
    expect(shape(__networkCatalogues.en)).toEqual(shape(__networkCatalogues.nl));
  });
});

describe('network pages in Chromium', () => {
  it('an employee finds a network by searching, joins it and leaves it again', async () => {
    const { page, log } = await newPage();
    await signInAs(page, bram);
    await nav(page).getByRole('link', { name: 'Netwerken' }).click();
    await h1(page, 'Expertnetwerken');
    await expectNoAxeViolations(page, '/netwerken');

    // Accents and case do not matter: "EETSTOORNIS" finds "Eetstoornissen"; the URL keeps the search.
    await page.getByLabel('Zoek een netwerk, thema of expert').fill('EETSTOORNIS');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    // Networks not about it go; the one about it stays.
    await page.locator('[data-network="suicidepreventie"]').waitFor({ state: 'detached' });
    const card = page.locator('[data-network="eetstoornissen"]');
    await card.waitFor();
    expect(page.url()).toContain('/netwerken?q=EETSTOORNIS');
    await card.getByText('Leidend experts: Priya Ramdin').waitFor();
    await card.getByText('Open voor ketenpartners').waitFor();
    await expectNoAxeViolations(page, '/netwerken?q=…');

    await card.getByRole('link').click();
    await h1(page, 'Expertnetwerk Eetstoornissen');
    await page.getByRole('heading', { level: 2, name: 'Doelen en prioriteiten' }).waitFor();
    await expectNoAxeViolations(page, '/netwerken/{id}');
    const before = (await api('/api/networks/eetstoornissen')).data.memberCount as number;

    await page.getByRole('button', { name: 'Lid worden' }).click();
    await page.getByRole('status').filter({ hasText: 'Je bent nu lid van dit netwerk.' }).waitFor();
    await page.getByText('Jouw rol: Lid').waitFor();
    expect((await api('/api/networks/eetstoornissen')).data.memberCount).toBe(before + 1);
    await page.getByRole('list').filter({ hasText: 'Bram de Boer' }).first().waitFor();
    await expectNoAxeViolations(page, '/netwerken/{id} (member)');

    await page.getByRole('button', { name: 'Netwerk verlaten' }).click();
    await page.getByRole('status').filter({ hasText: 'Je bent geen lid meer van dit netwerk.' }).waitFor();
    await page.getByRole('button', { name: 'Lid worden' }).waitFor();
    expect((await api('/api/networks/eetstoornissen')).data.memberCount).toBe(before);
    expect(log.errors).toEqual([]);
  });

  it('shows a lead expert the tools to edit the page and manage members', async () => {
    const { page, log } = await newPage();
    await signInAs(page, priya);
    await page.goto(url('/netwerken/eetstoornissen'));
    await h1(page, 'Expertnetwerk Eetstoornissen');
    await page.getByRole('heading', { level: 2, name: 'Beheer van het netwerk' }).waitFor();
    await page.getByLabel('Doelen en prioriteiten (Markdown)').waitFor();
    await page.getByRole('button', { name: 'Benoemen' }).waitFor();
    await expectNoAxeViolations(page, '/netwerken/{id} (lead expert)');
    expect(log.errors).toEqual([]);
  });
});
