import path from 'node:path';
import type { Node } from 'constructs';
import { paths } from './paths';

/**
 * A problem with how the app is invoked (missing build output, bad context value).
 * bin/app.ts prints only the message: the stack trace would bury the one line that matters.
 */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** Everything configurable, read from CDK context (cdk.json, `-c key=value`) and the environment. */
export interface AcademySettings {
  /** Prefix of every stack name, so several environments (test, acceptance, production) can share an account. */
  stackPrefix: string;
  region: string;
  /** Prefix of the Cognito hosted UI domain; undefined means "derive one from the account id". */
  cognitoDomainPrefix?: string;
  /** Extra origins (e.g. http://localhost:3000) allowed as OAuth callback/logout targets. Empty in production. */
  devOrigins: string[];
  /** Directory holding the built front end (Vite output). */
  webDistPath: string;
  /**
   * An existing WAFv2 web ACL (scope CLOUDFRONT, us-east-1) for both distributions. Unset (the
   * default): the app creates its own in the us-east-1 Edge stack.
   */
  webAclArn?: string;
  /** Requests per IP per 5 minutes to /api/* before the WAF blocks that IP for a while. */
  wafApiRateLimit: number;
  /** Reserved concurrency of the API function: its share of the account's Lambda concurrency, and its ceiling. */
  apiReservedConcurrency: number;
  /** Where alarms are e-mailed (SNS e-mail subscription); unset: alarms go to the topic only. */
  alarmEmail?: string;
}

export const contextKeys = {
  region: 'region',
  stackPrefix: 'stackPrefix',
  cognitoDomainPrefix: 'cognitoDomainPrefix',
  devOrigins: 'devOrigins',
  webDist: 'webDist',
  webAclArn: 'webAclArn',
  wafApiRateLimit: 'wafApiRateLimit',
  apiReservedConcurrency: 'apiReservedConcurrency',
  alarmEmail: 'alarmEmail',
  allowNonEuRegion: 'allowNonEuRegion',
} as const;

export const defaultRegion = 'eu-west-1';

/**
 * CloudFront reads web ACLs (scope CLOUDFRONT) and publishes its metrics only in us-east-1, so the
 * WAF and the CloudFront alarms live in stacks there. They hold configuration, never personal data.
 */
export const edgeRegion = 'us-east-1';

export const settingDefaults = {
  /** Per IP per 5 minutes on /api/*: room for a ward or a GP practice behind one address. */
  wafApiRateLimit: 1500,
  apiReservedConcurrency: 50,
} as const;

export interface SettingsOverrides {
  webDistPath?: string;
  region?: string;
}

export function readSettings(node: Node, env: NodeJS.ProcessEnv, overrides: SettingsOverrides = {}): AcademySettings {
  // cdk.json pins the region: without it the CLI passes its own fallback (us-east-1) in
  // CDK_DEFAULT_REGION whenever no AWS profile is configured, e.g. on an offline build machine.
  const region = overrides.region ?? optionalString(node, contextKeys.region) ?? env.CDK_DEFAULT_REGION ?? defaultRegion;
  // Health-care data of a Dutch provider stays in the EU (GDPR); deploying elsewhere must be a deliberate choice.
  if (!region.startsWith('eu-') && !isTrue(node.tryGetContext(contextKeys.allowNonEuRegion))) {
    throw new SetupError(
      `Region ${region} is outside the EU: set CDK_DEFAULT_REGION to an eu-* region, or pass -c ${contextKeys.allowNonEuRegion}=true`,
    );
  }

  const stackPrefix = optionalString(node, contextKeys.stackPrefix) ?? 'Academy';
  if (!/^[A-Za-z][A-Za-z0-9-]{0,30}$/.test(stackPrefix)) {
    throw new SetupError(`Context ${contextKeys.stackPrefix} must be letters, digits and dashes (got "${stackPrefix}")`);
  }

  const cognitoDomainPrefix = optionalString(node, contextKeys.cognitoDomainPrefix);
  // Cognito's own rule; it rejects prefixes containing "aws", "amazon" or "cognito" at deploy time.
  if (cognitoDomainPrefix && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(cognitoDomainPrefix)) {
    throw new SetupError(`Context ${contextKeys.cognitoDomainPrefix} must be lowercase letters, digits and dashes`);
  }

  const webDist = overrides.webDistPath ?? optionalString(node, contextKeys.webDist);
  return {
    stackPrefix,
    region,
    cognitoDomainPrefix,
    devOrigins: readOrigins(node),
    webDistPath: webDist ? path.resolve(paths.repoRoot, webDist) : paths.defaultWebDist,
    webAclArn: optionalString(node, contextKeys.webAclArn),
    wafApiRateLimit: positiveInteger(node, contextKeys.wafApiRateLimit, settingDefaults.wafApiRateLimit, { min: 100 }),
    apiReservedConcurrency: positiveInteger(node, contextKeys.apiReservedConcurrency, settingDefaults.apiReservedConcurrency, { min: 1 }),
    alarmEmail: readEmail(node),
  };
}

/** Whole numbers from cdk.json (numbers) or `-c key=value` (strings). */
function positiveInteger(node: Node, key: string, fallback: number, opts: { min: number }): number {
  const raw: unknown = node.tryGetContext(key);
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(value) || value < opts.min) throw new SetupError(`Context ${key} must be a whole number of at least ${opts.min}`);
  return value;
}

function readEmail(node: Node): string | undefined {
  const value = optionalString(node, contextKeys.alarmEmail)?.trim();
  if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new SetupError(`Context ${contextKeys.alarmEmail} must be an e-mail address`);
  return value || undefined;
}

function optionalString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new SetupError(`Context ${key} must be a string`);
  return value;
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Accepts a JSON array (cdk.json) or a comma-separated string (`-c devOrigins=http://localhost:3000`). */
function readOrigins(node: Node): string[] {
  const raw: unknown = node.tryGetContext(contextKeys.devOrigins);
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  return list.map((v) => String(v).trim().replace(/\/$/, '')).filter((origin) => {
    if (!origin) return false;
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new SetupError(`Context ${contextKeys.devOrigins}: "${origin}" is not an origin like http://localhost:3000`);
    }
    return true;
  });
}
