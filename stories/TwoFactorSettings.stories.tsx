import type { Meta, StoryObj } from '@storybook/react-vite';
import README from '../src/components/two-factor-settings/README.md?raw';
import { withReadme } from './support/readme.ts';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { TwoFactorSettings, type TwoFactorSettingsProps } from '../src/components/two-factor-settings/index.ts';
import { emulatorOf, mfaLoader, withMfa, type MfaStoryParameters } from './support/mfa.tsx';

const mfa = (p: MfaStoryParameters) => ({ mfa: p });
/** A type alias (not the interface) so Storybook's loader types accept it. */
type Args = Pick<TwoFactorSettingsProps, 'factors' | 'headingLevel' | 'onEnrolled' | 'onDeleted'>;

const meta = {
  title: 'Components/TwoFactorSettings',
  component: TwoFactorSettings,
  tags: ['autodocs'],
  loaders: [mfaLoader],
  decorators: [withMfa],
  parameters: {
    ...mfa({ scenario: 'every-factor' }),
    docs: {
      description: {
        component: withReadme(
          'The complete "two-factor authentication" section, built only from the other drop-ins: the list (add, resume, ' +
          'remove with confirmation, verify to manage), the enrollment wizard and the step-up in dialogs, and the notice ' +
          'before the 10-minute token runs out.', README),
      },
    },
  },
  args: { onEnrolled: fn(), onDeleted: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const page = () => within(document.body);

/** Every factor, a full MFA token: everything can be managed. */
export const EveryFactor: Story = {};

/** Nothing enrolled yet. */
export const NewUser: Story = { parameters: mfa({ scenario: 'new-user' }) };

/** Add an authenticator app, reading the current code from the emulator like a phone would. */
export const EnrollAuthenticatorApp: Story = {
  parameters: mfa({ scenario: 'sms-voice' }),
  play: async (context) => {
    const emulator = emulatorOf(context);
    const body = page();
    await userEvent.click(await body.findByRole('button', { name: 'Add method' }));
    const dialog = within(await body.findByRole('dialog'));
    await userEvent.click(await dialog.findByRole('button', { name: /authenticator app/i }));
    await userEvent.type(await dialog.findByRole('textbox', { name: /6-digit code/i }), `${emulator.totp()}{Enter}`);
    await dialog.findByRole('heading', { name: /two-factor method added/i });
    await userEvent.click(dialog.getByRole('button', { name: /done/i }));
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await expect(context.args.onEnrolled).toHaveBeenCalledWith('otp');
  },
};

/** ROPG: list-only until the user verifies with the authenticator app; then remove it. */
export const StepUpAndRemove: Story = {
  parameters: mfa({ scenario: 'otp-only', credential: 'ropg' }),
  play: async (context) => {
    const emulator = emulatorOf(context);
    const body = page();
    await userEvent.click(await body.findByRole('button', { name: 'Verify to manage' }));
    const dialog = within(await body.findByRole('dialog'));
    await userEvent.click(await dialog.findByRole('button', { name: 'Authenticator app' }));
    await userEvent.type(dialog.getByRole('textbox', { name: '6-digit code' }), emulator.totp());
    await userEvent.click(dialog.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await userEvent.click(await body.findByRole('button', { name: /remove authenticator app/i }));
    const confirm = within(await body.findByRole('alertdialog'));
    await userEvent.click(confirm.getByRole('button', { name: /^remove/i }));
    await waitFor(() => expect(emulator.authenticators().filter((a) => a.authenticator_type === 'otp')).toEqual([]));
  },
};

/** Remove SMS and voice on one phone: one row, one confirmation naming both. */
export const RemovePhonePair: Story = {
  parameters: mfa({ scenario: 'sms-voice' }),
  play: async (context) => {
    const emulator = emulatorOf(context);
    const body = page();
    await userEvent.click(await body.findByRole('button', { name: /remove sms and voice calls/i }));
    const confirm = within(await body.findByRole('alertdialog'));
    await expect(confirm.getAllByText(/sms and voice calls to •••• 9167/i).length).toBeGreaterThan(0);
    await userEvent.click(confirm.getByRole('button', { name: /^remove/i }));
    await waitFor(() => expect(emulator.authenticators().filter((a) => a.authenticator_type === 'oob')).toEqual([]));
  },
};

/** Dark theme: axe checks contrast on the dark palette too. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async () => {
    await page().findByText(/sms and voice calls to/i);
    await expect(document.documentElement.dataset.theme).toBe('dark');
    const root = document.querySelector('[data-slot="mfa-authenticator-list"]');
    await expect(root && getComputedStyle(root).backgroundColor).toBe('rgb(11, 17, 32)');
  },
};

/** A brand theme made only with --mfa-* variables. */
export const BrandTheme: Story = { globals: { theme: 'brand' } };

/** No kit CSS at all: still usable, still named, still accessible. */
export const Unstyled: Story = { globals: { theme: 'unstyled' } };

/** Right-to-left layout. */
export const RightToLeft: Story = {
  globals: { locale: 'rtl' },
  play: async () => {
    await page().findByText(/sms and voice calls to/i);
    await expect(document.documentElement.dir).toBe('rtl');
  },
};

/** Japanese messages. */
export const Japanese: Story = { globals: { locale: 'ja' } };

/** Dark theme with a confirmation open (overlay, alert dialog, danger button). */
export const DarkConfirmation: Story = {
  globals: { theme: 'dark' },
  parameters: mfa({ scenario: 'sms-voice' }),
  play: async () => {
    const body = page();
    await userEvent.click(await body.findByRole('button', { name: /remove sms and voice calls/i }));
    await body.findByRole('alertdialog');
  },
};
