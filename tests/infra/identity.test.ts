import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../infra/lib/paths';
import { claims, roles } from '../../functions/src/platform/auth/roles';
import { callbackPath } from '../../infra/lib/constructs/app-client';
import { renderSample, resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const userPool = () => resourceByIdPrefix(built.templates.identity, 'AWS::Cognito::UserPool', 'UserPool');
const appClient = (from: BuiltApp = built) => resourceByIdPrefix(from.templates.app, 'AWS::Cognito::UserPoolClient', 'AppClient');

describe('user pool', () => {
  it('is invitation-only, signs in by e-mail and recovers accounts by e-mail', () => {
    const pool = userPool().Properties;
    expect(pool.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.UsernameAttributes).toEqual(['email']);
    expect(pool.AutoVerifiedAttributes).toEqual(['email']);
    expect(pool.UserAttributeUpdateSettings).toEqual({ AttributesRequireVerificationBeforeUpdate: ['email'] });
    expect(pool.AccountRecoverySetting).toEqual({ RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] });
  });

  it('demands strong passwords and offers TOTP as a second factor', () => {
    const pool = userPool().Properties;
    expect(pool.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('is on the Plus tier with threat protection enforced, and is protected from deletion', () => {
    const pool = userPool();
    expect(pool.Properties.UserPoolTier).toBe('PLUS');
    expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('carries the partner organisation as a mutable custom attribute named after the token claim', () => {
    const attribute = (userPool().Properties.Schema as Array<Record<string, unknown>>).find(
      (a) => `custom:${a.Name}` === claims.organisationId,
    );
    expect(attribute).toMatchObject({ AttributeDataType: 'String', Mutable: true });
  });

  it('has one group per role in functions/src/platform/auth/roles.ts, and no others', () => {
    const groups = Object.values(resourcesOfType(built.templates.identity, 'AWS::Cognito::UserPoolGroup'));
    expect(groups.map((g) => g.Properties!.GroupName).sort()).toEqual([...roles].sort());
    for (const group of groups) expect(group.Properties!.UserPoolId).toEqual({ Ref: userPool().logicalId });
  });

  it('has a hosted UI domain', () => {
    const domain = resourceByIdPrefix(built.templates.identity, 'AWS::Cognito::UserPoolDomain', 'UserPool');
    expect(renderSample(domain.Properties.Domain)).toBe('academy-123456789012');
  });
});

describe('app client', () => {
  it('is a public client (no secret) using only the authorisation code flow', () => {
    const client = appClient().Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthScopes.sort()).toEqual(['aws.cognito.signin.user.admin', 'email', 'openid', 'profile']);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
  });

  it('returns to the app distribution only', () => {
    const client = appClient().Properties;
    const app = resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::Distribution', 'AppDelivery');
    expect(client.CallbackURLs.map((u: unknown) => renderSample(u))).toEqual([`https://<${app.logicalId}.DomainName>${callbackPath}`]);
    expect(client.LogoutURLs.map((u: unknown) => renderSample(u))).toEqual([`https://<${app.logicalId}.DomainName>/`]);
    expect(callbackPath).toBe('/aanmelden/terug');
  });

  it('issues one-hour ID tokens and hides whether an account exists', () => {
    const client = appClient().Properties;
    expect(client.IdTokenValidity).toBe(60);
    expect(client.TokenValidityUnits.IdToken).toBe('minutes');
    expect(client.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('lets users read but not change their organisation', () => {
    const client = appClient().Properties;
    expect(client.ReadAttributes).toContain(claims.organisationId);
    expect(client.WriteAttributes).not.toContain(claims.organisationId);
  });

  it('lets a signed-in user enrol an authenticator app from the web (access token scope, CSP)', () => {
    // AssociateSoftwareToken, VerifySoftwareToken and SetUserMFAPreference (web/src/features/account)
    // accept an access token only with this scope.
    expect(appClient().Properties.AllowedOAuthScopes).toContain('aws.cognito.signin.user.admin');
    // The browser calls https://cognito-idp.<region>.amazonaws.com/ itself: the app CSP (as the
    // post-deploy link writes it) must let it connect there.
    const link = resourceByIdPrefix(built.templates.app, 'Custom::HeadersPolicyLink', 'AppDelivery');
    const csp: string = JSON.parse(renderSample(link.Properties.Config)).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src '))!.split(' ');
    expect(connect).toContain('https://cognito-idp.eu-west-1.amazonaws.com');
    // The same endpoint the pool issues tokens from (the API checks iss against it).
    expect(new URL(renderSample(resourceByIdPrefix(built.templates.app, 'AWS::Lambda::Function', 'ApiFunction').Properties.Environment.Variables.AUTH_ISSUER)).origin).toBe(
      'https://cognito-idp.eu-west-1.amazonaws.com',
    );
  });

  it('allows local development callbacks only when asked for through context', () => {
    const dev = synthApp({ extraContext: { devOrigins: 'http://localhost:3000' } });
    try {
      const urls = appClient(dev).Properties.CallbackURLs.map((u: unknown) => renderSample(u));
      expect(urls).toContain(`http://localhost:3000${callbackPath}`);
      expect(appClient(dev).Properties.LogoutURLs.map((u: unknown) => renderSample(u))).toContain('http://localhost:3000/');
    } finally {
      dev.cleanup();
    }
  }, 120_000);
});

describe('MFA for academy-admin (pre-token-generation trigger)', () => {
  type Gate = {
    rolesRequiringMfa: string[];
    handle: (event: Record<string, any>, deps: { getUser: (pool: string, user: string) => Promise<{ UserMFASettingList?: string[] }> }) => Promise<Record<string, any>>;
  };
  const gate = createRequire(import.meta.url)(paths.adminMfaGateHandler) as Gate;
  const event = (groups: string[]) => ({ userPoolId: 'eu-west-1_pool', userName: 'sanne', request: { groupConfiguration: { groupsToOverride: groups } }, response: {} });
  const deps = (mfa: string[] | undefined) => ({ getUser: async () => ({ UserMFASettingList: mfa }) });

  it('is the pool\'s pre-token-generation trigger, and may only read users of this pool', () => {
    const fn = resourceByIdPrefix(built.templates.identity, 'AWS::Lambda::Function', 'AdminMfaGate');
    expect(userPool().Properties.LambdaConfig.PreTokenGeneration).toEqual({ 'Fn::GetAtt': [fn.logicalId, 'Arn'] });
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(resourcesOfType(built.templates.identity, 'AWS::IAM::Policy'))
      .filter((p) => (p.Properties!.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement as Array<Record<string, any>>);
    const cognito = statements.filter((st) => [st.Action].flat().some((a: string) => a.startsWith('cognito-idp:')));
    expect(cognito).toEqual([{ Action: 'cognito-idp:AdminGetUser', Effect: 'Allow', Resource: { 'Fn::GetAtt': [userPool().logicalId, 'Arn'] } }]);
    expect(gate.rolesRequiringMfa).toEqual(['academy-admin']);
    expect(roles).toContain('academy-admin');
  });

  it('leaves academy-admin out of the token of a user without TOTP, and keeps the other roles', async () => {
    const out = await gate.handle(event(['academy-admin', 'employee']), deps(undefined));
    expect(out.response.claimsOverrideDetails.groupOverrideDetails.groupsToOverride).toEqual(['employee']);
    const sms = await gate.handle(event(['academy-admin']), deps(['SMS_MFA']));
    expect(sms.response.claimsOverrideDetails.groupOverrideDetails.groupsToOverride).toEqual([]);
  });

  it('keeps academy-admin for a user with TOTP, and does not even look up users without the role', async () => {
    const out = await gate.handle(event(['academy-admin', 'employee']), deps(['SOFTWARE_TOKEN_MFA']));
    expect(out.response.claimsOverrideDetails).toBeUndefined();
    let looked = false;
    const plain = await gate.handle(event(['employee', 'author']), { getUser: async () => ((looked = true), {}) });
    expect(looked).toBe(false);
    expect(plain.response.claimsOverrideDetails).toBeUndefined();
  });
});
