import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { api, demo, stack, tokenFor } from '../support/api';

const devIssuer = () => createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });

describe('identity: /api/me with tokens from the local issuer', () => {
  it('is 401 without a token', async () => {
    const res = await api('/api/me');
    expect(res.status).toBe(401);
    expect(res.data.type).toBe('https://academie.example/problems/unauthenticated');
  });

  it.each([
    ['employee', demo.employee, ['employee']],
    ['author', demo.author, ['author', 'employee']],
    ['trainer', demo.trainer, ['trainer', 'employee']],
    ['team manager', demo.manager, ['team-manager', 'employee']],
    ['academy admin', demo.admin, ['academy-admin', 'employee']],
  ])('returns the profile and roles of a signed-in %s', async (_label, userId, roles) => {
    const res = await api('/api/me', { token: await tokenFor(userId) });
    expect(res.status).toBe(200);
    expect(res.data.id).toBe(userId);
    expect(res.data.roles).toEqual(roles);
    expect(res.data.organisationId).toBeUndefined();
  });

  it('carries the organisation of a partner user', async () => {
    const res = await api('/api/me', { token: await tokenFor(demo.partner2) });
    expect(res.data.roles).toEqual(['partner']);
    expect(res.data.organisationId).toBe('org-politie-basisteam-oost');
    expect(res.data.organisationName).toBe('Politie basisteam Oost');
  });

  it('creates a profile on first sign-in of a user the store has never seen', async () => {
    const issuer = await devIssuer();
    const id = `u-nieuw-${Date.now()}`;
    const token = await issuer.mint({ id, name: 'Nieuwe Collega', roles: ['employee'] });
    const first = await api('/api/me', { token });
    const second = await api('/api/me', { token });
    expect(first.status).toBe(200);
    expect(second.data).toEqual(first.data);
    expect(first.data.name).toBe('Nieuwe Collega');
  });

  it('rejects a malformed Authorization header instead of treating the caller as anonymous', async () => {
    const res = await api('/api/health', { headers: { authorization: 'Basic Zm9vOmJhcg==' } });
    expect(res.status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const issuer = await devIssuer();
    const token = await issuer.mint({ id: demo.employee, name: 'Noor', roles: ['employee'] }, -60);
    const res = await api('/api/me', { token });
    expect(res.status).toBe(401);
    expect(res.data.detail).toMatch(/verlopen/);
  });

  it('rejects a token for another audience or issuer', async () => {
    const wrongAud = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: 'other-client', keyFile: stack().devKeyFile });
    expect((await api('/api/me', { token: await wrongAud.mint({ id: demo.employee, name: 'N', roles: ['employee'] }) })).status).toBe(401);
    const wrongIss = await createDevIssuer({ issuer: 'https://evil.example', audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
    expect((await api('/api/me', { token: await wrongIss.mint({ id: demo.employee, name: 'N', roles: ['employee'] }) })).status).toBe(401);
  });

  it('rejects a token signed with a key the issuer never published, and a tampered one', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const kid = (await devIssuer()).jwks().keys[0]!.kid!;
    const forged = await new SignJWT({ token_use: 'id', 'cognito:groups': ['academy-admin'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(demo.employee)
      .setIssuer(stack().env.AUTH_ISSUER!)
      .setAudience(stack().env.AUTH_AUDIENCE!)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await api('/api/me', { token: forged })).status).toBe(401);

    const real = await tokenFor(demo.employee);
    const [h, p, s] = real.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload['cognito:groups'] = ['academy-admin'];
    const tampered = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    expect((await api('/api/me', { token: tampered })).status).toBe(401);
  });

  it('rejects the unsigned "none" algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: demo.employee, iss: stack().env.AUTH_ISSUER, aud: stack().env.AUTH_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    expect((await api('/api/me', { token: `${header}.${body}.` })).status).toBe(401);
  });

  it('refuses a token without exp or iat, one older than the maximum age, and one that is not an ID token', async () => {
    // Signed with the issuer's own key: only the claims differ from a good token.
    const key = await importJWK(JSON.parse(readFileSync(stack().devKeyFile, 'utf8')), 'RS256');
    const kid = (await devIssuer()).jwks().keys[0]!.kid!;
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ token_use: 'id', 'cognito:groups': ['employee'], ...claims }).setProtectedHeader({ alg: 'RS256', kid }).setSubject(demo.employee).setIssuer(stack().env.AUTH_ISSUER!).setAudience(stack().env.AUTH_AUDIENCE!).sign(key);
    expect((await api('/api/me', { token: await sign({ iat: now, exp: now + 600 }) })).status).toBe(200);
    for (const [label, claims] of [
      ['no exp', { iat: now }],
      ['no iat', { exp: now + 600 }],
      ['issued 25 hours ago', { iat: now - 25 * 3600, exp: now + 600 }],
      ['no token_use', { iat: now, exp: now + 600, token_use: undefined }],
      ['an access token', { iat: now, exp: now + 600, token_use: 'access' }],
    ] as const) {
      const res = await api('/api/me', { token: await sign(claims) });
      expect(res.status, label).toBe(401);
    }
  });
});
