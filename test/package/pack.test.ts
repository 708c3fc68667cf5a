/**
 * The package as a host app gets it (issue 6, "Done when"): build into a temp dir, `npm pack`,
 * check what the tarball holds, run publint and attw on it, then install it OFFLINE into a fresh
 * Vite + React app and use it there — the core and the emulator in plain Node (no React), a
 * `vite build` of a page importing `mfa-kit` and `mfa-kit/styles.css`, a type check of that page
 * against the shipped `.d.ts`, and the tree-shaking a bundler gets from `sideEffects`.
 *
 * Offline: the app's dependencies are pinned to the repository's lockfile and installed with
 * `npm ci --offline` from a lockfile cut from it (see ./lockfile.ts), so the tarballs the
 * repository's own `npm ci` cached are all it needs.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostAppLock, type Lockfile, type TarballDependency } from './lockfile.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/package/fixtures/host-app');
const bin = (relative: string) => path.join(ROOT, 'node_modules', relative);

/** What a host app installs next to the tarball: React, Vite, and the types for its own TS. */
const APP_PACKAGES = ['react', 'react-dom', 'vite', '@vitejs/plugin-react', '@types/react', '@types/react-dom'];

interface Run {
  stdout: string;
  stderr: string;
}

/** Runs a command; rejects with its output when it fails. No shell. */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024, timeout: 150_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

const node = (args: readonly string[], cwd: string) => run(process.execPath, args, cwd);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Runtime import specifiers of an emitted module (type-only imports are gone after tsc; comments, with their examples, are skipped). */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/(?:^|[\s;])(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** True when the first statement (after comments) is the `'use client'` directive. */
function startsWithUseClient(source: string): boolean {
  const code = source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  return /^(['"])use client\1/.test(code);
}

const UI = /^(react|react-dom|swr|@radix-ui\/)(\/|$)/;

let tmp = '';
let stage = '';
let app = '';
let tarball = '';
let packedFiles: string[] = [];
let installed = '';

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mfa-kit-pack-'));
  stage = path.join(tmp, 'stage');
  app = path.join(tmp, 'host-app');
  mkdirSync(stage);

  // The package as `npm pack` in the repository would see it, built into the stage (never the repo's dist).
  for (const file of ['package.json', 'README.md', 'LICENSE']) {
    if (existsSync(path.join(ROOT, file))) cpSync(path.join(ROOT, file), path.join(stage, file));
  }
  await node([bin('tsx/dist/cli.mjs'), 'scripts/build.ts', '--out-dir', path.join(stage, 'dist')], ROOT);
  cpSync(FIXTURE, app, { recursive: true });
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], stage);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; integrity: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error(`npm pack printed no tarball: ${packed.stdout}`);
  tarball = path.join(app, info.filename);
  packedFiles = info.files.map((f) => f.path).sort();

  // A fresh host app: its manifest and lockfile, then an offline install from the npm cache.
  const repoLock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
  const manifest = JSON.parse(readFileSync(path.join(stage, 'package.json'), 'utf8')) as TarballDependency['manifest'];
  const registry = (await run('npm', ['config', 'get', 'registry'], app)).stdout.trim();
  const { manifest: appManifest, lock } = hostAppLock(repoLock, 'mfa-kit-host-app', APP_PACKAGES, { file: info.filename, integrity: info.integrity, manifest }, registry);
  writeFileSync(path.join(app, 'package.json'), `${JSON.stringify(appManifest, null, 2)}\n`);
  writeFileSync(path.join(app, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
  installed = path.join(app, 'node_modules/mfa-kit');
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds the built package and nothing else: no tests, stories, sources or maps', () => {
    const unexpected = packedFiles.filter((f) => !/^(package\.json|README\.md|LICENSE|dist\/.+\.(js|d\.ts)|dist\/styles\.css)$/.test(f));
    expect(unexpected).toEqual([]);
    const leaks = packedFiles.filter((f) => /\.(test|spec|stories|test-d)\.|\.map$|\.tsx?$(?<!\.d\.ts)|(^|\/)(test|stories|node_modules|src)\/|tsbuildinfo|cli\.js$/.test(f));
    expect(leaks).toEqual([]);
    for (const entry of ['dist/index.js', 'dist/index.d.ts', 'dist/core/index.js', 'dist/core/index.d.ts', 'dist/emulator/index.js', 'dist/emulator/node.js', 'dist/styles.css']) {
      expect(packedFiles).toContain(entry);
    }
  });

  it('passes publint (strict) on exactly what ships', async () => {
    const { stdout } = await node([bin('publint/src/cli.js'), installed, '--strict', '--pack', 'false'], app);
    expect(stdout).toContain('All good!');
  }, 60_000);

  it('passes Are The Types Wrong for an ESM-only package', async () => {
    // `./styles.css` has no types by nature. The esm-only profile checks node16 (ESM) and bundler
    // resolution; CJS `require` and node10 are out of scope for an ESM-only package. attw exits
    // non-zero on any problem the profile counts, which rejects here.
    const { stdout } = await node([bin('@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', '--format', 'json'], app);
    const report = JSON.parse(stdout) as {
      analysis: { entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }> };
      problems: Record<string, Array<{ entrypoint: string; resolutionKind?: string }>>;
    };
    const counted = Object.values(report.problems).flat().filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs');
    expect(counted).toEqual([]);
    const typesOf = (entry: string, kind: string) => report.analysis.entrypoints[entry]?.resolutions[kind]?.resolution?.fileName;
    for (const [entry, types] of [['.', 'dist/index.d.ts'], ['./core', 'dist/core/index.d.ts'], ['./emulator', 'dist/emulator/index.d.ts'], ['./emulator/node', 'dist/emulator/node.d.ts']] as const) {
      expect(typesOf(entry, 'node16-esm'), entry).toBe(`/node_modules/mfa-kit/${types}`);
      expect(typesOf(entry, 'bundler'), entry).toBe(`/node_modules/mfa-kit/${types}`);
    }
  }, 60_000);

  it("keeps 'use client' at the top of every client module, and only there", () => {
    const dist = path.join(installed, 'dist');
    const missing: string[] = [];
    const stray: string[] = [];
    const client: string[] = [];
    for (const file of walk(dist).filter((f) => f.endsWith('.js'))) {
      const rel = path.relative(dist, file);
      const source = readFileSync(file, 'utf8');
      const src = ['.ts', '.tsx'].map((ext) => path.join(ROOT, 'src', rel.replace(/\.js$/, ext))).find((f) => existsSync(f));
      const marked = src !== undefined && startsWithUseClient(readFileSync(src, 'utf8'));
      const usesUi = importsOf(source).some((s) => UI.test(s));
      if (marked || usesUi) client.push(rel);
      if ((marked || usesUi) && !startsWithUseClient(source)) missing.push(rel);
      if (/^(core|emulator)\//.test(rel) && startsWithUseClient(source)) stray.push(rel);
    }
    expect(missing).toEqual([]);
    expect(stray).toEqual([]);
    expect(client).toEqual(expect.arrayContaining(['hooks/provider.js', 'hooks/use-authenticators.js']));
    expect(client.filter((f) => f.startsWith('components/')).length).toBeGreaterThan(5);
  });

  it('ships no React, Radix or SWR inside, and mfa-kit/core and mfa-kit/emulator reach none of them', () => {
    const dist = path.join(installed, 'dist');
    const offenders: string[] = [];
    for (const entry of ['core/index.js', 'emulator/index.js']) {
      const seen = new Set<string>();
      const queue = [path.join(dist, entry)];
      for (let file = queue.shift(); file; file = queue.shift()) {
        if (seen.has(file)) continue;
        seen.add(file);
        for (const spec of importsOf(readFileSync(file, 'utf8'))) {
          if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
          else if (!spec.startsWith('node:')) offenders.push(`${path.relative(dist, file)} → ${spec}`);
        }
      }
      expect(seen.size).toBeGreaterThan(3);
    }
    expect(offenders).toEqual([]);
    expect(walk(dist).map((f) => path.relative(dist, f)).filter((f) => /node_modules|react(-dom)?\.(development|production)|swr|radix/.test(f))).toEqual([]);
  });
});

describe('a fresh host app with the tarball installed offline', () => {
  it('runs the core client against the emulator in plain Node (no React)', async () => {
    const { stdout } = await node(['smoke.mjs'], app);
    const result = JSON.parse(stdout.trim()) as { ids: string[]; entries: string[]; denied: string; scenarios: number; requests: string[] };
    expect(result).toEqual({
      ids: ['sms', 'voice', 'recovery-code'],
      entries: ['phone'],
      denied: 'interaction_required',
      scenarios: 8,
      requests: ['GET /mfa/authenticators 200'],
    });
  }, 30_000);

  it('type-checks a page against the shipped declarations', async () => {
    await node([bin('typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
  }, 60_000);

  it('builds with Vite: mfa-kit, its hooks and mfa-kit/styles.css', async () => {
    await node([path.join(app, 'node_modules/vite/bin/vite.js'), 'build'], app);
    const assets = walk(path.join(app, 'dist'));
    const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const css = assets.filter((f) => f.endsWith('.css')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(js).toContain('mfa-kit.emulator.local'); // the emulator made it in, as the page uses it
    expect(js).toContain('/mfa/authenticators');
    expect(css).toContain('@layer mfa-kit');
    expect(css).toMatch(/--mfa-[a-z-]+:/);
  }, 90_000);

  it('lets a bundler drop what is unused: one hook pulls no component or emulator, the core no React', async () => {
    const bundle = async (contents: string, external: string[]): Promise<string[]> => {
      const result = await build({
        stdin: { contents, resolveDir: app, sourcefile: 'entry.js', loader: 'js' },
        absWorkingDir: app,
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        external,
        metafile: true,
        write: false,
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' },
      });
      const meta: Metafile = result.metafile;
      return Object.values(meta.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([file]) => file));
    };
    const hook = await bundle("export { useAuthenticators } from 'mfa-kit';", ['react', 'react-dom', 'swr', '@radix-ui/react-dialog']);
    expect(hook.some((f) => f.includes('mfa-kit/dist/hooks/use-authenticators.js'))).toBe(true);
    expect(hook.filter((f) => /mfa-kit\/dist\/(components|emulator)\//.test(f))).toEqual([]);
    const core = await bundle("export { createMfaClient } from 'mfa-kit/core';", []);
    expect(core.some((f) => f.includes('mfa-kit/dist/core/client.js'))).toBe(true);
    expect(core.filter((f) => /node_modules\/(react|react-dom|swr|@radix-ui)\//.test(f) || /mfa-kit\/dist\/(hooks|components|emulator|i18n)\//.test(f))).toEqual([]);
  }, 30_000);
});
