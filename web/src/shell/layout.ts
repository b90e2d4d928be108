/** Header and footer around the routed page; re-rendered on language and session changes. */
import { currentUser } from '../auth';
import type { Abilities } from '../auth';
import { config } from '../config';
import { h, on, replaceChildren } from '../dom';
import { setLang, t } from '../i18n';
import type { Messages } from '../i18n';

export interface NavItem {
  href: string;
  label: (m: Messages) => string;
  /** `prefix` keeps a section link current on its sub-pages (e.g. /kennis/...). */
  match: 'exact' | 'prefix';
  /** Only shown to signed-in readers (personal pages such as "Mijn leren"). */
  signedIn?: boolean;
  /** Only shown to readers whose abilities (from /api/me) allow it; the API still decides every request. */
  allowed?: (abilities: Abilities) => boolean;
}

export function renderHeader(el: HTMLElement, navItems: readonly NavItem[]): void {
  const m = t();
  const user = currentUser();
  const refocusLang = document.activeElement?.id === 'lang-switch';

  const langButton = on(
    h('button', { type: 'button', id: 'lang-switch', class: 'button button--quiet', lang: m.langSwitch.target, 'aria-label': m.langSwitch.label }, m.langSwitch.text),
    { click: () => setLang(m.langSwitch.target) },
  );

  const account = user
    ? h(
        'div',
        { class: 'account' },
        h('span', { class: 'account__who' }, `${m.account.signedInAs} `, h('span', { class: 'account__name', 'data-testid': 'user-name' }, user.name)),
        // The user's own account settings (features/account): TOTP, which academy-admin requires.
        h('a', { href: '/tweestapsverificatie', class: 'account__link' }, m.account.twoStep),
        h('a', { href: '/afmelden', class: 'account__link' }, m.account.signOut),
      )
    : h('div', { class: 'account' }, h('a', { href: '/aanmelden', class: 'account__link' }, m.account.signIn));

  replaceChildren(
    el,
    h(
      'div',
      { class: 'container site-header__bar' },
      h('a', { href: '/', class: 'brand' }, h('span', { class: 'brand__mark', 'aria-hidden': 'true' }), h('span', { class: 'brand__name' }, m.siteName)),
      h('p', { class: 'site-header__tagline' }, m.tagline),
      h('div', { class: 'site-header__tools' }, account, langButton),
    ),
    h(
      'nav',
      { class: 'site-nav', 'aria-label': m.nav.label },
      h(
        'ul',
        { class: 'container site-nav__list' },
        navItems.filter((item) => (!item.signedIn || user) && (!item.allowed || (user !== null && item.allowed(user.abilities)))).map((item) => h('li', null, h('a', { href: item.href, 'data-nav': item.match }, item.label(m)))),
      ),
    ),
  );
  markCurrentNav(el, location.pathname);
  if (refocusLang) document.getElementById('lang-switch')?.focus();
}

export function markCurrentNav(root: ParentNode, pathname: string): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-nav]')) {
    const href = link.getAttribute('href') ?? '';
    const current = link.dataset.nav === 'prefix' ? pathname === href || pathname.startsWith(`${href}/`) : pathname === href;
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

export function renderFooter(el: HTMLElement): void {
  const m = t();
  let local = false;
  try {
    local = config().mode === 'local';
  } catch {
    // Config not loaded yet (or failed); the footer simply omits the environment note.
  }
  replaceChildren(
    el,
    h(
      'div',
      { class: 'container site-footer__inner' },
      h('p', null, m.footer.about),
      h('p', { class: 'site-footer__meta' }, `© ${new Date().getFullYear()} ${m.siteName}`, local ? ` · ${m.footer.demo}` : null),
    ),
  );
}

export function renderSkipLink(el: HTMLElement): void {
  el.textContent = t().skipLink;
}
