import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonthsClamped, amsterdamDate, daysBetween, validityOf, worstOf, type ValidityRule } from '../../../functions/src/portfolio/mandatory/domain/validity';
import { appliesTo } from '../../../functions/src/portfolio/mandatory/domain/requirements';

// The subject here is the calendar itself (month ends, leap days, DST): literal dates, as tests/support/clock.ts advises.
const yearly: ValidityRule = { validityMonths: 12, graceDays: 30, dueSoonDays: 60, since: '2024-01-01' };

describe('Amsterdam calendar dates of a completion', () => {
  it('takes the date in Amsterdam, whatever offset the instant is written in', () => {
    // 23:30 on 31 January in Amsterdam (winter time, UTC+1) is 22:30 UTC: still 31 January.
    expect(amsterdamDate('2025-01-31T23:30:00+01:00')).toBe('2025-01-31');
    expect(amsterdamDate('2025-01-31T22:30:00Z')).toBe('2025-01-31');
    // 00:30 on 1 February in Amsterdam is 23:30 UTC on 31 January: already 1 February.
    expect(amsterdamDate('2025-01-31T23:30:00Z')).toBe('2025-02-01');
    // Summer time (UTC+2): 22:30 UTC on 30 June is 00:30 on 1 July.
    expect(amsterdamDate('2025-06-30T22:30:00Z')).toBe('2025-07-01');
    expect(amsterdamDate('2025-06-30T21:59:59Z')).toBe('2025-06-30');
    // Written in New York time: 18:30-05:00 is 00:30 the next day in Amsterdam.
    expect(amsterdamDate('2025-01-31T18:30:00-05:00')).toBe('2025-02-01');
  });

  it('around the DST changes: the night of 30 March 2025 (02:00 → 03:00) and 26 October 2025 (03:00 → 02:00)', () => {
    expect(amsterdamDate('2025-03-29T23:30:00Z')).toBe('2025-03-30'); // 00:30 CET
    expect(amsterdamDate('2025-03-30T01:30:00Z')).toBe('2025-03-30'); // 03:30 CEST
    expect(amsterdamDate('2025-03-30T22:30:00Z')).toBe('2025-03-31'); // 00:30 CEST
    expect(amsterdamDate('2025-10-25T22:30:00Z')).toBe('2025-10-26'); // 00:30 CEST
    expect(amsterdamDate('2025-10-26T22:59:59Z')).toBe('2025-10-26'); // 23:59:59 CET
    expect(amsterdamDate('2025-10-26T23:00:00Z')).toBe('2025-10-27');
  });
});

describe('month arithmetic', () => {
  it('clamps to the end of the month', () => {
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonthsClamped('2025-04-30', 1)).toBe('2025-05-30');
    expect(addMonthsClamped('2025-08-31', 1)).toBe('2025-09-30');
    expect(addMonthsClamped('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonthsClamped('2025-03-31', 24)).toBe('2027-03-31');
  });

  it('adds days across DST and year ends as calendar days', () => {
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('property: the result is in the right month, never past its end, on the same day when that day exists', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }), fc.integer({ min: 0, max: 120 }), (d, n) => {
        const from = d.toISOString().slice(0, 10);
        const to = addMonthsClamped(from, n);
        const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
        const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
        expect(ty * 12 + tm - (fy * 12 + fm)).toBe(n);
        const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
        expect(td).toBe(Math.min(fd, last));
        // Monotone: a later start never gives an earlier result.
        expect(addMonthsClamped(addDays(from, 1), n) >= to).toBe(true);
      }),
    );
  });
});

describe('validity of a requirement', () => {
  it('walks a yearly requirement through valid, due soon, in grace and overdue', () => {
    const done = ['2025-03-15T10:00:00+01:00'];
    expect(validityOf(yearly, done, '2025-03-15T12:00:00Z')).toEqual({ status: 'valid', completedOn: '2025-03-15', expiresOn: '2026-03-15', dueOn: '2026-03-15', overdueOn: '2026-04-14' });
    expect(validityOf(yearly, done, '2026-01-13T12:00:00Z').status).toBe('valid');
    expect(validityOf(yearly, done, '2026-01-14T12:00:00Z').status).toBe('due-soon'); // 60 days before 15 March
    expect(validityOf(yearly, done, '2026-03-14T22:59:59Z').status).toBe('due-soon'); // 23:59:59 on 14 March in Amsterdam
    expect(validityOf(yearly, done, '2026-03-14T23:00:00Z').status).toBe('in-grace'); // 00:00 on 15 March in Amsterdam
    expect(validityOf(yearly, done, '2026-04-13T12:00:00Z').status).toBe('in-grace');
    expect(validityOf(yearly, done, '2026-04-14T12:00:00Z').status).toBe('overdue');
  });

  it('counts the completion on its Amsterdam date: 23:30 on 31 January + 1 month is due on 28 February', () => {
    const monthly = { ...yearly, validityMonths: 1, graceDays: 0, dueSoonDays: 7 };
    const late = validityOf(monthly, ['2025-01-31T22:30:00Z'], '2025-02-01T12:00:00Z');
    expect(late).toMatchObject({ completedOn: '2025-01-31', expiresOn: '2025-02-28' });
    // Half an hour later in Amsterdam it is 1 February: due on 1 March.
    expect(validityOf(monthly, ['2025-01-31T23:30:00Z'], '2025-02-01T12:00:00Z')).toMatchObject({ completedOn: '2025-02-01', expiresOn: '2025-03-01' });
  });

  it('a DST change between completion and expiry moves nothing: the status turns at Amsterdam midnight', () => {
    // Completed in winter time, expires in summer time (the clocks changed on 29 March 2026).
    const winter = validityOf({ ...yearly, validityMonths: 15 }, ['2025-01-10T23:30:00+01:00'], '2026-04-09T21:59:59Z'); // 23:59:59 CEST on 9 April
    expect(winter).toMatchObject({ expiresOn: '2026-04-10', status: 'due-soon' });
    expect(validityOf({ ...yearly, validityMonths: 15 }, ['2025-01-10T23:30:00+01:00'], '2026-04-09T22:00:00Z').status).toBe('in-grace'); // 00:00 CEST on 10 April
  });

  it('never completed: due from when the requirement applies, overdue after the grace days', () => {
    const rule = { ...yearly, since: '2026-02-01' };
    expect(validityOf(rule, [], '2026-01-01T12:00:00Z')).toEqual({ status: 'due', dueOn: '2026-02-01', overdueOn: '2026-03-03' });
    expect(validityOf(rule, [undefined], '2026-03-02T12:00:00Z').status).toBe('due');
    expect(validityOf(rule, [], '2026-03-03T12:00:00Z').status).toBe('overdue');
  });

  it('the latest completion counts: repeating the module renews the validity', () => {
    const first = '2024-03-01T10:00:00Z';
    expect(validityOf(yearly, [first], '2025-06-01T12:00:00Z').status).toBe('overdue');
    expect(validityOf(yearly, [first, '2025-05-20T10:00:00Z'], '2025-06-01T12:00:00Z')).toMatchObject({ status: 'valid', completedOn: '2025-05-20', expiresOn: '2026-05-20' });
    expect(validityOf(yearly, ['2025-05-20T10:00:00Z', first], '2025-06-01T12:00:00Z').completedOn).toBe('2025-05-20');
  });

  it('property: the status follows the dates for any completion, clock and rule, in any offset', () => {
    const offsets = ['Z', '+01:00', '+02:00', '-05:00', '+09:00'];
    const instant = (ms: number, offset: string) => {
      if (offset === 'Z') return new Date(ms).toISOString();
      const sign = offset[0] === '-' ? -1 : 1;
      const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
      return new Date(ms + minutes * 60_000).toISOString().slice(0, 19) + offset;
    };
    const base = Date.UTC(2024, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 * 86_400 }),
        fc.integer({ min: 0, max: 5 * 365 * 86_400 }),
        fc.constantFrom(...offsets),
        fc.constantFrom(1, 6, 12, 24, 36),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 120 }),
        (doneS, nowS, offset, validityMonths, graceDays, dueSoonDays) => {
          const rule: ValidityRule = { validityMonths, graceDays, dueSoonDays, since: '2024-01-01' };
          const done = instant(base + doneS * 1000, offset);
          const now = new Date(base + nowS * 1000).toISOString();
          const v = validityOf(rule, [done], now);
          // The same instant written in UTC gives the same answer.
          expect(validityOf(rule, [new Date(Date.parse(done)).toISOString()], now)).toEqual(v);
          const today = amsterdamDate(now);
          expect(v.expiresOn).toBe(addMonthsClamped(amsterdamDate(done), validityMonths));
          expect(daysBetween(v.expiresOn!, v.overdueOn)).toBe(graceDays);
          const expected = today >= v.overdueOn ? 'overdue' : today >= v.expiresOn! ? 'in-grace' : daysBetween(today, v.expiresOn!) <= dueSoonDays ? 'due-soon' : 'valid';
          expect(v.status).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: a later completion never makes the status worse', () => {
    const order = ['overdue', 'in-grace', 'due', 'due-soon', 'valid'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1500 }), (a, extra, nowDay) => {
        const at = (d: number) => new Date(Date.UTC(2024, 0, 1, 9) + d * 86_400_000).toISOString();
        const one = validityOf(yearly, [at(a)], at(nowDay));
        const two = validityOf(yearly, [at(a), at(a + extra)], at(nowDay));
        expect(order.indexOf(two.status)).toBeGreaterThanOrEqual(order.indexOf(one.status));
      }),
    );
  });

  it('names the worst status of several', () => {
    expect(worstOf(['valid', 'due-soon', 'in-grace'])).toBe('in-grace');
    expect(worstOf(['valid', 'overdue', 'due'])).toBe('overdue');
    expect(worstOf([])).toBeUndefined();
  });
});

describe('whom a requirement applies to', () => {
  const nurse = { roles: ['employee'], profession: 'verpleegkundige', department: 'Kliniek' };
  it('an empty rule is everyone on staff; each list narrows, all lists must match', () => {
    expect(appliesTo({}, nurse)).toBe(true);
    expect(appliesTo({ professions: ['Verpleegkundige', 'arts'] }, nurse)).toBe(true);
    expect(appliesTo({ professions: ['psychiater'] }, nurse)).toBe(false);
    expect(appliesTo({ professions: ['verpleegkundige'], departments: ['Volwassenen Noord'] }, nurse)).toBe(false);
    expect(appliesTo({ roles: ['team-manager'] }, nurse)).toBe(false);
    expect(appliesTo({ departments: ['kliniek'] }, { roles: ['employee'] })).toBe(false);
  });
});
