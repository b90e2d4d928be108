import type { z } from 'zod';
import type { HomeSchema } from '../../../functions/src/portfolio/home/schemas';
import { api } from '../api';
import { currentUser, sessionProblem } from '../auth';
import type { Abilities, Me } from '../auth';
import type { Child } from '../dom';
import { problemAlert } from '../ui/alert';
import { h } from '../dom';
import { lang, roleLabel, t } from '../i18n';
import type { Messages } from '../i18n';
import { sortRoles } from './roles';
import type { PageView } from '../router';

type CardKey = keyof Messages['home']['cards'];

/**
 * The start cards, most specific first, each shown when the reader's abilities (GET /api/me)
 * allow what it is about; never from role names. Cards carry links (see `cardLinks`); a card
 * without links would say "Binnenkort", so nobody follows a link into nothing.
 */
const cardRules: ReadonlyArray<{ card: CardKey; when: (a: Abilities) => boolean }> = [
  { card: 'admin', when: (a) => a.academy['publish-modules'] },
  { card: 'authoring', when: (a) => a.knowledge.write },
  { card: 'training', when: (a) => a.academy['read-trainer-sessions'] },
  { card: 'team', when: (a) => a.learning.team },
  { card: 'knowledge', when: (a) => a.staff },
  { card: 'catalogue', when: (a) => a.staff },
  { card: 'myLearning', when: (a) => a.staff },
  { card: 'partnerKnowledge', when: (a) => a.partner },
  { card: 'openModules', when: (a) => a.partner },
];

export function cardsFor(abilities: Abilities): CardKey[] {
  const keys = cardRules.filter((rule) => rule.when(abilities)).map((rule) => rule.card);
  // Everyone signed in reads the knowledge base, whatever else they may do.
  if (!keys.includes('knowledge') && !keys.includes('partnerKnowledge')) keys.push('knowledge');
  return keys;
}

/** Links on the cards whose pages exist; a card without links shows "Binnenkort". */
export function cardLinks(key: CardKey, m: Messages['home']): Array<{ href: string; label: string }> {
  switch (key) {
    case 'knowledge':
      return [
        { href: '/kennis', label: m.links.knowledge },
        { href: '/mijn-signalen', label: m.links.mySignals },
      ];
    case 'partnerKnowledge':
      return [
        { href: '/kennis', label: m.links.knowledge },
        { href: '/mijn-signalen', label: m.links.mySignals },
      ];
    case 'authoring':
      return [
        { href: '/kennis/review', label: m.links.myWork },
        { href: '/kennis/nieuw', label: m.links.newArticle },
      ];
    case 'catalogue':
      return [
        { href: '/aanbod', label: m.links.catalogue },
        { href: '/leerpaden', label: m.links.paths },
      ];
    case 'openModules':
      return [{ href: '/aanbod', label: m.links.catalogue }];
    case 'myLearning':
      return [{ href: '/mijn-leren', label: m.links.myLearning }];
    case 'training':
      return [
        { href: '/trainer', label: m.links.trainer },
        { href: '/trainer/opdrachten', label: m.links.assignments },
      ];
    case 'team':
      return [{ href: '/team', label: m.links.team }];
    case 'admin':
      return [
        { href: '/academie/beheer', label: m.links.academy },
        { href: '/academie/rapportage', label: m.links.dashboard },
        { href: '/academie/verplicht', label: m.links.mandatory },
      ];
    default:
      return [];
  }
}

export function home(): PageView {
  const user = currentUser();
  return user ? signedIn(user) : signedOut();
}

function signedOut(): PageView {
  const m = t().home;
  const problem = sessionProblem();
  return {
    title: m.title,
    content: h(
      'div',
      { class: 'page page--home' },
      problem ? problemAlert(problem) : null,
      h('div', { class: 'hero' }, h('h1', null, m.title), h('p', { class: 'lead' }, m.lead)),
      h(
        'div',
        { class: 'feature-grid' },
        m.sections.map((s) => h('section', { class: 'feature' }, h('h2', null, s.title), h('p', null, s.text))),
      ),
      h(
        'section',
        { class: 'callout' },
        h('h2', null, m.signInTitle),
        h('p', null, m.signInPrompt),
        h('a', { href: '/aanmelden', class: 'button' }, m.signInCta),
      ),
    ),
  };
}

function signedIn(user: Me): PageView {
  const m = t().home;
  const roles = sortRoles(user.roles);
  // Partners see the organisation they read and learn for.
  const organisation = user.abilities.partner ? (user.organisationName ?? user.organisationId) : undefined;
  const title = m.welcome(user.name);
  return {
    title,
    content: h(
      'div',
      { class: 'page page--home' },
      h(
        'div',
        { class: 'hero' },
        h('h1', null, title),
        user.title ? h('p', { class: 'lead' }, user.title) : null,
        h('p', { class: 'roles-intro' }, m.rolesIntro),
        h('ul', { class: 'role-list', 'data-testid': 'signed-in-roles' }, roles.map((r) => h('li', { class: 'role-badge' }, roleLabel(r)))),
        organisation
          ? h('p', { class: 'organisation', 'data-testid': 'organisation' }, `${m.organisation}: `, h('strong', null, organisation))
          : null,
      ),
      today(user.abilities),
      h(
        'section',
        { class: 'quick', 'aria-labelledby': 'quick-title' },
        h('h2', { id: 'quick-title' }, m.quickTitle),
        h('p', null, m.quickIntro),
        h(
          'ul',
          { class: 'card-grid' },
          cardsFor(user.abilities).map((key) => {
            const links = cardLinks(key, m);
            return h(
              'li',
              { class: 'card', 'data-card': key },
              h('h3', null, m.cards[key].title),
              h('p', null, m.cards[key].text),
              links.length > 0
                ? h('ul', { class: 'card__links' }, links.map((l) => h('li', null, h('a', { href: l.href }, l.label))))
                : h('p', { class: 'badge' }, t().common.comingSoon),
            );
          }),
        ),
      ),
    ),
  };
}

type Home = z.infer<typeof HomeSchema>;

/**
 * "Wat nu telt": what matters to this reader today, from GET /api/me/home (the API includes each
 * part only when it applies: mandatory training, the next session and path step, register gaps;
 * the team's overdue training; a trainer's sessions and hand-ins). Rendered after the response
 * arrives, into a region that says it is loading until then.
 */
function today(abilities: Abilities): HTMLElement {
  const m = t().home.today;
  const body = h('div', { class: 'today__body', 'aria-busy': 'true' }, h('p', null, m.loading));
  api<Home>('/api/me/home')
    .then((data) => {
      const parts = todayParts(data, abilities);
      body.replaceChildren(...(parts.length > 0 ? parts : [h('p', null, m.nothing)]));
    })
    .catch(() => body.replaceChildren(h('p', null, m.failed)))
    .finally(() => body.removeAttribute('aria-busy'));
  return h('section', { class: 'today', 'aria-labelledby': 'today-title', 'data-testid': 'home-today' }, h('h2', { id: 'today-title' }, m.title), body);
}

function block(testid: string, title: string, ...children: Child[]): HTMLElement {
  return h('div', { class: 'today__block', 'data-testid': testid }, h('h3', null, title), ...children);
}

function todayParts(d: Home, abilities: Abilities): HTMLElement[] {
  const m = t().home.today;
  const links = t().home.links;
  const out: HTMLElement[] = [];
  if (d.team) {
    out.push(
      block(
        'today-team',
        d.team.overdue.length > 0 ? m.team(d.team.teamName) : m.teamNone(d.team.teamName),
        d.team.overdue.length > 0 ? h('ul', null, d.team.overdue.map((o) => h('li', { 'data-status': o.status }, h('span', { class: `mandatory-status mandatory-status--${o.status}` }, m.status[o.status] ?? o.status), ' ', m.teamLine(o.name, o.title)))) : null,
        h('p', null, h('a', { href: '/team' }, m.toTeam)),
      ),
    );
  }
  if (d.mandatory && d.mandatory.items.length > 0) {
    out.push(
      block(
        'today-mandatory',
        m.mandatory,
        h(
          'ul',
          null,
          d.mandatory.items.slice(0, 5).map((i) =>
            h(
              'li',
              { 'data-status': i.status },
              h('span', { class: `mandatory-status mandatory-status--${i.status}` }, m.status[i.status] ?? i.status),
              ' ',
              h('a', { href: `/aanbod/${encodeURIComponent(i.moduleId)}` }, i.title),
              ` (${i.status === 'overdue' ? m.overdueSince(formatDate(i.overdueOn)) : m.dueBy(formatDate(i.status === 'in-grace' ? i.overdueOn : i.dueOn))})`,
              i.booked ? `, ${m.booked(formatDate(i.booked.start))}` : i.nextSession ? [' – ', h('a', { href: `/aanbod/${encodeURIComponent(i.moduleId)}` }, m.bookNext(formatDate(i.nextSession.start)))] : null,
            ),
          ),
        ),
      ),
    );
  }
  if (d.learning?.nextSession) {
    const s = d.learning.nextSession;
    out.push(block('today-session', m.nextSession, h('p', null, h('a', { href: '/mijn-leren' }, s.title ?? s.sessionId), `, ${formatDate(s.start)}`)));
  }
  if (d.learning?.continuePath) {
    const p = d.learning.continuePath;
    out.push(block('today-path', m.continuePath(p.title), h('p', null, h('a', { href: `/aanbod/${encodeURIComponent(p.step.moduleId)}` }, p.step.title), ` (${p.percent}%)`)));
  }
  if (d.registers && d.registers.length > 0) {
    out.push(block('today-registers', m.registers, h('ul', null, d.registers.map((r) => h('li', null, m.missing(r.registerName, r.missing, r.unit), r.daysLeft !== undefined ? m.daysLeft(r.daysLeft) : '')))));
  }
  if (d.trainer) {
    const line = (s: NonNullable<Home['trainer']>['today'][number]) => h('li', null, h('a', { href: `/trainer/sessies/${encodeURIComponent(s.id)}` }, s.title), `, ${formatDate(s.start)} ${new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(s.start))}`);
    out.push(
      block(
        'today-trainer',
        m.sessionsToday,
        d.trainer.today.length > 0 ? h('ul', null, d.trainer.today.map(line)) : h('p', null, m.noSessions),
        h('h4', null, m.sessionsWeek),
        d.trainer.thisWeek.length > 0 ? h('ul', null, d.trainer.thisWeek.map(line)) : h('p', null, m.noSessions),
        d.trainer.toReview !== undefined ? h('p', null, h('a', { href: '/trainer/opdrachten' }, m.toReview(d.trainer.toReview))) : null,
      ),
    );
  }
  if (abilities.learning.reports) out.push(block('today-dashboard', links.dashboard, h('p', null, m.dashboard, ' ', h('a', { href: '/academie/rapportage' }, links.dashboard))));
  return out;
}

/** A date (or a bare YYYY-MM-DD) as readers expect it, in Amsterdam; kept here so the first load needs no shared UI module. */
function formatDate(value: string): string {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: bare ? 'UTC' : 'Europe/Amsterdam' }).format(new Date(value));
}
