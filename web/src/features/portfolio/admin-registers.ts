/**
 * /academie/registers: the academy keeps the professional registers and their rules (unit, cycle,
 * required total, accredited minimum, category caps, registration-number format). A register's
 * name is what module accreditation names, so it is fixed once created. Everyone's totals are
 * computed on read, so a saved rule applies at once. The API decides who may (academy-admin).
 */
import { ProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on } from '../../dom';
import type { PageView } from '../../router';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors, statusRegion, type Field } from '../../ui/form';
import { loadFailedPage, signInRequiredPage } from '../../ui/page';
import { createRegister, registers, updateRegister, type Register } from './api';
import { page, section } from './common';
import { pt } from './messages';

type Category = { id: string; name: string; cap?: number };

const categoriesText = (cs: Category[]) => cs.map((c) => `${c.id} | ${c.name} | ${c.cap ?? ''}`).join('\n');
function parseCategories(text: string): Category[] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((x) => x.trim()))
    .filter((parts) => parts.some(Boolean))
    .map(([id = '', name = '', cap = '']) => ({ id, name, ...(cap ? { cap: Number(cap.replace(',', '.')) } : {}) }));
}

export async function registersAdminPage(): Promise<PageView> {
  const m = pt().admin;
  if (!currentUser()) return signInRequiredPage();
  let list: Register[];
  try {
    list = await registers();
  } catch (err) {
    return loadFailedPage(err);
  }
  // Reading is open to employees; managing is the academy's. Show the page only to who may manage.
  if (!currentUser()?.abilities.learning.registers) return loadFailedPage(new ProblemError({ title: pt().admin.title, status: 403 }));
  const status = statusRegion();
  const tableSlot = h('div');
  const formSlot = h('div');
  let editing: Register | null = null;

  const units = pt().unitName;
  function renderTable() {
    tableSlot.replaceChildren(
      list.length === 0
        ? h('p', null, m.none)
        : h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'table portfolio-admin-registers' },
              h('caption', { class: 'visually-hidden' }, m.title),
              h('thead', null, h('tr', null, [m.name, m.unit, m.cycle, m.required, m.minimum, m.actions].map((c) => h('th', { scope: 'col' }, c)))),
              h(
                'tbody',
                null,
                list.map((r) => {
                  const edit = h('button', { type: 'button', class: 'button button--quiet' }, m.edit, h('span', { class: 'visually-hidden' }, m.of(r.name)));
                  on(edit, {
                    click: () => {
                      editing = r;
                      renderForm();
                      formSlot.querySelector<HTMLElement>('h2')?.focus();
                    },
                  });
                  return h('tr', { 'data-register-id': r.id }, h('th', { scope: 'row' }, r.name), h('td', null, units[r.unit] ?? r.unit), h('td', null, m.years(r.cycleYears)), h('td', null, String(r.requiredTotal)), h('td', null, r.minimumAccredited === undefined ? '–' : String(r.minimumAccredited)), h('td', null, edit));
                }),
              ),
            ),
          ),
    );
  }

  function renderForm() {
    const r = editing;
    const alerts = h('div', { class: 'alerts' });
    const input = (attrs: Record<string, string | number | boolean>) => h('input', attrs);
    const id = field('id', m.fId, input({ type: 'text', required: true, value: r?.id ?? '', readonly: Boolean(r), maxlength: 60 }));
    const name = field('name', m.fName, input({ type: 'text', required: true, value: r?.name ?? '', readonly: Boolean(r), maxlength: 120 }), r ? m.fNameFixed : undefined);
    const description = field('description', m.fDescription, h('textarea', { rows: 2, maxlength: 500 }, r?.description ?? ''));
    const unitSelect = h('select', null, (['points', 'hours'] as const).map((u) => h('option', { value: u, selected: r?.unit === u }, units[u] ?? u)));
    const unit = field('unit', m.fUnit, unitSelect);
    const cycleYears = field('cycleYears', m.fCycleYears, input({ type: 'number', min: 1, max: 10, required: true, value: r?.cycleYears ?? 5 }));
    const requiredTotal = field('requiredTotal', m.fRequired, input({ type: 'number', min: 1, step: 'any', required: true, value: r?.requiredTotal ?? '' }));
    const minimum = field('minimumAccredited', m.fMinimum, input({ type: 'number', min: 0, step: 'any', value: r?.minimumAccredited ?? '' }));
    const categories = field('categories', m.fCategories, h('textarea', { rows: 3 }, categoriesText(r?.categories ?? [])), m.fCategoriesHint);
    const pattern = field('registrationNumberPattern', m.fPattern, input({ type: 'text', required: true, value: r?.registrationNumberPattern ?? '^\\d{11}$', maxlength: 200, spellcheck: false }));
    const example = field('registrationNumberExample', m.fExample, input({ type: 'text', required: true, value: r?.registrationNumberExample ?? '', maxlength: 60 }));
    const fields: Field[] = [id, name, description, unit, cycleYears, requiredTotal, minimum, categories, pattern, example];
    const value = (f: Field) => (f.focusTarget as HTMLInputElement).value;
    const cancel = r ? h('button', { type: 'button', class: 'button button--quiet' }, m.cancel) : null;
    if (cancel)
      on(cancel, {
        click: () => {
          editing = null;
          renderForm();
        },
      });
    const form = h('form', { class: 'portfolio-register-form', novalidate: true }, alerts, fields.map((f) => f.wrapper), h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, r ? m.save : m.create), cancel ? ' ' : null, cancel));
    on(form, {
      submit: (e) => {
        e.preventDefault();
        clearFieldErrors(fields);
        void (async () => {
          alerts.replaceChildren();
          const rules = {
            description: value(description),
            unit: unitSelect.value as 'points' | 'hours',
            cycleYears: Number(value(cycleYears)),
            requiredTotal: Number(value(requiredTotal)),
            ...(value(minimum) !== '' ? { minimumAccredited: Number(value(minimum)) } : {}),
            categories: parseCategories(value(categories)),
            registrationNumberPattern: value(pattern),
            registrationNumberExample: value(example),
          };
          try {
            const saved = r ? await updateRegister(r.id, { ...rules, rev: r.rev }) : await createRegister({ ...rules, id: value(id), name: value(name) });
            list = await registers();
            status.textContent = r ? m.updated(saved.name) : m.created(saved.name);
            editing = null;
            renderTable();
            renderForm();
          } catch (err) {
            alerts.replaceChildren(problemWithErrors(err, err instanceof ProblemError ? showFieldErrors(fields, err.errors) : []));
          }
        })();
      },
    });
    formSlot.replaceChildren(section(r ? m.editTitle(r.name) : m.newTitle, form));
    formSlot.querySelector('h2')?.setAttribute('tabindex', '-1');
  }

  renderTable();
  renderForm();
  return page(m.title, h('p', { class: 'lead' }, m.intro), status, tableSlot, formSlot);
}
