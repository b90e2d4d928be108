import { describe, expect, it } from 'vitest';
import type { Abilities } from '../../../web/src/auth';
import { cardLinks, cardsFor } from '../../../web/src/shell/home';
import { __catalogues } from '../../../web/src/i18n';

const nl = __catalogues.nl;
import { primaryRole, sortRoles } from '../../../web/src/shell/roles';

/** Abilities as GET /api/me sends them; everything off unless a test turns it on. */
function abilities(overrides: { academy?: Partial<Abilities['academy']>; knowledge?: Partial<Abilities['knowledge']>; team?: boolean; staff?: boolean; partner?: boolean } = {}): Abilities {
  const academy: Abilities['academy'] = {
    'draft-modules': false,
    'publish-modules': false,
    accredit: false,
    'plan-sessions': false,
    'publish-paths': false,
    'read-evaluations': false,
    'review-assignments': false,
    'read-trainer-sessions': false,
    ...overrides.academy,
  };
  return {
    academy,
    learning: { portfolio: true, registers: false, mandatory: false, certificates: false, reports: false, audit: false, team: overrides.team ?? false, partners: false },
    knowledge: { write: false, publish: false, ...overrides.knowledge },
    networks: [],
    manageNetworks: false,
    audiences: ['public'],
    enrolAudiences: ['public'],
    staff: overrides.staff ?? false,
    partner: overrides.partner ?? false,
  };
}

describe('role labels', () => {
  it('orders roles most specific first (for display)', () => {
    expect(sortRoles(['employee', 'author'])).toEqual(['author', 'employee']);
    expect(primaryRole(['employee', 'team-manager'])).toBe('team-manager');
  });
});

describe('start cards from abilities', () => {
  it('offers writing to whoever may write, then the staff cards', () => {
    expect(cardsFor(abilities({ knowledge: { write: true }, staff: true }))).toEqual(['authoring', 'knowledge', 'catalogue', 'myLearning']);
  });

  it('offers a partner the partner cards only', () => {
    expect(cardsFor(abilities({ partner: true }))).toEqual(['partnerKnowledge', 'openModules']);
  });

  it('offers trainer sessions to whoever may read them, and always the knowledge base', () => {
    expect(cardsFor(abilities({ academy: { 'read-trainer-sessions': true } }))).toEqual(['training', 'knowledge']);
  });

  it('offers academy management to whoever may publish modules', () => {
    expect(cardsFor(abilities({ academy: { 'publish-modules': true }, staff: true }))).toEqual(['admin', 'knowledge', 'catalogue', 'myLearning']);
  });

  it('shows a team manager the team card, with a link to the team page', () => {
    expect(cardsFor(abilities({ team: true, staff: true }))).toEqual(['team', 'knowledge', 'catalogue', 'myLearning']);
    expect(cardLinks('team', nl.home).map((l) => l.href)).toEqual(['/team']);
  });

  it('leaves no card without links ("Binnenkort" is gone)', () => {
    for (const key of Object.keys(nl.home.cards) as Array<keyof typeof nl.home.cards>) expect(cardLinks(key, nl.home).length, key).toBeGreaterThan(0);
    expect(cardLinks('admin', nl.home).map((l) => l.href)).toEqual(['/academie/beheer', '/academie/rapportage', '/academie/verplicht']);
  });

  it('gives someone without abilities the knowledge base', () => {
    expect(cardsFor(abilities())).toEqual(['knowledge']);
  });
});
