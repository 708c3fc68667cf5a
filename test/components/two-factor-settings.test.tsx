import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createRopgProvider } from '../../src/core/token/ropg.ts';
import { TwoFactorSettings } from '../../src/components/two-factor-settings/index.ts';
import { expectNoAxeViolations, renderWithMfa } from './harness.tsx';

const ropg = () => (emulator: { clock: { now(): number } }) =>
  createRopgProvider({ username: 'ada@example.com', password: 'correct horse battery staple', now: () => emulator.clock.now() });

describe('TwoFactorSettings', () => {
  it('adds an authenticator app from the list and shows it afterwards', async () => {
    const { user, emulator } = renderWithMfa(<TwoFactorSettings />, { scenario: 'sms-voice' });
    await screen.findByText(/sms and voice calls to/i);
    await user.click(screen.getByRole('button', { name: 'Add method' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /authenticator app/i }));
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
    const dialog = await screen.findByRole('dialog');
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
});
