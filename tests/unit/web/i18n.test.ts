import { describe, expect, it } from 'vitest';
import { __catalogues, roleLabel } from '../../../web/src/i18n';
import { __uiCatalogues } from '../../../web/src/ui/messages';
import { __knowledgeCatalogues } from '../../../web/src/features/knowledge/messages';
import { __learningCatalogues } from '../../../web/src/features/learning/messages';
import { __labelCatalogues } from '../../../web/src/features/learning/labels';
import { __trainerCatalogues } from '../../../web/src/features/learning/trainer/messages';
import { __adminCatalogues } from '../../../web/src/features/learning/academy-admin/messages';
import { __reportCatalogues } from '../../../web/src/features/reports/messages';
import { __privacyCatalogues } from '../../../web/src/features/privacy/messages';
import { __partnerCatalogues } from '../../../web/src/features/partners/messages';
import { __questionCatalogues } from '../../../web/src/features/networks/questions-messages';
import { __eventCatalogues } from '../../../web/src/features/networks/events-messages';
import { __activityCatalogues } from '../../../web/src/features/networks/activity-messages';
import { __networkActivityCatalogues } from '../../../web/src/features/reports/network-activity-messages';
import { __networkCatalogues } from '../../../web/src/features/networks/messages';

function shape(value: unknown): unknown {
  if (typeof value === 'function') return `fn/${value.length}`;
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  }
  return typeof value;
}

const catalogues = {
  shell: __catalogues,
  ui: __uiCatalogues,
  knowledge: __knowledgeCatalogues,
  learning: __learningCatalogues,
  'learning labels': __labelCatalogues,
  trainer: __trainerCatalogues,
  'academy-admin': __adminCatalogues,
  reports: __reportCatalogues,
  privacy: __privacyCatalogues,
  partners: __partnerCatalogues,
  networks: __networkCatalogues,
};

describe('messages', () => {
  it.each(Object.entries(catalogues))('%s: same keys, list lengths and parameters in Dutch and English', (_name, { nl, en }) => {
    expect(shape(en)).toEqual(shape(nl));
  });

  it('keeps feature text out of the shell catalogue', () => {
    const shellKeys = Object.keys(__catalogues.nl);
    for (const key of ['knowledge', 'signInRequired', 'catalogue', 'trainer', 'assignments', 'overview']) expect(shellKeys).not.toContain(key);
  });

  it('labels roles in Dutch by default and keeps unknown roles visible', () => {
    expect(roleLabel('academy-admin')).toBe('Academiebeheerder');
    expect(roleLabel('partner')).toBe('Ketenpartner');
    expect(roleLabel('partner', true)).toBe('Ketenpartners');
    expect(roleLabel('future-role')).toBe('future-role');
  });
});
