/**
 * Mandatory training and team compliance in Chromium against the local stack: the demo team
 * manager (Mark Visser, FACT-team Noord) sees an overdue colleague on /team and on the home page;
 * the learner sees "Verplichte scholing" on Mijn leren; the academy edits requirements on
 * /academie/verplicht; the trainer's home shows sessions. axe-core on each page. The demo's
 * requirements (content/portfolio/mandatory.json) apply to the demo staff; which colleague is
 * overdue is read from the API, so the demo history may change who it is.
 */
import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { expectNoAxeViolations } from '../support/browser';
import { h1, nav, signInAs, url, usePages } from '../support/pages';

const users = {
  mark: 'Mark Visser – Teamleider, Medewerker',
  noor: 'Noor Hendriks – Medewerker',
  ingrid: 'Ingrid Jansen – Trainer, Medewerker',
  sanne: 'Sanne de Vries – Academiebeheerder, Medewerker',
};
const newPage = usePages({ acceptDownloads: true });

describe('team compliance', () => {
  it('shows the team manager an overdue colleague on /team and on the home page, and exports CSV', async () => {
    const mark = await tokenFor(demo.manager);
    const team = await api('/api/teams/fact-noord/compliance', { token: mark });
    expect(team.status, JSON.stringify(team.data)).toBe(200);
    const overdue = team.data.members.find((m: { userId: string; worst?: string }) => m.worst === 'overdue' && m.userId !== demo.manager);
    expect(overdue, 'an overdue colleague in the demo team').toBeDefined();

    const { page, log } = await newPage();
    await signInAs(page, users.mark);
    // Home: what matters today, with the team's overdue training.
    const todayTeam = page.getByTestId('today-team');
    await todayTeam.waitFor();
    expect(await todayTeam.textContent()).toContain(overdue.name);
    await expectNoAxeViolations(page, 'home (team manager)');

    await nav(page).getByRole('link', { name: 'Mijn team' }).click();
    await h1(page, 'Mijn team: FACT-team Noord');
    const row = page.locator(`tr[data-user-id="${overdue.userId}"]`);
    expect(await row.getAttribute('data-worst')).toBe('overdue');
    await row.locator('[data-status="overdue"]').first().waitFor();
    expect(await row.getByText('Te laat').count()).toBeGreaterThan(0);
    // Overdue first: the first row is an overdue member.
    expect(await page.locator('tbody tr').first().getAttribute('data-worst')).toBe('overdue');
    await expectNoAxeViolations(page, '/team');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('team-fact-noord-verplichte-scholing.csv');
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`${overdue.name};`);
    expect(csv).toContain('Te laat');
    expect(log.errors).toEqual([]);
  });

  it('offers no team page to an employee', async () => {
    const { page } = await newPage();
    await signInAs(page, users.noor);
    expect(await nav(page).getByRole('link', { name: 'Mijn team' }).count()).toBe(0);
    await page.goto(url('/team'));
    await h1(page, 'Mijn team');
    await page.getByText('Je profiel noemt geen team dat je leidt.').waitFor();
  });
});

describe('mandatory training for the learner, the academy and the trainer', () => {
  it('shows a learner their mandatory training on the home page and on Mijn leren', async () => {
    const { page, log } = await newPage();
    await signInAs(page, users.noor);
    await page.getByTestId('today-mandatory').waitFor();
    await expectNoAxeViolations(page, 'home (learner)');
    await page.goto(url('/mijn-leren'));
    const section = page.getByTestId('my-mandatory');
    await section.getByRole('heading', { name: 'Verplichte scholing' }).waitFor();
    expect(await section.locator('[data-status]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, '/mijn-leren (mandatory)');
    expect(log.errors).toEqual([]);
  });

  it('lets the academy see and change requirements on /academie/verplicht', async () => {
    const { page, log } = await newPage();
    await signInAs(page, users.sanne);
    await expectNoAxeViolations(page, 'home (academy-admin)');
    await page.goto(url('/academie/beheer'));
    await h1(page, 'Beheer academie');
    await page.getByRole('navigation', { name: 'Meer voor de academie' }).getByRole('link', { name: 'Verplichte scholing', exact: true }).click();
    await h1(page, 'Verplichte scholing beheren');
    const row = page.locator('tr[data-module-id="m-webinar-privacy-beroepsgeheim"]');
    await row.waitFor();
    await expectNoAxeViolations(page, '/academie/verplicht');
    // Saved unchanged: a new revision with the same rules (the demo's requirement stays as it was).
    const before = (await api('/api/academy/mandatory', { token: await tokenFor(demo.admin) })).data.requirements.find((r: { moduleId: string }) => r.moduleId === 'm-webinar-privacy-beroepsgeheim');
    await row.getByRole('button', { name: /^Wijzigen/ }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: /is opgeslagen als verplichte scholing/ }).waitFor();
    const after = (await api('/api/academy/mandatory', { token: await tokenFor(demo.admin) })).data.requirements.find((r: { moduleId: string }) => r.moduleId === 'm-webinar-privacy-beroepsgeheim');
    expect(after).toMatchObject({ rev: before.rev + 1, validityMonths: before.validityMonths, graceDays: before.graceDays, appliesTo: before.appliesTo });
    await expectNoAxeViolations(page, '/academie/verplicht (after saving)');
    expect(log.errors).toEqual([]);
  });

  it("shows the trainer today's and this week's sessions on the home page, and groups /trainer by week", async () => {
    const { page, log } = await newPage();
    await signInAs(page, users.ingrid);
    await page.getByTestId('today-trainer').waitFor();
    await expectNoAxeViolations(page, 'home (trainer)');
    await page.goto(url('/trainer'));
    await h1(page, 'Mijn trainingen');
    await page.locator('.trainer-week').first().waitFor();
    const weeks = await page.locator('.trainer-week').evaluateAll((els) => els.map((e) => e.getAttribute('data-week')));
    expect(weeks.length).toBeGreaterThan(0);
    await page.getByLabel('Toon bijeenkomsten van').selectOption({ value: 'm-medicatieveiligheid-training' });
    const shown = await page.locator('.trainer-session').evaluateAll((els) => els.map((e) => e.getAttribute('data-module-id')));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['m-medicatieveiligheid-training']));
    await expectNoAxeViolations(page, '/trainer');
    expect(log.errors).toEqual([]);
  });
});
