import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { AwsConfig } from '../../../web/src/config';
import { cognitoEndpoint, failureOf } from '../../../web/src/features/account/cognito';
import { __accountCatalogues } from '../../../web/src/features/account/messages';
import { qrPath, quietZone } from '../../../web/src/features/account/qr';
import { groupSecret, normaliseCode, normaliseSecret, otpauthUri } from '../../../web/src/features/account/totp';
import { authorizeUrl } from '../../../web/src/oidc';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('otpauth URI for the authenticator app', () => {
  it('follows the Key Uri Format with Cognito’s TOTP parameters (SHA1, 6 digits, 30 s)', () => {
    expect(otpauthUri({ issuer: 'GGZ Academie', account: 'sanne@academie.example', secret })).toBe(
      `otpauth://totp/GGZ%20Academie:sanne%40academie.example?secret=${secret}&issuer=GGZ%20Academie&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('parses back to the same issuer, account and secret', () => {
    const uri = new URL(otpauthUri({ issuer: 'GGZ Academie', account: 'Jan de Vries', secret: secret.toLowerCase() }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/GGZ Academie:Jan de Vries');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('GGZ Academie');
  });

  it('refuses what would make the label ambiguous or the secret unreadable', () => {
    expect(() => otpauthUri({ issuer: 'GGZ: Academie', account: 'a', secret })).toThrow(/":"/);
    expect(() => otpauthUri({ issuer: 'GGZ', account: ' ', secret })).toThrow();
    expect(() => otpauthUri({ issuer: 'GGZ', account: 'a', secret: 'not base32!' })).toThrow(/base32/);
  });

  it('shows the secret in groups of four, without padding, in capitals', () => {
    expect(normaliseSecret('jbsw y3dp====')).toBe('JBSWY3DP');
    expect(groupSecret('JBSWY3DPEHPK3PX')).toBe('JBSW Y3DP EHPK 3PX');
  });
});

describe('the 6-digit code', () => {
  it('accepts six digits, also typed with a space, a dash or full-width digits', () => {
    expect(normaliseCode('123456')).toBe('123456');
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
    expect(normaliseCode('１２３４５６')).toBe('123456');
  });

  it('refuses anything else', () => {
    for (const input of ['', '12345', '1234567', '12a456', '123.456', '12345６7']) expect(normaliseCode(input), input).toBeNull();
  });
});

describe('Cognito self-service calls', () => {
  it('go to the regional cognito-idp endpoint the app CSP allows', () => {
    expect(cognitoEndpoint('eu-west-1')).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(() => cognitoEndpoint('evil.example/x')).toThrow();
  });

  it('turn Cognito error types into what the page offers next', () => {
    expect(failureOf('CodeMismatchException')).toBe('wrong-code');
    expect(failureOf('EnableSoftwareTokenMFAException')).toBe('wrong-code');
    expect(failureOf('com.amazonaws.cognito.identity.idp.model#NotAuthorizedException')).toBe('session');
    expect(failureOf('NotAuthorizedException:Access Token does not have required scopes')).toBe('session');
    expect(failureOf('LimitExceededException')).toBe('too-many');
    expect(failureOf('SoftwareTokenMFANotFoundException')).toBe('restart');
    expect(failureOf(undefined)).toBe('other');
  });

  it('need an access token with the self-service scope, so sign-in asks for it', () => {
    const cfg: AwsConfig = {
      mode: 'aws',
      contentOrigin: 'https://content.example',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_abc',
      clientId: 'client123',
      cognitoDomain: 'https://academie.auth.eu-west-1.amazoncognito.com',
    };
    const url = new URL(authorizeUrl(cfg, { state: 's', challenge: 'c', redirectUri: 'https://app.example/aanmelden/terug' }));
    expect(url.searchParams.get('scope')!.split(' ').sort()).toEqual(['aws.cognito.signin.user.admin', 'email', 'openid', 'profile']);
  });
});

describe('QR code drawing', () => {
  it('draws exactly the dark modules, one unit square each, inside the quiet zone', () => {
    const matrix = { size: 2, get: (row: number, col: number) => (row === col ? 1 : 0) };
    expect(qrPath(matrix)).toBe(`M${quietZone} ${quietZone}h1v1h-1zM${quietZone + 1} ${quietZone + 1}h1v1h-1z`);
  });

  it('draws a real symbol with its finder patterns', () => {
    const { modules } = create(otpauthUri({ issuer: 'GGZ Academie', account: 'sanne@academie.example', secret }), { errorCorrectionLevel: 'M' });
    const path = qrPath(modules);
    const dark = path.split('z').filter(Boolean).length;
    expect(dark).toBe(Array.from(modules.data).filter(Boolean).length);
    // Top-left finder: a dark 7×7 ring, so its corners are dark and the ring's inside (1,1) is light.
    for (const [r, c] of [[0, 0], [0, 6], [6, 0], [6, 6]]) expect(path).toContain(`M${c! + quietZone} ${r! + quietZone}h1v1h-1z`);
    expect(path).not.toContain(`M${1 + quietZone} ${1 + quietZone}h1v1h-1z`);
  });
});

describe('account messages', () => {
  it('have the same keys in Dutch and English', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
    expect(keys(__accountCatalogues.en)).toEqual(keys(__accountCatalogues.nl));
  });
});
