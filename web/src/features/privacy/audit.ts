/**
 * /academie/audit: the audit log, newest first, filtered by period, action and person (the
 * filters are in the address, so a filtered view can be shared). Requests: GET /api/academy/audit,
 * GET /api/academy/people. The API decides who may read it (the academy).
 */
import { currentUser } from '../../auth';
import { h, on } from '../../dom';
import { navigate, type PageContext, type PageView } from '../../router';
import { field } from '../../ui/form';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import { lang } from '../../i18n';
import { listPeople, readAudit, type AuditList, type People } from './api';
import { pm } from './messages';

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

export async function auditPage(ctx: PageContext): Promise<PageView> {
  const m = pm().audit;
  if (!currentUser()) return signInRequiredPage();
  const q = { from: ctx.query.get('from') ?? '', to: ctx.query.get('to') ?? '', action: ctx.query.get('action') ?? '', actor: ctx.query.get('door') ?? '' };
  let log: AuditList;
  let people: People['people'];
  try {
    [log, { people }] = await Promise.all([readAudit(q), listPeople()]);
  } catch (err) {
    return loadFailedPage(err);
  }
  return basicPage('page--learning', m.title, h('p', { class: 'lead' }, m.intro), filters(q, log, people), entries(log));
}

function filters(q: { from: string; to: string; action: string; actor: string }, log: AuditList, people: People['people']): HTMLElement {
  const m = pm().audit;
  const from = h('input', { type: 'date', name: 'from', value: q.from || log.from });
  const to = h('input', { type: 'date', name: 'to', value: q.to || log.to });
  const action = h('select', { name: 'action' }, h('option', { value: '' }, m.anyAction), Object.entries(m.actions).map(([value, label]) => h('option', { value, selected: value === q.action }, label)));
  const actor = h('select', { name: 'door' }, h('option', { value: '' }, m.anyone), people.map((p) => h('option', { value: p.id, selected: p.id === q.actor }, p.name)));
  const form = h(
    'form',
    { class: 'audit-filters', method: 'get', action: '/academie/audit', 'aria-labelledby': 'audit-filters' },
    h('h2', { id: 'audit-filters' }, m.filters),
    field('from', m.from, from).wrapper,
    field('to', m.to, to).wrapper,
    field('action', m.action, action).wrapper,
    field('door', m.actor, actor).wrapper,
    h('p', null, h('button', { type: 'submit', class: 'button' }, m.show)),
  );
  // The router handles the address: a plain GET form would reload the whole app.
  on(form, {
    submit: (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const [k, v] of [['from', from.value], ['to', to.value], ['action', action.value], ['door', actor.value]] as const) if (v) params.set(k, v);
      navigate(`/academie/audit${params.size > 0 ? `?${params.toString()}` : ''}`);
    },
  });
  return form;
}

function entries(log: AuditList): HTMLElement {
  const m = pm().audit;
  const who = (p: { ref: string; name?: string | null }) => (p.name ? h('span', null, p.name, ' ', h('code', { class: 'note' }, p.ref)) : h('span', null, m.erased, ' ', h('code', null, p.ref)));
  return h(
    'section',
    { class: 'learning-section', 'aria-labelledby': 'audit-entries' },
    h('h2', { id: 'audit-entries' }, m.count(log.entries.length)),
    log.truncated ? h('p', { class: 'note' }, m.truncated) : null,
    log.entries.length === 0
      ? h('p', null, m.none)
      : h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'table audit-log' },
            h('caption', { class: 'visually-hidden' }, m.caption),
            h('thead', null, h('tr', null, [m.atCol, m.actionCol, m.actorCol, m.targetCol, m.detailsCol, m.requestCol].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              null,
              log.entries.map((e) =>
                h(
                  'tr',
                  { 'data-action': e.action },
                  h('th', { scope: 'row' }, h('time', { datetime: e.at }, dateTime(e.at))),
                  h('td', null, m.actions[e.action] ?? e.action),
                  h('td', null, who(e.actor)),
                  h('td', null, e.target.ref ? who({ ref: e.target.ref, name: e.target.name ?? null }) : `${e.target.kind}${e.target.id ? ` ${e.target.id}` : ''}`),
                  h('td', null, e.details ? Object.entries(e.details).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : ''),
                  h('td', null, h('code', null, e.requestId)),
                ),
              ),
            ),
          ),
        ),
  );
}
