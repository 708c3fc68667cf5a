/**
 * `npm run build`: ESM + .d.ts for every entry (tsc, relative `.ts` imports rewritten to `.js`),
 * and one `dist/styles.css` (the theme and every component's styles, @imports inlined).
 *
 * `--out-dir DIR` builds somewhere else than `dist` (the pack test builds into a temp dir so it
 * never races another run over the repo's `dist`). No source maps, no declaration maps, no tests
 * or stories: only `src` is compiled (`tsconfig.build.json`).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--out-dir');
const outDir = path.resolve(root, flag === -1 ? 'dist' : (process.argv[flag + 1] ?? 'dist'));

rmSync(outDir, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', outDir], {
  stdio: 'inherit',
  cwd: root,
});
await build({
  entryPoints: [path.join(root, 'src/styles/mfa-kit.css')],
  bundle: true,
  minify: true,
  outfile: path.join(outDir, 'styles.css'),
  logLevel: 'warning',
});
