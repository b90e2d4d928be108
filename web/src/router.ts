/**
 * History-API router. Pages are plain functions returning a title and a DOM node;
 * the router owns everything cross-cutting: document.title, aria-current, focus.
 */
import { replaceChildren } from './dom';
import { t } from './i18n';

export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
}

export interface PageView {
  /** Page name without the site suffix; becomes document.title. */
  title: string;
  content: Node;
}

export type Page = (ctx: PageContext) => PageView | Promise<PageView>;

export interface Route {
  /** `/kennis/:slug` style; `:name` matches one non-empty segment. */
  path: string;
  page: Page;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export function normalisePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

export function matchRoute(routes: readonly Route[], pathname: string): Match | null {
  const parts = normalisePath(pathname).split('/');
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((seg, i) => {
      const actual = parts[i] ?? '';
      if (!seg.startsWith(':')) return seg === actual;
      if (actual === '') return false;
      try {
        params[seg.slice(1)] = decodeURIComponent(actual);
        return true;
      } catch {
        return false;
      }
    });
    if (ok) return { route, params };
  }
  return null;
}

interface RouterOptions {
  routes: readonly Route[];
  notFound: Page;
  outlet: HTMLElement;
  focusTarget: HTMLElement;
  /** Shown when a page throws, so a failed load still yields a page with an h1 and an alert. */
  errorPage: (err: unknown) => PageView;
  afterRender?: (path: string) => void;
}

let options: RouterOptions | null = null;
let renderSeq = 0;
let renderedUrl = '';

export function startRouter(opts: RouterOptions): void {
  options = opts;
  document.addEventListener('click', onLinkClick);
  window.addEventListener('popstate', () => {
    // Fragment-only changes (#main) must not re-render the page.
    if (currentUrl() !== renderedUrl) void render({ focus: true });
  });
  void render({ focus: false });
}

function currentUrl(): string {
  return location.pathname + location.search;
}

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  void render({ focus: true });
}

/**
 * Records a new URL for what is already on screen (e.g. search state updated in place) without
 * re-rendering: Back/Forward then re-render the other URL from scratch, as any navigation does.
 */
export function updateUrl(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  renderedUrl = currentUrl();
}

/** Re-renders the current page in place, e.g. after a language switch, without moving focus. */
export function refresh(): Promise<void> {
  return render({ focus: false, keepScroll: true });
}

async function render({ focus, keepScroll = false }: { focus: boolean; keepScroll?: boolean }): Promise<void> {
  if (!options) return;
  const seq = ++renderSeq;
  const { routes, notFound, outlet, focusTarget, errorPage, afterRender } = options;
  const path = normalisePath(location.pathname);
  const match = matchRoute(routes, path);
  const ctx: PageContext = { params: match?.params ?? {}, query: new URLSearchParams(location.search), path };
  outlet.setAttribute('aria-busy', 'true');
  let view: PageView;
  try {
    view = await (match ? match.route.page : notFound)(ctx);
  } catch (err) {
    view = errorPage(err);
  }
  // A slower earlier navigation must not overwrite a newer one.
  if (seq !== renderSeq) return;

  renderedUrl = currentUrl();
  outlet.removeAttribute('aria-busy');
  const focusedId = document.activeElement && outlet.contains(document.activeElement) ? document.activeElement.id : '';
  replaceChildren(outlet, view.content);
  document.title = `${view.title} – ${t().titleSuffix}`;
  afterRender?.(path);
  if (!keepScroll) window.scrollTo(0, 0);

  if (focus) {
    // Moving focus to the new h1 is what tells screen-reader users the page changed.
    const heading = outlet.querySelector('h1');
    const target = heading ?? focusTarget;
    target.setAttribute('tabindex', '-1');
    target.focus();
  } else if (focusedId) {
    document.getElementById(focusedId)?.focus();
  }
}

function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.hasAttribute('download')) return;
  if (anchor.target && anchor.target !== '_self') return;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return;
  // Files and the API are served by the server, not by the SPA.
  if (url.pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(url.pathname)) return;
  event.preventDefault();
  if (url.pathname + url.search === currentUrl()) {
    void render({ focus: true });
    return;
  }
  navigate(url.pathname + url.search + url.hash);
}
