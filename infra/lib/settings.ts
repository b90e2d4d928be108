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
  /** Optional WAFv2 web ACL (scope CLOUDFRONT, created in us-east-1) attached to both distributions. */
  webAclArn?: string;
}

export const contextKeys = {
  region: 'region',
  stackPrefix: 'stackPrefix',
  cognitoDomainPrefix: 'cognitoDomainPrefix',
  devOrigins: 'devOrigins',
  webDist: 'webDist',
  webAclArn: 'webAclArn',
  allowNonEuRegion: 'allowNonEuRegion',
} as const;

export const defaultRegion = 'eu-west-1';

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
  };
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
