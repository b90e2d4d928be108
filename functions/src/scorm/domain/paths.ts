/**
 * Launch addresses inside a package: `xml:base` offsets, the resource href and the item's
 * `parameters`, joined as the SCORM Content Aggregation Model says, and never pointing outside
 * the package. Results are relative URLs from the package root (no leading slash), e.g.
 * `shared/assessmenttemplate.html?questions=Playing`.
 */

const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
// Control characters (including NUL, CR/LF and DEL) have no place in a launch path.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f]/;

export type SafePath = { ok: true; path: string } | { ok: false };

/**
 * Join `xml:base` values (manifest → resources → resource) and an href. Bases are path
 * offsets: each is treated as a folder (a missing trailing `/` is added), as LMSs do.
 */
export function joinBases(...parts: Array<string | undefined>): string {
  return parts
    .map((p) => (p ?? '').trim())
    .filter((p) => p !== '')
    .map((p, i, all) => (i < all.length - 1 && !p.endsWith('/') ? `${p}/` : p))
    .join('');
}

/**
 * Normalise a relative URL (path plus optional `?query`/`#fragment`) so that it stays inside
 * the package: no scheme (`http:`, `javascript:`, `data:`), no absolute or protocol-relative
 * path, no `..` above the root (also when percent-encoded), no control characters. Backslashes
 * count as slashes (browsers treat them so). `.` and inner `..` segments are resolved.
 */
export function safeRelativeUrl(url: string): SafePath {
  const trimmed = url.trim().replace(/\\/g, '/');
  if (trimmed === '' || controlChars.test(trimmed)) return { ok: false };
  const cut = trimmed.search(/[?#]/);
  const path = cut < 0 ? trimmed : trimmed.slice(0, cut);
  const suffix = cut < 0 ? '' : trimmed.slice(cut);
  if (path.startsWith('/') || scheme.test(path.split('/')[0] ?? '')) return { ok: false };
  const out: string[] = [];
  const segments = path.split('/');
  for (const [i, segment] of segments.entries()) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { ok: false };
    }
    if (decoded.includes('/') || decoded.includes('\\') || controlChars.test(decoded)) return { ok: false };
    const last = i === segments.length - 1;
    if (decoded === '' || decoded === '.') {
      if (last && out.length > 0) out.push('');
      continue;
    }
    if (decoded === '..') {
      if (out.length === 0) return { ok: false };
      out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(segment);
  }
  if (out.filter(Boolean).length === 0) return { ok: false };
  // After normalisation the first segment must not read as a scheme either (`./http:` → `http:`).
  if (scheme.test(out[0]!)) return { ok: false };
  return { ok: true, path: out.join('/') + suffix };
}

/**
 * Append an item's `parameters` to a launch URL (SCORM 2004 CAM, "parameters"; same rules for 1.2):
 * leading `?` and `&` are dropped; a parameter string starting with `#` is appended only when
 * the URL has no fragment yet; otherwise it is a query: joined with `&` when the URL already has
 * a query, else with `?`. A query is inserted before an existing fragment.
 */
export function applyParameters(url: string, parameters: string | null | undefined): string {
  const params = (parameters ?? '').trim().replace(/^[?&]+/, '');
  if (params === '') return url;
  const hash = url.indexOf('#');
  if (params.startsWith('#')) return hash >= 0 ? url : url + params;
  const base = hash >= 0 ? url.slice(0, hash) : url;
  const fragment = hash >= 0 ? url.slice(hash) : '';
  return `${base}${base.includes('?') ? '&' : '?'}${params}${fragment}`;
}

/** The package-relative file of a launch URL (query and fragment removed, percent-decoded): what the importer looks up in the zip. */
export function fileOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
