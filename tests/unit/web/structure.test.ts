import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web's layout (web/README.md): the shell's first load carries no feature code or text,
 * features meet only through each other's public modules, nothing of the backend is bundled
 * (type-only imports), and what to show follows abilities, never role names.
 */
const src = resolve(import.meta.dirname, '../../../web/src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = new Map(walk(src).map((path) => [relative(src, path).split(sep).join('/'), readFileSync(path, 'utf8')]));

interface Import {
  spec: string;
  /** Resolved path under web/src for relative imports of web files; null otherwise. */
  target: string | null;
  typeOnly: boolean;
  dynamic: boolean;
}

const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(path: string): Import[] {
  const text = files.get(path) ?? '';
  return [...text.matchAll(pattern)].map((m) => {
    const spec = m[3] ?? m[4]!;
    const base = spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(path), spec)) : null;
    const target = base === null ? null : [`${base}.ts`, `${base}/index.ts`, base].find((c) => files.has(c)) ?? null;
    return { spec, target, typeOnly: Boolean(m[2]), dynamic: m[4] !== undefined };
  });
}

/** Every web file the entry loads before any route's dynamic import. */
function firstLoad(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of importsOf(path)) if (i.target && !i.typeOnly && !i.dynamic) visit(i.target);
  };
  visit(entry);
  return seen;
}

const featureOf = (path: string) => (path.startsWith('features/') ? path.split('/')[1]! : null);

describe('web structure (web/README.md)', () => {
  it('reads the real import graph', () => {
    expect(files.size).toBeGreaterThan(40);
    expect(importsOf('routes.ts').some((i) => i.dynamic && i.target === 'features/knowledge/search.ts')).toBe(true);
  });

  it('keeps features and their texts out of the first load', () => {
    const loaded = [...firstLoad('main.ts')];
    expect(loaded).toContain('shell/home.ts');
    expect(loaded.filter((path) => path.startsWith('features/') || path.endsWith('messages.ts'))).toEqual([]);
  });

  it('imports the backend for types only', () => {
    const runtime = [...files.keys()].flatMap((path) =>
      importsOf(path)
        .filter((i) => !i.typeOnly && (i.spec.includes('functions/') || i.spec === 'zod' || i.spec.startsWith('@hono/')))
        .map((i) => `${path} → ${i.spec}`),
    );
    expect(runtime).toEqual([]);
  });

  it('lets features meet only through public modules (api.ts, labels.ts), and the shared UI know no feature', () => {
    const publicModule = /^features\/[^/]+\/(api|labels)\.ts$/;
    const violations = [...files.keys()].flatMap((path) =>
      importsOf(path)
        .filter((i) => i.target !== null && featureOf(i.target) !== null && featureOf(i.target) !== featureOf(path))
        .filter((i) => !(path === 'routes.ts' && i.dynamic))
        .filter((i) => featureOf(path) === null || !publicModule.test(i.target!))
        .map((i) => `${path} → ${i.target}`),
    );
    expect(violations).toEqual([]);
  });

  it('decides what to show from abilities: role names appear only where roles are displayed', () => {
    const display = new Set(['i18n.ts', 'shell/roles.ts', 'shell/home.ts', 'shell/sign-in.ts']);
    const roleTalk = /'(academy-admin|author|trainer|team-manager|employee|partner)'|\.roles\b(?!\[)|roles\.(includes|some)/;
    const found = [...files.entries()].filter(([path, text]) => !display.has(path) && roleTalk.test(text)).map(([path]) => path);
    expect(found).toEqual([]);
  });
});
