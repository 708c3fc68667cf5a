import type { Meta, StoryObj } from '@storybook/react-vite';
import README from '../src/components/recovery-code/README.md?raw';
import { withReadme } from './support/readme.ts';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { RecoveryCode } from '../src/components/recovery-code/index.ts';

const meta = {
  title: 'Components/RecoveryCode',
  component: RecoveryCode,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: withReadme(
          'Shows a new recovery code once — after the first enrollment, or after a recovery code was used — with copy, ' +
          'download as .txt, and an "I have saved my recovery code" checkbox that must be checked before Continue.', README),
      },
    },
  },
  args: { code: 'V7QK2M9XWB4TDF8HJ3NPLC6R', onConfirm: fn(), appName: 'Acme' },
} satisfies Meta<typeof RecoveryCode>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The code in groups of four, not yet saved: Continue is blocked. */
export const Default: Story = {};

/** Copy puts the code (without spaces) on the clipboard and announces "Copied"; without clipboard access it selects the code instead. */
export const Copied: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(canvas.getByRole('status').textContent).toMatch(/Copied|keyboard/));
  },
};

/** Download saves a .txt that explains what the code is for and names the app. */
export const Download: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Download as .txt' }));
    await expect(canvas.getByRole('status').textContent).toBe('Downloaded recovery-code.txt');
    await expect(canvasElement.ownerDocument.querySelector('a[download]')).toBeNull();
  },
};

/** Continue stays blocked (aria-disabled) until the checkbox is checked, and says why when pressed early. */
export const MustAcknowledge: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const confirm = canvas.getByRole('button', { name: 'Continue' });
    await userEvent.click(confirm);
    await expect(args.onConfirm).not.toHaveBeenCalled();
    await expect(canvas.getByRole('alert').textContent).toMatch(/saved your recovery code/);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'I have saved my recovery code' }));
    await expect(confirm.getAttribute('aria-disabled')).toBeNull();
    await userEvent.click(confirm);
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
  },
};

/** In a right-to-left page the layout mirrors; the code itself stays left-to-right. */
export const RightToLeft: Story = {
  decorators: [
    (Story) => (
      <div dir="rtl" lang="ar">
        <Story />
      </div>
    ),
  ],
};
