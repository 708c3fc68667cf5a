import type { Meta, StoryObj } from '@storybook/react-vite';
import README from '../src/components/enrollment-wizard/README.md?raw';
import { withReadme } from './support/readme.ts';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { EnrollmentDialog, EnrollmentWizard } from '../src/components/enrollment-wizard/index.ts';
import { de } from '../src/i18n/messages.ts';
import { emulatorOf, mfaLoader, withMfa, type MfaStoryParameters } from './support/mfa.tsx';

const mfa = (p: MfaStoryParameters) => ({ mfa: p });
type Ctx = { canvasElement: HTMLElement; loaded: Record<string, unknown> };

/** The wizard inside the story (the emulator panel beside it has buttons of its own). */
async function wizard(canvasElement: HTMLElement) {
  const root = await waitFor(() => {
    const el = canvasElement.querySelector<HTMLElement>('[data-slot="mfa-enrollment-wizard"]');
    if (!el) throw new Error('no wizard yet');
    return el;
  });
  return within(root);
}

async function qrReady(w: ReturnType<typeof within>) {
  const qr = await w.findByRole('img', { name: /qr code for/i });
  await waitFor(() => expect(qr).toHaveAttribute('data-state', 'ready'));
  return qr;
}

/** Picks the authenticator app and confirms with the emulator's current TOTP. */
async function enrollApp({ canvasElement, loaded }: Ctx) {
  const w = await wizard(canvasElement);
  await userEvent.click(await w.findByRole('button', { name: /authenticator app/i }));
  await qrReady(w);
  await userEvent.type(w.getByRole('textbox', { name: '6-digit code' }), `${emulatorOf({ loaded }).totp()}{Enter}`);
  return w;
}

async function sendPhone({ canvasElement }: Ctx, number = '5550104242') {
  const w = await wizard(canvasElement);
  await userEvent.type(await w.findByRole('textbox', { name: 'Phone number' }), number);
  await userEvent.click(w.getByRole('button', { name: 'Send code' }));
  return w;
}

const meta = {
  title: 'Components/EnrollmentWizard',
  component: EnrollmentWizard,
  tags: ['autodocs'],
  loaders: [mfaLoader],
  decorators: [withMfa],
  args: { pollInterval: 1000, onEnrolled: fn(), onDone: fn(), onCancelled: fn() },
  parameters: {
    mfa: { scenario: 'otp-only' },
    docs: {
      description: {
        component: withReadme(
          'Choose a factor → set it up (QR + setup key + “Open in authenticator app”, phone number with country code, email, or ' +
          'Guardian QR) → confirm with the 6-digit code or the push approval → recovery code (first enrollment) → done. ' +
          'Root: `data-step` = step-up | choose | setup | confirm | recovery-code | done, `data-factor`. Parts: `EnrollmentWizardRoot`, ' +
          '`…Step`, `…Title`, `…Description`, `…FactorPicker`, `…FactorOption`, `…Form`, `…Label`, `…PhoneCountry`, `…PhoneInput`, ' +
          '`…EmailInput`, `…EmailHint`, `…CodeInput`, `…Submit`, `…Resend`, `…QrCode`, `…SecretLabel`, `…Secret`, `…Copy`, `…OpenApp`, ' +
          '`…PushStatus`, `…Error`, `…Retry`, `…Cancel`, `…StepUp`, `…Done`, `…RecoveryCode`, `…Announcer`, `…Field`, `…Actions`. ' +
          'The QR encoder loads lazily the first time a QR is shown.', README),
      },
    },
  },
} satisfies Meta<typeof EnrollmentWizard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The factor choice. */
export const ChooseFactor: Story = {
  play: async ({ canvasElement }) => {
    const w = await wizard(canvasElement);
    await expect(w.getByRole('heading', { name: 'Add a two-factor method' })).toBeVisible();
    await expect(w.getAllByRole('button', { name: /authenticator app|sms|voice|email|push/i })).toHaveLength(5);
  },
};

/** Authenticator app: QR code, setup key in groups of four with Copy, and the same-device link. */
export const AuthenticatorApp: Story = {
  args: { defaultFactor: 'otp' },
  play: async ({ canvasElement }) => {
    const w = await wizard(canvasElement);
    await qrReady(w);
    await expect(w.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/)).toBeVisible();
    await expect(w.getByRole('link', { name: 'Open in authenticator app' })).toHaveAttribute('href', expect.stringMatching(/^otpauth:\/\//));
  },
};

/** New user: enroll an authenticator app with the emulator's TOTP, save the recovery code, done. */
export const AuthenticatorAppFlow: Story = {
  parameters: mfa({ scenario: 'new-user' }),
  play: async (ctx) => {
    const w = await enrollApp(ctx);
    await expect(await w.findByRole('heading', { name: /recovery code/i })).toBeVisible();
    await userEvent.click(w.getByRole('checkbox'));
    await userEvent.click(w.getByRole('button', { name: 'Continue' }));
    await expect(await w.findByRole('heading', { name: 'Two-factor method added' })).toBeVisible();
    await expect(ctx.args.onEnrolled).toHaveBeenCalledWith('otp');
  },
};

/** SMS: the phone number with a country calling code. */
export const Sms: Story = { args: { defaultFactor: 'sms' } };

/** SMS, start to end: the code comes from the emulator's outbox. */
export const SmsFlow: Story = {
  args: { defaultFactor: 'sms' },
  play: async (ctx) => {
    const w = await sendPhone(ctx);
    await expect(await w.findByText('Code sent to +1 555 010 4242')).toBeVisible();
    await userEvent.type(w.getByRole('textbox', { name: '6-digit code' }), `${emulatorOf(ctx).lastCode('+15550104242')}{Enter}`);
    await expect(await w.findByRole('heading', { name: 'Two-factor method added' })).toBeVisible();
  },
};

/** Voice calls. */
export const Voice: Story = { args: { defaultFactor: 'voice' } };

/** Email: optional address (empty = the account's). */
export const Email: Story = { args: { defaultFactor: 'email' } };

/** Email to the account's address. */
export const EmailFlow: Story = {
  args: { defaultFactor: 'email' },
  play: async (ctx) => {
    const w = await wizard(ctx.canvasElement);
    await userEvent.click(await w.findByRole('button', { name: 'Send code' }));
    await expect(await w.findByText('Code sent to your account’s email address')).toBeVisible();
    await userEvent.type(w.getByRole('textbox', { name: '6-digit code' }), `${emulatorOf(ctx).lastCode()}{Enter}`);
    await expect(await w.findByRole('heading', { name: 'Two-factor method added' })).toBeVisible();
  },
};

/** Push: the Guardian QR and a live “waiting for approval” status. */
export const Push: Story = {
  args: { defaultFactor: 'push' },
  play: async ({ canvasElement }) => {
    const w = await wizard(canvasElement);
    await qrReady(w);
    await expect(await w.findByText('Waiting for approval on your phone…')).toBeVisible();
  },
};

/** Push approved on the (emulated) phone. */
export const PushFlow: Story = {
  args: { defaultFactor: 'push' },
  play: async (ctx) => {
    const w = await wizard(ctx.canvasElement);
    await w.findByText('Waiting for approval on your phone…');
    emulatorOf(ctx).approvePush();
    await expect(await w.findByRole('heading', { name: 'Two-factor method added' }, { timeout: 5000 })).toBeVisible();
  },
};

/** Push rejected on the phone: the message and “Try again”. */
export const PushRejected: Story = {
  args: { defaultFactor: 'push' },
  play: async (ctx) => {
    const w = await wizard(ctx.canvasElement);
    await w.findByText('Waiting for approval on your phone…');
    emulatorOf(ctx).rejectPush();
    await expect(await w.findByRole('alert', {}, { timeout: 5000 })).toHaveAttribute('data-code', 'push_rejected');
    await expect(w.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** A wrong code: announced, and the code stays in the field. */
export const WrongCode: Story = {
  args: { defaultFactor: 'otp' },
  play: async ({ canvasElement }) => {
    const w = await wizard(canvasElement);
    await qrReady(w);
    const input = w.getByRole('textbox', { name: '6-digit code' });
    await userEvent.type(input, '000000{Enter}');
    await expect(await w.findByRole('alert')).toHaveTextContent('That code isn’t right. Check it and try again.');
    await expect(input).toHaveValue('000000');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Locked out after too many wrong codes: even a right code waits, and the wait is said. */
export const LockedOut: Story = {
  args: { defaultFactor: 'otp' },
  parameters: mfa({
    scenario: 'otp-only',
    faults: [[1, { status: 429, error: 'too_many_attempts', error_description: 'Too many failed codes. Wait for some minutes before retrying.', headers: { 'Retry-After': '360' }, match: 'POST /oauth/token' }]],
  }),
  play: async (ctx) => {
    const w = await wizard(ctx.canvasElement);
    await qrReady(w);
    const input = w.getByRole('textbox', { name: '6-digit code' });
    const code = emulatorOf(ctx).totp();
    await userEvent.type(input, `${code}{Enter}`);
    await expect(await w.findByRole('alert')).toHaveTextContent('Too many wrong codes. Try again in 6 min.');
    await expect(input).toHaveValue(code);
  },
};

/** The SMS code expired: say so and offer a new one. */
export const ExpiredCode: Story = {
  args: { defaultFactor: 'sms', resendCooldown: 0 },
  parameters: mfa({ scenario: 'otp-only', faults: [[1, { status: 401, error: 'expired_token', error_description: 'oob_code is expired', match: 'POST /oauth/token' }]] }),
  play: async (ctx) => {
    const w = await sendPhone(ctx);
    await userEvent.type(await w.findByRole('textbox', { name: '6-digit code' }), `${emulatorOf(ctx).lastCode()}{Enter}`);
    await expect(await w.findByRole('alert')).toHaveAttribute('data-code', 'expired_code');
    await expect(w.getByRole('button', { name: 'Send a new code' })).toBeVisible();
  },
};

/** Too many SMS: the wait time, and the number kept. */
export const RateLimited: Story = {
  args: { defaultFactor: 'sms' },
  parameters: mfa({
    scenario: 'otp-only',
    faults: [[1, { status: 429, error: 'too_many_requests', error_description: 'Too many SMS sent by the user.', headers: { 'Retry-After': '120' }, match: 'POST /mfa/associate' }]],
  }),
  play: async (ctx) => {
    const w = await sendPhone(ctx);
    await expect(await w.findByRole('alert')).toHaveTextContent('Too many requests. Try again in 2 min.');
    await expect(w.getByRole('textbox', { name: 'Phone number' })).toHaveValue('5550104242');
  },
};

/** A phone number that cannot be valid: caught before sending, kept as typed. */
export const InvalidPhone: Story = {
  args: { defaultFactor: 'sms' },
  play: async (ctx) => {
    const w = await sendPhone(ctx, '555-0101');
    await expect(await w.findByRole('alert')).toHaveTextContent('Enter a valid phone number, including the country code.');
    await expect(w.getByRole('textbox', { name: 'Phone number' })).toHaveValue('555-0101');
  },
};

/** Offline: the message and “Try again”. */
export const NetworkError: Story = {
  args: { defaultFactor: 'otp' },
  parameters: mfa({ scenario: 'otp-only', faults: [[1, { network: true, match: 'POST /mfa/associate' }]] }),
  play: async ({ canvasElement }) => {
    const w = await wizard(canvasElement);
    await expect(await w.findByRole('alert')).toHaveAttribute('data-code', 'network');
    await userEvent.click(w.getByRole('button', { name: 'Try again' }));
    await qrReady(w);
  },
};

/** Something in front of Auth0 answered with HTML. */
export const MalformedResponse: Story = {
  args: { defaultFactor: 'otp' },
  parameters: mfa({ scenario: 'otp-only', faults: [[1, { status: 200, body: '<html>Gateway</html>', match: 'POST /mfa/associate' }]] }),
  play: async ({ canvasElement }) => {
    const w = await wizard(canvasElement);
    await expect(await w.findByRole('alert')).toHaveAttribute('data-code', 'invalid_response');
  },
};

/** A list-only credential while a factor is active: verify first, no form that must fail. */
export const StepUpRequired: Story = {
  args: { onStepUp: fn() },
  parameters: mfa({ scenario: 'otp-only', credential: 'list-only' }),
  play: async ({ canvasElement, args }) => {
    const w = await wizard(canvasElement);
    await expect(await w.findByRole('heading', { name: 'Verify it’s you first' })).toBeVisible();
    await userEvent.click(w.getByRole('button', { name: 'Verify it’s you' }));
    await expect(args.onStepUp).toHaveBeenCalled();
  },
};

/** The first enrollment returns a recovery code. */
export const RecoveryCodeStep: Story = {
  parameters: mfa({ scenario: 'new-user' }),
  play: async (ctx) => {
    const w = await enrollApp(ctx);
    await expect(await w.findByRole('heading', { name: /recovery code/i })).toHaveFocus();
  },
};

/** The authenticator app flow with the keyboard only: Tab, Enter and typing. */
export const KeyboardOnly: Story = {
  play: async (ctx) => {
    const w = await wizard(ctx.canvasElement);
    const option = await w.findByRole('button', { name: /authenticator app/i });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.tab();
    await expect(option).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(await w.findByRole('heading', { name: 'Set up your authenticator app' })).toHaveFocus();
    await qrReady(w);
    const input = w.getByRole('textbox', { name: '6-digit code' });
    for (let i = 0; i < 6 && document.activeElement !== input; i++) await userEvent.tab();
    await expect(input).toHaveFocus();
    await userEvent.keyboard(`${emulatorOf(ctx).totp()}{Enter}`);
    await expect(await w.findByRole('heading', { name: 'Two-factor method added' })).toHaveFocus();
    await userEvent.tab();
    await expect(w.getByRole('button', { name: 'Done' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(ctx.args.onDone).toHaveBeenCalled();
  },
};

/** German, from the provider's messages. */
export const German: Story = { parameters: mfa({ scenario: 'otp-only', messages: de }) };

/** The wizard in a dialog (focus trapped and restored). */
export const Dialog: Story = {
  render: (args) => <EnrollmentDialog {...args} trigger={<button type="button">Add a method</button>} />,
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Add a method' }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'Add a two-factor method' });
    await userEvent.click(within(dialog).getByRole('button', { name: /authenticator app/i }));
    await qrReady(within(dialog));
  },
};
