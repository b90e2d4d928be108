import { describe, expect, it } from 'vitest';
import type { Abilities } from '../../../web/src/auth';
import { cardsFor } from '../../../web/src/shell/home';
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
    learning: { portfolio: true, registers: false, mandatory: false, certificates: false, reports: false, audit: false, team: overrides.team ?? false },
    knowledge: { write: false, publish: false, ...overrides.knowledge },
    networks: [],
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

  it('shows a team manager the team card (still marked "Binnenkort")', () => {
    expect(cardsFor(abilities({ team: true, staff: true }))).toEqual(['team', 'knowledge', 'catalogue', 'myLearning']);
  });

  it('gives someone without abilities the knowledge base', () => {
    expect(cardsFor(abilities())).toEqual(['knowledge']);
  });
});
