import { currentUser, sessionProblem } from '../auth';
import type { Abilities, Me } from '../auth';
import { problemAlert } from '../ui/alert';
import { h } from '../dom';
import { roleLabel, t } from '../i18n';
import type { Messages } from '../i18n';
import { sortRoles } from './roles';
import type { PageView } from '../router';

type CardKey = keyof Messages['home']['cards'];

/**
 * The start cards, most specific first, each shown when the reader's abilities (GET /api/me)
 * allow what it is about; never from role names. Cards of features that exist carry links (see
 * `cardLinks`); the others stay text cards marked "Binnenkort", so nobody follows a link into nothing.
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
