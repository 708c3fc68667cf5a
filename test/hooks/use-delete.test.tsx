import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAuthenticators, useDelete } from '../../src/index.ts';
import { harness, type HarnessOptions } from './harness.tsx';

async function mounted(options: HarnessOptions) {
  const h = harness(options);
  const hook = renderHook(() => ({ list: useAuthenticators(), del: useDelete() }), { wrapper: h.wrapper });
  await waitFor(() => expect(hook.result.current.list.data).toBeDefined());
  return { h, hook };
}

describe('useDelete', () => {
  it('removes SMS and its voice twin with one DELETE and no refetch', async () => {
    const { h, hook } = await mounted({ scenario: 'sms-voice' });
    const phone = hook.result.current.list.data!.entries.find((e) => e.kind === 'phone')!;
    const removal = hook.result.current.del.preview(phone);
    expect(removal?.removes.map((a) => a.factor)).toEqual(['sms', 'voice']);
    expect(removal?.leavesNoSecondFactor).toBe(true);

    await act(() => hook.result.current.del.trigger(phone));
    expect(hook.result.current.list.data!.entries).toEqual([]);
    expect(h.count('DELETE /mfa/authenticators')).toBe(1);
    expect(h.count('GET /mfa/authenticators')).toBe(1);
    expect(h.emulator.authenticators().filter((a) => a.authenticator_type === 'oob')).toEqual([]);
  });

  it('sends one DELETE for a double trigger', async () => {
    const { h, hook } = await mounted({ scenario: 'otp-only' });
    const otp = hook.result.current.list.data!.entries[0]!;
    await act(async () => {
      const a = hook.result.current.del.trigger(otp);
      const b = hook.result.current.del.trigger(otp);
      expect(a).toBe(b);
      await Promise.all([a, b]);
    });
    expect(h.count('DELETE /mfa/authenticators')).toBe(1);
  });

  it('refuses an auto-listed verified email before any request', async () => {
    const { h, hook } = await mounted({ scenario: 'email-only' });
    const email = hook.result.current.list.data!.entries.find((e) => e.kind === 'email')!;
    expect(email.removable).toBe(false);
    await act(async () => {
      await expect(hook.result.current.del.trigger(email)).rejects.toMatchObject({ code: 'cannot_delete' });
    });
    expect(hook.result.current.del.error?.code).toBe('cannot_delete');
    expect(h.count('DELETE')).toBe(0);
  });

  it('reports step_up_required for a raw mfa_token without sending a DELETE', async () => {
    const { h, hook } = await mounted({ scenario: 'list-only', credential: 'list-only' });
    const otp = hook.result.current.list.data!.entries[0]!;
    await act(async () => {
      await expect(hook.result.current.del.trigger(otp)).rejects.toMatchObject({ code: 'step_up_required' });
    });
    expect(h.count('DELETE')).toBe(0);
    expect(hook.result.current.list.data!.entries).toHaveLength(1);
  });

  it('rolls the optimistic removal back when the DELETE fails', async () => {
    const { h, hook } = await mounted({ scenario: 'sms-voice' });
    h.emulator.faults.failNext(1, { status: 503, error: 'temporarily_unavailable', error_description: 'Service unavailable', match: 'DELETE' });
    const phone = hook.result.current.list.data!.entries[0]!;
    await act(async () => {
      await expect(hook.result.current.del.trigger(phone)).rejects.toMatchObject({ code: 'server_error' });
    });
    expect(hook.result.current.list.data!.entries.map((e) => e.kind)).toEqual(['phone']);
    expect(hook.result.current.del.error?.code).toBe('server_error');
    act(() => hook.result.current.del.reset());
    expect(hook.result.current.del.error).toBeUndefined();
  });

  it('rolls back when a proxy answers the DELETE with a 200 HTML page (the rows still exist)', async () => {
    const { h, hook } = await mounted({ scenario: 'sms-voice' });
    h.emulator.faults.failNext(1, { status: 200, body: '<html><body>Sign in to the Wi-Fi</body></html>', match: 'DELETE' });
    const phone = hook.result.current.list.data!.entries[0]!;
    await act(async () => {
      await expect(hook.result.current.del.trigger(phone)).rejects.toMatchObject({ code: 'invalid_response' });
    });
    expect(hook.result.current.list.data!.entries.map((e) => e.kind)).toEqual(['phone']);
    expect(h.emulator.authenticators().length).toBeGreaterThan(0);
  });

  it('reads the list again once after a push removal (the API does not name the OTP twin)', async () => {
    const { h, hook } = await mounted({ scenario: 'every-factor' });
    const push = hook.result.current.list.data!.entries.find((e) => e.kind === 'push')!;
    expect(hook.result.current.del.preview(push)?.mayAlsoRemove.length).toBeGreaterThan(0);
    await act(() => hook.result.current.del.trigger(push));
    await waitFor(() => expect(h.count('GET /mfa/authenticators')).toBe(2));
    await waitFor(() => expect(hook.result.current.list.data!.entries.filter((e) => e.kind === 'otp')).toHaveLength(1));
    expect(h.count('DELETE')).toBe(1);
  });

  it('treats an authenticator that is already gone as removed', async () => {
    const { h, hook } = await mounted({ scenario: 'otp-only' });
    const otp = hook.result.current.list.data!.entries[0]!;
    h.emulator.faults.failNext(1, { status: 404, error: 'invalid_authenticator', error_description: 'Authenticator not found', match: 'DELETE' });
    await act(() => hook.result.current.del.trigger(otp));
    expect(hook.result.current.del.error).toBeUndefined();
  });

  it('removes a pending enrollment', async () => {
    const { h, hook } = await mounted({ scenario: 'pending' });
    const pending = hook.result.current.list.data!.pending;
    const before = pending.length;
    await act(() => hook.result.current.del.trigger(pending[0]!));
    expect(hook.result.current.list.data!.pending).toHaveLength(before - 1);
    expect(h.emulator.authenticators().filter((a) => !a.active)).toHaveLength(before - 1);
  });

  it('removes an explicitly enrolled email when the account email tells it from the verified one', async () => {
    const { h, hook } = await mounted({ scenario: 'every-factor', accountEmail: 'ada@example.com' });
    const emails = hook.result.current.list.data!.entries.filter((e) => e.kind === 'email');
    expect(emails.map((e) => e.removable).sort()).toEqual([false, true]);
    const explicit = emails.find((e) => e.removable)!;
    await act(() => hook.result.current.del.trigger(explicit));
    expect(h.emulator.authenticators().filter((a) => a.oob_channel === 'email')).toHaveLength(1);
  });

  it('removes an OTP with no push listed with one DELETE and no refetch', async () => {
    const { h, hook } = await mounted({ scenario: 'otp-only' });
    await act(() => hook.result.current.del.trigger(hook.result.current.list.data!.entries[0]!));
    expect(h.count('DELETE')).toBe(1);
    expect(h.count('GET /mfa/authenticators')).toBe(1);
  });

  it('two removals at once both stay removed (no ghost comes back)', async () => {
    const { h, hook } = await mounted({ scenario: 'every-factor', accountEmail: 'ada@example.com' });
    const entries = hook.result.current.list.data!.entries;
    const phone = entries.find((e) => e.kind === 'phone')!;
    const email = entries.find((e) => e.kind === 'email' && e.removable)!;
    await act(() => Promise.all([hook.result.current.del.trigger(phone), hook.result.current.del.trigger(email)]));
    await waitFor(() => {
      const ids = hook.result.current.list.list!.map((a) => a.id);
      expect(ids).not.toContain(phone.primary.id);
      expect(ids).not.toContain(email.primary.id);
    });
    expect(h.count('DELETE')).toBe(2);
  });
});
