/**
 * The ID token lives in sessionStorage: it survives reloads within the tab but not the
 * browser session, and is never shared with the content origin (a different origin).
 */
const tokenKey = 'ggz.idToken';

/** A token kept in sessionStorage under `key`; null when missing, expired (then also removed) or storage is unavailable. */
export function storedToken(key: string): string | null {
  try {
    const token = sessionStorage.getItem(key);
    if (token && isExpired(token)) {
      sessionStorage.removeItem(key);
      return null;
    }
    return token;
  } catch {
    return null;
  }
}

export const getToken = (): string | null => storedToken(tokenKey);

export function setToken(token: string): void {
  sessionStorage.setItem(tokenKey, token);
}

export function clearToken(): void {
  try {
    sessionStorage.removeItem(tokenKey);
  } catch {
    // Nothing stored if storage is unavailable.
  }
}

/**
 * Only saves a round trip that would end in 401; the API verifies the signature and
 * expiry itself, so an unreadable payload is left for the server to reject.
 */
export function isExpired(token: string, nowMs = Date.now(), skewSeconds = 30): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' && exp * 1000 <= nowMs + skewSeconds * 1000;
  } catch {
    return false;
  }
}
