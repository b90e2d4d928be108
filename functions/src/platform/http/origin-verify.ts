import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * CloudFront-only access to the API. The HTTP API's default execute-api endpoint cannot be
 * switched off without a custom domain, so the app distribution adds a secret header to every
 * request it forwards to /api/* (infra/lib/constructs/app-distribution.ts) and the API refuses
 * requests without it: calls that skip CloudFront skip its WAF and per-IP rate rule too.
 * The secret is generated in Secrets Manager at deploy time (never in code) and reaches the
 * function as ORIGIN_VERIFY_SECRET; locally there is no CloudFront and no secret, so no check.
 */
export const originVerifyHeader = 'x-origin-verify';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Constant-time comparison (over digests, so unequal lengths take the same path). In AWS a missing
 * secret fails closed: a lost environment variable must not silently reopen the endpoint.
 */
export function originVerified(mode: 'local' | 'aws', secret: string | undefined, presented: string | undefined): boolean {
  if (!secret) return mode === 'local';
  if (!presented) return false;
  return timingSafeEqual(digest(secret), digest(presented));
}
