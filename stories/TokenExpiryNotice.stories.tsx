import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import README from '../src/components/step-up/README.md?raw';
import { withReadme } from './support/readme.ts';
import { useMemo, type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { TokenExpiryNotice, type TokenExpiryNoticeProps } from '../src/components/step-up/index.ts';
import { createMfaClient } from '../src/core/client.ts';
import { createCachedProvider, credentialFromToken } from '../src/core/token/cached.ts';
import type { TokenProvider } from '../src/core/token/types.ts';
import { createUniversalLoginProvider } from '../src/core/token/universal-login.ts';
import type { Emulator } from '../src/emulator/types.ts';
import { MfaProvider } from '../src/hooks/provider.tsx';
import { emulatorOf, mfaLoader, type MfaStoryParameters } from './support/mfa.tsx';

/** A type alias (not the interface) so Storybook's loader types accept it. */
type Args = Pick<TokenExpiryNoticeProps, keyof TokenExpiryNoticeProps>;
type MakeProvider = (emulator: Emulator) => TokenProvider;

/** The notice above a half-filled field, to show that acting on it keeps what was typed. */
function Frame({ emulator, make, children }: { emulator: Emulator; make: MakeProvider; children: ReactNode }) {
  const client = useMemo(() => {
    const now = () => emulator.clock.now();
    return createMfaClient({ baseUrl: emulator.baseUrl, domain: emulator.domain, clientId: emulator.clientId, fetch: emulator.fetch, now, tokenProvider: make(emulator) });
  }, [emulator, make]);
  return (
    <MfaProvider client={client}>
      {children}
      <p>
        <label>
          Phone number <input defaultValue="+1 555 0100" />
        </label>
      </p>
    </MfaProvider>
  );
}

const withProvider =
  (make: MakeProvider): Decorator =>
  (Story, context) => (
    <Frame emulator={emulatorOf(context)} make={make}>
      <Story />
    </Frame>
  );

const full: MakeProvider = (emulator) => createCachedProvider(async (ctx) => credentialFromToken(emulator.issueAccessToken(), ctx.now()), { now: () => emulator.clock.now() });

const meta = {
  title: 'Components/TokenExpiryNotice',
  component: TokenExpiryNotice,
  tags: ['autodocs'],
  loaders: [mfaLoader],
  parameters: {
    mfa: { scenario: 'otp-only' } satisfies MfaStoryParameters,
    docs: {
      description: {
        component: withReadme(
          'An inline banner (not a modal) that appears before the 10-minute MFA token runs out when renewing it needs the user: ' +
          'a countdown in a polite live region and one action. It never unmounts or resets the content around it.', README),
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `warnBefore` longer than the token's life, so the countdown shows at once; "Stay signed in" renews. */
export const AboutToExpire: Story = {
  args: { warnBefore: 11 * 60_000 },
  decorators: [withProvider(full)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/ends in \d+:\d\d/, { selector: '[aria-hidden]' });
    await expect(canvas.getByRole('button', { name: 'Stay signed in' })).toBeTruthy();
  },
};

/** After "Stay signed in", while the renewal runs: the button keeps focus, `aria-disabled` and `data-pending`. */
export const Renewing: Story = {
  args: { warnBefore: 11 * 60_000 },
  decorators: [
    withProvider((emulator) => {
      let calls = 0;
      // The first token comes at once; the renewal never answers, so the story stays in this state.
      return createCachedProvider(
        (ctx) => (calls++ === 0 ? Promise.resolve(credentialFromToken(emulator.issueAccessToken(), ctx.now())) : new Promise(() => {})),
        { now: () => emulator.clock.now() },
      );
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: 'Stay signed in' });
    await userEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    await expect(canvas.getByText('Renewing your session…')).toBeTruthy();
    await expect(button.ownerDocument.activeElement).toBe(button);
  },
};

/** Universal Login: silent renewal needs the user, so the notice asks to verify; the (fake) popup renews. */
export const InteractionRequired: Story = {
  decorators: [
    withProvider((emulator) => {
      let silent = 0;
      const auth0 = {
        async getAccessTokenSilently() {
          // The first token is short-lived; renewing it then needs a fresh login.
          if (silent++ > 0) throw Object.assign(new Error('Login required'), { error: 'login_required' });
          const t = emulator.issueAccessToken({ expiresIn: 45 });
          return { access_token: t.access_token, expires_in: t.expires_in, scope: t.scope };
        },
        async getAccessTokenWithPopup() {
          return emulator.issueAccessToken().access_token;
        },
      };
      return createUniversalLoginProvider({ auth0, domain: emulator.domain, now: () => emulator.clock.now() });
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Verify it’s you' }));
    await canvas.findByText('Your session has been renewed.');
    await expect((canvas.getByRole('textbox', { name: 'Phone number' }) as HTMLInputElement).value).toBe('+1 555 0100');
  },
};
