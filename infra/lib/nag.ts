import { Stack, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Runs the AWS Solutions rule pack on every synth; unacknowledged errors fail synthesis. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Acknowledges one cdk-nag finding on the narrowest construct that produces it. Every call
 * carries the reason a reviewer needs; infra/README.md lists them all (a test keeps it in sync).
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`Acknowledgement of ${id} needs a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * How cdk-nag spells a resource inside a finding id such as AwsSolutions-IAM5[Resource::...]:
 * GetAtt as <LogicalId.Attr>, Ref as <LogicalId>, an import as its export name. Works for
 * same-stack resources and for named imports (see exportNamed), which is why cross-stack
 * values that end up in IAM policies are exported under fixed names.
 */
export function nagReference(scope: IConstruct, value: string): string {
  const visit = (node: unknown): string => {
    if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (Array.isArray(o['Fn::Join'])) {
        const [delimiter, items] = o['Fn::Join'] as [string, unknown[]];
        return items.map(visit).join(delimiter);
      }
      if (Array.isArray(o['Fn::GetAtt'])) {
        const [resource, attribute] = o['Fn::GetAtt'] as [unknown, unknown];
        return `<${visit(resource)}.${visit(attribute)}>`;
      }
      if ('Fn::ImportValue' in o) return visit(o['Fn::ImportValue']);
      if ('Ref' in o) return `<${visit(o.Ref)}>`;
    }
    throw new Error(`Cannot express ${JSON.stringify(node)} as a cdk-nag finding id`);
  };
  return visit(Stack.of(scope).resolve(value));
}

/**
 * Singleton Lambdas that CDK adds for BucketDeployment and friends live directly under the
 * stack, not under the construct that asked for them; find them by their id prefix.
 */
export function stackChildrenStartingWith(scope: IConstruct, prefix: string): IConstruct[] {
  return Stack.of(scope).node.children.filter((c) => c.node.id.startsWith(prefix));
}
