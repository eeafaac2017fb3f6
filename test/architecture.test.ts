/**
 * The layer rule (docs/architecture.md), checked over the import graph of src/ (value and type
 * imports alike):
 *   domain  — the lowest layer: imports nothing of shared, server or web;
 *   shared  — may import domain, never server or web;
 *   server and web never import each other;
 *   no import cycle anywhere in src/.
 * A few lines of regex over `import … from '…'` / `export … from '…'` are enough: every import in
 * this code base is a static relative path without extension (moduleResolution Bundler).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx'), base]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

export function importGraph(root = SRC): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const re = /^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(re)) {
      const target = resolveImport(file, m[1] ?? m[2]);
      if (target && target.startsWith(root)) deps.push(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

const layerOf = (file: string, root = SRC) => path.relative(root, file).split(path.sep)[0];
const rel = (file: string, root = SRC) => path.relative(root, file).split(path.sep).join('/');

/** Forbidden edges: lower layer → higher layer, server ↔ web. */
const FORBIDDEN: Record<string, string[]> = {
  domain: ['shared', 'server', 'web'],
  shared: ['server', 'web'],
  server: ['web'],
  web: ['server'],
};

export function layerViolations(graph: Map<string, string[]>, root = SRC): string[] {
  const out: string[] = [];
  for (const [file, deps] of graph) {
    for (const dep of deps) {
      if ((FORBIDDEN[layerOf(file, root)] ?? []).includes(layerOf(dep, root))) out.push(`${rel(file, root)} -> ${rel(dep, root)}`);
    }
  }
  return out.sort();
}

/** Every cycle found by a depth-first search, each named by its files in order. */
export function cycles(graph: Map<string, string[]>, root = SRC): string[] {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'active');
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (state.get(d) === 'active') found.push([...stack.slice(stack.indexOf(d)), d].map((x) => rel(x, root)).join(' -> '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('architecture: the layer rule', () => {
  const graph = importGraph();

  it('reads the whole source tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
  });

  it('never imports upwards (domain → shared/server/web, shared → server/web) nor between server and web', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('catches a deliberate upward import and a cycle (the checks can fail)', () => {
    const a = path.join(SRC, 'domain/a.ts');
    const b = path.join(SRC, 'shared/b.ts');
    const c = path.join(SRC, 'server/c.ts');
    const g = new Map([
      [a, [b]],
      [b, [a, c]],
      [c, []],
    ]);
    expect(layerViolations(g)).toEqual(['domain/a.ts -> shared/b.ts', 'shared/b.ts -> server/c.ts']);
    expect(cycles(g)).toEqual(['domain/a.ts -> shared/b.ts -> domain/a.ts']);
  });
});
