/**
 * The learning pages in a real browser (Chromium via playwright-core) against the real local stack:
 * an employee enrols in a blended path and a classroom session, the trainer records attendance,
 * the employee reads the reading step, sees progress under "Mijn leren" and evaluates. Plus the
 * catalogue's filters, URL state and date range, the waiting list, assignments and external
 * training. Each scenario creates the modules, sessions and paths it needs through the API (with
 * unique titles), so it depends on the demo academy only for its users, never on its content.
 * axe-core runs on every page a scenario visits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { createModule, createSession, syntheticEmployees, unique, untilStarted } from '../support/learning';
import { publishArticle } from '../support/knowledge';
import { expectNoAxeViolations, expectScriptBudget, trackScriptBytes } from '../support/browser';
import { dateAfter } from '../support/clock';
import { h1, nav, shape, signInAs, url, usePages } from '../support/pages';
import { apiPathFor, stateFromQuery, urlFor } from '../../web/src/features/learning/catalogue';
import { formatSessionTime } from '../../web/src/features/learning/common';
import { __learningCatalogues } from '../../web/src/features/learning/messages';

const users = {
  noor: 'Noor Hendriks – Medewerker',
  ingrid: 'Ingrid Jansen – Trainer, Medewerker',
  daan: 'Daan Smit – Medewerker',
};
const ingrid = { id: demo.trainer, name: 'Ingrid Jansen' };

const newPage = usePages({ acceptDownloads: true });

/** The calendar date (YYYY-MM-DD, UTC) `days` from now: the stack runs on the real clock. */
const dayFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function publishPath(token: string, input: { title: string; description?: string; minOptional: number; steps: Array<{ id: string; moduleId: string; required: boolean; unlockAfter?: string[] }> }) {
  const res = await api('/api/paths', { method: 'POST', token, json: { description: 'Een leerpad voor de test.', ...input } });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data as { id: string; version: number };
}

/**
 * A blended path like the demo's, made for one test: read an article and do an e-learning, then a
 * classroom day (with one session, Ingrid as trainer) that waits for both; an optional intervision.
 */
async function blendedPath() {
  const admin = await tokenFor(demo.admin);
  const u = unique();
  const titles = {
    path: `Veiligheidsplan in de praktijk ${u}`,
    reading: `Lezen: veiligheidsplan bespreken ${u}`,
    elearning: `Veiligheidsplan basis (e-learning) ${u}`,
    classroom: `Training veiligheidsplan in de praktijk ${u}`,
  };
  const article = await publishArticle({ title: `Veiligheidsplan bespreken ${u}`, audience: 'public', markdown: `## Waarom\n\nEen veiligheidsplan maak je samen (${u}).` });
  const reading = await createModule(admin, { kind: 'reading', title: titles.reading, articleSlug: article.slug, durationMinutes: 20 });
  const elearning = await createModule(admin, { kind: 'elearning', title: titles.elearning, durationMinutes: 45 });
  const classroom = await createModule(admin, { kind: 'classroom', title: titles.classroom, accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 4 }] });
  const intervision = await createModule(admin, { kind: 'intervision', title: `Intervisie veiligheidsplan ${u}`, durationMinutes: 90 });
  // The classroom day starts within the test: Noor enrols first, and Ingrid can register
  // attendance only once it has begun. The lead time covers Noor's steps on a slow machine.
  const start = new Date(Date.now() + 75_000).toISOString();
  const session = await createSession(admin, classroom.id, { trainers: [ingrid], start, end: new Date(Date.parse(start) + 3 * 3600_000).toISOString() });
  const path = await publishPath(admin, {
    title: titles.path,
    minOptional: 1,
    steps: [
      { id: 's1', moduleId: reading.id, required: true },
      { id: 's2', moduleId: elearning.id, required: true },
      { id: 's3', moduleId: classroom.id, required: true, unlockAfter: ['s1', 's2'] },
      { id: 's4', moduleId: intervision.id, required: false, unlockAfter: ['s3'] },
    ],
  });
  return {
    pathId: path.id,
    pathTitle: titles.path,
    articleSlug: article.slug,
    readingTitle: titles.reading,
    elearning: { id: elearning.id, title: titles.elearning },
    classroomTitle: titles.classroom,
    sessionId: session.id,
    sessionStart: start,
  };
}

describe('catalogue state, session times and messages (pure)', () => {
  it('has the same learning texts, list lengths and parameters in Dutch and English', () => {
    expect(shape(__learningCatalogues.en)).toEqual(shape(__learningCatalogues.nl));
    expect(__learningCatalogues.nl.kinds.classroom).toBe('Klassikale training');
    expect(__learningCatalogues.nl.duration(90)).toBe('1 uur 30 min');
    expect(__learningCatalogues.en.duration(120)).toBe('2 hours');
  });

  it('reads the URL, drops unknown values and maps Dutch parameters to the API', () => {
    // Any valid date does; a Dutch-order date ("31-12-…") is not one.
    const from = dateAfter(30);
    const dutchOrder = dateAfter(60).split('-').reverse().join('-');
    const state = stateFromQuery(new URLSearchParams(`q=veiligheid&vorm=classroom&netwerk=suicidepreventie&taal=xx&vanaf=${from}&tot=${dutchOrder}&pagina=2`));
    expect(state).toEqual({ q: 'veiligheid', kind: 'classroom', network: 'suicidepreventie', theme: '', register: '', language: '', from, to: '', page: 2 });
    expect(stateFromQuery(new URLSearchParams('vorm=bestaat-niet')).kind).toBe('');
    expect(urlFor(state)).toBe(`/aanbod?q=veiligheid&vorm=classroom&netwerk=suicidepreventie&vanaf=${from}&pagina=2`);
    expect(urlFor(stateFromQuery(new URLSearchParams()))).toBe('/aanbod');
    const apiUrl = new URL(apiPathFor(state), 'http://x');
    expect(apiUrl.pathname).toBe('/api/modules');
    expect(Object.fromEntries(apiUrl.searchParams)).toEqual({ limit: '20', offset: '20', q: 'veiligheid', kind: 'classroom', network: 'suicidepreventie', from });
  });

  it('shows session times in Amsterdam time, in Dutch', () => {
    // Date fixtures on purpose: the subject is the calendar (weekday and month names, winter and
    // summer time in Amsterdam), so these instants stay literal.
    // 08:30 UTC in winter is 09:30 in Amsterdam; in summer 07:30 UTC is 09:30.
    expect(formatSessionTime('2026-12-08T08:30:00Z', '2026-12-08T15:30:00Z')).toBe('dinsdag 8 december 2026, 09:30–16:30');
    expect(formatSessionTime('2027-06-08T07:30:00Z', '2027-06-08T09:00:00Z')).toBe('dinsdag 8 juni 2027, 09:30–11:00');
    expect(formatSessionTime('2027-01-29T09:00:00+01:00', '2027-01-30T16:30:00+01:00')).toBe('vrijdag 29 januari 2027, 09:00 – zaterdag 30 januari 2027, 16:30');
  });
});

describe('learning in Chromium', () => {
  it('a: employee enrols in a path and a session, trainer records attendance, employee reads, sees progress and evaluates', async () => {
    const { pathId, pathTitle, articleSlug, readingTitle, elearning, classroomTitle, sessionId: plannedSession, sessionStart } = await blendedPath();

    // --- Noor (employee): path → enrol ------------------------------------------------------------
    const { page: noor, log: noorLog } = await newPage();
    const scriptBytes = trackScriptBytes(noor);
    await signInAs(noor, users.noor);
    await noor.getByRole('link', { name: 'Naar mijn leren' }).waitFor();
    await nav(noor).getByRole('link', { name: 'Mijn leren' }).waitFor();
    await expectNoAxeViolations(noor, 'home (employee)');

    await nav(noor).getByRole('link', { name: 'Leerpaden', exact: true }).click();
    await h1(noor, 'Leerpaden');
    expect(await nav(noor).getByRole('link', { name: 'Leerpaden', exact: true }).getAttribute('aria-current')).toBe('page');
    await expectNoAxeViolations(noor, '/leerpaden');

    await noor.getByRole('link', { name: pathTitle }).click();
    await h1(noor, pathTitle);
    expect(new URL(noor.url()).pathname).toBe(`/leerpaden/${pathId}`);
    const steps = noor.locator('.step-list > li');
    expect(await steps.count()).toBe(4);
    // Steps in path order, with kind and required/optional; a step waiting for others says so.
    expect(await steps.nth(0).locator('.badge--kind').textContent()).toContain('Lezen');
    expect(await steps.nth(1).locator('.badge--kind').textContent()).toContain('E-learning');
    expect(await steps.nth(2).textContent()).toContain('Klassikale training');
    expect(await steps.nth(2).textContent()).toContain('Verplicht');
    expect(await steps.nth(3).textContent()).toContain('Keuze');
    expect(await steps.nth(2).locator('.step__lock').textContent()).toBe(`Opent na: ${readingTitle}, ${elearning.title}`);
    await expectNoAxeViolations(noor, '/leerpaden/{id} (not enrolled)');

    await noor.getByRole('button', { name: 'Inschrijven voor dit leerpad' }).click();
    await noor.getByRole('status').filter({ hasText: 'Je bent ingeschreven voor dit leerpad.' }).waitFor();
    const pathProgress = noor.getByRole('progressbar', { name: 'Voortgang' });
    expect(await pathProgress.getAttribute('value')).toBe('0');
    expect(await steps.nth(0).locator('.state').textContent()).toContain('Open');
    expect(await steps.nth(2).locator('.state').textContent()).toContain('Nog niet open');
    await expectNoAxeViolations(noor, '/leerpaden/{id} (enrolled)');

    // --- Noor: classroom module → first session → enrol + calendar invite ----------------------------
    await noor.getByRole('link', { name: classroomTitle }).click();
    await h1(noor, classroomTitle);
    await noor.getByRole('heading', { level: 2, name: 'Accreditatie' }).waitFor();
    await noor.getByRole('heading', { level: 2, name: 'Bijeenkomsten' }).waitFor();
    await expectNoAxeViolations(noor, '/aanbod/{classroom}');
    const sessions = noor.locator('.session');
    expect(await sessions.count()).toBe(1);
    const sessionId = (await sessions.first().getAttribute('data-session-id'))!;
    expect(sessionId).toBe(plannedSession);
    await sessions.first().getByRole('button', { name: 'Inschrijven' }).click();
    await noor.getByRole('status').filter({ hasText: 'Je bent ingeschreven voor deze bijeenkomst.' }).waitFor();
    const enrolledSession = noor.locator(`.session[data-session-id="${sessionId}"]`);
    await enrolledSession.getByRole('button', { name: 'Uitschrijven' }).waitFor();
    expect(await enrolledSession.textContent()).toContain('Ingeschreven');
    // The invite needs the bearer token: fetched, then downloaded from a Blob link.
    const [download] = await Promise.all([noor.waitForEvent('download'), enrolledSession.getByRole('link', { name: 'Agenda-uitnodiging (.ics)' }).click()]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(classroomTitle.slice(0, 20));
    await expectNoAxeViolations(noor, '/aanbod/{classroom} (enrolled)');

    // --- Ingrid (trainer): her sessions → that session → Noor present, once the day has begun ---------
    await untilStarted({ start: sessionStart });
    const { page: ingrid, log: ingridLog } = await newPage();
    await signInAs(ingrid, users.ingrid);
    await ingrid.getByRole('link', { name: 'Naar mijn trainingen' }).click();
    await h1(ingrid, 'Mijn trainingen');
    await expectNoAxeViolations(ingrid, '/trainer');
    await ingrid.locator(`a[href="/trainer/sessies/${sessionId}"]`).click();
    await h1(ingrid, `Aanwezigheid: ${classroomTitle}`);
    const present = ingrid.getByRole('checkbox', { name: 'Aanwezig – Noor Hendriks' });
    expect(await present.isChecked()).toBe(false);
    await expectNoAxeViolations(ingrid, '/trainer/sessies/{id}');
    await present.check();
    await ingrid.getByRole('status').filter({ hasText: 'Noor Hendriks: aanwezig opgeslagen.' }).waitFor();
    expect(await ingrid.getByRole('row', { name: /Noor Hendriks/ }).textContent()).toContain('Aanwezig geweest');
    const participants = await api(`/api/sessions/${sessionId}/participants`, { token: await tokenFor(demo.trainer) });
    expect(participants.data.participants.find((p: { userId: string }) => p.userId === demo.employee)?.status).toBe('attended');
    await expectNoAxeViolations(ingrid, '/trainer/sessies/{id} (saved)');
    expect(ingridLog.errors).toEqual([]);

    // --- Noor: the reading step → "Ik heb dit gelezen" -----------------------------------------------
    await noor.goto(url(`/leerpaden/${pathId}`));
    await h1(noor, pathTitle);
    expect(await steps.nth(2).locator('.state').textContent()).toContain('Afgerond');
    // The reading step is open and not done yet: it is the next step, linked above the steps.
    await noor.locator('.path-next').getByRole('link', { name: readingTitle }).click();
    await h1(noor, readingTitle);
    expect(await noor.getByRole('link', { name: 'Lees het artikel' }).getAttribute('href')).toBe(`/kennis/${articleSlug}`);
    await expectNoAxeViolations(noor, '/aanbod/{reading}');
    await noor.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
    await noor.getByText(/^Afgerond op \d+ \w+ \d{4}$/).waitFor();
    expect(await noor.getByRole('button', { name: 'Ik heb dit gelezen' }).count()).toBe(0);
    await expectNoAxeViolations(noor, '/aanbod/{reading} (completed)');

    // --- Noor: Mijn leren shows progress and the next step ---------------------------------------------
    await nav(noor).getByRole('link', { name: 'Mijn leren' }).click();
    await h1(noor, 'Mijn leren');
    const myPath = noor.locator(`.my-path[data-path-id="${pathId}"]`);
    const percent = Number(await myPath.getByRole('progressbar', { name: 'Voortgang' }).getAttribute('value'));
    // Two of the three required steps done, the one optional step still needed: 2 of 4.
    expect(percent).toBe(50);
    expect(await myPath.textContent()).toContain(`${percent}% afgerond`);
    expect(await myPath.getByRole('link', { name: elearning.title }).getAttribute('href')).toBe(`/aanbod/${elearning.id}`);
    const me = await api('/api/me/learning', { token: await tokenFor(demo.employee) });
    expect(me.data.paths.find((p: { pathId: string }) => p.pathId === pathId).percent).toBe(percent);
    await noor.getByRole('table').filter({ hasText: 'Afgerond op' }).getByRole('link', { name: readingTitle }).waitFor();
    await noor.getByRole('table').filter({ hasText: 'Afgerond op' }).getByRole('link', { name: classroomTitle }).waitFor();
    await noor.getByRole('heading', { level: 2, name: 'Accreditatiepunten' }).waitFor();
    await expectNoAxeViolations(noor, '/mijn-leren');

    // --- Noor: evaluates the completed reading module -----------------------------------------------------
    await noor.getByRole('link', { name: `Evalueer: ${readingTitle}` }).click();
    await h1(noor, `Evaluatie: ${readingTitle}`);
    await noor.getByRole('group', { name: 'Hoe waardeer je dit onderdeel?' }).waitFor();
    await expectNoAxeViolations(noor, '/evaluatie/module/{id}');
    // A rating is required: the group says so.
    await noor.getByRole('button', { name: 'Evaluatie versturen' }).click();
    await noor.getByText('Kies een waardering.').waitFor();
    expect(await noor.getByRole('radio', { name: '1 – Slecht' }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(noor, '/evaluatie/module/{id} (invalid)');
    await noor.getByRole('radio', { name: '4 – Goed' }).check();
    await noor.getByLabel('Wat heb je geleerd?').fill('Dat je suïcidaliteit gewoon kunt bespreken.');
    await noor.getByLabel('Wat ga je toepassen in je werk?').fill('Ik vraag er voortaan direct naar.');
    await noor.getByLabel('Wat kan beter?').fill('Meer voorbeelden van gesprekken.');
    await noor.getByRole('button', { name: 'Evaluatie versturen' }).click();
    await noor.getByText('Bedankt voor je evaluatie.').waitFor();
    await expectNoAxeViolations(noor, '/evaluatie/module/{id} (sent)');
    await noor.getByRole('link', { name: 'Naar Mijn leren' }).click();
    await h1(noor, 'Mijn leren');
    expect(await noor.getByRole('link', { name: `Evalueer: ${readingTitle}` }).count()).toBe(0);

    await expectScriptBudget(scriptBytes, 'employee: path, module, Mijn leren, evaluation');
    expect(noorLog.errors).toEqual([]);
  });

  it('b: the catalogue filters from facets, keeps its state in the URL and checks the date range', async () => {
    // A classroom module with one session on a day of its own, far beyond the demo's coming weeks:
    // the date range below always has this session in it, whatever the date today.
    const sessionDay = dayFromNow(200);
    const [from, to, beforeFrom] = [dayFromNow(199), dayFromNow(201), dayFromNow(198)];
    const rangedTitle = `Training in het venster ${unique()}`;
    const admin = await tokenFor(demo.admin);
    const inRange = await createModule(admin, { kind: 'classroom', title: rangedTitle });
    await createSession(admin, inRange.id, { start: `${sessionDay}T09:00:00Z`, end: `${sessionDay}T12:00:00Z`, trainers: [ingrid] });

    const { page, log } = await newPage();
    const scriptBytes = trackScriptBytes(page);
    await signInAs(page, users.noor);
    await nav(page).getByRole('link', { name: 'Aanbod' }).click();
    await h1(page, 'Opleidingsaanbod');
    const token = await tokenFor(demo.employee);
    const all = await api('/api/modules?limit=20', { token });
    expect(all.status).toBe(200);
    const count = page.locator('[aria-live="polite"]');
    await expect.poll(() => count.textContent()).toBe(`${all.data.total} onderdelen`);
    // Every kind in the facets is offered with its Dutch label and count.
    const kindOptions = await page.getByLabel('Vorm').locator('option').allTextContents();
    expect(kindOptions[0]).toBe('Alle vormen');
    expect(kindOptions).toContain(`Klassikale training (${all.data.facets.kind.classroom})`);
    await expectNoAxeViolations(page, '/aanbod');

    await page.getByLabel('Vorm').selectOption('classroom');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/vorm=classroom/);
    const classroom = await api('/api/modules?kind=classroom&limit=20', { token });
    await expect.poll(() => count.textContent()).toBe(`${classroom.data.total} ${classroom.data.total === 1 ? 'onderdeel' : 'onderdelen'}`);
    const titles = await page.locator('.result__title a').allTextContents();
    expect(titles).toEqual((classroom.data.modules as Array<{ title: string }>).map((m) => m.title));
    expect(await page.locator('.badge--kind').allTextContents()).toEqual(titles.map(() => 'Vorm: Klassikale training'));
    await expectNoAxeViolations(page, '/aanbod?vorm=classroom');

    // "Tot en met" before "Vanaf": the field says so and nothing is searched.
    await page.getByLabel('Vanaf').fill(from);
    await page.getByLabel('Tot en met').fill(beforeFrom);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.getByLabel('Tot en met').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('vanaf')).toBeNull();
    await expectNoAxeViolations(page, '/aanbod (invalid range)');

    // A valid range shows the modules with a session in it, each with that session.
    await page.getByLabel('Tot en met').fill(to);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL((u) => u.searchParams.get('vanaf') === from && u.searchParams.get('tot') === to);
    await expect.poll(() => page.getByLabel('Tot en met').getAttribute('aria-invalid')).toBeNull();
    const ranged = await api(`/api/modules?kind=classroom&from=${from}&to=${to}&limit=20`, { token });
    const rangedModules = ranged.data.modules as Array<{ id: string; title: string; nextSession?: { id: string; start: string } }>;
    expect(rangedModules.map((m) => m.id)).toContain(inRange.id);
    expect(Date.parse(rangedModules.find((m) => m.id === inRange.id)!.nextSession!.start)).toBe(Date.parse(`${sessionDay}T09:00:00Z`));
    await expect.poll(() => page.locator('.result__title a').allTextContents()).toEqual(rangedModules.map((m) => m.title));
    const shown = page.locator('.result', { hasText: rangedTitle }).locator('.module-result__session');
    expect(await shown.textContent()).toContain(formatSessionTime(`${sessionDay}T09:00:00Z`, `${sessionDay}T12:00:00Z`));
    expect(await page.locator('.module-result__session').count()).toBe(rangedModules.length);

    // Back restores the previous search from the URL.
    await page.goBack();
    await expect.poll(() => page.getByLabel('Vanaf').inputValue()).toBe('');
    expect(await page.getByLabel('Vorm').inputValue()).toBe('classroom');

    // English labels for the same page.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'Course catalogue');
    expect(await page.getByLabel('Format').inputValue()).toBe('classroom');
    await expectNoAxeViolations(page, '/aanbod (English)');
    await page.getByRole('button', { name: 'Schakel over naar Nederlands' }).click();
    await h1(page, 'Opleidingsaanbod');

    await expectScriptBudget(scriptBytes, 'catalogue');
    expect(log.errors).toEqual([]);
  });

  it('c: anonymous readers see the paths, are asked to sign in for employee modules, and have no "Mijn leren"', async () => {
    const admin = await tokenFor(demo.admin);
    const staffOnly = await createModule(admin, { kind: 'classroom', title: `Training voor medewerkers ${unique()}`, enrolAudience: 'employees' });
    const pathTitle = `Leerpad voor medewerkers ${unique()}`;
    await publishPath(admin, { title: pathTitle, minOptional: 0, steps: [{ id: 's1', moduleId: staffOnly.id, required: true }] });

    const { page } = await newPage();
    await page.goto(url('/leerpaden'));
    await h1(page, 'Leerpaden');
    expect(await nav(page).getByRole('link', { name: 'Mijn leren' }).count()).toBe(0);
    await expectNoAxeViolations(page, '/leerpaden (anonymous)');
    await page.getByRole('link', { name: pathTitle }).click();
    await h1(page, pathTitle);
    await page.getByRole('link', { name: 'Meld je aan om je in te schrijven voor dit leerpad' }).waitFor();
    await expectNoAxeViolations(page, '/leerpaden/{id} (anonymous)');

    await page.goto(url(`/aanbod/${staffOnly.id}`));
    await h1(page, 'Aanmelden vereist');
    await page.goto(url('/aanbod/bestaat-niet'));
    await h1(page, /Aanmelden vereist|Onderdeel niet gevonden/);
    await page.goto(url('/mijn-leren'));
    await h1(page, 'Aanmelden vereist');
    expect(await page.getByRole('link', { name: 'Meld je aan' }).getAttribute('href')).toBe('/aanmelden?terug=%2Fmijn-leren');
    await expectNoAxeViolations(page, '/mijn-leren (anonymous)');
  });
  it('d: waiting list, an assignment and an external training, each with its own feedback', async () => {
    const admin = await tokenFor(demo.admin);
    const u = unique();
    const intervision = { title: `Casuïstiekbespreking suïcidaliteit ${u}` };
    const assignment = { title: `Reflectieverslag: een veiligheidsplan in de praktijk ${u}` };
    const external = { title: `Reanimatie en AED (BLS), jaarlijkse herhaling ${u}` };
    const intervisionId = (await createModule(admin, { kind: 'intervision', title: intervision.title, durationMinutes: 90 })).id;
    const assignmentId = (await createModule(admin, { kind: 'assignment', title: assignment.title })).id;
    const externalId = (await createModule(admin, { kind: 'external', title: external.title, provider: 'Scholingsinstituut Midden' })).id;
    // A small intervision group (3 places), filled with other employees first.
    const sessionId = (await createSession(admin, intervisionId, { capacity: 3, trainers: [ingrid] })).id;
    for (const { token } of await syntheticEmployees(3, 'u-e2e-wachtlijst')) {
      const res = await api(`/api/sessions/${sessionId}/enrolment`, { method: 'POST', token });
      expect(res.status, JSON.stringify(res.data)).toBe(201);
    }
    const { page, log } = await newPage();
    await signInAs(page, users.noor);

    await page.goto(url(`/aanbod/${intervisionId}`));
    await h1(page, intervision.title);
    const full = page.locator(`.session[data-session-id="${sessionId}"]`);
    expect(await full.textContent()).toContain('Vol (3 plaatsen)');
    await full.getByRole('button', { name: 'Inschrijven voor de wachtlijst' }).click();
    await page.getByRole('status').filter({ hasText: 'De bijeenkomst is vol. Je staat op de wachtlijst (plaats 1).' }).waitFor();
    expect(await full.textContent()).toContain('Op de wachtlijst (plaats 1)');
    // Focus stays on the session's action, now "Van de wachtlijst af".
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Van de wachtlijst af');
    await expectNoAxeViolations(page, '/aanbod/{intervision} (waiting list)');
    await full.getByRole('button', { name: 'Van de wachtlijst af' }).click();
    await page.getByRole('status').filter({ hasText: 'Je bent uitgeschreven.' }).waitFor();
    await full.getByRole('button', { name: 'Inschrijven voor de wachtlijst' }).waitFor();

    // Assignment: required, at least 20 characters, then "Ingeleverd".
    await page.goto(url(`/aanbod/${assignmentId}`));
    await h1(page, assignment.title);
    const text = page.getByLabel('Je uitwerking');
    await page.getByRole('button', { name: 'Inleveren' }).click();
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Vul dit veld in.').waitFor();
    await text.fill('Te kort.');
    await page.getByRole('button', { name: 'Inleveren' }).click();
    await page.getByText('Schrijf minstens 20 tekens.').waitFor();
    await expectNoAxeViolations(page, '/aanbod/{assignment} (invalid)');
    await text.fill('Samen met mevrouw J. en haar zus heb ik het veiligheidsplan opgesteld; wat hielp was concreet blijven.');
    await page.getByRole('button', { name: 'Inleveren' }).click();
    await page.getByText('Ingeleverd, wacht op beoordeling').waitFor();
    expect(await page.getByRole('button', { name: 'Inleveren' }).count()).toBe(0);
    await expectNoAxeViolations(page, '/aanbod/{assignment} (submitted)');

    // External training: evidence is required by the API, and by the form.
    await page.goto(url(`/aanbod/${externalId}`));
    await h1(page, external.title);
    await page.getByRole('button', { name: 'Afronding melden' }).click();
    await expect.poll(() => page.getByLabel('Bewijs', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Bewijs', { exact: true }).fill('Certificaat BLS-0042');
    await page.getByRole('button', { name: 'Afronding melden' }).click();
    await page.getByText(/^Afgerond op /).waitFor();
    await expectNoAxeViolations(page, '/aanbod/{external} (completed)');

    await nav(page).getByRole('link', { name: 'Mijn leren' }).click();
    await h1(page, 'Mijn leren');
    const assignments = page.getByRole('region', { name: 'Opdrachten' });
    expect(await assignments.textContent()).toContain(assignment.title);
    expect(await assignments.textContent()).toContain('Ingeleverd, wacht op beoordeling');
    await page.getByRole('table').filter({ hasText: 'Afgerond op' }).getByRole('link', { name: external.title }).waitFor();
    await page.getByRole('link', { name: `Evalueer: ${external.title}` }).waitFor();
    await expectNoAxeViolations(page, '/mijn-leren (after d)');
    expect(log.errors).toEqual([]);

    // The trainer finds the assignment in her queue and sends it back with feedback.
    const { page: trainer, log: trainerLog } = await newPage();
    await signInAs(trainer, users.ingrid);
    // Her home page leads to the queue too.
    expect(await trainer.getByRole('link', { name: 'Opdrachten beoordelen' }).getAttribute('href')).toBe('/trainer/opdrachten');
    await trainer.goto(url('/trainer'));
    await trainer.getByRole('link', { name: 'Ingeleverde opdrachten beoordelen' }).click();
    await h1(trainer, 'Opdrachten beoordelen');
    const handedIn = trainer.getByRole('listitem', { name: `Noor Hendriks: ${assignment.title}` });
    expect(await handedIn.locator('blockquote').textContent()).toContain('wat hielp was concreet blijven');
    await expectNoAxeViolations(trainer, '/trainer/opdrachten');
    await handedIn.getByRole('button', { name: 'Goedkeuren – Noor Hendriks' }).click();
    await handedIn.getByText('Schrijf feedback voor de deelnemer.').waitFor();
    expect(await handedIn.getByLabel('Feedback aan Noor Hendriks').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(trainer, '/trainer/opdrachten (feedback missing)');
    await handedIn.getByLabel('Feedback aan Noor Hendriks').fill('Mooi concreet. Beschrijf ook wat de zus daarna deed.');
    await handedIn.getByRole('button', { name: 'Terugsturen – Noor Hendriks' }).click();
    await trainer.getByRole('status').filter({ hasText: 'De opdracht van Noor Hendriks is teruggestuurd met je feedback.' }).waitFor();
    expect(await handedIn.count()).toBe(0);
    await expectNoAxeViolations(trainer, '/trainer/opdrachten (returned)');
    expect(trainerLog.errors).toEqual([]);

    // Noor sees the feedback and may hand in again.
    await page.goto(url(`/aanbod/${assignmentId}`));
    await h1(page, assignment.title);
    await page.getByText('Beschrijf ook wat de zus daarna deed.').waitFor();
    await page.getByRole('button', { name: 'Inleveren' }).waitFor();
    await expectNoAxeViolations(page, '/aanbod/{assignment} (returned)');

    // She hands in a revised version as a file with a short note; the trainer downloads and approves it.
    const pdf = Buffer.from('%PDF-1.7\n% Herziene uitwerking\n%%EOF\n');
    // First the wrong file: deleted again before handing in.
    await page.getByLabel('Uitwerking als bestand (optioneel)').setInputFiles({ name: 'Boodschappenlijst.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('status').filter({ hasText: 'Toegevoegd: boodschappenlijst.pdf' }).waitFor();
    await page.getByRole('button', { name: /^Verwijderen ?: boodschappenlijst\.pdf$/ }).click();
    await page.getByRole('status').filter({ hasText: 'Verwijderd: boodschappenlijst.pdf' }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
    await page.getByLabel('Uitwerking als bestand (optioneel)').setInputFiles({ name: 'Herziene uitwerking.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('status').filter({ hasText: 'Toegevoegd: herziene-uitwerking.pdf' }).waitFor();
    await page.getByLabel('Je uitwerking').fill('Zie bijlage.');
    await expectNoAxeViolations(page, '/aanbod/{assignment} (file added)');
    await page.getByRole('button', { name: 'Inleveren' }).click();
    await page.getByText('Ingeleverd, wacht op beoordeling').waitFor();
    await page.getByRole('link', { name: 'herziene-uitwerking.pdf' }).waitFor();

    await trainer.reload();
    await h1(trainer, 'Opdrachten beoordelen');
    const again = trainer.getByRole('listitem', { name: `Noor Hendriks: ${assignment.title}` });
    const [download] = await Promise.all([trainer.waitForEvent('download'), again.getByRole('link', { name: 'herziene-uitwerking.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('herziene-uitwerking.pdf');
    expect(readFileSync((await download.path())!).equals(pdf)).toBe(true);
    await again.getByLabel('Feedback aan Noor Hendriks').fill('Helemaal goed zo.');
    await again.getByRole('button', { name: 'Goedkeuren – Noor Hendriks' }).click();
    await trainer.getByRole('status').filter({ hasText: 'De opdracht van Noor Hendriks is goedgekeurd.' }).waitFor();
    expect(trainerLog.errors).toEqual([]);
  });

  it('e: an employee enrols in an e-learning module and finds it in "Mijn leren"', async () => {
    const { page, log } = await newPage();
    const title = `Herstelgericht werken (e-learning) ${unique()}`;
    const elearning = await createModule(await tokenFor(demo.admin), { kind: 'elearning', title });
    await signInAs(page, users.daan);
    await page.goto(url(`/aanbod/${elearning.id}`));
    await h1(page, title);
    const section = page.getByRole('region', { name: 'E-learning' });
    await section.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByRole('status').filter({ hasText: 'Je bent ingeschreven voor deze e-learning.' }).waitFor();
    await section.getByText('Je bent ingeschreven. Deze e-learning staat in Mijn leren.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Je bent ingeschreven.');
    await expectNoAxeViolations(page, '/aanbod/{elearning} (enrolled)');
    // A reload shows the enrolment, not the button again.
    await page.reload();
    await section.getByText('Je bent ingeschreven.', { exact: false }).waitFor();
    expect(await section.getByRole('button', { name: 'Inschrijven' }).count()).toBe(0);

    await nav(page).getByRole('link', { name: 'Mijn leren' }).click();
    await h1(page, 'Mijn leren');
    const enrolled = page.getByRole('region', { name: 'Ingeschreven, nog niet afgerond' });
    await enrolled.getByRole('link', { name: title }).waitFor();
    await expectNoAxeViolations(page, '/mijn-leren (enrolled module)');
    expect(log.errors).toEqual([]);
  });
});
