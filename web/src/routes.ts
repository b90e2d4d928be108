/**
 * The route table: add a page by adding a line here (and a nav entry if it belongs in
 * the main menu). Pages beyond the shell load on demand so the first load stays small:
 * each knowledge page is a dynamic import, and Vite puts the shared knowledge code in its own
 * chunk. Static paths come before `/kennis/:slug`, which would otherwise match them.
 * Planned: /aanbod (catalogue), /mijn-leren.
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
  { path: '/kennis', page: async (ctx) => (await import('./pages/knowledge/search')).knowledgeSearch(ctx) },
  { path: '/kennis/nieuw', page: async (ctx) => (await import('./pages/knowledge/editor')).knowledgeEditor(ctx) },
  { path: '/kennis/bewerken/:id', page: async (ctx) => (await import('./pages/knowledge/editor')).knowledgeEditor(ctx) },
  { path: '/kennis/review', page: async () => (await import('./pages/knowledge/review')).knowledgeWork() },
  { path: '/kennis/review/:id', page: async (ctx) => (await import('./pages/knowledge/review')).knowledgeReview(ctx) },
  { path: '/kennis/geschiedenis/:id', page: async (ctx) => (await import('./pages/knowledge/history')).knowledgeHistory(ctx) },
  { path: '/kennis/signalen/:networkId', page: async (ctx) => (await import('./pages/knowledge/signals')).networkSignals(ctx) },
  { path: '/kennis/:slug', page: async (ctx) => (await import('./pages/knowledge/article')).knowledgeArticle(ctx) },
  { path: '/mijn-signalen', page: async () => (await import('./pages/knowledge/signals')).mySignals() },
];

export const navItems: readonly NavItem[] = [
  { href: '/', label: (m) => m.nav.home, match: 'exact' },
  { href: '/kennis', label: (m) => m.nav.knowledge, match: 'prefix' },
];
