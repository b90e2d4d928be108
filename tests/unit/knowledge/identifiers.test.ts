import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeFinding, findIdentifiers, passesElfproef, summariseFindings } from '../../../functions/src/knowledge/domain/identifiers';
import { text } from '../../../functions/src/platform/domain/text';

const kinds = (body: string) => findIdentifiers({ body }).map((f) => f.kind);

/** The elfproef's weighted sum, written out independently of the implementation. */
const weighted = (d: number[]) => d.slice(0, 8).reduce((s, x, i) => s + (9 - i) * x, 0) - d[8]!;
/** Nine digits that pass: the first eight at random, the ninth chosen to make the sum a multiple of 11 (skipping those where it would be 10). */
const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((eight) => {
    const s = eight.reduce((acc, x, i) => acc + (9 - i) * x, 0);
    return [...eight, s % 11];
  })
  .filter((d) => d[8]! <= 9 && d.some((x) => x !== 0))
  .map((d) => d.join(''));

describe('elfproef', () => {
  it('accepts known valid BSNs and refuses their neighbours', () => {
    for (const bsn of ['111222333', '123456782', '999999990']) expect(passesElfproef(bsn), bsn).toBe(true);
    for (const bsn of ['123456789', '111222334', '000000000', '12345678', '1234567820']) expect(passesElfproef(bsn), bsn).toBe(false);
  });

  it('accepts every number whose weighted sum is a multiple of eleven', () => {
    fc.assert(fc.property(validBsn, (bsn) => passesElfproef(bsn) && weighted([...bsn].map(Number)) % 11 === 0));
  });

  it('refuses a valid number with one digit changed (the proof catches every single-digit error)', () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, pos, delta) => {
        const digits = [...bsn].map(Number);
        digits[pos] = (digits[pos]! + delta) % 10;
        return !passesElfproef(digits.join(''));
      }),
    );
  });

  it('finds a valid BSN in text however it is grouped, and not an invalid one', () => {
    fc.assert(
      fc.property(validBsn, fc.constantFrom('', '.', ' ', '-'), (bsn, sep) => {
        const written = sep ? `${bsn.slice(0, 3)}${sep}${bsn.slice(3, 6)}${sep}${bsn.slice(6)}` : bsn;
        return kinds(`Cliënt met BSN ${written} heeft een vraag.`).includes('bsn');
      }),
    );
    expect(kinds('Dossiernummer 123456789 is onbekend.')).not.toContain('bsn');
    expect(kinds('BSN 1234.56.782 staat in het dossier.')).toContain('bsn');
  });
});

describe('dates of birth', () => {
  it('finds full dates, numeric and written, and a birth date after "geboren"', () => {
    expect(kinds('Mevrouw is geboren 14-03-1987.')).toContain('birthdate');
    expect(kinds('Hij (4-3-87) gebruikt lithium.')).toEqual(['birthdate']);
    expect(kinds('Datum 14/03/1987')).toEqual(['birthdate']);
    expect(kinds('Cliënt, 14 maart 1987, vraagt om ontslag.')).toEqual(['birthdate']);
    expect(kinds("Geboren op 3 mei '87 in Utrecht")).toEqual(['birthdate']);
    expect(kinds('geboren op 12 juni, woont zelfstandig')).toEqual(['birthdate']);
    expect(kinds('Date of birth: 1 oct 2001')).toContain('birthdate');
  });

  it('leaves ages, months with years and impossible dates alone', () => {
    expect(kinds('Een vrouw van 38 jaar met een depressie sinds maart 2024.')).toEqual([]);
    expect(kinds('Versie 2.1.3 van de richtlijn')).toEqual([]);
    expect(kinds('Score 45-32-10 op de schalen')).toEqual([]);
  });
});

describe('other identifiers', () => {
  it('finds Dutch phone numbers, e-mail addresses and addresses', () => {
    expect(kinds('Bel haar op 06-12345678.')).toEqual(['phone']);
    expect(kinds('Bel 06 1234 5678')).toEqual(['phone']);
    expect(kinds('Telefoon +31 6 12345678')).toEqual(['phone']);
    expect(kinds('Praktijk: 020-1234567')).toEqual(['phone']);
    expect(kinds('Mail j.jansen@example.nl even')).toEqual(['email']);
    expect(kinds('Woont op 3512 AB 12')).toEqual(['address']);
    expect(kinds('Adres Dorpsstraat 12, 3512 AB Utrecht')).toEqual(['address']);
  });

  it('leaves an ordinary clinical question alone', () => {
    const q = 'Hoe bespreek je suïcidaliteit met een jongere van 16 die net uit een opname komt, en wanneer betrek je de ouders? Wij werken met het veiligheidsplan uit 2023 en de richtlijn van de NVvP.';
    expect(findIdentifiers({ title: 'Suïcidaliteit bij jongeren na opname', body: q })).toEqual([]);
  });

  it('says what was found and where, in both languages, without repeating the value', () => {
    const findings = findIdentifiers({ title: 'Vraag over mevrouw', body: 'BSN 123456782, mail a@b.nl' });
    expect(findings.map((f) => [f.kind, f.field, f.index])).toEqual([['bsn', 'body', 4], ['email', 'body', 20]]);
    const names = { title: text('de titel', 'the title'), body: text('de vraag', 'the question') };
    const said = describeFinding(findings[0]!, names);
    expect(said.nl).toContain('BSN-nummer in de vraag');
    expect(said.en).toContain('BSN) in the question');
    expect(said.nl).not.toContain('123456782');
    expect(summariseFindings(findings, names).nl).toBe('een BSN-nummer in de vraag en een e-mailadres in de vraag');
  });
});
