import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  StepUp,
  StepUpCodeInput,
  StepUpCodeLabel,
  StepUpDialog,
  StepUpFactorList,
  StepUpRoot,
  StepUpSubmit,
  StepUpTitle,
  TokenExpiryNotice,
  createCachedProvider,
  credentialFromToken,
  createRopgProvider,
  type RopgProvider,
  createUniversalLoginProvider,
  useMfaToken,
} from '../../src/index.ts';
import type { Emulator } from '../../src/emulator/index.ts';
import { expectNoAxeViolations, renderWithMfa } from './harness.tsx';

const USER = { username: 'ada@example.com', password: 'correct horse battery staple' };
let ropg: RopgProvider;
const ropgProvider = (extra: { listOnly?: boolean } = {}) => (emulator: Emulator) =>
  (ropg = createRopgProvider({ ...USER, ...extra, pushInterval: 30, now: () => emulator.clock.now() }));

function StepUpWithVoiceExcluded({ of, id }: { of: { current?: Emulator }; id: (e: Emulator) => string }) {
  return <StepUp excludeId={id(of.current!)} />;
}

function Probe() {
  const token = useMfaToken();
  return <output aria-label="token">{`${token.status} ${token.canDelete ? 'can-delete' : 'no-delete'}`}</output>;
}

const tokenText = () => screen.getByRole('status', { name: 'token' }).textContent;

describe('StepUp (ROPG)', () => {
  it('verifies with the authenticator app', async () => {
    const onVerified = vi.fn();
    const { user, emulator } = renderWithMfa(<><StepUp onVerified={onVerified} /><Probe /></>, { scenario: 'otp-only', provider: ropgProvider() });
    await user.click(await screen.findByRole('button', { name: 'Authenticator app' }));
    expect(screen.getByText('Enter the 6-digit code from your authenticator app.')).toBeTruthy();
    const input = screen.getByRole('textbox', { name: '6-digit code' });
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(document.activeElement).toBe(input);
    await expectNoAxeViolations();
    await user.type(input, emulator.totp());
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
    expect(tokenText()).toBe('ready can-delete');
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('verified');
  });

  it('accepts a pasted "123 456" and keeps a wrong code with its message', async () => {
    const { user } = renderWithMfa(<StepUp />, { scenario: 'otp-only', provider: ropgProvider() });
    await user.click(await screen.findByRole('button', { name: 'Authenticator app' }));
    const input = screen.getByRole('textbox', { name: '6-digit code' }) as HTMLInputElement;
    await user.click(input);
    await user.paste('123 456');
    expect(input.value).toBe('123456');
    await user.keyboard('{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/isn’t right/);
    expect(alert.dataset.code).toBe('invalid_code');
    expect(input.value).toBe('123456');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    await expectNoAxeViolations();
  });

  it('asks for all six digits before sending', async () => {
    const { user, count } = renderWithMfa(<StepUp />, { scenario: 'otp-only', provider: ropgProvider() });
    await user.click(await screen.findByRole('button', { name: 'Authenticator app' }));
    const before = count('POST /oauth/token');
    await user.type(screen.getByRole('textbox', { name: '6-digit code' }), '12a3');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByRole('alert').textContent).toMatch(/all 6 digits/);
    expect(count('POST /oauth/token')).toBe(before);
  });

  it('sends an SMS code to the phone (SMS and voice as one), and can call instead', async () => {
    const onVerified = vi.fn();
    const { user, emulator } = renderWithMfa(<StepUp onVerified={onVerified} />, { scenario: 'sms-voice', provider: ropgProvider() });
    const list = await screen.findByRole('group', { name: 'Your methods' });
    expect(within(list).getAllByRole('button')).toHaveLength(1);
    await user.click(within(list).getByRole('button', { name: 'SMS and voice calls to •••• 9167' }));
    await waitFor(() => expect(screen.getByText('Code sent to •••• 9167.')).toBeTruthy());
    expect(emulator.outbox().at(-1)?.channel).toBe('sms');
    await user.click(screen.getByRole('button', { name: 'Call me instead' }));
    await waitFor(() => expect(screen.getByText('Calling •••• 9167 with your code.')).toBeTruthy());
    expect(emulator.outbox().at(-1)?.channel).toBe('voice');
    await expectNoAxeViolations();
    await user.type(screen.getByRole('textbox', { name: '6-digit code' }), emulator.lastCode()!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(onVerified).toHaveBeenCalled());
  });

  it('waits for push approval with a live status, and can stop waiting', async () => {
    const onVerified = vi.fn();
    const { user, emulator } = renderWithMfa(<StepUp onVerified={onVerified} />, { scenario: 'push-otp', provider: ropgProvider() });
    await user.click(await screen.findByRole('button', { name: 'Push to Pixel 8' }));
    await waitFor(() => expect(screen.getByText('Waiting for approval on Pixel 8…')).toBeTruthy());
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('group', { name: 'Your methods' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Push to Pixel 8' }));
    await waitFor(() => expect(screen.getByText('Waiting for approval on Pixel 8…')).toBeTruthy());
    act(() => emulator.approvePush());
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
  });

  it('says so when the push is denied, and sends it again', async () => {
    const { user, emulator } = renderWithMfa(<StepUp />, { scenario: 'push-otp', provider: ropgProvider() });
    await user.click(await screen.findByRole('button', { name: 'Push to Pixel 8' }));
    await waitFor(() => expect(emulator.pushRequests().some((p) => p.status === 'pending')).toBe(true));
    act(() => emulator.rejectPush());
    expect((await screen.findByRole('alert')).dataset.code).toBe('push_rejected');
    await user.click(screen.getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(emulator.pushRequests().filter((p) => p.status === 'pending')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('uses a recovery code and shows the new one until it is saved', async () => {
    const onVerified = vi.fn();
    const { user, emulator } = renderWithMfa(<StepUp onVerified={onVerified} />, { scenario: 'otp-only', provider: ropgProvider() });
    const old = emulator.recoveryCode()!;
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByRole('textbox', { name: 'Recovery code' }), old.toLowerCase());
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { name: 'Save your recovery code' });
    const fresh = emulator.recoveryCode()!;
    expect(fresh).not.toBe(old);
    expect(screen.getByText(fresh.replace(/(.{4})(?=.)/g, '$1 '))).toBeTruthy();
    expect(onVerified).not.toHaveBeenCalled();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery code' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(ropg.getState().recoveryCode).toBeUndefined();
  });

  it('never offers the authenticator being removed, nor its pair', async () => {
    const { emulator } = renderWithMfa(<StepUp excludeId="" />, { scenario: 'every-factor', provider: ropgProvider() });
    await screen.findByRole('group', { name: 'Your methods' });
    const push = emulator.authenticators().find((a) => a.oob_channel === 'auth0')!;
    const all = screen.getAllByRole('button').map((b) => b.textContent);
    expect(all).toContain('Push to Pixel 8');
    renderWithMfa(<StepUp excludeId={push.id} />, { scenario: 'every-factor', provider: ropgProvider() });
    await waitFor(() => expect(screen.getAllByRole('group', { name: 'Your methods' })).toHaveLength(2));
    const second = screen.getAllByRole('group', { name: 'Your methods' })[1]!;
    expect(within(second).queryByRole('button', { name: /Push/ })).toBeNull();
    expect(within(second).getByRole('button', { name: /SMS and voice calls/ })).toBeTruthy();
  });

  it('excludes a phone pair when removing its voice twin', async () => {
    const emulatorRef: { current?: Emulator } = {};
    const voiceId = (e: Emulator) => e.authenticators().find((a) => a.oob_channel === 'voice')!.id;
    renderWithMfa(<StepUpWithVoiceExcluded of={emulatorRef} id={voiceId} />, {
      scenario: 'sms-voice',
      provider: (emulator) => ((emulatorRef.current = emulator), ropgProvider()(emulator)),
    });
    expect(await screen.findByText('No other method is available. Use your recovery code.')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Your methods' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Use a recovery code instead' })).toBeTruthy();
  });

  it('shows the rate limit and keeps the code', async () => {
    const { user, emulator } = renderWithMfa(<StepUp />, { scenario: 'otp-only', provider: ropgProvider() });
    await user.click(await screen.findByRole('button', { name: 'Authenticator app' }));
    emulator.faults.failNext(1, { status: 429, error: 'too_many_requests', match: 'POST /oauth/token', headers: { 'retry-after': '120' } });
    const code = emulator.totp();
    await user.type(screen.getByRole('textbox', { name: '6-digit code' }), code);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('rate_limited');
    expect(alert.textContent).toMatch(/Too many requests/);
    expect((screen.getByRole('textbox', { name: '6-digit code' }) as HTMLInputElement).value).toBe(code);
  });

  it('shows a network failure while sending a code, and stays on the list', async () => {
    const { user, emulator } = renderWithMfa(<StepUp />, { scenario: 'sms-voice', provider: ropgProvider() });
    const button = await screen.findByRole('button', { name: /SMS and voice calls/ });
    emulator.faults.failNext(1, { network: true, match: 'POST /mfa/challenge' });
    await user.click(button);
    expect((await screen.findByRole('alert')).dataset.code).toBe('network');
    expect(screen.getByRole('group', { name: 'Your methods' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('list-only ROPG: "Verify it’s you" opens the challenge', async () => {
    const { user, emulator } = renderWithMfa(<StepUp />, { scenario: 'otp-only', provider: ropgProvider({ listOnly: true }) });
    await user.click(await screen.findByRole('button', { name: 'Verify it’s you' }));
    await user.click(await screen.findByRole('button', { name: 'Authenticator app' }));
    await user.type(screen.getByRole('textbox', { name: '6-digit code' }), emulator.totp());
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByText('You’re verified.', { selector: '[role=status]' })).toBeTruthy());
  });

  it('takes the host’s own code label and input with asChild', async () => {
    const onVerified = vi.fn();
    const onKeyDown = vi.fn();
    const { user, emulator } = renderWithMfa(
      <StepUpRoot onVerified={onVerified}>
        <StepUpTitle />
        <StepUpFactorList />
        <StepUpCodeLabel asChild>
          <label className="host-label">Code from your app</label>
        </StepUpCodeLabel>
        <StepUpCodeInput asChild>
          <input className="host-input" onKeyDown={onKeyDown} />
        </StepUpCodeInput>
        <StepUpSubmit />
      </StepUpRoot>,
      { scenario: 'otp-only', provider: ropgProvider() },
    );
    await user.click(await screen.findByRole('button', { name: 'Authenticator app' }));
    const label = screen.getByText('Code from your app');
    expect(label.className).toBe('host-label');
    expect(label.dataset.slot).toBe('mfa-step-up-code-label');
    const input = screen.getByRole('textbox', { name: 'Code from your app' }) as HTMLInputElement;
    expect(input.className).toBe('host-input');
    expect(input.dataset.slot).toBe('mfa-step-up-code-input');
    expect(label.getAttribute('for')).toBe(input.id);
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    // The part's onChange fills its value and its Enter handler submits, after the host's own handler.
    await user.type(input, `${emulator.totp()}{Enter}`);
    expect(onKeyDown).toHaveBeenCalled();
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
  });

  it('in a dialog: titled, described, closes when verified', async () => {
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>Verify to manage</button>
          <StepUpDialog open={open} onOpenChange={setOpen} />
        </>
      );
    }
    const { user, emulator } = renderWithMfa(<Host />, { scenario: 'otp-only', provider: ropgProvider() });
    await user.click(screen.getByRole('button', { name: 'Verify to manage' }));
    const dialog = await screen.findByRole('dialog', { name: 'Verify it’s you' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    await user.click(await within(dialog).findByRole('button', { name: 'Authenticator app' }));
    await expectNoAxeViolations();
    await user.type(within(dialog).getByRole('textbox', { name: '6-digit code' }), emulator.totp());
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Verify to manage' })));
  });
});

/** Shaped like auth0-react's `useAuth0()`, minting real tokens from the emulator. */
function fakeAuth0(emulator: Emulator) {
  const fake = {
    silentError: Object.assign(new Error('Multifactor authentication required'), { error: 'login_required' }) as (Error & { error?: string }) | undefined,
    popupError: undefined as (Error & { error?: string }) | undefined,
    popups: 0,
    expiresIn: undefined as number | undefined,
    async getAccessTokenSilently(options: { detailedResponse?: boolean }) {
      if (fake.silentError) throw fake.silentError;
      const t = emulator.issueAccessToken(fake.expiresIn ? { expiresIn: fake.expiresIn } : {});
      return options.detailedResponse ? { access_token: t.access_token, expires_in: t.expires_in, scope: t.scope } : t.access_token;
    },
    async getAccessTokenWithPopup() {
      fake.popups += 1;
      if (fake.popupError) throw fake.popupError;
      return emulator.issueAccessToken().access_token;
    },
  };
  return fake;
}

describe('StepUp (Universal Login)', () => {
  it('opens the popup from the click; a blocked or closed popup says so and can be retried', async () => {
    let auth0!: ReturnType<typeof fakeAuth0>;
    const onVerified = vi.fn();
    const { user } = renderWithMfa(<><StepUp onVerified={onVerified} /><Probe /></>, {
      scenario: 'otp-only',
      provider: (emulator) => {
        auth0 = fakeAuth0(emulator);
        return createUniversalLoginProvider({ auth0, domain: emulator.domain, now: () => emulator.clock.now() });
      },
    });
    await waitFor(() => expect(tokenText()).toMatch(/^interaction-required/));
    auth0.popupError = new Error('Unable to open a popup for loginWithPopup - window.open returned `null`');
    const button = screen.getByRole('button', { name: 'Verify it’s you' });
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Allow pop-ups/);
    await expectNoAxeViolations();
    auth0.popupError = Object.assign(new Error('Popup closed'), { error: 'cancelled' });
    await user.click(button);
    await waitFor(() => expect(auth0.popups).toBe(2));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/closed before you finished/));
    auth0.popupError = undefined;
    await user.click(button);
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
    expect(auth0.popups).toBe(3);
    expect(tokenText()).toBe('ready can-delete');
  });
});

describe('TokenExpiryNotice', () => {
  it('counts down before expiry; "Stay signed in" renews without touching a sibling input', async () => {
    let acquisitions = 0;
    const { user } = renderWithMfa(
      <>
        <TokenExpiryNotice warnBefore={11 * 60_000} />
        <label>
          Phone <input />
        </label>
      </>,
      {
        scenario: 'otp-only',
        provider: (emulator) =>
          createCachedProvider(async (ctx) => {
            acquisitions += 1;
            return credentialFromToken(emulator.issueAccessToken(), ctx.now());
          }, { now: () => emulator.clock.now() }),
      },
    );
    const phone = screen.getByRole('textbox', { name: 'Phone' }) as HTMLInputElement;
    await user.type(phone, '+1 555 0100');
    const message = await screen.findByText(/ends in \d+:\d\d\./, { selector: '[aria-hidden]' });
    expect(message.closest('[role=status]')).toBeTruthy();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Stay signed in' }));
    await waitFor(() => expect(acquisitions).toBe(2));
    expect(phone.value).toBe('+1 555 0100');
    expect(screen.getByRole('textbox', { name: 'Phone' })).toBe(phone);
  });

  it('stays empty while nothing needs the user', async () => {
    renderWithMfa(<TokenExpiryNotice />, { scenario: 'otp-only' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
    await expectNoAxeViolations();
  });

  it('Universal Login: after silent renewal fails it asks to verify, and the popup renews', async () => {
    let auth0!: ReturnType<typeof fakeAuth0>;
    const { user } = renderWithMfa(
      <>
        <TokenExpiryNotice />
        <input aria-label="Code" defaultValue="12345" />
        <Probe />
      </>,
      {
        scenario: 'otp-only',
        provider: (emulator) => {
          auth0 = fakeAuth0(emulator);
          auth0.silentError = undefined;
          // Short-lived: the hook renews at once, and that silent renewal will need the user.
          auth0.expiresIn = 90;
          return createUniversalLoginProvider({ auth0, domain: emulator.domain, now: () => emulator.clock.now() });
        },
      },
    );
    await waitFor(() => expect(tokenText()).toBe('ready can-delete'));
    auth0.silentError = Object.assign(new Error('login_required'), { error: 'login_required' });
    await screen.findByRole('button', { name: 'Verify it’s you' }, { timeout: 3000 });
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Verify it’s you' }));
    await waitFor(() => expect(auth0.popups).toBe(1));
    await waitFor(() => expect(screen.getByText('Your session has been renewed.')).toBeTruthy());
    // The action button went away with the renewal; focus stays on the notice.
    expect(document.activeElement).toBe(screen.getByText('Your session has been renewed.').closest('[data-slot="mfa-token-expiry-notice"]'));
    expect(auth0.popups).toBe(1);
    expect((screen.getByRole('textbox', { name: 'Code' }) as HTMLInputElement).value).toBe('12345');
  });

  it('ROPG: renewing through the challenge dialog leaves focus on the notice, not the page body', async () => {
    const { user, emulator, client } = renderWithMfa(
      <>
        <TokenExpiryNotice />
        <Probe />
      </>,
      { scenario: 'otp-only', provider: ropgProvider() },
    );
    // The first login's challenge, answered outside the notice: the session is ready.
    await waitFor(() => expect(ropg.getState().challenge).toBeTruthy());
    await act(() => ropg.getState().challenge!.verify({ otp: emulator.totp() }).then(() => undefined));
    await waitFor(() => expect(tokenText()).toBe('ready can-delete'));
    // The renewal before expiry needs MFA again (no refresh token): the notice asks to verify.
    emulator.clock.advance(30_000);
    await act(() => client.getCredential({ forceRenew: true }).then(() => undefined));
    const verify = await screen.findByRole('button', { name: 'Verify it’s you' });
    const notice = verify.closest<HTMLElement>('[data-slot="mfa-token-expiry-notice"]')!;

    await user.tab();
    expect(document.activeElement).toBe(verify);
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Verify it’s you' });
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Authenticator app' })));
    await user.keyboard('{Enter}');
    await user.keyboard(emulator.totp());
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.getByText('Your session has been renewed.')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Verify it’s you' })).toBeNull();
    // Radix restores focus a tick after the dialog unmounts.
    await new Promise((r) => setTimeout(r, 20));
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toBe(notice);
    expect(notice.tabIndex).toBe(-1);
  });
});
