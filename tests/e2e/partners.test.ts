/**
 * Regional partners in a real browser (Chromium via playwright-core) against the local stack: the
 * academy registers an organisation and invites a user (the local invitation link is shown); the
 * partner accepts it, signs in and sees partner content only; the academy suspends the
 * organisation in the UI and the partner's very next navigation shows the clear "no access"
 * message. axe-core runs on every new page.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/browser';
import { h1, shape, signInAs, url, usePages } from '../support/pages';
import { unique } from '../support/learning';
import { publishArticle } from '../support/knowledge';
import { __partnerCatalogues } from '../../web/src/features/partners/messages';

const sanne = 'Sanne de Vries – Academiebeheerder, Medewerker';
const newPage = usePages();

describe('regional partners (pure)', () => {
  it('has the same texts in Dutch and English', () => {
    expect(shape(__partnerCatalogues.en)).toEqual(shape(__partnerCatalogues.nl));
  });
});

describe('regional partners in Chromium', () => {
  it('the academy registers and invites; the partner sees partner content only and loses access on the next navigation after a suspension', async () => {
    const u = unique();
    const orgName = `Wijkteam E2E ${u}`;
    const partnerName = `Aafke Partner ${u}`;
    const forPartners = await publishArticle({ title: `Voor ketenpartners ${u}`, audience: 'partners' });
    const internal = await publishArticle({ title: `Alleen intern ${u}`, audience: 'internal' });

    // The academy: from the overview to the partners page; register an organisation.
    const { page: admin, log: adminLog } = await newPage();
    await signInAs(admin, sanne);
    await admin.goto(url('/academie/beheer'));
    await h1(admin, 'Beheer academie');
    await admin.getByRole('link', { name: 'Ketenpartners: organisaties en gebruikers' }).click();
    await h1(admin, 'Ketenpartners');
    // The seeded organisations with their status; one is suspended.
    await admin.locator('tr[data-organisation="org-wijkverpleging-zorgzaam"]').getByText('Geschorst').waitFor();
    await expectNoAxeViolations(admin, '/academie/partners');
    await admin.getByLabel('Naam van de organisatie').fill(orgName);
    await admin.getByLabel('Soort organisatie').selectOption('sociaal-wijkteam');
    await admin.getByLabel('Contactpersoon', { exact: true }).fill('Karin de Wit');
    await admin.getByLabel('E-mailadres contactpersoon').fill('karin@wijkteam-e2e.example');
    await admin.getByRole('button', { name: 'Registreren' }).click();
    await h1(admin, orgName);
    await admin.getByText('Actief sinds').waitFor();
    await expectNoAxeViolations(admin, '/academie/partners/:id');

    // Invite: locally the link is shown.
    await admin.getByLabel('Naam', { exact: true }).fill(partnerName);
    await admin.getByLabel('E-mailadres', { exact: true }).fill(`aafke.${u}@wijkteam-e2e.example`);
    await admin.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const link = admin.locator('a.partner-invite-link');
    await link.waitFor();
    const invitation = (await link.getAttribute('href'))!;
    expect(invitation).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(admin, '/academie/partners/:id (with an invitation)');

    // The partner accepts, signs in, and reads partner content; internal content does not exist for them.
    const { page: partner, log: partnerLog } = await newPage();
    await partner.goto(invitation);
    await h1(partner, 'Uitnodiging voor de GGZ Academie');
    await partner.getByText(`namens ${orgName}`).waitFor();
    await expectNoAxeViolations(partner, '/uitnodiging/:token');
    await partner.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await partner.getByRole('status').filter({ hasText: 'Je account is klaar' }).waitFor();
    await signInAs(partner, `${partnerName} – Ketenpartner`);
    await partner.goto(url(`/kennis/${forPartners.slug}`));
    await h1(partner, `Voor ketenpartners ${u}`);
    await partner.goto(url(`/kennis/${internal.slug}`));
    await h1(partner, 'Artikel niet gevonden');

    // The academy suspends the organisation in the UI.
    await admin.getByLabel('Reden', { exact: true }).fill('Overeenkomst wordt vernieuwd');
    await admin.getByRole('button', { name: 'Schorsen' }).click();
    await admin.getByRole('status').filter({ hasText: 'De organisatie is nu: Geschorst' }).waitFor();
    await expectNoAxeViolations(admin, '/academie/partners/:id (suspended)');

    // The partner's next navigation (a click in the app, same token): the clear message.
    await partner.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kennisbank' }).click();
    await h1(partner, 'Geen toegang');
    await partner.getByText(`Je organisatie (${orgName}) heeft op dit moment geen toegang tot de GGZ Academie (geschorst).`).waitFor();
    await expectNoAxeViolations(partner, '/geen-toegang');
    expect(new URL(partner.url()).pathname).toBe('/geen-toegang');

    // Re-activated: "try again" brings the partner back.
    await admin.getByLabel('Reden', { exact: true }).fill('Nieuwe overeenkomst getekend');
    await admin.getByRole('button', { name: 'Weer activeren' }).click();
    await admin.getByRole('status').filter({ hasText: 'De organisatie is nu: Actief' }).waitFor();
    await partner.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await partner.getByText('Je hebt weer toegang.').waitFor();

    // The refusals (the internal article's 404, the suspension's 403s) are answers the app expected
    // and showed as pages: nothing else went wrong in either browser.
    expect(adminLog.errors).toEqual([]);
    expect(partnerLog.errors.filter((e) => !/status of 40[34] /.test(e))).toEqual([]);
    expect(partnerLog.errors.some((e) => /status of 403 /.test(e))).toBe(true);
  });
});
