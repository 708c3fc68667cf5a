import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAuthenticators } from '../../src/index.ts';
import { harness } from './harness.tsx';

describe('useAuthenticators', () => {
  it('loads the model: pairs folded, pending apart, emails not removable', async () => {
    const h = harness({ scenario: 'every-factor' });
    const { result } = renderHook(() => useAuthenticators(), { wrapper: h.wrapper });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.data).toBeDefined());
    const kinds = result.current.data!.entries.map((e) => e.kind);
    expect(kinds).toContain('phone');
    const phone = result.current.data!.entries.find((e) => e.kind === 'phone')!;
    expect(phone.members.map((m) => m.factor)).toEqual(['sms', 'voice']);
    const verified = result.current.data!.entries.filter((e) => e.kind === 'email' && !e.removable);
    expect(verified.length).toBeGreaterThan(0);
    expect(result.current.error).toBeUndefined();
  });

  it('shows the empty state for a new user', async () => {
    const h = harness({ scenario: 'new-user' });
    const { result } = renderHook(() => useAuthenticators(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data!.entries).toEqual([]);
    expect(result.current.data!.hasSecondFactor).toBe(false);
  });

  it('puts unconfirmed enrollments in pending', async () => {
    const h = harness({ scenario: 'pending' });
    const { result } = renderHook(() => useAuthenticators(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data!.pending.length).toBeGreaterThan(0);
    expect(result.current.data!.pending.every((e) => e.pending)).toBe(true);
    expect(result.current.data!.entries.every((e) => !e.pending)).toBe(true);
  });

  it('five mounted consumers cause exactly one GET', async () => {
    const h = harness({ scenario: 'otp-only' });
    const { result } = renderHook(
      () => [useAuthenticators(), useAuthenticators(), useAuthenticators(), useAuthenticators(), useAuthenticators()],
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.every((r) => r.data)).toBe(true));
    expect(h.count('GET /mfa/authenticators')).toBe(1);
  });

  it('lists with a raw mfa_token', async () => {
    const h = harness({ scenario: 'list-only', credential: 'list-only' });
    const { result } = renderHook(() => useAuthenticators(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data?.entries.length).toBeGreaterThan(0));
  });

  it('reports a malformed answer as invalid_response, and recovers on retry', async () => {
    const h = harness({ scenario: 'otp-only' });
    h.emulator.faults.failNext(1, { status: 200, body: '<html>Service unavailable</html>', match: 'GET /mfa/authenticators' });
    const { result } = renderHook(() => useAuthenticators(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.error?.code).toBe('invalid_response'));
    await result.current.mutate();
    await waitFor(() => expect(result.current.data?.entries.length).toBe(1));
  });

  it('reports a network failure as network', async () => {
    const h = harness({ scenario: 'otp-only' });
    h.emulator.faults.failNext(1, { network: true });
    const { result } = renderHook(() => useAuthenticators(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.error?.code).toBe('network'));
    expect(result.current.data).toBeUndefined();
  });

  it('renews an expired token once and retries', async () => {
    const h = harness({ scenario: 'otp-only' });
    h.emulator.faults.failNext(1, { status: 401, error: 'invalid_token', error_description: 'The access token is expired', match: 'GET /mfa/authenticators' });
    const { result } = renderHook(() => useAuthenticators(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data?.entries.length).toBe(1));
    expect(h.count('GET /mfa/authenticators')).toBe(2);
  });

  it('two providers never share a cache', async () => {
    const a = harness({ scenario: 'otp-only' });
    const b = harness({ scenario: 'sms-voice' });
    const ra = renderHook(() => useAuthenticators(), { wrapper: a.wrapper });
    const rb = renderHook(() => useAuthenticators(), { wrapper: b.wrapper });
    await waitFor(() => expect(ra.result.current.data && rb.result.current.data).toBeTruthy());
    expect(ra.result.current.data!.entries[0]!.kind).toBe('otp');
    expect(rb.result.current.data!.entries[0]!.kind).toBe('phone');
  });
});
