import { describe, expect, it } from 'vitest';
import { __catalogues, roleLabel } from '../../../web/src/i18n';

function shape(value: unknown): unknown {
  if (typeof value === 'function') return `fn/${value.length}`;
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  }
  return typeof value;
}

describe('messages', () => {
  it('has the same keys, list lengths and parameters in Dutch and English', () => {
    expect(shape(__catalogues.en)).toEqual(shape(__catalogues.nl));
  });

  it('labels roles in Dutch by default and keeps unknown roles visible', () => {
    expect(roleLabel('academy-admin')).toBe('Academiebeheerder');
    expect(roleLabel('partner')).toBe('Ketenpartner');
    expect(roleLabel('partner', true)).toBe('Ketenpartners');
    expect(roleLabel('future-role')).toBe('future-role');
  });
});
