import { posix } from 'node:path';

/** A source file of functions/src: its path relative to functions/src (with /) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface Violation {
  rule: 'feature-internals' | 'platform-feature' | 'policy-feature' | 'domain-io' | 'cycle';
  from: string;
  to: string;
}

/** Packages that do I/O (network, disk, HTTP framework); domain files use none of them. */
const ioPackages = [/^@aws-sdk\//, /^@smithy\//, /^hono($|\/)/, /^@hono\//, /^@aws-lambda-powertools\//, /^jose$/, /^(node:)?(fs|net|http|https|child_process|dgram|dns|tls)(\/|$)/];

const importPattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The imports of a file, relative ones resolved to paths in functions/src, bare ones as written. */
export function importsOf(file: SourceFile, known?: Set<string>): Array<{ target: string; typeOnly: boolean }> {
  const found: Array<{ target: string; typeOnly: boolean }> = [];
  for (const m of file.text.matchAll(importPattern)) {
    const spec = m[3] ?? m[4]!;
    const typeOnly = Boolean(m[2]);
    if (!spec.startsWith('.')) {
      found.push({ target: spec, typeOnly });
      continue;
    }
    const base = posix.normalize(posix.join(posix.dirname(file.path), spec)).replace(/\.js$/, '');
    const candidates = base.endsWith('.ts') ? [base] : [`${base}.ts`, `${base}/index.ts`];
    found.push({ target: candidates.find((c) => known?.has(c)) ?? candidates[0]!, typeOnly });
  }
  return found;
}

const layerOf = (path: string) => {
  const [top, ...rest] = path.split('/');
  if (rest.length === 0 || top === 'local') return { layer: 'root' as const, name: 'root' };
  if (top === 'platform') return { layer: 'platform' as const, name: top };
  if (top === 'policy') return { layer: 'policy' as const, name: top };
  return { layer: 'feature' as const, name: top! };
};
const isDomain = (path: string) => path.split('/').includes('domain');

/** Every violation of the import rules in a set of files (see docs/architecture.md). */
export function checkImports(files: SourceFile[]): Violation[] {
  const known = new Set(files.map((f) => f.path));
  const violations: Violation[] = [];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const from = layerOf(file.path);
    const edges: string[] = [];
    for (const { target, typeOnly } of importsOf(file, known)) {
      const relativeImport = known.has(target) || target.endsWith('.ts');
      if (isDomain(file.path) && !typeOnly) {
        if (relativeImport ? !isDomain(target) : ioPackages.some((p) => p.test(target))) violations.push({ rule: 'domain-io', from: file.path, to: target });
      }
      if (!relativeImport) continue;
      if (!typeOnly) edges.push(target);
      const to = layerOf(target);
      if (from.layer === 'platform' && to.layer !== 'platform') violations.push({ rule: 'platform-feature', from: file.path, to: target });
      if (from.layer === 'policy' && to.layer !== 'policy' && to.layer !== 'platform') violations.push({ rule: 'policy-feature', from: file.path, to: target });
      if (to.layer === 'feature' && from.name !== to.name && target !== `${to.name}/index.ts`) violations.push({ rule: 'feature-internals', from: file.path, to: target });
    }
    graph.set(file.path, edges);
  }
  violations.push(...cycles(graph));
  return violations;
}

/** Import cycles (runtime imports only; type-only imports vanish when compiled). */
function cycles(graph: Map<string, string[]>): Violation[] {
  const found: Violation[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'visiting') found.push({ rule: 'cycle', from: node, to: stack.slice(stack.indexOf(next)).concat(next).join(' → ') });
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}
