import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { claims, isRole } from './roles';
import type { Principal } from './principal';
import { text, type Text } from '../http/language';

export interface VerifierConfig {
  issuer: string;
  jwksUrl: string;
  audience: string;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

/** The token is refused (401); `text` says why, in both languages, for the problem's detail. */
export class InvalidTokenError extends Error {
  readonly text: Text;

  constructor(message: Text) {
    super(message.nl);
    this.name = 'InvalidTokenError';
    this.text = message;
  }
}

/** The issuer's keys could not be fetched in time: not the caller's fault, so retryable (503), never a sign-out (401). */
export class IdentityUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdentityUnavailableError';
  }
}

/** An ID token older than this is refused even if it has not expired (Cognito issues them for at most a day). */
export const maxTokenAge = '24h';

/**
 * Verifies Cognito-style ID tokens against the issuer's JWKS. The same code runs in AWS
 * (Cognito) and locally (the dev server is the issuer): only the URLs differ.
 */
export function createTokenVerifier(cfg: VerifierConfig): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(cfg.jwksUrl), { timeoutDuration: 2000, cooldownDuration: 30_000 });
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: cfg.issuer, audience: cfg.audience, algorithms: ['RS256'], requiredClaims: ['exp', 'iat'], maxTokenAge }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new InvalidTokenError(text('Token is verlopen', 'The token has expired'));
      // The key set timed out or could not be fetched: checked before the generic JOSE case, which it also is.
      if (err instanceof joseErrors.JWKSTimeout || !(err instanceof joseErrors.JOSEError)) throw new IdentityUnavailableError('De aanmelddienst reageert niet', { cause: err });
      throw new InvalidTokenError(text('Token is ongeldig', 'The token is invalid'));
    }
    return principalFromClaims(payload);
  };
}

export function principalFromClaims(payload: JWTPayload): Principal {
  if (payload.token_use !== 'id') throw new InvalidTokenError(text('Alleen ID-tokens worden geaccepteerd', 'Only ID tokens are accepted'));
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError(text('Token zonder subject', 'The token has no subject'));
  const groups = payload[claims.groups];
  const roles = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string').filter(isRole) : [];
  const org = payload[claims.organisationId];
  const name = typeof payload.name === 'string' ? payload.name : typeof payload.email === 'string' ? payload.email : payload.sub;
  return {
    id: payload.sub,
    name,
    email: typeof payload.email === 'string' ? payload.email : undefined,
    roles,
    organisationId: typeof org === 'string' && org.length > 0 ? org : undefined,
  };
}
