import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mentionsPerson, pseudonymOf, scrubPerson, scrubText } from '../../../functions/src/platform/audit/pseudonym';
import { refWith } from '../../../functions/src/platform/audit/person-ref';

const jan = { id: 'u-jan', name: 'Jan de Vries', email: 'Jan.de.Vries@voorbeeld.nl' };
const p = pseudonymOf('p-0123456789abcdef0123');

describe('scrubbing a person out of stored values', () => {
  it('replaces the id as a token (also inside keys), the e-mail and the name in any case', () => {
    expect(scrubText('SESSION#s1', jan, p)).toBe('SESSION#s1');
    expect(scrubText('SEAT#u-jan', jan, p)).toBe(`SEAT#${p.id}`);
    expect(scrubText('USER#u-jan#SESSIONS', jan, p)).toBe(`USER#${p.id}#SESSIONS`);
    expect(scrubText('scorm-state/m1/u-jan/a1/item_1/0000000001.json', jan, p)).toBe(`scorm-state/m1/${p.id}/a1/item_1/0000000001.json`);
    expect(scrubText('Vraag van JAN DE VRIES (jan.de.vries@voorbeeld.nl)', jan, p)).toBe(`Vraag van ${p.name} (${p.name})`);
  });

  it('leaves other ids and words that merely contain the name alone', () => {
    expect(scrubText('u-jan2 and xu-jan', jan, p)).toBe('u-jan2 and xu-jan');
    const jo = { id: 'u-jo', name: 'Jo' };
    expect(scrubText('Johan en Jo gingen naar Jokkmokk', jo, p)).toBe(`Johan en ${p.name} gingen naar Jokkmokk`);
  });

  it('walks objects, arrays, sets and object keys, and leaves numbers and booleans', () => {
    const item = { PK: 'SESSION#s', SK: 'SEAT#u-jan', name: 'Jan de Vries', n: 3, ok: true, tags: new Set(['u-jan', 'x']), list: [{ by: { id: 'u-jan' } }], map: { 'u-jan': 1 } };
    expect(scrubPerson(item, jan, p)).toEqual({ PK: 'SESSION#s', SK: `SEAT#${p.id}`, name: p.name, n: 3, ok: true, tags: new Set([p.id, 'x']), list: [{ by: { id: p.id } }], map: { [p.id]: 1 } });
    expect(item.SK).toBe('SEAT#u-jan'); // the input is not changed
  });

  it('tells whether a value still names the person', () => {
    expect(mentionsPerson({ a: ['x', { b: 'Jan de Vries' }] }, jan)).toBe(true);
    expect(mentionsPerson({ a: new Set(['u-jan']) }, jan)).toBe(true);
    expect(mentionsPerson({ a: 'Janssen', b: 'u-janx' }, jan)).toBe(false);
  });

  it('never leaves a trace, whatever the surrounding text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('u-jan', 'Jan de Vries', 'jan.de.vries@voorbeeld.nl', ' ', '#', '/', 'tekst', 'é', ',')), (parts) => {
        const scrubbed = scrubText(parts.join(''), jan, p);
        return !mentionsPerson(scrubbed, jan) || /[A-Za-z0-9_-]u-jan|u-jan[A-Za-z0-9_-]/.test(parts.join(''));
      }),
    );
  });
});

describe('pseudonymous references', () => {
  it('are the same for the same person and key, differ per person and per key, and do not show the id', () => {
    const key = Buffer.alloc(32, 7);
    expect(refWith(key, 'u-jan')).toBe(refWith(key, 'u-jan'));
    expect(refWith(key, 'u-jan')).not.toBe(refWith(key, 'u-piet'));
    expect(refWith(Buffer.alloc(32, 8), 'u-jan')).not.toBe(refWith(key, 'u-jan'));
    expect(refWith(key, 'u-jan')).toMatch(/^p-[0-9a-f]{20}$/);
  });
});
