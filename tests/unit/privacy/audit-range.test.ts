import { describe, expect, it } from 'vitest';
import { auditRange, maxAuditMonths } from '../../../functions/src/privacy/domain/audit-range';

describe('the period of an audit-log read', () => {
  it('lists the months from the last to the first, across a year boundary', () => {
    expect(auditRange('2024-11-15', '2025-02-03', '2025-06-01')).toEqual({ from: '2024-11-15', to: '2025-02-03', months: ['2025-02', '2025-01', '2024-12', '2024-11'] });
    expect(auditRange('2025-03-01', '2025-03-01', '2025-06-01')).toEqual({ from: '2025-03-01', to: '2025-03-01', months: ['2025-03'] });
  });

  it('defaults to the 30 days up to today', () => {
    expect(auditRange(undefined, undefined, '2025-03-10')).toEqual({ from: '2025-02-08', to: '2025-03-10', months: ['2025-03', '2025-02'] });
  });

  it('refuses malformed dates, a start after the end and more than a year, in both languages', () => {
    for (const [from, to] of [['10-03-2025', '2025-03-10'], ['2025-02-30x', undefined], ['2025-03-11', '2025-03-10']] as const) {
      const r = auditRange(from, to, '2025-03-10');
      expect(r).toHaveProperty('error');
      if ('error' in r) expect(r.error.nl && r.error.en).toBeTruthy();
    }
    expect(auditRange('2024-01-01', '2024-12-31', '2025-01-01')).toHaveProperty('months');
    expect(auditRange('2024-01-01', '2025-01-01', '2025-01-01')).toHaveProperty('error');
    expect(maxAuditMonths).toBe(12);
  });
});
