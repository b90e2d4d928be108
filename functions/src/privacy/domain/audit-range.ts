import { text, type Text } from '../../platform/domain/text';

/**
 * The period an audit-log read covers: whole days `from`..`to` (UTC, inclusive), at most a year,
 * read month by month (the log's partitions, `AUDIT#{yyyy-mm}`), newest first.
 */
export const maxAuditMonths = 12;

export type AuditRange = { from: string; to: string; months: string[] } | { error: Text };

const day = /^\d{4}-\d{2}-\d{2}$/;

export function auditRange(from: string | undefined, to: string | undefined, today: string): AuditRange {
  const end = to ?? today;
  const start = from ?? new Date(Date.parse(`${end}T00:00:00Z`) - 30 * 86400_000).toISOString().slice(0, 10);
  if (!day.test(start) || !day.test(end) || Number.isNaN(Date.parse(`${start}T00:00:00Z`)) || Number.isNaN(Date.parse(`${end}T00:00:00Z`))) {
    return { error: text('Geef de datums als jjjj-mm-dd', 'Give the dates as yyyy-mm-dd') };
  }
  if (start > end) return { error: text('De begindatum ligt na de einddatum', 'The start date is after the end date') };
  const months: string[] = [];
  let [y, m] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  const first = start.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month < first) break;
    months.push(month);
    if (months.length > maxAuditMonths) return { error: text(`Kies een periode van hoogstens ${maxAuditMonths} maanden`, `Choose a period of at most ${maxAuditMonths} months`) };
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return { from: start, to: end, months };
}
