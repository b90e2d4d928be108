import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/lib/paths';
import { synthApp, type BuiltApp } from './support';

/** The report CDK writes into the cloud assembly; cdk-nag 3.x findings land here. */
interface ValidationReport {
  pluginReports: Array<{
    pluginName: string;
    conclusion: string;
    violations: Array<{ ruleName: string; severity: string; violatingConstructs: Array<{ constructPath: string }> }>;
  }>;
}

function readReport(outdir: string): ValidationReport {
  const file = path.join(outdir, 'validation-report.json');
  expect(existsSync(file), 'validation-report.json in the cloud assembly').toBe(true);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every acknowledgement in the app: construct path, rule id, reason. */
function acknowledgements(app: BuiltApp['app']) {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id, reason })),
      ),
  );
}

describe('cdk-nag (AwsSolutions) on the whole app', () => {
  let built: BuiltApp | undefined;
  let synthError: unknown;
  beforeAll(() => {
    try {
      // As `cdk synth` runs it: CloudFormation rule check included.
      built = synthApp({ cloudFormationValidation: true });
    } catch (err) {
      synthError = err;
    }
  }, 180_000);
  afterAll(() => built?.cleanup());
  const synthesised = () => {
    if (!built) throw new Error('Synthesis failed; see the first test for the report');
    return built;
  };

  it('synthesises: no unacknowledged finding fails validation', () => {
    // On failure the message is the full report, naming each rule and construct.
    expect(synthError instanceof Error ? synthError.message : synthError).toBeUndefined();
  });

  it('reports no AwsSolutions violation at all, error or warning, and no other failing check', () => {
    const report = readReport(synthesised().outdir);
    const open = report.pluginReports.flatMap((plugin) =>
      plugin.violations.map((v) => `${plugin.pluginName} ${v.severity} ${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`),
    );
    expect(open).toEqual([]);
    expect(report.pluginReports.filter((p) => p.conclusion !== 'success')).toEqual([]);
  });

  it('gives every acknowledgement a written reason, and infra/README.md lists every acknowledged rule', () => {
    const acks = acknowledgements(synthesised().app);
    expect(acks.length).toBeGreaterThan(10);
    const docs = readFileSync(path.join(repoRoot, 'infra/README.md'), 'utf8');
    // Listed by rule: "Annotation::AwsSolutions-IAM5[Resource::...]" is documented as AwsSolutions-IAM5.
    const rules = new Set(acks.map((a) => a.id.replace(/^[A-Za-z-]+::/, '').replace(/\[.*$/, '')));
    for (const rule of rules) expect(docs, `infra/README.md mentions ${rule}`).toContain(rule);
    for (const ack of acks) expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(20);
  });
});

describe('cdk-nag canary', () => {
  it('fails synthesis on an unacknowledged finding (proves the checks run)', () => {
    let caught: unknown;
    try {
      // A bare bucket breaks several AwsSolutions rules: no TLS-only policy, no access logs.
      synthApp({ afterBuild: (stacks) => void new CfnBucket(stacks.data, 'NagCanary') }).cleanup();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Error);
    const message = (caught as Error).message;
    expect(message).toContain('AwsSolutions-S1');
    expect(message).toContain('AwsSolutions-S10');
    expect(message).toContain('Academy-Data/NagCanary');
  }, 120_000);
});
