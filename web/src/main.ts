import { onAccessWithdrawn, ProblemError } from './api';
import { onSessionChange, restoreSession } from './auth';
import { loadConfig } from './config';
import { replaceChildren } from './dom';
import { initLang, onLangChange, t } from './i18n';
import { markCurrentNav, renderFooter, renderHeader, renderSkipLink } from './shell/layout';
import { errorPage } from './shell/error';
import { notFound } from './shell/not-found';
import { navItems, routes } from './routes';
import { navigate, refresh, startRouter } from './router';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html is missing #${id}`);
  return el;
}

const header = byId('site-header');
const footer = byId('site-footer');
const main = byId('main');
const outlet = byId('page');
const skipLink = byId('skip-link');

function renderChrome(): void {
  renderSkipLink(skipLink);
  renderHeader(header, navItems);
  renderFooter(footer);
}

// Focus main without adding #main to the URL and history.
skipLink.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
});

function renderStartupError(): void {
  const view = errorPage(new ProblemError({ title: t().errors.generic, detail: t().errors.config, status: 0 }), t().errors.startTitle);
  replaceChildren(outlet, view.content);
  document.title = `${view.title} – ${t().titleSuffix}`;
}

/** The page a partner sees once their organisation's access has ended (features/partners/no-access.ts). */
const accessWithdrawnPath = '/geen-toegang';

async function boot(): Promise<void> {
  initLang();
  renderChrome();
  try {
    await loadConfig();
  } catch (err) {
    console.error(err);
    renderStartupError();
    onLangChange(() => {
      renderChrome();
      renderStartupError();
    });
    return;
  }
  // A partner whose organisation was suspended or revoked (or who was removed) sees one clear page,
  // whatever they asked for: from the first request on (the session below) and on every later one.
  onAccessWithdrawn(() => {
    if (location.pathname !== accessWithdrawnPath) navigate(accessWithdrawnPath);
  });
  // Resolve the session before the first page so signed-in readers never see the signed-out home flash.
  await restoreSession();
  renderChrome();

  onLangChange(() => {
    renderChrome();
    void refresh();
  });
  onSessionChange(() => renderHeader(header, navItems));
  startRouter({
    routes,
    notFound,
    outlet,
    focusTarget: main,
    errorPage: (err) => errorPage(err),
    afterRender: (path) => markCurrentNav(header, path),
  });
}

void boot();
