import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRopgProvider, MfaProvider, useMfaClient, useAuthenticators, useMfaToken } from '../../src/index.ts';
import { createEmulator } from '../../src/emulator/index.ts';

const USER = { username: 'ada@example.com', password: 'correct horse battery staple' };

afterEach(() => vi.restoreAllMocks());

describe('MfaProvider with the Quick start pasted as is (provider made inline)', () => {
  it('keeps the verified session over 10 re-renders: no new grant, no new list', async () => {
    const emulator = createEmulator({ scenario: 'otp-only', pollInterval: 20 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <MfaProvider domain={emulator.domain} clientId={emulator.clientId} fetch={emulator.fetch} now={() => emulator.clock.now()} tokenProvider={createRopgProvider(USER)}>
        {children}
      </MfaProvider>
    );
    const { result, rerender } = renderHook(() => ({ token: useMfaToken(), list: useAuthenticators(), client: useMfaClient() }), { wrapper });
    await waitFor(() => expect(result.current.token.challenge).toBeDefined());
    await waitFor(() => expect(result.current.list.data).toBeDefined());
    await act(async () => {
      await result.current.token.challenge!.verify({ otp: emulator.totp() });
    });
    await waitFor(() => expect(result.current.token.canDelete).toBe(true));
    const count = (prefix: string) => emulator.requests().filter((r) => `${r.method} ${r.path}`.startsWith(prefix)).length;
    const grants = count('POST /oauth/token');
    const lists = count('GET /mfa/authenticators');
    const client = result.current.client;
    for (let i = 0; i < 10; i++) rerender();
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(count('POST /oauth/token')).toBe(grants);
    expect(count('GET /mfa/authenticators')).toBe(lists);
    expect(result.current.client).toBe(client);
    expect(result.current.token.status).toBe('ready');
    expect(result.current.token.canDelete).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/new client \/ tokenProvider on every render/);
  });

  it('starts over for another user', () => {
    let user = USER;
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <MfaProvider domain="t.example" clientId="c" tokenProvider={createRopgProvider(user)} fetch={() => Promise.reject(new Error('no network'))}>
        {children}
      </MfaProvider>
    );
    const { result, rerender } = renderHook(() => useMfaClient(), { wrapper });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    user = { ...USER, username: 'grace@example.com' };
    rerender();
    expect(result.current).not.toBe(first);
  });
});
