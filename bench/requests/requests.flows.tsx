/**
 * Part 2 of `npm run bench`: how many requests each flow sends, read from the emulator's request
 * log, next to the theoretical minimum. The real hooks and drop-ins drive every flow (jsdom,
 * Testing Library, user-event) on a fresh emulator; nothing is mocked. `bench/run.ts` runs this
 * file with `bench/requests/vitest.config.ts` and reads the JSON it writes to
 * `$MFA_BENCH_REQUESTS_OUT`.
 */
import { writeFileSync } from 'node:fs';
import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthenticatorList } from '../../src/components/authenticator-list/index.ts';
import { createRopgProvider } from '../../src/core/token/ropg.ts';
import type { RequestLogEntry } from '../../src/emulator/types.ts';
import { MfaProvider } from '../../src/hooks/provider.tsx';
import { useAuthenticators } from '../../src/hooks/use-authenticators.ts';
import { useEnroll } from '../../src/hooks/use-enroll.ts';
import { useMfaToken } from '../../src/hooks/use-mfa-token.ts';
import { harness, type Harness, type HarnessOptions } from '../../test/hooks/harness.tsx';
import { PUSH_POLL_INTERVAL_MS, PUSH_POLLS_BEFORE_APPROVAL, type FlowResult } from './shared.ts';

const USER = { username: 'ada@example.com', password: 'correct horse battery staple' };

const results: FlowResult[] = [];

afterAll(() => {
  const out = process.env.MFA_BENCH_REQUESTS_OUT;
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
});

/** Lets trailing requests (revalidations, refreshes) land before counting. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 100)));

const isPoll = (r: RequestLogEntry) => r.grantType?.endsWith('mfa-oob') === true && (r.error === 'authorization_pending' || r.error === 'slow_down');

function label(r: RequestLogEntry): string {
  if (r.path === '/oauth/token') return `${(r.grantType ?? 'unknown').split('/').pop()} grant`;
  return `${r.method} ${r.path.replace(/^\/mfa\/authenticators\/.+$/, '/mfa/authenticators/{id}')}`;
}

/** `1 POST /mfa/associate, 1 mfa-otp grant, 1 GET /mfa/authenticators` in the order first seen. */
function breakdown(log: RequestLogEntry[]): string {
  const counts = new Map<string, number>();
  for (const r of log) counts.set(label(r), (counts.get(label(r)) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${n} ${name}`).join(', ') || 'none';
}

function record(flow: Omit<FlowResult, 'kitCount' | 'breakdown' | 'polls'>, h: Harness, polling = false): FlowResult {
  const log = h.emulator.requests();
  const polls = log.filter(isPoll);
  const counted = polling ? log.filter((r) => !isPoll(r)) : log;
  const result: FlowResult = { ...flow, kitCount: counted.length, breakdown: breakdown(counted) };
  if (polling) {
    const slow = polls.filter((r) => r.error === 'slow_down').length;
    result.polls = `${polls.length - slow} pending + ${slow} slow_down (every ${PUSH_POLL_INTERVAL_MS} ms, approved after ${PUSH_POLLS_BEFORE_APPROVAL})`;
  }
  results.push(result);
  return result;
}

/** A harness whose provider also renders an `AuthenticatorList`, as an account page would. */
function page(options: HarnessOptions): { h: Harness; wrapper: (props: { children?: ReactNode }) => ReactNode } {
  const h = harness(options);
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <MfaProvider client={h.client} accountEmail={options.accountEmail}>
      <AuthenticatorList />
      {children}
    </MfaProvider>
  );
  return { h, wrapper };
}

const listsLoaded = () =>
  waitFor(() => {
    const roots = Array.from(document.querySelectorAll('[data-slot="mfa-authenticator-list"]'));
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) expect(root.getAttribute('data-state')).toMatch(/ready|empty/);
  });

describe('requests per flow', () => {
  it('list with 5 consumers mounted', async () => {
    const h = harness({ scenario: 'every-factor' });
    function Consumer() {
      const { data } = useAuthenticators();
      return <p data-testid="consumer">{data ? data.entries.length : 'loading'}</p>;
    }
    render(
      <MfaProvider client={h.client}>
        <AuthenticatorList />
        <AuthenticatorList />
        <Consumer />
        <Consumer />
        <Consumer />
      </MfaProvider>,
    );
    await listsLoaded();
    await waitFor(() => expect(screen.getAllByTestId('consumer').every((p) => p.textContent !== 'loading')).toBe(true));
    await settle();
    const r = record({ flow: 'List, 5 consumers mounted (2 AuthenticatorList + 3 useAuthenticators)', minimum: '1 GET', minimumCount: 1, allowance: 0 }, h);
    expect(r.kitCount).toBeGreaterThan(0);
  });

  it('OTP enrollment', async () => {
    const { h, wrapper } = page({ scenario: 'new-user' });
    const hook = renderHook(() => useEnroll('otp'), { wrapper });
    await listsLoaded();
    await settle();
    h.emulator.clearRequests();
    await act(() => hook.result.current.start());
    await act(() => hook.result.current.confirm(h.emulator.totp()));
    expect(hook.result.current.step).toBe('recovery-code');
    act(() => hook.result.current.acknowledgeRecoveryCode());
    await settle();
    record({ flow: 'OTP enrollment (first factor, list mounted)', minimum: '1 associate + 1 mfa-otp grant (+ ≤ 1 list refresh)', minimumCount: 2, allowance: 1 }, h);
  });

  it('SMS enrollment', async () => {
    const { h, wrapper } = page({ scenario: 'otp-only' });
    const hook = renderHook(() => useEnroll('sms'), { wrapper });
    await listsLoaded();
    await settle();
    h.emulator.clearRequests();
    await act(() => hook.result.current.start({ phoneNumber: '+15550104242' }));
    await act(() => hook.result.current.confirm(h.emulator.lastCode('+15550104242') ?? ''));
    expect(hook.result.current.step).toBe('done');
    await settle();
    record({ flow: 'SMS enrollment (list mounted)', minimum: '1 associate + 1 mfa-oob grant (+ ≤ 1 list refresh)', minimumCount: 2, allowance: 1 }, h);
  });

  it('push enrollment', async () => {
    const { h, wrapper } = page({ scenario: 'otp-only', pollInterval: 20 });
    const hook = renderHook(() => useEnroll('push', { pollInterval: PUSH_POLL_INTERVAL_MS }), { wrapper });
    await listsLoaded();
    await settle();
    h.emulator.clearRequests();
    let approved = false;
    const unsubscribe = h.emulator.subscribe(() => {
      if (approved || h.emulator.requests().filter(isPoll).length < PUSH_POLLS_BEFORE_APPROVAL) return;
      approved = true;
      h.emulator.approvePush();
    });
    try {
      await act(() => hook.result.current.start());
      await waitFor(() => expect(hook.result.current.step).toBe('done'), { timeout: 5_000 });
    } finally {
      unsubscribe();
    }
    await settle();
    record({ flow: 'Push enrollment (list mounted)', minimum: '1 associate + 1 mfa-oob grant (+ ≤ 1 list refresh); polls apart', minimumCount: 2, allowance: 1 }, h, true);
  });

  /** Opens the row's confirmation from the drop-in list and confirms it (double-clicked when asked). */
  async function removeFromList(options: HarnessOptions, rowName: string, double = false): Promise<Harness> {
    const h = harness(options);
    const user = userEvent.setup();
    render(
      <MfaProvider client={h.client}>
        <AuthenticatorList />
      </MfaProvider>,
    );
    await user.click(await screen.findByRole('button', { name: `Remove ${rowName}` }));
    const dialog = await screen.findByRole('alertdialog');
    await settle();
    h.emulator.clearRequests();
    if (double) {
      // The DELETE is still in flight when the second click lands.
      h.emulator.faults.latency(50);
      await user.dblClick(within(dialog).getByRole('button', { name: 'Remove' }));
    } else {
      await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    }
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await settle();
    return h;
  }

  it('remove an SMS + voice pair', async () => {
    const h = await removeFromList({ scenario: 'sms-voice' }, 'SMS and voice calls to •••• 9167');
    record({ flow: 'Remove an SMS + voice pair (AuthenticatorList)', minimum: '1 DELETE, 0 refetch', minimumCount: 1, allowance: 0 }, h);
  });

  it('remove push', async () => {
    const h = await removeFromList({ scenario: 'push-otp' }, 'Push to Pixel 8');
    record({ flow: 'Remove push (+ its OTP twin) (AuthenticatorList)', minimum: '1 DELETE + 1 list revalidation', minimumCount: 2, allowance: 0 }, h);
  });

  it('remove an authenticator app with no push enrolled', async () => {
    const h = await removeFromList({ scenario: 'otp-only' }, 'Authenticator app');
    record({ flow: 'Remove an authenticator app, no push enrolled (AuthenticatorList)', minimum: '1 DELETE, 0 refetch (no push: it cannot be a twin)', minimumCount: 1, allowance: 0 }, h);
  });

  it('double-clicked delete', async () => {
    const h = await removeFromList({ scenario: 'sms-voice' }, 'SMS and voice calls to •••• 9167', true);
    record({ flow: 'Double-clicked confirm (SMS + voice pair, 50 ms latency)', minimum: '1 DELETE', minimumCount: 1, allowance: 0 }, h);
  });

  it('ROPG step-up with OTP', async () => {
    const { h, wrapper } = page({ scenario: 'otp-only', provider: () => createRopgProvider(USER) });
    const hook = renderHook(() => useMfaToken(), { wrapper });
    await waitFor(() => expect(hook.result.current.challenge).toBeDefined());
    await listsLoaded();
    const challenge = hook.result.current.challenge;
    if (!challenge) throw new Error('no challenge');
    await act(async () => {
      await challenge.verify({ otp: h.emulator.totp() });
    });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    await settle();
    record({ flow: 'ROPG sign-in + step-up with OTP (list mounted)', minimum: '1 password grant + 1 GET (mfa_token) + 1 mfa-otp grant', minimumCount: 3, allowance: 0 }, h);
  });
});
