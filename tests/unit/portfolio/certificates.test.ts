import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { codeAlphabet, codeFrom, codeLength, codeRandomBytes, groupCode, normaliseCode } from '../../../functions/src/portfolio/certificates/domain/code';
import { certificateLayout, dutchDate, pdfSafe, pointsLine, type CertificateContent } from '../../../functions/src/portfolio/certificates/domain/layout';
import { renderCertificatePdf } from '../../../functions/src/portfolio/certificates/pdf';

const bytes = fc.uint8Array({ minLength: codeRandomBytes, maxLength: codeRandomBytes });

describe('verification codes', () => {
  it('are 15 Crockford base32 characters (75 bits), printed in groups of five, and read back from what people type', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const code = codeFrom(random);
        expect(code).toHaveLength(codeLength);
        expect([...code].every((ch) => codeAlphabet.includes(ch))).toBe(true);
        const grouped = groupCode(code);
        expect(grouped).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
        expect(normaliseCode(grouped)).toBe(code);
        expect(normaliseCode(` ${grouped.toLowerCase()} `)).toBe(code);
      }),
    );
    expect(codeLength * Math.log2(codeAlphabet.length)).toBeGreaterThanOrEqual(75);
  });

  it('use every character of the alphabet equally (each byte maps to one of 32, 256 = 8 × 32)', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const ch = codeFrom(new Uint8Array(codeRandomBytes).fill(b))[0]!;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });

  it('normalise the letters people confuse, and refuse what cannot be a code', () => {
    expect(normaliseCode('0O1IL-ABCDE-FGHJK')).toBe('00111ABCDEFGHJK');
    expect(normaliseCode('ABCDE-FGHJK-MNPQ')).toBeUndefined(); // too short
    expect(normaliseCode('ABCDE-FGHJK-MNPQU')).toBeUndefined(); // U is not in the alphabet
    expect(normaliseCode('ABCDE/FGHJK/MNPQR')).toBeUndefined();
    expect(normaliseCode('')).toBeUndefined();
  });
});

describe('certificate text', () => {
  it('keeps Dutch diacritics the standard fonts encode and replaces the rest safely', () => {
    expect(pdfSafe('Noël Hendriks-Ëzel, café, naïef, één')).toBe('Noël Hendriks-Ëzel, café, naïef, één');
    expect(pdfSafe('Łukasz Wałęsa')).toBe('Lukasz Walesa');
    expect(pdfSafe('Ĳsbrand van Dĳk')).toBe('IJsbrand van Dijk');
    expect(pdfSafe('Zoë 😀 陈')).toBe('Zoë ? ?');
    expect(pdfSafe('regel\néén\ttab')).toBe('regel één tab');
  });

  it('writes the date as dd-mm-yyyy in Amsterdam time (late evening UTC is the next day there)', () => {
    expect(dutchDate('2026-03-09T10:00:00Z')).toBe('09-03-2026');
    expect(dutchDate('2026-06-30T22:30:00Z')).toBe('01-07-2026');
  });

  it('lists points with accreditation number and edition per register', () => {
    expect(pointsLine({ register: 'V&VN Kwaliteitsregister', points: 2.5, accreditationNumber: 'VVN-1', edition: 'E1' })).toBe('V&VN Kwaliteitsregister: 2,5 punten · accreditatienummer VVN-1 · editie E1');
    expect(pointsLine({ register: 'Registerplein', points: 1 })).toBe('Registerplein: 1 punt');
  });

  const content: CertificateContent = {
    code: '7K2QDM9XTA4PZ1R',
    kind: 'module',
    name: 'Noël Ağaoğlu',
    title: 'De-escalerend werken',
    completedAt: '2026-03-09T10:00:00Z',
    issuedAt: '2026-03-10T08:00:00Z',
    points: [{ register: 'V&VN Kwaliteitsregister', points: 6, accreditationNumber: 'VVN-2026-1', edition: 'VVN-2026-1-E1' }],
  };

  it('lays out name, title, date, points and the grouped code, with name and code in the metadata', () => {
    const layout = certificateLayout(content, 'https://academie.example/verify/7K2QD-M9XTA-4PZ1R');
    const all = layout.blocks.map((b) => b.text).join('\n');
    expect(all).toContain('Noël Agaoglu');
    expect(all).toContain('De-escalerend werken');
    expect(all).toContain('09-03-2026');
    expect(all).toContain('V&VN Kwaliteitsregister: 6 punten · accreditatienummer VVN-2026-1 · editie VVN-2026-1-E1');
    expect(layout.verification.code).toBe('Verificatiecode: 7K2QD-M9XTA-4PZ1R');
    expect(layout.metadata.keywords).toEqual(expect.arrayContaining(['Noël Agaoglu', '7K2QDM9XTA4PZ1R', '7K2QD-M9XTA-4PZ1R']));
    expect(layout.metadata.subject).toContain('7K2QD-M9XTA-4PZ1R');
  });

  it('draws a PDF that loads, with the metadata readable', async () => {
    const pdf = await renderCertificatePdf(certificateLayout(content, 'https://academie.example/verify/7K2QD-M9XTA-4PZ1R'), new Date(content.issuedAt));
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toContain('Noël Agaoglu');
    expect(doc.getKeywords()).toContain('7K2QD-M9XTA-4PZ1R');
  });
});
