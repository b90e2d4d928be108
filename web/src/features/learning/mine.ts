/**
 * /mijn-leren ("Mijn leren"): the reader's paths with progress and next step, upcoming sessions,
 * assignments waiting, completed items, accreditation points per register and evaluations to fill
 * in. One request: GET /api/me/learning.
 */
import { httpsLink } from '../../ui/links';
import { currentUser } from '../../auth';
import { h, uid } from '../../dom';
import type { PageView } from '../../router';
import { formatDate } from '../../ui/format';
import { loadFailedPage } from '../../ui/page';
import { myLearning as fetchMyLearning, myNetworkEvents } from './api';
import type { MyLearning, NetworkEvent } from './api';
import { downloadLink, enc, kindBadge, kindLabel, page, progressBar, section, sessionStatusLabel, sessionTime, signInRequiredPage } from './common';
import { lt } from './messages';
import { myMandatory } from '../team/api';
import type { MyMandatory } from '../team/api';
import { lastValidDay, mandatoryLabels } from '../team/labels';
import { myDataLink } from '../privacy/api';

export async function myLearning(): Promise<PageView> {
  const m = lt().mine;
  if (!currentUser()) return signInRequiredPage();
  let data: MyLearning;
  let mandatory: MyMandatory | undefined;
  let networkEvents: NetworkEvent[] = [];
  try {
    // Mandatory training is for employees; for others the section is left out.
    [data, mandatory, networkEvents] = await Promise.all([fetchMyLearning(), myMandatory().catch(() => undefined), myNetworkEvents().catch(() => [])]);
  } catch (err) {
    return loadFailedPage(err);
  }
  return page(
    m.title,
    h('p', { class: 'lead' }, m.intro),
    mandatory && mandatory.items.length > 0 ? mandatorySection(mandatory) : null,
    // Evaluations waiting come first (they are a to-do); "none waiting" goes to the end.
    data.pendingEvaluations.length > 0 ? pendingEvaluations(data) : null,
    paths(data),
    sessions(data),
    networkEvents.length > 0 ? networkEventsSection(networkEvents) : null,
    data.enrolledModules?.length > 0 ? enrolledModules(data) : null,
    assignments(data),
    completed(data),
    accreditation(data),
    data.pendingEvaluations.length === 0 ? pendingEvaluations(data) : null,
    // Consultation questions the reader asked expert networks, with their answers (features/networks).
    h('p', { class: 'my-questions-link' }, h('a', { href: '/mijn-vragen' }, m.myQuestions)),
    // Personal data (AVG): the download of everything the academy keeps about the reader.
    myDataLink(),
  );
}

/** Upcoming events of the reader's networks they hold no seat in (GET /api/me/network-events). */
function networkEventsSection(events: NetworkEvent[]): HTMLElement {
  const m = lt().mine;
  return section(
    m.networkEvents,
    h('p', null, m.networkEventsIntro),
    h('ul', { class: 'session-list', 'data-testid': 'network-events' }, events.map((e) => h('li', null, h('strong', null, e.title), ' · ', e.networkName, ' · ', sessionTime(e.start, e.end), e.location ? ` · ${e.location}` : '', ' · ', h('a', { href: `/aanbod/${enc(e.moduleId)}` }, m.networkEventsEnrol)))),
  );
}

function paths(data: MyLearning): HTMLElement {
  const m = lt().mine;
  if (data.paths.length === 0) return section(m.paths, h('p', null, m.pathsEmpty, ' ', h('a', { href: '/leerpaden' }, m.browsePaths)));
  return section(
    m.paths,
    h(
      'ul',
      { class: 'my-paths' },
      data.paths.map((p) => {
        const titleId = uid('my-path');
        return h(
          'li',
          { class: 'my-path', 'data-path-id': p.pathId },
          h(
            'article',
            { 'aria-labelledby': titleId },
            h('h3', { id: titleId }, h('a', { href: `/leerpaden/${enc(p.pathId)}` }, p.title)),
            progressBar(p.percent, lt().paths.progress),
            p.complete
              ? h('p', { class: 'done-notice__title' }, lt().paths.complete)
              : p.nextStep
                ? h('p', { class: 'path-next' }, `${m.next} `, h('a', { href: `/aanbod/${enc(p.nextStep.moduleId)}` }, p.nextStep.title), p.nextStep.kind ? [' ', kindBadge(p.nextStep.kind)] : null)
                : null,
            p.latestVersion > p.enrolledVersion ? h('p', { class: 'note' }, m.newVersion, ' ', h('a', { href: `/leerpaden/${enc(p.pathId)}` }, lt().paths.migrate(p.latestVersion))) : null,
          ),
        );
      }),
    ),
  );
}

function sessions(data: MyLearning): HTMLElement {
  const m = lt().mine;
  const mod = lt().module;
  if (data.upcomingSessions.length === 0) return section(m.sessions, h('p', null, m.sessionsEmpty, ' ', h('a', { href: '/aanbod' }, m.browseCatalogue)));
  const sorted = [...data.upcomingSessions].sort((a, b) => a.start.localeCompare(b.start));
  return section(
    m.sessions,
    h(
      'ul',
      { class: 'my-sessions' },
      sorted.map((s) =>
        h(
          'li',
          { class: 'my-session' },
          h('p', { class: 'my-session__title' }, s.moduleId ? h('a', { href: `/aanbod/${enc(s.moduleId)}` }, s.title || m.session) : (s.title || m.session)),
          h(
            'p',
            { class: 'result__meta' },
            sessionTime(s.start, s.end),
            s.location ? h('span', null, s.location) : null,
            httpsLink(s.meetingUrl) ? h('a', { href: httpsLink(s.meetingUrl)!, rel: 'noopener noreferrer' }, mod.join) : null,
            h('span', { class: `state state--session-${s.status}` }, h('span', { class: 'visually-hidden' }, `${mod.yourStatus} `), sessionStatusLabel(s.status)),
          ),
        ),
      ),
    ),
  );
}

/** Modules joined without a session (e-learning, reading, external) and not completed yet. */
function enrolledModules(data: MyLearning): HTMLElement {
  const m = lt().mine;
  return section(
    m.enrolledModules,
    h(
      'ul',
      { class: 'my-assignments' },
      data.enrolledModules.map((x) => h('li', null, h('a', { href: `/aanbod/${enc(x.moduleId)}` }, x.title), ' ', kindBadge(x.kind), ` ${m.enrolledSince(formatDate(x.enrolledAt))}`)),
    ),
  );
}

function assignments(data: MyLearning): HTMLElement {
  const m = lt().mine;
  if (data.assignments.length === 0) return section(m.assignments, h('p', null, m.assignmentsEmpty));
  const labels: Record<string, string> = m.assignmentStatus;
  return section(
    m.assignments,
    h(
      'ul',
      { class: 'my-assignments' },
      data.assignments.map((a) =>
        h(
          'li',
          null,
          h('a', { href: `/aanbod/${enc(a.moduleId)}` }, a.title),
          ' ',
          h('span', { class: `state state--submission-${a.status}` }, h('span', { class: 'visually-hidden' }, `${lt().module.submissionLabel} `), labels[a.status] ?? a.status),
        ),
      ),
    ),
  );
}

function completed(data: MyLearning): HTMLElement {
  const m = lt().mine;
  if (data.completed.length === 0) return section(m.completed, h('p', null, m.completedEmpty));
  const sorted = [...data.completed].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
  // Certificates (functions/src/portfolio/certificates): a PDF per completed module, issued on the first download.
  // The link names the row's module by context (its row), not by repeating the title beside the title's own link.
  const certificateAlerts = h('div', { class: 'certificate-alerts' });
  return section(
    m.completed,
    certificateAlerts,
    h(
      'table',
      { class: 'table completed-table' },
      h('thead', null, h('tr', null, [m.item, lt().module.kind, m.date, m.result, m.points, m.certificate].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        sorted.map((c) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, h('a', { href: `/aanbod/${enc(c.moduleId)}` }, c.title)),
            h('td', null, kindLabel(c.kind)),
            h('td', null, h('time', { datetime: c.completedAt }, formatDate(c.completedAt))),
            // E-learning: the result the package reported (self-reported, and labelled so).
            h('td', null, c.result ? [m.resultOf(c.result.success, c.result.percent), h('span', { class: 'note' }, ` (${m.selfReported})`)] : '–'),
            h('td', null, c.points.length > 0 ? c.points.map((p) => `${lt().points(p.points)} ${p.register}`).join(', ') : '–'),
            h('td', null, downloadLink(`/api/me/certificates/module/${enc(c.moduleId)}.pdf`, `certificaat-${c.moduleId}.pdf`, h('span', null, m.certificate, h('span', { class: 'visually-hidden' }, ` ${m.certificatePdf}`)), certificateAlerts, 'application/pdf')),
          ),
        ),
      ),
    ),
  );
}

function accreditation(data: MyLearning): HTMLElement {
  const m = lt().mine;
  if (data.accreditation.length === 0) return section(m.accreditation, h('p', null, m.accreditationEmpty));
  return section(
    m.accreditation,
    h(
      'table',
      { class: 'table accreditation-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, m.register), h('th', { scope: 'col' }, m.points))),
      h('tbody', null, data.accreditation.map((a) => h('tr', null, h('th', { scope: 'row' }, a.register), h('td', null, String(a.points))))),
    ),
  );
}

function pendingEvaluations(data: MyLearning): HTMLElement {
  const m = lt().mine;
  if (data.pendingEvaluations.length === 0) return section(m.evaluations, h('p', null, m.evaluationsEmpty));
  return section(
    m.evaluations,
    h(
      'ul',
      { class: 'my-evaluations' },
      data.pendingEvaluations.map((e) =>
        h(
          'li',
          null,
          h('a', { href: `/evaluatie/${enc(e.targetType)}/${enc(e.targetId)}` }, m.evaluate(e.title)),
          ' ',
          h('span', { class: 'my-evaluations__type' }, `(${e.targetType === 'path' ? m.path : m.module})`),
        ),
      ),
    ),
  );
}

/** "Verplichte scholing": what is due, due soon or overdue, with the next session to book; valid ones last. */
function mandatorySection(data: MyMandatory): HTMLElement {
  const l = mandatoryLabels();
  const open = data.items.filter((i) => i.status !== 'valid');
  return h(
    'section',
    { class: 'learning-section mandatory', 'aria-labelledby': 'mandatory-title', 'data-testid': 'my-mandatory' },
    h('h2', { id: 'mandatory-title' }, l.section),
    h('p', null, open.length === 0 ? l.allValid : l.intro),
    h(
      'ul',
      { class: 'mandatory-list' },
      data.items.map((i) => {
        const when = i.status === 'overdue' ? l.overdueSince(formatDate(i.overdueOn)) : i.expiresOn && (i.status === 'valid' || i.status === 'due-soon') ? l.validTill(formatDate(lastValidDay(i.expiresOn))) : l.dueOn(formatDate(i.status === 'in-grace' ? i.overdueOn : i.dueOn));
        return h(
          'li',
          { class: 'mandatory-item', 'data-module-id': i.moduleId, 'data-status': i.status },
          h('p', null, h('span', { class: `mandatory-status mandatory-status--${i.status}` }, l.status[i.status]), ' ', h('a', { href: `/aanbod/${enc(i.moduleId)}` }, i.title), h('span', { class: 'muted' }, ` (${when})`)),
          i.booked
            ? h('p', { class: 'note' }, (i.booked.status === 'waitlisted' ? l.waitlisted : l.booked)(formatDate(i.booked.start)))
            : i.nextSession
              ? h('p', { class: 'note' }, l.nextSession(formatDate(i.nextSession.start), i.nextSession.seatsLeft), ' ', h('a', { href: `/aanbod/${enc(i.moduleId)}` }, l.next))
              : i.status !== 'valid'
                ? h('p', { class: 'note' }, h('a', { href: `/aanbod/${enc(i.moduleId)}` }, l.toModule))
                : null,
        );
      }),
    ),
  );
}
