/** Dates and languages as readers expect them; shared by the feature pages. */
import { h } from '../dom';
import { lang } from '../i18n';
import { ut } from './messages';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates as readers expect them: Europe/Amsterdam, `nl-NL` (or `en-GB` in English). A bare
 * `YYYY-MM-DD` (review dates) is a calendar date, not an instant, so it is shown as-is.
 */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: dateOnly.test(value) ? 'UTC' : 'Europe/Amsterdam',
  }).format(date);
}

export function time(value: string | undefined): HTMLElement {
  return h('time', { datetime: value ?? '' }, formatDate(value));
}

/** The name of a content language (`nl` → "Nederlands"); unknown codes stay visible as they are. */
export function languageLabel(language: string): string {
  return ut().languages[language] ?? language;
}

/** `lang` for content in another language than the UI (WCAG 3.1.2). */
export function contentLang(language: string | undefined): string | null {
  return language && language !== lang() ? language : null;
}
