/**
 * /netwerken: every expert network, with a search box (name, theme, description, lead experts;
 * case and accents ignored) and filters (kind, theme, open to partners), as cards with the member
 * count, the lead experts (names for signed-in readers), an open-to-partners badge and the last
 * activity. The academy creates networks here. Requests: GET/POST /api/networks.
 */
import { currentAbilities } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import { navigate, updateUrl, type PageContext, type PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { formatDate } from '../../ui/format';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors, splitList } from '../../ui/form';
import { basicPage } from '../../ui/page';
import { createNetwork, overview, type NetworkSummary, type OverviewQuery } from './api';
import { nm } from './messages';

/** The page's URL parameters (Dutch, like the other pages) and the API's. */
const urlKeys: Record<keyof OverviewQuery, string> = { q: 'q', kind: 'soort', theme: 'thema', openToPartners: 'partners' };

function stateFrom(query: URLSearchParams): OverviewQuery {
  return Object.fromEntries(Object.entries(urlKeys).map(([k, u]) => [k, query.get(u)?.slice(0, 200) ?? ''])) as OverviewQuery;
}
function urlFor(state: OverviewQuery): string {
  const params = new URLSearchParams(Object.entries(urlKeys).flatMap(([k, u]) => (state[k as keyof OverviewQuery] ? [[u, state[k as keyof OverviewQuery]!]] : [])));
  return `/netwerken${params.size > 0 ? `?${params}` : ''}`;
}

export async function networksOverview(ctx: PageContext): Promise<PageView> {
  const m = nm().overview;
  let state = stateFrom(ctx.query);
  const input = h('input', { type: 'search', id: uid('netwerken-q'), name: 'q', value: state.q ?? '', autocomplete: 'off', maxlength: 200 });
  const kind = h('select', { id: uid('netwerken-soort'), name: 'soort' }, h('option', { value: '' }, m.anyKind), Object.entries(nm().kinds).map(([v, l]) => h('option', { value: v, selected: v === state.kind }, l)));
  const theme = h('select', { id: uid('netwerken-thema'), name: 'thema' }, h('option', { value: '' }, m.anyTheme));
  const partners = h(
    'select',
    { id: uid('netwerken-partners'), name: 'partners' },
    [['', m.anyPartners], ['true', m.onlyOpen], ['false', m.onlyClosed]].map(([v, l]) => h('option', { value: v!, selected: v === (state.openToPartners ?? '') }, l!)),
  );
  const label = (el: HTMLElement, text: string) => h('label', { for: el.id }, text);
  const filter = (el: HTMLElement, text: string) => h('div', { class: 'filter' }, label(el, text), el);
  const form = h(
    'form',
    { class: 'search', role: 'search', action: '/netwerken', method: 'get', novalidate: true },
    h('div', { class: 'search__main' }, label(input, m.search), h('div', { class: 'search__row' }, input, h('button', { type: 'submit', class: 'button' }, m.submit))),
    h('fieldset', { class: 'search__filters' }, h('legend', null, m.filters), filter(kind, m.kind), filter(theme, m.theme), filter(partners, m.partners), h('p', { class: 'filter filter--reset' }, h('a', { href: '/netwerken' }, m.clear))),
  );
  const alerts = h('div', { class: 'alerts' });
  const count = h('p', { class: 'result-count', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const results = h('ul', { class: 'card-grid network-cards' });
  const title = h('h2', { id: uid('netwerken-resultaten'), tabindex: -1 }, m.resultsTitle);

  // Themes to filter on: those of all (active) networks, fetched once.
  const themes = overview({}).then((all) => [...new Set(all.map((n) => n.theme))].sort((a, b) => a.localeCompare(b, 'nl'))).catch(() => [] as string[]);
  let controller: AbortController | null = null;
  const load = async (next: OverviewQuery) => {
    controller?.abort();
    controller = new AbortController();
    try {
      const [found, names] = await Promise.all([overview(next, controller.signal), themes]);
      state = next;
      replaceChildren(alerts);
      replaceChildren(theme, h('option', { value: '' }, m.anyTheme), names.map((n) => h('option', { value: n, selected: n === state.theme }, n)));
      count.textContent = found.length === 0 ? `${m.count(0)}. ${m.none}` : m.count(found.length);
      replaceChildren(results, found.map(card));
      return true;
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return false;
      replaceChildren(alerts, problemAlert(err));
      return false;
    }
  };
  on(form, {
    submit: (event) => {
      event.preventDefault();
      const next: OverviewQuery = { q: input.value.trim().slice(0, 200), kind: kind.value, theme: theme.value, openToPartners: partners.value };
      void load(next).then((ok) => {
        if (!ok) return;
        updateUrl(urlFor(state));
        title.focus();
      });
    },
  });
  for (const select of [kind, theme, partners]) on(select, { change: () => form.requestSubmit() });
  await load(state);

  return basicPage(
    'page--knowledge page--networks',
    m.title,
    h('p', { class: 'lead' }, m.intro),
    form,
    alerts,
    h('section', { class: 'results-section', 'aria-labelledby': title.id }, title, count, results),
    currentAbilities()?.manageNetworks ? createForm() : null,
  );
}

function card(n: NetworkSummary): HTMLElement {
  const m = nm().card;
  const headingId = uid('netwerk');
  return h(
    'li',
    { class: 'card network-card', 'aria-labelledby': headingId, 'data-network': n.id },
    h('h3', { id: headingId }, h('a', { href: `/netwerken/${encodeURIComponent(n.id)}` }, n.name)),
    h(
      'p',
      { class: 'network-card__badges' },
      h('span', { class: 'badge' }, nm().kinds[n.kind] ?? n.kind),
      n.openToPartners ? h('span', { class: 'badge badge--partners' }, m.open) : null,
      n.status === 'archived' ? h('span', { class: 'badge badge--archived' }, m.archived) : null,
      n.myRole ? h('span', { class: 'role-badge role-badge--small' }, `${m.yourRole}: ${nm().networkRoles[n.myRole] ?? n.myRole}`) : null,
    ),
    h('p', { class: 'network-card__theme' }, n.theme),
    h('p', { class: 'network-card__members' }, m.members(n.memberCount)),
    n.leadExperts.length > 0 ? h('p', { class: 'network-card__leads' }, `${m.leads}: `, n.leadExperts.map((l) => l.name).join(', ')) : null,
    n.lastActivityAt ? h('p', { class: 'network-card__activity' }, `${m.lastActivity}: `, h('time', { datetime: n.lastActivityAt }, formatDate(n.lastActivityAt))) : null,
  );
}

/** The academy's form for a new network (the API checks who may). */
function createForm(): HTMLElement {
  const m = nm().create;
  const name = h('input', { type: 'text', maxlength: 120, required: true });
  const theme = h('input', { type: 'text', maxlength: 80, required: true });
  const kind = h('select', null, Object.entries(nm().kinds).map(([v, l]) => h('option', { value: v }, l)));
  const open = h('input', { type: 'checkbox', id: uid('netwerk-open') });
  const description = h('textarea', { rows: 3, maxlength: 2000, required: true });
  const leads = h('input', { type: 'text', autocomplete: 'off' });
  const fields = [field('name', m.name, name), field('theme', m.theme, theme), field('kind', m.kind, kind), field('description', m.description, description), field('leads', m.leads, leads)];
  const alerts = h('div', { class: 'alerts' });
  const submit = h('button', { type: 'submit', class: 'button' }, m.submit);
  const headingId = uid('nieuw-netwerk');
  const form = h(
    'form',
    { class: 'network-create', novalidate: true },
    ...fields.map((f) => f.wrapper),
    h('p', { class: 'checkbox' }, open, ' ', h('label', { for: open.id }, m.open)),
    alerts,
    h('p', null, submit),
  );
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      submit.disabled = true;
      void createNetwork({ name: name.value.trim(), theme: theme.value.trim(), kind: kind.value as 'diagnosis', openToPartners: open.checked, description: description.value.trim(), leads: splitList(leads.value) })
        .then((created) => navigate(`/netwerken/${encodeURIComponent(created.id)}`))
        .catch((err: unknown) => alerts.replaceChildren(problemWithErrors(err, showFieldErrors(fields, (err as { errors?: Array<{ path: string; message: string }> }).errors ?? []))))
        .finally(() => (submit.disabled = false));
    },
  });
  return h('section', { class: 'learning-section network-admin', 'aria-labelledby': headingId }, h('h2', { id: headingId }, m.title), form);
}
