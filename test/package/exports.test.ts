/**
 * The public surface is deliberate (issue 12): every value an entry exports is listed in the
 * README's "API" section, and everything listed there is exported. A new export, or an internal
 * helper leaking out through an `export *`, fails here until the README says so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const api = readme.slice(readme.indexOf('\n## API\n'), readme.indexOf('\n## ', readme.indexOf('\n## API\n') + 1));

/** The names the README lists under one entry's heading, up to the next heading (or the types paragraph). */
function listed(entry: string): string[] {
  const rest = api.slice(api.indexOf(`**\`${entry}\`**`) + entry.length + 6);
  const end = rest.search(/\n\*\*`|\nTypes /);
  return [...(end < 0 ? rest : rest.slice(0, end)).matchAll(/`([A-Za-z_]\w*)`/g)].map((m) => m[1] ?? '');
}

const ENTRIES = {
  'mfa-kit': () => import('../../src/index.ts'),
  'mfa-kit/core': () => import('../../src/core/index.ts'),
  'mfa-kit/emulator': () => import('../../src/emulator/index.ts'),
  'mfa-kit/emulator/node': () => import('../../src/emulator/node.ts'),
} as const;

describe('the README lists the public exports', () => {
  it('has an API section', () => expect(api).toContain('## API'));

  for (const [entry, load] of Object.entries(ENTRIES)) {
    it(entry, async () => {
      const exported = Object.keys(await load()).sort();
      const core = entry === 'mfa-kit' ? listed('mfa-kit/core') : [];
      expect([...listed(entry), ...core].sort()).toEqual(exported);
    });
  }
});
