/**
 * The learning pages in a real browser (Chromium via playwright-core) against the real local stack
 * with the seeded demo academy (content/learning): an employee enrols in a blended path and a
 * classroom session, the trainer records attendance, the employee reads the reading step, sees
 * progress under "Mijn leren" and evaluates. Plus the catalogue's filters and URL state.
 * axe-core runs on every page a scenario visits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { syntheticEmployees } from '../support/learning';
import { expectNoAxeViolations, trackScriptBytes } from '../support/browser';
import { h1, nav, shape, signInAs, url, usePages } from '../support/pages';
import { apiPathFor, stateFromQuery, urlFor } from '../../web/src/pages/learning/catalogue';
import { formatSessionTime } from '../../web/src/pages/learning/common';
import { __learningCatalogues } from '../../web/src/pages/learning/messages';

const users = {
  noor: 'Noor Hendriks – Medewerker',
  ingrid: 'Ingrid Jansen – Trainer, Medewerker',
  daan: 'Daan Smit – Medewerker',
};
const pathTitle = 'Suïcidepreventie in de praktijk';
const pathId = 'p-suicidepreventie-in-de-praktijk';
const classroomTitle = 'Training suïcidepreventie: uitvragen en veiligheidsplan in de praktijk';
const readingTitle = 'Lezen: Suïcidaliteit bespreekbaar maken';

const newPage = usePages({ acceptDownloads: true });

describe('catalogue state, session times and messages (pure)', () => {
  it('has the same learning texts, list lengths and parameters in Dutch and English', () => {
    expect(shape(__learningCatalogues.en)).toEqual(shape(__learningCatalogues.nl));
    expect(__learningCatalogues.nl.kinds.classroom).toBe('Klassikale training');
    expect(__learningCatalogues.nl.duration(90)).toBe('1 uur 30 min');
    expect(__learningCatalogues.en.duration(120)).toBe('2 hours');
  });

  it('reads the URL, drops unknown values and maps Dutch parameters to the API', () => {
    const state = stateFromQuery(new URLSearchParams('q=veiligheid&vorm=classroom&netwerk=suicidepreventie&taal=xx&vanaf=2027-01-01&tot=31-12-2027&pagina=2'));
    expect(state).toEqual({ q: 'veiligheid', kind: 'classroom', network: 'suicidepreventie', theme: '', register: '', language: '', from: '2027-01-01', to: '', page: 2 });
    expect(stateFromQuery(new URLSearchParams('vorm=bestaat-niet')).kind).toBe('');
    expect(urlFor(state)).toBe('/aanbod?q=veiligheid&vorm=classroom&netwerk=suicidepreventie&vanaf=2027-01-01&pagina=2');
    expect(urlFor(stateFromQuery(new URLSearchParams()))).toBe('/aanbod');
    const apiUrl = new URL(apiPathFor(state), 'http://x');
    expect(apiUrl.pathname).toBe('/api/modules');
    expect(Object.fromEntries(apiUrl.searchParams)).toEqual({ limit: '20', offset: '20', q: 'veiligheid', kind: 'classroom', network: 'suicidepreventie', from: '2027-01-01' });
  });

  it('shows session times in Amsterdam time, in Dutch', () => {
    // 08:30 UTC in winter is 09:30 in Amsterdam; in summer 07:30 UTC is 09:30.
    expect(formatSessionTime('2026-12-08T08:30:00Z', '2026-12-08T15:30:00Z')).toBe('dinsdag 8 december 2026, 09:30–16:30');
    expect(formatSessionTime('2027-06-08T07:30:00Z', '2027-06-08T09:00:00Z')).toBe('dinsdag 8 juni 2027, 09:30–11:00');
    expect(formatSessionTime('2027-01-29T09:00:00+01:00', '2027-01-30T16:30:00+01:00')).toBe('vrijdag 29 januari 2027, 09:00 – zaterdag 30 januari 2027, 16:30');
  });
});

describe('learning in Chromium', () => {
  it('a: employee enrols in a path and a session, trainer records attendance, employee reads, sees progress and evaluates', async () => {
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
    expect(await steps.count()).toBe(6);
    // Steps in path order, with kind and required/optional; a step waiting for others says so.
    expect(await steps.nth(0).textContent()).toContain('Lezen');
    expect(await steps.nth(2).textContent()).toContain('Klassikale training');
    expect(await steps.nth(2).textContent()).toContain('Verplicht');
    expect(await steps.nth(3).textContent()).toContain('Keuze');
    expect(await steps.nth(2).locator('.step__lock').textContent()).toBe(`Opent na: ${readingTitle}, Suïcidepreventie basis (e-learning)`);
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
    const firstSession = noor.locator('.session').first();
    const sessionId = (await firstSession.getAttribute('data-session-id'))!;
    expect(sessionId).toBeTruthy();
    await firstSession.getByRole('button', { name: 'Inschrijven' }).click();
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

    // --- Ingrid (trainer): her sessions → that session → Noor present ---------------------------------
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
    expect(await noor.getByRole('link', { name: 'Lees het artikel' }).getAttribute('href')).toBe('/kennis/suicidaliteit-bespreekbaar-maken');
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
    expect(percent).toBeGreaterThan(0);
    expect(await myPath.textContent()).toContain(`${percent}% afgerond`);
    expect(await myPath.getByRole('link', { name: 'Suïcidepreventie basis (e-learning)' }).getAttribute('href')).toBe('/aanbod/m-suicidepreventie-elearning');
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

    expect(scriptBytes()).toBeLessThanOrEqual(100 * 1024);
    expect(noorLog.errors).toEqual([]);
  });

  it('b: the catalogue filters from facets, keeps its state in the URL and checks the date range', async () => {
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
    await page.getByLabel('Vanaf').fill('2027-02-01');
    await page.getByLabel('Tot en met').fill('2027-01-01');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.getByLabel('Tot en met').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('vanaf')).toBeNull();
    await expectNoAxeViolations(page, '/aanbod (invalid range)');

    // A valid range shows the next session in it.
    await page.getByLabel('Tot en met').fill('2027-12-31');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/vanaf=2027-02-01/);
    await expect.poll(() => page.getByLabel('Tot en met').getAttribute('aria-invalid')).toBeNull();
    const ranged = await api('/api/modules?kind=classroom&from=2027-02-01&to=2027-12-31&limit=20', { token });
    await expect.poll(() => page.locator('.result').count()).toBe(ranged.data.modules.length);
    if (ranged.data.modules.length > 0) await page.locator('.module-result__session').first().waitFor();

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

    expect(scriptBytes()).toBeLessThanOrEqual(100 * 1024);
    expect(log.errors).toEqual([]);
  });

  it('c: anonymous readers see the paths, are asked to sign in for employee modules, and have no "Mijn leren"', async () => {
    const { page } = await newPage();
    await page.goto(url('/leerpaden'));
    await h1(page, 'Leerpaden');
    expect(await nav(page).getByRole('link', { name: 'Mijn leren' }).count()).toBe(0);
    await expectNoAxeViolations(page, '/leerpaden (anonymous)');
    await page.getByRole('link', { name: pathTitle }).click();
    await h1(page, pathTitle);
    await page.getByRole('link', { name: 'Meld je aan om je in te schrijven voor dit leerpad' }).waitFor();
    await expectNoAxeViolations(page, '/leerpaden/{id} (anonymous)');

    await page.goto(url('/aanbod/m-suicidepreventie-training'));
    await h1(page, 'Aanmelden vereist');
    await page.goto(url('/aanbod/bestaat-niet'));
    await h1(page, /Aanmelden vereist|Onderdeel niet gevonden/);
    await page.goto(url('/mijn-leren'));
    await h1(page, 'Aanmelden vereist');
    expect(await page.getByRole('link', { name: 'Meld je aan' }).getAttribute('href')).toBe('/aanmelden?terug=%2Fmijn-leren');
    await expectNoAxeViolations(page, '/mijn-leren (anonymous)');
  });
  it('d: waiting list, an assignment and an external training, each with its own feedback', async () => {
    // Fill the small intervision session (3 places) with other employees first.
    const sessionId = 'sess-intervisie-suicidaliteit-20261207';
    for (const { token } of await syntheticEmployees(3, 'u-e2e-wachtlijst')) {
      const res = await api(`/api/sessions/${sessionId}/enrolment`, { method: 'POST', token });
      expect(res.status, JSON.stringify(res.data)).toBe(201);
    }
    const { page, log } = await newPage();
    await signInAs(page, users.noor);

    await page.goto(url('/aanbod/m-intervisie-suicidaliteit'));
    await h1(page, 'Casuïstiekbespreking suïcidaliteit');
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
    await page.goto(url('/aanbod/m-reflectieverslag-veiligheidsplan'));
    await h1(page, 'Reflectieverslag: een veiligheidsplan in de praktijk');
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
    await page.goto(url('/aanbod/m-extern-bls-aed'));
    await h1(page, 'Reanimatie en AED (BLS), jaarlijkse herhaling');
    await page.getByRole('button', { name: 'Afronding melden' }).click();
    await expect.poll(() => page.getByLabel('Bewijs', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Bewijs', { exact: true }).fill('Certificaat BLS-2026-0042');
    await page.getByRole('button', { name: 'Afronding melden' }).click();
    await page.getByText(/^Afgerond op /).waitFor();
    await expectNoAxeViolations(page, '/aanbod/{external} (completed)');

    await nav(page).getByRole('link', { name: 'Mijn leren' }).click();
    await h1(page, 'Mijn leren');
    const assignments = page.getByRole('region', { name: 'Opdrachten' });
    expect(await assignments.textContent()).toContain('Reflectieverslag: een veiligheidsplan in de praktijk');
    expect(await assignments.textContent()).toContain('Ingeleverd, wacht op beoordeling');
    await page.getByRole('table').filter({ hasText: 'Afgerond op' }).getByRole('link', { name: 'Reanimatie en AED (BLS), jaarlijkse herhaling' }).waitFor();
    await page.getByRole('link', { name: 'Evalueer: Reanimatie en AED (BLS), jaarlijkse herhaling' }).waitFor();
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
    const handedIn = trainer.getByRole('listitem', { name: 'Noor Hendriks: Reflectieverslag: een veiligheidsplan in de praktijk' });
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
    await page.goto(url('/aanbod/m-reflectieverslag-veiligheidsplan'));
    await h1(page, 'Reflectieverslag: een veiligheidsplan in de praktijk');
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
    const again = trainer.getByRole('listitem', { name: 'Noor Hendriks: Reflectieverslag: een veiligheidsplan in de praktijk' });
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
    await signInAs(page, users.daan);
    await page.goto(url('/aanbod/m-herstelgericht-werken-elearning'));
    await h1(page, /Herstelgericht/);
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
    await enrolled.getByRole('link', { name: /Herstelgericht/ }).waitFor();
    await expectNoAxeViolations(page, '/mijn-leren (enrolled module)');
    expect(log.errors).toEqual([]);
  });
});
