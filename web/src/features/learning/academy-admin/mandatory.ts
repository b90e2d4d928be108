/**
 * /academie/verplicht: the academy's mandatory-training requirements (GET/PUT/DELETE
 * /api/academy/mandatory…): which module, for whom, validity and grace; and compliance per
 * department. Saving sends the revision last read, so two editors never overwrite each other.
 */
import { currentUser } from '../../../auth';
import { h, on } from '../../../dom';
import type { PageView } from '../../../router';
import { formatDate } from '../../../ui/format';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors, splitList, statusRegion } from '../../../ui/form';
import type { Field } from '../../../ui/form';
import { ProblemError } from '../../../api';
import { loadFailedPage } from '../../../ui/page';
import { problemAlert } from '../../../ui/alert';
import { deleteRequirement, departmentCompliance, requirements as fetchRequirements, saveRequirement } from '../../team/api';
import type { DepartmentCompliance, Requirement } from '../../team/api';
import { mandatoryAdminLabels } from '../../team/labels';
import { managedModules } from '../api';
import type { ManagedModule } from '../api';
import { page, section, signInRequiredPage } from '../common';

export async function mandatoryAdmin(): Promise<PageView> {
  const m = mandatoryAdminLabels();
  if (!currentUser()) return signInRequiredPage();
  let list: Requirement[];
  let modules: ManagedModule[];
  let compliance: DepartmentCompliance | undefined;
  try {
    [list, modules, compliance] = await Promise.all([fetchRequirements().then((r) => r.requirements), managedModules(), departmentCompliance().catch(() => undefined)]);
  } catch (err) {
    return loadFailedPage(err);
  }
  const status = statusRegion();
  const alerts = h('div', { class: 'alerts' });
  const listSlot = h('div');
  const formSlot = h('div');

  const render = () => {
    listSlot.replaceChildren(requirementTable(list, edit, remove));
    formSlot.replaceChildren(form(modules.filter((x) => x.status === 'published' && !list.some((r) => r.moduleId === x.id)), undefined, saved));
  };
  const saved = (r: Requirement) => {
    list = [...list.filter((x) => x.moduleId !== r.moduleId), r].sort((a, b) => a.title.localeCompare(b.title, 'nl'));
    status.textContent = m.saved(r.title);
    render();
  };
  const edit = (r: Requirement) => {
    formSlot.replaceChildren(form([], r, saved, render));
    formSlot.querySelector<HTMLElement>('input')?.focus();
  };
  const remove = (r: Requirement) => {
    alerts.replaceChildren();
    deleteRequirement(r.moduleId, r.rev)
      .then(() => {
        list = list.filter((x) => x.moduleId !== r.moduleId);
        status.textContent = m.removed(r.title);
        render();
      })
      .catch((err: unknown) => alerts.replaceChildren(problemAlert(err)));
  };
  render();
  return page(m.title, h('p', { class: 'lead' }, m.intro), status, alerts, section(m.list, listSlot), formSlot, compliance ? complianceTable(compliance) : null);
}

/** One of the requirement's "applies to" lists (the academy's data, shown as written). */
const listOf = (r: Requirement | undefined, key: 'roles' | 'professions' | 'departments'): string[] => r?.appliesTo[key] ?? [];

function appliesText(r: Requirement): string {
  const m = mandatoryAdminLabels();
  const parts = [...listOf(r, 'roles'), ...listOf(r, 'professions'), ...listOf(r, 'departments')];
  return parts.length === 0 ? m.everyone : parts.join(', ');
}

function requirementTable(list: Requirement[], edit: (r: Requirement) => void, remove: (r: Requirement) => void): HTMLElement {
  const m = mandatoryAdminLabels();
  if (list.length === 0) return h('p', null, m.none);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table mandatory-requirements' },
      h('caption', { class: 'visually-hidden' }, m.list),
      h('thead', null, h('tr', null, [m.module, m.appliesTo, m.validity, m.actions].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        list.map((r) =>
          h(
            'tr',
            { 'data-module-id': r.moduleId },
            h('th', { scope: 'row' }, h('a', { href: `/aanbod/${encodeURIComponent(r.moduleId)}` }, r.title)),
            h('td', null, appliesText(r)),
            h('td', null, `${m.months(r.validityMonths)}, ${m.grace(r.graceDays)}, ${m.since(formatDate(r.since))}`),
            h(
              'td',
              { class: 'actions' },
              on(h('button', { type: 'button', class: 'button--secondary', 'aria-label': m.edit(r.title) }, m.edit('').replace(/:\s*$/, '')), { click: () => edit(r) }),
              on(h('button', { type: 'button', class: 'button--secondary', 'aria-label': m.remove(r.title) }, m.remove('').replace(/:\s*$/, '')), { click: () => remove(r) }),
            ),
          ),
        ),
      ),
    ),
  );
}

function form(choices: ManagedModule[], editing: Requirement | undefined, saved: (r: Requirement) => void, cancel?: () => void): HTMLElement {
  const m = mandatoryAdminLabels();
  const numberInput = (value: number, min: number, max: number) => h('input', { type: 'number', min, max, step: 1, value: String(value), required: true });
  const moduleSelect = h('select', { required: true }, h('option', { value: '' }, m.chooseModule), choices.map((c) => h('option', { value: c.id }, c.title)));
  const validity = numberInput(editing?.validityMonths ?? 12, 1, 120);
  const grace = numberInput(editing?.graceDays ?? 30, 0, 365);
  const dueSoon = numberInput(editing?.dueSoonDays ?? 60, 0, 365);
  const since = h('input', { type: 'date', required: true, value: editing?.since ?? new Date().toISOString().slice(0, 10) });
  const roleInput = h('input', { type: 'text', value: listOf(editing, 'roles').join(', ') });
  const professions = h('input', { type: 'text', value: listOf(editing, 'professions').join(', ') });
  const departments = h('input', { type: 'text', value: listOf(editing, 'departments').join(', ') });
  const fields: Field[] = [
    ...(editing ? [] : [field('moduleId', m.module, moduleSelect)]),
    field('validityMonths', m.validityMonths, validity, m.validityHint),
    field('graceDays', m.graceDays, grace, m.graceHint),
    field('dueSoonDays', m.dueSoonDays, dueSoon, m.dueSoonHint),
    field('since', m.sinceLabel, since),
    field('roles', m.rolesLabel, roleInput, m.listHint),
    field('professions', m.professions, professions, m.listHint),
    field('departments', m.departments, departments, m.listHint),
  ];
  const alerts = h('div', { class: 'alerts' });
  const submit = h('button', { type: 'submit' }, m.save);
  const el = h(
    'form',
    { class: 'form mandatory-form', novalidate: true },
    alerts,
    fields.map((f) => f.wrapper),
    h('p', { class: 'actions' }, submit, cancel ? on(h('button', { type: 'button', class: 'button--secondary' }, m.cancel), { click: cancel }) : null),
  );
  on(el, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      const moduleId = editing?.moduleId ?? moduleSelect.value;
      if (!moduleId) {
        showFieldErrors(fields, [{ path: 'moduleId', message: m.chooseModule }]);
        return;
      }
      submit.disabled = true;
      saveRequirement(moduleId, {
        appliesTo: { roles: splitList(roleInput.value), professions: splitList(professions.value), departments: splitList(departments.value) },
        validityMonths: Number(validity.value),
        graceDays: Number(grace.value),
        dueSoonDays: Number(dueSoon.value),
        since: since.value,
        ...(editing ? { expectedRev: editing.rev } : {}),
      })
        .then(saved)
        .catch((err: unknown) => {
          const unclaimed = err instanceof ProblemError ? showFieldErrors(fields, err.errors) : [];
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        })
        .finally(() => {
          submit.disabled = false;
        });
    },
  });
  return section(editing ? m.formEdit(editing.title) : m.formNew, el);
}

function complianceTable(c: DepartmentCompliance): HTMLElement {
  const m = mandatoryAdminLabels();
  return section(
    m.compliance,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table mandatory-compliance' },
        h('caption', { class: 'visually-hidden' }, m.compliance),
        h('thead', null, h('tr', null, [m.department, m.members, m.compliant, m.dueSoonCol, m.dueCol, m.overdueCol].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', null, c.departments.map((d) => h('tr', null, h('th', { scope: 'row' }, d.department), [d.members, d.compliant, d.dueSoon, d.due, d.overdue].map((n) => h('td', null, String(n)))))),
      ),
    ),
  );
}
