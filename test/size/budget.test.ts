/**
 * Size budgets (issue 4, "Done when"): what the kit costs a host app, measured the way a host's
 * bundler would ship it — esbuild, minified ESM for the browser, `NODE_ENV=production`, gzip -9 —
 * with the peer and runtime dependencies (react, react-dom, @radix-ui/react-dialog, swr) external.
 *
 * Each budget is one entry of `BUDGETS`: a name, the source of an app entry that imports what it
 * measures, and the most gzip bytes it may cost. `max: undefined` measures and prints only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const KB = 1024;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXTERNAL = ['react', 'react-dom', '@radix-ui/react-dialog', 'swr'];

/**
 * `mfa-kit/core` with the hooks and one token provider: what an app using only the headless layer
 * pays. Issue 4 targets 7 KB; the kit is not there (≈10.2 KB with Universal Login, ≈10.4 KB with
 * ROPG, ≈8.4 KB with no provider at all, after two slimming passes, from ≈11.3 / ≈11.8 KB). This
 * guard stops the size from growing: today's size plus ≈3–5%.
 */
// Raised on 2026-12-04 (within the redesign issue's 8% allowance) for correctness, not features of
// convenience: strict Retry-After parsing with a ceiling, DELETE/2xx body validation, the provider
// identity that keeps a verified session across re-renders, Auth0's legacy and alias error codes.
// Measured then: core + hooks 11200 (UL) / 11546 (ROPG), TwoFactorSettings first 20172 B gzip.
const CORE_AND_HOOKS_MAX = 11.5 * KB;

const HOOKS = "export * from './src/hooks/index.ts';";
const core = (names: string) => `export { ${names} } from './src/core/index.ts';`;

interface Budget {
  name: string;
  /** An app entry, resolved from the repository root. */
  source: string;
  /** Most gzip bytes allowed; `undefined` only reports. */
  max: number | undefined;
  /** Measure with code splitting: `initial` is what loads first (the entry chunk and the chunks it imports statically); `total` adds what loads lazily (`import()`). */
  part?: 'initial' | 'total';
}

/**
 * Every drop-in, as an app that renders them all would import them. Issue 4 targets 12 KB for what
 * loads first and 18 KB for everything; the kit measures ≈27.8 KB / ≈29.6 KB (≈31.6 / ≈33.7 KB
 * before the second slimming pass), so these guards (today's size plus ≈3%) only stop growth.
 * Since TwoFactorSettings and TokenExpiryNotice load their dialogs with `import()` (one shared
 * chunk, `src/components/flows.ts`), esbuild splits this app, which imports the dialogs statically
 * too, into chunks that all load first; only the QR encoder (≈1.7 KB) loads later.
 */
const DROP_INS =
  "export { MfaProvider, TwoFactorSettings, AuthenticatorList, EnrollmentWizard, EnrollmentDialog, DeleteConfirmation, RecoveryCode, StepUp, StepUpDialog, TokenExpiryNotice, createMfaClient, createUniversalLoginProvider } from './src/index.ts';";
// Raised on 2026-12-04 for issue 12's plain parts (each part an ordinary forwardRef component with
// its own JSX instead of a spec run by one shared createPart): measured 29412 → 30710 first and
// 31222 → 32520 everything; guards stay under the redesign's ceiling (the baseline guards × 1.08).
const DROP_INS_INITIAL_MAX = 30.75 * KB;
const DROP_INS_TOTAL_MAX = 32.5 * KB;

/**
 * An app that renders only `<TwoFactorSettings />` (the usual case): the list, the delete
 * confirmation and the expiry notice load first; the enrollment dialog (wizard, lazy QR) and the
 * step-up dialog (with the recovery code) load together, in one chunk, when either is first opened.
 * Each component translates with only its own English strings (`defaults` in src/i18n/components/), so
 * the wizard's and the recovery code's texts load with the flows too. Measured ≈18.8 KB first and
 * ≈30.3 KB for everything (≈21.2 / ≈33.3 KB before the second slimming pass); the guards are that
 * plus ≈3%.
 */
const TWO_FACTOR_SETTINGS = "export { MfaProvider, TwoFactorSettings, createMfaClient, createUniversalLoginProvider } from './src/index.ts';";
// Plain parts (issue 12, 2026-12-04): measured 20173 → 20537 first and 31923 → 33041 everything.
const TWO_FACTOR_SETTINGS_INITIAL_MAX = 20.75 * KB;
const TWO_FACTOR_SETTINGS_TOTAL_MAX = 33.25 * KB;

const BUDGETS: Budget[] = [
  { name: 'core + hooks + Universal Login provider', source: `${HOOKS}\n${core('createMfaClient, createUniversalLoginProvider')}`, max: CORE_AND_HOOKS_MAX },
  { name: 'core + hooks + ROPG provider', source: `${HOOKS}\n${core('createMfaClient, createRopgProvider')}`, max: CORE_AND_HOOKS_MAX },
  { name: 'core + hooks, no token provider', source: HOOKS, max: undefined },
  { name: 'createMfaClient alone (core only)', source: core('createMfaClient'), max: undefined },
  { name: 'every drop-in: what loads first', source: DROP_INS, max: DROP_INS_INITIAL_MAX, part: 'initial' },
  { name: 'every drop-in: everything (lazy QR included)', source: DROP_INS, max: DROP_INS_TOTAL_MAX, part: 'total' },
  { name: 'TwoFactorSettings app: what loads first', source: TWO_FACTOR_SETTINGS, max: TWO_FACTOR_SETTINGS_INITIAL_MAX, part: 'initial' },
  { name: 'TwoFactorSettings app: everything', source: TWO_FACTOR_SETTINGS, max: TWO_FACTOR_SETTINGS_TOTAL_MAX, part: 'total' },
];

/**
 * Gzip bytes of what loads first and of every chunk, with code splitting (lazy `import()`s apart).
 * What loads first is the entry chunk plus every chunk it imports statically (esbuild moves code
 * shared with a lazy chunk into a shared chunk that the entry imports): only `import()` defers.
 */
async function measureSplit(source: string): Promise<{ initial: number; total: number; minified: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mfa-kit-size-'));
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(entry, source.replaceAll("'./src/", `'${ROOT}/src/`));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    external: EXTERNAL,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: path.join(dir, 'out'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs).map(([file, meta]) => [path.resolve(file), meta] as const);
  const staticImports = new Map(outputs.map(([file, meta]) => [file, meta.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => path.resolve(i.path))]));
  const files = result.outputFiles.filter((f) => f.path.endsWith('.js'));
  const first = new Set<string>();
  const visit = (file: string | undefined): void => {
    if (file === undefined || first.has(file)) return;
    first.add(file);
    staticImports.get(file)?.forEach(visit);
  };
  visit(files.find((f) => path.basename(f.path) === 'entry.js')?.path);
  const sizes = files.map((f) => ({ first: first.has(f.path), gzip: gzipSync(f.contents, { level: 9 }).byteLength, min: f.contents.byteLength }));
  return {
    initial: sizes.reduce((n, f) => n + (f.first ? f.gzip : 0), 0),
    total: sizes.reduce((n, f) => n + f.gzip, 0),
    minified: sizes.reduce((n, f) => n + f.min, 0),
  };
}

/** Minified and gzipped size of an app entry. */
async function measure(source: string): Promise<{ minified: number; gzip: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile: 'size-entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: EXTERNAL,
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const rows: string[] = [];

describe('size budgets (esbuild, minified, gzip -9; react, react-dom, radix dialog and swr external)', () => {
  afterAll(() => {
    console.log(['', 'bundle                                        min B   gzip B   budget', ...rows].join('\n'));
  });

  it.each(BUDGETS)('$name', async ({ name, source, max, part }) => {
    const { minified, gzip } = part ? await measureSplit(source).then((m) => ({ minified: m.minified, gzip: m[part] })) : await measure(source);
    rows.push(`${name.padEnd(44)} ${String(minified).padStart(6)} ${String(gzip).padStart(8)}   ${max === undefined ? '—' : `< ${max}`}`);
    if (max !== undefined) expect(gzip, `${name}: ${gzip} B gzip`).toBeLessThan(max);
  }, 30_000);
});
