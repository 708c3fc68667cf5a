import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  EnrollmentDialog,
  EnrollmentWizard,
  EnrollmentWizardEmailHint,
  EnrollmentWizardEmailInput,
  EnrollmentWizardForm,
  EnrollmentWizardLabel,
  EnrollmentWizardPhoneCountry,
  EnrollmentWizardPushStatus,
  EnrollmentWizardRoot,
  EnrollmentWizardSecretLabel,
  de,
} from '../../src/index.ts';
// Internal units (the phone helpers), tested directly.
import { COUNTRIES, formatPhone, toE164 } from '../../src/components/enrollment-wizard/context.ts';
import { expectNoAxeViolations, renderWithMfa } from './harness.tsx';

const opts = { pollInterval: 25 } as const;
const heading = (name: RegExp) => screen.findByRole('heading', { name });
const codeInput = () => screen.findByRole('textbox', { name: /6-digit code/i });
// The QR encoder is a lazy chunk: the first `import()` of it in a run goes through Vite's transform,
// which on a cold, busy CI machine can take longer than Testing Library's default 1 s.
const qrCode = (name: RegExp) => screen.findByRole('img', { name }, { timeout: 10_000 });

async function chooseFactor(user: ReturnType<typeof renderWithMfa>['user'], name: RegExp) {
  await user.click(await screen.findByRole('button', { name }));
}

describe('EnrollmentWizard', () => {
  it('enrolls an authenticator app: QR, secret, code, recovery code, done', async () => {
    const onEnrolled = vi.fn();
    const onDone = vi.fn();
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} onEnrolled={onEnrolled} onDone={onDone} />, { scenario: 'new-user' });
    expect(await heading(/add a two-factor method/i)).toBeTruthy();
    await expectNoAxeViolations();
    await chooseFactor(user, /authenticator app/i);
    const qr = await qrCode(/qr code for your authenticator app/i);
    expect(qr.querySelectorAll('path')).toHaveLength(1);
    expect(qr.getAttribute('data-state')).toBe('ready');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: /set up your authenticator app/i })));
    const secret = emulator.totpSecret();
    expect(screen.getByText(secret.replace(/(.{4})(?=.)/g, '$1 '))).toBeTruthy();
    expect(screen.getByRole('link', { name: /open in authenticator app/i }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    await expectNoAxeViolations();

    await user.click(screen.getByRole('button', { name: /copy setup key/i }));
    expect(await navigator.clipboard.readText()).toBe(secret);
    await waitFor(() => expect(screen.getAllByRole('status').some((s) => s.textContent === 'Copied')).toBe(true));

    await user.type(await codeInput(), `${emulator.totp()}{Enter}`);
    expect(await heading(/recovery code/i)).toBeTruthy();
    expect(onEnrolled).toHaveBeenCalledWith('otp');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: /continue/i }));
    expect(await heading(/two-factor method added/i)).toBeTruthy();
    expect(screen.getByText(/authenticator app is ready/i)).toBeTruthy();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: /done/i }));
    expect(onDone).toHaveBeenCalled();
    expect(await heading(/add a two-factor method/i)).toBeTruthy();
  });

  it.each([
    ['sms', /^sms/i, /code sent to \+1 555 010 4242/i],
    ['voice', /voice call/i, /calling \+1 555 010 4242/i],
  ] as const)('enrolls %s: phone number with country code, code from the outbox pasted with a space', async (factor, option, sent) => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} />, { scenario: 'otp-only' });
    await chooseFactor(user, option);
    expect(screen.getByRole('combobox', { name: /country code/i })).toHaveProperty('value', 'US');
    await expectNoAxeViolations();
    await user.type(screen.getByRole('textbox', { name: /phone number/i }), '(555) 010-4242');
    await user.click(screen.getByRole('button', { name: /send code/i }));
    expect(await screen.findByText(sent)).toBeTruthy();
    expect(emulator.outbox().at(-1)).toMatchObject({ channel: factor, to: '+15550104242' });
    await expectNoAxeViolations();
    const code = emulator.lastCode('+15550104242')!;
    await user.click(await codeInput());
    await user.paste(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(await codeInput()).toHaveProperty('value', code);
    await user.keyboard('{Enter}');
    expect(await heading(/two-factor method added/i)).toBeTruthy();
    expect(emulator.authenticators().some((a) => a.active && a.oob_channel === factor)).toBe(true);
  });

  it('accepts an international number with "Other (type +code)" and a pasted "123-456"', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['sms']} />, { scenario: 'otp-only' });
    expect(await heading(/add sms/i)).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: /country code/i }), 'Other (type +code)');
    await user.type(screen.getByRole('textbox', { name: /phone number/i }), '+44 7700 900123{Enter}');
    expect(await screen.findByText(/code sent to \+44 770 090 0123/i)).toBeTruthy();
    const code = emulator.lastCode('+447700900123')!;
    await user.click(await codeInput());
    await user.paste(`${code.slice(0, 3)}-${code.slice(3)}`);
    await user.keyboard('{Enter}');
    expect(await heading(/two-factor method added/i)).toBeTruthy();
  });

  it('enrolls an email address, and the account email when left empty', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['email']} />, { scenario: 'otp-only' });
    const input = await screen.findByRole('textbox', { name: /email address/i });
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    await expectNoAxeViolations();
    await user.type(input, 'ada.work@example.com{Enter}');
    expect(await screen.findByText('Code sent to ada.work@example.com')).toBeTruthy();
    await user.type(await codeInput(), `${emulator.lastCode('ada.work@example.com')}{Enter}`);
    expect(await heading(/two-factor method added/i)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /done/i }));
    await user.click(await screen.findByRole('button', { name: /send code/i }));
    expect(await screen.findByText('Code sent to your account’s email address')).toBeTruthy();
    expect(emulator.outbox().at(-1)?.to).toBe('ada@example.com');
  });

  it('checks the email address before sending', async () => {
    const { user, count } = renderWithMfa(<EnrollmentWizard {...opts} factors={['email']} />, { scenario: 'otp-only' });
    await user.type(await screen.findByRole('textbox', { name: /email address/i }), 'ada@{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/valid email address/i);
    expect(screen.getByRole('textbox', { name: /email address/i })).toHaveProperty('value', 'ada@');
    expect(count('POST /mfa/associate')).toBe(0);
  });

  it('enrolls push: Guardian QR, live "waiting" status, approval → recovery code', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} />, { scenario: 'new-user' });
    await chooseFactor(user, /push notifications/i);
    expect(await qrCode(/qr code for the auth0 guardian app/i)).toBeTruthy();
    expect((await screen.findByText(/waiting for approval on your phone/i)).getAttribute('role')).toBe('status');
    await expectNoAxeViolations();
    act(() => emulator.approvePush());
    expect(await heading(/recovery code/i, )).toBeTruthy();
  });

  it('reports a rejected push and tries again', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} />, { scenario: 'otp-only' });
    await chooseFactor(user, /push notifications/i);
    await screen.findByText(/waiting for approval/i);
    act(() => emulator.rejectPush());
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('push_rejected');
    expect(alert.textContent).toMatch(/denied on your phone/i);
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: /try again/i }));
    await screen.findByText(/waiting for approval/i);
    act(() => emulator.approvePush());
    expect(await heading(/two-factor method added/i)).toBeTruthy();
    // The rejected enrollment was discarded, not left pending.
    expect(emulator.authenticators().filter((a) => !a.active)).toEqual([]);
  });

  it('announces a wrong code, keeps it, and accepts the right one', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['otp']} />, { scenario: 'otp-only' });
    await user.type(await codeInput(), '000000{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('That code isn’t right. Check it and try again.');
    const input = await codeInput();
    expect(input).toHaveProperty('value', '000000');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    await expectNoAxeViolations();
    await user.clear(input);
    await user.type(input, `${emulator.totp()}{Enter}`);
    expect(await heading(/two-factor method added/i)).toBeTruthy();
  });

  it('asks for 6 digits before sending', async () => {
    const { user, count } = renderWithMfa(<EnrollmentWizard {...opts} factors={['otp']} />, { scenario: 'otp-only' });
    await user.type(await codeInput(), '12a3{Enter}');
    expect(await codeInput()).toHaveProperty('value', '123');
    expect((await screen.findByRole('alert')).textContent).toMatch(/6 digits/);
    expect(count('POST /oauth/token')).toBe(0);
  });

  it('says an expired code has expired and offers a new one', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['sms']} resendCooldown={0} />, { scenario: 'otp-only' });
    await user.type(await screen.findByRole('textbox', { name: /phone number/i }), '5550104242{Enter}');
    emulator.faults.failNext(1, { status: 403, error: 'expired_token', error_description: 'oob_code is expired', match: 'POST /oauth/token' });
    await user.type(await codeInput(), `${emulator.lastCode()}{Enter}`);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('expired_code');
    expect(alert.textContent).toMatch(/expired/i);
    expect(await codeInput()).toHaveProperty('value', emulator.lastCode());
    await user.click(screen.getByRole('button', { name: /send a new code/i }));
    await waitFor(() => expect(emulator.outbox()).toHaveLength(2));
    expect(await screen.findByText(/a new code is on its way/i)).toBeTruthy();
    const input = await codeInput();
    await user.clear(input);
    await user.type(input, `${emulator.lastCode()}{Enter}`);
    expect(await heading(/two-factor method added/i)).toBeTruthy();
  });

  it('shows a rate limit with its wait, keeps the phone number, and blocks resend until then', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['sms']} resendCooldown={0} />, { scenario: 'otp-only' });
    const fault = { status: 429, error: 'too_many_requests', error_description: 'Too many SMS sent by the user.', headers: { 'Retry-After': '120' }, match: 'POST /mfa/associate' };
    emulator.faults.failNext(1, fault);
    await user.type(await screen.findByRole('textbox', { name: /phone number/i }), '5550104242{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('rate_limited');
    expect(alert.textContent).toMatch(/2 min/);
    expect(screen.getByRole('textbox', { name: /phone number/i })).toHaveProperty('value', '5550104242');
  });

  it('blocks resend until a rate limit has passed', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['sms']} resendCooldown={0} />, { scenario: 'otp-only' });
    const fault = { status: 429, error: 'too_many_requests', error_description: 'Too many SMS sent by the user.', headers: { 'Retry-After': '120' }, match: 'POST /mfa/associate' };
    await user.type(await screen.findByRole('textbox', { name: /phone number/i }), '5550104242{Enter}');
    expect(await screen.findByText(/code sent to/i)).toBeTruthy();
    emulator.faults.failNext(1, fault);
    await user.click(screen.getByRole('button', { name: /send a new code/i }));
    expect((await screen.findByRole('alert')).getAttribute('data-code')).toBe('rate_limited');
    const resend = await screen.findByRole('button', { name: /send a new code in 1[12]\d s/i });
    expect(resend.getAttribute('aria-disabled')).toBe('true');
    await user.click(resend);
    expect(emulator.outbox()).toHaveLength(1);
  });

  it('counts down to resend on the client clock', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['email']} resendCooldown={30} />, { scenario: 'otp-only' });
    await user.click(await screen.findByRole('button', { name: /send code/i }));
    const resend = await screen.findByRole('button', { name: /send a new code in (30|29) s/i });
    expect(resend.getAttribute('aria-disabled')).toBe('true');
    emulator.clock.advance(31_000);
    await waitFor(() => expect(resend.textContent).toBe('Send a new code'), { timeout: 2000 });
    expect(resend.getAttribute('aria-disabled')).toBeNull();
    await user.click(resend);
    await waitFor(() => expect(emulator.outbox()).toHaveLength(2));
  });

  it('checks the phone number before sending and keeps it', async () => {
    const { user, count } = renderWithMfa(<EnrollmentWizard {...opts} factors={['sms']} />, { scenario: 'otp-only' });
    const input = await screen.findByRole('textbox', { name: /phone number/i });
    await user.type(input, '555-0101{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Enter a valid phone number, including the country code.');
    expect(input).toHaveProperty('value', '555-0101');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(count('POST /mfa/associate')).toBe(0);
    await expectNoAxeViolations();
  });

  it('reports a network failure on start and tries again', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} />, { scenario: 'otp-only' });
    emulator.faults.failNext(1, { network: true, match: 'POST /mfa/associate' });
    await chooseFactor(user, /authenticator app/i);
    expect((await screen.findByRole('alert')).getAttribute('data-code')).toBe('network');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: /try again/i }));
    expect(await qrCode(/qr code for your authenticator app/i)).toBeTruthy();
  });

  it('reports a malformed answer', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} />, { scenario: 'otp-only' });
    emulator.faults.failNext(1, { status: 200, body: '<html>oops</html>', match: 'POST /mfa/associate' });
    await chooseFactor(user, /authenticator app/i);
    expect((await screen.findByRole('alert')).getAttribute('data-code')).toBe('invalid_response');
  });

  it('asks to verify first with a list-only token while a factor is active, without a request that must fail', async () => {
    const onStepUp = vi.fn();
    const { user, count } = renderWithMfa(<EnrollmentWizard {...opts} onStepUp={onStepUp} />, { scenario: 'otp-only', credential: 'list-only' });
    expect(await heading(/verify it’s you first/i)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /authenticator app/i })).toBeNull();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: /verify it’s you/i }));
    expect(onStepUp).toHaveBeenCalled();
    expect(count('POST /mfa/associate')).toBe(0);
  });

  it('asks to verify first when the token lacks the enroll scope', async () => {
    renderWithMfa(<EnrollmentWizard {...opts} />, { scenario: 'otp-only', credential: ['read:authenticators'] });
    expect(await heading(/verify it’s you first/i)).toBeTruthy();
  });

  it('enrolls with a list-only token while nothing is active, and still shows the recovery code', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} />, { scenario: 'new-user', credential: 'list-only' });
    await chooseFactor(user, /authenticator app/i);
    expect(await qrCode(/qr code for your authenticator app/i)).toBeTruthy();
    await user.type(await codeInput(), `${emulator.totp()}{Enter}`);
    // The factor just confirmed makes the raw mfa_token unable to enroll more: the code must show anyway.
    expect(await heading(/recovery code/i)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /verify it’s you first/i })).toBeNull();
  });

  it('cancel removes the pending enrollment and goes back to the choice', async () => {
    const onCancelled = vi.fn();
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} onCancelled={onCancelled} />, { scenario: 'otp-only' });
    await chooseFactor(user, /^sms/i);
    await user.type(screen.getByRole('textbox', { name: /phone number/i }), '5550104242{Enter}');
    await screen.findByText(/code sent to/i);
    expect(emulator.authenticators().some((a) => !a.active)).toBe(true);
    await user.click(screen.getByRole('button', { name: /cancel/i }));
    await waitFor(() => expect(onCancelled).toHaveBeenCalled());
    expect(emulator.authenticators().filter((a) => !a.active)).toEqual([]);
    expect(await heading(/add a two-factor method/i)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: /add a two-factor method/i })));
  });

  it('cancel stops a push enrollment and removes it', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['push']} />, { scenario: 'otp-only' });
    await screen.findByText(/waiting for approval/i);
    await user.click(screen.getByRole('button', { name: /cancel/i }));
    await waitFor(() => expect(emulator.authenticators().filter((a) => !a.active)).toEqual([]));
    expect(await screen.findByRole('button', { name: /start setup/i })).toBeTruthy();
  });

  it('keeps the Verify button focused and aria-disabled while pending', async () => {
    const { user, emulator } = renderWithMfa(<EnrollmentWizard {...opts} factors={['otp']} />, { scenario: 'otp-only' });
    await user.type(await codeInput(), emulator.totp());
    emulator.faults.latency(150);
    const verify = screen.getByRole('button', { name: /verify/i });
    await user.click(verify);
    await waitFor(() => expect(verify.getAttribute('data-pending')).not.toBeNull());
    expect(verify.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(verify);
    expect(await heading(/two-factor method added/i)).toBeTruthy();
  });

  it('speaks German with the provider’s messages', async () => {
    const { user } = renderWithMfa(<EnrollmentWizard {...opts} />, { scenario: 'otp-only', messages: de });
    expect(await heading(/zwei-faktor-methode hinzufügen/i)).toBeTruthy();
    await chooseFactor(user, /authenticator-app/i);
    expect(await screen.findByRole('textbox', { name: '6-stelliger Code' })).toBeTruthy();
  });

  it('throws a clear error for a part outside its Root', async () => {
    const { EnrollmentWizardTitle } = await import('../../src/components/enrollment-wizard/index.ts');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderWithMfa(<EnrollmentWizardTitle />)).toThrow('<EnrollmentWizardTitle> must be used within <EnrollmentWizardRoot>.');
    vi.restoreAllMocks();
  });

  it('opens in a dialog, with a title, and closes on cancel', async () => {
    const { user } = renderWithMfa(<EnrollmentDialog {...opts} trigger={<button type="button">Add a method</button>} />, { scenario: 'otp-only' });
    await user.click(screen.getByRole('button', { name: /add a method/i }));
    const dialog = await screen.findByRole('dialog', { name: /add a two-factor method/i });
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: /^cancel$/i }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /add a method/i }));
  });
});

describe('EnrollmentWizard parts with asChild', () => {
  it('fields: the host’s select gets the id, value, handler and options; the host’s hint describes the email input', async () => {
    const onChange = vi.fn();
    const { user } = renderWithMfa(
      <>
        <EnrollmentWizardRoot {...opts} factors={['sms']}>
          <EnrollmentWizardForm>
            <EnrollmentWizardLabel field="country" />
            <EnrollmentWizardPhoneCountry asChild>
              <select className="host-select" onChange={onChange} />
            </EnrollmentWizardPhoneCountry>
          </EnrollmentWizardForm>
        </EnrollmentWizardRoot>
        <EnrollmentWizardRoot {...opts} factors={['email']}>
          <EnrollmentWizardLabel field="email" />
          <EnrollmentWizardEmailInput />
          <EnrollmentWizardEmailHint asChild>
            <small className="host-hint">Empty means your account’s address.</small>
          </EnrollmentWizardEmailHint>
        </EnrollmentWizardRoot>
      </>,
      { scenario: 'otp-only' },
    );
    const select = screen.getByRole('combobox', { name: /country code/i }) as HTMLSelectElement;
    expect(select.className).toBe('host-select');
    expect(select.dataset.slot).toBe('mfa-enrollment-wizard-phone-country');
    expect(select.options).toHaveLength(COUNTRIES.length + 1);
    const other = COUNTRIES.map(([iso]) => iso).find((iso) => iso !== select.value)!;
    await user.selectOptions(select, other);
    expect(onChange).toHaveBeenCalledTimes(1);
    // The wizard's own handler ran too: the controlled value follows.
    expect(select.value).toBe(other);

    const hint = screen.getByText('Empty means your account’s address.');
    expect(hint.tagName).toBe('SMALL');
    expect(hint.dataset.slot).toBe('mfa-enrollment-wizard-email-hint');
    expect(hint.id).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /email address/i }).getAttribute('aria-describedby')).toContain(hint.id);
  });

  it('media: the host’s element is the push live region, and the secret label', async () => {
    const { emulator } = renderWithMfa(
      <>
        <EnrollmentWizardRoot {...opts} factors={['push']}>
          <EnrollmentWizardPushStatus asChild>
            <div className="host-status" />
          </EnrollmentWizardPushStatus>
        </EnrollmentWizardRoot>
        <EnrollmentWizardRoot {...opts} factors={['otp']}>
          <EnrollmentWizardSecretLabel asChild>
            <strong className="host-label">Key</strong>
          </EnrollmentWizardSecretLabel>
        </EnrollmentWizardRoot>
      </>,
      { scenario: 'new-user' },
    );
    const label = screen.getByText('Key');
    expect(label.tagName).toBe('STRONG');
    expect(label.dataset.slot).toBe('mfa-enrollment-wizard-secret-label');

    const status = document.querySelector<HTMLElement>('.host-status')!;
    expect(status.tagName).toBe('DIV');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.dataset.slot).toBe('mfa-enrollment-wizard-push-status');
    await waitFor(() => expect(status.dataset.state).toBe('waiting'));
    expect(status.textContent).toMatch(/waiting for approval on your phone/i);
    act(() => emulator.approvePush());
    // Still mounted (the same live region), empty once nothing is awaited.
    await waitFor(() => expect(status.dataset.state).toBe('idle'));
    expect(status.isConnected).toBe(true);
    expect(status.textContent).toBe('');
  });
});

describe('phone numbers', () => {
  it('builds E.164 from a country and what the user typed', () => {
    expect(toE164('US', '(555) 010-4242')).toBe('+15550104242');
    expect(toE164('GB', '07700 900123')).toBe('+447700900123');
    expect(toE164('IT', '06 1234 5678')).toBe('+390612345678');
    expect(toE164('DE', '0049 170 1234567')).toBe('+491701234567');
    expect(toE164('', '+81 90 1234 5678')).toBe('+819012345678');
    expect(toE164('US', '555-0101')).toBeUndefined();
    expect(toE164('', '5550104242')).toBeUndefined();
    expect(toE164('FR', 'abc')).toBeUndefined();
  });

  it('formats for display', () => {
    expect(formatPhone('+15550104242')).toBe('+1 555 010 4242');
    expect(formatPhone('+447700900123')).toBe('+44 770 090 0123');
  });
});
