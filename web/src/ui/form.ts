/** Form fields with labels, hints and errors linked for assistive technology, shared by the feature forms. */
import type { FieldError } from '../api';
import { h, replaceChildren, uid } from '../dom';
import { problemAlert } from './alert';

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
