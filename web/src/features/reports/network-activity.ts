/**
 * /academie/netwerken-activiteit: every expert network side by side in one quarter, as a table and a
 * small hand-made SVG bar chart (./charts.ts), so the academy sees which networks live. Request:
 * GET /api/academy/network-activity?quarter= (the academy; the API decides).
 */
import type { z } from 'zod';
import { api, ProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on, replaceChildren } from '../../dom';
import type { PageContext, PageView } from '../../router';
import { navigate } from '../../router';
import { field, problemWithErrors, showFieldErrors } from '../../ui/form';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import type { AcademyNetworkActivitySchema } from '../../../../functions/src/reports/activity/schemas';
import { barChart } from './charts';
import { nat } from './network-activity-messages';

type AcademyNetworkActivity = z.infer<typeof AcademyNetworkActivitySchema>;
const columns = ['membersJoined', 'articlesPublished', 'articlesReviewed', 'eventsHeld', 'attendance', 'questionsAsked', 'questionsAnswered', 'medianHoursToAnswer'] as const;

export async function networkActivityPage(ctx: PageContext): Promise<PageView> {
  const m = nat();
  if (!currentUser()) return signInRequiredPage();
  const quarter = ctx.query.get('kwartaal') ?? undefined;
  let data: AcademyNetworkActivity;
  try {
    data = await api<AcademyNetworkActivity>(`/api/academy/network-activity${quarter ? `?quarter=${encodeURIComponent(quarter)}` : ''}`);
  } catch (err) {
    if (!(err instanceof ProblemError && err.status === 400)) return loadFailedPage(err);
    return basicPage('page--learning', m.title, quarterForm(quarter ?? ''), problemWithErrors(err));
  }
  const number = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL').format(n));
  const total = (r: AcademyNetworkActivity['networks'][number]) => r.membersJoined + r.articlesPublished + r.articlesReviewed + r.eventsHeld + r.questionsAsked + r.questionsAnswered;
  const chart = barChart({ title: m.chartTitle(data.quarter), desc: m.chartDesc(data.networks.length), bars: data.networks.map((r) => ({ label: r.name, value: total(r) })), format: (n) => number(n) });
  return basicPage(
    'page--learning',
    m.title,
    h('p', null, h('a', { href: '/academie/beheer' }, m.back)),
    h('p', { class: 'lead' }, m.intro),
    quarterForm(data.quarter),
    h('section', { class: 'reports-section', 'aria-label': m.activity }, h('div', { class: 'reports-chart' }, chart)),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'group', 'aria-label': m.caption(data.quarter) },
      h(
        'table',
        { class: 'table reports-table' },
        h('caption', null, m.caption(data.quarter)),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, m.network), h('th', { scope: 'col' }, m.members), columns.map((c) => h('th', { scope: 'col' }, m.columns[c])))),
        h('tbody', null, data.networks.map((r) => h('tr', null, h('th', { scope: 'row' }, r.name), h('td', { class: 'num' }, number(r.members)), columns.map((c) => h('td', { class: 'num' }, number(r[c])))))),
      ),
    ),
  );
}

function quarterForm(value: string): HTMLElement {
  const m = nat();
  const input = h('input', { type: 'text', value, pattern: '\\d{4}-Q[1-4]', inputmode: 'text', size: 8 });
  const f = field('quarter', m.quarter, input, m.quarterHint);
  const alerts = h('div');
  const form = h('form', { class: 'reports-filters', novalidate: true }, f.wrapper, h('p', null, h('button', { type: 'submit', class: 'button' }, m.show)), alerts);
  on(form, {
    submit: (event) => {
      event.preventDefault();
      replaceChildren(alerts);
      if (input.value && !/^\d{4}-Q[1-4]$/.test(input.value.trim())) return void showFieldErrors([f], [{ path: 'quarter', message: m.quarterHint }]);
      navigate(`/academie/netwerken-activiteit${input.value.trim() ? `?kwartaal=${encodeURIComponent(input.value.trim())}` : ''}`);
    },
  });
  return form;
}
