/**
 * Pure rules of pseudonymisation, shared by every feature's erasure step (no I/O): what a person
 * leaves in stored values (their id, name, e-mail) replaced by their pseudonym, so an item can be
 * kept for the counts it feeds (a seat, an evaluation, a SCORM attempt) without saying who it was.
 */

/** What identifies a person in stored data; name and e-mail may be unknown when an erasure resumes after the profile is gone. */
export interface PersonTraces {
  id: string;
  name?: string;
  email?: string;
}

/** Who an item stands for after an erasure: a pseudonymous reference as id and as name (see ./person-ref.ts). */
export interface Pseudonym {
  id: string;
  name: string;
}

export const pseudonymOf = (ref: string): Pseudonym => ({ id: ref, name: ref });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The patterns that find the person in a string: the id as a token (it also sits inside keys such as
 * `SESSION#…#SEAT#{id}`, which is how a scrubbed item is re-keyed), the e-mail in any case, and the
 * name as a whole word in any case (a short name must not change "Januari" for "Jan").
 */
function patternsOf(person: PersonTraces, pseudonym: Pseudonym): Array<[RegExp, string]> {
  // An id is a whole token: `u-1` must not change `u-12`; inside keys it stands between `#` or `/`.
  const out: Array<[RegExp, string]> = [[new RegExp(`(?<![A-Za-z0-9_-])${escape(person.id)}(?![A-Za-z0-9_-])`, 'g'), pseudonym.id]];
  if (person.email?.trim()) out.push([new RegExp(escape(person.email.trim()), 'gi'), pseudonym.name]);
  if (person.name && person.name.trim().length >= 2) out.push([new RegExp(`(?<![\\p{L}\\p{N}])${escape(person.name.trim())}(?![\\p{L}\\p{N}])`, 'giu'), pseudonym.name]);
  return out;
}

export function scrubText(s: string, person: PersonTraces, pseudonym: Pseudonym): string {
  let out = s;
  for (const [re, by] of patternsOf(person, pseudonym)) out = out.replace(re, by);
  return out;
}

/** The value with every string (keys of objects too) scrubbed; sets and arrays keep their shape, other values stay as they are. */
export function scrubPerson<T>(value: T, person: PersonTraces, pseudonym: Pseudonym): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v, person, pseudonym);
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Set) return new Set([...v].map(walk));
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [scrubText(k, person, pseudonym), walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** True when a value still holds any trace of the person (what an erasure step checks before it keeps an item). */
export function mentionsPerson(value: unknown, person: PersonTraces): boolean {
  const probe: Pseudonym = { id: '\u0000', name: '\u0000' };
  return JSON.stringify(scrubPerson(value, person, probe), (_k, v) => (v instanceof Set ? [...v] : v)) !== JSON.stringify(value, (_k, v) => (v instanceof Set ? [...v] : v));
}
