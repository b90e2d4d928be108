import { readFileSync } from 'node:fs';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolOperation,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { claims, roleLabels, roles } from '../../../functions/src/platform/auth/roles';
import { acknowledge } from '../nag';
import { paths } from '../paths';

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
      'MFA is optional (TOTP) for most users by product decision: partner users (GP practices, schools, police) sign in rarely; ' +
        'threat protection (Plus tier) challenges risky sign-ins. The academy-admin role requires TOTP: the pre-token-generation ' +
        'trigger withholds it from tokens of users without it. Revisit when staff sign in through the corporate IdP.',
    );

    this.gateAdminRoleOnMfa();

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

  /**
   * MFA for academy-admin. Cognito cannot require MFA per group, and switching a live pool from
   * OPTIONAL to required is refused, so a pre-token-generation trigger (runtime/admin-mfa-gate.cjs)
   * leaves academy-admin out of the token's groups unless the user has TOTP activated; with MFA
   * OPTIONAL and no remembered devices, such a user passes a TOTP challenge at every sign-in.
   * The API and its policy then see a signed-in user without the admin role.
   */
  private gateAdminRoleOnMfa(): void {
    const logGroup = new LogGroup(this, 'AdminMfaGateLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    const role = new Role(this, 'AdminMfaGateRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const gate = new LambdaFunction(this, 'AdminMfaGate', {
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromInline(readFileSync(paths.adminMfaGateHandler, 'utf8')),
      timeout: Duration.seconds(5),
      memorySize: 256,
      role,
      logGroup,
      description: 'Withholds academy-admin from tokens of users without TOTP MFA',
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, gate);
    // A policy of its own, not attached through the function: the pool names the function and this
    // statement names the pool, so the function must not wait for it (that would be a cycle).
    new Policy(this, 'AdminMfaGatePolicy', {
      roles: [role],
      statements: [new PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [this.userPool.userPoolArn] })],
    });
    acknowledge(gate, 'AwsSolutions-L1', 'Node.js 22 on purpose: the same runtime as the API function and the version the project builds and tests with.');
  }
}
