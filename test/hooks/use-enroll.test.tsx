import { act, renderHook, waitFor } from '@testing-library/react';
import { useEffect, useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useAuthenticators, useEnroll, type EnrollFactor } from '../../src/index.ts';
import { harness, type HarnessOptions } from './harness.tsx';

function enroll(factor: EnrollFactor, options: HarnessOptions) {
  const h = harness(options);
  const hook = renderHook(() => useEnroll(factor, { pollInterval: 25, resendCooldown: 30 }), { wrapper: h.wrapper });
  return { h, hook };
}

describe('useEnroll', () => {
  it('enrolls an authenticator app: secret → code → recovery code → done, with the minimum requests', async () => {
    const { h, hook } = enroll('otp', { scenario: 'new-user' });
    expect(hook.result.current.step).toBe('idle');
    await act(() => hook.result.current.start());
    const association = hook.result.current.association;
    expect(hook.result.current.step).toBe('confirm');
    expect(association?.factor).toBe('otp');
    if (association?.factor !== 'otp') throw new Error('unreachable');
    expect(association.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(association.barcodeUri).toMatch(/^otpauth:\/\/totp\//);

    await act(() => hook.result.current.confirm(h.emulator.totp()));
    expect(hook.result.current.step).toBe('recovery-code');
    expect(hook.result.current.recoveryCode).toMatch(/^[1-9A-HJ-NP-Z]{24}$/);
    act(() => hook.result.current.acknowledgeRecoveryCode());
    expect(hook.result.current.step).toBe('done');
    expect(hook.result.current.recoveryCode).toBeUndefined();

    expect(h.count('POST /mfa/associate')).toBe(1);
    expect(h.count('POST /oauth/token')).toBe(1);
    expect(h.count('GET /mfa/authenticators')).toBeLessThanOrEqual(1);
    expect(h.emulator.authenticators().filter((a) => a.authenticator_type === 'otp' && a.active)).toHaveLength(1);
  });

  it('keeps the step and the typed code on a wrong code, then succeeds', async () => {
    const { h, hook } = enroll('otp', { scenario: 'otp-only' });
    await act(() => hook.result.current.start());
    await act(() => hook.result.current.confirm('000000'));
    expect(hook.result.current.step).toBe('confirm');
    expect(hook.result.current.error?.code).toBe('invalid_code');
    expect(hook.result.current.errorAction).toBe('confirm');
    await act(() => hook.result.current.confirm(h.emulator.totp()));
    // Not the first enrollment: no recovery code.
    expect(hook.result.current.step).toBe('done');
  });

  it.each(['sms', 'voice'] as const)('enrolls %s with the code from the outbox (paste with spaces works)', async (factor) => {
    const { h, hook } = enroll(factor, { scenario: 'otp-only' });
    await act(() => hook.result.current.start({ phoneNumber: '+15550104242' }));
    expect(hook.result.current.step).toBe('confirm');
    expect(hook.result.current.input.phoneNumber).toBe('+15550104242');
    const code = h.emulator.lastCode('+15550104242')!;
    await act(() => hook.result.current.confirm(`${code.slice(0, 3)} ${code.slice(3)}`));
    expect(hook.result.current.step).toBe('done');
    expect(h.emulator.authenticators().filter((a) => a.active && (a.oob_channel === 'sms' || a.oob_channel === 'voice')).length).toBeGreaterThan(0);
  });

  it('keeps the phone number when it is invalid', async () => {
    const { h, hook } = enroll('sms', { scenario: 'otp-only' });
    await act(() => hook.result.current.start({ phoneNumber: '555-0101' }));
    expect(hook.result.current.step).toBe('idle');
    expect(hook.result.current.error?.code).toBe('invalid_phone_number');
    expect(hook.result.current.input.phoneNumber).toBe('555-0101');
    expect(h.emulator.outbox()).toHaveLength(0);
  });

  it('enrolls email and marks it removable (explicitly enrolled)', async () => {
    const h = harness({ scenario: 'otp-only' });
    const hook = renderHook(() => ({ enroll: useEnroll('email'), list: useAuthenticators() }), { wrapper: h.wrapper });
    await act(() => hook.result.current.enroll.start({ email: 'ada.work@example.com' }));
    await act(() => hook.result.current.enroll.confirm(h.emulator.lastCode('ada.work@example.com')!));
    expect(hook.result.current.enroll.step).toBe('done');
    await waitFor(() => expect(hook.result.current.list.data?.entries.find((e) => e.kind === 'email')?.removable).toBe(true));
  });

  it('enrolls push: waits for approval while polling, then finishes', async () => {
    const { h, hook } = enroll('push', { scenario: 'new-user' });
    await act(() => hook.result.current.start());
    expect(hook.result.current.step).toBe('confirm');
    expect(hook.result.current.polling).toBe(true);
    expect(hook.result.current.association?.factor === 'push' && hook.result.current.association.barcodeUri).toBeTruthy();
    await act(async () => h.emulator.approvePush());
    await waitFor(() => expect(hook.result.current.step).toBe('recovery-code'));
    expect(hook.result.current.polling).toBe(false);
  });

  it('reports a rejected push and can poll again', async () => {
    const { h, hook } = enroll('push', { scenario: 'otp-only' });
    await act(() => hook.result.current.start());
    await act(async () => h.emulator.rejectPush());
    await waitFor(() => expect(hook.result.current.error?.code).toBe('push_rejected'));
    expect(hook.result.current.step).toBe('confirm');
  });

  it('stops polling on unmount', async () => {
    const { h, hook } = enroll('push', { scenario: 'otp-only' });
    await act(() => hook.result.current.start());
    await waitFor(() => expect(h.count('POST /oauth/token')).toBeGreaterThan(0));
    hook.unmount();
    const polls = h.count('POST /oauth/token');
    await new Promise((r) => setTimeout(r, 150));
    expect(h.count('POST /oauth/token')).toBeLessThanOrEqual(polls + 1);
  });

  it('reports a rate limit with the retry time', async () => {
    const { h, hook } = enroll('sms', { scenario: 'otp-only' });
    h.emulator.faults.failNext(1, {
      status: 429,
      error: 'too_many_requests',
      error_description: 'Too many SMS sent by the user. Wait for some minutes before retrying.',
      headers: { 'Retry-After': '120' },
      match: 'POST /mfa/associate',
    });
    await act(() => hook.result.current.start({ phoneNumber: '+15550104242' }));
    expect(hook.result.current.error?.code).toBe('rate_limited');
    expect(hook.result.current.error?.retryAfter).toBe(120);
    expect(hook.result.current.input.phoneNumber).toBe('+15550104242');
  });

  it('renews the token once when it expires mid-flow', async () => {
    const { h, hook } = enroll('otp', { scenario: 'otp-only' });
    await act(() => hook.result.current.start());
    h.emulator.faults.failNext(1, { status: 401, error: 'expired_token', error_description: 'mfa_token is expired', match: 'POST /oauth/token' });
    await act(() => hook.result.current.confirm(h.emulator.totp()));
    expect(hook.result.current.step).toBe('done');
    expect(h.count('POST /oauth/token')).toBe(2);
  });

  it('reports a network failure and keeps the step', async () => {
    const { h, hook } = enroll('otp', { scenario: 'otp-only' });
    await act(() => hook.result.current.start());
    h.emulator.faults.failNext(1, { network: true });
    await act(() => hook.result.current.confirm(h.emulator.totp()));
    expect(hook.result.current.error?.code).toBe('network');
    expect(hook.result.current.step).toBe('confirm');
  });

  it('says step-up is needed for a raw mfa_token when a factor is active, before any associate', async () => {
    const { h, hook } = enroll('otp', { scenario: 'list-only', credential: 'list-only' });
    await act(() => hook.result.current.start());
    expect(hook.result.current.error?.code).toBe('step_up_required');
    expect(h.count('POST /mfa/associate')).toBe(0);
  });

  it('enrolls with a raw mfa_token while nothing is active', async () => {
    const { h, hook } = enroll('otp', { scenario: 'new-user', credential: 'list-only' });
    await act(() => hook.result.current.start());
    expect(hook.result.current.step).toBe('confirm');
    await act(() => hook.result.current.confirm(h.emulator.totp()));
    expect(hook.result.current.step).toBe('recovery-code');
  });

  it('cancel removes the pending enrollment it created', async () => {
    const { h, hook } = enroll('sms', { scenario: 'otp-only' });
    await act(() => hook.result.current.start({ phoneNumber: '+15550104242' }));
    expect(h.emulator.authenticators().filter((a) => !a.active).length).toBeGreaterThan(0);
    await act(() => hook.result.current.cancel());
    expect(hook.result.current.step).toBe('idle');
    expect(h.emulator.authenticators().filter((a) => !a.active)).toEqual([]);
  });

  it('resend honours the cooldown', async () => {
    const { h, hook } = enroll('sms', { scenario: 'otp-only' });
    await act(() => hook.result.current.start({ phoneNumber: '+15550104242' }));
    await act(() => hook.result.current.resend());
    expect(h.emulator.outbox()).toHaveLength(1);
    h.emulator.clock.advance(31_000);
    await act(() => hook.result.current.resend());
    expect(h.emulator.outbox()).toHaveLength(2);
    await act(() => hook.result.current.confirm(h.emulator.lastCode()!));
    expect(hook.result.current.step).toBe('done');
  });

  it('reports an expired SMS code (5 minutes) and keeps the step for a resend', async () => {
    const { h, hook } = enroll('sms', { scenario: 'otp-only' });
    await act(() => hook.result.current.start({ phoneNumber: '+15550104242' }));
    const code = h.emulator.lastCode('+15550104242')!;
    h.emulator.clock.advance(5 * 60_000 + 1_000);
    await act(() => hook.result.current.confirm(code));
    expect(hook.result.current.error?.code).toBe('expired_code');
    expect(hook.result.current.step).toBe('confirm');
    await act(() => hook.result.current.resend());
    await act(() => hook.result.current.confirm(h.emulator.lastCode('+15550104242')!));
    expect(hook.result.current.step).toBe('done');
  });

  it('reports a malformed associate answer as invalid_response', async () => {
    const { h, hook } = enroll('otp', { scenario: 'otp-only' });
    h.emulator.faults.failNext(1, { status: 200, body: '{"authenticator_type":"otp"}', match: 'POST /mfa/associate' });
    await act(() => hook.result.current.start());
    expect(hook.result.current.error?.code).toBe('invalid_response');
    expect(hook.result.current.step).toBe('idle');
  });

  it('cancel removes only its own pending record, never an earlier unfinished setup', async () => {
    const { h, hook } = enroll('otp', { scenario: 'pending' });
    const earlier = h.emulator.authenticators().filter((a) => !a.active).map((a) => a.id);
    expect(earlier.length).toBeGreaterThan(0);
    await act(() => hook.result.current.start());
    await act(() => hook.result.current.cancel());
    expect(h.emulator.authenticators().filter((a) => !a.active).map((a) => a.id)).toEqual(earlier);
  });

  it('cancel while the push record is being created: no polling, nothing left pending', async () => {
    const { h, hook } = enroll('push', { scenario: 'new-user' });
    h.emulator.faults.latency(60);
    let started!: Promise<void>;
    act(() => {
      started = hook.result.current.start();
    });
    await waitFor(() => expect(hook.result.current.step).toBe('starting'));
    await act(() => hook.result.current.cancel());
    await act(() => started);
    h.emulator.faults.latency(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(hook.result.current.step).toBe('idle');
    expect(hook.result.current.polling).toBe(false);
    expect(h.count('POST /oauth/token')).toBe(0);
    await waitFor(() => expect(h.emulator.authenticators().filter((a) => !a.active && a.authenticator_type !== 'recovery-code')).toEqual([]));
  });

  it('unmount while starting: no polling afterwards', async () => {
    const { h, hook } = enroll('push', { scenario: 'otp-only' });
    h.emulator.faults.latency(60);
    act(() => {
      void hook.result.current.start();
    });
    hook.unmount();
    h.emulator.faults.latency(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.count('POST /oauth/token')).toBe(0);
  });

  it('drops the extra pending records of resends once confirmed', async () => {
    const { h, hook } = enroll('sms', { scenario: 'otp-only' });
    await act(() => hook.result.current.start({ phoneNumber: '+15550104242' }));
    h.emulator.clock.advance(31_000);
    await act(() => hook.result.current.resend());
    await act(() => hook.result.current.confirm(h.emulator.lastCode()!));
    expect(hook.result.current.step).toBe('done');
    expect(h.emulator.authenticators().filter((a) => !a.active)).toEqual([]);
  });

  it('survives StrictMode (effects torn down and run again in development)', async () => {
    const h = harness({ scenario: 'otp-only' });
    // Like the wizard: start once from an effect, guarded by a ref that StrictMode keeps.
    const hook = renderHook(
      () => {
        const enroll = useEnroll('push', { pollInterval: 25 });
        const started = useRef(false);
        useEffect(() => {
          if (started.current) return;
          started.current = true;
          void enroll.start();
        });
        return enroll;
      },
      { wrapper: h.wrapper, reactStrictMode: true },
    );
    await waitFor(() => expect(hook.result.current.polling).toBe(true));
    await act(async () => h.emulator.approvePush());
    await waitFor(() => expect(hook.result.current.step).toBe('done'));
  });
});
