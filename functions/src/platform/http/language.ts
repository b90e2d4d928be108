import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import type { Text } from '../domain/text';

/**
 * The language of what the API says to people: Dutch by default, English when the request asks
 * for it (`Accept-Language`). Every user-facing message is written in both, next to each other,
 * where it arises (`text(nl, en)`); the language is picked once, where the response is made.
 */
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

export { text, type Text } from '../domain/text';

/**
 * A message zod already made in the request's language: it parses inside the request (see `say`
 * and `useRequestLanguageForValidation`), so its messages need no second language. Only
 * `fieldErrors` (./errors.ts) makes these, from a zod error.
 */
export type Said = string & { readonly __saidInRequestLanguage: true };

export const said = (message: string): Said => message as Said;

/** A message as the reader will see it: both languages, or one already in the request's language. */
export type Message = Text | Said;

export const inLanguage = (t: Message, lang: Language): string => (typeof t === 'string' ? t : t[lang]);

/**
 * The preferred supported language of an `Accept-Language` header (RFC 9110 q-values; `en-GB`
 * counts as `en`). Nothing usable, or a tie, means Dutch: the academy's own language.
 */
export function languageOf(header: string | undefined | null): Language {
  if (!header) return 'nl';
  let best: { lang: Language; q: number } | undefined;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang = languages.find((l) => l === primary);
    if (lang && (!best || q > best.q || (q === best.q && lang === 'nl'))) best = { lang, q };
  }
  return best?.lang ?? 'nl';
}

/**
 * One store per process, whichever copy of this module set it: zod's configuration is global to
 * the process, so the store its message hook reads must be too. (A process can load this module
 * more than once, e.g. two local stacks under test in one runner; each would otherwise read its own
 * empty store and answer in Dutch.)
 */
const storeKey = Symbol.for('academy.requestLanguage');
const current: AsyncLocalStorage<Language> = ((globalThis as Record<symbol, unknown>)[storeKey] ??= new AsyncLocalStorage<Language>()) as AsyncLocalStorage<Language>;

/** Runs `fn` with `lang` as the request's language (set once per request by the middleware). */
export const withLanguage = <T>(lang: Language, fn: () => T): T => current.run(lang, fn);

/** The language of the request being handled; Dutch outside a request (scripts, seed). */
export const currentLanguage = (): Language => current.getStore() ?? 'nl';

/**
 * A message for a zod schema (`.min(3, say('Minstens 3 tekens', 'At least 3 characters'))`):
 * zod asks for it while it parses, inside the request, so it comes out in the request's language.
 */
export const say = (nl: string, en: string) => ({ error: () => (currentLanguage() === 'en' ? en : nl) });

const zodLocales = { nl: z.locales.nl(), en: z.locales.en() };

/** Zod's own messages (too short, wrong type, …) in the request's language, for every schema. */
export function useRequestLanguageForValidation(): void {
  z.config({ localeError: (issue) => zodLocales[currentLanguage()].localeError(issue) });
}
