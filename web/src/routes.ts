/**
 * The route table: add a page by adding a line here (and a nav entry if it belongs in the main
 * menu). The shell's own pages (home, sign-in, sign-out) are part of the first load; every feature
 * page is a dynamic import of `features/<feature>/…`, so its code and its texts (`messages.ts`)
 * load with the route and Vite puts what a feature's pages share in chunks of their own.
 * Static paths come before `/kennis/:slug`, which would otherwise match them.
 *
 * Features: `features/knowledge` (/kennis, /mijn-signalen), `features/learning` (/aanbod,
 * /leerpaden, /mijn-leren, /evaluatie), with `features/learning/academy-admin` (/academie/…) and
 * `features/learning/trainer` (/trainer/…). The academy menu item follows the reader's abilities
 * from /api/me; the API decides in any case.
 */
import type { NavItem } from './shell/layout';
import { home } from './shell/home';
import { signIn } from './shell/sign-in';
import { signInCallback } from './shell/sign-in-callback';
import { signOut } from './shell/sign-out';
import type { Route } from './router';

export const routes: readonly Route[] = [
  { path: '/', page: home },
  { path: '/aanmelden', page: signIn },
  { path: '/aanmelden/terug', page: signInCallback },
  { path: '/afmelden', page: signOut },
  { path: '/tweestapsverificatie', page: async () => (await import('./features/account/two-step')).twoStepPage() },
  { path: '/kennis', page: async (ctx) => (await import('./features/knowledge/search')).knowledgeSearch(ctx) },
  { path: '/kennis/nieuw', page: async (ctx) => (await import('./features/knowledge/editor')).knowledgeEditor(ctx) },
  { path: '/kennis/bewerken/:id', page: async (ctx) => (await import('./features/knowledge/editor')).knowledgeEditor(ctx) },
  { path: '/kennis/review', page: async () => (await import('./features/knowledge/review')).knowledgeWork() },
  { path: '/kennis/review/:id', page: async (ctx) => (await import('./features/knowledge/review')).knowledgeReview(ctx) },
  { path: '/kennis/geschiedenis/:id', page: async (ctx) => (await import('./features/knowledge/history')).knowledgeHistory(ctx) },
  { path: '/kennis/netwerk/:networkId', page: async (ctx) => (await import('./features/knowledge/network-articles')).networkArticles(ctx) },
  { path: '/kennis/signalen/:networkId', page: async (ctx) => (await import('./features/knowledge/signals')).networkSignals(ctx) },
  { path: '/kennis/:slug', page: async (ctx) => (await import('./features/knowledge/article')).knowledgeArticle(ctx) },
  { path: '/mijn-signalen', page: async () => (await import('./features/knowledge/signals')).mySignals() },
  { path: '/netwerken', page: async (ctx) => (await import('./features/networks/overview')).networksOverview(ctx) },
  { path: '/netwerken/:id', page: async (ctx) => (await import('./features/networks/network')).networkPageView(ctx) },
  { path: '/aanbod', page: async (ctx) => (await import('./features/learning/catalogue')).catalogue(ctx) },
  { path: '/aanbod/:moduleId', page: async (ctx) => (await import('./features/learning/module')).modulePage(ctx) },
  { path: '/leerpaden', page: async () => (await import('./features/learning/paths')).pathList() },
  { path: '/leerpaden/:pathId', page: async (ctx) => (await import('./features/learning/paths')).pathPage(ctx) },
  { path: '/mijn-leren', page: async () => (await import('./features/learning/mine')).myLearning() },
  { path: '/evaluatie/:targetType/:targetId', page: async (ctx) => (await import('./features/learning/evaluation')).evaluationPage(ctx) },
  { path: '/academie/beheer', page: async () => (await import('./features/learning/academy-admin/overview')).academyOverview() },
  { path: '/academie/modules/nieuw', page: async (ctx) => (await import('./features/learning/academy-admin/module-editor')).moduleEditor(ctx) },
  { path: '/academie/modules/:id/rapport', page: async (ctx) => (await import('./features/learning/academy-admin/scorm')).scormReportPage(ctx) },
  { path: '/academie/modules/:id', page: async (ctx) => (await import('./features/learning/academy-admin/module-editor')).moduleEditor(ctx) },
  { path: '/academie/leerpaden/nieuw', page: async (ctx) => (await import('./features/learning/academy-admin/path-editor')).pathEditor(ctx) },
  { path: '/academie/leerpaden/:pathId/nieuwe-versie', page: async (ctx) => (await import('./features/learning/academy-admin/path-editor')).pathEditor(ctx) },
  { path: '/academie/rapportage', page: async (ctx) => (await import('./features/reports/dashboard')).reportsPage(ctx) },
  { path: '/academie/netwerken-activiteit', page: async (ctx) => (await import('./features/reports/network-activity')).networkActivityPage(ctx) },
  // Consultation questions (features/networks/questions.ts): mine, and a network's questions, events and activity on a page of their own.
  { path: '/mijn-vragen', page: async () => (await import('./features/networks/questions')).myQuestionsPage() },
  { path: '/netwerken/:networkId/vragen', page: async (ctx) => (await import('./features/networks/questions')).networkQuestionsPage(ctx) },
  { path: '/mijn-gegevens', page: async () => (await import('./features/privacy/my-data')).myDataPage() },
  { path: '/academie/privacy', page: async () => (await import('./features/privacy/erasures')).erasuresPage() },
  { path: '/academie/audit', page: async (ctx) => (await import('./features/privacy/audit')).auditPage(ctx) },
  { path: '/academie/partners', page: async () => (await import('./features/partners/admin')).partnersPage() },
  { path: '/academie/partners/:id', page: async (ctx) => (await import('./features/partners/admin')).partnerPage(ctx) },
  // Public: a partner accepts their invitation (local mode); and what a partner sees once their organisation's access has ended.
  { path: '/uitnodiging/:token', page: async (ctx) => (await import('./features/partners/accept')).acceptPage(ctx) },
  { path: '/geen-toegang', page: async () => (await import('./features/partners/no-access')).noAccessPage() },
  { path: '/academie/certificaten', page: async () => (await import('./features/learning/academy-admin/certificates')).certificatesAdmin() },
  { path: '/portfolio', page: async () => (await import('./features/portfolio/timeline')).portfolioPage() },
  { path: '/portfolio/registers', page: async () => (await import('./features/portfolio/registrations')).registersPage() },
  { path: '/academie/registers', page: async () => (await import('./features/portfolio/admin-registers')).registersAdminPage() },
  { path: '/portfolio/certificaten', page: async () => (await import('./features/portfolio/certificates')).certificatesPage() },
  // Public: anyone checks a certificate's code, signed in or not.
  { path: '/verify/:code', page: async (ctx) => (await import('./features/portfolio/verify')).verifyPage(ctx) },
  { path: '/academie/evaluaties/:targetType/:targetId', page: async (ctx) => (await import('./features/learning/academy-admin/overview')).academyEvaluations(ctx) },
  { path: '/academie/verplicht', page: async () => (await import('./features/learning/academy-admin/mandatory')).mandatoryAdmin() },
  { path: '/team', page: async () => (await import('./features/team/team')).teamPage() },
  { path: '/trainer', page: async () => (await import('./features/learning/trainer/sessions')).trainerSessions() },
  { path: '/trainer/opdrachten', page: async () => (await import('./features/learning/trainer/assignments')).assignmentsPage() },
  { path: '/trainer/sessies/:sessionId', page: async (ctx) => (await import('./features/learning/trainer/sessions')).attendancePage(ctx) },
];

export const navItems: readonly NavItem[] = [
  { href: '/', label: (m) => m.nav.home, match: 'exact' },
  { href: '/kennis', label: (m) => m.nav.knowledge, match: 'prefix' },
  { href: '/netwerken', label: (m) => m.nav.networks, match: 'prefix' },
  { href: '/aanbod', label: (m) => m.nav.catalogue, match: 'prefix' },
  { href: '/leerpaden', label: (m) => m.nav.paths, match: 'prefix' },
  { href: '/mijn-leren', label: (m) => m.nav.myLearning, match: 'prefix', signedIn: true },
  // Staff own a portfolio (features/portfolio): the timeline, registers, certificates.
  { href: '/portfolio', label: (m) => m.nav.portfolio, match: 'prefix', allowed: (a) => a.learning.portfolio },
  // A team manager sees their own team's mandatory training (features/team).
  { href: '/team', label: (m) => m.nav.team, match: 'exact', allowed: (a) => a.learning.team },
  // Whoever may draft modules manages the academy's offer (the academy and authors).
  { href: '/academie/beheer', label: (m) => m.nav.academy, match: 'exact', allowed: (a) => a.academy['draft-modules'] },
];
