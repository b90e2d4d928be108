/**
 * Shared by the academy management pages: Amsterdam wall-clock time to
 * an ISO instant, and field errors matched on the longest path prefix (`steps.1.unlockAfter`,
 * then `steps.1`, then `steps`), so row-level errors land next to their row.
 */
import type { FieldError } from '../../../api';
import type { Field } from '../../../ui/form';

const zone = 'Europe/Amsterdam';

/** Minutes Amsterdam is ahead of UTC at the instant `ms`. */
function offsetAt(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - ms) / 60_000);
}

/**
 * `2027-03-10` + `09:30` as Amsterdam time → `2027-03-10T09:30:00+01:00` (or `+02:00` in summer
 * time). Null for input that is not a date and a time.
 */
export function amsterdamIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  const offset = offsetAt(wall - offsetAt(wall) * 60_000);
  const abs = Math.abs(offset);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date}T${t[1]}:${t[2]}:00${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Shows each error next to the field with the longest matching path prefix and returns the
 * ones no field claimed. Focuses the first invalid field (in the order of `fields`).
 */
export function showErrors(fields: Field[], errors: FieldError[]): FieldError[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const messages = new Map<Field, string[]>();
  const unclaimed: FieldError[] = [];
  for (const e of errors) {
    const parts = e.path.split('.');
    let target: Field | undefined;
    for (let n = parts.length; n > 0 && !target; n--) target = byName.get(parts.slice(0, n).join('.'));
    if (target) messages.set(target, [...(messages.get(target) ?? []), e.message]);
    else unclaimed.push(e);
  }
  for (const f of fields) f.setError(messages.has(f) ? [...new Set(messages.get(f))].join(' ') : null);
  fields.find((f) => messages.has(f))?.focusTarget.focus();
  return unclaimed;
}
