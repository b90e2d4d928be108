/**
 * /team: a team manager's own team (GET /api/teams/mine → /api/teams/{id}/compliance): per member
 * the mandatory training with status and expiry, overdue first; register progress where the member
 * shares it; the table as CSV. The API decides who sees which team.
 */
import { ProblemError, toProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on } from '../../dom';
import { lang } from '../../i18n';
import type { PageView } from '../../router';
import { getToken } from '../../token';
import { problemAlert } from '../../ui/alert';
import { formatDate } from '../../ui/format';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import { myTeam, teamCompliance, teamComplianceCsvUrl } from './api';
import type { TeamCompliance } from './api';
import { lastValidDay, mandatoryLabels } from './labels';
import { teamText } from './messages';

type Member = TeamCompliance['members'][number];
type Item = Member['items'][number];

export async function teamPage(): Promise<PageView> {
  const m = teamText();
  if (!currentUser()) return signInRequiredPage();
  let data: TeamCompliance;
  try {
    data = await teamCompliance((await myTeam()).teamId);
  } catch (err) {
    if (err instanceof ProblemError && err.status === 404) return basicPage('page--learning', m.titlePlain, problemAlert(err), h('p', null, m.noTeam));
    return loadFailedPage(err);
  }
  const alerts = h('div', { class: 'alerts' });
  return basicPage(
    'page--learning',
    m.title(data.teamName),
    h('p', { class: 'lead' }, m.intro),
    h('p', { 'data-testid': 'team-summary' }, m.asOf(formatDate(data.asOf)), ' ', m.summary(data.counts.members, data.counts.overdue, data.counts.due)),
    h('p', { class: 'actions' }, csvLink(teamComplianceCsvUrl(data.teamId), `team-${data.teamId}-verplichte-scholing.csv`, m.csv, alerts)),
    alerts,
    data.members.length === 0 ? h('p', null, m.noMembers) : table(data),
  );
}

function table(data: TeamCompliance): HTMLElement {
  const m = teamText();
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table team-compliance' },
      h('caption', null, m.table),
      h('thead', null, h('tr', null, [m.member, m.training, m.progress].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, data.members.map(row)),
    ),
  );
}

function row(member: Member): HTMLElement {
  const m = teamText();
  return h(
    'tr',
    { 'data-user-id': member.userId, 'data-worst': member.worst ?? 'none' },
    h('th', { scope: 'row' }, member.name, member.profession ? h('span', { class: 'team-member__profession' }, member.profession) : null),
    h('td', null, member.items.length === 0 ? m.nothing : h('ul', { class: 'mandatory-states' }, member.items.map(state))),
    h(
      'td',
      null,
      member.shared && member.registers && member.registers.length > 0
        ? h('ul', { class: 'register-progress' }, member.registers.map((r) => h('li', null, m.progressLine(r.registerName, r.earned, r.required, r.unit))))
        : h('span', { class: 'muted' }, m.notShared),
    ),
  );
}

/** One requirement: the status as a badge (words, not colour alone) and the date that matters. */
export function state(i: Item): HTMLElement {
  const l = mandatoryLabels();
  const when =
    i.status === 'overdue'
      ? l.overdueSince(formatDate(i.overdueOn))
      : i.status === 'valid' || i.status === 'due-soon'
        ? l.validTill(formatDate(lastValidDay(i.expiresOn!)))
        : l.dueOn(formatDate(i.status === 'in-grace' ? i.overdueOn : i.dueOn));
  return h('li', { 'data-module-id': i.moduleId, 'data-status': i.status }, h('span', { class: `mandatory-status mandatory-status--${i.status}` }, l.status[i.status]), ' ', i.title, h('span', { class: 'muted' }, ` (${when})`));
}

/** The CSV needs the bearer token: fetched on click and handed to the browser as a file. */
function csvLink(url: string, filename: string, label: string, alerts: HTMLElement): HTMLAnchorElement {
  const link = h('a', { href: url, download: filename, class: 'button button--secondary' }, label);
  on(link, {
    click: (event) => {
      event.preventDefault();
      alerts.replaceChildren();
      const token = getToken();
      fetch(url, { headers: { Accept: 'text/csv, application/problem+json', 'Accept-Language': lang(), ...(token ? { Authorization: `Bearer ${token}` } : {}) } })
        .then(async (res) => {
          if (!res.ok) throw await toProblemError(res);
          const blobUrl = URL.createObjectURL(await res.blob());
          const a = h('a', { href: blobUrl, download: filename });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
        })
        .catch((err: unknown) => alerts.replaceChildren(problemAlert(err)));
    },
  });
  return link;
}
