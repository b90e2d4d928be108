/**
 * /academie/modules/nieuw and /academie/modules/{id}: the module form (POST /api/modules, then
 * PUT /api/modules/{id} with `expectedRev`; a 409 offers "Opnieuw laden"). Field errors from the
 * API appear next to their fields. For kinds with sessions the edit page lists the upcoming
 * sessions with a capacity edit (PATCH /api/sessions/{id}) and a form to plan one
 * (POST /api/modules/{id}/sessions; date and times are Amsterdam wall-clock time).
 */
import { httpsLink } from '../../../ui/links';
import { ProblemError } from '../../../api';
import { currentUser } from '../../../auth';
import { h, on, replaceChildren, uid } from '../../../dom';
import { navigate } from '../../../router';
import type { PageContext, PageView } from '../../../router';
import { field, problemWithErrors, radioGroup, splitList } from '../../../ui/form';
import type { Field } from '../../../ui/form';
import { changeCapacity, createModule, moduleView, planSession, updateModule } from '../api';
import type { ManagedModule, ModuleView, Session } from '../api';
import { busy, enc, failedPage, formatSessionTime, kindLabel, kindOrder, liveStatus, networkNames, page, section, sessionKinds, signInRequiredPage } from '../common';
import { amsterdamIso, showErrors } from './common';
import { at } from './messages';
import { scormSection } from './scorm';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function select(options: Array<[string, string]>, selected: string): HTMLSelectElement {
  return h('select', null, options.map(([value, label]) => h('option', { value, selected: value === selected }, label)));
}

const value = (f: Field) => (f.focusTarget as Control).value;

export async function moduleEditor(ctx: PageContext): Promise<PageView> {
  const m = at().module;
  if (!currentUser()) return signInRequiredPage();
  const id = ctx.params.id;
  let view: ModuleView | null = null;
  let networks: Map<string, string>;
  try {
    [view, networks] = await Promise.all([id ? moduleView(id) : Promise.resolve(null), networkNames()]);
  } catch (err) {
    return failedPage(err, { title: m.notFoundTitle, text: m.notFound, href: '/academie/beheer', link: m.toOverview });
  }
  const mod = view?.module as (ManagedModule | undefined);
  const form = moduleForm(mod, networks);
  const sessions = mod && sessionKinds.includes(mod.kind) && view ? sessionsSection(mod.id, view.sessions) : null;
  // An e-learning module's package: upload, import status, versions (and its report).
  const scorm = mod?.kind === 'elearning' ? scormSection(mod.id) : null;
  return page(
    mod ? m.editTitle(mod.title) : m.newTitle,
    mod ? h('p', { class: 'actions' }, h('a', { href: '/academie/beheer' }, m.toOverview), mod.status !== 'draft' ? h('a', { href: `/aanbod/${enc(mod.id)}` }, m.view) : null) : null,
    form,
    scorm,
    sessions,
  );
}

function moduleForm(mod: ManagedModule | undefined, networks: Map<string, string>): HTMLElement {
  const m = at().module;
  let rev = mod?.rev ?? 0;
  const kinds = kindOrder.map((k): [string, string] => [k, kindLabel(k)]);
  const kind = field('kind', m.kind, select(kinds, mod?.kind ?? 'classroom'));
  const title = field('title', m.title, h('input', { type: 'text', value: mod?.title ?? '', maxlength: 200, required: true, autocomplete: 'off' }));
  const description = field('description', m.description, h('textarea', { rows: 8, maxlength: 20000 }, mod?.description ?? ''), m.descriptionHint);
  const goals = field('learningGoals', m.goals, h('textarea', { rows: 4 }, (mod?.learningGoals ?? []).join('\n')), m.goalsHint);
  const durationF = field('durationMinutes', m.duration, h('input', { type: 'number', min: 0, step: 1, inputmode: 'numeric', value: String(mod?.durationMinutes ?? 60) }));
  const network = field('networkId', m.network, select([['', m.noNetwork], ...[...networks].map(([nid, name]): [string, string] => [nid, name])], mod?.networkId ?? ''));
  const themes = field('themes', m.themes, h('input', { type: 'text', value: (mod?.themes ?? []).join(', ') }), m.commaHint);
  const audience = field('targetAudience', m.audience, h('input', { type: 'text', value: (mod?.targetAudience ?? []).join(', ') }), m.audienceHint);
  const enrol = radioGroup('enrolAudience', m.enrol, ['employees', 'partners', 'public'].map((v) => ({ value: v, label: m.enrolOptions[v]!, hint: m.enrolHints[v] })), mod?.enrolAudience ?? 'employees');
  const language = field('language', m.language, select([['nl', m.languages.nl!], ['en', m.languages.en!]], mod?.language ?? 'nl'));
  const statuses = (mod ? ['draft', 'published', 'archived'] : ['draft', 'published']).map((s): [string, string] => [s, at().status[s]!]);
  const status = field('status', m.status, select(statuses, mod?.status ?? 'draft'));
  const slug = field('articleSlug', m.articleSlug, h('input', { type: 'text', value: mod?.articleSlug ?? '', autocomplete: 'off' }), m.articleSlugHint);
  const eventType = field('eventType', m.eventType, select(Object.entries(m.eventTypes), mod?.eventType ?? 'symposium'));
  const provider = field('provider', m.provider, h('input', { type: 'text', value: mod?.provider ?? '' }));
  // E-learning: may a learner start again after a completed attempt (functions/src/scorm/attempts).
  const retakesBox = h('input', { type: 'checkbox', id: uid('f-scormRetakes'), name: 'scormRetakes', checked: mod?.scormRetakes === true });
  const retakesHintId = `${retakesBox.id}-hint`;
  retakesBox.setAttribute('aria-describedby', retakesHintId);
  const retakesWrapper = h('div', { class: 'field field--check', 'data-field': 'scormRetakes' }, h('div', { class: 'choice' }, retakesBox, h('label', { for: retakesBox.id }, m.retakes)), h('p', { class: 'field__hint', id: retakesHintId }, m.retakesHint));
  const retakes: Field = { name: 'scormRetakes', wrapper: retakesWrapper, focusTarget: retakesBox, setError: () => undefined };

  // Accreditation: repeatable rows (register, points, number, edition), each a fieldset with a remove button.
  const accreditationErrors = h('p', { class: 'field__error', id: uid('accr-error'), hidden: true });
  const rowsEl = h('div', { class: 'accreditation-rows' });
  let rows: Array<{ register: string; points: string; number: string; edition: string }> = (mod?.accreditation ?? []).map((a) => ({ register: a.register, points: String(a.points), number: a.accreditationNumber ?? '', edition: a.edition ?? '' }));
  let rowFields: Field[] = [];
  const accreditationSet = h('fieldset', { class: 'field field--group accreditation', 'data-field': 'accreditation' }, h('legend', { class: 'field__label' }, m.accreditation), accreditationErrors, rowsEl);
  const accreditationField: Field = {
    name: 'accreditation',
    wrapper: accreditationSet,
    focusTarget: accreditationSet,
    setError(message) {
      accreditationErrors.textContent = message ?? '';
      accreditationErrors.hidden = !message;
      if (message) accreditationSet.setAttribute('aria-describedby', accreditationErrors.id);
      else accreditationSet.removeAttribute('aria-describedby');
    },
  };
  const syncRows = () => {
    rows = rows.map((_, i) => ({ register: value(rowFields[i * 4]!), points: value(rowFields[i * 4 + 1]!), number: value(rowFields[i * 4 + 2]!), edition: value(rowFields[i * 4 + 3]!) }));
  };
  const addButton = h('button', { type: 'button', class: 'button button--secondary' }, m.addRow);
  const renderRows = (focusIndex?: number) => {
    rowFields = [];
    replaceChildren(
      rowsEl,
      rows.length === 0 ? h('p', null, m.noRows) : null,
      rows.map((row, i) => {
        const reg = field(`accreditation.${i}.register`, m.register, h('input', { type: 'text', value: row.register, maxlength: 120 }));
        const pts = field(`accreditation.${i}.points`, m.points, h('input', { type: 'number', min: 0, max: 100, step: 0.5, value: row.points }));
        const num = field(`accreditation.${i}.accreditationNumber`, m.number, h('input', { type: 'text', value: row.number, maxlength: 60 }));
        const edition = field(`accreditation.${i}.edition`, m.edition, h('input', { type: 'text', value: row.edition, maxlength: 60 }));
        rowFields.push(reg, pts, num, edition);
        const remove = h('button', { type: 'button', class: 'button button--quiet' }, m.removeRow, h('span', { class: 'visually-hidden' }, ` ${m.accreditationRow(i + 1).toLowerCase()}`));
        on(remove, {
          click: () => {
            syncRows();
            rows.splice(i, 1);
            renderRows();
            addButton.focus();
          },
        });
        return h('fieldset', { class: 'accreditation-row' }, h('legend', null, m.accreditationRow(i + 1)), reg.wrapper, pts.wrapper, num.wrapper, edition.wrapper, h('p', null, remove));
      }),
      h('p', null, addButton),
    );
    if (focusIndex !== undefined) rowFields[focusIndex * 4]?.focusTarget.focus();
  };
  on(addButton, {
    click: () => {
      syncRows();
      rows.push({ register: '', points: '', number: '', edition: '' });
      renderRows(rows.length - 1);
    },
  });
  renderRows();

  // Fields that only apply to one kind.
  const applyKind = () => {
    const k = value(kind);
    slug.wrapper.hidden = k !== 'reading';
    eventType.wrapper.hidden = k !== 'event';
    provider.wrapper.hidden = k !== 'external';
    retakes.wrapper.hidden = k !== 'elearning';
  };
  on(kind.focusTarget as HTMLSelectElement, { change: applyKind });
  applyKind();

  const fields = () => [kind, title, description, goals, durationF, network, themes, audience, accreditationField, ...rowFields, enrol, language, status, slug, eventType, provider, retakes];
  const alerts = h('div', { class: 'alerts' });
  const done = liveStatus();
  const submit = h('button', { type: 'submit', class: 'button' }, mod ? m.save : m.create);
  const el = h(
    'form',
    { class: 'admin-form', novalidate: true },
    kind.wrapper,
    slug.wrapper,
    eventType.wrapper,
    provider.wrapper,
    retakes.wrapper,
    title.wrapper,
    description.wrapper,
    goals.wrapper,
    durationF.wrapper,
    network.wrapper,
    themes.wrapper,
    audience.wrapper,
    accreditationSet,
    enrol.wrapper,
    language.wrapper,
    status.wrapper,
    alerts,
    h('p', null, submit),
    done,
  );

  on(el, {
    submit: (event) => {
      event.preventDefault();
      syncRows();
      done.textContent = '';
      const k = value(kind);
      const minutes = Number(value(durationF));
      // The obvious mistakes are caught here; everything else is the API's to judge.
      const local: Array<{ path: string; message: string }> = [];
      if (value(title).trim().length === 0) local.push({ path: 'title', message: m.required });
      if (!Number.isInteger(minutes) || minutes < 0 || value(durationF).trim() === '') local.push({ path: 'durationMinutes', message: m.number0 });
      if (k === 'reading' && !value(slug).trim()) local.push({ path: 'articleSlug', message: m.required });
      if (k === 'external' && !value(provider).trim()) local.push({ path: 'provider', message: m.required });
      rows.forEach((r, i) => {
        if (!r.register.trim()) local.push({ path: `accreditation.${i}.register`, message: m.required });
        if (r.points.trim() === '' || Number.isNaN(Number(r.points))) local.push({ path: `accreditation.${i}.points`, message: m.required });
      });
      if (local.length > 0) {
        alerts.replaceChildren();
        showErrors(fields(), local);
        return;
      }
      const body: Record<string, unknown> = {
        kind: k,
        title: value(title).trim(),
        description: value(description),
        learningGoals: value(goals).split('\n').map((s) => s.trim()).filter(Boolean),
        durationMinutes: minutes,
        themes: splitList(value(themes)),
        targetAudience: splitList(value(audience)),
        accreditation: rows.map((r) => ({ register: r.register.trim(), points: Number(r.points), ...(r.number.trim() ? { accreditationNumber: r.number.trim() } : {}), ...(r.edition.trim() ? { edition: r.edition.trim() } : {}) })),
        enrolAudience: enrol.value(),
        language: value(language),
        status: value(status),
      };
      if (value(network)) body.networkId = value(network);
      if (k === 'reading') body.articleSlug = value(slug).trim();
      if (k === 'event') body.eventType = value(eventType);
      if (k === 'external') body.provider = value(provider).trim();
      if (k === 'elearning') body.scormRetakes = retakesBox.checked;
      void busy(el, alerts, async () => {
        try {
          if (!mod) {
            const created = await createModule(body);
            navigate(`/academie/modules/${enc(created.id)}`);
            return;
          }
          const saved = await updateModule(mod.id, { ...body, expectedRev: rev });
          rev = saved.rev;
          showErrors(fields(), []);
          done.textContent = m.saved;
        } catch (err) {
          const errors = err instanceof ProblemError ? err.errors : [];
          const unclaimed = showErrors(fields(), errors);
          const alert = problemWithErrors(err, unclaimed);
          if (err instanceof ProblemError && err.status === 409) {
            const reload = h('button', { type: 'button', class: 'button button--secondary' }, m.reload);
            on(reload, { click: () => navigate(location.pathname, { replace: true }) });
            alert.append(h('p', null, reload));
          }
          alerts.replaceChildren(alert);
        }
      });
    },
  });
  return el;
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

function sessionsSection(moduleId: string, initial: Session[]): HTMLElement {
  const m = at().sessions;
  const alerts = h('div', { class: 'alerts' });
  const done = liveStatus();
  const list = h('div', { class: 'admin-sessions' });

  const render = (sessions: Session[]) => {
    if (sessions.length === 0) {
      replaceChildren(list, h('p', null, m.none));
      return;
    }
    replaceChildren(
      list,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'table' },
          h('caption', { class: 'visually-hidden' }, m.title),
          h('thead', null, h('tr', null, [m.when, m.where, m.capacity, m.enrolled, m.waitlist].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, sessions.map((s) => sessionRow(s))),
        ),
      ),
    );
  };

  const sessionRow = (s: Session): HTMLElement => {
    const when = formatSessionTime(s.start, s.end);
    const input = h('input', { type: 'number', min: 1, max: 1000, step: 1, value: String(s.capacity), 'aria-label': m.capacityOf(when), class: 'capacity-input' });
    const save = h('button', { type: 'button', class: 'button button--secondary' }, m.saveCapacity, h('span', { class: 'visually-hidden' }, ` ${m.capacityOf(when).toLowerCase()}`));
    const cell = h('td', null, h('span', { class: 'capacity-edit' }, input, save));
    on(save, {
      click: () => {
        done.textContent = '';
        const capacity = Number(input.value);
        void busy(save, alerts, async () => {
          await changeCapacity(s.id, capacity);
          await reload();
          done.textContent = m.capacitySaved(capacity);
        }).then(() => {
          if (alerts.childElementCount > 0) input.focus();
        });
      },
    });
    return h(
      'tr',
      { 'data-session-id': s.id },
      h('th', { scope: 'row' }, h('time', { datetime: s.start }, when)),
      h('td', null, s.location ?? '', s.location && s.meetingUrl ? h('br') : null, httpsLink(s.meetingUrl) ? h('a', { href: httpsLink(s.meetingUrl)!, rel: 'noopener noreferrer' }, s.meetingUrl) : (s.meetingUrl ?? null)),
      cell,
      h('td', null, String(s.enrolled)),
      h('td', null, String(s.waitlisted)),
    );
  };

  const reload = async () => {
    const fresh = await moduleView(moduleId);
    render(fresh.sessions);
  };
  render(initial);
  return section(m.title, list, alerts, done, planForm(moduleId, reload));
}

function planForm(moduleId: string, reload: () => Promise<void>): HTMLElement {
  const m = at().sessions;
  const date = field('date', m.date, h('input', { type: 'date' }));
  const start = field('start', m.start, h('input', { type: 'time' }), m.timeHint);
  const end = field('end', m.end, h('input', { type: 'time' }), m.timeHint);
  const location = field('location', m.location, h('input', { type: 'text', maxlength: 200 }));
  const meetingUrl = field('meetingUrl', m.meetingUrl, h('input', { type: 'url', maxlength: 500 }), m.meetingUrlHint);
  const trainerId = field('trainers.0.id', m.trainerId, h('input', { type: 'text', value: 'u-ingrid-jansen', autocomplete: 'off' }));
  const trainerName = field('trainers.0.name', m.trainerName, h('input', { type: 'text', value: 'Ingrid Jansen' }));
  const capacity = field('capacity', at().sessions.capacity, h('input', { type: 'number', min: 1, max: 1000, step: 1, value: '12' }));
  const fields = [date, start, end, location, meetingUrl, trainerId, trainerName, capacity];
  const alerts = h('div', { class: 'alerts' });
  const done = liveStatus();
  const headingId = uid('plan');
  const el = h(
    'form',
    { class: 'admin-form plan-form', novalidate: true, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, m.plan),
    h('div', { class: 'field-row' }, date.wrapper, start.wrapper, end.wrapper),
    location.wrapper,
    meetingUrl.wrapper,
    h('div', { class: 'field-row' }, trainerId.wrapper, trainerName.wrapper),
    capacity.wrapper,
    alerts,
    h('p', null, h('button', { type: 'submit', class: 'button' }, m.planButton)),
    done,
  );
  on(el, {
    submit: (event) => {
      event.preventDefault();
      done.textContent = '';
      const from = amsterdamIso(value(date), value(start));
      const to = amsterdamIso(value(date), value(end));
      const local: Array<{ path: string; message: string }> = [];
      if (!from) local.push({ path: value(date) ? 'start' : 'date', message: m.invalidTime });
      if (!to) local.push({ path: 'end', message: m.invalidTime });
      if (!value(trainerId).trim()) local.push({ path: 'trainers.0.id', message: at().module.required });
      if (!value(trainerName).trim()) local.push({ path: 'trainers.0.name', message: at().module.required });
      if (local.length > 0) {
        alerts.replaceChildren();
        showErrors(fields, local);
        return;
      }
      const body: Record<string, unknown> = {
        start: from,
        end: to,
        trainers: [{ id: value(trainerId).trim(), name: value(trainerName).trim() }],
        capacity: Number(value(capacity)),
      };
      if (value(location).trim()) body.location = value(location).trim();
      if (value(meetingUrl).trim()) body.meetingUrl = value(meetingUrl).trim();
      void busy(el, alerts, async () => {
        try {
          await planSession(moduleId, body);
          showErrors(fields, []);
          await reload();
          done.textContent = m.planned;
        } catch (err) {
          const unclaimed = showErrors(fields, err instanceof ProblemError ? err.errors : []);
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        }
      });
    },
  });
  return el;
}
