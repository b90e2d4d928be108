/**
 * /aanbod/{moduleId}: one module. Description (sanitised HTML from the API), learning goals,
 * accreditation, and what the reader can do for its kind: enrol in a session (with waiting
 * list and calendar invite), mark an article as read, hand in an assignment, or report an
 * external training as completed. The API decides what is allowed; the page shows its answers.
 */
import { httpsLink } from '../../ui/links';
import { ProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import { signInHref } from '../../returnTo';
import type { PageContext, PageView } from '../../router';
import { contentLang, formatDate, languageLabel } from '../../ui/format';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors } from '../../ui/form';
import { renderTrustedArticleHtml } from '../../ui/trusted-html';
import { lang } from '../../i18n';
import { problemAlert } from '../../ui/alert';
import { cancelEnrolment, completeModule, enrolInModule, enrolInSession, handIn, launchElearning, moduleView, myAttempts } from './api';
import type { AttemptHistory, AttemptSummary, EnrolmentResult, ModuleView, Session, Submission } from './api';
import { busy, duration, enc, failedPage, icsLink, kindBadge, kindLabel, liveStatus, networkNames, section, sessionKinds, sessionStatusLabel, sessionTime } from './common';
import { fileLinks, filePicker } from './files';
import { lt } from './messages';

export async function modulePage(ctx: PageContext): Promise<PageView> {
  const m = lt().module;
  const id = ctx.params.moduleId ?? '';
  let view: ModuleView;
  let names: Map<string, string>;
  try {
    [view, names] = await Promise.all([moduleView(id), networkNames()]);
  } catch (err) {
    return failedPage(err, { title: m.notFoundTitle, text: m.notFound, href: '/aanbod', link: m.toCatalogue });
  }
  const mod = view.module;
  const lang = contentLang(mod.language);
  const status = liveStatus();
  const completion = h('div', { class: 'module-completion' }, view.my?.completed ? completedNotice(mod.id, view.my.completedAt) : null);

  let action: HTMLElement | null = null;
  if (sessionKinds.includes(mod.kind)) action = sessionsSection(view, status);
  else if (mod.kind === 'reading') action = readingSection(view, completion, status);
  else if (mod.kind === 'assignment') action = assignmentSection(view, status);
  else if (mod.kind === 'external') action = externalSection(view, completion, status);
  else if (mod.kind === 'elearning') action = elearningSection(view, status, currentUser() ? await loadHistory(mod.id) : undefined);

  const body = h('div', { class: 'article-body module-description', lang });
  if (mod.descriptionHtml) renderTrustedArticleHtml(body, mod.descriptionHtml, { topLevel: 3 });
  else replaceChildren(body, mod.description.split(/\n{2,}/).filter(Boolean).map((p) => h('p', null, p)));

  const content = h(
    'div',
    { class: 'page page--learning page--module' },
    h(
      'article',
      { class: 'module' },
      h(
        'header',
        { class: 'module__header' },
        h('p', { class: 'module__kind' }, kindBadge(mod.kind)),
        h('h1', { lang }, mod.title),
        meta(view, names),
        completion,
      ),
      mod.description || mod.descriptionHtml ? section(m.description, body) : null,
      mod.learningGoals.length > 0 ? section(m.goals, h('ul', { class: 'goal-list', lang }, mod.learningGoals.map((g) => h('li', null, g)))) : null,
      section(m.accreditation, accreditationTable(view)),
      action,
      status,
    ),
  );
  return { title: mod.title, content };
}

function meta(view: ModuleView, names: Map<string, string>): HTMLElement {
  const m = lt().module;
  const mod = view.module;
  const item = (term: string, ...value: (Node | string)[]) => h('div', { class: 'article-meta__item' }, h('dt', null, term), h('dd', null, ...value));
  return h(
    'div',
    { class: 'article-meta' },
    h(
      'dl',
      { class: 'article-meta__list' },
      item(m.kind, kindLabel(mod.kind)),
      mod.durationMinutes ? item(m.duration, duration(mod.durationMinutes)) : null,
      mod.networkId ? item(m.network, h('a', { href: `/aanbod?netwerk=${enc(mod.networkId)}` }, names.get(mod.networkId) ?? mod.networkId)) : null,
      mod.targetAudience?.length ? item(m.audience, mod.targetAudience.join(', ')) : null,
      mod.provider ? item(m.provider, mod.provider) : null,
      item(m.language, languageLabel(mod.language)),
      mod.themes?.length ? item(m.themes, mod.themes.join(', ')) : null,
    ),
  );
}

function accreditationTable(view: ModuleView): HTMLElement {
  const m = lt().module;
  const items = view.module.accreditation ?? [];
  if (items.length === 0) return h('p', null, m.noAccreditation);
  return h(
    'table',
    { class: 'table accreditation-table' },
    h('thead', null, h('tr', null, [m.register, m.points, m.number].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, items.map((a) => h('tr', null, h('th', { scope: 'row' }, a.register), h('td', null, String(a.points)), h('td', null, a.accreditationNumber ?? '–')))),
  );
}

function completedNotice(moduleId: string, completedAt?: string): HTMLElement {
  const m = lt().module;
  return h(
    'div',
    { class: 'done-notice', tabindex: -1 },
    h('p', { class: 'done-notice__title' }, completedAt ? m.completedOn(formatDate(completedAt)) : m.completed),
    h('p', null, h('a', { href: `/evaluatie/module/${enc(moduleId)}` }, m.evaluate)),
  );
}

function signInPrompt(text: string): HTMLElement {
  return h('p', null, h('a', { href: signInHref(), class: 'button' }, text));
}

// ---------------------------------------------------------------------------------------------
// Sessions: enrol, waiting list, cancel, calendar invite
// ---------------------------------------------------------------------------------------------

function sessionsSection(view: ModuleView, status: HTMLElement): HTMLElement {
  const m = lt().module;
  const alerts = h('div', { class: 'alerts' });
  const list = h('ul', { class: 'session-list' });
  const moduleId = view.module.id;

  const render = (sessions: Session[], focusSessionId?: string) => {
    const upcoming = [...sessions].sort((a, b) => a.start.localeCompare(b.start));
    replaceChildren(list, upcoming.map((s) => sessionItem(s, act)));
    if (focusSessionId) {
      const item = list.querySelector<HTMLElement>(`[data-session-id="${CSS.escape(focusSessionId)}"]`);
      (item?.querySelector<HTMLElement>('button') ?? item?.querySelector<HTMLElement>('h3'))?.focus();
    }
  };

  const act = (session: Session, kind: 'enrol' | 'cancel', button: HTMLButtonElement) =>
    void busy(button, alerts, async () => {
      status.textContent = '';
      const result: EnrolmentResult = await (kind === 'enrol' ? enrolInSession(session.id) : cancelEnrolment(session.id));
      const fresh = await moduleView(moduleId);
      render(fresh.sessions, session.id);
      status.textContent =
        result.status === 'enrolled' ? m.enrolledNow : result.status === 'waitlisted' ? m.waitlistedNow(result.position ?? 0) : m.cancelledNow;
    });

  if (view.sessions.length === 0) return section(m.sessions, h('p', null, m.noSessions));
  render(view.sessions);
  return section(m.sessions, currentUser() ? null : signInPrompt(m.signInToEnrol), alerts, list);
}

function sessionItem(s: Session, act: (s: Session, kind: 'enrol' | 'cancel', button: HTMLButtonElement) => void): HTMLElement {
  const m = lt().module;
  const titleId = uid('session');
  const item = (term: string, ...value: (Node | string | null)[]) => h('div', { class: 'session__item' }, h('dt', null, term), h('dd', null, ...value));
  const signedIn = Boolean(currentUser());
  const mine = s.myStatus;
  const alerts = h('div', { class: 'alerts' });
  const actions = h('div', { class: 'actions session__actions' });

  if (signedIn) {
    if (!mine || mine === 'cancelled') {
      const enrol = h('button', { type: 'button', class: 'button' }, s.seatsLeft > 0 ? m.enrol : m.enrolWaitlist);
      on(enrol, { click: () => act(s, 'enrol', enrol) });
      actions.append(enrol);
    } else if (mine === 'enrolled' || mine === 'waitlisted') {
      const cancel = h('button', { type: 'button', class: 'button button--secondary' }, mine === 'waitlisted' ? m.leaveWaitlist : m.cancel);
      on(cancel, { click: () => act(s, 'cancel', cancel) });
      actions.append(cancel);
    }
    if (mine === 'enrolled' || mine === 'attended') actions.append(icsLink(s.id, `bijeenkomst-${s.start.slice(0, 10)}.ics`, alerts));
  }

  const statusText =
    mine === 'waitlisted' ? m.waitlisted(s.myWaitlistPosition ?? 0) : mine && mine !== 'cancelled' ? sessionStatusLabel(mine) : null;

  return h(
    'li',
    { class: 'session', 'data-session-id': s.id },
    h(
      'article',
      { 'aria-labelledby': titleId },
      h('h3', { class: 'session__title', id: titleId, tabindex: -1 }, sessionTime(s.start, s.end)),
      h(
        'dl',
        { class: 'session__details' },
        s.location ? item(m.location, s.location) : null,
        s.meetingUrl ? item(m.online, httpsLink(s.meetingUrl) ? h('a', { href: httpsLink(s.meetingUrl)!, rel: 'noopener noreferrer' }, m.join) : s.meetingUrl) : null,
        s.trainers.length > 0 ? item(m.trainers, s.trainers.map((tr) => tr.name).join(', ')) : null,
        item(m.places, m.seats(s.seatsLeft, s.capacity), s.waitlisted > 0 ? ` · ${m.waitlistCount(s.waitlisted)}` : null),
      ),
      statusText ? h('p', { class: 'session__status' }, h('span', { class: `state state--session-${mine}` }, h('span', { class: 'visually-hidden' }, `${m.yourStatus} `), statusText)) : null,
      alerts,
      actions.childElementCount > 0 ? actions : null,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading, assignment, external
// ---------------------------------------------------------------------------------------------

type History = AttemptHistory | { error: unknown };

/** The learner's attempts, or the failure (shown in the section; the start button stays). */
const loadHistory = (moduleId: string): Promise<History> => myAttempts(moduleId).catch((error: unknown) => ({ error }));

/**
 * "E-learning": the start button and the learner's attempts. The button follows the history as
 * the API decides a launch (functions/src/scorm/attempts/service.ts): an attempt in progress goes
 * on; after a failed one, or a completed one when the module allows retakes, a new one begins;
 * after a completed one without retakes there is nothing to start, and the page says why.
 */
function elearningSection(view: ModuleView, status: HTMLElement, history?: History): HTMLElement {
  const m = lt().module;
  const note = h('p', { class: 'note' }, m.elearning);
  if (!currentUser()) return section(m.elearningTitle, note, signInPrompt(m.signInToComplete));
  const moduleId = view.module.id;
  const alerts = h('div', { class: 'alerts' });
  const attempts = h('div', { class: 'attempts' });
  // Without retakes after a completed attempt, the button gives way to the reason.
  const startSlot = h('span', { class: 'attempts__start' });
  const closedSlot = h('div', { class: 'attempts__closed' });
  let current = history;
  const refresh = async () => {
    const fresh = await loadHistory(moduleId);
    // A failed refresh keeps what is shown.
    if ('error' in fresh && current && !('error' in current)) return;
    current = fresh;
    show();
  };
  const start = launchButton(view, alerts, status, () => void refresh());
  const show = () => {
    replaceChildren(attempts, current ? ('error' in current ? problemAlert(current.error, m.attemptsFailed) : attemptTable(current.attempts)) : null);
    const state = current && !('error' in current) ? launchState(current) : undefined;
    start.textContent = state === 'resume' ? m.elearningResume : state === 'retake' ? m.elearningRetake : state === 'start' ? m.elearningStart : view.my?.completed ? m.elearningAgain : m.elearningStart;
    replaceChildren(startSlot, state === 'closed' ? null : start);
    replaceChildren(closedSlot, state === 'closed' ? h('p', null, m.elearningNoRetake, ' ', h('a', { href: '/mijn-leren' }, lt().mine.title), '.') : null);
  };
  show();
  // Back from the player's tab: the attempt may have moved on.
  const onVisible = () => {
    if (!attempts.isConnected) document.removeEventListener('visibilitychange', onVisible);
    else if (document.visibilityState === 'visible') void refresh();
  };
  document.addEventListener('visibilitychange', onVisible);

  const enrolledNote = () => h('p', { tabindex: -1 }, m.elearningEnrolled, ' ', h('a', { href: '/mijn-leren' }, lt().mine.title));
  if (view.my?.enrolled || view.my?.completed) return section(m.elearningTitle, note, alerts, h('p', { class: 'actions' }, startSlot), closedSlot, enrolledNote(), attempts);
  const enrol = h('button', { type: 'button', class: 'button button--secondary' }, m.elearningEnrol);
  const actions = h('p', { class: 'actions' }, startSlot, ' ', enrol);
  on(enrol, {
    click: () =>
      void busy(enrol, alerts, async () => {
        await enrolInModule(moduleId);
        const done = enrolledNote();
        enrol.remove();
        actions.after(done);
        status.textContent = m.enrolledNowModule;
        done.focus();
      }),
  });
  return section(m.elearningTitle, note, alerts, actions, closedSlot, attempts);
}

/** What starting would do now, by the newest attempt. */
function launchState(history: AttemptHistory): 'start' | 'resume' | 'retake' | 'closed' {
  const last = [...history.attempts].sort((a, b) => b.number - a.number)[0];
  if (!last) return 'start';
  if (last.status === 'in-progress') return 'resume';
  if (last.status === 'completed' && !history.retakes) return 'closed';
  return 'retake';
}

const dateTimeFormat = () =>
  new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

function dateTime(value: string, format: Intl.DateTimeFormat): HTMLElement {
  const date = new Date(value);
  return h('time', { datetime: value }, Number.isNaN(date.getTime()) ? value : format.format(date));
}

/** Time spent as the server totals it: seconds under a minute, else minutes and hours. */
function timeSpent(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? lt().module.seconds(s) : duration(Math.round(s / 60));
}

/** "Jouw pogingen": newest first; status, result, score and time as the package reported them. */
function attemptTable(attempts: AttemptSummary[]): HTMLElement {
  const m = lt().module;
  const c = m.attemptColumns;
  if (attempts.length === 0) return h('p', { class: 'attempts__none' }, m.attemptsNone);
  const format = dateTimeFormat();
  const noteId = uid('attempts-note');
  const dash = '–';
  const rows = [...attempts]
    .sort((a, b) => b.number - a.number)
    .map((a) =>
      h(
        'tr',
        null,
        h('th', { scope: 'row' }, String(a.number)),
        h('td', null, m.attemptVersion(a.packageVersion)),
        h('td', null, dateTime(a.startedAt, format)),
        h('td', null, a.status === 'in-progress' ? m.attemptOngoing : a.finishedAt ? dateTime(a.finishedAt, format) : dash),
        h('td', null, h('span', { class: `state state--attempt-${a.status}` }, m.attemptStatus[a.status])),
        h('td', null, a.outcome ? m.attemptSuccess[a.outcome.success] : dash),
        h('td', null, a.outcome?.percent !== undefined ? `${Math.round(a.outcome.percent)}%` : dash),
        h('td', null, a.outcome ? timeSpent(a.outcome.timeSeconds) : dash),
      ),
    );
  return h(
    'div',
    null,
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-label': m.attemptsTitle, tabindex: 0 },
      h(
        'table',
        { class: 'table attempts-table', 'aria-describedby': noteId },
        h('caption', null, m.attemptsTitle),
        h('thead', null, h('tr', null, [c.number, c.version, c.started, c.finished, c.status, c.success, c.score, c.time].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', null, rows),
      ),
    ),
    h('p', { class: 'note', id: noteId }, m.attemptsSelfReported),
  );
}

/**
 * "Start e-learning": asks the API for a launch (a short-lived token for one attempt, never the
 * session token) and opens the player on the content origin in a new tab. The tab is opened
 * during the click (so no pop-up blocker stops it) and cut loose from this page (`opener = null`)
 * before it leaves for the content origin; if the browser refused a tab, this tab goes there.
 * `launched` runs after a launch (the attempts have changed).
 */
function launchButton(view: ModuleView, alerts: HTMLElement, status: HTMLElement, launched: () => void): HTMLButtonElement {
  const m = lt().module;
  const button = h('button', { type: 'button', class: 'button' }, view.my?.completed ? m.elearningAgain : m.elearningStart);
  on(button, {
    click: () => {
      const tab = window.open('', '_blank');
      if (tab) tab.opener = null;
      void busy(button, alerts, async () => {
        try {
          const launch = await launchElearning(view.module.id);
          if (tab && !tab.closed) {
            tab.location.replace(launch.launchUrl);
            status.textContent = m.elearningOpened;
            launched();
          } else {
            window.location.assign(launch.launchUrl);
          }
        } catch (err) {
          tab?.close();
          throw err;
        }
      });
    },
  });
  return button;
}

function readingSection(view: ModuleView, completion: HTMLElement, status: HTMLElement): HTMLElement {
  const m = lt().module;
  const mod = view.module;
  const alerts = h('div', { class: 'alerts' });
  const articleLink = mod.articleSlug ? h('p', null, h('a', { href: `/kennis/${enc(mod.articleSlug)}` }, m.readArticle)) : null;
  if (!currentUser()) return section(m.readingTitle, articleLink, signInPrompt(m.signInToComplete));
  if (view.my?.completed) return section(m.readingTitle, articleLink);
  const done = h('button', { type: 'button', class: 'button' }, m.readDone);
  const actions = h('p', { class: 'actions' }, done);
  on(done, {
    click: () =>
      void busy(done, alerts, async () => {
        const result = await completeModule(mod.id, {});
        actions.remove();
        const notice = completedNotice(mod.id, result?.completedAt ?? new Date().toISOString());
        replaceChildren(completion, notice);
        status.textContent = m.completed;
        notice.focus();
      }),
  });
  return section(m.readingTitle, h('p', null, m.readingIntro), articleLink, alerts, actions);
}

function submissionStatus(submission: Submission): HTMLElement {
  const m = lt().module;
  const label: Record<string, string> = m.submission;
  return h(
    'div',
    { class: 'submission', tabindex: -1 },
    h('p', null, h('span', { class: `state state--submission-${submission.status}` }, h('span', { class: 'visually-hidden' }, `${m.submissionLabel} `), label[submission.status] ?? submission.status)),
    fileLinks(submission.files),
    submission.feedback ? h('div', null, h('p', { class: 'signal__label' }, m.feedback), h('blockquote', { class: 'signal__answer' }, submission.feedback)) : null,
  );
}

function assignmentSection(view: ModuleView, status: HTMLElement): HTMLElement {
  const m = lt().module;
  const mod = view.module;
  if (!currentUser()) return section(m.assignmentTitle, signInPrompt(m.signInToComplete));
  const current = view.my?.submission;
  const statusSlot = h('div', null, current ? submissionStatus(current) : null);
  if (view.my?.completed || (current && current.status !== 'returned')) return section(m.assignmentTitle, statusSlot);

  const text = h('textarea', { rows: 8, maxlength: 20000, 'aria-required': 'true' });
  if (current?.text) text.value = current.text;
  const textField = field('text', m.assignmentText, text, m.assignmentHint);
  // A returned assignment starts from what was handed in: text and files, so nothing is lost by resending.
  const picker = filePicker(mod.id, m.assignmentFile, current?.files ?? []);
  const alerts = h('div', { class: 'alerts' });
  const form = h('form', { class: 'assignment-form', novalidate: true }, textField.wrapper, picker.wrapper, alerts, h('p', null, h('button', { type: 'submit', class: 'button' }, m.submit)));
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors([textField]);
      alerts.replaceChildren();
      const value = text.value.trim();
      if (picker.busy()) {
        alerts.replaceChildren(h('p', { class: 'alert', role: 'status' }, lt().files.stillUploading));
        return;
      }
      // A file speaks for itself; without one, the text must say enough.
      if (picker.ids().length === 0 && value.length < 20) {
        textField.setError(value ? m.tooShort : m.required);
        text.focus();
        return;
      }
      void busy(form, alerts, async () => {
        try {
          const submission = await handIn(mod.id, { text: value, files: picker.ids() });
          const shown = submissionStatus({ ...submission, status: submission?.status ?? 'submitted' });
          replaceChildren(statusSlot, shown);
          form.remove();
          status.textContent = m.submittedNow;
          shown.focus();
        } catch (err) {
          const unclaimed = err instanceof ProblemError ? showFieldErrors([textField], err.errors) : [];
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        }
      });
    },
  });
  return section(m.assignmentTitle, statusSlot, form);
}

function externalSection(view: ModuleView, completion: HTMLElement, status: HTMLElement): HTMLElement {
  const m = lt().module;
  const mod = view.module;
  if (!currentUser()) return section(m.externalTitle, signInPrompt(m.signInToComplete));
  if (view.my?.completed) return section(m.externalTitle, h('p', null, m.completed), fileLinks(view.my.evidenceFiles));
  const evidence = h('input', { type: 'text', maxlength: 2000, autocomplete: 'off', 'aria-required': 'true' });
  const evidenceField = field('evidence', m.evidence, evidence, m.evidenceHint);
  const picker = filePicker(mod.id, m.evidenceFile);
  const alerts = h('div', { class: 'alerts' });
  const form = h('form', { class: 'external-form', novalidate: true }, evidenceField.wrapper, picker.wrapper, alerts, h('p', null, h('button', { type: 'submit', class: 'button' }, m.reportDone)));
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors([evidenceField]);
      alerts.replaceChildren();
      const value = evidence.value.trim();
      if (picker.busy()) {
        alerts.replaceChildren(h('p', { class: 'alert', role: 'status' }, lt().files.stillUploading));
        return;
      }
      if (!value && picker.ids().length === 0) {
        evidenceField.setError(m.required);
        evidence.focus();
        return;
      }
      void busy(form, alerts, async () => {
        try {
          const result = await completeModule(mod.id, { ...(value ? { evidence: value } : {}), files: picker.ids() });
          form.remove();
          const notice = completedNotice(mod.id, result?.completedAt ?? new Date().toISOString());
          replaceChildren(completion, notice);
          status.textContent = m.completed;
          notice.focus();
        } catch (err) {
          const unclaimed = err instanceof ProblemError ? showFieldErrors([evidenceField], err.errors) : [];
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        }
      });
    },
  });
  return section(m.externalTitle, h('p', null, m.externalIntro), form);
}
