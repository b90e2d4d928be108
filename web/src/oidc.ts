/**
 * Cognito Hosted UI, authorization-code flow with PKCE (S256). A public SPA client has
 * no secret, so the verifier is what binds the code to this tab; `state` binds the
 * callback to the attempt this tab started.
 */
import { ProblemError } from './api';
import type { AwsConfig } from './config';
import { t } from './i18n';
import { storedToken } from './token';

const pkceKey = 'ggz.pkce';
const accessTokenKey = 'ggz.accessToken';
export const callbackPath = '/aanmelden/terug';
/**
 * `aws.cognito.signin.user.admin` lets the access token call Cognito's self-service API for this
 * user only (two-step verification: features/account). The API itself uses the ID token.
 */
export const scopes = 'openid email profile aws.cognito.signin.user.admin';

interface PendingSignIn {
  state: string;
  verifier: string;
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomToken(byteLength = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function redirectUri(origin = location.origin): string {
  return `${origin}${callbackPath}`;
}

export function authorizeUrl(cfg: AwsConfig, params: { state: string; challenge: string; redirectUri: string }): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: params.redirectUri,
    scope: scopes,
    state: params.state,
    code_challenge: params.challenge,
    code_challenge_method: 'S256',
  });
  return `${cfg.cognitoDomain}/oauth2/authorize?${query}`;
}

export function logoutUrl(cfg: AwsConfig, origin = location.origin): string {
  const query = new URLSearchParams({ client_id: cfg.clientId, logout_uri: `${origin}/` });
  return `${cfg.cognitoDomain}/logout?${query}`;
}

export async function startSignIn(cfg: AwsConfig): Promise<void> {
  const pending: PendingSignIn = { state: randomToken(16), verifier: randomToken(32) };
  sessionStorage.setItem(pkceKey, JSON.stringify(pending));
  const url = authorizeUrl(cfg, {
    state: pending.state,
    challenge: await s256Challenge(pending.verifier),
    redirectUri: redirectUri(),
  });
  // replace(): Back from the Hosted UI returns to the page before /aanmelden, not into a redirect loop.
  location.replace(url);
}

function takePending(): PendingSignIn | null {
  const raw = sessionStorage.getItem(pkceKey);
  // Single use: a reload of the callback URL must not replay the exchange.
  sessionStorage.removeItem(pkceKey);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<PendingSignIn>;
    return typeof parsed.state === 'string' && typeof parsed.verifier === 'string'
      ? { state: parsed.state, verifier: parsed.verifier }
      : null;
  } catch {
    return null;
  }
}

function failure(detail: string, status = 400): ProblemError {
  return new ProblemError({ title: t().callback.failedTitle, detail, status });
}

/**
 * The access token of this sign-in, kept beside the ID token in sessionStorage (cleared with it
 * at sign-out) for Cognito's self-service calls; null when missing or expired.
 */
export const accessToken = (): string | null => storedToken(accessTokenKey);

function keepAccessToken(token: unknown): void {
  try {
    if (typeof token === 'string' && token !== '') sessionStorage.setItem(accessTokenKey, token);
    else sessionStorage.removeItem(accessTokenKey);
  } catch {
    // Without storage the two-step verification page asks to sign in again.
  }
}

/** Validates the callback and exchanges the code; resolves to the ID token (the access token is kept, see accessToken()). */
export async function completeSignIn(cfg: AwsConfig, query: URLSearchParams): Promise<string> {
  const pending = takePending();
  const error = query.get('error');
  if (error) throw failure(query.get('error_description') ?? error);
  const code = query.get('code');
  if (!pending || !code || query.get('state') !== pending.state) throw failure(t().callback.invalidState);

  let res: Response;
  try {
    res = await fetch(`${cfg.cognitoDomain}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: cfg.clientId,
        code,
        redirect_uri: redirectUri(),
        code_verifier: pending.verifier,
      }),
    });
  } catch {
    throw new ProblemError({ title: t().errors.network, detail: t().errors.networkDetail, status: 0 });
  }
  const body = (await res.json().catch(() => ({}))) as { id_token?: unknown; access_token?: unknown; error?: unknown };
  if (!res.ok || typeof body.id_token !== 'string') {
    const reason = typeof body.error === 'string' ? ` (${body.error})` : '';
    throw failure(`${t().callback.tokenFailed}${reason}`, res.status);
  }
  keepAccessToken(body.access_token);
  return body.id_token;
}
