/**
 * Cognito's self-service API for the signed-in user, called straight from the browser: a JSON
 * POST to https://cognito-idp.<region>.amazonaws.com/ with `X-Amz-Target` naming the operation
 * and the user's access token in the body (no AWS credentials, no SDK). The app CSP's
 * connect-src allows that origin (infra: tests/infra/identity.test.ts); the access token carries
 * the scope `aws.cognito.signin.user.admin` (web/src/oidc.ts), without which Cognito refuses.
 */
import { ProblemError } from '../../api';
import { act } from './messages';

export type CognitoOperation = 'GetUser' | 'AssociateSoftwareToken' | 'VerifySoftwareToken' | 'SetUserMFAPreference';

/** What went wrong, in the terms the page needs (Cognito's `__type`, e.g. `CodeMismatchException`). */
export type CognitoFailure = 'wrong-code' | 'session' | 'too-many' | 'restart' | 'network' | 'other';

export function cognitoEndpoint(region: string): string {
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new Error(`Not an AWS region: ${region}`);
  return `https://cognito-idp.${region}.amazonaws.com/`;
}

/** `__type` may come as `NotAuthorizedException` or with a namespace (`com.amazon…#NotAuthorizedException`). */
export function failureOf(type: string | undefined): CognitoFailure {
  const name = (type ?? '').split('#').pop()!.split(':')[0]!;
  switch (name) {
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return 'wrong-code';
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
    case 'PasswordResetRequiredException':
    case 'UserNotConfirmedException':
      return 'session';
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return 'too-many';
    case 'SoftwareTokenMFANotFoundException':
    case 'ExpiredCodeException':
      return 'restart';
    default:
      return 'other';
  }
}

/** A failed call as the page shows it; `failure` tells it what to offer next. */
export class CognitoError extends ProblemError {
  constructor(
    readonly failure: CognitoFailure,
    status: number,
    serverMessage?: string,
  ) {
    const m = act().errors[failure];
    super({ title: m.title, detail: failure === 'other' && serverMessage ? `${m.detail} (${serverMessage})` : m.detail, status });
    this.name = 'CognitoError';
  }
}

async function call<T>(region: string, operation: CognitoOperation, body: Record<string, unknown>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(cognitoEndpoint(region), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new CognitoError('network', 0);
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const type = typeof json.__type === 'string' ? json.__type : (res.headers.get('x-amzn-errortype') ?? undefined);
    const message = typeof json.message === 'string' ? json.message : typeof json.Message === 'string' ? json.Message : undefined;
    throw new CognitoError(failureOf(type), res.status, message);
  }
  return json as T;
}

/** Whether TOTP is already on for this user (`SOFTWARE_TOKEN_MFA` in the enabled list, as the admin MFA gate checks). */
export async function totpEnabled(region: string, accessToken: string): Promise<boolean> {
  const user = await call<{ UserMFASettingList?: string[] }>(region, 'GetUser', { AccessToken: accessToken });
  return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
}

/** A new secret for this user; it becomes their second factor only once a code from it is verified. */
export async function associateSoftwareToken(region: string, accessToken: string): Promise<string> {
  const out = await call<{ SecretCode?: string }>(region, 'AssociateSoftwareToken', { AccessToken: accessToken });
  if (!out.SecretCode) throw new CognitoError('other', 502);
  return out.SecretCode;
}

/** Checks a code from the app against the new secret, then makes TOTP the user's enabled and preferred second factor. */
export async function verifyAndEnableTotp(region: string, accessToken: string, code: string, deviceName: string): Promise<void> {
  const verified = await call<{ Status?: string }>(region, 'VerifySoftwareToken', {
    AccessToken: accessToken,
    UserCode: code,
    FriendlyDeviceName: deviceName,
  });
  if (verified.Status !== 'SUCCESS') throw new CognitoError('wrong-code', 400);
  await call(region, 'SetUserMFAPreference', {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
}
