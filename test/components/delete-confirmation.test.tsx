import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DeleteConfirmation, type DeleteConfirmationProps, type AuthenticatorEntry, useAuthenticators } from '../../src/index.ts';
import { expectNoAxeViolations, renderWithMfa } from './harness.tsx';

const text = (el: Element | null | undefined): string => el?.textContent ?? '';

type Pick = (e: AuthenticatorEntry) => boolean;

/** Renders the dialog with its default trigger for the first entry matching `pick`, kept once found (it leaves the list on removal). */
function Subject({ pick, ...props }: Omit<DeleteConfirmationProps, 'entry'> & { pick: Pick }) {
  const { data } = useAuthenticators();
  const [entry, setEntry] = useState<AuthenticatorEntry>();
  const found = data && [...data.entries, ...data.pending].find(pick);
  useEffect(() => {
    if (!entry && found) setEntry(found);
  }, [entry, found]);
  return entry ? <DeleteConfirmation entry={entry} trigger {...props} /> : null;
}

const kind = (k: AuthenticatorEntry['kind']): Pick => (e) => e.kind === k;

async function open(options: Parameters<typeof renderWithMfa>[1], pick: Pick, props: Omit<DeleteConfirmationProps, 'entry'> = {}) {
  const r = renderWithMfa(<Subject pick={pick} {...props} />, options);
  const trigger = await screen.findByRole('button', { name: /^Remove / });
  await r.user.click(trigger);
  const dialog = await screen.findByRole('alertdialog');
  return { ...r, trigger, dialog };
}

describe('DeleteConfirmation', () => {
  it('names a single factor, warns about the last factor, focuses Cancel and passes axe', async () => {
    const { dialog, trigger } = await open({ scenario: 'otp-only' }, kind('otp'));
    expect(trigger.getAttribute('aria-label')).toBe('Remove Authenticator app');
    expect(within(dialog).getByRole('heading', { name: 'Remove Authenticator app?' })).toBeTruthy();
    expect(text(dialog)).toMatch(/no second factor left/);
    expect(dialog.querySelector('[data-warning="last-factor"]')).not.toBeNull();
    expect(screen.getByRole('alertdialog', { description: /no second factor left/ })).toBe(dialog);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expectNoAxeViolations();
  });

  it('gives an element trigger without content of its own the default text and name', async () => {
    const r = renderWithMfa(<Subject pick={kind('phone')} trigger={<button type="button" className="host-trash" />} />, { scenario: 'sms-voice' });
    const trigger = await screen.findByRole('button', { name: 'Remove SMS and voice calls to •••• 9167' });
    expect(trigger.className).toBe('host-trash');
    expect(trigger.textContent).toBe('Remove');
    expect(trigger.dataset.slot).toBe('mfa-delete-confirmation-trigger');
    await r.user.click(trigger);
    expect(await screen.findByRole('alertdialog')).toBeTruthy();
  });

  it('keeps an element trigger’s own content and leaves its name to it', async () => {
    renderWithMfa(<Subject pick={kind('phone')} trigger={<button type="button">Delete phone</button>} />, { scenario: 'sms-voice' });
    const trigger = await screen.findByRole('button', { name: 'Delete phone' });
    expect(trigger.hasAttribute('aria-label')).toBe(false);
  });

  it('warns by name that SMS and voice go together', async () => {
    const { dialog } = await open({ scenario: 'sms-voice' }, kind('phone'));
    expect(text(within(dialog).getByRole('heading'))).toMatch('Remove SMS and voice calls to •••• 9167?');
    expect(text(dialog)).toMatch('SMS and voice calls to •••• 9167 will both be removed.');
    expect(dialog.querySelector('[data-warning="pair"]')).not.toBeNull();
  });

  it('warns that removing push removes its one-time codes (certain pair)', async () => {
    const { dialog } = await open({ scenario: 'push-otp' }, kind('push'));
    expect(text(within(dialog).getByRole('heading'))).toMatch('Remove Push to Pixel 8?');
    expect(text(dialog)).toMatch('Removing push notifications also removes the one-time codes from Guardian.');
    expect(text(dialog)).toMatch(/no second factor left/);
  });

  it('says what may go too when the push twin is unknown', async () => {
    const { dialog } = await open({ scenario: 'every-factor' }, kind('push'));
    expect(text(dialog)).toMatch(/also removes its one-time codes from Guardian/);
    expect(dialog.querySelector('[data-warning="last-factor"]')).toBeNull();
  });

  it('warns on an authenticator app that may be a push twin', async () => {
    const { dialog } = await open({ scenario: 'every-factor' }, kind('otp'));
    expect(text(dialog)).toMatch('If these codes come from Guardian, push notifications on that phone are removed too.');
  });

  it('offers to discard an unfinished setup', async () => {
    const { dialog, user, count } = await open({ scenario: 'pending' }, (e) => e.pending);
    expect(within(dialog).getByRole('heading', { name: 'Discard unfinished setup?' })).toBeTruthy();
    expect(dialog.querySelector('[data-warning]')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(count('DELETE')).toBe(1);
  });

  it('does not close on an outside click; Escape closes and focus returns to the trigger', async () => {
    const { dialog, trigger, user } = await open({ scenario: 'otp-only' }, kind('otp'));
    fireEvent.pointerDown(document.body);
    fireEvent.click(document.body);
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it('shows "Removing…" and keeps focus on an inert confirm button while in flight; one DELETE for a double click', async () => {
    const onDeleted = vi.fn();
    const { dialog, user, emulator, count } = await open({ scenario: 'sms-voice' }, kind('phone'), { onDeleted });
    emulator.faults.latency(150);
    const confirm = within(dialog).getByRole('button', { name: 'Remove' });
    await user.dblClick(confirm);
    expect(text(within(dialog).getByRole('status'))).toMatch('Removing…');
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    expect(confirm.hasAttribute('data-pending')).toBe(true);
    expect(document.activeElement).toBe(confirm);
    await user.click(confirm);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    await expectNoAxeViolations();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(count('DELETE')).toBe(1);
    expect(onDeleted).toHaveBeenCalledTimes(1);
    expect(onDeleted.mock.calls[0]?.[0]).toMatchObject({ kind: 'phone' });
    expect(emulator.authenticators().filter((a) => a.authenticator_type === 'oob')).toEqual([]);
  });

  it('keeps the dialog open with the error on failure, then retries', async () => {
    const onDeleted = vi.fn();
    const { dialog, user, emulator, count } = await open({ scenario: 'otp-only' }, kind('otp'), { onDeleted });
    emulator.faults.failNext(1, { status: 503, error: 'temporarily_unavailable', error_description: 'Service unavailable', match: 'DELETE' });
    const confirm = within(dialog).getByRole('button', { name: 'Remove' });
    await user.click(confirm);
    const alert = await within(dialog).findByRole('alert');
    expect(text(alert)).toMatch('The service is having problems. Try again in a moment.');
    expect(alert.getAttribute('data-code')).toBe('server_error');
    expect(dialog.getAttribute('data-code')).toBe('server_error');
    expect(within(dialog).getByRole('button', { name: 'Remove', description: 'The service is having problems. Try again in a moment.' })).toBe(confirm);
    expect(document.activeElement).toBe(confirm);
    expect(onDeleted).not.toHaveBeenCalled();
    await expectNoAxeViolations();
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onDeleted).toHaveBeenCalledTimes(1);
    expect(count('DELETE')).toBe(2);
  });

  it.each([
    ['network', { network: true, match: 'DELETE' }, 'Can’t reach the server. Check your connection and try again.'],
    ['malformed', { status: 400, body: '<html>', match: 'DELETE' }, 'The server sent an unexpected answer. Try again in a moment.'],
    ['rate limit', { status: 429, error: 'too_many_requests', error_description: 'Too many requests', headers: { 'Retry-After': '120' }, match: 'DELETE' }, 'Too many requests. Try again in 2 min.'],
  ] as const)('shows the %s error', async (_name, fault, message) => {
    const { dialog, user, emulator } = await open({ scenario: 'otp-only' }, kind('otp'));
    emulator.faults.failNext(1, fault);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(text(await within(dialog).findByRole('alert'))).toMatch(message);
  });

  it('explains that the verified email cannot be removed', async () => {
    const r = renderWithMfa(<Subject pick={kind('email')} defaultOpen />, { scenario: 'email-only' });
    const dialog = await screen.findByRole('alertdialog');
    // Said up front, with no Remove button that would have to fail.
    expect(text(await within(dialog).findByRole('alert'))).toMatch('This email address can’t be removed: it is your account’s verified email.');
    expect(within(dialog).queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(r.count('DELETE')).toBe(0);
  });

  it('asks to verify when the credential cannot delete', async () => {
    const r = renderWithMfa(<Subject pick={kind('otp')} defaultOpen />, { scenario: 'list-only', credential: 'list-only' });
    const { count } = r;
    const dialog = await screen.findByRole('alertdialog');
    // No trigger is offered with a credential that cannot delete; opened anyway, it explains why.
    expect(text(await within(dialog).findByRole('alert'))).toMatch('Verify it’s you to make this change.');
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(within(dialog).getByRole('alert').getAttribute('data-code')).toBe('step_up_required');
    expect(count('DELETE')).toBe(0);
  });

  it('clears the previous error when reopened', async () => {
    const { dialog, user, emulator } = await open({ scenario: 'otp-only' }, kind('otp'));
    emulator.faults.failNext(1, { network: true, match: 'DELETE' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await within(dialog).findByRole('alert');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: /^Remove / }));
    expect(within(await screen.findByRole('alertdialog')).queryByRole('alert')).toBeNull();
  });

  it('uses the component and provider messages', async () => {
    const r = renderWithMfa(<Subject pick={kind('otp')} defaultOpen messages={{ 'delete.confirm': 'Yes, remove' }} />, { scenario: 'otp-only', messages: { 'common.cancel': 'Keep it' } });
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('button', { name: 'Yes, remove' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toBeTruthy();
    r.unmount();
  });
});
