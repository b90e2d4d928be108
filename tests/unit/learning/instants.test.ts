import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasStarted, inOffsetOf } from '../../../functions/src/learning/domain/instants';
import { accreditationTotals } from '../../../functions/src/learning/domain/progress';
import { daysAfter, frozenNow } from '../../support/clock';

describe('session start against the clock', () => {
  it('compares instants, not strings: a start written in Amsterdam time has begun when the UTC clock says so', () => {
    const start = daysAfter(10, '09:30:00+01:00'); // 08:30 UTC
    const now = daysAfter(10, '09:00:00.000'); // 09:00 UTC, half an hour later
    // The string comparison the code used to make gets it wrong by the offset.
    expect(start > now).toBe(true);
    expect(hasStarted(start, now)).toBe(true);
    expect(hasStarted(start, daysAfter(10, '08:29:59.999'))).toBe(false);
    expect(hasStarted(start, daysAfter(10, '08:30:00.000'))).toBe(true);
  });

  it('writes now in the offset of a stored start, so the store compares like with like', () => {
    expect(inOffsetOf(daysAfter(10, '08:45:00.000'), daysAfter(10, '09:30:00+01:00'))).toBe(daysAfter(10, '09:45:00+01:00'));
    expect(inOffsetOf(daysAfter(10, '08:45:00.123'), daysAfter(10, '09:30:00.000Z'))).toBe(daysAfter(10, '08:45:00.123'));
    expect(inOffsetOf(daysAfter(10, '23:15:00.000'), daysAfter(10, '09:30:00+02:00'))).toBe(daysAfter(11, '01:15:00+02:00'));
  });

  it('orders as strings exactly as the instants are ordered, for any start and clock in the same offset', () => {
    const offsets = ['+01:00', '+02:00', 'Z', '-03:00'];
    fc.assert(
      fc.property(fc.integer({ min: -86_400, max: 86_400 }), fc.integer({ min: -86_400, max: 86_400 }), fc.constantFrom(...offsets), (startS, nowS, offset) => {
        const start = inOffsetOf(new Date(frozenNow + startS * 1000).toISOString(), `2026-01-01T00:00:00${offset}`);
        const now = new Date(frozenNow + nowS * 1000).toISOString();
        expect(inOffsetOf(now, start) >= start).toBe(hasStarted(start, now));
      }),
    );
  });
});

describe('accreditationTotals', () => {
  it('adds frozen copies per register, sorted, in hundredths', () => {
    expect(
      accreditationTotals([
        [{ register: 'NIP', points: 0.1 }],
        [
          { register: 'NIP', points: 0.2 },
          { register: 'FGzPt', points: 4 },
        ],
        [],
      ]),
    ).toEqual([
      { register: 'FGzPt', points: 4 },
      { register: 'NIP', points: 0.3 },
    ]);
    expect(accreditationTotals([])).toEqual([]);
  });
});
