/**
 * `npm run bench` (issue 6): what mfa-kit costs a host app, in numbers, measured in one run.
 *
 *   1. bytes   — esbuild + gzip -9: the kit's initial and total size next to the dependency floor;
 *   2. requests — the emulator's request log for each flow, driven by the real hooks and drop-ins
 *                 (a Vitest run in jsdom), next to the theoretical minimum;
 *   3. render  — in Debian's Chromium: the real AuthenticatorList against a plain `<ul>` on the
 *                same page (3 and 50 authenticators; render, and Remove → Confirm → list updated).
 *
 * Prints the tables and writes them, with the machine and the date, to the gitignored `bench/results.local.md`
 * (`--update` rewrites the tracked `bench/results.md`).
 * Options: `--iterations=N` (default 30), `--warmup=N` (default 5), `--out=PATH`, `--no-write`.
 * Not a test: nothing here passes or fails on a threshold (the budgets live in `test/size`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import { build as viteBuild } from 'vite';
import { measureBytes, type BytesResult } from './lib/bytes.ts';
import { bytes, median, ms, percentile, ratio, table } from './lib/format.ts';
import type { RenderBenchOptions, RenderBenchResult } from './page/api.ts';
import { PUSH_POLL_INTERVAL_MS, PUSH_POLLS_BEFORE_APPROVAL, type FlowResult } from './requests/shared.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The bench page's origin: served from the build output by Playwright's router, never the network. */
const ORIGIN = 'http://bench.mfa-kit.test';

interface Options {
  iterations: number;
  warmup: number;
  out: string | undefined;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { iterations: 30, warmup: 5, out: path.join(ROOT, 'bench/results.local.md') };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=') as [string, string | undefined];
    if (key === 'iterations' && value) options.iterations = Math.max(1, Number.parseInt(value, 10));
    else if (key === 'warmup' && value) options.warmup = Math.max(0, Number.parseInt(value, 10));
    else if (key === 'out' && value) options.out = path.resolve(value);
    else if (key === 'no-write') options.out = undefined;
    // The tracked results change only when asked: a plain run must not dirty the working tree.
    else if (key === 'update') options.out = path.join(ROOT, 'bench/results.md');
    else throw new Error(`Unknown option ${arg}. Use --iterations=N, --warmup=N, --out=PATH, --update (rewrite bench/results.md) or --no-write.`);
  }
  return options;
}

const versionOf = (pkg: string): string => {
  const file = path.join(ROOT, 'node_modules', pkg, 'package.json');
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?') : '?';
};

const log = (message: string) => process.stderr.write(`${message}\n`);

async function timed<T>(name: string, work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  log(`▶ ${name}…`);
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  log(`✓ ${name} (${seconds.toFixed(1)} s)`);
  return { value, seconds };
}

/** Part 2: runs the flows with Vitest (jsdom) and reads what they wrote. */
async function measureRequests(): Promise<FlowResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mfa-kit-bench-requests-'));
  const out = path.join(dir, 'flows.json');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', path.join(ROOT, 'bench/requests/vitest.config.ts'), '--reporter=dot'],
        { cwd: ROOT, env: { ...process.env, MFA_BENCH_REQUESTS_OUT: out }, stdio: ['ignore', 2, 2] },
      );
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`the request-count flows failed (vitest exit code ${code})`);
    return JSON.parse(readFileSync(out, 'utf8')) as FlowResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Part 3: builds the bench page (production React) and runs it in Chromium. */
async function measureRender(options: RenderBenchOptions): Promise<{ result: RenderBenchResult; browserVersion: string }> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'mfa-kit-bench-page-'));
  try {
    await viteBuild({
      configFile: false,
      root: path.join(ROOT, 'bench/page'),
      base: './',
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, target: 'es2022' },
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      page.on('console', (message) => {
        if (message.text().startsWith('[bench]')) log(`  ${message.text()}`);
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        const file = path.join(outDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
        if (url.origin === ORIGIN && file.startsWith(outDir) && existsSync(file)) await route.fulfill({ path: file });
        else await route.abort();
      });
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => window.mfaBench !== undefined, undefined, { timeout: 30_000 });
      const result = await page.evaluate((o) => {
        const api = window.mfaBench;
        if (!api) throw new Error('bench page not loaded');
        return api.run(o);
      }, options);
      if (errors.length) throw new Error(`bench page errors: ${errors.join('; ')}`);
      return { result, browserVersion: browser.version() };
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function bytesTable(result: BytesResult): string {
  return table(
    ['Bundle', 'Minified (B)', 'Gzip (B)', 'Kit / floor', 'External'],
    result.rows.map((r) => [r.name, bytes(r.minified), bytes(r.gzip), r.ratio === undefined ? '1.00× (floor)' : ratio(r.ratio), r.note]),
    ['l', 'r', 'r', 'r', 'l'],
  );
}

function requestsTable(flows: readonly FlowResult[]): string {
  return table(
    ['Flow', 'Minimum', 'Min', 'Kit', 'Extra', 'Kit sent', 'Push polls (apart)'],
    flows.map((f) => {
      const extra = f.kitCount - f.minimumCount;
      const verdict = extra <= 0 ? '0' : extra <= f.allowance ? `+${extra} (allowed)` : `+${extra}`;
      return [f.flow, f.minimum, String(f.minimumCount), String(f.kitCount), verdict, f.breakdown, f.polls ?? '—'];
    }),
    ['l', 'l', 'r', 'r', 'l', 'l', 'l'],
  );
}

function renderTable(result: RenderBenchResult): string {
  return table(
    ['Case', 'Kit median (ms)', 'Kit p90', 'Plain median (ms)', 'Plain p90', 'Ratio (median)', 'Ratio (p90)', 'n'],
    result.cases.map((c) => {
      const [km, kp, pm, pp] = [median(c.kit), percentile(c.kit, 90), median(c.plain), percentile(c.plain, 90)];
      return [c.label, ms(km), ms(kp), ms(pm), ms(pp), ratio(km / pm), ratio(kp / pp), String(c.kit.length)];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const date = new Date();

  const bytesRun = await timed('bytes (esbuild, gzip -9)', () => measureBytes(ROOT, versionOf('esbuild')));
  const requestsRun = await timed('requests per flow (vitest, jsdom)', measureRequests);
  const renderRun = await timed(`render timing (Chromium, ${options.iterations} runs + ${options.warmup} warm-up)`, () =>
    measureRender({ sizes: [3, 50], iterations: options.iterations, warmup: options.warmup }),
  );
  const seconds = (performance.now() - started) / 1000;

  const cpus = os.cpus();
  const machine = table(
    ['', ''],
    [
      ['Date', date.toISOString()],
      ['CPU', `${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length} logical cores`],
      ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['OS', `${os.type()} ${os.release()} (${os.arch()})`],
      ['Node', process.version],
      ['Chromium', `${renderRun.value.browserVersion} (${CHROMIUM}, headless)`],
      ['Tools', `esbuild ${bytesRun.value.esbuildVersion}, vite ${versionOf('vite')}, vitest ${versionOf('vitest')}, playwright ${versionOf('playwright')}, react ${versionOf('react')}, jsdom ${versionOf('jsdom')}`],
      ['Bench duration', `${seconds.toFixed(1)} s (bytes ${bytesRun.seconds.toFixed(1)} s, requests ${requestsRun.seconds.toFixed(1)} s, render ${renderRun.seconds.toFixed(1)} s)`],
    ],
    ['l', 'l'],
  );

  const report = `# mfa-kit benchmarks

Written by \`npm run bench\` (\`bench/run.ts\`); every number below comes from one run on this machine.
Re-run it to refresh this file. Nothing here is a pass/fail gate: the size budgets live in
\`test/size/budget.test.ts\`, the request-count rules in the hook and component tests.

${machine}

## 1. Bytes

esbuild ${bytesRun.value.esbuildVersion}: bundle, minify, ESM, browser, code splitting, \`NODE_ENV=production\`; gzip -9 of the
JavaScript (CSS not counted). "Kit" rows mark react, react-dom, scheduler, \`@radix-ui/react-dialog\` and
\`swr\` external, so they are the kit's own code; the floor is Radix Dialog + SWR bundled with React
external, measured in this run. "Initial" is what loads first (the entry chunk and the chunks it imports statically); "total" adds what loads lazily (the QR encoder, and the enrollment and step-up dialogs of TwoFactorSettings).
"Every drop-in" imports MfaProvider, TwoFactorSettings, AuthenticatorList, EnrollmentWizard,
EnrollmentDialog, DeleteConfirmation, RecoveryCode, StepUp, StepUpDialog, TokenExpiryNotice,
createMfaClient and createUniversalLoginProvider.

${bytesTable(bytesRun.value)}

## 2. Requests per flow

Each flow runs the real hooks and drop-ins (Testing Library + user-event in jsdom, without StrictMode: as a production app sends) on a fresh
emulator and counts what the emulator's request log shows from the first user action until 100 ms
after the flow ends. Tokens come from an in-memory provider (no token requests) except in the ROPG
flow, which signs in with the password grant. "Extra" is what the kit sends beyond the minimum;
"allowed" marks the one list refresh an enrollment may add. Push polls are counted apart: the bench
approves the push after ${PUSH_POLLS_BEFORE_APPROVAL} \`authorization_pending\` answers (the hook polls every ${PUSH_POLL_INTERVAL_MS} ms), so their
number is fixed by the bench, not the kit.

${requestsTable(requestsRun.value)}

## 3. Render timing in Chromium

A Vite production build of \`bench/page/\` in headless Chromium. The kit is the real
\`<AuthenticatorList />\` in \`<MfaProvider>\` with a fresh client (empty cache) per mount; the baseline
is a plain React \`<ul>\` that fetches the same list from the same emulator (same \`fetch\`, latency 0)
and removes with the same two clicks (Remove, then a Confirm button; the row goes at once and a
DELETE is sent). The user has N authenticator apps enrolled through the emulator's HTTP API.
Each time is \`performance.now()\` from \`root.render()\` or the \`click()\` to the MutationObserver
callback that first sees the DOM updated (all rows present; confirmation shown; the row gone) — the
commit, before paint. The kit's render time includes its request through the emulator, token
lookup, response validation and model building, as the baseline's includes its fetch. The
implementations alternate every repetition; ${options.warmup} warm-up repetitions are discarded. Ratio = kit / plain;
timer resolution ${renderRun.value.result.timerResolution.toFixed(3)} ms.

${renderTable(renderRun.value.result)}
`;

  process.stdout.write(`\n${report}\n`);
  if (options.out) {
    writeFileSync(options.out, report);
    log(`Wrote ${path.relative(process.cwd(), options.out)} in ${seconds.toFixed(1)} s.`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
