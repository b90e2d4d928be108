import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, importsOf, type SourceFile } from '../support/import-rules';

/**
 * The import rules of docs/architecture.md, checked over the real import graph of functions/src:
 * features meet only through each other's index.ts, platform and policy know no feature, domain
 * files do no I/O, and nothing imports itself in a circle.
 */
const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'functions', 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files: SourceFile[] = walk(src).map((path) => ({ path: relative(src, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));

describe('import rules (docs/architecture.md)', () => {
  it('reads real imports, including type-only and re-exports', () => {
    const found = importsOf({ path: 'knowledge/articles/routes.ts', text: "import { a } from '../../platform/http/problem';\nimport type { B } from '../index';\nexport { c } from './service';\nconst lazy = await import('../../learning');" }, new Set(['platform/http/problem.ts', 'knowledge/index.ts', 'knowledge/articles/service.ts', 'learning/index.ts']));
    expect(found).toEqual([
      { target: 'platform/http/problem.ts', typeOnly: false },
      { target: 'knowledge/index.ts', typeOnly: true },
      { target: 'knowledge/articles/service.ts', typeOnly: false },
      { target: 'learning/index.ts', typeOnly: false },
    ]);
  });

  it('holds for functions/src', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(checkImports(files)).toEqual([]);
  });

  it('catches each kind of violation', () => {
    const sample = (path: string, ...imports: string[]): SourceFile => ({ path, text: imports.map((i) => `import { x } from '${i}';`).join('\n') });
    const violations = checkImports([
      sample('learning/service.ts', '../knowledge/articles/store'), // another feature's internals
      sample('platform/http/errors.ts', '../../learning'), // platform importing a feature
      sample('policy/rules.ts', '../knowledge'), // policy importing a feature
      sample('learning/domain/progress.ts', '@aws-sdk/lib-dynamodb'), // domain doing I/O
      sample('knowledge/domain/render.ts', '../articles/store'), // domain reaching the store
      sample('knowledge/a.ts', './b'),
      sample('knowledge/b.ts', './a'), // a cycle
      sample('knowledge/index.ts'),
      sample('learning/index.ts'),
      sample('knowledge/articles/store.ts'),
    ]);
    expect(violations.map((v) => v.rule).sort()).toEqual(['cycle', 'domain-io', 'domain-io', 'feature-internals', 'platform-feature', 'policy-feature']);
  });
});

