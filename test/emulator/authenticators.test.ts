import { describe, expect, it } from 'vitest';
import { GRANT } from '../../src/core/index.ts';
import { totp } from '../../src/emulator/index.ts';
import { associate, fresh, list, login, mfaToken, oobGrant, otpGrant, postForm, remove } from './helpers.ts';

describe('GET /mfa/authenticators', () => {
  it('lists the every-factor scenario with Auth0 ids, masking, singular oob_channel and type', async () => {
    const e = fresh();
    const { access_token } = e.issueAccessToken();
    const res = await list(e, access_token);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const items = res.body;
    for (const item of items) expect(item.id).toMatch(/^(totp|sms|voice|push|email|recovery-code)\|dev_[0-9A-Za-z]{16}$/);
    const byPrefix = (p: string) => items.filter((i) => (i.id as string).startsWith(`${p}|`));
    const [sms] = byPrefix('sms');
    const [voice] = byPrefix('voice');
    expect(sms).toEqual({ id: sms!.id, authenticator_type: 'oob', active: true, oob_channel: 'sms', name: 'XXXXXXXX9167', type: 'phone' });
    expect((voice!.id as string).split('|')[1]).toBe((sms!.id as string).split('|')[1]);
    expect(byPrefix('push')[0]).toMatchObject({ oob_channel: 'auth0', name: 'Pixel 8', type: 'push-notification' });
    expect(byPrefix('totp')).toHaveLength(2);
    expect(byPrefix('email').map((i) => i.name)).toEqual(['****@work********', '****@exam*******']);
    expect(byPrefix('recovery-code')[0]).toEqual({ id: expect.any(String), authenticator_type: 'recovery-code', active: true, type: 'recovery-code' });
    expect(items.some((i) => 'oob_channels' in i)).toBe(false);
    expect(e.authenticators()).toEqual(items);
  });

  it('omits type when includeType is false', async () => {
    const e = fresh({ includeType: false });
    expect(e.authenticators().some((a) => 'type' in a)).toBe(false);
  });

  it('accepts a raw mfa_token and requires read:authenticators on access tokens', async () => {
    const e = fresh({ scenario: 'otp-only' });
    expect((await list(e, await mfaToken(e))).status).toBe(200);
    const { access_token } = e.issueAccessToken({ scopes: ['enroll'] });
    expect(await list(e, access_token)).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
  });

  it('rejects missing, unknown and expired bearer tokens with 401', async () => {
    const e = fresh();
    const noAuth = await e.fetch(`${e.baseUrl}/mfa/authenticators`);
    expect(noAuth.status).toBe(401);
    expect(await list(e, 'nope')).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    const { mfa_token } = e.issueMfaToken();
    const { access_token } = e.issueAccessToken();
    e.clock.advance(600_001);
    expect(await list(e, mfa_token)).toMatchObject({ status: 401, body: { error: 'expired_token', error_description: 'mfa_token is expired' } });
    expect(await list(e, access_token)).toMatchObject({ status: 401, body: { error: 'expired_token' } });
  });

  it('shows pending enrollments as active:false and expires them after 24 hours', async () => {
    const e = fresh({ scenario: 'pending' });
    expect(e.authenticators().filter((a) => !a.active)).toHaveLength(2);
    e.clock.advance(23 * 3600_000 - 60_000);
    expect(e.authenticators().filter((a) => !a.active)).toHaveLength(2);
    e.clock.advance(3600_000);
    expect(e.authenticators().filter((a) => !a.active)).toHaveLength(0);
    expect(e.authenticators().filter((a) => a.active)).toHaveLength(2);
  });
});

describe('POST /mfa/associate', () => {
  it('enrolls OTP with a raw mfa_token on a new user, returning the recovery code once', async () => {
    const e = fresh({ scenario: 'new-user' });
    const { mfa_token } = e.issueMfaToken();
    const res = await associate(e, mfa_token, { authenticator_types: ['otp'], client_id: e.clientId, client_secret: 'ignored' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['authenticator_type', 'secret', 'barcode_uri', 'recovery_codes']);
    expect(res.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(res.body.barcode_uri).toBe(`otpauth://totp/mfa-kit:ada%40example.com?secret=${res.body.secret as string}&issuer=mfa-kit&algorithm=SHA1&digits=6&period=30`);
    expect(res.body.recovery_codes).toEqual([expect.stringMatching(/^[1-9A-HJ-NP-Z]{24}$/)]);
    expect(e.authenticators().map((a) => [a.authenticator_type, a.active])).toEqual([['otp', false], ['recovery-code', false]]);
    expect(e.totpSecret()).toBe(res.body.secret);

    // Confirm with the mfa-otp grant: the OTP and the recovery code become active.
    const confirmed = await otpGrant(e, mfa_token, totp(res.body.secret as string, e.clock.now()));
    expect(confirmed.status).toBe(200);
    expect(e.authenticators().every((a) => a.active)).toBe(true);
    expect(e.recoveryCode()).toBe((res.body.recovery_codes as string[])[0]);

    // Now the raw mfa_token can no longer enroll; an access token with `enroll` can, without a recovery code.
    expect(await associate(e, mfa_token, { authenticator_types: ['otp'] })).toMatchObject({ status: 403, body: { error: 'access_denied', error_description: 'User is already enrolled.' } });
    const { access_token } = e.issueAccessToken();
    const second = await associate(e, access_token, { authenticator_types: ['otp'] });
    expect(second.status).toBe(200);
    expect(second.body.recovery_codes).toBeUndefined();
  });

  it('returns the recovery code again while the first enrollment is unconfirmed', async () => {
    const e = fresh({ scenario: 'new-user' });
    const { mfa_token } = e.issueMfaToken();
    const a = await associate(e, mfa_token, { authenticator_types: ['otp'] });
    const b = await associate(e, mfa_token, { authenticator_types: ['otp'] });
    expect(a.body.recovery_codes).toBeDefined();
    expect(b.body.recovery_codes).toBeDefined();
    expect(e.authenticators().filter((x) => x.authenticator_type === 'recovery-code')).toHaveLength(1);
    expect(e.recoveryCode()).toBe((b.body.recovery_codes as string[])[0]);
    // Duplicates pile up.
    expect(e.authenticators().filter((x) => x.authenticator_type === 'otp')).toHaveLength(2);
  });

  it('enrolls SMS with its voice twin (same suffix), sends a code, and confirms with the binding code', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const { access_token } = e.issueAccessToken();
    const res = await associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15550109167' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['authenticator_type', 'binding_method', 'oob_channel', 'oob_code']);
    expect(res.body).toMatchObject({ authenticator_type: 'oob', binding_method: 'prompt', oob_channel: 'sms' });
    expect(res.body.oob_code).toMatch(/^Fe26\.2\*/);
    const pending = e.authenticators().filter((a) => !a.active);
    expect(pending.map((a) => a.oob_channel)).toEqual(['sms', 'voice']);
    expect(pending[0]!.id.split('|')[1]).toBe(pending[1]!.id.split('|')[1]);
    expect(e.outbox()).toEqual([expect.objectContaining({ channel: 'sms', to: '+15550109167', purpose: 'enrollment' })]);
    const code = e.lastCode('+15550109167')!;
    expect(code).toMatch(/^\d{6}$/);

    expect(await oobGrant(e, access_token, res.body.oob_code as string, code === '000000' ? '111111' : '000000'))
      .toMatchObject({ status: 403, body: { error: 'invalid_grant', error_description: 'Invalid binding_code.' } });
    expect(await oobGrant(e, access_token, res.body.oob_code as string)).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    // Confirmed with the access token in the mfa_token field (CT-107232).
    const ok = await oobGrant(e, access_token, res.body.oob_code as string, code);
    expect(ok.status).toBe(200);
    expect(e.authenticators().every((a) => a.active)).toBe(true);
    // oob_codes are single-use.
    expect((await oobGrant(e, access_token, res.body.oob_code as string, code)).status).toBe(403);
  });

  it('enrolls voice, email (defaulting to the user email) and push with the documented shapes', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const { access_token } = e.issueAccessToken();
    const voice = await associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '+447700900123' });
    expect(voice.body).toMatchObject({ oob_channel: 'voice', binding_method: 'prompt' });
    expect(e.outbox().at(-1)).toMatchObject({ channel: 'voice', to: '+447700900123' });

    const email = await associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['email'] });
    expect(email.body).toMatchObject({ authenticator_type: 'oob', oob_channel: 'email', binding_method: 'prompt' });
    expect(e.lastCode('ada@example.com')).toMatch(/^\d{6}$/);

    const push = await associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['auth0'] });
    expect(Object.keys(push.body)).toEqual(['authenticator_type', 'barcode_uri', 'oob_channel', 'oob_code']);
    expect(push.body.barcode_uri).toMatch(/^otpauth:\/\/totp\/mfa-kit:ada%40example\.com\?enrollment_tx_id=[^&]+&base_url=https%3A%2F%2F/);
    const pushItem = e.authenticators().find((a) => a.oob_channel === 'auth0')!;
    expect(pushItem).toMatchObject({ active: false });
    expect(pushItem.name).toBeUndefined();
    expect(e.pushRequests().at(-1)).toMatchObject({ status: 'pending', purpose: 'enrollment', authenticatorId: pushItem.id });

    expect((await oobGrant(e, access_token, push.body.oob_code as string)).body.error).toBe('authorization_pending');
    e.approvePush();
    e.clock.advance(5000);
    expect((await oobGrant(e, access_token, push.body.oob_code as string)).status).toBe(200);
    const after = e.authenticators().find((a) => a.id === pushItem.id)!;
    expect(after).toMatchObject({ active: true, name: 'Guardian device' });
    // Its paired TOTP (different suffix) is active too.
    const pairedOtp = e.authenticators().filter((a) => a.authenticator_type === 'otp').at(-1)!;
    expect(pairedOtp.active).toBe(true);
    expect(pairedOtp.id.split('|')[1]).not.toBe(pushItem.id.split('|')[1]);
  });

  it('accepts a form body too', async () => {
    const e = fresh({ scenario: 'new-user' });
    const { access_token } = e.issueAccessToken();
    const res = await postForm(e, '/mfa/associate', { authenticator_types: 'oob', oob_channels: 'sms', phone_number: '+15550100000' }, { Authorization: `Bearer ${access_token}` });
    expect(res.status).toBe(200);
  });

  it('validates phone numbers, parameters, scope and tenant factors', async () => {
    const e = fresh({ scenario: 'otp-only', factors: ['otp', 'sms', 'recovery-code'] });
    const { access_token } = e.issueAccessToken();
    for (const phone_number of ['5550109167', '+0123456789', '+1234', 'call me', undefined]) {
      expect(await associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number }))
        .toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'The phone number is invalid.' } });
    }
    expect(await associate(e, access_token, {})).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await associate(e, access_token, { authenticator_types: ['webauthn'] })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await associate(e, access_token, { authenticator_types: ['oob'] })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['auth0'] })).toMatchObject({ status: 403, body: { error: 'feature_disabled' } });
    // SMS without voice offered: no twin.
    await associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15550109167' });
    expect(e.authenticators().filter((a) => a.oob_channel === 'voice')).toHaveLength(0);
    const { access_token: readOnly } = e.issueAccessToken({ scopes: ['read:authenticators'] });
    expect(await associate(e, readOnly, { authenticator_types: ['otp'] })).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    const bad = await e.fetch(`${e.baseUrl}/mfa/associate`, { method: 'POST', headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' }, body: '{"authenticator_types":' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('invalid_request');
  });

  it('lets a user whose only factor is the verified email enroll with a raw mfa_token', async () => {
    const e = fresh({ scenario: 'email-only' });
    expect((await login(e)).status).toBe(200);
    const { mfa_token } = e.issueMfaToken();
    expect((await associate(e, mfa_token, { authenticator_types: ['otp'] })).status).toBe(200);
  });

  it('caps pending authenticators at 50', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const { access_token } = e.issueAccessToken();
    // Two active records + 49 pending = 51 in total: the next one is refused.
    for (let i = 0; i < 49; i++) expect((await associate(e, access_token, { authenticator_types: ['otp'] })).status).toBe(200);
    const capped = await associate(e, access_token, { authenticator_types: ['otp'] });
    expect(capped).toMatchObject({ status: 400, body: { error: 'too_many_authenticators', error_description: 'Guardian - User has created the maximum amount of authenticators' } });
    // Pending records expire after a day, which lifts the cap.
    e.clock.advance(24 * 3600_000);
    expect((await associate(e, e.issueAccessToken().access_token, { authenticator_types: ['otp'] })).status).toBe(200);
  });

  it('rate-limits SMS: 10, then one per hour, with Retry-After', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const { access_token } = e.issueAccessToken({ expiresIn: 7200 });
    const enrollSms = () => associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15550109167' });
    for (let i = 0; i < 10; i++) expect((await enrollSms()).status).toBe(200);
    const limited = await enrollSms();
    expect(limited).toMatchObject({ status: 429, body: { error: 'too_many_sms', error_description: 'Too many SMS sent by the user. Wait for some minutes before retrying.' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(limited.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    expect(e.outbox()).toHaveLength(10);
    e.clock.advance(3600_000);
    expect((await enrollSms()).status).toBe(200);
  });
});

describe('DELETE /mfa/authenticators/{id}', () => {
  it('removes with 204 and cascades to the twin (sms↔voice, push↔totp)', async () => {
    const e = fresh();
    const { access_token } = e.issueAccessToken();
    const voice = e.authenticators().find((a) => a.oob_channel === 'voice')!;
    const res = await e.fetch(`${e.baseUrl}/mfa/authenticators/${encodeURIComponent(voice.id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(e.authenticators().some((a) => a.oob_channel === 'sms' || a.oob_channel === 'voice')).toBe(false);

    const otps = e.authenticators().filter((a) => a.authenticator_type === 'otp');
    expect(otps).toHaveLength(2);
    const pairedOtp = otps[1]!;
    expect((await remove(e, access_token, pairedOtp.id)).status).toBe(204);
    expect(e.authenticators().some((a) => a.oob_channel === 'auth0')).toBe(false);
    expect(e.authenticators().filter((a) => a.authenticator_type === 'otp')).toHaveLength(1);
  });

  it('removes an explicitly enrolled email but refuses the auto-listed verified email', async () => {
    const e = fresh();
    const { access_token } = e.issueAccessToken();
    const [explicit, auto] = e.authenticators().filter((a) => a.oob_channel === 'email');
    expect(await remove(e, access_token, auto!.id)).toMatchObject({ status: 403, body: { error: 'access_denied' } });
    expect((await remove(e, access_token, explicit!.id)).status).toBe(204);
  });

  it('needs an access token with remove:authenticators; 404 for unknown ids', async () => {
    const e = fresh();
    const target = e.authenticators()[0]!.id;
    const { mfa_token } = e.issueMfaToken();
    expect(await remove(e, mfa_token, target)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    const { access_token: noRemove } = e.issueAccessToken({ scopes: ['read:authenticators', 'enroll'] });
    expect(await remove(e, noRemove, target)).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    const { access_token } = e.issueAccessToken();
    expect(await remove(e, access_token, 'totp|dev_doesnotexist0000')).toMatchObject({ status: 404, body: { error: 'invalid_authenticator', error_description: 'Authenticator not found' } });
    expect((await e.fetch(`${e.baseUrl}/mfa/authenticators/%E0%A4%A`, { method: 'DELETE', headers: { Authorization: `Bearer ${access_token}` } })).status).toBe(404);
  });

  it('a full step-up: mfa_token → challenge → OTP grant → access token that can delete', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e);
    const granted = await postForm(e, '/oauth/token', { grant_type: GRANT.mfaOtp, client_id: e.clientId, mfa_token: token, otp: e.totp() });
    const otp = e.authenticators()[0]!;
    expect((await remove(e, granted.body.access_token as string, otp.id)).status).toBe(204);
  });
});

describe('email rate limit', () => {
  it('allows 20 emails, then one per minute', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const { access_token } = e.issueAccessToken();
    const enrollEmail = () => associate(e, access_token, { authenticator_types: ['oob'], oob_channels: ['email'], email: 'ada@example.com' });
    for (let i = 0; i < 20; i++) expect((await enrollEmail()).status).toBe(200);
    const limited = await enrollEmail();
    expect(limited).toMatchObject({ status: 429, body: { error: 'too_many_emails' } });
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    e.clock.advance(60_000);
    expect((await enrollEmail()).status).toBe(200);
  });
});
