import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { createTokenVerifier, IdentityUnavailableError } from '../../functions/src/platform/auth/verify';

/**
 * When the issuer's key set cannot be fetched, the caller did nothing wrong: the API answers 503
 * with Retry-After (try again), never 401 (which the web treats as "signed out", mid-edit).
 */
let silent: Server;
let url: string;
beforeAll(async () => {
  // Accepts connections and never answers: the JWKS fetch times out.
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

// Any well-formed RS256 token will do: the verifier must fetch the keys before it can judge it.
const token = [{ alg: 'RS256', kid: 'k1' }, { sub: 'u1', token_use: 'id' }].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.c2ln';

describe('an unreachable identity provider', () => {
  it('is reported as unavailable by the verifier, not as a bad token', async () => {
    const verify = createTokenVerifier({ issuer: 'http://127.0.0.1/issuer', jwksUrl: url, audience: 'app' });
    await expect(verify(token)).rejects.toBeInstanceOf(IdentityUnavailableError);
  }, 10_000);

  it('answers 503 problem+json with Retry-After, so the web keeps the session', async () => {
    const deps = buildDeps(loadConfig({ APP_MODE: 'local', TABLE_NAME: 't', BUCKET_UPLOADS: 'u', BUCKET_CONTENT: 'c', BUCKET_ATTACHMENTS: 'a', AUTH_ISSUER: 'http://127.0.0.1/issuer', AUTH_JWKS_URL: url, AUTH_AUDIENCE: 'app', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', S3_ENDPOINT: 'http://127.0.0.1:9' }));
    const res = await createApp(deps).request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { type: string }).type).toBe('https://academie.example/problems/identity-unavailable');
  }, 10_000);
});
