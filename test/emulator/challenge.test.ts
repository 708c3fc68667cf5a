import { describe, expect, it } from 'vitest';
import { challenge, fresh, mfaToken, oobGrant, otpGrant, postForm } from './helpers.ts';

describe('POST /mfa/challenge', () => {
  it('answers otp with {challenge_type:"otp"} and sends nothing', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e);
    const res = await challenge(e, token, { challenge_type: 'otp' });
    expect(res).toMatchObject({ status: 200, body: { challenge_type: 'otp' } });
    expect(Object.keys(res.body)).toEqual(['challenge_type']);
    expect(e.outbox()).toHaveLength(0);
    expect((await otpGrant(e, token, e.totp())).status).toBe(200);
  });

  it('sends an SMS code for sms (form body too), verified with the mfa-oob grant', async () => {
    const e = fresh({ scenario: 'sms-voice' });
    const token = await mfaToken(e);
    const sms = e.authenticators().find((a) => a.oob_channel === 'sms')!;
    const res = await postForm(e, '/mfa/challenge', { client_id: e.clientId, mfa_token: token, challenge_type: 'oob', authenticator_id: sms.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ challenge_type: 'oob', oob_code: expect.stringMatching(/^Fe26\.2\*/), binding_method: 'prompt' });
    expect(e.outbox()).toEqual([expect.objectContaining({ channel: 'sms', to: '+15550109167', purpose: 'challenge' })]);
    const granted = await oobGrant(e, token, res.body.oob_code as string, e.lastCode()!);
    expect(granted.status).toBe(200);
  });

  it('sends voice and email codes', async () => {
    const e = fresh();
    const token = await mfaToken(e);
    const voice = e.authenticators().find((a) => a.oob_channel === 'voice')!;
    const email = e.authenticators().filter((a) => a.oob_channel === 'email')[1]!;
    expect((await challenge(e, token, { authenticator_id: voice.id })).body.binding_method).toBe('prompt');
    expect(e.outbox().at(-1)!.channel).toBe('voice');
    const byEmail = await challenge(e, token, { authenticator_id: email.id });
    expect(byEmail.body.binding_method).toBe('prompt');
    expect(e.outbox().at(-1)).toMatchObject({ channel: 'email', to: 'ada@example.com' });
  });

  it('expires oob codes after 5 minutes', async () => {
    const e = fresh({ scenario: 'sms-voice' });
    const token = await mfaToken(e);
    const res = await challenge(e, token, { challenge_type: 'oob' });
    e.clock.advance(5 * 60_000);
    expect(await oobGrant(e, token, res.body.oob_code as string, e.lastCode()!)).toMatchObject({ status: 401, body: { error: 'expired_token', error_description: 'oob_code is expired' } });
    expect(await oobGrant(e, token, 'Fe26.2**nope', '123456')).toMatchObject({ status: 403, body: { error: 'invalid_grant', error_description: 'Malformed oob_code' } });
  });

  it('locks binding codes after 10 failures', async () => {
    const e = fresh({ scenario: 'sms-voice' });
    const token = await mfaToken(e);
    const res = await challenge(e, token, { challenge_type: 'oob' });
    const code = e.lastCode()!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 10; i++) expect((await oobGrant(e, token, res.body.oob_code as string, wrong)).status).toBe(403);
    expect(await oobGrant(e, token, res.body.oob_code as string, code)).toMatchObject({ status: 429, body: { error: 'too_many_attempts' } });
  });

  describe('push', () => {
    it('polls: authorization_pending, slow_down when too fast, then tokens on approval', async () => {
      const e = fresh({ scenario: 'push-otp', pollInterval: 5000 });
      const token = await mfaToken(e);
      const push = e.authenticators().find((a) => a.oob_channel === 'auth0')!;
      const res = await challenge(e, token, { challenge_type: 'oob', authenticator_id: push.id });
      expect(res.body).toEqual({ challenge_type: 'oob', oob_code: expect.stringMatching(/^Fe26\.2\*/) });
      expect(e.pushRequests()).toEqual([expect.objectContaining({ status: 'pending', purpose: 'challenge', authenticatorId: push.id })]);
      const oob = res.body.oob_code as string;
      expect(await oobGrant(e, token, oob)).toMatchObject({ status: 400, body: { error: 'authorization_pending', error_description: 'Authorization pending: please repeat the request in a few seconds.' } });
      e.clock.advance(1000);
      expect(await oobGrant(e, token, oob)).toMatchObject({ status: 400, body: { error: 'slow_down' } });
      e.clock.advance(5000);
      expect((await oobGrant(e, token, oob)).body.error).toBe('authorization_pending');
      e.approvePush();
      e.clock.advance(5000);
      const ok = await oobGrant(e, token, oob);
      expect(ok.status).toBe(200);
      expect(ok.body.access_token).toEqual(expect.any(String));
    });

    it('answers access_denied "MFA Authorization rejected." when rejected', async () => {
      const e = fresh({ scenario: 'push-otp' });
      const token = await mfaToken(e);
      const res = await challenge(e, token, { challenge_type: 'oob' });
      e.rejectPush();
      expect(e.pushRequests()[0]!.status).toBe('rejected');
      expect(await oobGrant(e, token, res.body.oob_code as string)).toMatchObject({ status: 400, body: { error: 'access_denied', error_description: 'MFA Authorization rejected.' } });
    });

    it('rate-limits push notifications to 5 per minute', async () => {
      const e = fresh({ scenario: 'push-otp' });
      const token = await mfaToken(e);
      for (let i = 0; i < 5; i++) expect((await challenge(e, token, { challenge_type: 'oob' })).status).toBe(200);
      expect(await challenge(e, token, { challenge_type: 'oob' })).toMatchObject({ status: 429, body: { error: 'too_many_pn' } });
    });
  });

  describe('errors', () => {
    it('association_required when nothing is enrolled', async () => {
      const e = fresh({ scenario: 'new-user' });
      const { mfa_token } = e.issueMfaToken();
      expect(await challenge(e, mfa_token)).toMatchObject({ status: 400, body: { error: 'association_required' } });
    });

    it('unsupported_challenge_type when the user has no factor of that type', async () => {
      const e = fresh({ scenario: 'otp-only' });
      const token = await mfaToken(e);
      expect(await challenge(e, token, { challenge_type: 'oob' })).toMatchObject({ status: 400, body: { error: 'unsupported_challenge_type' } });
      expect(await challenge(e, token, { challenge_type: 'sms' })).toMatchObject({ status: 400, body: { error: 'unsupported_challenge_type' } });
      const otp = e.authenticators()[0]!;
      expect(await challenge(e, token, { challenge_type: 'oob', authenticator_id: otp.id })).toMatchObject({ status: 400, body: { error: 'unsupported_challenge_type' } });
      const rc = e.authenticators().find((a) => a.authenticator_type === 'recovery-code')!;
      expect(await challenge(e, token, { authenticator_id: rc.id })).toMatchObject({ status: 400, body: { error: 'unsupported_challenge_type' } });
      expect(await challenge(e, token, { challenge_type: 'otp oob' })).toMatchObject({ status: 200, body: { challenge_type: 'otp' } });
    });

    it('invalid_authenticator for unknown and pending authenticators', async () => {
      const e = fresh({ scenario: 'pending' });
      const token = await mfaToken(e);
      expect(await challenge(e, token, { authenticator_id: 'totp|dev_unknown000000000' })).toMatchObject({ status: 400, body: { error: 'invalid_authenticator' } });
      const pending = e.authenticators().find((a) => !a.active)!;
      expect(await challenge(e, token, { authenticator_id: pending.id })).toMatchObject({ status: 400, body: { error: 'invalid_authenticator' } });
    });

    it('rejects bad tokens and clients', async () => {
      const e = fresh({ scenario: 'otp-only' });
      expect(await challenge(e, 'garbage')).toMatchObject({ status: 403, body: { error: 'invalid_grant', error_description: 'Malformed mfa_token' } });
      const token = await mfaToken(e);
      e.clock.advance(600_000);
      expect(await challenge(e, token)).toMatchObject({ status: 401, body: { error: 'expired_token', error_description: 'mfa_token is expired' } });
      const res = await e.fetch(`${e.baseUrl}/mfa/challenge`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mfa_token: token, client_id: 'stranger' }) });
      expect(res.status).toBe(401);
    });
  });
});
