/**
 * /trainer: the sessions a trainer teaches (upcoming and past); /trainer/sessies/{id}: the
 * participants with a checkbox "Aanwezig" each, saved immediately (PUT …/attendance/{userId}).
 * Changing a checkbox only saves, it never changes the context (WCAG 3.2.2); the result is
 * announced in a polite status region.
 */
import { currentUser } from '../../../auth';
import { h, on, uid } from '../../../dom';
import type { PageContext, PageView } from '../../../router';
import { problemAlert } from '../../../ui/alert';
import { formatDate } from '../../../ui/format';
import { loadFailedPage } from '../../../ui/page';
import { moduleView, participants as fetchParticipants, registerAttendance, trainerSessions as fetchTrainerSessions } from '../api';
import type { Participant, ParticipantList, TrainerSession } from '../api';
import { enc, formatSessionTime, liveStatus, page, section, sessionStatusLabel, sessionTime, signInRequiredPage } from '../common';
import { lt } from '../messages';
import { tt } from './messages';

export async function trainerSessions(): Promise<PageView> {
  const m = tt().trainer;
  if (!currentUser()) return signInRequiredPage();
  let sessions: TrainerSession[];
  try {
    sessions = await fetchTrainerSessions();
  } catch (err) {
    return loadFailedPage(err);
  }
  const now = Date.now();
  const upcoming = sessions.filter((s) => new Date(s.end).getTime() >= now).sort((a, b) => a.start.localeCompare(b.start));
  const past = sessions.filter((s) => new Date(s.end).getTime() < now).sort((a, b) => b.start.localeCompare(a.start));
  // One trainer may teach dozens: sessions are grouped by week (Monday to Sunday, Amsterdam) and can be narrowed to one module.
  const modules = [...new Map(sessions.map((s) => [s.moduleId, s.title])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  const filterId = uid('module-filter');
  const filter = h('select', { id: filterId }, h('option', { value: '' }, m.allModules), modules.map(([id, title]) => h('option', { value: id }, title)));
  const lists = h('div');
  const render = () => {
    const only = (items: TrainerSession[]) => (filter.value ? items.filter((s) => s.moduleId === filter.value) : items);
    lists.replaceChildren(section(m.upcoming, byWeek(only(upcoming))), section(m.past, byWeek(only(past))));
  };
  on(filter, { change: render });
  render();
  return page(
    m.title,
    h('p', { class: 'lead' }, m.intro),
    h('p', { class: 'actions' }, h('a', { href: '/trainer/opdrachten' }, m.toAssignments)),
    modules.length > 1 ? h('div', { class: 'field trainer-filter' }, h('label', { for: filterId, class: 'field__label' }, m.filterModule), filter) : null,
    lists,
  );
}

const weekFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Monday (YYYY-MM-DD, Amsterdam) of the week a session starts in. */
export function weekOf(start: string): string {
  const day = weekFormat.format(new Date(start));
  const noon = new Date(`${day}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() - ((noon.getUTCDay() + 6) % 7));
  return noon.toISOString().slice(0, 10);
}

function byWeek(items: TrainerSession[]): HTMLElement {
  const m = tt().trainer;
  if (items.length === 0) return h('p', null, m.none);
  const weeks = new Map<string, TrainerSession[]>();
  for (const s of items) weeks.set(weekOf(s.start), [...(weeks.get(weekOf(s.start)) ?? []), s]);
  return h(
    'div',
    { class: 'trainer-weeks' },
    [...weeks.entries()].map(([monday, list]) =>
      h(
        'section',
        { class: 'trainer-week', 'aria-label': m.weekOf(formatDate(monday)), 'data-week': monday },
        h('h3', null, m.weekOf(formatDate(monday))),
        h(
          'ul',
          { class: 'trainer-sessions' },
          list.map((s) =>
            h(
              'li',
              { class: 'trainer-session', 'data-module-id': s.moduleId },
              h('p', { class: 'trainer-session__title' }, h('a', { href: `/trainer/sessies/${enc(s.id)}` }, s.title)),
              h('p', { class: 'result__meta' }, sessionTime(s.start, s.end), h('span', null, m.occupancy(s.enrolled, s.capacity))),
            ),
          ),
        ),
      ),
    ),
  );
}

const markable = new Set(['enrolled', 'attended', 'absent']);

export async function attendancePage(ctx: PageContext): Promise<PageView> {
  const m = tt().trainer;
  if (!currentUser()) return signInRequiredPage();
  const id = ctx.params.sessionId ?? '';
  let data: ParticipantList;
  try {
    data = await fetchParticipants(id);
  } catch (err) {
    return loadFailedPage(err);
  }
  const session = data.session;
  let title = session.moduleTitle;
  if (!title && session.moduleId) {
    title = await moduleView(session.moduleId)
      .then((v) => v.module.title)
      .catch(() => '');
  }
  if (!title) title = formatSessionTime(session.start, session.end);

  const status = liveStatus();
  const alerts = h('div', { class: 'alerts' });
  const tableId = uid('participants');
  const hintId = uid('participants-hint');
  const participants = [...data.participants].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  const row = (p: Participant) => {
    const statusCell = h('td', null, statusText(p));
    let control: HTMLElement | string = '–';
    if (markable.has(p.status)) {
      const boxId = uid('present');
      const box = h('input', { type: 'checkbox', id: boxId, checked: p.status === 'attended', 'aria-describedby': hintId });
      on(box, {
        change: () => {
          const present = box.checked;
          box.disabled = true;
          alerts.replaceChildren();
          status.textContent = '';
          registerAttendance(id, p.userId, present)
            .then((saved) => {
              const next = { ...p, ...(saved ?? {}), status: saved?.status ?? (present ? 'attended' : 'absent') };
              statusCell.replaceChildren(statusText(next));
              box.checked = next.status === 'attended';
              status.textContent = present ? m.savedPresent(p.name) : m.savedAbsent(p.name);
            })
            .catch((err: unknown) => {
              box.checked = !present;
              alerts.replaceChildren(problemAlert(err));
            })
            .finally(() => {
              box.disabled = false;
              box.focus();
            });
        },
      });
      control = h('div', { class: 'choice' }, box, h('label', { for: boxId }, m.present, h('span', { class: 'visually-hidden' }, ` – ${p.name}`)));
    }
    return h('tr', { 'data-user-id': p.userId }, h('th', { scope: 'row' }, p.name), statusCell, h('td', null, control));
  };

  return page(
    m.sessionTitle(title),
    h('p', { class: 'lead' }, sessionTime(session.start, session.end), session.location ? `, ${session.location}` : null),
    h('p', { class: 'actions' }, h('a', { href: '/trainer' }, m.toSessions), session.moduleId ? h('a', { href: `/aanbod/${enc(session.moduleId)}` }, m.toModule) : null),
    section(
      m.participants,
      participants.length === 0
        ? h('p', null, m.noParticipants)
        : [
            h('p', { id: hintId, class: 'field__hint' }, m.presentHint),
            alerts,
            h(
              'table',
              { class: 'table attendance-table', id: tableId },
              h('thead', null, h('tr', null, h('th', { scope: 'col' }, m.name), h('th', { scope: 'col' }, m.status), h('th', { scope: 'col' }, m.present))),
              h('tbody', null, participants.map(row)),
            ),
            status,
          ],
    ),
  );
}

function statusText(p: Participant): string {
  if (p.status === 'waitlisted') return lt().module.waitlisted(p.waitlistPosition ?? 0);
  return sessionStatusLabel(p.status);
}
