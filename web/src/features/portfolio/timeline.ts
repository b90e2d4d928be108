/**
 * /portfolio ("Mijn portfolio"): the timeline of everything the learner completed (platform
 * completions are computed by the API on every read) and the external learning they added, with
 * filters per register and year, a reflection per entry (private unless shared with the team
 * manager), and a form to add external learning with an evidence file that goes straight to storage.
 */
import { currentUser } from '../../auth';
import { h, on } from '../../dom';
import type { PageView } from '../../router';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors, statusRegion, type Field } from '../../ui/form';
import { formatDate } from '../../ui/format';
import { loadFailedPage, signInRequiredPage } from '../../ui/page';
import { ProblemError } from '../../api';
import { sendToStorage } from '../../ui/upload';
import { addExternal, completeEvidenceUpload, csvUrl, deleteExternal, saveReflection, startEvidenceUpload, timeline, type PortfolioEntry, type Timeline } from './api';
import { busy, downloadLink, page, section, todayInAmsterdam } from './common';
import { pt } from './messages';

const evidenceTypes: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};
const maxEvidenceBytes = 4 * 1024 * 1024;
const accept = [...Object.keys(evidenceTypes), ...Object.values(evidenceTypes).flat().map((e) => `.${e}`)].join(',');

function contentTypeOf(file: File): string | null {
  if (file.type in evidenceTypes) return file.type;
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return Object.keys(evidenceTypes).find((t) => evidenceTypes[t]!.includes(ext)) ?? null;
}

export async function portfolioPage(): Promise<PageView> {
  const m = pt();
  if (!currentUser()) return signInRequiredPage(m.common.signIn);
  let data: Timeline;
  try {
    data = await timeline();
  } catch (err) {
    return loadFailedPage(err);
  }
  const alerts = h('div', { class: 'alerts' });
  const status = statusRegion();
  const listSlot = h('div', { class: 'portfolio-timeline' });
  let filter: { register?: string; year?: number } = {};

  const refresh = async () => {
    data = await timeline(filter);
    renderList();
  };

  // ---- filters ----
  const registerSelect = h('select', null, h('option', { value: '' }, m.timeline.allRegisters), data.registers.map((r) => h('option', { value: r.id }, r.name)));
  const yearSelect = h('select', null, h('option', { value: '' }, m.timeline.allYears), data.years.map((y) => h('option', { value: String(y) }, String(y))));
  const filterForm = h(
    'form',
    { class: 'portfolio-filters', 'aria-label': m.timeline.filters },
    field('register', m.timeline.register, registerSelect).wrapper,
    field('year', m.timeline.year, yearSelect).wrapper,
    h('button', { type: 'submit', class: 'button button--secondary' }, m.timeline.apply),
  );
  on(filterForm, {
    submit: (e) => {
      e.preventDefault();
      filter = { ...(registerSelect.value ? { register: registerSelect.value } : {}), ...(yearSelect.value ? { year: Number(yearSelect.value) } : {}) };
      void busy(filterForm, alerts, refresh);
    },
  });

  // ---- the list ----
  function entryItem(e: PortfolioEntry): HTMLElement {
    const entryAlerts = h('div', { class: 'alerts' });
    const meta: string[] = [m.kindOfSource[e.source] ?? e.source];
    if (e.completedBy && m.completedBy[e.completedBy]) meta.push(m.completedBy[e.completedBy]!);
    if (e.provider) meta.push(m.timeline.provider(e.provider));
    if (e.hours !== undefined) meta.push(m.timeline.hours(e.hours));
    const unitOf = (register: string) => data.registers.find((r) => r.name === register)?.unit ?? 'points';
    const points = e.points.length
      ? h(
          'ul',
          { class: 'portfolio-points' },
          e.points.map((p) => h('li', null, `${p.register}: ${m.amount(p.amount, unitOf(p.register))}`, p.accreditationNumber ? ` · ${m.timeline.accreditation(p.accreditationNumber)}` : p.accredited ? null : ` · ${m.timeline.notAccredited}`)),
        )
      : null;
    const evidence = e.evidence ? h('p', null, downloadLink(e.evidence.url, e.evidence.fileName, m.timeline.evidence(e.evidence.fileName), entryAlerts)) : null;

    // Reflection: private unless the learner shares it.
    const text = h('textarea', { rows: 3 }, e.reflection?.text ?? '');
    const shareBox = h('input', { type: 'checkbox', checked: e.reflection?.sharedWithManager ?? false });
    const shareId = `share-${e.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    shareBox.id = shareId;
    const saved = statusRegion();
    const reflectionForm = h(
      'form',
      { class: 'portfolio-reflection' },
      field('text', m.timeline.reflection, text, m.timeline.reflectionHint).wrapper,
      h('div', { class: 'choice' }, shareBox, h('label', { for: shareId }, m.timeline.share)),
      h('button', { type: 'submit', class: 'button button--secondary' }, m.timeline.saveReflection, h('span', { class: 'visually-hidden' }, `: ${e.title}`)),
      saved,
    );
    on(reflectionForm, {
      submit: (ev) => {
        ev.preventDefault();
        void busy(reflectionForm, entryAlerts, async () => {
          await saveReflection(e.id, { text: text.value, sharedWithManager: shareBox.checked });
          saved.textContent = m.timeline.reflectionSaved;
        });
      },
    });
    const reflection = h('details', { class: 'portfolio-reflection-details', open: Boolean(e.reflection) }, h('summary', null, m.timeline.reflection, e.reflection ? ` (${e.reflection.sharedWithManager ? m.timeline.shared : m.timeline.private})` : null), reflectionForm);

    let remove: HTMLElement | null = null;
    if (e.source === 'external' && e.rev !== undefined) {
      const rev = e.rev;
      const button = h('button', { type: 'button', class: 'button button--quiet' }, m.timeline.deleteEntry, h('span', { class: 'visually-hidden' }, `: ${e.title}`));
      on(button, {
        click: () =>
          void busy(button, entryAlerts, async () => {
            await deleteExternal(e.id, rev);
            status.textContent = m.timeline.deleted(e.title);
            await refresh();
          }),
      });
      remove = h('p', null, button);
    }
    return h(
      'li',
      { class: 'portfolio-entry', 'data-entry-id': e.id },
      h('article', null, h('h3', null, e.title), h('p', { class: 'result__meta' }, h('time', { datetime: e.date }, formatDate(e.date)), ` · ${meta.join(' · ')}`), e.result ? h('p', null, m.timeline.score(e.result.success, e.result.percent)) : null, points, evidence, entryAlerts, reflection, remove),
    );
  }

  function renderList() {
    const count = h('p', { class: 'status-line' }, m.timeline.count(data.entries.length, data.total));
    listSlot.replaceChildren(count, data.entries.length === 0 ? h('p', null, data.total === 0 ? m.timeline.empty : m.timeline.emptyFiltered) : h('ol', { class: 'portfolio-list' }, data.entries.map(entryItem)));
  }
  renderList();

  return page(
    m.timeline.title,
    h('p', { class: 'lead' }, m.timeline.intro),
    h('p', { class: 'actions' }, h('a', { href: '/portfolio/registers' }, m.timeline.toRegisters), ' · ', downloadLink(csvUrl, 'portfolio.csv', m.common.csv, alerts, 'text/csv')),
    alerts,
    status,
    section(m.timeline.list, filterForm, listSlot),
    section(m.timeline.add, h('p', null, m.timeline.addIntro), addForm(data, status, refresh)),
  );
}

function addForm(data: Timeline, status: HTMLElement, refresh: () => Promise<void>): HTMLElement {
  const m = pt().timeline;
  const formAlerts = h('div', { class: 'alerts' });
  const title = field('title', m.fTitle, h('input', { type: 'text', required: true, maxlength: 200 }));
  const provider = field('provider', m.fProvider, h('input', { type: 'text', required: true, maxlength: 200 }));
  const date = field('date', m.fDate, h('input', { type: 'date', required: true, max: todayInAmsterdam() }));
  const hours = field('hours', m.fHours, h('input', { type: 'number', min: 0, max: 2000, step: '0.5', required: true, inputmode: 'decimal' }));
  const accreditation = field('accreditationNumber', m.fAccreditation, h('input', { type: 'text', maxlength: 80 }));
  const pointInputs = data.registers.map((r) => ({ id: r.id, input: h('input', { type: 'number', min: 0, max: 1000, step: '0.5', inputmode: 'decimal' }), register: r }));
  const pointsGroup = h(
    'fieldset',
    { class: 'field field--group', 'data-field': 'points' },
    h('legend', { class: 'field__label' }, m.fPoints),
    h('p', { class: 'field__hint' }, m.fPointsHint),
    pointInputs.map((p) => field(`points-${p.id}`, m.fPointsFor(p.register.name, p.register.unit), p.input).wrapper),
  );
  const fileInput = h('input', { type: 'file', accept });
  const evidence = field('evidence', m.fEvidence, fileInput);
  const fields: Field[] = [title, provider, date, hours, accreditation, evidence];
  const form = h('form', { class: 'portfolio-add', novalidate: true }, formAlerts, title.wrapper, provider.wrapper, date.wrapper, hours.wrapper, accreditation.wrapper, pointsGroup, evidence.wrapper, h('button', { type: 'submit', class: 'button' }, m.submit));
  on(form, {
    submit: (e) => {
      e.preventDefault();
      clearFieldErrors(fields);
      const file = fileInput.files?.[0];
      const type = file ? contentTypeOf(file) : null;
      const refusal = file && !type ? m.wrongType(file.name) : file && file.size > maxEvidenceBytes ? m.tooLarge(file.name) : null;
      if (refusal) {
        evidence.setError(refusal);
        evidence.focusTarget.focus();
        return;
      }
      void (async () => {
        if (form.getAttribute('aria-busy') === 'true') return;
        form.setAttribute('aria-busy', 'true');
        formAlerts.replaceChildren();
        try {
          const control = (f: Field) => f.focusTarget as HTMLInputElement;
          const input = {
            title: control(title).value,
            provider: control(provider).value,
            date: control(date).value,
            hours: Number(control(hours).value || 0),
            ...(control(accreditation).value.trim() ? { accreditationNumber: control(accreditation).value.trim() } : {}),
            points: pointInputs.filter((p) => Number(p.input.value) > 0).map((p) => ({ registerId: p.id, amount: Number(p.input.value) })),
          };
          const added = await addExternal(input);
          if (file && type) {
            status.textContent = m.uploading(file.name);
            const ticket = await startEvidenceUpload(added.id, { fileName: file.name, contentType: type, bytes: file.size });
            await sendToStorage(ticket, file);
            await completeEvidenceUpload(added.id, ticket.uploadId);
          }
          form.reset();
          status.textContent = m.added(added.title);
          await refresh();
        } catch (err) {
          const unclaimed = err instanceof ProblemError ? showFieldErrors(fields, err.errors) : [];
          formAlerts.replaceChildren(problemWithErrors(err, unclaimed));
        } finally {
          form.removeAttribute('aria-busy');
        }
      })();
    },
  });
  return form;
}
