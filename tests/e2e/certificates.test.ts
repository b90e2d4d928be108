/**
 * Certificates in a real browser (Chromium via playwright-core) against the local stack: Noor
 * completes an external training, downloads its certificate from Mijn leren and from "Mijn
 * certificaten" (a valid PDF whose metadata holds her name and the verification code), and the
 * public verify page (signed out) confirms it; Sanne revokes it on /academie/certificaten, after
 * which the verify page says so, and exports the PE-online attendance list of the course edition.
 * axe-core runs on every new page.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { demo, tokenFor } from '../support/api';
import { createModule, unique } from '../support/learning';
import { expectNoAxeViolations } from '../support/browser';
import { h1, signInAs, url, usePages } from '../support/pages';
import { __certificateCatalogues } from '../../web/src/features/portfolio/certificate-messages';
import { __certificateAdminCatalogues } from '../../web/src/features/learning/academy-admin/certificates-messages';
import { shape } from '../support/pages';

const noor = 'Noor Hendriks – Medewerker';
const sanne = 'Sanne de Vries – Academiebeheerder, Medewerker';
const newPage = usePages({ acceptDownloads: true });

describe('certificate texts', () => {
  it('have the same shape in Dutch and English', () => {
    expect(shape(__certificateCatalogues.en)).toEqual(shape(__certificateCatalogues.nl));
    expect(shape(__certificateAdminCatalogues.en)).toEqual(shape(__certificateAdminCatalogues.nl));
  });
});

describe('certificates', () => {
  it('complete → download a valid PDF with name and code → verify; revoke → verify says revoked; export the attendance CSV', async () => {
    const admin = await tokenFor(demo.admin);
    const u = unique();
    const course = `VVN-E2E-${u}`;
    const title = `Omgaan met agressie (extern) ${u}`;
    const m = await createModule(admin, { kind: 'external', title, provider: 'Scholingsinstituut Midden', accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 3, accreditationNumber: course, edition: 'E1' }] });

    // --- Noor completes the training and downloads the certificate from Mijn leren -------------------
    const { page, log } = await newPage();
    await signInAs(page, noor);
    await page.goto(url(`/aanbod/${m.id}`));
    await h1(page, title);
    await page.getByLabel('Bewijs', { exact: true }).fill('Certificaat agressiehantering nr. 7781');
    await page.getByRole('button', { name: 'Afronding melden' }).click();
    await page.getByText(/^Afgerond op /).waitFor();

    await page.goto(url('/mijn-leren'));
    await h1(page, 'Mijn leren');
    const [fromMine] = await Promise.all([page.waitForEvent('download'), page.getByRole('row').filter({ hasText: title }).getByRole('link', { name: 'Certificaat (PDF)' }).click()]);
    const first = await PDFDocument.load(readFileSync((await fromMine.path())!));
    expect(first.getTitle()).toContain('Noor Hendriks');

    // --- "Mijn certificaten": the same certificate, its code shown once issued -----------------------
    await page.goto(url('/portfolio/certificaten'));
    await h1(page, 'Mijn certificaten');
    await expectNoAxeViolations(page, '/portfolio/certificaten');
    const row = page.getByRole('row').filter({ hasText: title });
    const code = (await row.getByRole('link', { name: /Controleren/ }).locator('code').textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const [again] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: `Download PDF – certificaat van ${title}` }).click()]);
    const pdf = await PDFDocument.load(readFileSync((await again.path())!));
    expect(pdf.getTitle()).toContain('Noor Hendriks');
    expect(pdf.getSubject()).toContain(code);
    expect(pdf.getKeywords()).toContain(code);
    expect(first.getKeywords()).toContain(code);
    expect(log.errors).toEqual([]);

    // --- Anyone (signed out) verifies it ----------------------------------------------------------------
    const { page: visitor } = await newPage();
    await visitor.goto(url(`/verify/${code}`));
    await h1(visitor, 'Certificaat controleren');
    await visitor.getByRole('heading', { level: 2, name: 'Geldig certificaat' }).waitFor();
    const facts = await visitor.locator('.verification__facts').textContent();
    expect(facts).toContain('Noor Hendriks');
    expect(facts).toContain(title);
    expect(facts).not.toContain('punt');
    await expectNoAxeViolations(visitor, '/verify/{code} (valid)');

    // --- Sanne revokes it, and exports the attendance of the course edition -----------------------
    const { page: academy } = await newPage();
    await signInAs(academy, sanne);
    await academy.goto(url('/academie/beheer'));
    await academy.getByRole('link', { name: 'Certificaten en presentielijst PE-online' }).click();
    await h1(academy, 'Certificaten en presentie');
    await expectNoAxeViolations(academy, '/academie/certificaten');
    const certRow = academy.locator(`tr[data-code="${code}"]`);
    await certRow.getByRole('button', { name: /^Intrekken/ }).click();
    await certRow.getByLabel('Reden van intrekken').fill('Bewijsstuk bleek niet van deze training');
    await certRow.getByRole('button', { name: 'Certificaat intrekken' }).click();
    await academy.getByRole('status').filter({ hasText: `Certificaat ${code} is ingetrokken.` }).waitFor();
    expect(await certRow.textContent()).toContain('Ingetrokken op');
    await expectNoAxeViolations(academy, '/academie/certificaten (revoked)');

    await academy.getByLabel('Register').selectOption('V&VN Kwaliteitsregister');
    await academy.getByLabel('Cursus-id (accreditatienummer)').fill(course);
    await academy.getByLabel('Editie-id').fill('E1');
    const [csv] = await Promise.all([academy.waitForEvent('download'), academy.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe(`presentie-${course}-E1.csv`);
    const body = readFileSync((await csv.path())!, 'utf8');
    const lines = body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Registratienummer;Naam;Datum afronding;Cursus-id (accreditatienummer);Editie-id;Punten;Controle');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^[^;]*;Noor Hendriks;\\d{2}-\\d{2}-\\d{4};${course};E1;3;`));

    // --- The verify page now says it was revoked ---------------------------------------------------------
    await visitor.reload();
    await visitor.getByRole('heading', { level: 2, name: 'Ingetrokken certificaat' }).waitFor();
    expect(await visitor.locator('[data-status]').getAttribute('data-status')).toBe('revoked');
    await expectNoAxeViolations(visitor, '/verify/{code} (revoked)');

    // An unknown code: not found, in Dutch and English.
    await visitor.goto(url('/verify/AAAAA-AAAAA-AAAAA'));
    await visitor.getByRole('heading', { level: 2, name: 'Certificaat niet gevonden' }).waitFor();
    await expectNoAxeViolations(visitor, '/verify/{unknown}');
  });
});
