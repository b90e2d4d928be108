import type { Stack } from 'aws-cdk-lib';

/**
 * Exports a value under a fixed name (<stack name>-<key>) and returns the import expression for
 * other stacks. Unlike CDK's generated export names these survive refactoring of construct ids,
 * and cdk-nag findings that mention them have ids we can write down.
 */
export function exportNamed(stack: Stack, key: string, value: string): string {
  return stack.exportValue(value, { name: `${stack.stackName}-${key}`, description: `Used by other academy stacks (${key})` });
}
