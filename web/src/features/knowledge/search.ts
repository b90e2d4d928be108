/**
 * /kennis: search and browse. The state lives in the URL (?q=&netwerk=&thema=&doelgroep=&taal=&pagina=)
 * so results are linkable and Back/Forward work; a new search updates the results in place and
 * announces the count in a polite live region instead of reloading the page.
 */
import { h, on, replaceChildren, uid } from '../../dom';
import { t } from '../../i18n';
import type { PageContext, PageView } from '../../router';
import { updateUrl } from '../../router';
import { problemAlert } from '../../ui/alert';
import { contentLang, languageLabel, time } from '../../ui/format';
import { ut } from '../../ui/messages';
import { networks as fetchNetworks, searchArticles } from './api';
import type { Network, SearchHit, SearchResult } from './api';
import { audienceBadge, audienceLabel } from './common';
import { highlighted } from './highlight';
import { kt } from './messages';

export const pageSize = 10;

export interface SearchState {
  q: string;
  network: string;
  theme: string;
  audience: string;
  language: string;
  page: number;
}

const audiences = ['internal', 'partners', 'public'] as const;
const languages = ['nl', 'en'] as const;

/** URL (Dutch parameter names) → state; unknown values are dropped rather than sent to the API. */
export function stateFromQuery(query: URLSearchParams): SearchState {
  const pick = (key: string, max: number) => (query.get(key) ?? '').trim().slice(0, max);
  const audience = pick('doelgroep', 20);
  const language = pick('taal', 5);
  const page = Number.parseInt(query.get('pagina') ?? '1', 10);
  return {
    q: pick('q', 200),
    network: pick('netwerk', 80),
    theme: pick('thema', 40),
    audience: (audiences as readonly string[]).includes(audience) ? audience : '',
    language: (languages as readonly string[]).includes(language) ? language : '',
    page: Number.isFinite(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

export function urlFor(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.network) params.set('netwerk', state.network);
  if (state.theme) params.set('thema', state.theme);
  if (state.audience) params.set('doelgroep', state.audience);
  if (state.language) params.set('taal', state.language);
  if (state.page > 1) params.set('pagina', String(state.page));
  const query = params.toString();
  return query ? `/kennis?${query}` : '/kennis';
}

export function apiPathFor(state: SearchState): string {
  const params = new URLSearchParams({ q: state.q, limit: String(pageSize), offset: String((state.page - 1) * pageSize) });
  if (state.network) params.set('network', state.network);
  if (state.theme) params.set('theme', state.theme);
  if (state.audience) params.set('audience', state.audience);
  if (state.language) params.set('language', state.language);
  return `/api/articles?${params}`;
}

let networksCache: Promise<Network[]> | null = null;
/** Network names rarely change; one request per visit is enough. A failure is retried next time. */
function networks(): Promise<Network[]> {
  networksCache ??= fetchNetworks().catch((err) => {
    networksCache = null;
    throw err;
  });
  return networksCache;
}

export async function knowledgeSearch(ctx: PageContext): Promise<PageView> {
  const m = kt();
  let state = stateFromQuery(ctx.query);

  const input = h('input', { type: 'search', id: uid('kennis-q'), name: 'q', value: state.q, autocomplete: 'off', maxlength: 200 });
  const selects = {
    network: h('select', { id: uid('kennis-netwerk'), name: 'netwerk' }),
    theme: h('select', { id: uid('kennis-thema'), name: 'thema' }),
    audience: h('select', { id: uid('kennis-doelgroep'), name: 'doelgroep' }),
    language: h('select', { id: uid('kennis-taal'), name: 'taal' }),
  };
  const alerts = h('div', { class: 'alerts' });
  const count = h('p', { class: 'result-count', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const results = h('ol', { class: 'results' });
  const pager = h('nav', { class: 'pager', 'aria-label': ut().pager.label });
  const resultsTitle = h('h2', { id: uid('results-title'), tabindex: -1 }, m.search.resultsTitle);
  const section = h('section', { class: 'results-section', 'aria-labelledby': resultsTitle.id }, resultsTitle, count, results, pager);

  const label = (el: HTMLElement, text: string) => h('label', { for: el.id }, text);
  const form = h(
    'form',
    { class: 'search', role: 'search', action: '/kennis', method: 'get', novalidate: true },
    h('div', { class: 'search__main' }, label(input, m.search.label), h('div', { class: 'search__row' }, input, h('button', { type: 'submit', class: 'button' }, m.search.submit))),
    h(
      'fieldset',
      { class: 'search__filters' },
      h('legend', null, m.search.filters),
      h('div', { class: 'filter' }, label(selects.network, m.search.network), selects.network),
      h('div', { class: 'filter' }, label(selects.theme, m.search.theme), selects.theme),
      h('div', { class: 'filter' }, label(selects.audience, m.search.audience), selects.audience),
      h('div', { class: 'filter' }, label(selects.language, m.search.language), selects.language),
      h('p', { class: 'filter filter--reset' }, h('a', { href: '/kennis' }, m.search.clear)),
    ),
  );

  let controller: AbortController | null = null;
  const load = async (next: SearchState): Promise<boolean> => {
    controller?.abort();
    controller = new AbortController();
    section.setAttribute('aria-busy', 'true');
    try {
      const [result, nets] = await Promise.all([
        searchArticles(apiPathFor(next), controller.signal),
        networks().catch(() => [] as Network[]),
      ]);
      state = next;
      replaceChildren(alerts);
      renderFilters(selects, state, result, nets);
      renderResults(result, nets);
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
      section.removeAttribute('aria-busy');
    }
  };

  const renderResults = (result: SearchResult, nets: Network[]) => {
    const names = new Map(nets.map((n) => [n.id, n.name]));
    count.textContent = result.total === 0 ? `${m.search.count(0)}. ${m.search.none}` : m.search.count(result.total);
    replaceChildren(results, result.results.map((hit) => resultItem(hit, names.get(hit.network) ?? hit.networkName)));
    renderPager(result.total);
  };

  const renderPager = (total: number) => {
    const pages = Math.max(1, Math.ceil(total / pageSize));
    // No empty navigation landmark when everything fits on one page.
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
      state.page > 1 ? link(state.page - 1, ut().pager.previous, 'prev') : null,
      h('span', { class: 'pager__position' }, ut().pager.pageOf(Math.min(state.page, pages), pages)),
      state.page < pages ? link(state.page + 1, ut().pager.next, 'next') : null,
    );
  };

  /** A new state from the reader: fetch, then record it in history (only once it has loaded). */
  const go = async (next: SearchState) => {
    if (!(await load(next))) return;
    updateUrl(urlFor(state));
    document.title = `${titleFor(state)} – ${t().titleSuffix}`;
  };

  on(form, {
    submit: (event) => {
      event.preventDefault();
      void go({
        q: input.value.trim().slice(0, 200),
        network: selects.network.value,
        theme: selects.theme.value,
        audience: selects.audience.value,
        language: selects.language.value,
        page: 1,
      });
    },
  });

  await load(state);
  return {
    title: titleFor(state),
    content: h('div', { class: 'page page--knowledge' }, h('h1', null, m.title), h('p', { class: 'lead' }, m.intro), form, alerts, section),
  };
}

function titleFor(state: SearchState): string {
  const m = kt();
  return state.q ? `${state.q} – ${m.title}` : m.title;
}

interface FilterSelects {
  network: HTMLSelectElement;
  theme: HTMLSelectElement;
  audience: HTMLSelectElement;
  language: HTMLSelectElement;
}

/**
 * Options come from the facets of the current result set (with counts), plus the active value so
 * a filter never silently disappears; networks are named from GET /api/networks.
 */
function renderFilters(selects: FilterSelects, state: SearchState, result: SearchResult, nets: Network[]): void {
  const m = kt().search;
  const names = new Map(nets.map((n) => [n.id, n.name]));
  for (const hit of result.results) if (!names.has(hit.network)) names.set(hit.network, hit.networkName);
  const fill = (select: HTMLSelectElement, all: string, facet: Record<string, number>, selected: string, labelOf: (v: string) => string, order?: readonly string[]) => {
    const values = Object.keys(facet).filter((v) => (facet[v] ?? 0) > 0);
    if (selected && !values.includes(selected)) values.push(selected);
    if (order) values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    else values.sort((a, b) => labelOf(a).localeCompare(labelOf(b), 'nl'));
    replaceChildren(
      select,
      h('option', { value: '' }, all),
      values.map((v) => h('option', { value: v, selected: v === selected }, facet[v] ? ut().withCount(labelOf(v), facet[v]) : labelOf(v))),
    );
    select.value = selected;
  };
  fill(selects.network, m.allNetworks, result.facets?.network ?? {}, state.network, (v) => names.get(v) ?? v);
  fill(selects.theme, m.allThemes, result.facets?.theme ?? {}, state.theme, (v) => v);
  fill(selects.audience, m.allAudiences, result.facets?.audience ?? {}, state.audience, audienceLabel, audiences);
  fill(selects.language, m.allLanguages, result.facets?.language ?? {}, state.language, languageLabel, languages);
}

function resultItem(hit: SearchHit, networkName: string): HTMLElement {
  const lang = contentLang(hit.language);
  return h(
    'li',
    { class: 'result' },
    h('h3', { class: 'result__title', lang }, h('a', { href: `/kennis/${encodeURIComponent(hit.slug)}` }, hit.highlights?.title ? highlighted(hit.highlights.title) : hit.title)),
    h('p', { class: 'result__meta' }, h('span', null, networkName), audienceBadge(hit.audience), h('span', null, `${kt().search.published} `, time(hit.publishedAt))),
    h('p', { class: 'result__snippet', lang }, hit.snippet ? highlighted(hit.snippet) : hit.summary),
  );
}
