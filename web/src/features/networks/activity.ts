/**
 * The network's activity per quarter, on its page (`activitySection`): a table for the network's
 * lead experts and the academy. Anyone else gets nothing (the API answers 403 and the section stays
 * away). Request: GET /api/networks/{id}/activity.
 */
import type { z } from 'zod';
import { api, ProblemError } from '../../api';
import { currentAbilities } from '../../auth';
import { h, uid } from '../../dom';
import { problemAlert } from '../../ui/alert';
import type { NetworkActivitySchema } from '../../../../functions/src/reports/activity/schemas';
import { at } from './activity-messages';

type NetworkActivity = z.infer<typeof NetworkActivitySchema>;
const columns = ['membersJoined', 'articlesPublished', 'articlesReviewed', 'eventsHeld', 'attendance', 'questionsAsked', 'questionsAnswered', 'medianHoursToAnswer'] as const;

export async function activitySection(networkId: string): Promise<HTMLElement | null> {
  // Asked only of those it is for (the network's lead experts: `publish` in the network; the academy), so nobody else meets a 403.
  const abilities = currentAbilities();
  if (!abilities || !(abilities.learning.reports || abilities.networks.some((n) => n.networkId === networkId && n.publish))) return null;
  let data: NetworkActivity;
  try {
    data = await api<NetworkActivity>(`/api/networks/${encodeURIComponent(networkId)}/activity`);
  } catch (err) {
    if (err instanceof ProblemError && (err.status === 403 || err.status === 404)) return null;
    return problemAlert(err);
  }
  const m = at();
  const headingId = uid('activity');
  const number = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL').format(n));
  return h(
    'section',
    { class: 'learning-section network-activity', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, m.title),
    h('p', null, m.intro(data.year), ' ', m.members(data.members)),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'group', 'aria-label': m.caption(data.year) },
      h(
        'table',
        { class: 'table reports-table' },
        h('caption', null, m.caption(data.year)),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, m.quarter), columns.map((c) => h('th', { scope: 'col' }, m.columns[c])))),
        h('tbody', null, data.quarters.map((q) => h('tr', null, h('th', { scope: 'row' }, q.quarter), columns.map((c) => h('td', null, number(q[c])))))),
      ),
    ),
  );
}
