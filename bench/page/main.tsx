/**
 * Part 3 of `npm run bench`: render timing in Chromium. The real `AuthenticatorList` inside
 * `MfaProvider`, on an in-page emulator with no latency, against a plain `<ul>` that reads the
 * same list from the same emulator and removes with the same two clicks — same page, same run,
 * repetitions interleaved. `bench/run.ts` builds this page with Vite and calls `window.mfaBench.run`.
 *
 * Every time is `performance.now()` from the action (`root.render`, a click) to the
 * MutationObserver callback that first sees the DOM in its new state: the commit, measured the
 * same way for both implementations.
 */
import '../../src/styles/mfa-kit.css';
import { useEffect, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthenticatorList } from '../../src/components/authenticator-list/index.ts';
import { createMfaClient } from '../../src/core/client.ts';
import { createCachedProvider, credentialFromToken } from '../../src/core/token/cached.ts';
import { GRANT, type WireAuthenticator } from '../../src/core/wire.ts';
import { createEmulator } from '../../src/emulator/index.ts';
import type { Emulator } from '../../src/emulator/types.ts';
import { MfaProvider } from '../../src/hooks/provider.tsx';
import type { BenchApi, RenderBenchOptions, RenderBenchResult, TimingCase } from './api.ts';

type Impl = 'kit' | 'plain';

const stage = document.getElementById('stage') ?? document.body;
const TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** After the next frame and the tasks queued behind it: effects have run, the page is idle. */
const settle = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves with `performance.now()` at the first DOM mutation under `root` after which `check()` holds. */
function when(root: Node, check: () => boolean, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve(performance.now());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${what}`));
    }, TIMEOUT_MS);
    const observer = new MutationObserver(() => {
      if (!check()) return;
      const t = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(t);
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > TIMEOUT_MS) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

/** The user's active authenticators, as the plain list shows them (the recovery code is not a row). */
const rowsOf = (list: WireAuthenticator[]) => list.filter((a) => a.active && a.authenticator_type !== 'recovery-code');

async function call(emulator: Emulator, token: string, method: string, path: string): Promise<Response> {
  return emulator.fetch(`${emulator.baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
}

/** Enrolls one authenticator app through the emulator's HTTP API: associate, then the mfa-otp grant with its code. */
async function enrollOtp(emulator: Emulator): Promise<void> {
  const { access_token } = emulator.issueAccessToken();
  const associated = await emulator.fetch(`${emulator.baseUrl}/mfa/associate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ authenticator_types: ['otp'] }),
  });
  if (!associated.ok) throw new Error(`associate: ${associated.status} ${await associated.text()}`);
  const pending = emulator.authenticators().find((a) => a.authenticator_type === 'otp' && !a.active);
  if (!pending) throw new Error('associate: no pending OTP');
  // Each code is single use: move to the next 30-second step first.
  emulator.clock.advance(30_000);
  const confirmed = await emulator.fetch(`${emulator.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: GRANT.mfaOtp, client_id: emulator.clientId, mfa_token: access_token, otp: emulator.totp(pending.id) }),
  });
  if (!confirmed.ok) throw new Error(`mfa-otp grant: ${confirmed.status} ${await confirmed.text()}`);
}

/** A tenant whose user has `n` authenticator apps (and the recovery code of the first). */
async function seeded(n: number): Promise<Emulator> {
  const emulator = createEmulator({ scenario: 'new-user' });
  for (let i = 0; i < n; i += 1) await enrollOtp(emulator);
  const rows = rowsOf(emulator.authenticators()).length;
  if (rows !== n) throw new Error(`seeded ${rows} authenticators, wanted ${n}`);
  emulator.clearRequests();
  return emulator;
}

/** The kit: the drop-in list in its provider, with a fresh client (so a fresh cache) per mount. */
function kitApp(emulator: Emulator): ReactElement {
  const client = createMfaClient({
    domain: emulator.domain,
    clientId: emulator.clientId,
    fetch: emulator.fetch,
    now: () => emulator.clock.now(),
    tokenProvider: createCachedProvider(async (ctx) => credentialFromToken(emulator.issueAccessToken(), ctx.now())),
  });
  return (
    <MfaProvider client={client}>
      <AuthenticatorList />
    </MfaProvider>
  );
}

/** The baseline: fetch the same list from the same emulator, render a `<ul>`; Remove → Confirm → gone (DELETE sent). */
function PlainList({ emulator }: { emulator: Emulator }): ReactElement {
  const [token] = useState(() => emulator.issueAccessToken().access_token);
  const [items, setItems] = useState<WireAuthenticator[]>();
  const [confirming, setConfirming] = useState<WireAuthenticator>();
  useEffect(() => {
    let live = true;
    void call(emulator, token, 'GET', '/mfa/authenticators')
      .then((r) => r.json() as Promise<WireAuthenticator[]>)
      .then((list) => live && setItems(rowsOf(list)));
    return () => {
      live = false;
    };
  }, [emulator, token]);
  const remove = (a: WireAuthenticator) => {
    setConfirming(undefined);
    setItems((current) => current?.filter((x) => x.id !== a.id));
    void call(emulator, token, 'DELETE', `/mfa/authenticators/${encodeURIComponent(a.id)}`);
  };
  return (
    <section aria-labelledby="plain-heading">
      <h2 id="plain-heading">Two-factor authentication</h2>
      {items ? (
        <ul>
          {items.map((a) => (
            <li key={a.id}>
              <span>{a.name ?? 'Authenticator app'}</span>
              <button type="button" onClick={() => setConfirming(a)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p role="status">Loading…</p>
      )}
      {confirming && (
        <div role="alertdialog" aria-label={`Remove ${confirming.name ?? 'Authenticator app'}?`}>
          <button type="button" data-bench-confirm="" onClick={() => remove(confirming)}>
            Remove
          </button>
        </div>
      )}
    </section>
  );
}

const element = (impl: Impl, emulator: Emulator) => (impl === 'kit' ? kitApp(emulator) : <PlainList emulator={emulator} />);
const removeButtonSelector: Record<Impl, string> = { kit: '[data-slot="mfa-authenticator-list-item-remove"]', plain: 'button' };
const confirmSelector: Record<Impl, string> = { kit: '[data-slot="mfa-delete-confirmation-confirm"]', plain: '[data-bench-confirm]' };

interface Mounted {
  host: HTMLElement;
  /** ms from `root.render` to the commit showing every row. */
  ms: number;
  unmount(): void;
}

async function mount(impl: Impl, emulator: Emulator, rows: number): Promise<Mounted> {
  const host = document.createElement('div');
  stage.append(host);
  const root = createRoot(host);
  const app = element(impl, emulator);
  const ready = when(host, () => host.querySelectorAll('li').length === rows, `${impl}: ${rows} rows`);
  const t0 = performance.now();
  root.render(app);
  const t1 = await ready;
  return {
    host,
    ms: t1 - t0,
    unmount() {
      root.unmount();
      host.remove();
    },
  };
}

/** Mount, wait until idle, then Remove on the middle row and Confirm; both steps timed. Restores the tenant afterwards. */
async function removal(impl: Impl, emulator: Emulator, n: number): Promise<{ open: number; confirm: number }> {
  const mounted = await mount(impl, emulator, n);
  try {
    await settle();
    const row = mounted.host.querySelectorAll('li')[Math.floor(n / 2)];
    const button = row?.querySelector<HTMLButtonElement>(removeButtonSelector[impl]);
    if (!button) throw new Error(`${impl}: no Remove button`);
    const opened = when(document.body, () => document.querySelector(confirmSelector[impl]) !== null, `${impl}: confirmation`);
    const t0 = performance.now();
    button.click();
    const t1 = await opened;
    await settle();
    const confirm = document.querySelector<HTMLButtonElement>(confirmSelector[impl]);
    if (!confirm) throw new Error(`${impl}: no Confirm button`);
    const updated = when(mounted.host, () => mounted.host.querySelectorAll('li').length === n - 1, `${impl}: ${n - 1} rows`);
    const t2 = performance.now();
    confirm.click();
    const t3 = await updated;
    // Let the DELETE (and any revalidation) finish before the next mount reads the tenant.
    await until(() => rowsOf(emulator.authenticators()).length === n - 1 && !document.querySelector(confirmSelector[impl]), `${impl}: removal settled`);
    await sleep(20);
    return { open: t1 - t0, confirm: t3 - t2 };
  } finally {
    mounted.unmount();
    await enrollOtp(emulator);
  }
}

function timerResolution(): number {
  let smallest = Infinity;
  for (let i = 0; i < 1000; i += 1) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    smallest = Math.min(smallest, b - a);
  }
  return smallest;
}

async function run({ sizes, iterations, warmup }: RenderBenchOptions): Promise<RenderBenchResult> {
  const cases: TimingCase[] = [];
  for (const n of sizes) {
    const t = performance.now();
    const emulator = await seeded(n);
    console.log(`[bench] seeded ${n} authenticators in ${Math.round(performance.now() - t)} ms`);
    const render: TimingCase = { id: `render-${n}`, label: `Render the list, ${n} authenticators`, kit: [], plain: [] };
    const open: TimingCase = { id: `remove-open-${n}`, label: `Click Remove → confirmation shown (${n})`, kit: [], plain: [] };
    const confirm: TimingCase = { id: `remove-confirm-${n}`, label: `Click Confirm → list updated (${n})`, kit: [], plain: [] };
    const total: TimingCase = { id: `remove-total-${n}`, label: `Remove + Confirm, both steps (${n})`, kit: [], plain: [] };
    for (let i = 0; i < warmup + iterations; i += 1) {
      const keep = i >= warmup;
      // Alternate which implementation goes first, so drift favours neither.
      const order: Impl[] = i % 2 === 0 ? ['kit', 'plain'] : ['plain', 'kit'];
      for (const impl of order) {
        const mounted = await mount(impl, emulator, n);
        await settle();
        mounted.unmount();
        await settle();
        if (keep) render[impl].push(mounted.ms);
      }
      for (const impl of order) {
        const r = await removal(impl, emulator, n);
        await settle();
        if (keep) {
          open[impl].push(r.open);
          confirm[impl].push(r.confirm);
          total[impl].push(r.open + r.confirm);
        }
      }
    }
    cases.push(render, open, confirm, total);
    console.log(`[bench] ${n} authenticators: done`);
  }
  return { cases, userAgent: navigator.userAgent, timerResolution: timerResolution() };
}

const api: BenchApi = { run };
window.mfaBench = api;
