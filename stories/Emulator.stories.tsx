import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createEmulator, SCENARIOS } from '../src/emulator/index.ts';
import type { Emulator, ScenarioName } from '../src/emulator/types.ts';
import { EmulatorPanel } from './emulator/EmulatorPanel.tsx';

interface EmulatorStoryArgs {
  /** The seed the story's tenant starts from. */
  scenario: ScenarioName;
}

/** The emulator the loader made for this render (typed, since `loaded` is untyped). */
function emulatorOf(loaded: Record<string, unknown>): Emulator {
  const emulator = loaded['emulator'];
  if (!emulator) throw new Error('Emulator stories need the emulator loader.');
  return emulator as Emulator;
}

/** Re-seeds the tenant when the `scenario` control changes, without replacing the instance. */
function EmulatorStory({ emulator, scenario }: { emulator: Emulator; scenario: ScenarioName }) {
  useEffect(() => {
    if (emulator.scenario !== scenario) emulator.reset(scenario);
  }, [emulator, scenario]);
  return <EmulatorPanel emulator={emulator} scenarios={SCENARIOS} />;
}

const meta = {
  title: 'Emulator',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A live in-memory Auth0 tenant. Use it to complete flows by hand: read the TOTP codes and the codes "sent" ' +
          'by SMS, voice and email, approve or reject push notifications, and make the next request fail.',
      },
    },
  },
  args: { scenario: 'every-factor' },
  argTypes: { scenario: { control: 'select', options: [...SCENARIOS] } },
  // One fresh tenant per story render; the play function reaches the same instance through `loaded`.
  loaders: [({ args }) => ({ emulator: createEmulator({ scenario: args.scenario }) })],
  render: (args, { loaded }) => <EmulatorStory emulator={emulatorOf(loaded)} scenario={args.scenario} />,
} satisfies Meta<EmulatorStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every factor enrolled: OTP, SMS + voice, push + OTP, emails and a recovery code. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: /authenticators/i });
    // Header row plus at least one authenticator.
    await expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
  },
};

/** Nothing enrolled yet. */
export const NewUser: Story = {
  args: { scenario: 'new-user' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: /authenticators/i });
    await expect(within(table).getByText('Nothing enrolled.')).toBeInTheDocument();
  },
};

/** A push challenge waits for the phone; the play function approves it and redeems the approval. */
export const PendingPush: Story = {
  args: { scenario: 'push-otp' },
  play: async ({ canvasElement, loaded, step }) => {
    const emulator = emulatorOf(loaded);
    const canvas = within(canvasElement);
    const { mfa_token } = emulator.issueMfaToken();
    const push = emulator.authenticators().find((a) => a.oob_channel === 'auth0' && a.active);
    if (!push) throw new Error('push-otp has no active push authenticator');

    let oobCode = '';
    await step('Challenge the push authenticator', async () => {
      const res = await emulator.fetch(`${emulator.baseUrl}/mfa/challenge`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_id: emulator.clientId, mfa_token, challenge_type: 'oob', authenticator_id: push.id }),
      });
      await expect(res.status).toBe(200);
      const body = (await res.json()) as { oob_code?: string };
      oobCode = body.oob_code ?? '';
      await expect(oobCode).not.toBe('');
    });

    await step('Approve it on the "phone"', async () => {
      await userEvent.click(await canvas.findByRole('button', { name: /^approve push/i }));
      const pushes = canvas.getByRole('table', { name: /push requests/i });
      await waitFor(() => expect(within(pushes).getByText('approved')).toBeInTheDocument());
      await expect(emulator.pushRequests().at(-1)?.status).toBe('approved');
      await expect(canvas.queryByRole('button', { name: /^approve push/i })).not.toBeInTheDocument();
    });

    await step('Redeem the approval at /oauth/token', async () => {
      // A real client waits the polling interval before asking; so does this one.
      emulator.clock.advance(5_000);
      const res = await emulator.fetch(`${emulator.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'http://auth0.com/oauth/grant-type/mfa-oob',
          client_id: emulator.clientId,
          mfa_token,
          oob_code: oobCode,
        }),
      });
      await expect(res.status).toBe(200);
      const log = canvas.getByRole('table', { name: /request log/i });
      await waitFor(() => expect(within(log).getByText('mfa-oob')).toBeInTheDocument());
    });
  },
};

/** A code "sent" by SMS lands in the outbox and is announced politely. */
export const OutboxCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const emulator = emulatorOf(loaded);
    const canvas = within(canvasElement);
    const sms = emulator.authenticators().find((a) => a.oob_channel === 'sms' && a.active);
    if (!sms) throw new Error('every-factor has no active SMS authenticator');
    const { mfa_token } = emulator.issueMfaToken();
    const res = await emulator.fetch(`${emulator.baseUrl}/mfa/challenge`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: emulator.clientId, mfa_token, challenge_type: 'oob', authenticator_id: sms.id }),
    });
    await expect(res.status).toBe(200);
    const code = emulator.lastCode();
    if (!code) throw new Error('the SMS challenge sent no code');
    const outbox = canvas.getByRole('table', { name: /outbox/i });
    await waitFor(() => expect(within(outbox).getByText(code)).toBeInTheDocument());
    await expect(canvasElement.querySelector('[aria-live="polite"]')).toHaveTextContent(`SMS code ${code}`);
  },
};

/** "Fail next request" arms a 429 with Retry-After; the next API call gets it and the log marks it injected. */
export const FailNextRequest: Story = {
  play: async ({ canvasElement, loaded }) => {
    const emulator = emulatorOf(loaded);
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('Failure'), '429 rate limit (Retry-After: 30)');
    await userEvent.click(canvas.getByRole('button', { name: 'Fail next request' }));
    await expect(canvas.getByRole('status')).toHaveTextContent(/armed/i);

    const { access_token } = emulator.issueAccessToken();
    const headers = { Authorization: `Bearer ${access_token}` };
    const failed = await emulator.fetch(`${emulator.baseUrl}/mfa/authenticators`, { headers });
    await expect(failed.status).toBe(429);
    await expect(failed.headers.get('Retry-After')).toBe('30');
    // Only the next one: the request after it is answered by the tenant again.
    const ok = await emulator.fetch(`${emulator.baseUrl}/mfa/authenticators`, { headers });
    await expect(ok.status).toBe(200);

    const log = canvas.getByRole('table', { name: /request log/i });
    await waitFor(() => expect(within(log).getByText(/too_many_requests \(injected\)/)).toBeInTheDocument());
  },
};

/** The scenario picker re-seeds the live tenant in place. */
export const SwitchScenario: Story = {
  play: async ({ canvasElement, loaded }) => {
    const emulator = emulatorOf(loaded);
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('Scenario'), 'new-user');
    await userEvent.click(canvas.getByRole('button', { name: 'Reset tenant' }));
    await expect(emulator.scenario).toBe('new-user');
    const table = canvas.getByRole('table', { name: /authenticators/i });
    await waitFor(() => expect(within(table).getByText('Nothing enrolled.')).toBeInTheDocument());
  },
};
