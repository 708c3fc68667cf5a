import { describe, expect, it } from 'vitest';
import { GRANT } from '../../src/core/index.ts';
import {
  EMAIL, MFA_SCOPE, PASSWORD, fresh, list, login, mfaToken, otpGrant, postForm, postJson, recoveryGrant, wrongCode,
} from './helpers.ts';

const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('POST /oauth/token: password grants', () => {
  it('answers 403 mfa_required with an Fe26 mfa_token and mfa_requirements built from enrolled types', async () => {
    const e = fresh({ scenario: 'sms-voice' });
    const res = await login(e);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'mfa_required', error_description: 'Multifactor authentication required' });
    expect(res.body.mfa_token).toMatch(/^Fe26\.2\*/);
    expect(res.body.mfa_requirements).toEqual({ challenge: [{ type: 'phone' }, { type: 'recovery-code' }] });
  });

  it('accepts JSON bodies and password-realm', async () => {
    const e = fresh();
    const json = await postJson(e, '/oauth/token', { grant_type: GRANT.password, username: EMAIL, password: PASSWORD, client_id: e.clientId });
    expect(json.body.error).toBe('mfa_required');
    const realm = await postForm(e, '/oauth/token', {
      grant_type: GRANT.passwordRealm, realm: 'Username-Password-Authentication', username: EMAIL, password: PASSWORD, client_id: e.clientId,
    });
    expect(realm.body.error).toBe('mfa_required');
    const badRealm = await postForm(e, '/oauth/token', { grant_type: GRANT.passwordRealm, realm: 'nope', username: EMAIL, password: PASSWORD, client_id: e.clientId });
    expect(badRealm).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('rejects wrong credentials and unknown clients', async () => {
    const e = fresh();
    expect(await login(e, { password: 'nope' })).toMatchObject({ status: 403, body: { error: 'invalid_grant', error_description: 'Wrong email or password.' } });
    expect(await login(e, { username: 'bob@example.com' })).toMatchObject({ status: 403, body: { error: 'invalid_grant' } });
    expect(await login(e, { client_id: 'someone-else' })).toMatchObject({ status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } });
    expect(await login(e, { client_id: '' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await postForm(e, '/oauth/token', { client_id: e.clientId })).toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'Missing required parameter: grant_type' } });
    expect(await postForm(e, '/oauth/token', { grant_type: 'client_credentials', client_id: e.clientId })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  });

  it('gives tokens directly to users without a non-email factor', async () => {
    for (const scenario of ['new-user', 'email-only'] as const) {
      const e = fresh({ scenario });
      const res = await login(e, { scope: `openid offline_access ${MFA_SCOPE}` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: `openid offline_access ${MFA_SCOPE}` });
      expect(res.body.id_token).toEqual(expect.any(String));
      expect(res.body.refresh_token).toEqual(expect.any(String));
      const payload = decode(res.body.access_token as string);
      expect(payload).toMatchObject({ iss: `https://${e.domain}/`, aud: e.audience, scope: `openid offline_access ${MFA_SCOPE}`, azp: e.clientId });
      expect((payload.exp as number) - (payload.iat as number)).toBe(600);
      expect((await list(e, res.body.access_token as string)).status).toBe(200);
    }
  });

  it('requires MFA without an audience too, and that token is not for the MFA API', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e, { audience: '', scope: 'openid profile' });
    const granted = await otpGrant(e, token, e.totp());
    expect(granted.status).toBe(200);
    expect(granted.body.expires_in).toBe(86_400);
    expect(await list(e, granted.body.access_token as string)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    // …while the raw mfa_token itself can list.
    expect((await list(e, token)).status).toBe(200);
  });
});

describe('POST /oauth/token: refresh_token', () => {
  it('issues a new access token, narrows scope, rejects unknown tokens', async () => {
    const e = fresh({ scenario: 'new-user' });
    const first = await login(e, { scope: `openid offline_access ${MFA_SCOPE}` });
    const refresh = first.body.refresh_token as string;
    const again = await postForm(e, '/oauth/token', { grant_type: 'refresh_token', client_id: e.clientId, refresh_token: refresh, scope: 'read:authenticators' });
    expect(again).toMatchObject({ status: 200, body: { scope: 'read:authenticators', expires_in: 600 } });
    expect(await postForm(e, '/oauth/token', { grant_type: 'refresh_token', client_id: e.clientId, refresh_token: 'nope' }))
      .toMatchObject({ status: 403, body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' } });
  });
});

describe('POST /oauth/token: mfa-otp', () => {
  it('issues tokens for the mfa_token transaction (audience and scope)', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e, { scope: `openid offline_access ${MFA_SCOPE}` });
    const res = await otpGrant(e, token, e.totp());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: `openid offline_access ${MFA_SCOPE}` });
    expect(res.body.refresh_token).toEqual(expect.any(String));
    expect(decode(res.body.access_token as string).aud).toBe(e.audience);
  });

  it('accepts JSON, ignores audience/scope in the body', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e);
    const res = await postJson(e, '/oauth/token', { grant_type: GRANT.mfaOtp, client_id: e.clientId, mfa_token: token, otp: e.totp(), audience: 'https://other/', scope: 'x' });
    expect(res.status).toBe(200);
    expect(decode(res.body.access_token as string).aud).toBe(e.audience);
  });

  it('accepts the previous 30 s step but not older, and each code only once', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e);
    const code = e.totp();
    e.clock.advance(30_000);
    expect((await otpGrant(e, token, code)).status).toBe(200);
    expect(await otpGrant(e, token, code)).toMatchObject({ status: 403, body: { error: 'invalid_grant', error_description: 'Invalid otp_code.' } });
    const old = e.totp();
    e.clock.advance(60_000);
    expect(await otpGrant(e, token, old)).toMatchObject({ status: 403, body: { error_description: 'Invalid otp_code.' } });
  });

  it('locks after 10 failures (correct codes too), refilling one per 6 minutes', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e);
    for (let i = 0; i < 10; i++) expect((await otpGrant(e, token, wrongCode(e))).status).toBe(403);
    const locked = await otpGrant(e, token, e.totp());
    expect(locked).toMatchObject({ status: 429, body: { error: 'too_many_attempts', error_description: 'Too many failed codes. Wait for some minutes before retrying.' } });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('x-ratelimit-reset'))).toBeGreaterThan(e.clock.now() / 1000);
    e.clock.advance(6 * 60_000);
    const token2 = await mfaToken(e);
    expect((await otpGrant(e, token2, e.totp())).status).toBe(200);
  });

  it('rejects malformed, expired and foreign mfa_tokens', async () => {
    const e = fresh({ scenario: 'otp-only' });
    expect(await otpGrant(e, 'Fe26.2**garbage', '123456')).toMatchObject({ status: 403, body: { error: 'invalid_grant', error_description: 'Malformed mfa_token' } });
    const token = await mfaToken(e);
    const foreign = await postForm(e, '/oauth/token', { grant_type: GRANT.mfaOtp, client_id: 'other', mfa_token: token, otp: e.totp() });
    expect(foreign.status).toBe(401);
    e.clock.advance(10 * 60_000 + 1);
    expect(await otpGrant(e, token, e.totp())).toMatchObject({ status: 401, body: { error: 'expired_token', error_description: 'mfa_token is expired' } });
    expect(await postForm(e, '/oauth/token', { grant_type: GRANT.mfaOtp, client_id: e.clientId, otp: '1' })).toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'Missing required parameter: mfa_token' } });
  });
});

describe('POST /oauth/token: mfa-recovery-code', () => {
  it('rotates the code and returns it', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const code = e.recoveryCode()!;
    expect(code).toMatch(/^[1-9A-HJ-NP-Z]{24}$/);
    const token = await mfaToken(e);
    const res = await recoveryGrant(e, token, code.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.body.recovery_code).toMatch(/^[1-9A-HJ-NP-Z]{24}$/);
    expect(res.body.recovery_code).not.toBe(code);
    expect(e.recoveryCode()).toBe(res.body.recovery_code);
    expect(await recoveryGrant(e, token, code)).toMatchObject({ status: 403, body: { error: 'invalid_grant', error_description: 'Invalid recovery_code.' } });
  });

  it('locks after 10 wrong recovery codes', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e);
    for (let i = 0; i < 10; i++) await recoveryGrant(e, token, 'WRONG');
    expect(await recoveryGrant(e, token, e.recoveryCode()!)).toMatchObject({ status: 429, body: { error: 'too_many_attempts' } });
  });
});
