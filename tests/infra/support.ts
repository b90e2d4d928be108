import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { Stack } from 'aws-cdk-lib';
import { buildApp, type AcademyApp, type BuildAppOptions } from '../../infra/lib/app';
import { repoRoot } from '../../infra/lib/paths';

/** Feature flags and settings exactly as the CLI would pass them from cdk.json. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')).context;
}

/** A stand-in for web/dist, so tests do not depend on the front-end build. */
export function makeWebDist(root: string): string {
  const dir = path.join(root, 'web-dist');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>academie</title><div id="app"></div>');
  writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log("academie")');
  return dir;
}

/** A stand-in for web/player/dist (the SCORM player's build). */
export function makePlayerDist(root: string): string {
  const dir = path.join(root, 'player-dist');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>speler</title><script type="module" src="/player/assets/main-abc123.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log("speler")');
  return dir;
}

export interface BuiltApp extends AcademyApp {
  templates: { data: Template; identity: Template; app: Template; web: Template; edge?: Template; edgeMonitoring: Template };
  /** Every template, for checks that must hold wherever a resource lives. */
  allTemplates: Template[];
  outdir: string;
  cleanup(): void;
}

export interface TestBuildOptions extends Omit<BuildAppOptions, 'outdir' | 'webDistPath' | 'playerDistPath'> {
  /** Extra context on top of cdk.json. */
  extraContext?: Record<string, unknown>;
  /** Changes the app after it is built and before it is synthesised. */
  afterBuild?: (stacks: AcademyApp['stacks']) => void;
}

/**
 * Builds and synthesises the app in-process. Lambda bundling is skipped (the CLI synth test
 * covers it) and so, unless asked for, is CDK's CloudFormation rule check, to keep tests fast.
 */
export function synthApp(options: TestBuildOptions = {}): BuiltApp {
  const root = mkdtempSync(path.join(os.tmpdir(), 'academy-infra-'));
  try {
    return synthInto(root, options);
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

function synthInto(root: string, options: TestBuildOptions): BuiltApp {
  const built = buildApp({
    cloudFormationValidation: false,
    env: {},
    ...options,
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...options.extraContext },
    outdir: path.join(root, 'cdk.out'),
    webDistPath: makeWebDist(root),
    playerDistPath: makePlayerDist(root),
  });
  const { stacks } = built;
  options.afterBuild?.(stacks);
  const template = (stack: Stack) => Template.fromStack(stack);
  const templates = {
    data: template(stacks.data),
    identity: template(stacks.identity),
    app: template(stacks.app),
    web: template(stacks.web),
    edge: stacks.edge ? template(stacks.edge) : undefined,
    edgeMonitoring: template(stacks.edgeMonitoring),
  };
  return {
    ...built,
    templates,
    allTemplates: Object.values(templates).filter((t): t is Template => t !== undefined),
    outdir: path.join(root, 'cdk.out'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export type Resources = Record<string, { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string }>;

export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The one resource of a type whose logical id starts with a prefix (construct ids are stable). */
export function resourceByIdPrefix(template: Template, type: string, prefix: string) {
  const matches = Object.entries(resourcesOfType(template, type)).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`Expected one ${type} with id ${prefix}*, found ${matches.length}`);
  const [logicalId, resource] = matches[0]!;
  return { logicalId, ...resource, Properties: resource.Properties ?? {} };
}

const pseudoParameters: Record<string, string> = {
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::Partition': 'aws',
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '123456789012',
};

/**
 * CloudFormation values with references replaced by a sample (pseudo parameters by their
 * eu-west-1 values), to read strings such as a CSP or a URL.
 */
export function renderSample(value: unknown, sample: (ref: string) => string = (ref) => `<${ref}>`): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const o = value as Record<string, any>;
    if (o['Fn::Join']) return (o['Fn::Join'][1] as unknown[]).map((v) => renderSample(v, sample)).join(o['Fn::Join'][0]);
    if (o['Fn::GetAtt']) return sample(`${o['Fn::GetAtt'][0]}.${o['Fn::GetAtt'][1]}`);
    if (o.Ref) return pseudoParameters[o.Ref] ?? sample(String(o.Ref));
    if (o['Fn::ImportValue']) return sample(`import:${o['Fn::ImportValue']}`);
  }
  throw new Error(`Cannot render ${JSON.stringify(value)}`);
}
