import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyParameters, fileOf, joinBases, safeRelativeUrl } from '../../../functions/src/scorm/domain/paths';
import { decodeEntities } from '../../../functions/src/scorm/domain/xml';

/** Launch address rules (functions/src/scorm/domain/paths.ts) on their own. */

describe('launch paths', () => {
  it('joins xml:base offsets as folders', () => {
    expect(joinBases('a', 'b/', undefined, ' c ', 'x.html')).toBe('a/b/c/x.html');
    expect(joinBases(undefined, '', 'x.html')).toBe('x.html');
  });

  it('keeps query and fragment as written and resolves dots in the path only', () => {
    expect(safeRelativeUrl('a/./b/../x.html?next=../y#../z')).toEqual({ ok: true, path: 'a/x.html?next=../y#../z' });
    expect(safeRelativeUrl('dir/')).toEqual({ ok: true, path: 'dir/' });
    expect(safeRelativeUrl('a/..')).toEqual({ ok: false });
    expect(safeRelativeUrl('')).toEqual({ ok: false });
    expect(safeRelativeUrl('a/%zz.html')).toEqual({ ok: false });
    expect(safeRelativeUrl('a/b\u0000.html')).toEqual({ ok: false });
    expect(safeRelativeUrl('C:/x.html')).toEqual({ ok: false });
    expect(safeRelativeUrl('./http:/x.html')).toEqual({ ok: false });
    expect(safeRelativeUrl('a/../javascript:alert(1)')).toEqual({ ok: false });
  });

  it('never returns a path that is absolute, has a scheme or climbs out (property)', () => {
    const segment = fc.constantFrom('..', '.', '', 'a', 'b c', '%2e%2e', '%2E.', '..%2f', 'x:y', 'http:', '\\', '/', '?', '#');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const result = safeRelativeUrl(parts.join('/'));
        if (!result.ok) return;
        const path = result.path.split(/[?#]/)[0]!;
        expect(path.startsWith('/')).toBe(false);
        expect(/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path)).toBe(false);
        const decoded = path.split('/').map((s) => decodeURIComponent(s));
        expect(decoded).not.toContain('..');
        expect(decoded).not.toContain('.');
      }),
      { numRuns: 1000 },
    );
  });

  it('appends parameters as the CAM says', () => {
    expect(applyParameters('x.html', '??a=1')).toBe('x.html?a=1');
    expect(applyParameters('x.html', undefined)).toBe('x.html');
    expect(applyParameters('x.html?b=2#f', '&a=1')).toBe('x.html?b=2&a=1#f');
  });

  it('names the file in the zip for a launch URL', () => {
    expect(fileOf('Playing/Quiz%20one.html?q=1#x')).toBe('Playing/Quiz one.html');
  });
});

describe('entities', () => {
  it('decodes the predefined entities and character references exactly once', () => {
    expect(decodeEntities('&amp;lt; &lt; &#60; &#x3C; &#0; &#xD800; &bogus;')).toBe('&lt; < < < &#0; &#xD800; &bogus;');
  });
});
