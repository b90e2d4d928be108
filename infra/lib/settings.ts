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
  /** Directory holding the built SCORM player (its own Vite build), deployed to the content bucket under `player/`. */
  playerDistPath: string;
  /**
   * Custom domains of the two distributions: sibling subdomains of one registrable domain (same-site,
   * cross-origin), with one ACM certificate in us-east-1 that covers both. Unset: the generated
   * *.cloudfront.net names, which are cross-site to each other (Safari then drops the SCORM package
   * cookie in the player's frames; see docs/operations.md).
   */
  domains?: CustomDomains;
}

export interface CustomDomains {
  /** Host name of the app distribution, e.g. academie.ggz-voorbeeld.nl. */
  app: string;
  /** Host name of the content distribution, e.g. inhoud.ggz-voorbeeld.nl. */
  content: string;
  /** ACM certificate (us-east-1) covering both names. */
  certificateArn: string;
  /** The registrable domain both share (ggz-voorbeeld.nl). */
  site: string;
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
  playerDist: 'playerDist',
  appDomain: 'appDomain',
  contentDomain: 'contentDomain',
  certificateArn: 'certificateArn',
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
  playerDistPath?: string;
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
  const playerDist = overrides.playerDistPath ?? optionalString(node, contextKeys.playerDist);
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
    playerDistPath: playerDist ? path.resolve(paths.repoRoot, playerDist) : paths.defaultPlayerDist,
    domains: readDomains(node),
  };
}

/**
 * Printed by the CLI (bin/app.ts) when no custom domains are configured: not a cdk-nag finding,
 * since development and test environments rightly run on *.cloudfront.net.
 */
export function sameSiteWarning(settings: Pick<AcademySettings, 'domains'>): string | undefined {
  if (settings.domains) return undefined;
  return (
    `Note: no custom domains (context ${contextKeys.appDomain}, ${contextKeys.contentDomain}, ${contextKeys.certificateArn}). App and content get ` +
    'two *.cloudfront.net names, which are different sites: the SCORM player works in its own tab, but framed in the app page ' +
    'browsers (Safari first) drop its package cookie. Production: sibling subdomains of one domain (docs/operations.md).'
  );
}

/**
 * Public suffixes under which a registrable domain has three labels (example.co.uk). Not the whole
 * Public Suffix List: the domains this academy (a Dutch provider) plausibly uses end in .nl, .com,
 * .org, .eu, ... where the registrable domain is the last two labels. A name under a suffix that is
 * not listed here and has two labels of its own would be mistaken for a registrable domain; add it.
 */
const multiLabelSuffixes = new Set(['co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'nhs.uk', 'co.nz', 'com.au', 'org.au', 'co.za', 'com.br']);

/** The registrable domain ("site") of a host name: ggz-voorbeeld.nl for inhoud.ggz-voorbeeld.nl. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().split('.');
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(multiLabelSuffixes.has(lastTwo) ? -3 : -2).join('.');
}

const hostPattern = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * App and content must be same-site (one registrable domain: Safari keeps the package cookie in the
 * player's frames) and cross-origin (different hosts: package script cannot read the app's storage),
 * and siblings: neither host under the other, and neither the registrable domain itself.
 */
function readDomains(node: Node): CustomDomains | undefined {
  const app = optionalString(node, contextKeys.appDomain)?.trim().toLowerCase();
  const content = optionalString(node, contextKeys.contentDomain)?.trim().toLowerCase();
  const certificateArn = optionalString(node, contextKeys.certificateArn)?.trim();
  if (!app && !content && !certificateArn) return undefined;
  if (!app || !content || !certificateArn) {
    throw new SetupError(
      `Custom domains need all three of ${contextKeys.appDomain}, ${contextKeys.contentDomain} and ${contextKeys.certificateArn} (an ACM certificate in ${edgeRegion})`,
    );
  }
  for (const [key, host] of [[contextKeys.appDomain, app], [contextKeys.contentDomain, content]] as const) {
    if (!hostPattern.test(host)) throw new SetupError(`Context ${key} must be a host name like academie.example.nl (got "${host}")`);
  }
  if (!/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[A-Za-z0-9-]+$/.test(certificateArn)) {
    throw new SetupError(`Context ${contextKeys.certificateArn} must be an ACM certificate ARN in ${edgeRegion} (CloudFront takes certificates only from there)`);
  }
  const site = registrableDomain(app);
  if (registrableDomain(content) !== site) {
    throw new SetupError(
      `Context ${contextKeys.appDomain} (${app}) and ${contextKeys.contentDomain} (${content}) must share one registrable domain, ` +
        'e.g. academie.example.nl and inhoud.example.nl: Safari blocks cookies in frames of another site, so SCORM packages would not load',
    );
  }
  if (app === content || app === site || content === site || app.endsWith(`.${content}`) || content.endsWith(`.${app}`)) {
    throw new SetupError(
      `Context ${contextKeys.appDomain} and ${contextKeys.contentDomain} must be sibling subdomains of ${site} (e.g. academie.${site} and inhoud.${site}): ` +
        'different hosts keep package script away from the app, and neither may sit under the other',
    );
  }
  return { app, content, certificateArn, site };
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
