import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  createRopgProvider,
  createStaticTokenProvider,
  MfaProvider,
  useMfaClient,
  createUniversalLoginProvider,
  useAuthenticators,
  useDelete,
  useMfaToken,
} from '../../src/index.ts';
import type { ReactNode } from 'react';
import type { Emulator } from '../../src/emulator/index.ts';
import { harness } from './harness.tsx';

const USER = { username: 'ada@example.com', password: 'correct horse battery staple' };

/** Shaped like auth0-react's `useAuth0()`, minting real tokens from the emulator. */
function fakeAuth0(emulator: Emulator) {
  const fake = {
    silentError: undefined as (Error & { error?: string }) | undefined,
    popups: 0,
    async getAccessTokenSilently(options: { detailedResponse?: boolean }) {
      if (fake.silentError) throw fake.silentError;
      const t = emulator.issueAccessToken();
      return options.detailedResponse ? { access_token: t.access_token, expires_in: t.expires_in, scope: t.scope } : t.access_token;
    },
    async getAccessTokenWithPopup() {
      fake.popups += 1;
      fake.silentError = undefined;
      return emulator.issueAccessToken().access_token;
    },
    async loginWithRedirect() {},
  };
  return fake;
}

describe('useMfaToken', () => {
  it('is ready with a full MFA access token', async () => {
    const h = harness({ scenario: 'otp-only' });
    const { result } = renderHook(() => useMfaToken(), { wrapper: h.wrapper });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current).toMatchObject({ kind: 'access-token', canList: true, canEnroll: true, canDelete: true, expiringSoon: false });
    expect(result.current.scopes).toEqual(['enroll', 'read:authenticators', 'remove:authenticators']);
    expect(result.current.expiresAt! - h.emulator.clock.now()).toBeGreaterThan(590_000);
  });

  it('asks for step-up with a raw mfa_token while a factor is active', async () => {
    const h = harness({ scenario: 'list-only', credential: 'list-only' });
    const { result } = renderHook(() => useMfaToken(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.status).toBe('step-up-required'));
    expect(result.current).toMatchObject({ kind: 'mfa-token', canList: true, canEnroll: false, canDelete: false });
  });

  it('lets a raw mfa_token enroll while nothing is active', async () => {
    const h = harness({ scenario: 'new-user', credential: 'list-only' });
    const { result } = renderHook(() => useMfaToken(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.canEnroll).toBe(true));
    expect(result.current.status).toBe('ready');
    expect(result.current.canDelete).toBe(false);
  });

  it('asks for step-up when a scope is missing', async () => {
    const h = harness({ scenario: 'otp-only', credential: ['read:authenticators', 'enroll'] });
    const { result } = renderHook(() => useMfaToken(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.status).toBe('step-up-required'));
    expect(result.current.canDelete).toBe(false);
  });

  it('ROPG: step-up with an OTP code, then the removal works', async () => {
    const h = harness({ scenario: 'otp-only', provider: () => createRopgProvider(USER) });
    const { result } = renderHook(() => ({ token: useMfaToken(), list: useAuthenticators(), del: useDelete() }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.token.status).toBe('step-up-required'));
    await waitFor(() => expect(result.current.list.data).toBeDefined());
    const challenge = result.current.token.challenge!;
    expect(challenge.authenticators.some((a) => a.authenticator_type === 'otp')).toBe(true);
    await act(async () => {
      await challenge.verify({ otp: h.emulator.totp() });
    });
    await waitFor(() => expect(result.current.token.status).toBe('ready'));
    expect(result.current.token.canDelete).toBe(true);
    await act(() => result.current.del.trigger(result.current.list.data!.entries[0]!));
    expect(h.emulator.authenticators().filter((a) => a.authenticator_type === 'otp')).toEqual([]);
  });

  it('ROPG: a wrong code keeps the challenge open', async () => {
    const h = harness({ scenario: 'otp-only', provider: () => createRopgProvider(USER) });
    const { result } = renderHook(() => useMfaToken(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.challenge).toBeDefined());
    await act(async () => {
      await expect(result.current.challenge!.verify({ otp: '000000' })).rejects.toMatchObject({ code: 'invalid_code' });
    });
    expect(result.current.status).toBe('step-up-required');
    expect(result.current.challenge).toBeDefined();
  });

  it('ROPG list-only: stepUp() opens a challenge for the MFA audience', async () => {
    const h = harness({ scenario: 'otp-only', provider: () => createRopgProvider({ ...USER, listOnly: true }) });
    const { result } = renderHook(() => useMfaToken(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.kind).toBe('mfa-token'));
    await act(() => result.current.stepUp());
    await waitFor(() => expect(result.current.challenge).toBeDefined());
    await act(async () => {
      await result.current.challenge!.verify({ otp: h.emulator.totp() });
    });
    await waitFor(() => expect(result.current.canDelete).toBe(true));
  });

  it('Universal Login: interaction required when silent renewal fails, then the popup from stepUp()', async () => {
    let auth0!: ReturnType<typeof fakeAuth0>;
    const h = harness({
      scenario: 'otp-only',
      provider: (emulator) => {
        auth0 = fakeAuth0(emulator);
        auth0.silentError = Object.assign(new Error('Multifactor authentication required'), { error: 'login_required' });
        return createUniversalLoginProvider({ auth0, domain: emulator.domain, now: () => emulator.clock.now() });
      },
    });
    const { result } = renderHook(() => useMfaToken(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.status).toBe('interaction-required'));
    await act(() => result.current.stepUp());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(auth0.popups).toBe(1);
  });

  it('renews ahead of expiry on its own', async () => {
    const g = harness({ scenario: 'new-user', provider: () => createRopgProvider(USER) });
    // new-user: the password grant with the MFA audience succeeds without a challenge.
    const { result } = renderHook(() => useMfaToken({ renewBefore: 600_000 - 40 }), { wrapper: g.wrapper });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    const first = result.current.expiresAt;
    const grants = g.count('POST /oauth/token');
    g.emulator.clock.advance(1000);
    await waitFor(() => expect(g.count('POST /oauth/token')).toBeGreaterThan(grants), { timeout: 2000 });
    await waitFor(() => expect(result.current.expiresAt).toBeGreaterThan(first!));
  });

  it('flags expiringSoon inside the warning window', async () => {
    const h = harness({ scenario: 'otp-only' });
    const { result } = renderHook(() => useMfaToken({ warnBefore: 700_000, renewBefore: 0 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.expiringSoon).toBe(true));
  });

  it('a static token stays ready near its expiry (it cannot renew, so it is not asked to)', async () => {
    const h = harness({
      scenario: 'otp-only',
      provider: (e) => createStaticTokenProvider({ accessToken: e.issueAccessToken().access_token }, { now: () => e.clock.now() }),
    });
    const { result } = renderHook(() => useMfaToken({ renewBefore: 600_000 - 20 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await new Promise((r) => setTimeout(r, 80));
    expect(result.current.status).toBe('ready');
    expect(result.current.error).toBeUndefined();
  });
});

describe('MfaProvider', () => {
  it('builds a new client (and cache) when the token provider changes, e.g. another user signs in', () => {
    const a = createStaticTokenProvider({ accessToken: 'a' });
    const b = createStaticTokenProvider({ accessToken: 'b' });
    let provider = a;
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <MfaProvider domain="t.example" clientId="c" tokenProvider={provider} fetch={() => Promise.reject(new Error('no network'))}>
        {children}
      </MfaProvider>
    );
    const { result, rerender } = renderHook(() => useMfaClient(), { wrapper });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    provider = b;
    rerender();
    expect(result.current).not.toBe(first);
    expect(result.current.tokenProvider).toBe(b);
  });
});
