import { describe, expect, it } from 'vitest';
import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminDisableUserCommand, AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { allows, organisationIdFor, partnerRefusal, statusAfter } from '../../../functions/src/partners/domain/organisation';
import { answersToOrganisation, cognitoAccounts, partnerAccountsFor } from '../../../functions/src/partners';
import { loadConfig } from '../../../functions/src/platform/config';

describe('organisation status changes', () => {
  it('suspends only an active organisation, revokes any not yet revoked, re-activates any not active', () => {
    expect(statusAfter('active', 'suspend')).toBe('suspended');
    expect(statusAfter('suspended', 'suspend')).toBeUndefined();
    expect(statusAfter('revoked', 'suspend')).toBeUndefined();
    expect(statusAfter('active', 'revoke')).toBe('revoked');
    expect(statusAfter('suspended', 'revoke')).toBe('revoked');
    expect(statusAfter('revoked', 'revoke')).toBeUndefined();
    expect(statusAfter('suspended', 'reactivate')).toBe('active');
    expect(statusAfter('revoked', 'reactivate')).toBe('active');
    expect(statusAfter('active', 'reactivate')).toBeUndefined();
  });
});

describe('the request check (pure part)', () => {
  const org = (status: 'active' | 'suspended' | 'revoked') => ({ name: 'Wijkverpleging Zorgzaam', status });

  it('lets an active organisation\'s user on, and anyone not answering to an organisation', () => {
    expect(partnerRefusal({ partner: true, organisationId: 'org-a', organisation: org('active'), user: { status: 'active' } })).toBeUndefined();
    // Seeded and older accounts have no partner record: the organisation decides.
    expect(partnerRefusal({ partner: true, organisationId: 'org-a', organisation: org('active') })).toBeUndefined();
    expect(partnerRefusal({ partner: false })).toBeUndefined();
  });

  it('refuses with a clear message in both languages and a type of its own', () => {
    const suspended = partnerRefusal({ partner: true, organisationId: 'org-a', organisation: org('suspended') })!;
    expect(suspended.kind).toBe('organisationSuspended');
    expect(suspended.detail.nl).toMatch(/^Je organisatie \(Wijkverpleging Zorgzaam\) heeft op dit moment geen toegang tot de GGZ Academie \(geschorst\)\. Neem contact op met/);
    expect(suspended.detail.en).toMatch(/currently has no access .*\(suspended\)/);
    expect(partnerRefusal({ partner: true, organisationId: 'org-a', organisation: org('revoked') })).toMatchObject({ kind: 'partnerAccessRevoked', organisationStatus: 'revoked' });
    expect(partnerRefusal({ partner: true, organisationId: 'org-a', organisation: org('active'), user: { status: 'removed' } })).toMatchObject({ kind: 'partnerAccessRevoked', organisationStatus: 'removed' });
    expect(partnerRefusal({ partner: true, organisationId: 'org-a' })).toMatchObject({ kind: 'partnerAccessRevoked', organisationStatus: 'unknown' });
    expect(partnerRefusal({ partner: true })).toMatchObject({ kind: 'partnerAccessRevoked', organisationStatus: 'unknown' });
  });

  it('asks nothing of staff: only a partner or a token with an organisation is checked', () => {
    expect(answersToOrganisation({ id: 'u', name: 'U', roles: ['academy-admin', 'employee'] })).toBe(false);
    expect(answersToOrganisation({ id: 'u', name: 'U', roles: ['employee'] })).toBe(false);
    expect(answersToOrganisation({ id: 'u', name: 'U', roles: ['partner'] })).toBe(true);
    expect(answersToOrganisation({ id: 'u', name: 'U', roles: ['employee'], organisationId: 'org-a' })).toBe(true);
  });
});

describe('what an organisation may use', () => {
  it('is everything open to partners when its lists are empty, and only what the lists name otherwise', () => {
    expect(allows({ networkIds: [], moduleIds: [] }, { networkId: 'psychose' })).toBe(true);
    expect(allows({ networkIds: ['autisme'], moduleIds: [] }, { networkId: 'psychose' })).toBe(false);
    expect(allows({ networkIds: ['autisme'], moduleIds: [] }, { networkId: 'autisme' })).toBe(true);
    expect(allows({ networkIds: [], moduleIds: ['m-1'] }, { moduleId: 'm-2' })).toBe(false);
  });

  it('gets a readable id from its name', () => {
    expect(organisationIdFor('Huisartsenpraktijk De Linde')).toBe('org-huisartsenpraktijk-de-linde');
    expect(organisationIdFor("Politie 'Basisteam' Oost — Zuidoever")).toBe('org-politie-basisteam-oost-zuidoever');
    expect(organisationIdFor('Café Één')).toBe('org-cafe-een');
    expect(organisationIdFor('!!!')).toBe('org-organisatie');
  });
});

describe('partner accounts in AWS (Cognito)', () => {
  it('creates a user in the partner group carrying the organisation id, and disables and signs out a removed one', async () => {
    const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
    const client = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        sent.push({ name: command.constructor.name, input: command.input });
        if (command instanceof AdminCreateUserCommand) return { User: { Attributes: [{ Name: 'sub', Value: 'sub-123' }] } };
        return {};
      },
    };
    const accounts = cognitoAccounts('eu-west-1_pool', client as never);
    expect(await accounts.create({ email: 'petra@partner.example', name: 'Petra', organisationId: 'org-a' })).toEqual({ userId: 'sub-123' });
    expect(sent[0]).toMatchObject({ name: AdminCreateUserCommand.name, input: { UserPoolId: 'eu-west-1_pool', Username: 'petra@partner.example' } });
    expect(sent[0]!.input.UserAttributes).toContainEqual({ Name: 'custom:organisationId', Value: 'org-a' });
    expect(sent[1]).toMatchObject({ name: AdminAddUserToGroupCommand.name, input: { GroupName: 'partner', Username: 'sub-123' } });
    await accounts.disable('sub-123');
    expect(sent.slice(2).map((s) => s.name)).toEqual([AdminDisableUserCommand.name, AdminUserGlobalSignOutCommand.name]);
  });

  it('is chosen by the configuration: a link locally, Cognito in AWS', () => {
    const base = { TABLE_NAME: 't', BUCKET_UPLOADS: 'u', BUCKET_CONTENT: 'c', BUCKET_ATTACHMENTS: 'a', AUTH_AUDIENCE: 'x' };
    expect(partnerAccountsFor(loadConfig({ ...base, APP_MODE: 'local', AUTH_ISSUER: 'http://localhost:1/dev-issuer' })).kind).toBe('link');
    expect(partnerAccountsFor(loadConfig({ ...base, APP_MODE: 'aws', AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/pool', COGNITO_USER_POOL_ID: 'eu-west-1_pool' })).kind).toBe('cognito');
  });
});
