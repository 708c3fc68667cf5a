import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  AuthenticatorList,
  AuthenticatorListItem,
  AuthenticatorListItemName,
  AuthenticatorListItems,
  AuthenticatorListRoot,
  de,
} from '../../src/index.ts';
import { expectNoAxeViolations, renderWithMfa } from './harness.tsx';

const text = (el: Element | null | undefined): string => el?.textContent ?? '';
const rows = (group = 'active') => Array.from(document.querySelectorAll(`[data-slot="mfa-authenticator-list-items"][data-group="${group}"] > li`));
const names = (group?: string) => rows(group).map((li) => text(li.querySelector('[data-slot="mfa-authenticator-list-item-name"]')));
const loaded = () => waitFor(() => expect(document.querySelector('[data-slot="mfa-authenticator-list"]')?.getAttribute('data-state')).toMatch(/ready|empty/));

describe('AuthenticatorList', () => {
  it('lists every factor by name, pairs as one row, the verified email without remove, and passes axe', async () => {
    const { container } = renderWithMfa(<AuthenticatorList />, { scenario: 'every-factor' });
    await loaded();
    expect(screen.getByRole('heading', { level: 2, name: 'Two-factor authentication' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Two-factor authentication' })).toBeTruthy();
    expect(names()).toEqual([
      'Push to Pixel 8',
      'Authenticator app',
      'Authenticator app',
      'SMS and voice calls to •••• 9167',
      expect.stringMatching(/^Email to /),
      expect.stringMatching(/^Email to /),
    ]);
    expect(rows().map((li) => li.getAttribute('data-factor'))).toEqual(['push', 'otp', 'otp', 'phone', 'email', 'email']);
    expect(screen.getByRole('button', { name: 'Remove SMS and voice calls to •••• 9167' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove Push to Pixel 8' })).toBeTruthy();
    // The auto-listed verified email has no remove action, and says why.
    const emails = rows().filter((r) => r.getAttribute('data-factor') === 'email');
    expect(emails.map((li) => within(li as HTMLElement).queryByRole('button') === null)).toEqual([true, true]);
    for (const li of emails) expect(text(li)).toMatch('Your account’s verified email can’t be removed here.');
    expect(text(container)).toMatch('Recovery code: set up');
    expect(screen.queryByRole('button', { name: /Verify/ })).toBeNull();
    await expectNoAxeViolations();
  });

  it('offers removal of an explicitly enrolled email when the account email tells them apart', async () => {
    renderWithMfa(<AuthenticatorList />, { scenario: 'every-factor', accountEmail: 'ada@example.com' });
    await loaded();
    const [work, verified] = rows().filter((r) => r.getAttribute('data-factor') === 'email') as HTMLElement[];
    expect(within(work!).getByRole('button', { name: /^Remove Email to / })).toBeTruthy();
    expect(within(verified!).queryByRole('button')).toBeNull();
    expect(text(verified)).toMatch('Your account’s verified email can’t be removed here.');
  });

  it('shows loading with aria-busy and a status, then the rows', async () => {
    const { emulator } = renderWithMfa(<AuthenticatorList />, { scenario: 'otp-only' });
    emulator.faults.latency(100);
    const root = document.querySelector('[data-slot="mfa-authenticator-list"]');
    expect(root?.getAttribute('aria-busy')).toBe('true');
    expect(root?.getAttribute('data-state')).toBe('loading');
    expect(text(screen.getByRole('status'))).toBe('Loading your two-factor methods…');
    await expectNoAxeViolations();
    await loaded();
    expect(root?.hasAttribute('aria-busy')).toBe(false);
    expect(names()).toEqual(['Authenticator app']);
  });

  it('shows the empty state with Add, which calls onAdd', async () => {
    const onAdd = vi.fn();
    const { user } = renderWithMfa(<AuthenticatorList onAdd={onAdd} />, { scenario: 'new-user' });
    expect(await screen.findByText('No two-factor methods yet')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add method' }));
    expect(onAdd).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations();
  });

  it('hides Add without onAdd', async () => {
    renderWithMfa(<AuthenticatorList />, { scenario: 'otp-only' });
    await loaded();
    expect(screen.queryByRole('button', { name: 'Add method' })).toBeNull();
  });

  it.each([
    ['503', { status: 503, error: 'temporarily_unavailable', error_description: 'Service unavailable', match: 'GET /mfa/authenticators' }, 'The service is having problems. Try again in a moment.', 'server_error'],
    ['network', { network: true, match: 'GET /mfa/authenticators' }, 'Can’t reach the server. Check your connection and try again.', 'network'],
    ['malformed', { status: 200, body: '<html>', match: 'GET /mfa/authenticators' }, 'The server sent an unexpected answer. Try again in a moment.', 'invalid_response'],
    ['rate limit', { status: 429, error: 'too_many_requests', error_description: 'Too many requests', headers: { 'Retry-After': '60' }, match: 'GET /mfa/authenticators' }, 'Too many requests. Try again in 1 min.', 'rate_limited'],
  ] as const)('shows the %s error with Retry', async (_name, fault, message, code) => {
    const { user, emulator } = renderWithMfa(<AuthenticatorList />, { scenario: 'sms-voice' });
    emulator.faults.failNext(1, fault);
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toBe(message);
    expect(alert.getAttribute('data-code')).toBe(code);
    expect(document.querySelector('[data-slot="mfa-authenticator-list"]')?.getAttribute('data-state')).toBe('error');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await loaded();
    expect(names()).toEqual(['SMS and voice calls to •••• 9167']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is read-only with a list-only credential and offers Verify to manage', async () => {
    const onStepUp = vi.fn();
    const { user, count } = renderWithMfa(<AuthenticatorList onAdd={() => undefined} onStepUp={onStepUp} />, { scenario: 'list-only', credential: 'list-only' });
    await loaded();
    const verify = await screen.findByRole('button', { name: 'Verify to manage' });
    expect(names()).toEqual(['Authenticator app']);
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add method' })).toBeNull();
    expect(screen.getByText('To add or remove methods, first verify it’s you.')).toBeTruthy();
    await user.click(verify);
    expect(onStepUp).toHaveBeenCalledTimes(1);
    expect(count('DELETE')).toBe(0);
    await expectNoAxeViolations();
  });

  it('is read-only with a token lacking remove:authenticators', async () => {
    renderWithMfa(<AuthenticatorList />, { scenario: 'otp-only', credential: ['read:authenticators', 'enroll'] });
    await loaded();
    expect(await screen.findByRole('button', { name: 'Verify to manage' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('removes a pair after naming both, then focuses the heading', async () => {
    const onDeleted = vi.fn();
    const { user, count, emulator } = renderWithMfa(<AuthenticatorList onDeleted={onDeleted} />, { scenario: 'sms-voice' });
    await user.click(await screen.findByRole('button', { name: 'Remove SMS and voice calls to •••• 9167' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove SMS and voice calls to •••• 9167?' });
    expect(text(dialog)).toMatch('SMS and voice calls to •••• 9167 will both be removed.');
    expect(text(dialog)).toMatch(/no second factor left/);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(rows()).toEqual([]);
    expect(await screen.findByText('No two-factor methods yet')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 })));
    expect(text(screen.getByRole('status'))).toBe('SMS and voice calls to •••• 9167 removed.');
    expect(onDeleted).toHaveBeenCalledWith(expect.objectContaining({ kind: 'phone' }));
    expect(count('DELETE')).toBe(1);
    expect(emulator.authenticators().filter((a) => a.authenticator_type === 'oob')).toEqual([]);
  });

  it('moves focus to the next row’s button after a removal', async () => {
    const { user } = renderWithMfa(<AuthenticatorList />, { scenario: 'every-factor' });
    await user.click(await screen.findByRole('button', { name: 'Remove Push to Pixel 8' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove Authenticator app'));
    expect(names()).not.toContain('Push to Pixel 8');
  });

  it('returns focus to the Remove button on Cancel, and Escape', async () => {
    const { user, count } = renderWithMfa(<AuthenticatorList />, { scenario: 'otp-only' });
    const remove = await screen.findByRole('button', { name: 'Remove Authenticator app' });
    await user.click(remove);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(remove));
    await user.keyboard('{Enter}');
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect(count('DELETE')).toBe(0);
  });

  it('lists pending enrollments apart, with Resume and Discard', async () => {
    const onResume = vi.fn();
    const { user, count } = renderWithMfa(<AuthenticatorList onResume={onResume} />, { scenario: 'pending' });
    await loaded();
    expect(names()).toEqual(['Authenticator app']);
    expect(screen.getByRole('heading', { level: 3, name: 'Unfinished setup' })).toBeTruthy();
    expect(rows('pending')).toHaveLength(2);
    for (const li of rows('pending')) {
      expect(li.hasAttribute('data-pending')).toBe(true);
      expect(text(li)).toMatch('Setup not finished');
    }
    await expectNoAxeViolations();
    const [resume] = screen.getAllByRole('button', { name: 'Resume setup of Authenticator app' });
    await user.click(resume!);
    expect(onResume).toHaveBeenCalledWith(expect.objectContaining({ pending: true, kind: 'otp' }));

    const [first, second] = screen.getAllByRole('button', { name: 'Discard unfinished setup of Authenticator app' });
    await user.click(first!);
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard unfinished setup?' });
    expect(dialog.querySelector('[data-warning]')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(rows('pending')).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).toBe(second));
    expect(count('DELETE')).toBe(1);
  });

  it('warns about the last factor when removing it', async () => {
    const { user } = renderWithMfa(<AuthenticatorList />, { scenario: 'otp-only' });
    await user.click(await screen.findByRole('button', { name: 'Remove Authenticator app' }));
    const dialog = await screen.findByRole('alertdialog', { description: /no second factor left/ });
    expect(dialog.querySelector('[data-warning="last-factor"]')).not.toBeNull();
  });

  it('keeps the dialog open on a failed removal and restores the row', async () => {
    const { user, emulator } = renderWithMfa(<AuthenticatorList />, { scenario: 'otp-only' });
    await user.click(await screen.findByRole('button', { name: 'Remove Authenticator app' }));
    const dialog = await screen.findByRole('alertdialog');
    emulator.faults.failNext(1, { status: 503, error: 'temporarily_unavailable', match: 'DELETE' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(text(await within(dialog).findByRole('alert'))).toBe('The service is having problems. Try again in a moment.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove Authenticator app'));
    expect(names()).toEqual(['Authenticator app']);
  });

  it('sends one DELETE for a double click on confirm', async () => {
    const { user, count, emulator } = renderWithMfa(<AuthenticatorList />, { scenario: 'otp-only' });
    await user.click(await screen.findByRole('button', { name: 'Remove Authenticator app' }));
    const dialog = await screen.findByRole('alertdialog');
    emulator.faults.latency(50);
    await user.dblClick(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(count('DELETE')).toBe(1);
  });

  it('renders in German from the provider table', async () => {
    renderWithMfa(<AuthenticatorList />, { scenario: 'sms-voice', messages: de });
    expect(await screen.findByRole('heading', { name: 'Zwei-Faktor-Authentifizierung' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'SMS und Sprachanrufe an •••• 9167 entfernen' })).toBeTruthy();
  });

  it('composes from parts with a custom row and heading level', async () => {
    renderWithMfa(
      <AuthenticatorListRoot headingLevel={3} aria-label="Factors">
        <AuthenticatorListItems>
          {(entry) => (
            <AuthenticatorListItem entry={entry} className="row">
              <AuthenticatorListItemName asChild>
                <strong>{entry.primary.name}</strong>
              </AuthenticatorListItemName>
            </AuthenticatorListItem>
          )}
        </AuthenticatorListItems>
      </AuthenticatorListRoot>,
      { scenario: 'push-otp' },
    );
    const item = await screen.findByRole('listitem');
    expect(item.className).toBe('row');
    expect(item.querySelector('strong[data-slot="mfa-authenticator-list-item-name"]')?.textContent).toBe('Pixel 8');
    expect(screen.getByRole('region', { name: 'Factors' }).getAttribute('data-state')).toBe('ready');
  });

  it('announces a removed pair in German without a verb that must agree with it', async () => {
    // "SMS und Sprachanrufe an … wurde entfernt" was wrong for a plural name; the label form fits every name.
    const { user } = renderWithMfa(<AuthenticatorList />, { scenario: 'sms-voice', messages: de });
    await user.click(await screen.findByRole('button', { name: /entfernen$/ }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Entfernen' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(text(screen.getByRole('status'))).toBe('Entfernt: SMS und Sprachanrufe an •••• 9167.'));
  });

  it('throws a clear error for a part outside its Root', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderWithMfa(<AuthenticatorListItems />)).toThrow('<AuthenticatorListItems> must be used within <AuthenticatorListRoot>.');
    spy.mockRestore();
  });

  it('says which authenticator-app rows may be the one-time codes of push (the API never tells)', async () => {
    renderWithMfa(<AuthenticatorList />, { scenario: 'every-factor' });
    await screen.findByText('Push to Pixel 8');
    const otpRows = screen.getAllByRole('listitem').filter((li) => li.getAttribute('data-factor') === 'otp');
    expect(otpRows).toHaveLength(2);
    for (const row of otpRows) expect(within(row).getByText(/one-time codes of push notifications/i)).toBeTruthy();
  });

  it('does not add that note when push and its codes are known as one row', async () => {
    renderWithMfa(<AuthenticatorList />, { scenario: 'push-otp' });
    await screen.findByText('Push to Pixel 8');
    expect(screen.queryByText(/one-time codes of push notifications/i)).toBeNull();
  });
});
