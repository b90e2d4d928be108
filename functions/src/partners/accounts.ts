import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AppConfig } from '../platform/config';
import { claims } from '../platform/auth/roles';
import { Problem } from '../platform/http/problem';
import { text } from '../platform/http/language';

/**
 * Where partner accounts live, chosen by the configuration's mode. Locally an invitation is a
 * link (shown to the academy and logged) and accepting it makes the profile the dev sign-in lists;
 * in AWS the invitation is a Cognito user in the `partner` group carrying `custom:organisationId`,
 * and Cognito e-mails the temporary password. Removing a user is refused on their next request
 * by the check in ../access.ts whatever the mode; in AWS the account is also disabled and signed out.
 */
export interface PartnerAccounts {
  readonly kind: 'link' | 'cognito';
  /** AWS: creates the account (and its group) now; returns the user's id (`sub`). */
  create(input: { email: string; name: string; organisationId: string }): Promise<{ userId: string }>;
  disable(userId: string): Promise<void>;
  enable(userId: string): Promise<void>;
}

const linkAccounts: PartnerAccounts = {
  kind: 'link',
  create: () => Promise.reject(new Error('Local invitations are accepted through their link')),
  disable: () => Promise.resolve(),
  enable: () => Promise.resolve(),
};

export const partnerGroup = 'partner';

export function cognitoAccounts(userPoolId: string, client: Pick<CognitoIdentityProviderClient, 'send'>): PartnerAccounts {
  return {
    kind: 'cognito',
    async create({ email, name, organisationId }) {
      try {
        const res = await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: name },
              { Name: claims.organisationId, Value: organisationId },
            ],
          }),
        );
        const sub = res.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
        if (!sub) throw new Error('Cognito returned no sub for the new user');
        await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: sub, GroupName: partnerGroup }));
        return { userId: sub };
      } catch (err) {
        if (err instanceof UsernameExistsException || (err as { name?: string }).name === 'UsernameExistsException') {
          throw new Problem('conflict', text(`Er bestaat al een account met het e-mailadres ${email}`, `An account with the e-mail address ${email} already exists`));
        }
        throw err;
      }
    },
    async disable(userId) {
      await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: userId }));
      // Refresh tokens stop working; an ID token still valid is refused by the request check.
      await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: userId }));
    },
    async enable(userId) {
      await client.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: userId }));
    },
  };
}

const cache = new WeakMap<AppConfig, PartnerAccounts>();

/** The port for this configuration (one Cognito client per process). */
export function partnerAccountsFor(config: AppConfig): PartnerAccounts {
  const known = cache.get(config);
  if (known) return known;
  let accounts: PartnerAccounts = linkAccounts;
  if (config.mode === 'aws') {
    const poolId = config.userPoolId;
    accounts = poolId
      ? cognitoAccounts(poolId, new CognitoIdentityProviderClient({ region: config.region }))
      : {
          ...linkAccounts,
          kind: 'cognito',
          create: () => Promise.reject(new Problem('internal', text('Uitnodigen is niet ingericht (geen gebruikerspool)', 'Inviting is not set up (no user pool)'))),
        };
  }
  cache.set(config, accounts);
  return accounts;
}
