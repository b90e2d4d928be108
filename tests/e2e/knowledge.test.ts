/**
 * Knowledge base in a real browser (Chromium via playwright-core) against the real local stack
 * with the seeded demo content: write → review → publish → find and read, visibility for
 * anonymous readers, XSS payloads through the whole pipeline, and the editor's 409 handling.
 * axe-core runs on every page a scenario visits.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import { createModule } from '../support/learning';
import { expectNoAxeViolations, expectScriptBudget, trackScriptBytes } from '../support/browser';
import { h1, signInAs, url, usePages } from '../support/pages';
import { createArticle, publishArticle, tokens, uniqueWord } from '../support/knowledge';
import { xssPayloads } from '../unit/knowledge/xss-corpus';
import { parseHighlighted, unescapeHtml } from '../../web/src/features/knowledge/highlight';

const users = {
  joost: 'Joost Bakker – Auteur, Medewerker',
  fatima: 'Fatima el Amrani – Auteur, Medewerker',
  eva: 'Eva Mulder – Ketenpartner',
};

const newPage = usePages();

/** Dangerous leftovers in a subtree: script-capable elements, on* handlers, javascript: URLs. */
async function executableLeftovers(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const found: string[] = [];
    for (const root of Array.from(document.querySelectorAll(sel))) {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'style', 'link', 'meta', 'base', 'template'].includes(el.localName)) {
          found.push(`<${el.localName}>`);
        }
        for (const attr of Array.from(el.attributes)) {
          const value = attr.value.replace(/[\x00-\x20]+/g, '').toLowerCase();
          if (attr.name.toLowerCase().startsWith('on') || attr.name === 'style' || attr.name === 'srcdoc') found.push(`${el.localName}[${attr.name}]`);
          if (/^(javascript|vbscript|data):/.test(value)) found.push(`${el.localName}[${attr.name}=${value.slice(0, 30)}]`);
        }
      }
    }
    return found;
  }, selector);
}

/**
 * Lets the page record, from before any of its own scripts run, every element whose load or error
 * event has been dispatched. The listener captures on the document, so it runs before the element's
 * own handlers in the same dispatch: once an element is recorded, any onload/onerror it carried has
 * had its chance to run.
 */
async function recordResourceEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const settled = new WeakSet<EventTarget>();
    (window as unknown as { __settled: WeakSet<EventTarget> }).__settled = settled;
    for (const type of ['load', 'error']) document.addEventListener(type, (e) => e.target && settled.add(e.target), true);
  });
}

/**
 * The deterministic replacement for a fixed sleep: waits until every image under `selector` is
 * complete and its load or error event has been dispatched (see recordResourceEvents), then lets
 * the page run the tasks already queued (toggle events and the like). Returns the number of images.
 */
async function resourcesSettled(page: Page, selector: string): Promise<number> {
  await page.waitForFunction((sel) => {
    const settled = (window as unknown as { __settled: WeakSet<EventTarget> }).__settled;
    return Array.from(document.querySelectorAll<HTMLImageElement>(`${sel} img`)).every((img) => img.complete && (!img.getAttribute('src') || settled.has(img)));
  }, selector);
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  return page.locator(`${selector} img`).count();
}

describe('search highlights (pure)', () => {
  it('splits on <mark> only and decodes the five entities once', () => {
    expect(parseHighlighted('Het <mark>veiligheidsplan</mark> &amp; de &lt;b&gt;')).toEqual([
      { text: 'Het ', mark: false },
      { text: 'veiligheidsplan', mark: true },
      { text: ' & de <b>', mark: false },
    ]);
    expect(unescapeHtml('&amp;lt;script&amp;gt; &quot;a&quot; &#39;b&#39;')).toBe('&lt;script&gt; "a" \'b\'');
    // Anything that is not exactly <mark>/</mark> stays text.
    expect(parseHighlighted('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
  });
});

describe('knowledge base in Chromium', () => {
  it('a: author writes, lead publishes, partner finds and reads (axe clean throughout)', async () => {
    const word = uniqueWord('kraanvogel');
    const title = `Samenwerken rond crisiskaart ${word}`;

    // --- Joost (author, member of Suïcidepreventie) writes and submits -----------------------
    const { page: author, log: authorLog } = await newPage();
    await signInAs(author, users.joost);
    await expectNoAxeViolations(author, 'home (author)');
    await author.getByRole('link', { name: 'Nieuw artikel schrijven' }).click();
    await h1(author, 'Nieuw artikel');
    await expectNoAxeViolations(author, '/kennis/nieuw');

    await author.getByLabel('Titel', { exact: true }).fill(title);
    await author.getByLabel('Samenvatting', { exact: true }).fill('Hoe huisarts, wijkteam en ggz samen een crisiskaart opstellen en gebruiken.');
    await author.getByLabel('Netwerk', { exact: true }).selectOption('suicidepreventie');
    await author.getByRole('radio', { name: /^Ketenpartners/ }).check();
    await author.getByLabel('Trefwoorden', { exact: true }).fill('crisiskaart, samenwerking');
    await author.getByLabel('Thema’s', { exact: true }).fill('suïcidepreventie');
    // Co-authors come from the network's members; the author is not offered as their own co-author.
    const coAuthors = author.getByRole('group', { name: 'Co-auteurs' });
    await coAuthors.getByRole('checkbox', { name: 'Ingrid Jansen' }).check();
    expect(await coAuthors.getByRole('checkbox', { name: 'Joost Bakker' }).count()).toBe(0);
    await author.getByLabel('Tekst (Markdown)').fill(`## Wat is een crisiskaart\n\nEen **crisiskaart** beschrijft wat helpt. Kenmerk: ${word}.\n\n- afspraken\n- contactpersonen`);

    const preview = author.getByRole('region', { name: 'Voorbeeld' });
    await preview.getByRole('heading', { name: 'Wat is een crisiskaart' }).waitFor();
    expect(await preview.locator('strong').first().textContent()).toBe('crisiskaart');
    expect(await preview.locator('li').count()).toBe(2);
    await expectNoAxeViolations(author, '/kennis/nieuw (with preview)');

    // A language switch re-renders the page; unsaved edits survive it.
    await author.getByRole('button', { name: 'Switch to English' }).click();
    await h1(author, 'New article');
    expect(await author.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    await expectNoAxeViolations(author, '/kennis/nieuw (English)');
    await author.getByRole('button', { name: 'Schakel over naar Nederlands' }).click();
    await h1(author, 'Nieuw artikel');
    expect(await author.getByLabel('Titel', { exact: true }).inputValue()).toBe(title);
    expect(await author.getByRole('radio', { name: /^Ketenpartners/ }).isChecked()).toBe(true);
    expect(await coAuthors.getByRole('checkbox', { name: 'Ingrid Jansen' }).isChecked()).toBe(true);
    await preview.getByRole('heading', { name: 'Wat is een crisiskaart' }).waitFor();

    await author.getByRole('button', { name: 'Concept opslaan' }).click();
    await author.waitForURL(/\/kennis\/bewerken\/[^/]+$/);
    await author.getByText('Concept opgeslagen').waitFor();
    const articleId = decodeURIComponent(new URL(author.url()).pathname.split('/').pop()!);
    expect(await coAuthors.getByRole('checkbox', { name: 'Ingrid Jansen' }).isChecked()).toBe(true);
    await expectNoAxeViolations(author, '/kennis/bewerken (saved)');

    await author.getByRole('button', { name: 'Ter review aanbieden' }).click();
    await author.getByText('Het concept ligt nu ter review').waitFor();
    await author.locator('.state', { hasText: 'In review' }).waitFor();
    expect(await author.getByRole('button', { name: 'Concept opslaan' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(author, '/kennis/bewerken (in review)');
    expect(authorLog.errors).toEqual([]);

    // --- Fatima (lead of Suïcidepreventie) reviews and publishes ------------------------------
    const { page: lead, log: leadLog } = await newPage();
    await signInAs(lead, users.fatima);
    await lead.getByRole('link', { name: 'Mijn redactiewerk' }).click();
    await h1(lead, 'Mijn redactiewerk');
    await expectNoAxeViolations(lead, '/kennis/review');
    await lead.getByRole('link', { name: title }).click();
    await h1(lead, `Review: ${title}`);
    expect(new URL(lead.url()).pathname).toBe(`/kennis/review/${articleId}`);
    await lead.locator('.article-body strong', { hasText: 'crisiskaart' }).waitFor();
    await expectNoAxeViolations(lead, '/kennis/review/{id}');

    // The note is required: the page says so next to the field.
    await lead.getByRole('button', { name: 'Publiceren' }).click();
    const note = lead.getByLabel('Toelichting bij deze versie');
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
    await note.fill('Eerste versie, besproken in het netwerkoverleg.');
    await lead.getByRole('button', { name: 'Publiceren' }).click();
    await lead.getByText('Versie 1 is gepubliceerd.').waitFor();
    await expectNoAxeViolations(lead, '/kennis/review/{id} (published)');
    await lead.getByRole('link', { name: 'Bekijk het artikel' }).click();
    await h1(lead, title);
    // Authors and leads get the edit and history links.
    await lead.getByRole('link', { name: 'Bewerken' }).waitFor();
    await lead.getByRole('link', { name: 'Geschiedenis' }).click();
    await h1(lead, `Geschiedenis: ${title}`);
    await lead.getByRole('cell', { name: 'Eerste versie, besproken in het netwerkoverleg.' }).waitFor();
    await expectNoAxeViolations(lead, '/kennis/geschiedenis/{id}');
    expect(leadLog.errors).toEqual([]);

    // --- Eva (partner) searches and reads -----------------------------------------------------
    const { page: partner, log: partnerLog } = await newPage();
    const scriptBytes = trackScriptBytes(partner);
    await signInAs(partner, users.eva);
    await partner.getByRole('link', { name: 'Kennisbank', exact: true }).click();
    await h1(partner, 'Kennisbank');
    await expectNoAxeViolations(partner, '/kennis (partner)');
    await partner.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill(word);
    await partner.getByRole('button', { name: 'Zoeken' }).click();
    const hit = partner.getByRole('link', { name: title });
    await hit.waitFor();
    await expect.poll(() => partner.locator('[aria-live="polite"]').textContent()).toBe('1 artikel');
    expect(new URL(partner.url()).searchParams.get('q')).toBe(word);
    expect(await partner.locator('.result mark').first().textContent()).toBe(word);
    expect(await partner.locator('.result .badge--audience').first().textContent()).toContain('Ketenpartners');
    await expectNoAxeViolations(partner, '/kennis?q= (partner)');
    await hit.click();
    await h1(partner, title);
    await partner.locator('.article-body', { hasText: word }).waitFor();
    await partner.getByText('Laatst beoordeeld').waitFor();
    await partner.getByText(/Joost Bakker.*Ingrid Jansen/).first().waitFor();
    await partner.getByRole('heading', { name: 'Was dit artikel nuttig?' }).waitFor();
    await expectNoAxeViolations(partner, '/kennis/{slug} (partner)');

    // Feedback with a question; it shows up under Mijn signalen.
    await partner.getByLabel('Opmerking of vraag (optioneel)').fill('Is er een voorbeeld van een ingevulde crisiskaart?');
    await partner.getByRole('button', { name: 'Ja, nuttig' }).click();
    await partner.getByText('Bedankt voor je feedback').waitFor();
    await expectNoAxeViolations(partner, '/kennis/{slug} (feedback sent)');
    await partner.getByRole('link', { name: 'Mijn signalen' }).click();
    await h1(partner, 'Mijn signalen');
    await partner.getByRole('link', { name: title }).waitFor();
    await partner.getByText('Wacht op antwoord').waitFor();
    await expectNoAxeViolations(partner, '/mijn-signalen');

    await expectScriptBudget(scriptBytes, 'partner: search, read, feedback');
    expect(partnerLog.errors).toEqual([]);

    // --- Joost answers the open signal ----------------------------------------------------------
    await author.goto(url('/kennis/signalen/suicidepreventie'));
    await h1(author, /^Open signalen: /);
    await expectNoAxeViolations(author, '/kennis/signalen/{networkId}');
    const signal = author.locator('.signal', { hasText: title });
    await signal.getByLabel('Antwoord aan Eva Mulder').fill('Ja, in de bijlage van de richtlijn staat er een.');
    await signal.getByRole('button', { name: 'Antwoord versturen' }).click();
    await signal.getByText('Beantwoord en afgesloten.').waitFor();
    await expectNoAxeViolations(author, '/kennis/signalen/{networkId} (answered)');
  });

  it('b: anonymous reads public knowledge, is asked to sign in for internal, and never finds internal articles', async () => {
    // Three articles sharing one marker word as tag and theme: two public, one internal; and two
    // modules on that theme, one anyone may join and one for employees only.
    const word = uniqueWord('verwant');
    const open = await publishArticle({ title: `Openbare handreiking ${word}`, audience: 'public', tags: [word], themes: [word], markdown: `## Inleiding\n\nOpenbare tekst over ${word}.` });
    const sibling = await publishArticle({ title: `Verwante handreiking ${word}`, audience: 'public', tags: [word], themes: [word] });
    const internal = await publishArticle({ title: `Interne werkwijze ${word}`, audience: 'internal', tags: [word], themes: [word], markdown: `## Werkwijze\n\nAlleen voor medewerkers: ${word}.` });
    const admin = await tokens.admin();
    const openModule = await createModule(admin, { kind: 'reading', title: `Lezen voor iedereen ${word}`, articleSlug: open.slug, enrolAudience: 'public', themes: [word] });
    const staffModule = await createModule(admin, { kind: 'classroom', title: `Training voor medewerkers ${word}`, enrolAudience: 'employees', themes: [word] });

    const { page, log } = await newPage();
    const scriptBytes = trackScriptBytes(page);
    await page.goto(url(`/kennis/${open.slug}`));
    await h1(page, `Openbare handreiking ${word}`);
    await page.getByText('Meld je aan om feedback te geven').waitFor();
    await page.locator('.article-body h2').first().waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    // Related articles: exactly what the API offers an anonymous reader, all public; the internal one never.
    const read = await api(`/api/articles/by-slug/${open.slug}`);
    expect(read.status).toBe(200);
    const related = read.data.related as Array<{ slug: string; audience: string }>;
    expect(related.map((r) => r.slug)).toContain(sibling.slug);
    expect(related.map((r) => r.slug)).not.toContain(internal.slug);
    expect(related.filter((r) => r.audience !== 'public')).toEqual([]);
    const relatedHrefs = await page.getByRole('region', { name: 'Gerelateerde artikelen' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(relatedHrefs).toEqual(related.map((r) => `/kennis/${r.slug}`));
    // Modules beside it: only what an anonymous reader may join.
    const modules = read.data.relatedModules as Array<{ id: string }>;
    expect(modules.map((m) => m.id)).toContain(openModule.id);
    expect(modules.map((m) => m.id)).not.toContain(staffModule.id);
    const moduleHrefs = await page.getByRole('region', { name: 'Scholing over dit onderwerp' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(moduleHrefs).toEqual(modules.map((m) => `/aanbod/${m.id}`));
    await expectNoAxeViolations(page, '/kennis/{slug} (anonymous)');
    // First load of a knowledge page stays within budget (shell + lazy chunks).
    await expectScriptBudget(scriptBytes, 'first load of /kennis/{slug}');

    await page.goto(url(`/kennis/${internal.slug}`));
    await h1(page, 'Aanmelden vereist');
    await page.getByText('Meld je aan om dit artikel te lezen').waitFor();
    expect(await page.getByRole('link', { name: 'Meld je aan' }).getAttribute('href')).toBe(`/aanmelden?terug=${encodeURIComponent(`/kennis/${internal.slug}`)}`);
    await expectNoAxeViolations(page, '/kennis/{internal slug} (anonymous)');

    // A missing article looks exactly like a hidden one to an anonymous visitor (no existence leak).
    const hiddenText = await page.locator('main').innerText();
    await page.goto(url('/kennis/bestaat-niet-xyz'));
    await h1(page, 'Aanmelden vereist');
    expect(await page.locator('main').innerText()).toBe(hiddenText);
    await expectNoAxeViolations(page, '/kennis/bestaat-niet-xyz');

    // Browsing: the UI shows exactly what the API gives an anonymous reader, all public.
    const anonymous = await api('/api/articles?q=&limit=10&offset=0');
    expect(anonymous.status).toBe(200);
    const browsed = anonymous.data.results as Array<{ slug: string; audience: string }>;
    expect(browsed.length).toBeGreaterThan(0);
    expect(browsed.filter((r) => r.audience !== 'public')).toEqual([]);
    await page.goto(url('/kennis'));
    await h1(page, 'Kennisbank');
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toBe(`${anonymous.data.total} ${anonymous.data.total === 1 ? 'artikel' : 'artikelen'}`);
    const listed = async () => (await page.locator('.result__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map((h) => decodeURIComponent(h!.replace('/kennis/', '')));
    expect(await listed()).toEqual(browsed.map((r) => r.slug));
    expect(await listed()).not.toContain(internal.slug);
    await expectNoAxeViolations(page, '/kennis (anonymous)');

    // Searching for the marker word: staff find all three, anonymous readers only the two public ones, in UI and API alike.
    const staff = await api(`/api/articles?q=${encodeURIComponent(word)}&limit=10`, { token: await tokens.employee() });
    expect((staff.data.results as Array<{ slug: string }>).map((r) => r.slug).sort()).toEqual([open.slug, sibling.slug, internal.slug].sort());
    const searched = await api(`/api/articles?q=${encodeURIComponent(word)}&limit=10`);
    expect((searched.data.results as Array<{ slug: string }>).map((r) => r.slug).sort()).toEqual([open.slug, sibling.slug].sort());
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill(word);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === word);
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toBe('2 artikelen');
    expect(await listed()).toEqual((searched.data.results as Array<{ slug: string }>).map((r) => r.slug));
    expect(await page.locator('.badge--internal').count()).toBe(0);
    await expectNoAxeViolations(page, '/kennis?q={word} (anonymous)');

    // Filters from the URL; an internal audience filter yields nothing for anonymous readers.
    await page.goto(url('/kennis?doelgroep=internal'));
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toMatch(/^0 artikelen/);

    // State lives in the URL: Back and Forward restore the search.
    await page.goto(url('/kennis'));
    await h1(page, 'Kennisbank');
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill('veiligheidsplan');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/q=veiligheidsplan/);
    await page.goBack();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).inputValue()).toBe('');
    await page.goForward();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).inputValue()).toBe('veiligheidsplan');
    expect(log.errors.filter((e) => !/401|Unauthorized|404|Not Found/i.test(e))).toEqual([]);
  });

  it('c: XSS payloads stay inert in the article page and in the editor preview', async () => {
    const own = [
      '<img src=x onerror="window.__xss=1">',
      '<svg onload="window.__xss=1"></svg>',
      '<details open ontoggle="window.__xss=1">x</details>',
      '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
      '[klik](javascript:window.__xss=1)',
      '<a href="javascript:window.__xss=1" id="xss-link">klik</a>',
      '<script>window.__xss=1</script>',
      '![x](x" onerror="window.__xss=1)',
    ];
    // The sentinel comes last: a legitimate image whose error event (the file does not exist) can
    // only be dispatched after the page rendered everything before it.
    const sentinel = '![xss-sentinel](/xss-sentinel-bestaat-niet.png)';
    const markdown = [...xssPayloads, ...own, sentinel].join('\n\n');
    const word = uniqueWord('xssvink');
    const { slug } = await publishArticle({ title: `Veiligheidstest ${word}`, audience: 'public', markdown });

    const { page, log } = await newPage();
    await recordResourceEvents(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(url(`/kennis/${slug}`));
    await h1(page, `Veiligheidstest ${word}`);
    await page.locator('.article-body', { hasText: 'constructor.constructor' }).waitFor();
    // Every image has loaded or failed and its handlers (if any survived) have run; the sentinel is among them.
    await page.locator('.article-body img[alt="xss-sentinel"]').waitFor({ state: 'attached' });
    expect(await resourcesSettled(page, '.article-body')).toBeGreaterThan(0);
    const links = page.locator('.article-body a');
    expect(await links.count()).toBeGreaterThan(0);
    await links.evaluateAll((as) => as.forEach((a) => a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))));
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await executableLeftovers(page, '.article-body')).toEqual([]);
    expect(await page.locator('h1').count()).toBe(1);
    expect(log.errors.filter((e) => /Content Security Policy|pageerror/i.test(e))).toEqual([]);

    // The live preview in the editor renders the same payloads through the same path.
    await signInAs(page, users.joost);
    await page.goto(url('/kennis/nieuw'));
    await h1(page, 'Nieuw artikel');
    await page.getByLabel('Tekst (Markdown)').fill(markdown);
    const preview = page.getByRole('region', { name: 'Voorbeeld' });
    await preview.locator('.preview__body', { hasText: 'constructor.constructor' }).waitFor();
    await preview.locator('.preview__body img[alt="xss-sentinel"]').waitFor({ state: 'attached' });
    expect(await resourcesSettled(page, '.preview__body')).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await executableLeftovers(page, '.preview__body')).toEqual([]);
    expect(log.errors.filter((e) => /Content Security Policy|pageerror/i.test(e))).toEqual([]);
  });

  it('d: two editors on one draft: the second save gets a version conflict, never a silent overwrite', async () => {
    const word = uniqueWord('conflict');
    const created = await createArticle(await tokens.author(), { title: `Conflicttest ${word}`, audience: 'internal' });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const id = created.data.article.id as string;

    const { page: a } = await newPage();
    const { page: b, log: bLog } = await newPage();
    await signInAs(a, users.joost);
    await signInAs(b, users.fatima);
    await a.goto(url(`/kennis/bewerken/${id}`));
    await b.goto(url(`/kennis/bewerken/${id}`));
    await h1(a, `Bewerken: Conflicttest ${word}`);
    await h1(b, `Bewerken: Conflicttest ${word}`);

    await a.getByLabel('Titel', { exact: true }).fill(`Conflicttest ${word} (Joost)`);
    await a.getByRole('button', { name: 'Concept opslaan' }).click();
    await a.getByText('Concept opgeslagen (revisie 2).').waitFor();

    await b.getByLabel('Samenvatting', { exact: true }).fill('Fatima wijzigt de samenvatting tegelijkertijd.');
    await b.getByRole('button', { name: 'Concept opslaan' }).click();
    const alert = b.getByRole('alert').filter({ hasText: 'Joost Bakker' });
    await alert.waitFor();
    await alert.getByText('Iemand anders heeft dit intussen gewijzigd').waitFor();
    await alert.getByText(/^Referentie: /).waitFor();
    const reload = alert.getByRole('button', { name: 'Nieuwste versie laden' });
    await reload.waitFor();
    await expectNoAxeViolations(b, '/kennis/bewerken/{id} (conflict)');

    // The server kept Joost's version.
    const stored = await api(`/api/articles/${id}`, { token: await tokens.author() });
    expect(stored.data.draft.title).toBe(`Conflicttest ${word} (Joost)`);
    expect(stored.data.draft.summary).not.toContain('Fatima');

    // Loading the newest version discards local edits only after a confirm().
    const confirms: string[] = [];
    b.once('dialog', (dialog) => {
      confirms.push(dialog.message());
      void dialog.dismiss();
    });
    await reload.click();
    await expect.poll(() => confirms.length).toBe(1);
    expect(await b.getByLabel('Samenvatting', { exact: true }).inputValue()).toContain('Fatima');
    b.once('dialog', (dialog) => void dialog.accept());
    await reload.click();
    await b.getByText('De nieuwste versie is geladen.').waitFor();
    expect(await b.getByLabel('Titel', { exact: true }).inputValue()).toBe(`Conflicttest ${word} (Joost)`);
    expect(confirms[0]).toMatch(/gaan verloren/);
    expect(bLog.errors.filter((e) => !/409|Conflict/i.test(e))).toEqual([]);
  });
  it('d2: opening the editor of a published article writes nothing; the first save creates the draft, which can be discarded', async () => {
    const word = uniqueWord('alleenkijken');
    const { id, slug } = await publishArticle({ title: `Alleen kijken ${word}`, audience: 'internal', markdown: `## Inleiding\n\nGepubliceerde tekst.` });
    const author = await tokens.author();
    const { page, log } = await newPage();
    await signInAs(page, users.joost);
    await page.goto(url(`/kennis/bewerken/${id}`));
    await h1(page, `Bewerken: Alleen kijken ${word}`);
    await page.getByText('Er is nog geen concept').waitFor();
    expect(await page.getByLabel('Tekst (Markdown)', { exact: true }).inputValue()).toContain('Gepubliceerde tekst.');
    await expectNoAxeViolations(page, '/kennis/bewerken/{id} (published, no draft yet)');
    // Looking wrote nothing.
    const looked = await api(`/api/articles/${id}`, { token: author });
    expect(looked.data.draft).toBeUndefined();
    expect(looked.data.article.hasDraft).toBe(false);

    await page.getByLabel('Tekst (Markdown)', { exact: true }).fill(`## Inleiding\n\nBijgewerkte tekst ${word}.`);
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.getByText('Concept opgeslagen (revisie 1).').waitFor();
    const saved = await api(`/api/articles/${id}`, { token: author });
    expect(saved.data.draft).toMatchObject({ revision: 1, basedOn: 1, updatedBy: { id: 'u-joost-bakker' }, markdown: `## Inleiding\n\nBijgewerkte tekst ${word}.` });

    // Discarding it (after a confirm) leaves the published article as it was.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Concept weggooien' }).click();
    await page.waitForURL(new RegExp(`/kennis/${slug}$`));
    expect((await api(`/api/articles/${id}`, { token: author })).data.draft).toBeUndefined();
    expect(log.errors).toEqual([]);
  });
  it('e: a renamed article keeps its old link (address bar follows), and the history shows the change accessibly', async () => {
    const word = uniqueWord('hernoem');
    const { id, slug } = await publishArticle({ title: `Oude titel ${word}`, audience: 'public', markdown: `## Inleiding\n\nEerste regel.\n\nTweede regel.` });
    const author = await tokens.author();
    const lead = await tokens.lead();
    const opened = await api(`/api/articles/${id}/draft`, { method: 'POST', token: author });
    expect(opened.status, JSON.stringify(opened.data)).toBe(200);
    const d = opened.data;
    const newSlug = `nieuwe-titel-${word}`;
    const saved = await api(`/api/articles/${id}/draft`, {
      method: 'PUT',
      token: author,
      json: { title: `Nieuwe titel ${word}`, summary: d.summary, markdown: `## Inleiding\n\nEerste regel.\n\nEen nieuwe regel ${word}.\n`, tags: d.tags, themes: d.themes, audience: d.audience, language: d.language, slug: newSlug, expectedRevision: d.revision },
    });
    expect(saved.status, JSON.stringify(saved.data)).toBe(200);
    const submitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: saved.data.revision } });
    const published = await api(`/api/articles/${id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: submitted.data.revision, note: 'Titel en slug aangepast' } });
    expect(published.status, JSON.stringify(published.data)).toBe(200);

    const { page, log } = await newPage();
    await page.goto(url(`/kennis/${slug}`));
    await h1(page, `Nieuwe titel ${word}`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/kennis/${newSlug}`);

    await signInAs(page, users.fatima);
    await page.goto(url(`/kennis/geschiedenis/${id}`));
    await h1(page, `Geschiedenis: Nieuwe titel ${word}`);
    await page.getByRole('heading', { name: 'Verschil tussen versie 1 en 2' }).waitFor();
    const added = page.locator('.diff__line--added', { hasText: `Een nieuwe regel ${word}.` });
    expect(await added.locator('.diff__marker').textContent()).toBe('+');
    expect(await added.locator('.visually-hidden').textContent()).toBe('Toegevoegd: ');
    const removed = page.locator('.diff__line--removed', { hasText: 'Tweede regel.' });
    expect(await removed.locator('.diff__marker').textContent()).toBe('−');
    expect(await removed.locator('.visually-hidden').textContent()).toBe('Verwijderd: ');
    await expectNoAxeViolations(page, '/kennis/geschiedenis/{id} (diff)');
    // Comparing the other way round works from the two selects.
    await page.getByLabel('Van versie').selectOption('2');
    await page.getByLabel('Naar versie').selectOption('1');
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await page.getByRole('heading', { name: 'Verschil tussen versie 2 en 1' }).waitFor();
    expect(await page.locator('.diff__line--removed', { hasText: `Een nieuwe regel ${word}.` }).count()).toBe(1);
    expect(log.errors).toEqual([]);
  });
  it('f: staff browse page by page; the page is in the URL and focus goes to the results', async () => {
    // At least one internal article (for the filter below) and more than one page, whatever the demo holds.
    const token = await tokens.employee();
    await publishArticle({ title: `Interne notitie ${uniqueWord('blader')}`, audience: 'internal' });
    const before = await api('/api/articles?q=&limit=1', { token });
    for (let n = before.data.total; n <= 10; n++) await publishArticle({ title: `Bladerartikel ${uniqueWord('blader')}`, audience: 'internal' });
    const { page, log } = await newPage();
    await signInAs(page, 'Noor Hendriks – Medewerker');
    const all = await api('/api/articles?q=&limit=10&offset=10', { token });
    expect(all.data.total).toBeGreaterThan(10);
    const pages = Math.ceil(all.data.total / 10);
    await page.goto(url('/kennis'));
    await h1(page, 'Kennisbank');
    await page.getByText(`Pagina 1 van ${pages}`).waitFor();
    const first = await page.locator('.result__title').allTextContents();
    expect(first).toHaveLength(10);
    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende' }).click();
    await page.getByText(`Pagina 2 van ${pages}`).waitFor();
    expect(new URL(page.url()).searchParams.get('pagina')).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zoekresultaten');
    const second = await page.locator('.result__title').allTextContents();
    expect(second).toEqual((all.data.results as Array<{ title: string }>).map((r) => r.title));
    expect(second.some((title) => first.includes(title))).toBe(false);
    await expectNoAxeViolations(page, '/kennis?pagina=2 (employee)');
    await page.goBack();
    await page.getByText(`Pagina 1 van ${pages}`).waitFor();
    expect(await page.locator('.result__title').allTextContents()).toEqual(first);
    // A filter from the select, applied with "Zoeken".
    await page.getByLabel('Doelgroep').selectOption('internal');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/doelgroep=internal/);
    const internal = await api('/api/articles?q=&limit=10&offset=0&audience=internal', { token });
    const internalTitles = (internal.data.results as Array<{ title: string; audience: string }>).map((r) => r.title);
    expect(internalTitles.length).toBeGreaterThan(0);
    expect((internal.data.results as Array<{ audience: string }>).filter((r) => r.audience !== 'internal')).toEqual([]);
    await expect.poll(() => page.locator('.result__title').allTextContents()).toEqual(internalTitles);
    const badges = await page.locator('.result .badge--audience').allTextContents();
    expect(badges).toHaveLength(internalTitles.length);
    expect(badges.filter((t) => !t.includes('Medewerkers'))).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('g: an author uploads an image to a draft, inserts it at the cursor, and the preview loads it; disguised content is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ggz-upload-'));
    const pngPath = join(dir, 'pixel.png');
    const fakePath = join(dir, 'nep.png');
    // A real 1×1 PNG, and a "PNG" that is text.
    writeFileSync(pngPath, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082', 'hex'));
    writeFileSync(fakePath, 'Dit is tekst en geen afbeelding.\n');
    try {
      const word = uniqueWord('bijlage');
      const title = `Veiligheidsplan met schema ${word}`;
      const { page, log } = await newPage();
      const uploadStarts: string[] = [];
      page.on('request', (req) => {
        if (req.method() === 'POST' && /\/api\/articles\/[^/]+\/attachments$/.test(new URL(req.url()).pathname)) uploadStarts.push(req.url());
      });
      await signInAs(page, users.joost);

      // A new article has no id yet, so no attachments: the editor says to save first.
      await page.goto(url('/kennis/nieuw'));
      await h1(page, 'Nieuw artikel');
      const section = page.getByRole('region', { name: 'Bijlagen' });
      await section.getByText('Sla eerst een concept op om bijlagen toe te voegen').waitFor();
      expect(await page.getByLabel('Afbeelding of PDF toevoegen').count()).toBe(0);

      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByLabel('Samenvatting', { exact: true }).fill('Een veiligheidsplan met een schema als afbeelding.');
      await page.getByLabel('Netwerk', { exact: true }).selectOption('suicidepreventie');
      const text = page.getByLabel('Tekst (Markdown)');
      await text.fill('## Schema\n\nHet schema hieronder laat de stappen zien.');
      await page.getByRole('button', { name: 'Concept opslaan' }).click();
      await page.waitForURL(/\/kennis\/bewerken\/[^/]+$/);
      await page.getByText('Concept opgeslagen').waitFor();
      const articleId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

      const fileInput = section.getByLabel('Afbeelding of PDF toevoegen');
      await fileInput.waitFor();
      expect((await fileInput.getAttribute('accept'))!.split(',')).toEqual(expect.arrayContaining(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']));
      expect((await fileInput.getAttribute('accept'))!).not.toMatch(/svg|html|\*/);
      await section.getByText('Nog geen bijlagen.').waitFor();
      await expectNoAxeViolations(page, '/kennis/bewerken/{id} (attachments, empty)');

      // Checked in the browser first: the wrong type and an oversized file never reach the API.
      await fileInput.setInputFiles({ name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('tekst') });
      await section.getByText('notities.txt is geen afbeelding of PDF').waitFor();
      expect(await fileInput.getAttribute('aria-invalid')).toBe('true');
      await fileInput.setInputFiles({ name: 'groot.png', mimeType: 'image/png', buffer: Buffer.alloc(4 * 1024 * 1024 + 1) });
      await section.getByText(/^groot\.png is te groot \(4 MB\)\. Een bijlage mag maximaal 4 MB zijn\.$/).waitFor();
      await expectNoAxeViolations(page, '/kennis/bewerken/{id} (attachment refused in the browser)');
      expect(uploadStarts).toEqual([]);

      // Upload: progress and result in the live region, then the file in the list.
      const status = section.locator('[aria-live="polite"]');
      expect(await status.getAttribute('role')).toBe('status');
      await status.evaluate((el) => {
        const seen: string[] = [];
        (window as unknown as { __statuses: string[] }).__statuses = seen;
        new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
      });
      await fileInput.setInputFiles(pngPath);
      await expect.poll(() => status.textContent()).toBe('Toegevoegd: pixel.png');
      expect(await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses)).toContain('Bezig met uploaden…');
      expect(await fileInput.getAttribute('aria-invalid')).toBeNull();
      const item = section.getByRole('listitem').filter({ hasText: 'pixel.png' });
      await item.waitFor();
      expect(await item.textContent()).toContain('PNG');
      expect(uploadStarts).toHaveLength(1);
      await expectNoAxeViolations(page, '/kennis/bewerken/{id} (attachment uploaded)');

      // Inserted at the cursor (after the heading), as its own paragraph; the preview follows.
      await text.evaluate((el: HTMLTextAreaElement) => {
        el.focus();
        const at = el.value.indexOf('\n\n');
        el.setSelectionRange(at, at);
      });
      await item.getByRole('button', { name: 'Invoegen in tekst' }).click();
      expect(await text.inputValue()).toMatch(/^## Schema\n\n!\[pixel\.png\]\(\/api\/attachments\/[^)\s]+\/pixel\.png\)\n\nHet schema hieronder laat de stappen zien\.$/);
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('textarea');
      await expect.poll(() => status.textContent()).toBe('Ingevoegd in de tekst: pixel.png');
      const image = page.getByRole('region', { name: 'Voorbeeld' }).locator('img');
      await image.waitFor();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1)), { timeout: 10_000 }).toBe(1);
      expect(await image.getAttribute('src')).toMatch(/^\/api\/attachments\//);
      expect(await image.getAttribute('alt')).toBe('pixel.png');
      await expectNoAxeViolations(page, '/kennis/bewerken/{id} (image in preview)');

      // Saved and reopened: the list comes from the API and the stored preview shows the image.
      await page.getByRole('button', { name: 'Concept opslaan' }).click();
      await page.getByText('Concept opgeslagen (revisie 2).').waitFor();
      await page.reload();
      await h1(page, `Bewerken: ${title}`);
      await section.getByRole('listitem').filter({ hasText: 'pixel.png' }).waitFor();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1)), { timeout: 10_000 }).toBe(1);

      // A ".png" that is text passes the browser's check, reaches storage, and the API refuses it (422).
      await fileInput.setInputFiles(fakePath);
      const alert = section.getByRole('alert');
      await alert.getByText('De inhoud is geen geldig PNG-bestand').waitFor();
      await alert.getByText('Kan niet worden verwerkt').waitFor();
      await alert.getByText(/^Referentie: /).waitFor();
      expect(await status.textContent()).toBe('');
      expect(await section.getByRole('listitem').count()).toBe(1);
      await expectNoAxeViolations(page, '/kennis/bewerken/{id} (attachment refused by the API)');

      // In English the API's words are English too: the web sends its language with every call.
      await page.getByRole('button', { name: 'Switch to English' }).click();
      const sectionEn = page.getByRole('region', { name: 'Attachments' });
      await sectionEn.getByRole('listitem').filter({ hasText: 'pixel.png' }).waitFor();
      await sectionEn.getByLabel('Add an image or PDF').setInputFiles(fakePath);
      const alertEn = sectionEn.getByRole('alert');
      await alertEn.getByText('The content is not a valid PNG file').waitFor();
      await alertEn.getByText('Cannot be processed').waitFor();
      expect(await alertEn.textContent()).not.toMatch(/\b(de|het|een|geen|niet)\b/);
      await page.getByRole('button', { name: 'Schakel over naar Nederlands' }).click();
      await section.getByRole('listitem').filter({ hasText: 'pixel.png' }).waitFor();

      const stored = await api(`/api/articles/${encodeURIComponent(articleId)}/attachments`, { token: await tokens.author() });
      expect((stored.data as Array<{ fileName: string }>).map((a) => a.fileName)).toEqual(['pixel.png']);
      expect(log.errors.filter((e) => !/\b422\b|Unprocessable/i.test(e))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('h: a lead sees the network\'s articles with reader signals, archives one, and is told why an assigned one cannot go', async () => {
    const word = uniqueWord('archief');
    const { slug } = await publishArticle({ title: `Verouderde werkinstructie ${word}`, audience: 'internal', markdown: `Oud ${word}.` });
    // An article assigned as reading in a (published) module cannot be archived.
    const assignedArticle = await publishArticle({ title: `Toegewezen leestekst ${word}`, audience: 'internal', markdown: `Verplichte kost ${word}.` });
    const readingTitle = `Lezen: toegewezen leestekst ${word}`;
    await createModule(await tokens.admin(), { kind: 'reading', title: readingTitle, articleSlug: assignedArticle.slug });
    const { page, log } = await newPage();
    await signInAs(page, users.fatima);
    await page.goto(url('/kennis/review'));
    await h1(page, 'Mijn redactiewerk');
    // The hidden part of a link's name is its own box, so the name reads "Artikelen : …".
    await page.getByRole('link', { name: /^Artikelen ?: Expertnetwerk Suïcidepreventie$/ }).click();
    await h1(page, 'Artikelen: Expertnetwerk Suïcidepreventie');
    const table = page.getByRole('table', { name: 'Artikelen van Expertnetwerk Suïcidepreventie' });
    await expectNoAxeViolations(page, '/kennis/netwerk/{id}');

    // The counts are the article's own counters, as the API reports them (the one signal just sent).
    const signal = await api(`/api/articles/by-slug/${assignedArticle.slug}/signals`, { method: 'POST', token: await tokens.employee(), json: { useful: false, remark: `Mist een voorbeeld voor jongeren (${word}).` } });
    expect(signal.status, JSON.stringify(signal.data)).toBe(201);
    await page.reload();
    await h1(page, 'Artikelen: Expertnetwerk Suïcidepreventie');
    const meta = (await api('/api/networks/suicidepreventie/articles', { token: await tokens.lead() })).data.find((a: { slug: string }) => a.slug === assignedArticle.slug);
    expect(meta).toMatchObject({ useful: 0, notUseful: 1, openSignals: 1 });
    const assigned = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: meta.title }) });
    // Cells after the title: status, audience, review date, useful, not useful, open, actions.
    expect((await assigned.getByRole('cell').allTextContents()).slice(3, 6)).toEqual([String(meta.useful), String(meta.notUseful), String(meta.openSignals)]);

    // Assigned reading in a module: the refusal names the module, and the article stays.
    await assigned.getByRole('button', { name: /^Archiveren/ }).click();
    await page.getByRole('group', { name: new RegExp(`archiveren\\?`) }).getByRole('button', { name: 'Ja, archiveren' }).click();
    await page.getByRole('alert').filter({ hasText: readingTitle }).waitFor();
    expect(await assigned.getByRole('cell').first().textContent()).toMatch(/^Gepubliceerd/);
    await expectNoAxeViolations(page, '/kennis/netwerk/{id} (archive refused)');

    // Cancel, then archive the test article for real.
    const old = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Verouderde werkinstructie ${word}` }) });
    await old.getByRole('button', { name: /^Archiveren/ }).click();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Archiveren');
    await old.getByRole('button', { name: /^Archiveren/ }).click();
    await page.getByRole('button', { name: 'Ja, archiveren' }).click();
    await page.getByRole('status').filter({ hasText: `Verouderde werkinstructie ${word} is gearchiveerd.` }).waitFor();
    expect(await old.getByRole('cell').first().textContent()).toBe('Gearchiveerd');
    await expectNoAxeViolations(page, '/kennis/netwerk/{id} (archived)');
    expect((await api(`/api/articles/by-slug/${slug}`, { token: await tokens.employee() })).status).toBe(404);
    expect(log.errors.filter((e) => !/status of 409 /.test(e))).toEqual([]);
  });
});
