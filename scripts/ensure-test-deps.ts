/**
 * Runs before `npm test`: makes sure what the tests need outside node_modules is on the machine.
 * - Java 17+ for DynamoDB Local (Debian: openjdk-17-jre-headless)
 * - Chromium for the e2e tests (Debian: chromium), driven by playwright-core
 * As root it installs what is missing with apt-get; otherwise it stops with the exact command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Need {
  what: string;
  present: () => boolean;
  aptPackage: string;
}

const javaVersion = (): number => {
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) return 0;
  return Number(/version "(\d+)/.exec(`${res.stderr}${res.stdout}`)?.[1] ?? 0);
};

const needs: Need[] = [
  { what: 'Java 17+ (DynamoDB Local)', present: () => javaVersion() >= 17, aptPackage: 'openjdk-17-jre-headless' },
  { what: 'Chromium (e2e tests)', present: () => existsSync(chromiumPath), aptPackage: 'chromium' },
];

const missing = needs.filter((n) => !n.present());
if (missing.length > 0) {
  const packages = missing.map((n) => n.aptPackage);
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`✖ Missing for the tests: ${missing.map((n) => n.what).join(', ')}. Install with: sudo sh -c '${command}'`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} for the tests (${missing.map((n) => n.what).join(', ')})…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    console.error(`✖ Installing failed. Run yourself: ${command}`);
    process.exit(1);
  }
  const still = missing.filter((n) => !n.present());
  if (still.length > 0) {
    console.error(`✖ Still missing after install: ${still.map((n) => n.what).join(', ')}`);
    process.exit(1);
  }
}
console.log(`✔ Test prerequisites present: ${needs.map((n) => n.what).join(', ')}`);
