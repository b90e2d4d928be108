import { describe, expect, it } from 'vitest';
import { leavesNoLead, leadsAfter, matchesFilter, networkIdFrom, renderGoals, type Searchable } from '../../../functions/src/networks/domain/networks';

const network: Searchable = {
  name: 'Expertnetwerk Suïcidepreventie',
  theme: 'suïcidepreventie',
  description: 'Het netwerk bundelt kennis over het veiligheidsplan.',
  kind: 'cross-cutting',
  openToPartners: true,
  status: 'active',
  leadNames: ['Fatima El Amrani'],
};

describe('the overview filter', () => {
  it('finds every word in name, theme, description or a lead expert, ignoring case and accents', () => {
    for (const q of ['suicide', 'SUÏCIDE', 'veiligheidsplan', 'el amrani', 'netwerk fatima', '']) expect(matchesFilter(network, { q }), q).toBe(true);
    for (const q of ['psychose', 'veiligheidsplan psychose']) expect(matchesFilter(network, { q }), q).toBe(false);
    // Names the caller may not see are not searched.
    expect(matchesFilter({ ...network, leadNames: [] }, { q: 'fatima' })).toBe(false);
  });

  it('filters on kind, theme (folded) and openness to partners; archived networks only when asked for', () => {
    expect(matchesFilter(network, { kind: 'cross-cutting' })).toBe(true);
    expect(matchesFilter(network, { kind: 'diagnosis' })).toBe(false);
    expect(matchesFilter(network, { theme: 'Suicidepreventie' })).toBe(true);
    expect(matchesFilter(network, { theme: 'psychose' })).toBe(false);
    expect(matchesFilter(network, { openToPartners: true })).toBe(true);
    expect(matchesFilter(network, { openToPartners: false })).toBe(false);
    const archived = { ...network, status: 'archived' as const };
    expect(matchesFilter(archived, {})).toBe(false);
    expect(matchesFilter(archived, { status: 'archived' })).toBe(true);
    expect(matchesFilter(archived, { status: 'all' })).toBe(true);
    expect(matchesFilter(network, { status: 'archived' })).toBe(false);
  });
});

describe('lead experts', () => {
  it('adds, keeps and drops lead ids as roles change', () => {
    expect(leadsAfter(['a'], 'b', 'lead')).toEqual(['a', 'b']);
    expect(leadsAfter(['a', 'b'], 'b', 'lead')).toEqual(['a', 'b']);
    expect(leadsAfter(['a', 'b'], 'b', 'author')).toEqual(['a']);
    expect(leadsAfter(['a', 'b'], 'b', undefined)).toEqual(['a']);
  });

  it('refuses only a change that leaves the network without a lead', () => {
    expect(leavesNoLead(['a'], 'a', undefined)).toBe(true);
    expect(leavesNoLead(['a'], 'a', 'member')).toBe(true);
    expect(leavesNoLead(['a'], 'a', 'lead')).toBe(false);
    expect(leavesNoLead(['a', 'b'], 'a', undefined)).toBe(false);
    expect(leavesNoLead(['a'], 'b', undefined)).toBe(false);
    // A network without leads (archived, or erased people) lets members go.
    expect(leavesNoLead([], 'b', undefined)).toBe(false);
  });
});

describe('goals and ids', () => {
  it('renders goals with the articles’ sanitiser', () => {
    const html = renderGoals('## Doelen\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) **vet**');
    expect(html).toContain('<h2 id="doelen">Doelen</h2>');
    expect(html).toContain('<strong>vet</strong>');
    // Raw HTML is shown as text, never as markup; the unsafe link keeps only its text.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|href="javascript:/);
    expect(renderGoals('  ')).toBe('');
  });

  it('makes an id from a name', () => {
    expect(networkIdFrom('Expertnetwerk Eetstoornissen')).toBe('eetstoornissen');
    expect(networkIdFrom('Herstel & ervaringsdeskundigheid')).toBe('herstel-ervaringsdeskundigheid');
    expect(networkIdFrom('Ouderenpsychiatrie (65+)')).toBe('ouderenpsychiatrie-65');
  });
});
