import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/lib/paths';
import { makePlayerDist, makeWebDist } from './support';

/**
 * `npx cdk synth` as a developer or CI runs it: a real subprocess, offline, with the Lambda
 * bundled by the local esbuild (no Docker). CDK_CLI=/path/to/cdk tries another CLI build.
 */

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** npm prints configuration warnings of this machine on stderr; they are not ours. */
const withoutNpmNoise = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('npm warn'))
    .join('\n');

const cdk = (args: string[]) => (process.env.CDK_CLI ? run(process.env.CDK_CLI, args) : run('npx', ['--no-install', 'cdk', ...args]));

describe('npx cdk synth', () => {
  let root: string;
  let outdir: string;
  let result: RunResult;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'academy-synth-'));
    outdir = path.join(root, 'cdk.out');
    result = await cdk(['synth', '--quiet', '-o', outdir, '-c', `webDist=${makeWebDist(root)}`, '-c', `playerDist=${makePlayerDist(root)}`]);
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('succeeds offline, cdk-nag and CloudFormation checks included', () => {
    const output = withoutNpmNoise(`${result.stdout}\n${result.stderr}`);
    if (/schema version mismatch/i.test(output)) {
      throw new Error(`The installed CDK CLI cannot read what aws-cdk-lib writes; upgrade devDependency aws-cdk.\n${output}`);
    }
    expect(result.code, output.slice(-4000)).toBe(0);
    expect(JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')).pluginReports).toEqual([]);
  });

  it('writes a template for each stack', () => {
    for (const stack of ['Academy-Data', 'Academy-Identity', 'Academy-Edge', 'Academy-App', 'Academy-Web', 'Academy-EdgeMonitoring']) {
      expect(existsSync(path.join(outdir, `${stack}.template.json`)), stack).toBe(true);
    }
  });

  it('bundles the API handler with esbuild into one ESM file with a require shim and a source map', () => {
    const template = JSON.parse(readFileSync(path.join(outdir, 'Academy-App.template.json'), 'utf8'));
    const [, fn] = Object.entries<Record<string, any>>(template.Resources).find(
      ([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith('ApiFunction'),
    )!;
    const assetDir = path.join(outdir, fn.Metadata['aws:asset:path']);
    expect(fn.Metadata['aws:asset:is-bundled']).toBe(true);
    const bundle = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    expect(bundle.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);")).toBe(true);
    expect(bundle).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
    // Dependencies are inside: the bundle imports nothing but Node built-ins.
    // Module specifiers only (minified code also contains `from"…"` inside ordinary strings).
    const imports = [...bundle.matchAll(/\bfrom\s*["']([@a-z0-9][\w@:/.-]*)["']/gi)].map((m) => m[1]!.replace(/^node:/, ''));
    expect(imports.filter((spec) => !builtinModules.includes(spec))).toEqual([]);
    expect(statSync(path.join(assetDir, 'index.mjs.map')).size).toBeGreaterThan(0);
  });
});

describe('missing front-end build', () => {
  it('fails with one clear line', async () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'academy-nosynth-'));
    const result = await run('npx', ['--no-install', 'tsx', 'infra/bin/app.ts'], {
      CDK_CONTEXT_JSON: JSON.stringify({ webDist: 'web/dist-missing-for-test' }),
      CDK_OUTDIR: outdir,
    }).finally(() => rmSync(outdir, { recursive: true, force: true }));
    expect(result.code).toBe(1);
    expect(withoutNpmNoise(result.stderr)).toBe('web/dist-missing-for-test is missing: run `npm run build:web` first');
  }, 60_000);
});
