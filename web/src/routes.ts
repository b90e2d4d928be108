/**
 * The route table: add a page by adding a line here (and a nav entry if it belongs in
 * the main menu). Larger future pages should load on demand to keep first load small:
 *   { path: '/kennis/:slug', page: async (ctx) => (await import('./pages/article')).article(ctx) }
 * Planned: /kennis, /kennis/:slug, /aanbod (catalogue), /mijn-leren.
 */
import type { NavItem } from './layout';
import { home } from './pages/home';
import { signIn } from './pages/signIn';
import { signInCallback } from './pages/signInCallback';
import { signOut } from './pages/signOut';
import type { Route } from './router';

export const routes: readonly Route[] = [
  { path: '/', page: home },
  { path: '/aanmelden', page: signIn },
  { path: '/aanmelden/terug', page: signInCallback },
  { path: '/afmelden', page: signOut },
];

export const navItems: readonly NavItem[] = [{ href: '/', label: (m) => m.nav.home, match: 'exact' }];
