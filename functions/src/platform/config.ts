import { z } from 'zod';

/**
 * Runtime configuration, read once from the environment. Local mode and AWS differ
 * only here (endpoints, issuer), never in business code paths.
 */
const envSchema = z.object({
  APP_MODE: z.enum(['local', 'aws']).default('aws'),
  AWS_REGION: z.string().default('eu-west-1'),
  TABLE_NAME: z.string().min(1),
  BUCKET_UPLOADS: z.string().min(1),
  BUCKET_CONTENT: z.string().min(1),
  BUCKET_ATTACHMENTS: z.string().min(1),
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  AUTH_ISSUER: z.string().url(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_AUDIENCE: z.string().min(1),
  APP_ORIGIN: z.string().url().optional(),
  CONTENT_ORIGIN: z.string().url().optional(),
  /**
   * Shared secret CloudFront adds to every /api request (header `x-origin-verify`); when set, the
   * API refuses requests without it, so the execute-api endpoint cannot be used to bypass
   * CloudFront and its WAF. Unset locally: there is no CloudFront in front of the local server.
   */
  ORIGIN_VERIFY_SECRET: z.string().min(32).optional(),
  /**
   * Signs SCORM launch tokens (HS256; functions/src/scorm/attempts/launch-token.ts). In AWS a
   * Secrets Manager value (like ORIGIN_VERIFY_SECRET); locally, when unset, each process makes
   * its own at random (tokens then do not survive a restart).
   */
  SCORM_LAUNCH_SECRET: z.string().min(32).optional(),
  /**
   * HMAC key of the SCORM package cookie (functions/src/scorm/player/package-cookie.ts) that the
   * API issues on `POST /api/scorm/runtime/launch-cookie`. In AWS the same Secrets Manager value is
   * written into the content distribution's CloudFront Function, which checks the cookie; locally,
   * when unset, a random one per process (the local content origin issues its own cookies).
   */
  SCORM_PACKAGE_COOKIE_KEY: z.string().min(32).optional(),
  /**
   * The Cognito user pool (AWS): partner invitations create users in it (functions/src/partners).
   * Unset locally, where an invitation is a link.
   */
  COGNITO_USER_POOL_ID: z.string().min(1).optional(),
  /** Milliseconds; a datastore call that takes longer fails fast instead of hanging a request. */
  STORE_TIMEOUT_MS: z.coerce.number().int().positive().default(1500),
});

export interface AppConfig {
  mode: 'local' | 'aws';
  region: string;
  tableName: string;
  buckets: { uploads: string; content: string; attachments: string };
  endpoints: { dynamodb?: string; s3?: string };
  auth: { issuer: string; jwksUrl: string; audience: string };
  appOrigin?: string;
  contentOrigin?: string;
  /** The secret CloudFront sends in `x-origin-verify`; undefined = no check (local runtime). */
  originVerifySecret?: string;
  /** Signs SCORM launch tokens; undefined locally = a random secret per process (required in AWS when a learner launches). */
  scormLaunchSecret?: string;
  /** Signs the SCORM package cookie; shared with the content distribution's CloudFront Function (required in AWS when a player asks for the cookie). */
  scormPackageCookieKey?: string;
  /** The Cognito user pool partner invitations create users in (AWS only). */
  userPoolId?: string;
  storeTimeoutMs: number;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  const e = parsed.data;
  const issuer = e.AUTH_ISSUER.replace(/\/$/, '');
  const jwksUrl = e.AUTH_JWKS_URL ?? `${issuer}/.well-known/jwks.json`;
  // In AWS the keys that sign tokens come from the issuer itself, over TLS: anything else would
  // let a misconfiguration (or an attacker on the path) mint accepted tokens.
  if (e.APP_MODE === 'aws') {
    if (!issuer.startsWith('https://')) throw new Error('Invalid configuration: AUTH_ISSUER must be https in AWS mode');
    if (jwksUrl !== `${issuer}/.well-known/jwks.json`) throw new Error("Invalid configuration: AUTH_JWKS_URL must be the issuer's own /.well-known/jwks.json in AWS mode");
  }
  return {
    mode: e.APP_MODE,
    region: e.AWS_REGION,
    tableName: e.TABLE_NAME,
    buckets: { uploads: e.BUCKET_UPLOADS, content: e.BUCKET_CONTENT, attachments: e.BUCKET_ATTACHMENTS },
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, s3: e.S3_ENDPOINT },
    auth: {
      issuer: e.AUTH_ISSUER,
      jwksUrl,
      audience: e.AUTH_AUDIENCE,
    },
    appOrigin: e.APP_ORIGIN,
    contentOrigin: e.CONTENT_ORIGIN,
    originVerifySecret: e.ORIGIN_VERIFY_SECRET,
    scormLaunchSecret: e.SCORM_LAUNCH_SECRET,
    scormPackageCookieKey: e.SCORM_PACKAGE_COOKIE_KEY,
    userPoolId: e.COGNITO_USER_POOL_ID,
    storeTimeoutMs: e.STORE_TIMEOUT_MS,
  };
}
