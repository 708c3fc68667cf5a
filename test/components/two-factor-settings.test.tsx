import { screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
// Not the public entry on purpose: src/index.ts also exports the wizard and step-up, so importing
// it loads the dialogs' lazy chunk up front and the first test could never see its loading state
// (React 18 then renders the dialog at once).
import { createRopgProvider } from '../../src/core/index.ts';
import { TwoFactorSettings } from '../../src/components/two-factor-settings/index.ts';
import { expectNoAxeViolations, renderWithMfa } from './harness.tsx';

const ropg = () => (emulator: { clock: { now(): number } }) =>
  createRopgProvider({ username: 'ada@example.com', password: 'correct horse battery staple', now: () => emulator.clock.now() });

describe('TwoFactorSettings', () => {
  // First in the file on purpose: the dialogs' chunks load once per test file, so only the first
  // opening shows the loading state.
  it('loads the enrollment dialog when first opened: a loading status, then the dialog with focus in it', async () => {
    const { user } = renderWithMfa(<TwoFactorSettings />, { scenario: 'sms-voice' });
    await screen.findByText(/sms and voice calls to/i);
    // Nothing of either dialog is rendered before it opens.
    expect(document.querySelector('[data-slot="mfa-settings-loading"]')).toBeNull();
    const add = screen.getByRole('button', { name: 'Add method' });
    await user.click(add);
    const loading = document.querySelector('[data-slot="mfa-settings-loading"]');
    // The chunk is still on its way (a module fetch takes longer than the click): a polite status,
    // and focus stays on what opened the dialog until the dialog takes it.
    expect(loading?.getAttribute('role')).toBe('status');
    expect(loading?.textContent).toBe('Loading…');
    expect(document.activeElement).toBe(add);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(document.querySelector('[data-slot="mfa-settings-loading"]')).toBeNull();
    await within(dialog).findByRole('button', { name: /authenticator app/i });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Loaded now: reopening is immediate, a fresh wizard, focus inside again.
    await user.click(add);
    const again = await screen.findByRole('dialog');
    await waitFor(() => expect(again.contains(document.activeElement)).toBe(true));
    expect(within(again).getByRole('button', { name: /authenticator app/i })).toBeTruthy();
  });

  it('ROPG: the step-up dialog opens when "Verify to manage" is clicked, takes focus and gives it back', async () => {
    const { user } = renderWithMfa(<TwoFactorSettings />, { scenario: 'otp-only', provider: ropg() });
    const verify = await screen.findByRole('button', { name: 'Verify to manage' });
    // Its code comes in the same chunk as the enrollment flow's, which the test above already loaded.
    await user.click(verify);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await within(dialog).findByRole('button', { name: 'Authenticator app' });
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(verify));
  });

  it('StrictMode: the lazy enrollment dialog opens, takes focus and closes', async () => {
    const { user } = renderWithMfa(
      <StrictMode>
        <TwoFactorSettings />
      </StrictMode>,
      { scenario: 'sms-voice' },
    );
    await user.click(await screen.findByRole('button', { name: 'Add method' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await user.click(await within(dialog).findByRole('button', { name: /cancel/i }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('adds an authenticator app from the list and shows it afterwards', async () => {
    const { user, emulator } = renderWithMfa(<TwoFactorSettings />, { scenario: 'sms-voice' });
    await screen.findByText(/sms and voice calls to/i);
    await user.click(screen.getByRole('button', { name: 'Add method' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await user.click(await within(dialog).findByRole('button', { name: /authenticator app/i }));
    const code = await within(dialog).findByRole('textbox', { name: /6-digit code/i });
    await expectNoAxeViolations();
    await user.type(code, `${emulator.totp()}{Enter}`);
    await within(dialog).findByRole('heading', { name: /two-factor method added/i });
    await user.click(within(dialog).getByRole('button', { name: /done/i }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Authenticator app')).toBeTruthy();
    expect(emulator.authenticators().filter((a) => a.authenticator_type === 'otp' && a.active)).toHaveLength(1);
  });

  it('ROPG: verify to manage, answer the challenge, then remove', async () => {
    const { user, emulator } = renderWithMfa(<TwoFactorSettings />, { scenario: 'otp-only', provider: ropg() });
    await user.click(await screen.findByRole('button', { name: 'Verify to manage' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await user.click(await within(dialog).findByRole('button', { name: 'Authenticator app' }));
    await user.type(within(dialog).getByRole('textbox', { name: '6-digit code' }), emulator.totp());
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(await screen.findByRole('button', { name: /remove authenticator app/i }));
    const confirm = await screen.findByRole('alertdialog');
    await expectNoAxeViolations();
    await user.click(within(confirm).getByRole('button', { name: /^remove/i }));
    await waitFor(() => expect(emulator.authenticators().filter((a) => a.authenticator_type === 'otp')).toEqual([]));
  });

  it('Escape closes the enrollment dialog and returns focus to "Add method"', async () => {
    const { user } = renderWithMfa(<TwoFactorSettings />, { scenario: 'sms-voice' });
    const add = await screen.findByRole('button', { name: 'Add method' });
    await user.click(add);
    await screen.findByRole('dialog', {}, { timeout: 3000 });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add method' })));
  });
});
