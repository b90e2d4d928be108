import type { BuildOptions } from 'esbuild';

/**
 * How the API Lambda is bundled, in one place: the CDK NodejsFunction uses these settings and
 * tests/integration/lambda-bundle.test.ts builds the very same bundle to inspect and invoke it.
 */
const banner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const lambdaBundling = {
  /** For aws-cdk-lib's NodejsFunction `bundling` prop. */
  cdk: {
    format: 'esm' as const,
    target: 'node22',
    minify: true,
    sourceMap: true,
    banner,
    mainFields: ['module', 'main'],
  },
  /** The same, as plain esbuild options. */
  esbuild: {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: true,
    banner: { js: banner },
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  } satisfies BuildOptions,
};
