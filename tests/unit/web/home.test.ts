import { describe, expect, it } from 'vitest';
import { cardsFor } from '../../../web/src/pages/home';
import { primaryRole, sortRoles } from '../../../web/src/roles';

describe('role-based start cards', () => {
  it('orders roles most specific first', () => {
    expect(sortRoles(['employee', 'author'])).toEqual(['author', 'employee']);
    expect(primaryRole(['employee', 'team-manager'])).toBe('team-manager');
  });

  it('gives each role its own starting points', () => {
    expect(cardsFor(['author', 'employee'])).toEqual(['authoring', 'knowledge', 'catalogue', 'myLearning']);
    expect(cardsFor(['partner'])).toEqual(['partnerKnowledge', 'openModules']);
    expect(cardsFor(['trainer'])).toEqual(['training', 'knowledge']);
  });
});
