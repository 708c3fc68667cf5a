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
