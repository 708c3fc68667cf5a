/**
 * `npm run build`: ESM + .d.ts for every entry (tsc, relative `.ts` imports rewritten to `.js`),
 * and one `dist/styles.css` (the theme and every component's styles, @imports inlined).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await build({ entryPoints: ['src/styles/mfa-kit.css'], bundle: true, minify: true, outfile: 'dist/styles.css', logLevel: 'warning' });
