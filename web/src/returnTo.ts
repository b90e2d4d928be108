/**
 * Where to go after signing in. Only same-site paths are accepted, so a crafted
 * `?terug=` can never send the reader to another origin (open redirect).
 */
const storageKey = 'ggz.returnTo';

export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters or backslashes have no business in our paths; refuse rather than normalise.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\\]/.test(value)) return null;
  if (value === '/aanmelden' || value.startsWith('/aanmelden?') || value.startsWith('/aanmelden/') || value.startsWith('/afmelden')) return null;
  return value;
}

/** Link to the sign-in page that returns to `path` (default: the current page) afterwards. */
export function signInHref(path = location.pathname + location.search): string {
  const back = safeReturnPath(path);
  return back && back !== '/' ? `/aanmelden?terug=${encodeURIComponent(back)}` : '/aanmelden';
}

/** For the hosted (Cognito) flow, which leaves the app: remembered in this tab until the callback. */
export function rememberReturnPath(value: string | null): void {
  const path = safeReturnPath(value);
  try {
    if (path) sessionStorage.setItem(storageKey, path);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Without storage the reader simply lands on the home page.
  }
}

export function takeReturnPath(): string | null {
  try {
    const path = sessionStorage.getItem(storageKey);
    sessionStorage.removeItem(storageKey);
    return safeReturnPath(path);
  } catch {
    return null;
  }
}
