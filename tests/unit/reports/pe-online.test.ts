import { describe, expect, it } from 'vitest';
import { attendanceCsv, attendanceRows, dutchDay, type AttendanceCompletion } from '../../../functions/src/reports/pe-online/domain/attendance';

const vvn = 'V&VN Kwaliteitsregister';
const acc = (edition: string, points = 3) => [{ register: vvn, points, accreditationNumber: 'VVN-1', edition }, { register: 'Registerplein', points: 1, accreditationNumber: 'RP-1' }];
const completions: AttendanceCompletion[] = [
  { userId: 'u-b', moduleId: 'm1', completedAt: '2026-02-10T09:00:00Z', accreditation: acc('E1') },
  { userId: 'u-a', moduleId: 'm1', completedAt: '2026-02-01T09:00:00Z', accreditation: acc('E1') },
  { userId: 'u-c', moduleId: 'm1', completedAt: '2026-05-01T09:00:00Z', accreditation: acc('E2', 2.5) },
  // Completed before the module was accredited: nothing frozen, nothing to report.
  { userId: 'u-d', moduleId: 'm1', completedAt: '2026-01-05T09:00:00Z', accreditation: [] },
  // Completed on the last evening of March in Amsterdam (UTC still the 31st, 23:30 local).
  { userId: 'u-e', moduleId: 'm2', completedAt: '2026-03-31T21:30:00Z', accreditation: acc('E1') },
];
const names = new Map([['u-a', 'Anna de Vries'], ['u-b', 'Bram Bakker'], ['u-c', 'Chris Çelik'], ['u-e', '=HYPERLINK("x")']]);
const numbers = new Map([['u-a', '12345678901'], ['u-c', '98765432109']]);

describe('PE-online attendance', () => {
  it('reports each learner who completed the course edition, by completion date, with their frozen points', () => {
    const rows = attendanceRows(completions, { register: vvn, course: 'VVN-1', edition: 'E1' }, names, numbers);
    expect(rows.map((r) => [r.userId, r.edition, r.points, r.registrationNumber])).toEqual([
      ['u-a', 'E1', 3, '12345678901'],
      ['u-b', 'E1', 3, undefined],
      ['u-e', 'E1', 3, undefined],
    ]);
    expect(attendanceRows(completions, { register: vvn, course: 'VVN-1' }, names, numbers).map((r) => r.userId)).toEqual(['u-a', 'u-b', 'u-e', 'u-c']);
    expect(attendanceRows(completions, { register: 'Registerplein', course: 'VVN-1' }, names, numbers)).toEqual([]);
  });

  it('takes the period as inclusive Amsterdam days', () => {
    const inMarch = attendanceRows(completions, { register: vvn, course: 'VVN-1', from: '2026-03-01', to: '2026-03-31' }, names, numbers);
    expect(inMarch.map((r) => r.userId)).toEqual(['u-e']);
    expect(attendanceRows(completions, { register: vvn, course: 'VVN-1', from: '2026-02-10', to: '2026-02-10' }, names, numbers).map((r) => r.userId)).toEqual(['u-b']);
    expect(dutchDay('2026-03-31T22:30:00Z')).toBe('01-04-2026');
  });

  it('writes a Dutch CSV: BOM, ; separator, dd-mm-yyyy, decimal comma, a flag for a missing number, no formulas', () => {
    const csv = attendanceCsv(attendanceRows(completions, { register: vvn, course: 'VVN-1' }, names, numbers), 'nl');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Registratienummer;Naam;Datum afronding;Cursus-id (accreditatienummer);Editie-id;Punten;Controle');
    expect(lines[1]).toBe('12345678901;Anna de Vries;01-02-2026;VVN-1;E1;3;');
    expect(lines[2]).toBe(';Bram Bakker;10-02-2026;VVN-1;E1;3;geen registratienummer');
    expect(lines[3]).toBe(`;"'=HYPERLINK(""x"")";31-03-2026;VVN-1;E1;3;geen registratienummer`);
    expect(lines[4]).toBe('98765432109;Chris Çelik;01-05-2026;VVN-1;E2;2,5;');
    const en = attendanceCsv(attendanceRows(completions, { register: vvn, course: 'VVN-1', edition: 'E2' }, names, numbers), 'en').slice(1).split('\r\n');
    expect(en[0]).toBe('Registration number,Name,Date of completion,Course id (accreditation number),Edition id,Points,Check');
    expect(en[1]).toBe('98765432109,Chris Çelik,01-05-2026,VVN-1,E2,2.5,');
  });
});
