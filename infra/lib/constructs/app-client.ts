import { Duration } from 'aws-cdk-lib';
import {
  ClientAttributes,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  type IUserPool,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { organisationIdAttribute } from '../stacks/identity-stack';

/** Where the front end receives the authorisation code (route owned by web/). */
export const callbackPath = '/aanmelden/terug';

export interface AppClientProps {
  userPool: IUserPool;
  appOrigin: string;
  /** Extra origins for local development; empty in production. */
  devOrigins: string[];
}

/**
 * The browser app's registration: a public client (no secret, it could not be kept in a
 * browser) using the authorisation code flow with PKCE through the hosted UI.
 */
export function createAppClient(scope: Construct, id: string, props: AppClientProps): UserPoolClient {
  const origins = [props.appOrigin, ...props.devOrigins];
  return new UserPoolClient(scope, id, {
    userPool: props.userPool,
    generateSecret: false,
    // Sign-in happens only in the hosted UI; no password or SRP flows straight from the app.
    authFlows: { user: false, userPassword: false, userSrp: false, adminUserPassword: false, custom: false },
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
      // COGNITO_ADMIN (aws.cognito.signin.user.admin) lets the access token call Cognito's
      // self-service API for its own user: the web's two-step verification page enrols TOTP with
      // it (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference). It allows no more
      // than the user may do to themselves: attributes stay limited by writeAttributes below.
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
      callbackUrls: origins.map((origin) => `${origin}${callbackPath}`),
      logoutUrls: origins.map((origin) => `${origin}/`),
    },
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    // About a working day: shared workstations on wards should not stay signed in for weeks.
    refreshTokenValidity: Duration.hours(12),
    readAttributes: new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, givenName: true, familyName: true })
      .withCustomAttributes(organisationIdAttribute),
    // organisationId decides what a partner may see, so only administrators may change it.
    // E-mail stays writable: Cognito requires required attributes to be writable by the client.
    writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, givenName: true, familyName: true }),
  });
}
