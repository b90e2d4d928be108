import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../../functions/src/knowledge/domain/diff';

describe('diffVersions', () => {
  it('groups unchanged, removed and added lines', () => {
    const before = '# Titel\n\nOude alinea.\nGedeelde regel.\n';
    const after = '# Titel\n\nNieuwe alinea.\nNog een regel.\nGedeelde regel.\n';
    expect(diffVersions(before, after)).toEqual([
      { kind: 'unchanged', lines: ['# Titel', ''] },
      { kind: 'removed', lines: ['Oude alinea.'] },
      { kind: 'added', lines: ['Nieuwe alinea.', 'Nog een regel.'] },
      { kind: 'unchanged', lines: ['Gedeelde regel.'] },
    ]);
  });

  it('returns one unchanged hunk for identical texts and nothing for two empty ones', () => {
    expect(diffVersions('a\nb', 'a\nb')).toEqual([{ kind: 'unchanged', lines: ['a', 'b'] }]);
    expect(diffVersions('', '')).toEqual([]);
  });

  it('handles creation and deletion of the whole text', () => {
    expect(diffVersions('', 'a\nb\n')).toEqual([{ kind: 'added', lines: ['a', 'b'] }]);
    expect(diffVersions('a\n', '')).toEqual([{ kind: 'removed', lines: ['a'] }]);
  });

  it('ignores line-ending style and a missing final newline', () => {
    expect(diffVersions('a\r\nb\r\n', 'a\nb')).toEqual([{ kind: 'unchanged', lines: ['a', 'b'] }]);
  });

  it('keeps blank lines as lines', () => {
    expect(diffVersions('a\n\nb\n', 'a\nb\n')).toEqual([
      { kind: 'unchanged', lines: ['a'] },
      { kind: 'removed', lines: [''] },
      { kind: 'unchanged', lines: ['b'] },
    ]);
  });

  it('reconstructs both versions from the hunks (property)', () => {
    const line = fc.constantFrom('a', 'b', 'c', '', '# kop', '- item');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (oldLines, newLines) => {
        const hunks = diffVersions(oldLines.join('\n'), newLines.join('\n'));
        const rebuild = (skip: 'added' | 'removed'): string[] => hunks.filter((h) => h.kind !== skip).flatMap((h) => h.lines);
        // A final newline is normalised away, so compare against the texts' own line lists.
        const linesOf = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
        expect(rebuild('added')).toEqual(linesOf(oldLines.join('\n')));
        expect(rebuild('removed')).toEqual(linesOf(newLines.join('\n')));
        for (let i = 1; i < hunks.length; i++) expect(hunks[i]!.kind).not.toBe(hunks[i - 1]!.kind);
        for (const h of hunks) expect(h.lines.length).toBeGreaterThan(0);
      }),
    );
  });

  it('degrades to remove-all/add-all for huge unrelated texts instead of hanging', () => {
    const a = Array.from({ length: 1500 }, (_, i) => `oud ${i}`).join('\n');
    const b = Array.from({ length: 1500 }, (_, i) => `nieuw ${i}`).join('\n');
    const hunks = diffVersions(a, b);
    expect(hunks.map((h) => [h.kind, h.lines.length])).toEqual([
      ['removed', 1500],
      ['added', 1500],
    ]);
  });
});
