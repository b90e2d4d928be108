import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { claims, type Role } from '../platform/auth/roles';

/**
 * LOCAL ONLY. The dev server plays the identity provider: it signs Cognito-shaped ID tokens
 * with its own RSA key and publishes the JWKS, so the API verifies them with exactly the code
 * it uses against Cognito. The key is kept under .data/ so browser sessions survive a restart.
 */
export interface DevIssuer {
  issuer: string;
  audience: string;
  jwks(): { keys: JWK[] };
  mint(user: { id: string; name: string; email?: string; roles: Role[]; organisationId?: string }, ttlSeconds?: number): Promise<string>;
}

export async function createDevIssuer(opts: { issuer: string; audience: string; keyFile?: string }): Promise<DevIssuer> {
  let privateJwk: JWK;
  if (opts.keyFile && existsSync(opts.keyFile)) {
    privateJwk = JSON.parse(readFileSync(opts.keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `dev-${crypto.randomUUID().slice(0, 8)}`, alg: 'RS256', use: 'sig' };
    if (opts.keyFile) {
      mkdirSync(dirname(opts.keyFile), { recursive: true });
      writeFileSync(opts.keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    }
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const key = await importJWK(privateJwk, 'RS256');
  return {
    issuer: opts.issuer,
    audience: opts.audience,
    jwks: () => ({ keys: [publicJwk] }),
    async mint(user, ttlSeconds = 8 * 3600) {
      return new SignJWT({
        token_use: 'id',
        name: user.name,
        email: user.email,
        [claims.groups]: user.roles,
        ...(user.organisationId ? { [claims.organisationId]: user.organisationId } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid })
        .setSubject(user.id)
        .setIssuer(opts.issuer)
        .setAudience(opts.audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
    },
  };
}
