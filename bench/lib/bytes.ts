/**
 * Part 1 of `npm run bench`: what the kit costs a host app in bytes, measured the way
 * `test/size/budget.test.ts` measures budgets (esbuild, minified ESM for the browser,
 * `NODE_ENV=production`, gzip -9), next to the dependency floor measured in the same run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** React is the host's: never counted. */
const REACT = ['react', 'react-dom', 'scheduler'];
/** The kit's runtime dependencies: external when measuring the kit's own code. */
const DEPENDENCIES = ['@radix-ui/react-dialog', 'swr'];

/** Every drop-in, as an app that renders them all imports them (same list as the size budgets). */
const DROP_INS =
  "export { MfaProvider, TwoFactorSettings, AuthenticatorList, EnrollmentWizard, EnrollmentDialog, DeleteConfirmation, RecoveryCode, StepUp, StepUpDialog, TokenExpiryNotice, createMfaClient, createUniversalLoginProvider } from './src/index.ts';";
/** An app that renders only `<TwoFactorSettings />`: its enrollment and step-up dialogs load when first opened. */
const TWO_FACTOR_SETTINGS = "export { MfaProvider, TwoFactorSettings, createMfaClient, createUniversalLoginProvider } from './src/index.ts';";
const CORE_ONLY = "export { createMfaClient } from './src/core/index.ts';";
const CORE_AND_HOOKS = "export * from './src/hooks/index.ts';\nexport { createMfaClient, createUniversalLoginProvider } from './src/core/index.ts';";
/** What every app using the kit pays anyway: Radix Dialog and SWR, with React external. */
const FLOOR = "export * as Dialog from '@radix-ui/react-dialog';\nexport { default as useSWR } from 'swr';\nexport * from 'swr';";

export interface BytesRow {
  name: string;
  /** Minified bytes (all chunks counted by `gzip`). */
  minified: number;
  gzip: number;
  /** `gzip / floor gzip`, absent for the floor itself. */
  ratio?: number;
  note: string;
}

export interface BytesResult {
  rows: BytesRow[];
  floor: number;
  esbuildVersion: string;
}

interface Measured {
  initial: { minified: number; gzip: number };
  total: { minified: number; gzip: number };
}

/**
 * Bundles `source` (imports resolved from `root`) with code splitting; sizes of what loads first (the
 * entry chunk and the chunks it imports statically) and of all chunks.
 */
async function measure(root: string, source: string, external: string[]): Promise<Measured> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mfa-kit-bench-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    writeFileSync(entry, source.replaceAll("'./src/", `'${root}/src/`));
    const result = await build({
      entryPoints: [entry],
      // Bare imports (`swr`, `@radix-ui/react-dialog`) resolve from the repository's node_modules.
      nodePaths: [path.join(root, 'node_modules')],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      external,
      define: { 'process.env.NODE_ENV': '"production"' },
      outdir: path.join(dir, 'out'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    // Only `import()` defers: chunks the entry imports statically (code it shares with lazy chunks) load first too.
    const staticImports = new Map(
      Object.entries(result.metafile.outputs).map(([file, meta]) => [path.resolve(file), meta.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => path.resolve(i.path))]),
    );
    const first = new Set<string>();
    const visit = (file: string): void => {
      if (first.has(file)) return;
      first.add(file);
      staticImports.get(file)?.forEach(visit);
    };
    visit(path.join(dir, 'out', 'entry.js'));
    const files = result.outputFiles
      .filter((f) => f.path.endsWith('.js'))
      .map((f) => ({ first: first.has(f.path), minified: f.contents.byteLength, gzip: gzipSync(f.contents, { level: 9 }).byteLength }));
    const sum = (list: typeof files) => list.reduce((t, f) => ({ minified: t.minified + f.minified, gzip: t.gzip + f.gzip }), { minified: 0, gzip: 0 });
    return { initial: sum(files.filter((f) => f.first)), total: sum(files) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureBytes(root: string, esbuildVersion: string): Promise<BytesResult> {
  const kitExternal = [...REACT, ...DEPENDENCIES];
  const [floor, core, hooks, dropIns, withDeps, settings] = await Promise.all([
    measure(root, FLOOR, REACT),
    measure(root, CORE_ONLY, kitExternal),
    measure(root, CORE_AND_HOOKS, kitExternal),
    measure(root, DROP_INS, kitExternal),
    measure(root, DROP_INS, REACT),
    measure(root, TWO_FACTOR_SETTINGS, kitExternal),
  ]);
  const f = floor.total.gzip;
  const row = (name: string, m: { minified: number; gzip: number }, note: string, isFloor = false): BytesRow =>
    isFloor ? { name, ...m, note } : { name, ...m, ratio: m.gzip / f, note };
  return {
    floor: f,
    esbuildVersion,
    rows: [
      row('Dependency floor: @radix-ui/react-dialog + swr', floor.total, 'react, react-dom external', true),
      row('Kit: core only (createMfaClient)', core.total, 'radix, swr, react external'),
      row('Kit: core + hooks + Universal Login provider', hooks.total, 'radix, swr, react external'),
      row('Kit: every drop-in, initial (what loads first)', dropIns.initial, 'radix, swr, react external'),
      row('Kit: every drop-in, total (lazy chunks included)', dropIns.total, 'radix, swr, react external'),
      row('Kit: TwoFactorSettings app, initial (what loads first)', settings.initial, 'radix, swr, react external'),
      row('Kit: TwoFactorSettings app, total (lazy dialogs and QR included)', settings.total, 'radix, swr, react external'),
      row('Host pays: every drop-in + floor, total', withDeps.total, 'react, react-dom external'),
    ],
  };
}
