/**
 * `npm run size [preset]`: where the kit's bytes go. Bundles an app entry the way
 * `test/size/budget.test.ts` does (esbuild, minified, browser ESM, `NODE_ENV=production`; react,
 * react-dom, @radix-ui/react-dialog and swr external) into one chunk and lists each source
 * module's minified bytes in the output, largest first, with the bundle's gzip -9 size.
 *
 * Presets: `drop-ins` (every drop-in, the default), `core` (core + hooks + Universal Login),
 * `ropg` (core + hooks + ROPG). Anything else is taken as the entry's source.
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PRESETS: Record<string, string> = {
  'drop-ins':
    "export { MfaProvider, TwoFactorSettings, AuthenticatorList, EnrollmentWizard, EnrollmentDialog, DeleteConfirmation, RecoveryCode, StepUp, StepUpDialog, TokenExpiryNotice, createMfaClient, createUniversalLoginProvider } from './src/index.ts';",
  core: "export * from './src/hooks/index.ts'; export { createMfaClient, createUniversalLoginProvider } from './src/core/index.ts';",
  ropg: "export * from './src/hooks/index.ts'; export { createMfaClient, createRopgProvider } from './src/core/index.ts';",
};

const arg = process.argv[2] ?? 'drop-ins';
const source = PRESETS[arg] ?? arg;
const result = await build({
  stdin: { contents: source, resolveDir: root, sourcefile: 'size-entry.ts', loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  external: ['react', 'react-dom', '@radix-ui/react-dialog', 'swr'],
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  metafile: true,
  logLevel: 'silent',
});
const [output] = Object.values(result.metafile.outputs);
const code = result.outputFiles[0]?.contents ?? new Uint8Array();
const rows = Object.entries(output?.inputs ?? {})
  .filter(([, meta]) => meta.bytesInOutput > 0)
  .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
for (const [file, meta] of rows) console.log(`${String(meta.bytesInOutput).padStart(7)}  ${file}`);
console.log(`\n${arg in PRESETS ? arg : 'entry'}: ${code.byteLength} B minified, ${gzipSync(code, { level: 9 }).byteLength} B gzip -9 (one chunk)`);
