import type { Meta, StoryObj } from '@storybook/react-vite';
import README from '../src/components/authenticator-list/README.md?raw';
import { withReadme } from './support/readme.ts';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AuthenticatorList, type AuthenticatorListProps } from '../src/components/authenticator-list/index.ts';
import { emulatorOf, mfaLoader, withMfa, type MfaStoryParameters } from './support/mfa.tsx';

/** The props a story sets (a mapped type, so it fits Storybook's index-signature `Args`). */
type ListArgs = Pick<AuthenticatorListProps, 'onAdd' | 'onResume' | 'onStepUp' | 'onDeleted' | 'messages' | 'headingLevel'>;

const mfa = (p: MfaStoryParameters) => ({ mfa: p });
const list = (canvasElement: HTMLElement) => within(canvasElement).findByRole('region', { name: 'Two-factor authentication' });
const body = within(document.body);

const meta = {
  title: 'Components/AuthenticatorList',
  component: AuthenticatorList,
  tags: ['autodocs'],
  loaders: [mfaLoader],
  decorators: [withMfa],
  args: { onAdd: fn(), onResume: fn(), onDeleted: fn() },
  parameters: {
    docs: {
      description: {
        component: withReadme(
          'The signed-in user’s two-factor methods, one row each (SMS + voice and push + its one-time codes are one row), ' +
          'unfinished setups apart with Resume / Discard, removal behind a confirmation that names what goes, and ' +
          '“Verify to manage” when the credential can only list. Parts: `AuthenticatorListRoot`, `…Heading`, `…Status`, ' +
          '`…Error`, `…Retry`, `…Empty`, `…Items`, `…Item`, `…ItemName`, `…ItemNote`, `…ItemResume`, `…ItemRemove`, ' +
          '`…RecoveryCode`, `…PendingHeading`, `…StepUpNote`, `…StepUp`, `…Add`.', README),
      },
    },
  },
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first load, held by a very slow tenant: `aria-busy` and a status. */
export const Loading: Story = {
  parameters: mfa({ scenario: 'otp-only', latency: 3_600_000 }),
  play: async ({ canvasElement }) => {
    const region = await list(canvasElement);
    await expect(region).toHaveAttribute('aria-busy', 'true');
    await expect(within(region).getByRole('status')).toHaveTextContent('Loading your two-factor methods…');
  },
};

/** Nothing enrolled yet: the empty state and “Add method”. */
export const Empty: Story = {
  parameters: mfa({ scenario: 'new-user' }),
  play: async ({ canvasElement, args }) => {
    const region = await list(canvasElement);
    await expect(await within(region).findByText('No two-factor methods yet')).toBeVisible();
    await userEvent.click(within(region).getByRole('button', { name: 'Add method' }));
    await expect(args.onAdd).toHaveBeenCalled();
  },
};

/** Every factor: push (its OTP twin can’t be told), two authenticator apps, a phone pair, an enrolled and the verified email, the recovery code. */
export const EveryFactor: Story = {
  parameters: mfa({ scenario: 'every-factor' }),
  play: async ({ canvasElement }) => {
    const region = await list(canvasElement);
    await expect(await within(region).findByRole('button', { name: 'Remove Push to Pixel 8' })).toBeVisible();
    await expect(within(region).getByText('Your account’s verified email can’t be removed here.')).toBeVisible();
    await expect(within(region).getByText('Recovery code: set up')).toBeVisible();
  },
};

/** SMS + voice on one phone: one row naming both. */
export const PhonePair: Story = {
  parameters: mfa({ scenario: 'sms-voice' }),
  play: async ({ canvasElement }) => {
    const region = await list(canvasElement);
    await expect(await within(region).findByText('SMS and voice calls to •••• 9167')).toBeVisible();
    await expect(within(region).getAllByRole('listitem')).toHaveLength(1);
  },
};

/**
 * A right-to-left host's own messages (Hebrew here): the masked number is isolated (U+2068 … U+2069)
 * inside the sentence, so "•••• 9167" keeps its order instead of being reordered with the Hebrew text.
 */
export const RightToLeftMessages: Story = {
  globals: { locale: 'rtl' },
  args: {
    messages: {
      'list.title': 'אימות דו-שלבי',
      'name.phone': 'הודעות SMS ושיחות קוליות אל {phone}',
      'list.remove': 'הסרה',
      'list.remove_named': 'הסרה: {name}',
    },
  },
  parameters: mfa({ scenario: 'sms-voice' }),
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'אימות דו-שלבי' });
    await expect(await within(region).findByText('הודעות SMS ושיחות קוליות אל \u2068•••• 9167\u2069')).toBeVisible();
    // The row's name is itself a value of "Remove {name}": isolated again, as a whole.
    const remove = within(region).getByRole('button', { name: /^הסרה:/ });
    await expect(remove).toHaveAccessibleName('הסרה: \u2068הודעות SMS ושיחות קוליות אל \u2068•••• 9167\u2069\u2069');
  },
};

/** Push with its one-time codes (Guardian): one row. */
export const PushPair: Story = {
  parameters: mfa({ scenario: 'push-otp' }),
  play: async ({ canvasElement }) => {
    const region = await list(canvasElement);
    await expect(await within(region).findByText('Push to Pixel 8')).toBeVisible();
    await expect(within(region).getAllByRole('listitem')).toHaveLength(1);
  },
};

/** Two unfinished setups, apart from the active method, with Resume and Discard. */
export const Pending: Story = {
  parameters: mfa({ scenario: 'pending' }),
  play: async ({ canvasElement }) => {
    const region = await list(canvasElement);
    await expect(await within(region).findByRole('heading', { name: 'Unfinished setup' })).toBeVisible();
    await expect(within(region).getAllByRole('button', { name: /^Discard/ })).toHaveLength(2);
    await expect(within(region).getAllByRole('button', { name: /^Resume/ })).toHaveLength(2);
  },
};

/** Only the auto-listed verified email: no remove action, and why. */
export const EmailOnly: Story = {
  parameters: mfa({ scenario: 'email-only' }),
  play: async ({ canvasElement }) => {
    const region = await list(canvasElement);
    await expect(await within(region).findByText('Your account’s verified email can’t be removed here.')).toBeVisible();
    await expect(within(region).queryByRole('button', { name: /^Remove/ })).toBeNull();
  },
};

/** A raw `mfa_token` can only list: read-only, with “Verify to manage”. */
export const ListOnly: Story = {
  args: { onStepUp: fn() },
  parameters: mfa({ scenario: 'list-only', credential: 'list-only' }),
  play: async ({ canvasElement, args }) => {
    const region = await list(canvasElement);
    const verify = await within(region).findByRole('button', { name: 'Verify to manage' });
    await expect(within(region).queryByRole('button', { name: /^Remove/ })).toBeNull();
    await userEvent.click(verify);
    await expect(args.onStepUp).toHaveBeenCalled();
  },
};

const failing = (fault: NonNullable<MfaStoryParameters['faults']>[number][1]) => mfa({ scenario: 'sms-voice', faults: [[1, { match: 'GET /mfa/authenticators', ...fault }]] });
const showsError = (message: string): NonNullable<Story['play']> => async ({ canvasElement }) => {
  const region = await list(canvasElement);
  await expect(await within(region).findByRole('alert')).toHaveTextContent(message);
  await expect(within(region).getByRole('button', { name: 'Try again' })).toBeVisible();
};

/** The tenant answers 503: the message and Retry (the next attempt succeeds). */
export const Error: Story = {
  parameters: failing({ status: 503, error: 'temporarily_unavailable', error_description: 'Service unavailable' }),
  play: async (context) => {
    await showsError('The service is having problems. Try again in a moment.')(context);
    const region = await list(context.canvasElement);
    await userEvent.click(within(region).getByRole('button', { name: 'Try again' }));
    await expect(await within(region).findByText('SMS and voice calls to •••• 9167')).toBeVisible();
  },
};

/** The request never gets an answer (offline). */
export const NetworkError: Story = {
  parameters: failing({ network: true }),
  play: showsError('Can’t reach the server. Check your connection and try again.'),
};

/** Something in front of Auth0 answers with an HTML page. */
export const MalformedResponse: Story = {
  parameters: failing({ status: 200, body: '<html>' }),
  play: showsError('The server sent an unexpected answer. Try again in a moment.'),
};

/** Remove the phone pair: the dialog names both, then the row is gone and focus lands on the heading. */
export const RemovePair: Story = {
  parameters: mfa({ scenario: 'sms-voice' }),
  play: async (context) => {
    const region = await list(context.canvasElement);
    await userEvent.click(await within(region).findByRole('button', { name: 'Remove SMS and voice calls to •••• 9167' }));
    const dialog = await body.findByRole('alertdialog', { name: 'Remove SMS and voice calls to •••• 9167?' });
    await expect(dialog).toHaveTextContent('SMS and voice calls to •••• 9167 will both be removed.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(body.queryByRole('alertdialog')).toBeNull());
    await expect(await within(region).findByText('No two-factor methods yet')).toBeVisible();
    await waitFor(() => expect(within(region).getByRole('heading', { name: 'Two-factor authentication' })).toHaveFocus());
    await expect(emulatorOf(context).authenticators().filter((a) => a.authenticator_type === 'oob')).toEqual([]);
  },
};

/** Discard an unfinished setup; focus moves to the next one’s Discard. */
export const RemovePending: Story = {
  parameters: mfa({ scenario: 'pending' }),
  play: async ({ canvasElement }) => {
    const region = await list(canvasElement);
    const [first, second] = await within(region).findAllByRole('button', { name: /^Discard/ });
    await userEvent.click(first!);
    const dialog = await body.findByRole('alertdialog', { name: 'Discard unfinished setup?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(within(region).getAllByRole('button', { name: /^Discard/ })).toHaveLength(1));
    await waitFor(() => expect(second).toHaveFocus());
  },
};

/** Removing the only second factor: the dialog warns (left open here). */
export const RemoveLastFactor: Story = {
  parameters: mfa({ scenario: 'otp-only' }),
  play: async ({ canvasElement }) => {
    const region = await list(canvasElement);
    await userEvent.click(await within(region).findByRole('button', { name: 'Remove Authenticator app' }));
    const dialog = await body.findByRole('alertdialog', { description: /no second factor left/ });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  },
};
