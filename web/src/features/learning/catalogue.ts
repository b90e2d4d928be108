/**
 * /aanbod: the course catalogue. Like the knowledge search, the state lives in the URL
 * (?q=&vorm=&netwerk=&thema=&register=&taal=&vanaf=&tot=&pagina=): a search fetches first, then
 * records the URL without re-rendering, and the count is announced in a polite live region.
 * Filters apply on "Zoeken" only (no change of context on select, WCAG 3.2.2).
 */
import { h, on, replaceChildren, uid } from '../../dom';
import { t } from '../../i18n';
import type { PageContext, PageView } from '../../router';
import { updateUrl } from '../../router';
import { problemAlert } from '../../ui/alert';
import { contentLang, languageLabel } from '../../ui/format';
import { ut } from '../../ui/messages';
import { catalogue as fetchCatalogue } from './api';
import type { Catalogue, ModuleSummary } from './api';
import { accreditationText, duration, enc, isKind, kindBadge, kindLabel, kindOrder, networkNames, sessionTime } from './common';
import { lt } from './messages';

export const pageSize = 20;

export interface CatalogueState {
  q: string;
  kind: string;
  network: string;
  theme: string;
  register: string;
  language: string;
  from: string;
  to: string;
  page: number;
}

const languages = ['nl', 'en'] as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** URL (Dutch parameter names) → state; unknown values are dropped rather than sent to the API. */
export function stateFromQuery(query: URLSearchParams): CatalogueState {
  const pick = (key: string, max: number) => (query.get(key) ?? '').trim().slice(0, max);
  const kind = pick('vorm', 20);
  const language = pick('taal', 5);
  const from = pick('vanaf', 10);
  const to = pick('tot', 10);
  const page = Number.parseInt(query.get('pagina') ?? '1', 10);
  return {
    q: pick('q', 200),
    kind: isKind(kind) ? kind : '',
    network: pick('netwerk', 80),
    theme: pick('thema', 40),
    register: pick('register', 80),
    language: (languages as readonly string[]).includes(language) ? language : '',
    from: isoDate.test(from) ? from : '',
    to: isoDate.test(to) ? to : '',
    page: Number.isFinite(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

export function urlFor(state: CatalogueState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.kind) params.set('vorm', state.kind);
  if (state.network) params.set('netwerk', state.network);
  if (state.theme) params.set('thema', state.theme);
  if (state.register) params.set('register', state.register);
  if (state.language) params.set('taal', state.language);
  if (state.from) params.set('vanaf', state.from);
  if (state.to) params.set('tot', state.to);
  if (state.page > 1) params.set('pagina', String(state.page));
  const query = params.toString();
  return query ? `/aanbod?${query}` : '/aanbod';
}

export function apiPathFor(state: CatalogueState): string {
  const params = new URLSearchParams({ limit: String(pageSize), offset: String((state.page - 1) * pageSize) });
  if (state.q) params.set('q', state.q);
  if (state.kind) params.set('kind', state.kind);
  if (state.network) params.set('network', state.network);
  if (state.theme) params.set('theme', state.theme);
  if (state.register) params.set('register', state.register);
  if (state.language) params.set('language', state.language);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return `/api/modules?${params}`;
}

export async function catalogue(ctx: PageContext): Promise<PageView> {
  const m = lt().catalogue;
  let state = stateFromQuery(ctx.query);

  const input = h('input', { type: 'search', id: uid('aanbod-q'), name: 'q', value: state.q, autocomplete: 'off', maxlength: 200 });
  const selects = {
    kind: h('select', { id: uid('aanbod-vorm'), name: 'vorm' }),
    network: h('select', { id: uid('aanbod-netwerk'), name: 'netwerk' }),
    theme: h('select', { id: uid('aanbod-thema'), name: 'thema' }),
    register: h('select', { id: uid('aanbod-register'), name: 'register' }),
    language: h('select', { id: uid('aanbod-taal'), name: 'taal' }),
  };
  const from = h('input', { type: 'date', id: uid('aanbod-vanaf'), name: 'vanaf', value: state.from });
  const to = h('input', { type: 'date', id: uid('aanbod-tot'), name: 'tot', value: state.to });
  const rangeError = h('p', { class: 'field__error', id: uid('aanbod-tot-error'), hidden: true });

  const alerts = h('div', { class: 'alerts' });
  const count = h('p', { class: 'result-count', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const results = h('ol', { class: 'results module-results' });
  const pager = h('nav', { class: 'pager', 'aria-label': ut().pager.label });
  const resultsTitle = h('h2', { id: uid('results-title'), tabindex: -1 }, m.resultsTitle);
  const resultsSection = h('section', { class: 'results-section', 'aria-labelledby': resultsTitle.id }, resultsTitle, count, results, pager);

  const label = (el: HTMLElement, text: string) => h('label', { for: el.id }, text);
  const filter = (el: HTMLElement, text: string, ...extra: (Node | null)[]) => h('div', { class: 'filter' }, label(el, text), ...extra, el);
  const form = h(
    'form',
    { class: 'search', role: 'search', action: '/aanbod', method: 'get', novalidate: true },
    h('div', { class: 'search__main' }, label(input, m.search), h('div', { class: 'search__row' }, input, h('button', { type: 'submit', class: 'button' }, m.submit))),
    h(
      'fieldset',
      { class: 'search__filters' },
      h('legend', null, m.filters),
      filter(selects.kind, m.kind),
      filter(selects.network, m.network),
      filter(selects.theme, m.theme),
      filter(selects.register, m.register),
      filter(selects.language, m.language),
      filter(from, m.from),
      filter(to, m.to, rangeError),
      h('p', { class: 'filter filter--reset' }, h('a', { href: '/aanbod' }, m.clear)),
    ),
  );

  const setRangeError = (message: string | null) => {
    rangeError.textContent = message ?? '';
    rangeError.hidden = !message;
    if (message) {
      to.setAttribute('aria-invalid', 'true');
      to.setAttribute('aria-describedby', rangeError.id);
    } else {
      to.removeAttribute('aria-invalid');
      to.removeAttribute('aria-describedby');
    }
  };

  let controller: AbortController | null = null;
  const load = async (next: CatalogueState): Promise<boolean> => {
    controller?.abort();
    controller = new AbortController();
    resultsSection.setAttribute('aria-busy', 'true');
    try {
      const [result, names] = await Promise.all([fetchCatalogue(apiPathFor(next), controller.signal), networkNames()]);
      state = next;
      replaceChildren(alerts);
      renderFilters(selects, state, result, names);
      count.textContent = result.total === 0 ? `${m.count(0)}. ${m.none}` : m.count(result.total);
      replaceChildren(results, result.modules.map((mod) => moduleItem(mod, names)));
      renderPager(result.total);
      return true;
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return false;
      replaceChildren(alerts, problemAlert(err));
      count.textContent = '';
      replaceChildren(results);
      replaceChildren(pager);
      pager.hidden = true;
      return false;
    } finally {
      resultsSection.removeAttribute('aria-busy');
    }
  };

  const renderPager = (total: number) => {
    const s = ut().pager;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    pager.hidden = pages <= 1;
    if (pages <= 1) return replaceChildren(pager);
    const link = (target: number, text: string, rel: string) =>
      on(h('a', { href: urlFor({ ...state, page: target }), rel, class: 'button button--secondary' }, text), {
        click: (event) => {
          event.preventDefault();
          void go({ ...state, page: target }).then(() => resultsTitle.focus());
        },
      });
    replaceChildren(
      pager,
      state.page > 1 ? link(state.page - 1, s.previous, 'prev') : null,
      h('span', { class: 'pager__position' }, s.pageOf(Math.min(state.page, pages), pages)),
      state.page < pages ? link(state.page + 1, s.next, 'next') : null,
    );
  };

  const go = async (next: CatalogueState) => {
    if (!(await load(next))) return;
    updateUrl(urlFor(state));
    document.title = `${titleFor(state)} – ${t().titleSuffix}`;
  };

  on(form, {
    submit: (event) => {
      event.preventDefault();
      const next: CatalogueState = {
        q: input.value.trim().slice(0, 200),
        kind: selects.kind.value,
        network: selects.network.value,
        theme: selects.theme.value,
        register: selects.register.value,
        language: selects.language.value,
        from: isoDate.test(from.value) ? from.value : '',
        to: isoDate.test(to.value) ? to.value : '',
        page: 1,
      };
      if (next.from && next.to && next.to < next.from) {
        setRangeError(m.invalidRange);
        to.focus();
        return;
      }
      setRangeError(null);
      void go(next);
    },
  });

  await load(state);
  return {
    title: titleFor(state),
    content: h(
      'div',
      { class: 'page page--learning' },
      h('h1', null, m.title),
      h('p', { class: 'lead' }, m.intro),
      h('p', null, h('a', { href: '/leerpaden' }, m.paths)),
      form,
      alerts,
      resultsSection,
    ),
  };
}

function titleFor(state: CatalogueState): string {
  const m = lt().catalogue;
  return state.q ? `${state.q} – ${m.title}` : m.title;
}

interface FilterSelects {
  kind: HTMLSelectElement;
  network: HTMLSelectElement;
  theme: HTMLSelectElement;
  register: HTMLSelectElement;
  language: HTMLSelectElement;
}

/** Options from the facets (with counts), plus the active value so a filter never disappears. */
function renderFilters(selects: FilterSelects, state: CatalogueState, result: Catalogue, names: Map<string, string>): void {
  const m = lt().catalogue;
  const withCount = ut().withCount;
  const fill = (select: HTMLSelectElement, all: string, facet: Record<string, number> | undefined, selected: string, labelOf: (v: string) => string, order?: readonly string[]) => {
    const counts = facet ?? {};
    const values = Object.keys(counts).filter((v) => (counts[v] ?? 0) > 0);
    if (selected && !values.includes(selected)) values.push(selected);
    if (order) values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    else values.sort((a, b) => labelOf(a).localeCompare(labelOf(b), 'nl'));
    replaceChildren(
      select,
      h('option', { value: '' }, all),
      values.map((v) => h('option', { value: v, selected: v === selected }, counts[v] ? withCount(labelOf(v), counts[v]) : labelOf(v))),
    );
    select.value = selected;
  };
  fill(selects.kind, m.allKinds, result.facets?.kind, state.kind, kindLabel, kindOrder);
  fill(selects.network, m.allNetworks, result.facets?.network, state.network, (v) => names.get(v) ?? v);
  fill(selects.theme, m.allThemes, result.facets?.theme, state.theme, (v) => v);
  fill(selects.register, m.allRegisters, result.facets?.register, state.register, (v) => v);
  fill(selects.language, m.allLanguages, result.facets?.language, state.language, languageLabel, languages);
}

function moduleItem(mod: ModuleSummary, names: Map<string, string>): HTMLElement {
  const m = lt().catalogue;
  const lang = contentLang(mod.language);
  const network = mod.networkId ? (names.get(mod.networkId) ?? mod.networkId) : null;
  const next = mod.nextSession;
  return h(
    'li',
    { class: 'result module-result' },
    h('h3', { class: 'result__title', lang }, h('a', { href: `/aanbod/${enc(mod.id)}` }, mod.title)),
    h(
      'p',
      { class: 'result__meta' },
      kindBadge(mod.kind),
      mod.durationMinutes ? h('span', null, `${m.duration} ${duration(mod.durationMinutes)}`) : null,
      network ? h('span', null, network) : null,
      mod.accreditation.length > 0 ? h('span', null, `${m.accreditation} ${accreditationText(mod.accreditation)}`) : null,
    ),
    mod.summary ? h('p', { class: 'result__snippet', lang }, mod.summary) : null,
    next
      ? h(
          'p',
          { class: 'module-result__session' },
          `${m.nextSession} `,
          sessionTime(next.start, next.end),
          next.location ? `, ${next.location}` : null,
          ` (${m.seatsLeft(next.seatsLeft)})`,
        )
      : null,
  );
}
