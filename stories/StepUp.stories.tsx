import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import README from '../src/components/step-up/README.md?raw';
import { withReadme } from './support/readme.ts';
import { useMemo, type ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StepUp, type StepUpProps } from '../src/components/step-up/index.ts';
import { createMfaClient } from '../src/core/client.ts';
import { createUniversalLoginProvider } from '../src/core/token/universal-login.ts';
import type { Emulator } from '../src/emulator/types.ts';
import { MfaProvider } from '../src/hooks/provider.tsx';
import { emulatorOf, mfaLoader, withMfa, type MfaStoryParameters } from './support/mfa.tsx';

const mfa = (p: MfaStoryParameters) => ({ mfa: p });
/** A type alias (not the interface) so Storybook's loader types accept it. */
type Args = Pick<StepUpProps, keyof StepUpProps>;

const meta = {
  title: 'Components/StepUp',
  component: StepUp,
  tags: ['autodocs'],
  loaders: [mfaLoader],
  decorators: [withMfa],
  parameters: {
    ...mfa({ scenario: 'otp-only', credential: 'ropg' }),
    docs: {
      description: {
        component: withReadme(
          '"Verify it’s you" for a list-only credential or a missing scope. With ROPG it lists the user’s active factors ' +
          '(never the one being removed, SMS and voice of one phone as one) and asks for a code, a push approval or a ' +
          'recovery code; with Universal Login its button opens the popup from the click.', README),
      },
    },
  },
  args: { onVerified: fn(), onCancelled: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const verified = (canvas: ReturnType<typeof within>, timeout = 3000) =>
  waitFor(() => expect(canvas.getByText('You’re verified.', { selector: '[role=status]' })).toBeTruthy(), { timeout });

/** ROPG, authenticator app: pick it, type the code from the emulator. */
export const RopgOtp: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Authenticator app' }));
    await userEvent.type(canvas.getByRole('textbox', { name: '6-digit code' }), emulatorOf(context).totp());
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await verified(canvas);
    await expect(context.args.onVerified).toHaveBeenCalledTimes(1);
  },
};

/** ROPG, SMS and voice on one phone shown as one: the code goes by SMS ("Call me instead" switches to voice). */
export const RopgSms: Story = {
  parameters: mfa({ scenario: 'sms-voice', credential: 'ropg' }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /SMS and voice calls to/ }));
    await canvas.findByText(/Code sent to/);
    await userEvent.type(canvas.getByRole('textbox', { name: '6-digit code' }), emulatorOf(context).lastCode() ?? '');
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await verified(canvas);
  },
};

/** ROPG, push: "Waiting for approval" until the phone (the emulator) approves. */
export const RopgPush: Story = {
  parameters: mfa({ scenario: 'push-otp', credential: 'ropg' }),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const emulator = emulatorOf(context);
    await userEvent.click(await canvas.findByRole('button', { name: 'Push to Pixel 8' }));
    await canvas.findByText('Waiting for approval on Pixel 8…');
    await waitFor(() => expect(emulator.pushRequests().some((p) => p.status === 'pending')).toBe(true));
    emulator.approvePush();
    await verified(canvas, 12_000);
  },
};

/** "Use a recovery code instead": the old code is used up, so the new one is shown until the user saves it. */
export const RecoveryCodeInstead: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Use a recovery code instead' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Recovery code' }), emulatorOf(context).recoveryCode() ?? '');
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await canvas.findByRole('heading', { name: 'Save your recovery code' });
    await expect(context.args.onVerified).not.toHaveBeenCalled();
  },
};

/** A wrong code: the message is announced and the typed code stays. */
export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Authenticator app' }));
    const input = canvas.getByRole('textbox', { name: '6-digit code' });
    await userEvent.type(input, '000000');
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await expect((await canvas.findByRole('alert')).textContent).toMatch(/isn’t right/);
    await expect((input as HTMLInputElement).value).toBe('000000');
  },
};

/** Too many requests on the grant: the message says so. */
export const RateLimited: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Authenticator app' }));
    emulatorOf(context).faults.failNext(1, { status: 429, error: 'too_many_requests', match: 'POST /oauth/token' });
    await userEvent.type(canvas.getByRole('textbox', { name: '6-digit code' }), emulatorOf(context).totp());
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await expect((await canvas.findByRole('alert')).dataset.code).toBe('rate_limited');
  },
};

/** Shaped like auth0-react's `useAuth0()`: silent renewal needs the user; the popup mints a token on the emulator. */
function fakeAuth0(emulator: Emulator) {
  return {
    async getAccessTokenSilently(): Promise<string> {
      throw Object.assign(new Error('Login required'), { error: 'login_required' });
    },
    async getAccessTokenWithPopup() {
      await new Promise((r) => setTimeout(r, 300));
      return emulator.issueAccessToken().access_token;
    },
  };
}

function UniversalLoginFrame({ emulator, children }: { emulator: Emulator; children: ReactNode }) {
  const client = useMemo(() => {
    const now = () => emulator.clock.now();
    const tokenProvider = createUniversalLoginProvider({ auth0: fakeAuth0(emulator), domain: emulator.domain, now });
    return createMfaClient({ baseUrl: emulator.baseUrl, domain: emulator.domain, clientId: emulator.clientId, fetch: emulator.fetch, now, tokenProvider });
  }, [emulator]);
  return <MfaProvider client={client}>{children}</MfaProvider>;
}

const withUniversalLogin: Decorator = (Story, context) => (
  <UniversalLoginFrame emulator={emulatorOf(context)}>
    <Story />
  </UniversalLoginFrame>
);

/** Universal Login: silent renewal fails with login_required, so the button opens the (fake) popup from the click. */
export const UniversalLogin: Story = {
  decorators: [withUniversalLogin],
  // Replaces withMfa: the story supplies its own provider.
  parameters: { ...mfa({ scenario: 'otp-only' }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Verify it’s you' }));
    await verified(canvas);
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
  },
};
