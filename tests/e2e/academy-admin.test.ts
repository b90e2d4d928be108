/**
 * The academy management pages in a real browser (Chromium via playwright-core) against the local
 * stack with the seeded demo academy: the academy administrator creates a classroom module with an
 * accreditation row, publishes it, plans a session (Amsterdam time), is refused when she lowers the
 * capacity below the enrolment, and publishes a learning path after fixing a cycle in its unlock
 * rules. axe-core runs on every page the scenario visits.
 */
import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { createModule, syntheticEmployees, unique } from '../support/learning';
import { publishArticle } from '../support/knowledge';
import { expectNoAxeViolations } from '../support/browser';
import { h1, nav, shape, signInAs, url, usePages } from '../support/pages';
import { amsterdamIso } from '../../web/src/features/learning/academy-admin/common';
import { __adminCatalogues } from '../../web/src/features/learning/academy-admin/messages';

const sanne = 'Sanne de Vries – Academiebeheerder, Medewerker';
const noor = 'Noor Hendriks – Medewerker';

const newPage = usePages();

describe('academy management (pure)', () => {
  it('has the same texts in Dutch and English', () => {
    expect(shape(__adminCatalogues.en)).toEqual(shape(__adminCatalogues.nl));
  });

  it('turns Amsterdam wall-clock time into an ISO instant with the right offset', () => {
    // Date fixtures on purpose: the subject is the calendar (winter and summer time, the days the
    // clocks change), so these dates stay literal.
    expect(amsterdamIso('2027-01-12', '09:30')).toBe('2027-01-12T09:30:00+01:00');
    expect(amsterdamIso('2027-06-08', '09:30')).toBe('2027-06-08T09:30:00+02:00');
    // The days the clocks change (last Sunday of March / October 2027).
    expect(amsterdamIso('2027-03-28', '01:30')).toBe('2027-03-28T01:30:00+01:00');
    expect(amsterdamIso('2027-03-28', '04:00')).toBe('2027-03-28T04:00:00+02:00');
    expect(amsterdamIso('2027-10-31', '12:00')).toBe('2027-10-31T12:00:00+01:00');
    expect(amsterdamIso('2027-06-08', '09:30:00')).toBe('2027-06-08T09:30:00+02:00');
    expect(amsterdamIso('', '09:30')).toBeNull();
    expect(amsterdamIso('2027-06-08', '')).toBeNull();
  });
});

describe('academy management in Chromium', () => {
  it('shows "Beheer academie" only to the academy', async () => {
    const { page } = await newPage();
    await signInAs(page, noor);
    await nav(page).getByRole('link', { name: 'Mijn leren' }).waitFor();
    expect(await nav(page).getByRole('link', { name: 'Beheer academie' }).count()).toBe(0);
  });

  it('creates and publishes a classroom module, plans a session, guards capacity, and publishes a path', async () => {
    const sanneToken = await tokenFor(demo.admin);
    // The path below starts with a reading module of its own.
    const article = await publishArticle({ title: `Wat is herstel? ${unique()}`, audience: 'public' });
    const readingTitle = `Lezen: wat is herstel ${unique()}`;
    const reading = { id: (await createModule(sanneToken, { kind: 'reading', title: readingTitle, articleSlug: article.slug })).id, title: readingTitle };
    const managed = await api('/api/academy/modules', { token: sanneToken });
    expect(managed.status).toBe(200);
    expect((managed.data as Array<{ id: string }>).map((m) => m.id)).toContain(reading.id);

    const { page, log } = await newPage();
    await signInAs(page, sanne);
    await nav(page).getByRole('link', { name: 'Beheer academie' }).click();
    await h1(page, 'Beheer academie');
    expect(await nav(page).getByRole('link', { name: 'Beheer academie' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { level: 2, name: 'Leerpaden' }).waitFor();
    // One row per module the API lists (drafts and archived ones too).
    expect(await page.locator('table.admin-modules tbody tr').count()).toBe(managed.data.length);
    await page.locator(`table.admin-modules tr[data-module-id="${reading.id}"]`).getByRole('link', { name: readingTitle, exact: true }).waitFor();
    await expectNoAxeViolations(page, '/academie/beheer');

    // --- New module (draft) ------------------------------------------------------------------------
    const title = `Training de-escalatie ${unique()}`;
    const accreditationNumber = `VVN-${unique()}`;
    await page.getByRole('link', { name: 'Nieuwe module' }).click();
    await h1(page, 'Nieuwe module');
    // Conditional fields follow the kind.
    await page.getByLabel('Vorm', { exact: true }).selectOption('reading');
    expect(await page.getByLabel('Kennisartikel (slug)').isVisible()).toBe(true);
    await page.getByLabel('Vorm', { exact: true }).selectOption('event');
    expect(await page.getByLabel('Type evenement').isVisible()).toBe(true);
    expect(await page.getByLabel('Kennisartikel (slug)').isVisible()).toBe(false);
    await page.getByLabel('Vorm', { exact: true }).selectOption('classroom');
    expect(await page.getByLabel('Type evenement').isVisible()).toBe(false);

    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Beschrijving').fill('Een dag oefenen met **de-escalerend** werken.\n\nMet acteurs.');
    await page.getByLabel('Leerdoelen').fill('Je herkent escalatie vroeg\nJe past drie technieken toe');
    await page.getByLabel('Duur (minuten)').fill('150');
    await page.getByLabel('Thema’s').fill('veiligheid, agressie');
    await page.getByLabel('Doelgroep').fill('verpleegkundigen, begeleiders');
    await page.getByRole('button', { name: 'Accreditatie toevoegen' }).click();
    const row = page.getByRole('group', { name: 'Accreditatie 1' });
    await row.getByLabel('Register').fill('V&VN Kwaliteitsregister');
    await row.getByLabel('Punten').fill('3');
    await row.getByLabel('Accreditatienummer').fill(accreditationNumber);
    // Add and remove a second row: the first stays.
    await page.getByRole('button', { name: 'Accreditatie toevoegen' }).click();
    await page.getByRole('button', { name: 'Verwijderen accreditatie 2' }).click();
    expect(await page.getByRole('group', { name: /^Accreditatie \d$/ }).count()).toBe(1);
    expect(await row.getByLabel('Register').inputValue()).toBe('V&VN Kwaliteitsregister');
    await page.getByRole('radio', { name: /^Medewerkers/ }).check();
    await expectNoAxeViolations(page, '/academie/modules/nieuw');

    await page.getByRole('button', { name: 'Module aanmaken' }).click();
    await h1(page, `Module bewerken: ${title}`);
    const moduleId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(moduleId).toMatch(/^m-/);
    expect(await page.getByLabel('Status').inputValue()).toBe('draft');

    // --- Publish (PUT with expectedRev) ------------------------------------------------------------
    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    const saved = await api(`/api/modules/${moduleId}`, { token: sanneToken });
    expect(saved.data.module).toMatchObject({ status: 'published', kind: 'classroom', durationMinutes: 150, themes: ['veiligheid', 'agressie'], accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 3, accreditationNumber }] });
    expect(saved.data.module.learningGoals).toHaveLength(2);

    // A stale rev (someone else saved meanwhile) → 409 with "Opnieuw laden".
    const other = await api(`/api/modules/${moduleId}`, { method: 'PUT', token: sanneToken, json: { ...stripModule(saved.data.module), expectedRev: saved.data.module.rev } });
    expect(other.status).toBe(200);
    await page.getByLabel('Duur (minuten)').fill('180');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'intussen gewijzigd' });
    await conflict.waitFor();
    await expectNoAxeViolations(page, 'module 409');
    await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
    await expect.poll(() => page.getByLabel('Duur (minuten)').inputValue()).toBe('150');

    // --- Plan a session ------------------------------------------------------------------------------
    const sessions = page.getByRole('region', { name: 'Sessies' });
    await sessions.getByText('Er zijn geen komende sessies.').waitFor();
    const day = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    await sessions.getByLabel('Datum').fill(day);
    await sessions.getByLabel('Begintijd').fill('09:30');
    await sessions.getByLabel('Eindtijd').fill('12:00');
    await sessions.getByLabel('Locatie', { exact: true }).fill('Zaal 2.04, Utrecht');
    expect(await sessions.getByLabel('Trainer (gebruikers-id)').inputValue()).toBe('u-ingrid-jansen');
    await sessions.getByLabel('Capaciteit', { exact: true }).fill('2');
    await sessions.getByRole('button', { name: 'Sessie plannen' }).click();
    await sessions.getByRole('status').filter({ hasText: 'De sessie is gepland.' }).waitFor();
    const detail = await api(`/api/modules/${moduleId}`, { token: sanneToken });
    expect(detail.data.sessions).toHaveLength(1);
    const session = detail.data.sessions[0] as { id: string; start: string; end: string; capacity: number };
    expect(session.capacity).toBe(2);
    expect(new Date(session.start).getTime()).toBe(new Date(amsterdamIso(day, '09:30')!).getTime());
    expect(new Date(session.end).getTime() - new Date(session.start).getTime()).toBe(150 * 60_000);
    const sessionRow = sessions.locator(`tr[data-session-id="${session.id}"]`);
    expect(await sessionRow.textContent()).toContain('09:30–12:00');
    expect(await sessionRow.textContent()).toContain('Zaal 2.04, Utrecht');

    // Two learners take both seats, then Sanne tries to lower the capacity to 1.
    for (const learner of await syntheticEmployees(2, 'u-admin-e2e')) {
      const res = await api(`/api/sessions/${session.id}/enrolment`, { method: 'POST', token: learner.token });
      expect(res.status, JSON.stringify(res.data)).toBe(201);
      expect(res.data.status).toBe('enrolled');
    }
    await page.reload();
    await h1(page, `Module bewerken: ${title}`);
    const rowAfter = page.getByRole('region', { name: 'Sessies' }).locator(`tr[data-session-id="${session.id}"]`);
    expect((await rowAfter.locator('td').nth(2).textContent())?.trim()).toBe('2');
    await rowAfter.getByRole('spinbutton').fill('1');
    await rowAfter.getByRole('button', { name: /^Opslaan capaciteit/ }).click();
    await page.getByRole('alert').filter({ hasText: 'kan niet lager dan' }).waitFor();
    expect((await api(`/api/modules/${moduleId}`, { token: sanneToken })).data.sessions[0].capacity).toBe(2);
    await expectNoAxeViolations(page, '/academie/modules/{id} with sessions and refusal');
    // Raising it works.
    await rowAfter.getByRole('spinbutton').fill('3');
    await rowAfter.getByRole('button', { name: /^Opslaan capaciteit/ }).click();
    await page.getByRole('status').filter({ hasText: 'Capaciteit gewijzigd naar 3.' }).waitFor();

    // --- Evaluations page ------------------------------------------------------------------------------
    await page.goto(url(`/academie/evaluaties/module/${moduleId}`));
    await h1(page, `Evaluaties: ${title}`);
    await page.getByText('Er zijn nog geen evaluaties.').waitFor();
    await expectNoAxeViolations(page, '/academie/evaluaties/module/{id}');

    // --- Learning path ------------------------------------------------------------------------------------
    const pathTitle = `Leerpad de-escalatie ${unique()}`;
    await page.goto(url('/academie/beheer'));
    await h1(page, 'Beheer academie');
    await page.getByRole('link', { name: 'Nieuw leerpad' }).click();
    await h1(page, 'Nieuw leerpad');
    await page.getByLabel('Titel', { exact: true }).fill(pathTitle);
    await page.getByLabel('Beschrijving').fill('Eerst lezen over herstel, dan oefenen.');
    const steps = page.locator('.path-editor__step');
    await steps.nth(0).getByLabel('Module').selectOption(reading.id);
    await page.getByRole('button', { name: 'Stap toevoegen' }).click();
    expect(await steps.count()).toBe(2);
    await steps.nth(1).getByLabel('Module').selectOption(moduleId);
    // A cycle: step 1 opens after step 2 and step 2 after step 1.
    await steps.nth(0).getByRole('checkbox', { name: `Stap 2: ${title}` }).check();
    await steps.nth(1).getByRole('checkbox', { name: `Stap 1: ${reading.title}` }).check();
    await expectNoAxeViolations(page, '/academie/leerpaden/nieuw');
    await page.getByRole('button', { name: 'Leerpad publiceren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cyclus' }).waitFor();
    expect(await page.locator('.path-editor__step .field__error:not([hidden])').filter({ hasText: 'Cyclus' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'path form with a cycle');

    // Move buttons have names per step; moving and moving back keeps the rules.
    await page.getByRole('button', { name: 'Omlaag stap 1' }).click();
    expect(await steps.nth(1).getByLabel('Module').inputValue()).toBe(reading.id);
    await page.getByRole('button', { name: 'Omhoog stap 2' }).click();
    expect(await steps.nth(0).getByLabel('Module').inputValue()).toBe(reading.id);

    // Fix: step 1 no longer waits for step 2.
    await steps.nth(0).getByRole('checkbox', { name: `Stap 2: ${title}` }).uncheck();
    await page.getByRole('button', { name: 'Leerpad publiceren' }).click();
    await h1(page, pathTitle);
    const pathId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const published = await api(`/api/paths/${pathId}`, { token: sanneToken });
    expect(published.data.path.steps.map((s: { moduleId: string; unlockAfter: string[] }) => [s.moduleId, s.unlockAfter])).toEqual([
      [reading.id, []],
      [moduleId, ['s1']],
    ]);

    await nav(page).getByRole('link', { name: 'Leerpaden', exact: true }).click();
    await h1(page, 'Leerpaden');
    await page.getByRole('link', { name: pathTitle }).waitFor();
    await expectNoAxeViolations(page, '/leerpaden');

    // --- New version: prefilled form with the note --------------------------------------------------
    await page.goto(url('/academie/beheer'));
    await h1(page, 'Beheer academie');
    await page.getByRole('link', { name: `Nieuwe versie publiceren van ${pathTitle}` }).click();
    await h1(page, `Nieuwe versie: ${pathTitle}`);
    await page.getByText('blijven op hun versie').waitFor();
    expect(await steps.count()).toBe(2);
    expect(await steps.nth(1).getByRole('checkbox', { name: `Stap 1: ${reading.title}` }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, '/academie/leerpaden/{id}/nieuwe-versie');
    await page.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
    await h1(page, pathTitle);
    expect((await api(`/api/paths/${pathId}`)).data.path.version).toBe(2);

    // The refused requests (409 stale rev, 409 capacity, 400 cycle) are logged by Chromium; nothing else.
    expect(log.errors.filter((e) => !/status of (409|400) /.test(e))).toEqual([]);
    expect(log.errors.filter((e) => /Content Security Policy|pageerror/i.test(e))).toEqual([]);
  });
});

/** A module as returned by the API, reduced to the fields PUT accepts. */
function stripModule(m: Record<string, unknown>): Record<string, unknown> {
  const keys = ['kind', 'title', 'description', 'learningGoals', 'durationMinutes', 'networkId', 'themes', 'targetAudience', 'accreditation', 'enrolAudience', 'language', 'status', 'articleSlug', 'eventType', 'provider'];
  return Object.fromEntries(keys.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
}
