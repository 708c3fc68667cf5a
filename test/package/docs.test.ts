/**
 * docs/testing.md shows only code that runs: its complete example is test/package/host-app-kit.test.ts
 * word for word (imports from `mfa-kit/core` and `mfa-kit/emulator` there, from the sources here),
 * and every block marked `<!-- excerpt -->` is made of lines of that file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(path.join(ROOT, 'docs/testing.md'), 'utf8');

/** The doc's imports, pointed at the sources as the repository's tests import them. */
const fromSources = (code: string) =>
  code.replaceAll("'mfa-kit/core'", "'../../src/core/index.ts'").replaceAll("'mfa-kit/emulator'", "'../../src/emulator/index.ts'");

const blocks = [...doc.matchAll(/<!-- (excerpt|example: (\S+)) -->\n```ts\n([\s\S]*?)```/g)].map((m) => ({
  kind: m[1] === 'excerpt' ? ('excerpt' as const) : ('example' as const),
  file: m[2],
  code: fromSources(m[3] ?? ''),
}));

describe('docs/testing.md', () => {
  const example = blocks.find((b) => b.kind === 'example');

  it('has the complete example, identical to the test that runs it', () => {
    expect(example?.file).toBe('test/package/host-app-kit.test.ts');
    expect(example?.code).toBe(readFileSync(path.join(ROOT, example?.file ?? ''), 'utf8'));
  });

  it('takes every excerpt from that example', () => {
    const excerpts = blocks.filter((b) => b.kind === 'excerpt');
    expect(excerpts.length).toBeGreaterThanOrEqual(8);
    const lines = new Set((example?.code ?? '').split('\n').map((l) => l.trim()));
    const foreign = excerpts.flatMap((b) => b.code.split('\n').map((l) => l.trim()).filter((l) => l && !lines.has(l)));
    expect(foreign).toEqual([]);
  });
});
