/**
 * Calendar months as the academy counts them: `yyyy-mm` in Europe/Amsterdam, so an activity at
 * 00:30 on 1 January Dutch time (23:30 UTC on 31 December) belongs to January. Pure, no I/O.
 */
const monthFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' });

/** The month (`yyyy-mm`, Europe/Amsterdam) of an instant (ISO 8601 with offset or Z). */
export function monthOf(iso: string): string {
  const parts = monthFormat.formatToParts(new Date(iso));
  const part = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${part('year')}-${part('month')}`;
}

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}
