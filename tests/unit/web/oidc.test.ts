import { describe, expect, it } from 'vitest';
import type { AwsConfig } from '../../../web/src/config';
import { authorizeUrl, base64url, logoutUrl, randomToken, s256Challenge } from '../../../web/src/oidc';

const cfg: AwsConfig = {
  mode: 'aws',
  contentOrigin: 'https://content.example',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_abc',
  clientId: 'client123',
  cognitoDomain: 'https://academie.auth.eu-west-1.amazoncognito.com',
};

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('produces url-safe verifiers of the length RFC 7636 requires', () => {
    const verifier = randomToken(32);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(base64url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('builds the Hosted UI authorize and logout URLs', () => {
    const url = new URL(authorizeUrl(cfg, { state: 's1', challenge: 'c1', redirectUri: 'https://app.example/aanmelden/terug' }));
    expect(url.origin + url.pathname).toBe(`${cfg.cognitoDomain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://app.example/aanmelden/terug',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
    const out = new URL(logoutUrl(cfg, 'https://app.example'));
    expect(out.pathname).toBe('/logout');
    expect(out.searchParams.get('logout_uri')).toBe('https://app.example/');
  });
});
