/**
 * The layering rules of DESIGN.md, checked on the source: src/core and src/emulator import nothing
 * from React (or SWR / Radix), and nothing Node-only except the emulator's Node server and CLI.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  return [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

const NODE_ONLY = new Set(['src/emulator/node.ts', 'src/emulator/cli.ts']);

describe('layers', () => {
  for (const layer of ['src/core', 'src/emulator']) {
    it(`${layer} imports no React, SWR or Radix, and nothing Node-only`, () => {
      const offenders: string[] = [];
      for (const file of files(join(root, layer))) {
        const rel = relative(root, file);
        for (const spec of imports(file)) {
          const ui = /^(react|react-dom|swr|@radix-ui\/)/.test(spec);
          const node = spec.startsWith('node:') && !NODE_ONLY.has(rel);
          const upward = /\.\.\/(hooks|components|i18n|styles)\//.test(spec);
          if (ui || node || upward) offenders.push(`${rel} → ${spec}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it('src/core does not import the emulator', () => {
    const offenders = files(join(root, 'src/core')).filter((f) => imports(f).some((s) => s.includes('/emulator/')));
    expect(offenders).toEqual([]);
  });
});

// The floors, lowest first: a file may import its own floor and those it lists (DESIGN.md, "The layers").
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  emulator: ['core'],
  i18n: ['core'],
  hooks: ['core', 'i18n'],
  components: ['core', 'i18n', 'hooks'],
  styles: [],
};
const floorOf = (rel: string) => /^src\/([^/]+)\//.exec(rel)?.[1];

/** Import edges between source files (relative specifiers only), as repo-relative paths. */
function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of files(join(root, 'src'))) {
    const targets = imports(file)
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(root, join(file, '..', s)));
    edges.set(relative(root, file), targets);
  }
  return edges;
}

describe('layers: one way, no circles', () => {
  it('no file imports a floor above its own; i18n imports no React and no hooks', () => {
    const offenders: string[] = [];
    for (const [from, targets] of graph()) {
      const floor = floorOf(from);
      if (!floor || !(floor in MAY_IMPORT)) continue;
      for (const to of targets) {
        const target = floorOf(to);
        if (target && target !== floor && !MAY_IMPORT[floor]!.includes(target)) offenders.push(`${from} → ${to}`);
      }
      if (floor === 'i18n' && imports(join(root, from)).some((s) => /^(react|react-dom|swr)$/.test(s))) offenders.push(`${from} → react`);
    }
    expect(offenders).toEqual([]);
  });

  it('the import graph has no circle', () => {
    const edges = graph();
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        const circle = path.slice(path.indexOf(node));
        circles.push([...circle, node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of edges.keys()) visit(node, []);
    expect(circles).toEqual([]);
  });
});
