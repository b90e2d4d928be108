/**
 * Calendar dates as registers count them: a day in Europe/Amsterdam, written `YYYY-MM-DD`. A
 * completion at 23:30 UTC on 31 December is, for a Dutch register, on 1 January; comparing these
 * strings compares days, whatever the server's time zone or daylight saving time.
 */

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Amsterdam calendar date of an instant (ISO string or Date). A bare date stays as it is. */
export function amsterdamDate(at: string | Date): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  return amsterdamDay.format(typeof at === 'string' ? new Date(at) : at);
}

export const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string) => Math.round((utc(b) - utc(a)) / 86_400_000);

/**
 * `years` calendar years after `date`. 29 February moves to 1 March in a year without it (what
 * `Date.UTC` does), so a cycle never ends before it has lasted its years.
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}
