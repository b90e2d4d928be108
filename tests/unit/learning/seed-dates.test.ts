import { describe, expect, it } from 'vitest';
import { sessionShiftMs, shiftIso } from '../../../scripts/local/seed-learning';

const week = 7 * 86400_000;

describe('demo session dates stay in the coming weeks', () => {
  it('leaves dates alone when the first session is at least a week away', () => {
    expect(sessionShiftMs(['2026-12-03T09:30:00+01:00'], Date.parse('2026-11-23T12:00:00Z'))).toBe(0);
  });

  it('moves by whole weeks so the first session is a week or more ahead', () => {
    const now = Date.parse('2027-03-01T12:00:00Z');
    const shift = sessionShiftMs(['2026-12-03T09:30:00+01:00', '2027-01-10T10:00:00+01:00'], now);
    expect(shift % week).toBe(0);
    expect(Date.parse('2026-12-03T09:30:00+01:00') + shift).toBeGreaterThanOrEqual(now + week);
    expect(Date.parse('2026-12-03T09:30:00+01:00') + shift - week).toBeLessThan(now + week);
  });

  it('keeps the Amsterdam wall-clock time and weekday across a DST change', () => {
    // Thursday 3 Dec 2026 09:30 CET → 15 weeks later: Thursday 18 Mar 2027 (CET); 20 weeks: 22 Apr 2027 (CEST).
    expect(shiftIso('2026-12-03T09:30:00+01:00', 15 * week)).toBe('2027-03-18T09:30:00+01:00');
    expect(shiftIso('2026-12-03T09:30:00+01:00', 20 * week)).toBe('2027-04-22T09:30:00+02:00');
    expect(shiftIso('2026-12-03T09:30:00+01:00', 0)).toBe('2026-12-03T09:30:00+01:00');
  });
});
