/**
 * Two-step verification (`/tweestapsverificatie`, web/src/features/account) in Chromium.
 * Locally there is no Cognito: the page only explains where two-step verification is set up.
 * The AWS flow runs against the local stack with the front end switched to AWS mode
 * (`/config.json`) and Cognito's self-service endpoint answered by the test at the network
 * boundary (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference, GetUser), with the
 * app CSP's connect-src as the App stack writes it (tests/infra/identity.test.ts).
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, tokenFor } from '../support/api';
import { expectNoAxeViolations } from '../support/browser';
import { h1, url, usePages } from '../support/pages';

const newPage = usePages();
const path = '/tweestapsverificatie';

async function expectNothingToSetUp(page: Page): Promise<void> {
  const main = page.locator('main');
  expect(await main.locator('input, form, svg, code').count()).toBe(0);
  expect(await main.getByRole('button').count()).toBe(0);
}

describe('two-step verification, local', () => {
  it('explains where it is set up, and offers no flow of its own', async () => {
    const { page, log } = await newPage();
    await page.goto(url(path));
    await h1(page, 'Tweestapsverificatie');
    expect(await page.locator('main').textContent()).toContain('via de aanmelding van de organisatie');
    await expectNothingToSetUp(page);
    await expectNoAxeViolations(page, 'two-step verification (local)');
    expect(await page.title()).toBe('Tweestapsverificatie – GGZ Academie');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'Two-step verification');
    expect(await page.locator('main').textContent()).toContain('through the organisation’s sign-in');
    await expectNothingToSetUp(page);
    expect(log.errors).toEqual([]);
  });

  it('is linked from the account menu of a signed-in user', async () => {
    const { page, log } = await newPage();
    await page.goto(url('/aanmelden'));
    await page.getByRole('button', { name: 'Sanne de Vries – Academiebeheerder, Medewerker' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Tweestapsverificatie' }).click();
    await h1(page, 'Tweestapsverificatie');
    expect(new URL(page.url()).pathname).toBe(path);
    await expectNoAxeViolations(page, 'two-step verification (signed in, local)');
    expect(log.errors).toEqual([]);
  });
});

describe('two-step verification, AWS mode (Cognito answered at the network boundary)', () => {
  const region = 'eu-west-1';
  const cognito = `https://cognito-idp.${region}.amazonaws.com/`;
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  /** A JWT-shaped access token that is not expired (the page checks `exp` only; Cognito is the test). */
  const accessToken = () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'none' })}.${part({ exp: Math.floor(Date.now() / 1000) + 3600, scope: 'aws.cognito.signin.user.admin' })}.sig`;
  };

  async function awsPage(opts: { totpOn?: boolean; withAccessToken?: boolean } = {}) {
    const { page, log } = await newPage();
    const idToken = await tokenFor(demo.admin);
    const access = opts.withAccessToken === false ? null : accessToken();
    await page.addInitScript(
      ([id, acc]) => {
        sessionStorage.setItem('ggz.idToken', id!);
        if (acc) sessionStorage.setItem('ggz.accessToken', acc);
      },
      [idToken, access],
    );
    await page.route(url('/config.json'), (route) =>
      route.fulfill({
        json: { mode: 'aws', contentOrigin: 'http://localhost:1', region, userPoolId: `${region}_test`, clientId: 'client', cognitoDomain: 'https://academie.auth.eu-west-1.amazoncognito.com' },
      }),
    );
    // The app CSP in AWS connects to the Cognito API of its region (asserted on the synthesised App stack).
    await page.route(url(path), async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      headers['content-security-policy'] = headers['content-security-policy']!.replace("connect-src 'self'", `connect-src 'self' https://cognito-idp.${region}.amazonaws.com`);
      await route.fulfill({ response, headers });
    });
    const calls: Array<{ target: string; contentType: string; body: Record<string, any> }> = [];
    let enabled = Boolean(opts.totpOn);
    const cors = { 'access-control-allow-origin': url(''), 'access-control-allow-headers': 'content-type, x-amz-target', 'access-control-allow-methods': 'POST' };
    await page.route(cognito, async (route) => {
      const req: Request = route.request();
      if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      const target = (await req.headerValue('x-amz-target')) ?? '';
      const body = req.postDataJSON() as Record<string, any>;
      calls.push({ target, contentType: (await req.headerValue('content-type')) ?? '', body });
      const reply = (status: number, json: object) => route.fulfill({ status, headers: { ...cors, 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(json) });
      if (body.AccessToken !== access) return reply(400, { __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
      switch (target.replace('AWSCognitoIdentityProviderService.', '')) {
        case 'GetUser':
          return reply(200, { Username: 'sanne', UserAttributes: [], UserMFASettingList: enabled ? ['SOFTWARE_TOKEN_MFA'] : undefined });
        case 'AssociateSoftwareToken':
          return reply(200, { SecretCode: secret });
        case 'VerifySoftwareToken':
          return body.UserCode === '123456' ? reply(200, { Status: 'SUCCESS' }) : reply(400, { __type: 'CodeMismatchException', message: 'Invalid code received for user' });
        case 'SetUserMFAPreference':
          enabled = true;
          return reply(200, {});
        default:
          return reply(400, { __type: 'InvalidParameterException' });
      }
    });
    return { page, log, calls, ops: () => calls.map((c) => c.target.replace('AWSCognitoIdentityProviderService.', '')) };
  }

  /** A 400 from Cognito (wrong code) is logged by Chromium as a failed resource; nothing else may be. */
  const unexpected = (errors: string[]) => errors.filter((e) => !/status of 400/.test(e));

  it('links an authenticator app: QR code and key, a wrong code refused, then TOTP on and preferred', async () => {
    const { page, log, calls, ops } = await awsPage();
    await page.goto(url(path));
    await h1(page, 'Tweestapsverificatie');
    await page.getByText('Tweestapsverificatie staat nog niet aan.').waitFor();
    await expectNoAxeViolations(page, 'two-step verification (AWS, off)');

    await page.getByRole('button', { name: 'Authenticator-app koppelen' }).click();
    const qr = page.getByRole('img', { name: 'QR-code om de academie aan je authenticator-app toe te voegen' });
    await qr.waitFor();
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    expect(await page.getByTestId('totp-secret').textContent()).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    await expectNoAxeViolations(page, 'two-step verification (AWS, scan)');

    const code = page.getByLabel('Code uit de app (6 cijfers)');
    await code.fill('12345');
    await page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
    await page.getByText('Vul de 6 cijfers uit je authenticator-app in.').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(ops()).toEqual(['GetUser', 'AssociateSoftwareToken']);

    await code.fill('000 000');
    await page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
    await page.getByText(/Controleer of de tijd op je telefoon goed staat/).waitFor();
    expect(ops()).toEqual(['GetUser', 'AssociateSoftwareToken', 'VerifySoftwareToken']);
    await expectNoAxeViolations(page, 'two-step verification (AWS, wrong code)');

    await code.fill('123 456');
    await page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tweestapsverificatie staat aan' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Meld je af en opnieuw aan');
    expect(await page.getByRole('link', { name: 'Afmelden' }).last().getAttribute('href')).toBe('/afmelden');
    await expectNoAxeViolations(page, 'two-step verification (AWS, done)');

    expect(ops()).toEqual(['GetUser', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference']);
    for (const call of calls) {
      expect(call.contentType).toBe('application/x-amz-json-1.1');
      expect(typeof call.body.AccessToken).toBe('string');
    }
    expect(calls[3]!.body).toMatchObject({ UserCode: '123456', FriendlyDeviceName: 'Authenticator-app' });
    expect(calls[4]!.body).toMatchObject({ SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(unexpected(log.errors)).toEqual([]);
  });

  it('shows when TOTP is already on, and keeps a started enrolment across a language switch', async () => {
    const { page, log, ops } = await awsPage({ totpOn: true });
    await page.goto(url(path));
    await page.getByText('Tweestapsverificatie staat aan. Bij het aanmelden vragen we om een code uit je authenticator-app.').waitFor();
    await page.getByRole('button', { name: 'Een andere app koppelen' }).click();
    await page.getByTestId('totp-secret').waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('img', { name: 'QR code to add the academy to your authenticator app' }).waitFor();
    expect(await page.getByTestId('totp-secret').textContent()).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    // The same secret: no second AssociateSoftwareToken for a re-render.
    expect(ops().filter((op) => op === 'AssociateSoftwareToken')).toHaveLength(1);
    expect(unexpected(log.errors)).toEqual([]);
  });

  it('asks to sign in again when there is no access token for Cognito', async () => {
    const { page, log, ops } = await awsPage({ withAccessToken: false });
    await page.goto(url(path));
    await h1(page, 'Tweestapsverificatie');
    await page.getByRole('button', { name: 'Opnieuw aanmelden' }).waitFor();
    expect(ops()).toEqual([]);
    await expectNoAxeViolations(page, 'two-step verification (AWS, sign in again)');
    expect(log.errors).toEqual([]);
  });
});
