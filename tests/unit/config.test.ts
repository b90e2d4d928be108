import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/platform/config';

const valid = {
  TABLE_NAME: 't',
  BUCKET_UPLOADS: 'u',
  BUCKET_CONTENT: 'c',
  BUCKET_ATTACHMENTS: 'a',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
  AUTH_AUDIENCE: 'client',
};

describe('configuration', () => {
  it('defaults to AWS mode and derives the JWKS URL from the issuer', () => {
    const c = loadConfig(valid);
    expect(c.mode).toBe('aws');
    expect(c.auth.jwksUrl).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json');
    expect(c.endpoints.dynamodb).toBeUndefined();
  });

  it('names every missing or malformed variable in one error', () => {
    expect(() => loadConfig({ ...valid, TABLE_NAME: '', AUTH_ISSUER: 'not a url' })).toThrowError(/TABLE_NAME.*AUTH_ISSUER|AUTH_ISSUER.*TABLE_NAME/);
  });

  it('rejects an unknown mode', () => {
    expect(() => loadConfig({ ...valid, APP_MODE: 'staging' })).toThrowError(/APP_MODE/);
  });

  it('in AWS mode takes signing keys only from an https issuer\'s own JWKS', () => {
    expect(() => loadConfig({ ...valid, AUTH_ISSUER: 'http://cognito.example/pool' })).toThrowError(/AUTH_ISSUER must be https/);
    expect(() => loadConfig({ ...valid, AUTH_JWKS_URL: 'https://elders.example/jwks.json' })).toThrowError(/AUTH_JWKS_URL/);
    expect(loadConfig({ ...valid, AUTH_JWKS_URL: `${valid.AUTH_ISSUER}/.well-known/jwks.json` }).auth.jwksUrl).toBe(`${valid.AUTH_ISSUER}/.well-known/jwks.json`);
    // Locally the dev server is the issuer, over plain http on loopback.
    expect(loadConfig({ ...valid, APP_MODE: 'local', AUTH_ISSUER: 'http://localhost:3000/dev-issuer', AUTH_JWKS_URL: 'http://127.0.0.1:3000/dev-issuer/.well-known/jwks.json' }).mode).toBe('local');
  });
});
