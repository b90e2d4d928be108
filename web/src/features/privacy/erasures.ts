/**
 * /academie/privacy: the academy carries out an erasure request (pick a person, the reason, confirm
 * by typing their name) and sees every request with its status; an interrupted one is finished by
 * carrying it out again. Requests: GET /api/academy/people, POST/GET /api/academy/erasures. The API
 * decides who may (the academy, never for their own account).
 */
import { currentUser } from '../../auth';
import { h, on, replaceChildren } from '../../dom';
import type { PageView } from '../../router';
import { formatDate } from '../../ui/format';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors } from '../../ui/form';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import { listErasures, listPeople, requestErasure, type Erasure, type People } from './api';
import { pm } from './messages';

export async function erasuresPage(): Promise<PageView> {
  const m = pm().erasures;
  const me = currentUser();
  if (!me) return signInRequiredPage();
  let people: People['people'];
  let erasures: Erasure[];
  try {
    [{ people }, { erasures }] = await Promise.all([listPeople(), listErasures()]);
  } catch (err) {
    return loadFailedPage(err);
  }
  const list = h('div', { class: 'erasure-list' });
  const showList = (items: Erasure[]) => replaceChildren(list, erasureTable(items));
  showList(erasures);
  return basicPage(
    'page--learning',
    m.title,
    h('p', { class: 'lead' }, m.intro),
    h('section', { class: 'learning-section', 'aria-labelledby': 'erasure-request' }, h('h2', { id: 'erasure-request' }, m.request), requestForm(people.filter((p) => p.id !== me.id), showList)),
    h('section', { class: 'learning-section', 'aria-labelledby': 'erasure-list' }, h('h2', { id: 'erasure-list' }, m.list), list),
  );
}

function requestForm(people: People['people'], showList: (items: Erasure[]) => void): HTMLElement {
  const m = pm().erasures;
  const person = h('select', { required: true }, h('option', { value: '' }, m.choose), people.map((p) => h('option', { value: p.id }, p.email ? `${p.name} (${p.email})` : p.name)));
  const reason = h('textarea', { rows: 3, maxlength: 1000, required: true });
  const confirm = h('input', { type: 'text', autocomplete: 'off', required: true });
  const fields = [field('personId', m.person, person), field('reason', m.reason, reason, m.reasonHint), field('confirm', m.confirmName, confirm, '—')];
  const [personField, reasonField, confirmField] = fields as [(typeof fields)[0], (typeof fields)[0], (typeof fields)[0]];
  // The confirmation's hint names the person chosen (the field's own hint, so the input stays described by it).
  const hint = confirmField.wrapper.querySelector<HTMLElement>('.field__hint')!;
  const chosen = () => people.find((p) => p.id === person.value);
  on(person, { change: () => (hint.textContent = chosen() ? m.confirmHint(chosen()!.name) : '—') });
  const alerts = h('div', { class: 'privacy-alerts' });
  const status = h('p', { role: 'status', class: 'status' });
  const submit = h('button', { type: 'submit', class: 'button' }, m.submit);
  const form = h('form', { class: 'erasure-form', novalidate: true }, personField.wrapper, reasonField.wrapper, confirmField.wrapper, alerts, h('p', null, submit), status);
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      status.textContent = '';
      const missing = [!person.value ? personField : null, reason.value.trim().length < 5 ? reasonField : null, !confirm.value.trim() ? confirmField : null].filter((f) => f !== null);
      for (const f of missing) f.setError(m.required);
      if (missing.length === 0 && confirm.value.trim() !== chosen()?.name) {
        confirmField.setError(m.confirmMismatch);
        missing.push(confirmField);
      }
      if (missing.length > 0) {
        missing[0]!.focusTarget.focus();
        return;
      }
      submit.disabled = true;
      status.textContent = m.busy;
      void requestErasure(person.value, reason.value.trim())
        .then(async (done) => {
          status.textContent = m.done(done.ref);
          person.querySelector(`option[value="${CSS.escape(person.value)}"]`)?.remove();
          person.value = '';
          reason.value = '';
          confirm.value = '';
          hint.textContent = '—';
          showList((await listErasures()).erasures);
        })
        .catch((err: unknown) => {
          status.textContent = '';
          const unclaimed = showFieldErrors(fields, (err as { errors?: Array<{ path: string; message: string }> }).errors ?? []);
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        })
        .finally(() => (submit.disabled = false));
    },
  });
  return form;
}

function erasureTable(items: Erasure[]): HTMLElement {
  const m = pm().erasures;
  if (items.length === 0) return h('p', null, m.none);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table privacy-erasures' },
      h('caption', { class: 'visually-hidden' }, m.caption),
      h('thead', null, h('tr', null, [m.refCol, m.statusCol, m.reasonCol, m.byCol, m.requestedCol, m.completedCol].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        items.map((e) =>
          h(
            'tr',
            { 'data-ref': e.ref },
            h('th', { scope: 'row' }, h('code', null, e.ref)),
            h('td', null, m.status[e.status] ?? e.status),
            h('td', null, e.reason),
            h('td', null, e.requestedBy.name ?? m.unknownPerson),
            h('td', null, h('time', { datetime: e.requestedAt }, formatDate(e.requestedAt))),
            h('td', null, e.completedAt ? h('time', { datetime: e.completedAt }, formatDate(e.completedAt)) : '—'),
          ),
        ),
      ),
    ),
  );
}
