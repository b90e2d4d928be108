/**
 * Who is signed in. The API decides what anyone may do; this module only tracks the session so
 * the UI can greet the reader and offer the right starting points. What to offer follows the
 * `abilities` of /api/me (the API's access policy), never role names: roles are only shown.
 */
import type { z } from 'zod';
import type { Me as MeSchema } from '../../functions/src/identity/me-routes';
import { api, onUnauthorized, ProblemError } from './api';
import { config } from './config';
import { logoutUrl } from './oidc';
import { clearToken, getToken, setToken } from './token';

/** GET /api/me: the profile, its roles (for display) and its abilities (for what to offer). */
export type Me = z.infer<typeof MeSchema>;
export type Abilities = Me['abilities'];
/** GET /api/dev/users (local only): a demo user is shown with the fields of a profile, without abilities. */
export type DevUser = Omit<Me, 'abilities'>;

let me: Me | null = null;
let problem: ProblemError | null = null;
const listeners = new Set<() => void>();

function set(next: Me | null, nextProblem: ProblemError | null = null): void {
  const changed = next !== me || nextProblem !== problem;
  me = next;
  problem = nextProblem;
  if (changed) for (const listener of listeners) listener();
}

onUnauthorized(() => set(null));

export function currentUser(): Me | null {
  return me;
}

/** What the signed-in reader may do in general (null when signed out); the API still decides every request. */
export function currentAbilities(): Abilities | null {
  return me?.abilities ?? null;
}

/** Set when a token exists but the profile could not be loaded for a reason other than 401. */
export function sessionProblem(): ProblemError | null {
  return problem;
}

export function onSessionChange(listener: () => void): void {
  listeners.add(listener);
}

export async function restoreSession(): Promise<void> {
  if (!getToken()) return set(null);
  try {
    set(await api<Me>('/api/me'));
  } catch (err) {
    // 401 already cleared the token via onUnauthorized; anything else is worth telling the reader.
    set(null, err instanceof ProblemError && err.status !== 401 ? err : null);
  }
}

export async function signInWithToken(token: string): Promise<void> {
  setToken(token);
  await restoreSession();
  if (problem) throw problem;
}

export function fetchDevUsers(): Promise<DevUser[]> {
  return api<DevUser[]>('/api/dev/users');
}

export async function devSignIn(userId: string): Promise<void> {
  const { token } = await api<{ token: string }>('/api/dev/token', { method: 'POST', body: { userId } });
  await signInWithToken(token);
}

/** Clears this tab's auth state; in AWS also ends the Hosted UI session so the next sign-in asks again. */
export function signOut(): void {
  clearToken();
  try {
    sessionStorage.clear();
  } catch {
    // Nothing to clear.
  }
  set(null);
  const cfg = config();
  if (cfg.mode === 'aws') location.assign(logoutUrl(cfg));
}
