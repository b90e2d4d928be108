import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root, resolved from this file so the CLI, tests and other working directories agree. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const paths = {
  repoRoot,
  lockFile: path.join(repoRoot, 'package-lock.json'),
  apiEntry: path.join(repoRoot, 'functions/src/lambda.ts'),
  defaultWebDist: path.join(repoRoot, 'web/dist'),
  defaultPlayerDist: path.join(repoRoot, 'web/player/dist'),
  playerIndexFunction: path.join(repoRoot, 'infra/lib/runtime/player-index.js'),
  spaRewriteFunction: path.join(repoRoot, 'infra/lib/runtime/spa-rewrite.js'),
  headersPolicyLinkHandler: path.join(repoRoot, 'infra/lib/runtime/link-headers-policy.cjs'),
  adminMfaGateHandler: path.join(repoRoot, 'infra/lib/runtime/admin-mfa-gate.cjs'),
};
