import type { CfnResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { commonSecurityHeaders } from '../../../functions/src/platform/http/security-headers';

type PolicyConfig = CfnResponseHeadersPolicy.ResponseHeadersPolicyConfigProperty;

export interface HeadersPolicySpec {
  /** Unique per account; CloudFront identifies policies by name in the console. */
  name: string;
  comment: string;
  contentSecurityPolicy: string;
  /** X-Frame-Options DENY; leave off where frame-ancestors must allow a specific origin. */
  denyFraming: boolean;
}

/**
 * Response-headers policy settings for CloudFront. HSTS, nosniff, Referrer-Policy and Permissions-Policy come from
 * the API's own header list (functions/src/platform/http/security-headers.ts), so the API, the local
 * server and both distributions send the same values.
 */
export function headersPolicyConfig(spec: HeadersPolicySpec): PolicyConfig {
  const hsts = parseHsts(header('strict-transport-security'));
  return {
    name: spec.name,
    comment: spec.comment,
    securityHeadersConfig: {
      contentSecurityPolicy: { contentSecurityPolicy: spec.contentSecurityPolicy, override: true },
      strictTransportSecurity: { ...hsts, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: header('referrer-policy'), override: true },
      ...(spec.denyFraming ? { frameOptions: { frameOption: 'DENY', override: true } } : {}),
    },
    // Not one of CloudFront's built-in security headers, so sent as a custom header.
    customHeadersConfig: { items: [{ header: 'Permissions-Policy', value: header('permissions-policy'), override: true }] },
  };
}

/**
 * The same configuration in the CloudFront API's shape (PascalCase), for the custom resource
 * that completes the app policy after deployment (see HeadersPolicyLink).
 */
export function toCloudFrontApiShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCloudFrontApiShape);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), toCloudFrontApiShape(v)]),
  );
}

function header(name: string): string {
  const value = commonSecurityHeaders[name];
  if (!value) throw new Error(`functions/src/platform/http/security-headers.ts no longer defines ${name}`);
  return value;
}

function parseHsts(value: string) {
  const maxAge = /max-age=(\d+)/i.exec(value)?.[1];
  if (!maxAge) throw new Error(`Cannot read max-age from Strict-Transport-Security "${value}"`);
  return {
    accessControlMaxAgeSec: Number(maxAge),
    includeSubdomains: /includeSubDomains/i.test(value),
    preload: /(^|;)\s*preload\s*($|;)/i.test(value),
  };
}
