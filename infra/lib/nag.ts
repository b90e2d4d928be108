import { Stack, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Runs the AWS Solutions rule pack on every synth; unacknowledged errors fail synthesis. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Acknowledges one cdk-nag finding on the narrowest construct that produces it. Every call
 * carries the reason a reviewer needs; docs/infra.md lists them all (a test keeps it in sync).
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`Acknowledgement of ${id} needs a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Singleton Lambdas that CDK adds for BucketDeployment and friends live directly under the
 * stack, not under the construct that asked for them; find them by their id prefix.
 */
export function stackChildrenStartingWith(scope: IConstruct, prefix: string): IConstruct[] {
  return Stack.of(scope).node.children.filter((c) => c.node.id.startsWith(prefix));
}
