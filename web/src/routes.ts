/**
 * The route table: add a page by adding a line here (and a nav entry if it belongs in
 * the main menu). Pages beyond the shell load on demand so the first load stays small:
 * each knowledge page is a dynamic import, and Vite puts the shared knowledge code in its own
 * chunk. Static paths come before `/kennis/:slug`, which would otherwise match them.
 * The learning pages (`pages/learning/`) load the same way: catalogue, module, paths, my learning,
 * evaluation and the trainer's attendance pages each have their own chunk; so do the academy
 * management pages (`/academie/…`, texts in `admin-messages.ts`), shown in the menu to
 * academy administrators and authors only (the API decides in any case).
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
  { path: '/kennis/netwerk/:networkId', page: async (ctx) => (await import('./pages/knowledge/network-articles')).networkArticles(ctx) },
  { path: '/kennis/signalen/:networkId', page: async (ctx) => (await import('./pages/knowledge/signals')).networkSignals(ctx) },
  { path: '/kennis/:slug', page: async (ctx) => (await import('./pages/knowledge/article')).knowledgeArticle(ctx) },
  { path: '/mijn-signalen', page: async () => (await import('./pages/knowledge/signals')).mySignals() },
  { path: '/aanbod', page: async (ctx) => (await import('./pages/learning/catalogue')).catalogue(ctx) },
  { path: '/aanbod/:moduleId', page: async (ctx) => (await import('./pages/learning/module')).modulePage(ctx) },
  { path: '/leerpaden', page: async () => (await import('./pages/learning/paths')).pathList() },
  { path: '/leerpaden/:pathId', page: async (ctx) => (await import('./pages/learning/paths')).pathPage(ctx) },
  { path: '/mijn-leren', page: async () => (await import('./pages/learning/mine')).myLearning() },
  { path: '/evaluatie/:targetType/:targetId', page: async (ctx) => (await import('./pages/learning/evaluation')).evaluationPage(ctx) },
  { path: '/academie/beheer', page: async () => (await import('./pages/learning/admin')).academyOverview() },
  { path: '/academie/modules/nieuw', page: async (ctx) => (await import('./pages/learning/admin-module')).moduleEditor(ctx) },
  { path: '/academie/modules/:id', page: async (ctx) => (await import('./pages/learning/admin-module')).moduleEditor(ctx) },
  { path: '/academie/leerpaden/nieuw', page: async (ctx) => (await import('./pages/learning/admin-path')).pathEditor(ctx) },
  { path: '/academie/leerpaden/:pathId/nieuwe-versie', page: async (ctx) => (await import('./pages/learning/admin-path')).pathEditor(ctx) },
  { path: '/academie/evaluaties/:targetType/:targetId', page: async (ctx) => (await import('./pages/learning/admin')).academyEvaluations(ctx) },
  { path: '/trainer', page: async () => (await import('./pages/learning/trainer')).trainerSessions() },
  { path: '/trainer/opdrachten', page: async () => (await import('./pages/learning/trainer-assignments')).assignmentsPage() },
  { path: '/trainer/sessies/:sessionId', page: async (ctx) => (await import('./pages/learning/trainer')).attendancePage(ctx) },
];

export const navItems: readonly NavItem[] = [
  { href: '/', label: (m) => m.nav.home, match: 'exact' },
  { href: '/kennis', label: (m) => m.nav.knowledge, match: 'prefix' },
  { href: '/aanbod', label: (m) => m.nav.catalogue, match: 'prefix' },
  { href: '/leerpaden', label: (m) => m.nav.paths, match: 'prefix' },
  { href: '/mijn-leren', label: (m) => m.nav.myLearning, match: 'prefix', signedIn: true },
  { href: '/academie/beheer', label: (m) => m.nav.academy, match: 'exact', roles: ['academy-admin', 'author'] },
];
