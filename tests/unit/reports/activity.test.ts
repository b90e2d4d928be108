import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activityByQuarter, addQuarters, median, quarterOf, quarterRange, quartersOf } from '../../../functions/src/reports/domain/activity';

describe('quarters in Europe/Amsterdam', () => {
  it('puts an instant in the Dutch quarter, not the UTC one', () => {
    // 00:30 on 1 January in Amsterdam is 23:30 UTC on 31 December.
    expect(quarterOf('2025-12-31T23:30:00Z')).toBe('2026-Q1');
    expect(quarterOf('2025-12-31T22:59:59Z')).toBe('2025-Q4');
    // Summer time: 00:30 on 1 July is 22:30 UTC on 30 June.
    expect(quarterOf('2026-06-30T22:30:00Z')).toBe('2026-Q3');
    expect(quarterOf('2026-06-30T21:59:00Z')).toBe('2026-Q2');
    expect(quarterOf('2026-04-01T09:00:00+02:00')).toBe('2026-Q2');
  });

  it('spans a quarter from Amsterdam midnight to the next quarter’s', () => {
    expect(quarterRange('2026-Q1')).toEqual({ from: '2025-12-31T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-09-30T22:00:00.000Z', to: '2026-12-31T23:00:00.000Z' });
    expect(quartersOf(2026)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2026-Q1', -1)).toBe('2025-Q4');
  });

  it('agrees with its own range for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        const { from, to } = quarterRange(quarterOf(iso));
        return Date.parse(from) <= d.getTime() && d.getTime() < Date.parse(to);
      }),
    );
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeUndefined();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('has as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const m = median(xs)!;
        return xs.filter((x) => x <= m).length >= xs.length / 2 && xs.filter((x) => x >= m).length >= xs.length / 2;
      }),
    );
  });
});

describe('activity per quarter', () => {
  const now = '2026-11-15T12:00:00Z';
  const rows = activityByQuarter(
    {
      joinedAt: ['2026-01-10T09:00:00Z', '2026-02-01T09:00:00Z', '2026-10-05T09:00:00Z', '2025-12-31T23:30:00Z'],
      publications: [
        { version: 1, publishedAt: '2026-02-03T10:00:00Z' },
        { version: 2, publishedAt: '2026-10-03T10:00:00Z' },
        { version: 1, publishedAt: '2026-10-20T10:00:00Z' },
      ],
      events: [
        { start: '2026-03-12T15:00:00+01:00', attended: 14 },
        { start: '2026-10-08T19:30:00+02:00', attended: 22 },
        { start: '2026-12-10T15:00:00+01:00', attended: 0 },
      ],
      questions: [
        { askedAt: '2026-03-30T10:00:00Z', answeredAt: '2026-04-01T10:00:00Z' },
        { askedAt: '2026-10-01T08:00:00Z', answeredAt: '2026-10-01T14:00:00Z' },
        { askedAt: '2026-10-02T08:00:00Z', answeredAt: '2026-10-04T08:00:00Z' },
        { askedAt: '2026-11-01T08:00:00Z' },
      ],
    },
    quartersOf(2026),
    now,
  );

  it('counts each thing in its own quarter', () => {
    expect(rows.map((r) => [r.quarter, r.membersJoined, r.articlesPublished, r.articlesReviewed, r.eventsHeld, r.attendance, r.questionsAsked, r.questionsAnswered])).toEqual([
      ['2026-Q1', 3, 1, 0, 1, 14, 1, 0],
      ['2026-Q2', 0, 0, 0, 0, 0, 0, 1],
      ['2026-Q3', 0, 0, 0, 0, 0, 0, 0],
      // The December event has not been held yet on 15 November.
      ['2026-Q4', 1, 1, 1, 1, 22, 3, 2],
    ]);
  });

  it('gives the median hours to an answer over the answers of the quarter', () => {
    expect(rows.map((r) => r.medianHoursToAnswer)).toEqual([null, 48, null, 27]);
  });
});
