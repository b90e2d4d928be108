/**
 * /portfolio/registers ("Mijn registers"): the learner's registrations with progress per register
 * in the current cycle (earned, required, missing, days left, computed by the API on every read),
 * suggestions from the catalogue that close the gap, the re-registration overview as PDF, the
 * portfolio as CSV; and forms to add, change or remove a registration.
 */
import { ProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on } from '../../dom';
import type { PageView } from '../../router';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors, statusRegion, type Field } from '../../ui/form';
import { formatDate } from '../../ui/format';
import { loadFailedPage, signInRequiredPage } from '../../ui/page';
import { addRegistration, csvUrl, deleteRegistration, overviewUrl, progress, registers, updateRegistration, type Register, type RegisterProgress } from './api';
import { busy, dayBefore, downloadLink, page, progressBar, section, todayInAmsterdam } from './common';
import { pt } from './messages';

export async function registersPage(): Promise<PageView> {
  const m = pt();
  if (!currentUser()) return signInRequiredPage(m.common.signIn);
  let items: RegisterProgress[];
  let all: Register[];
  try {
    [items, all] = await Promise.all([progress(), registers()]);
  } catch (err) {
    return loadFailedPage(err);
  }
  const alerts = h('div', { class: 'alerts' });
  const status = statusRegion();
  const listSlot = h('div', { class: 'portfolio-registers' });
  const addSlot = h('div');

  const refresh = async () => {
    items = await progress();
    render();
  };

  function card(p: RegisterProgress): HTMLElement {
    const r = m.registers;
    const cardAlerts = h('div', { class: 'alerts' });
    const amount = (n: number) => m.amount(n, p.unit);
    const details: HTMLElement[] = [
      h('p', null, r.number(p.registration.registrationNumber)),
      h('p', null, r.cycle(formatDate(p.cycle.start), formatDate(dayBefore(p.cycle.end)))),
      progressBar(r.progress, p.earned, p.required, r.earned(amount(p.earned), amount(p.required))),
      h('p', { class: p.complete ? 'portfolio-complete' : 'portfolio-missing' }, p.complete ? r.complete : r.missing(amount(p.missing))),
    ];
    if (p.minimumAccredited !== null) details.push(h('p', null, r.accredited(amount(p.earnedAccredited), amount(p.minimumAccredited))));
    details.push(h('p', null, r.daysLeft(p.cycle.daysLeft)));
    if (p.suggestions.length > 0) {
      const id = `suggestions-${p.register.id}`;
      details.push(h('h4', { id }, r.suggestions), h('ul', { 'aria-labelledby': id, class: 'portfolio-suggestions' }, p.suggestions.map((s) => h('li', null, h('a', { href: `/aanbod/${encodeURIComponent(s.moduleId)}` }, r.suggestion(s.title, amount(s.amount)))))));
    }
    details.push(h('p', null, downloadLink(overviewUrl(p.register.id), `herregistratie-${p.register.id}.pdf`, h('span', null, r.pdf, h('span', { class: 'visually-hidden' }, `: ${p.register.name}`)), cardAlerts, 'application/pdf')));
    details.push(h('p', null, p.registration.shareWithManager ? r.shared : r.notShared));

    // Change the registration (number, cycle start, sharing), optimistic on its revision.
    const number = field('registrationNumber', r.fNumber, h('input', { type: 'text', required: true, value: p.registration.registrationNumber, maxlength: 40 }), r.fNumberHint(p.register.registrationNumberExample));
    const start = field('cycleStart', r.fCycleStart, h('input', { type: 'date', required: true, value: p.registration.cycleStart }));
    const share = h('input', { type: 'checkbox', id: `share-${p.register.id}`, checked: p.registration.shareWithManager });
    const fields: Field[] = [number, start];
    const form = h(
      'form',
      { class: 'portfolio-registration-edit', novalidate: true },
      number.wrapper,
      start.wrapper,
      h('div', { class: 'choice' }, share, h('label', { for: share.id }, r.fShare)),
      h('button', { type: 'submit', class: 'button button--secondary' }, m.common.save, h('span', { class: 'visually-hidden' }, `: ${p.register.name}`)),
    );
    on(form, {
      submit: (e) => {
        e.preventDefault();
        clearFieldErrors(fields);
        void (async () => {
          cardAlerts.replaceChildren();
          try {
            await updateRegistration(p.register.id, { registrationNumber: (number.focusTarget as HTMLInputElement).value, cycleStart: (start.focusTarget as HTMLInputElement).value, shareWithManager: share.checked, rev: p.registration.rev });
            status.textContent = m.common.saved;
            await refresh();
          } catch (err) {
            cardAlerts.replaceChildren(problemWithErrors(err, err instanceof ProblemError ? showFieldErrors(fields, err.errors) : []));
          }
        })();
      },
    });
    const remove = h('button', { type: 'button', class: 'button button--quiet' }, r.remove, h('span', { class: 'visually-hidden' }, `: ${p.register.name}`));
    on(remove, {
      click: () =>
        void busy(remove, cardAlerts, async () => {
          await deleteRegistration(p.register.id);
          status.textContent = r.removed(p.register.name);
          await refresh();
        }),
    });
    const headingId = `register-${p.register.id}`;
    return h(
      'li',
      { class: 'portfolio-register', 'data-register-id': p.register.id },
      h('article', { 'aria-labelledby': headingId }, h('h3', { id: headingId }, p.register.name), details, cardAlerts, h('details', null, h('summary', null, r.edit), form, h('p', null, remove))),
    );
  }

  function addForm(): HTMLElement {
    const r = m.registers;
    const taken = new Set(items.map((p) => p.register.id));
    const free = all.filter((x) => !taken.has(x.id));
    if (free.length === 0) return h('p', null, r.allAdded);
    const formAlerts = h('div', { class: 'alerts' });
    const select = h('select', { required: true }, h('option', { value: '' }, r.choose), free.map((x) => h('option', { value: x.id }, x.name)));
    const registerField = field('registerId', r.fRegister, select);
    const numberInput = h('input', { type: 'text', required: true, maxlength: 40 });
    const number = field('registrationNumber', r.fNumber, numberInput, ' ');
    const hint = number.wrapper.querySelector('.field__hint');
    const showExample = () => {
      const chosen = free.find((x) => x.id === select.value);
      if (hint) hint.textContent = chosen ? r.fNumberHint(chosen.registrationNumberExample) : '';
    };
    on(select, { change: showExample });
    showExample();
    const start = field('cycleStart', r.fCycleStart, h('input', { type: 'date', required: true, max: todayInAmsterdam() }));
    const share = h('input', { type: 'checkbox', id: 'share-new-registration' });
    const fields: Field[] = [registerField, number, start];
    const form = h('form', { class: 'portfolio-registration-add', novalidate: true }, formAlerts, registerField.wrapper, number.wrapper, start.wrapper, h('div', { class: 'choice' }, share, h('label', { for: share.id }, r.fShare)), h('button', { type: 'submit', class: 'button' }, r.submit));
    on(form, {
      submit: (e) => {
        e.preventDefault();
        clearFieldErrors(fields);
        void (async () => {
          formAlerts.replaceChildren();
          try {
            const added = await addRegistration({ registerId: select.value, registrationNumber: numberInput.value, cycleStart: (start.focusTarget as HTMLInputElement).value, shareWithManager: share.checked });
            status.textContent = r.addedOne(added.registerName);
            await refresh();
          } catch (err) {
            formAlerts.replaceChildren(problemWithErrors(err, err instanceof ProblemError ? showFieldErrors(fields, err.errors) : []));
          }
        })();
      },
    });
    return form;
  }

  function render() {
    listSlot.replaceChildren(items.length === 0 ? h('p', null, m.registers.none) : h('ul', { class: 'portfolio-register-list' }, items.map(card)));
    addSlot.replaceChildren(addForm());
  }
  render();

  return page(
    m.registers.title,
    h('p', { class: 'lead' }, m.registers.intro),
    h('p', { class: 'actions' }, h('a', { href: '/portfolio' }, m.registers.toPortfolio), ' · ', downloadLink(csvUrl, 'portfolio.csv', m.common.csv, alerts, 'text/csv')),
    alerts,
    status,
    section(m.registers.progressTitle, listSlot),
    section(m.registers.add, addSlot),
  );
}
