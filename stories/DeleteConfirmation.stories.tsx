import type { Meta, StoryObj } from '@storybook/react-vite';
import README from '../src/components/delete-confirmation/README.md?raw';
import { withReadme } from './support/readme.ts';
import { useEffect, useState, type ComponentType } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DeleteConfirmation, type DeleteConfirmationProps } from '../src/components/delete-confirmation/index.ts';
import type { AuthenticatorEntry } from '../src/core/model.ts';
import { useAuthenticators } from '../src/hooks/use-authenticators.ts';
import { emulatorOf, mfaLoader, withMfa, type MfaStoryParameters } from './support/mfa.tsx';

type Pick = 'otp' | 'phone' | 'push' | 'pending';
type Args = Omit<DeleteConfirmationProps, 'entry'> & { /** Which entry of the scenario's list to remove. */ pick: Pick };

/** Loads the list and renders the dialog for the picked entry, kept once found (it leaves the list on removal). */
function Subject({ pick, ...props }: Args) {
  const { data } = useAuthenticators();
  const [entry, setEntry] = useState<AuthenticatorEntry>();
  const found = data && (pick === 'pending' ? data.pending[0] : data.entries.find((e) => e.kind === pick));
  useEffect(() => {
    if (!entry && found) setEntry(found);
  }, [entry, found]);
  return entry ? <DeleteConfirmation entry={entry} {...props} /> : <p>Loading…</p>;
}

const mfa = (p: MfaStoryParameters) => ({ mfa: p });
const body = within(document.body);

/** Opens the dialog from its trigger, as a user would. */
async function openDialog(canvasElement: HTMLElement) {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: /^Remove / }));
  return body.findByRole('alertdialog');
}

const meta = {
  title: 'Components/DeleteConfirmation',
  // The docs table shows DeleteConfirmation's props; stories pick the entry from the live list instead of passing it.
  component: DeleteConfirmation as unknown as ComponentType<Args>,
  tags: ['autodocs'],
  loaders: [mfaLoader],
  decorators: [withMfa],
  args: { pick: 'otp', trigger: true, onDeleted: fn(), onOpenChange: fn() },
  argTypes: { pick: { control: 'select', options: ['otp', 'phone', 'push', 'pending'] } },
  render: (args) => <Subject {...args} />,
  parameters: {
    docs: {
      description: {
        component: withReadme(
          'An alert dialog that names what will be removed, warns by name about its pair and about leaving no second factor, ' +
          'and shows “Removing…” and any error without closing. Focus starts on Cancel; outside clicks do nothing; Escape closes. ' +
          'Parts: `DeleteConfirmationRoot`, `…Trigger`, `…Content`, `…Title`, `…Description`, `…Warning`, `…Error`, `…Status`, ' +
          '`…Actions`, `…Cancel`, `…Confirm`.', README),
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One authenticator app (also the last factor). */
export const Single: Story = {
  parameters: mfa({ scenario: 'otp-only' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(within(dialog).getByRole('heading', { name: 'Remove Authenticator app?' })).toBeVisible();
  },
};

/** SMS + voice on one phone: both named. */
export const Pair: Story = {
  args: { pick: 'phone' },
  parameters: mfa({ scenario: 'sms-voice' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(dialog).toHaveTextContent('SMS and voice calls to •••• 9167 will both be removed.');
  },
};

/** Push with its known OTP twin. */
export const PushPair: Story = {
  args: { pick: 'push' },
  parameters: mfa({ scenario: 'push-otp' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(dialog).toHaveTextContent('Removing push notifications also removes the one-time codes from Guardian.');
  },
};

/** Push among several authenticator apps: which one is its twin can’t be told. */
export const PushUnknownTwin: Story = {
  args: { pick: 'push' },
  parameters: mfa({ scenario: 'every-factor' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(dialog).toHaveTextContent(/also removes its one-time codes from Guardian/);
  },
};

/** An authenticator app that may be a push twin. */
export const MaybePushTwin: Story = {
  args: { pick: 'otp' },
  parameters: mfa({ scenario: 'every-factor' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(dialog).toHaveTextContent('If these codes come from Guardian, push notifications on that phone are removed too.');
  },
};

/** The only second factor: the last-factor warning is part of the dialog’s description. */
export const LastFactor: Story = {
  parameters: mfa({ scenario: 'otp-only' }),
  play: async ({ canvasElement }) => {
    await openDialog(canvasElement);
    await expect(await body.findByRole('alertdialog', { description: /no second factor left/ })).toBeVisible();
  },
};

/** An unfinished setup: “Discard”. */
export const Pending: Story = {
  args: { pick: 'pending' },
  parameters: mfa({ scenario: 'pending' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(within(dialog).getByRole('heading', { name: 'Discard unfinished setup?' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Discard' })).toBeVisible();
  },
};

/** The DELETE is slow: “Removing…”, and Confirm keeps focus while inert. */
export const Deleting: Story = {
  parameters: mfa({ scenario: 'otp-only' }),
  play: async (context) => {
    const dialog = await openDialog(context.canvasElement);
    // Slow only from here, so the list loads at once and the removal hangs.
    emulatorOf(context).faults.latency(3_600_000);
    const confirm = within(dialog).getByRole('button', { name: 'Remove' });
    await userEvent.click(confirm);
    await expect(await within(dialog).findByText('Removing…')).toBeVisible();
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await expect(confirm).toHaveFocus();
  },
};

/** The DELETE fails (503): the message, and the dialog stays open to retry. */
export const Error: Story = {
  parameters: mfa({ scenario: 'otp-only', faults: [[1, { status: 503, error: 'temporarily_unavailable', match: 'DELETE' }]] }),
  play: async ({ canvasElement, args }) => {
    const dialog = await openDialog(canvasElement);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('The service is having problems. Try again in a moment.');
    await expect(args.onDeleted).not.toHaveBeenCalled();
  },
};

/** Keyboard only: Tab to Remove, Enter, focus on Cancel, Escape closes, focus back on the trigger. */
export const KeyboardOnly: Story = {
  parameters: mfa({ scenario: 'otp-only' }),
  play: async ({ canvasElement }) => {
    const trigger = await within(canvasElement).findByRole('button', { name: 'Remove Authenticator app' });
    (document.activeElement as HTMLElement | null)?.blur();
    for (let i = 0; i < 20 && document.activeElement !== trigger; i++) await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await body.findByRole('alertdialog');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};
