import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { claims, roleLabels, roles } from '../../../functions/src/platform/auth/roles';
import { acknowledge } from '../nag';

/** `custom:organisationId` in tokens is the custom attribute `organisationId` in the pool. */
export const organisationIdAttribute = claims.organisationId.replace(/^custom:/, '');

export interface IdentityStackProps extends StackProps {
  stackPrefix: string;
  cognitoDomainPrefix?: string;
}

/**
 * Who may sign in: the user pool (stateful: it holds every account), one group per role and
 * the hosted UI domain. The app client lives in the App stack because its callback URLs are
 * the app distribution's address.
 */
export class IdentityStack extends Stack {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  /** Hosted UI base URL, e.g. https://academy-123456789012.auth.eu-west-1.amazoncognito.com */
  readonly hostedUiUrl: string;
  /** Cognito's API endpoint in this region (token refresh, MFA set-up calls from the browser). */
  readonly cognitoApiOrigin: string;
  /** The `iss` claim of this pool's tokens; the API fetches the JWKS below it. */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by academy staff (employees) or on partner onboarding, never by strangers.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed address only takes effect once verified; until then sign-in uses the old one.
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
      },
      customAttributes: {
        // Mutable so administrators can move a partner to another organisation; the app client
        // does not grant users write access to it (see AppClient).
        [organisationIdAttribute]: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier for threat protection: blocks sign-ins with credentials known to be leaked and
      // challenges risky ones. Clinicians reuse passwords too; this is cheap insurance for health data.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Uw account voor de academie',
        emailBody:
          'U bent uitgenodigd voor de academie. Uw gebruikersnaam is {username} en uw tijdelijke wachtwoord is {####}. ' +
          'Bij de eerste keer aanmelden kiest u een eigen wachtwoord.',
      },
      userVerification: {
        emailSubject: 'Uw verificatiecode voor de academie',
        emailBody: 'Uw verificatiecode is {####}.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional (TOTP) by product decision: partner users (GP practices, schools, police) sign in rarely; ' +
        'threat protection (Plus tier) challenges risky sign-ins. Revisit when staff sign in through the corporate IdP.',
    );

    roles.forEach((role, index) => {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: roleLabels[role].en,
        precedence: index,
      });
    });

    const domainPrefix = props.cognitoDomainPrefix ?? `${props.stackPrefix.toLowerCase()}-${Aws.ACCOUNT_ID}`;
    this.domain = this.userPool.addDomain('HostedUiDomain', { cognitoDomain: { domainPrefix } });
    this.hostedUiUrl = this.domain.baseUrl();
    this.cognitoApiOrigin = `https://cognito-idp.${this.region}.${this.urlSuffix}`;
    // Written out in full so the template shows exactly what the API compares with a token's iss.
    this.issuerUrl = `${this.cognitoApiOrigin}/${this.userPool.userPoolId}`;

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'IssuerUrl', { value: this.issuerUrl });
    new CfnOutput(this, 'HostedUiUrl', { value: this.hostedUiUrl });
  }
}
