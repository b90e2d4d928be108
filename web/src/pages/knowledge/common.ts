/** Small pieces shared by the knowledge pages: dates, badges, page shells and form fields. */
import { ProblemError } from '../../api';
import type { FieldError } from '../../api';
import { problemAlert } from '../../components/alert';
import { h, replaceChildren, uid } from '../../dom';
import type { Child } from '../../dom';
import { lang, t } from '../../i18n';
import type { PageView } from '../../router';
import { signInHref } from '../../returnTo';
import type { Audience, Language } from './types';

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

export function audienceLabel(audience: string): string {
  const labels: Record<string, string> = t().knowledge.audience;
  return labels[audience] ?? audience;
}

export function languageLabel(language: string): string {
  const labels: Record<string, string> = t().knowledge.languages;
  return labels[language] ?? language;
}

export function stateLabel(state: string): string {
  const labels: Record<string, string> = t().knowledge.states;
  return labels[state] ?? state;
}

/** The badge says who may read it; the hidden prefix keeps "Iedereen" from being a riddle. */
export function audienceBadge(audience: Audience | string): HTMLElement {
  return h(
    'span',
    { class: `badge badge--audience badge--${audience}` },
    h('span', { class: 'visually-hidden' }, `${t().knowledge.audienceLabel} `),
    audienceLabel(audience),
  );
}

/** `lang` for content in another language than the UI (WCAG 3.1.2). */
export function contentLang(language: Language | string | undefined): string | null {
  return language && language !== lang() ? language : null;
}

export function page(title: string, ...children: (Child | Child[])[]): PageView {
  return { title, content: h('div', { class: 'page page--knowledge' }, h('h1', null, title), ...children) };
}

export function signInRequiredPage(message = t().signInRequired.page): PageView {
  const m = t().signInRequired;
  return page(m.title, h('p', null, message), h('p', null, h('a', { href: signInHref(), class: 'button' }, m.cta)));
}

/** A failed load as a page: 401 → sign in, 403 → no access, anything else → the problem. */
export function loadFailedPage(err: unknown, fallbackTitle = t().errors.generic): PageView {
  if (err instanceof ProblemError && err.status === 401) return signInRequiredPage();
  if (err instanceof ProblemError && err.status === 403) return page(t().knowledge.noAccessTitle, problemAlert(err));
  return page(fallbackTitle, problemAlert(err));
}

export function statusRegion(): HTMLElement {
  return h('p', { role: 'status', class: 'status' });
}

// ---------------------------------------------------------------------------------------------
// Form fields with hints and errors (aria-describedby, aria-invalid)
// ---------------------------------------------------------------------------------------------

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface Field {
  name: string;
  wrapper: HTMLElement;
  /** What gets focus when the field is invalid. */
  focusTarget: HTMLElement;
  setError(message: string | null): void;
}

function describe(el: HTMLElement, ids: string[]): void {
  const value = ids.filter(Boolean).join(' ');
  if (value) el.setAttribute('aria-describedby', value);
  else el.removeAttribute('aria-describedby');
}

/** A labelled control, its hint and a slot for its error message, linked by ids. */
export function field(name: string, label: string, control: Control, hint?: string): Field {
  const id = control.id || uid(`f-${name}`);
  control.id = id;
  control.name ||= name;
  const hintId = hint ? `${id}-hint` : '';
  const errorId = `${id}-error`;
  const error = h('p', { class: 'field__error', id: errorId, hidden: true });
  describe(control, [hintId]);
  const wrapper = h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: id, class: 'field__label' }, label),
    hint ? h('p', { class: 'field__hint', id: hintId }, hint) : null,
    error,
    control,
  );
  return {
    name,
    wrapper,
    focusTarget: control,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      wrapper.classList.toggle('field--invalid', Boolean(message));
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      describe(control, message ? [errorId, hintId] : [hintId]);
    },
  };
}

/** A radio group as fieldset + legend; the error is announced with the group. */
export function radioGroup(name: string, legend: string, options: Array<{ value: string; label: string; hint?: string }>, selected: string): Field & { value(): string; set(value: string): void } {
  const errorId = uid(`f-${name}-error`);
  const error = h('p', { class: 'field__error', id: errorId, hidden: true });
  const radios = options.map((o) => {
    const id = uid(`f-${name}-${o.value}`);
    const input = h('input', { type: 'radio', name, id, value: o.value, checked: o.value === selected });
    return { input, row: h('div', { class: 'choice' }, input, h('label', { for: id }, o.label, o.hint ? h('span', { class: 'choice__hint' }, ` – ${o.hint}`) : null)) };
  });
  const fieldset = h('fieldset', { class: 'field field--group', 'data-field': name }, h('legend', { class: 'field__label' }, legend), error, radios.map((r) => r.row));
  return {
    name,
    wrapper: fieldset,
    focusTarget: radios.find((r) => r.input.checked)?.input ?? radios[0]!.input,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      fieldset.classList.toggle('field--invalid', Boolean(message));
      describe(fieldset, message ? [errorId] : []);
      for (const r of radios) {
        if (message) r.input.setAttribute('aria-invalid', 'true');
        else r.input.removeAttribute('aria-invalid');
      }
    },
    value: () => radios.find((r) => r.input.checked)?.input.value ?? '',
    set(value) {
      for (const r of radios) r.input.checked = r.input.value === value;
    },
  };
}

/**
 * A group of checkboxes as fieldset + legend (e.g. co-authors). Options can be replaced while the
 * form is open (another network chosen); `checked` says which of the new options start checked.
 */
export function checkboxGroup(name: string, legend: string, hint: string): Field & { values(): string[]; setOptions(options: Array<{ value: string; label: string }>, checked: string[]): void } {
  const errorId = uid(`f-${name}-error`);
  const hintId = uid(`f-${name}-hint`);
  const error = h('p', { class: 'field__error', id: errorId, hidden: true });
  const list = h('div', { class: 'choices' });
  const fieldset = h('fieldset', { class: 'field field--group', 'data-field': name, 'aria-describedby': hintId }, h('legend', { class: 'field__label' }, legend), h('p', { class: 'field__hint', id: hintId }, hint), error, list);
  let boxes: HTMLInputElement[] = [];
  const group = {
    name,
    wrapper: fieldset as HTMLElement,
    focusTarget: fieldset as HTMLElement,
    setError(message: string | null) {
      error.textContent = message ?? '';
      error.hidden = !message;
      fieldset.classList.toggle('field--invalid', Boolean(message));
      describe(fieldset, message ? [errorId, hintId] : [hintId]);
    },
    values: () => boxes.filter((b) => b.checked).map((b) => b.value),
    setOptions(options: Array<{ value: string; label: string }>, checked: string[]) {
      const rows = options.map((o) => {
        const id = uid(`f-${name}`);
        const input = h('input', { type: 'checkbox', name, id, value: o.value, checked: checked.includes(o.value) });
        return { input, row: h('div', { class: 'choice' }, input, h('label', { for: id }, o.label)) };
      });
      boxes = rows.map((r) => r.input);
      group.focusTarget = boxes[0] ?? fieldset;
      replaceChildren(list, rows.map((r) => r.row));
    },
  };
  return group;
}

/**
 * Shows `errors` next to their fields (matching on the first path segment: `tags.0` → `tags`)
 * and returns the ones no field claimed, for the summary alert. Focuses the first invalid field.
 */
export function showFieldErrors(fields: Field[], errors: FieldError[]): FieldError[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const messages = new Map<Field, string[]>();
  const unclaimed: FieldError[] = [];
  for (const e of errors) {
    const f = byName.get(e.path.split('.')[0] ?? '');
    if (f) messages.set(f, [...(messages.get(f) ?? []), e.message]);
    else unclaimed.push(e);
  }
  for (const f of fields) f.setError(messages.has(f) ? [...new Set(messages.get(f))].join(' ') : null);
  fields.find((f) => messages.has(f))?.focusTarget.focus();
  return unclaimed;
}

export function clearFieldErrors(fields: Field[]): void {
  for (const f of fields) f.setError(null);
}

/** The problem as an alert, with field errors that belong to no field listed in it. */
export function problemWithErrors(err: unknown, unclaimed: FieldError[] = []): HTMLElement {
  const alert = problemAlert(err);
  if (unclaimed.length > 0) {
    const list = h('ul', { class: 'alert__list' }, unclaimed.map((e) => h('li', null, e.path && e.path !== '(body)' ? `${e.path}: ${e.message}` : e.message)));
    const reference = alert.querySelector('.alert__reference');
    if (reference) reference.before(list);
    else alert.append(list);
  }
  return alert;
}

export function splitList(value: string): string[] {
  return [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
}
