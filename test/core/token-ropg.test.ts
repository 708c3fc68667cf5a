import { describe, expect, it } from 'vitest';
import { isMfaError, type MfaError, createRopgProvider, type RopgProvider } from '../../src/core/index.ts';
import { type Emulator, createEmulator } from '../../src/emulator/index.ts';
import { USER, connect, listing, setup } from './token-helpers.ts';

async function rejection(promise: Promise<unknown>): Promise<MfaError> {
  try {
    await promise;
  } catch (error) {
    if (isMfaError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const ropg = (extra: Parameters<typeof createRopgProvider>[0] = {}) => (emulator: Emulator): RopgProvider =>
  listing(createRopgProvider({ ...USER, pushInterval: 10, now: () => emulator.clock.now(), ...extra }), emulator);

const PASSWORD = 'password';
const REFRESH = 'refresh_token';

describe('ROPG (b): password with the MFA audience', () => {
  it('hands out the mfa_token (list only) with an open challenge, then an OTP gives a token that deletes', async () => {
    const { emulator, client, provider, statuses } = setup(ropg(), { scenario: 'otp-only' });

    const listed = await client.listAuthenticators();
    expect(listed.some((a) => a.authenticator_type === 'otp' && a.active)).toBe(true);
    const state = provider.getState();
    expect(state.status).toBe('challenge-required');
    expect(state.credential?.kind).toBe('mfa-token');
    expect((await rejection(client.deleteAuthenticator(listed[0]!.id))).code).toBe('step_up_required');

    const challenge = state.challenge!;
    const otp = challenge.authenticators.find((a) => a.authenticator_type === 'otp')!;
    expect(otp).toBeDefined();
    expect(challenge.authenticators.every((a) => listed.find((l) => l.id === a.id)?.active)).toBe(true);
    const before = emulator.requests().length;
    expect(await challenge.challenge(otp.id)).toEqual({ challengeType: 'otp' });
    expect(emulator.requests().length).toBe(before); // OTP needs no challenge call

    const credential = await challenge.verify({ otp: emulator.totp(otp.id) });
    expect(credential).toMatchObject({ kind: 'access-token', scopes: ['enroll', 'read:authenticators', 'remove:authenticators'] });
    expect(provider.getState()).toMatchObject({ status: 'ready', credential: { token: credential.token } });
    expect(provider.getState().challenge).toBeUndefined();

    await client.deleteAuthenticator(otp.id);
    expect((await client.listAuthenticators()).some((a) => a.id === otp.id)).toBe(false);
    expect(statuses).toEqual(['loading', 'challenge-required', 'ready']);
  });

  it('reads the list once when signing in: the list read for the challenge answers the first list call', async () => {
    const { emulator, client } = setup(ropg(), { scenario: 'pending' });
    const gets = () => emulator.requests().filter((r) => r.method === 'GET').length;
    // Pending enrollments included: it is the whole list, not only what can be challenged.
    expect(await client.listAuthenticators()).toEqual(emulator.authenticators());
    expect(gets()).toBe(1);
    // Only once: the next call asks the tenant.
    await client.listAuthenticators();
    expect(gets()).toBe(2);
  });

  it('asks the tenant when the list read at sign-in is no longer fresh (2 s)', async () => {
    const { emulator, client, provider } = setup(ropg(), { scenario: 'otp-only' });
    await provider.getCredential({ grants: client, now: () => emulator.clock.now() });
    expect(emulator.requests().filter((r) => r.method === 'GET')).toHaveLength(1);
    emulator.clock.advance(2_000);
    await client.listAuthenticators();
    expect(emulator.requests().filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('a wrong OTP is invalid_code and the challenge stays open', async () => {
    const { emulator, client, provider } = setup(ropg(), { scenario: 'otp-only' });
    await client.listAuthenticators();
    const challenge = provider.getState().challenge!;
    const right = emulator.totp();
    const wrong = right === '000000' ? '111111' : '000000';
    expect((await rejection(challenge.verify({ otp: wrong }))).code).toBe('invalid_code');
    expect(provider.getState()).toMatchObject({ status: 'challenge-required', challenge });
    await challenge.verify({ otp: right });
    expect(provider.getState().status).toBe('ready');
  });

  it('verifies with the SMS code', async () => {
    const { emulator, provider, client } = setup(ropg(), { scenario: 'sms-voice' });
    await client.listAuthenticators();
    const challenge = provider.getState().challenge!;
    const sms = challenge.authenticators.find((a) => a.oob_channel === 'sms')!;
    expect(await challenge.challenge(sms.id)).toEqual({ challengeType: 'oob', bindingMethod: 'prompt' });
    const credential = await challenge.verify({ bindingCode: emulator.lastCode()! });
    expect(credential.kind).toBe('access-token');
  });

  it('verifies with an approved push', async () => {
    const { emulator, provider, client } = setup(ropg(), { scenario: 'push-otp' });
    await client.listAuthenticators();
    const challenge = provider.getState().challenge!;
    const push = challenge.authenticators.find((a) => a.oob_channel === 'auth0')!;
    expect(await challenge.challenge(push.id)).toEqual({ challengeType: 'oob' });
    const verified = challenge.verify({ push: true });
    setTimeout(() => emulator.approvePush(), 40);
    expect((await verified).kind).toBe('access-token');
    expect(provider.getState().status).toBe('ready');
  });

  it('cancelling stops the push poll', async () => {
    const { provider, client } = setup(ropg(), { scenario: 'push-otp' });
    await client.listAuthenticators();
    const challenge = provider.getState().challenge!;
    await challenge.challenge(challenge.authenticators.find((a) => a.oob_channel === 'auth0')!.id);
    const controller = new AbortController();
    const verified = challenge.verify({ push: true, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect((await rejection(verified)).code).toBe('aborted');
    challenge.cancel();
    expect(provider.getState()).toMatchObject({ status: 'ready', credential: { kind: 'mfa-token' } });
    expect(provider.getState().challenge).toBeUndefined();
  });

  it('a recovery code verifies, and the rotated code shows once', async () => {
    const { emulator, provider, client } = setup(ropg(), { scenario: 'otp-only' });
    await client.listAuthenticators();
    const used = emulator.recoveryCode()!;
    await provider.getState().challenge!.verify({ recoveryCode: used });
    const fresh = provider.getState().recoveryCode;
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(used);
    expect(fresh).toBe(emulator.recoveryCode());
    provider.acknowledgeRecoveryCode();
    expect(provider.getState().recoveryCode).toBeUndefined();
  });

  it('a user with no factor gets the MFA access token straight away', async () => {
    const { provider, client } = setup(ropg(), { scenario: 'new-user' });
    expect(await client.listAuthenticators()).toEqual([]);
    expect(provider.getState()).toMatchObject({ status: 'ready', credential: { kind: 'access-token' } });
  });

  it('a wrong password is invalid_credentials', async () => {
    const { client, provider } = setup(ropg({ password: 'nope' }), { scenario: 'otp-only' });
    expect((await rejection(client.listAuthenticators())).code).toBe('invalid_credentials');
    expect(provider.getState()).toMatchObject({ status: 'error', error: { code: 'invalid_credentials' } });
  });

  it('shares one password grant among 10 concurrent callers', async () => {
    const { client, grantCount } = setup(ropg(), { scenario: 'otp-only' });
    const all = await Promise.all(Array.from({ length: 10 }, () => client.getCredential()));
    expect(new Set(all.map((c) => c.token)).size).toBe(1);
    expect(grantCount(PASSWORD)).toBe(1);
  });

  it('without a refresh token, keeps the access token until it expires, then falls back to a new challenge', async () => {
    const { emulator, client, provider, grantCount } = setup(ropg(), { scenario: 'otp-only' });
    await client.listAuthenticators();
    const access = await provider.getState().challenge!.verify({ otp: emulator.totp() });
    emulator.clock.advance(570_000);
    expect((await client.getCredential()).token).toBe(access.token);
    expect(provider.getState()).toMatchObject({ status: 'challenge-required', credential: { token: access.token } });
    expect(grantCount(PASSWORD)).toBe(2);
    await client.getCredential(); // no new grant while the step-up is open
    expect(grantCount(PASSWORD)).toBe(2);
    emulator.clock.advance(31_000);
    expect((await client.getCredential()).kind).toBe('mfa-token');
    await provider.getState().challenge!.verify({ otp: emulator.totp() });
    await client.deleteAuthenticator((await client.listAuthenticators()).find((a) => a.authenticator_type === 'otp')!.id);
  });

  it('with offlineAccess, renews with the refresh token and no new challenge', async () => {
    const { emulator, client, provider, grantCount } = setup(ropg({ offlineAccess: true }), { scenario: 'otp-only' });
    await client.listAuthenticators();
    const first = await provider.getState().challenge!.verify({ otp: emulator.totp() });
    emulator.clock.advance(560_000);
    const renewed = await client.getCredential();
    expect(renewed.kind).toBe('access-token');
    expect(renewed.token).not.toBe(first.token);
    expect(grantCount(REFRESH)).toBe(1);
    expect(grantCount(PASSWORD)).toBe(1);
    expect(provider.getState().status).toBe('ready');
  });

  it('keeps the mfa_token of an open challenge to its end, so a code already sent stays usable', async () => {
    const { emulator, client, provider, grantCount } = setup(ropg(), { scenario: 'sms-voice' });
    const first = await client.getCredential();
    const challenge = provider.getState().challenge!;
    emulator.clock.advance(400_000);
    await challenge.challenge(challenge.authenticators.find((a) => a.oob_channel === 'sms')!.id);
    emulator.clock.advance(145_000); // 55 s left on the mfa_token, the SMS code is 145 s old
    expect((await client.getCredential()).token).toBe(first.token);
    expect((await client.getCredential({ forceRenew: true })).token).toBe(first.token); // a proactive force, too
    expect(grantCount(PASSWORD)).toBe(1);
    await challenge.verify({ bindingCode: emulator.lastCode()! });
    expect(provider.getState().status).toBe('ready');
  });

  it('renews the mfa_token once it expires, with a fresh challenge', async () => {
    const { emulator, client, provider, grantCount } = setup(ropg(), { scenario: 'otp-only' });
    const first = await client.getCredential();
    const stale = provider.getState().challenge;
    emulator.clock.advance(600_000);
    const second = await client.getCredential();
    expect(second.kind).toBe('mfa-token');
    expect(second.token).not.toBe(first.token);
    expect(provider.getState().challenge).not.toBe(stale);
    expect(grantCount(PASSWORD)).toBe(2);
  });
});

describe('ROPG (a): refresh token', () => {
  async function refreshTokenFor(emulator: Emulator): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'password', ...USER, client_id: emulator.clientId, audience: emulator.audience,
      scope: 'offline_access enroll read:authenticators remove:authenticators',
    });
    const mfa = (await (await emulator.fetch(`${emulator.baseUrl}/oauth/token`, { method: 'POST', body })).json()) as { mfa_token: string };
    const otp = new URLSearchParams({ grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp', mfa_token: mfa.mfa_token, otp: emulator.totp(), client_id: emulator.clientId });
    const tokens = (await (await emulator.fetch(`${emulator.baseUrl}/oauth/token`, { method: 'POST', body: otp })).json()) as { refresh_token: string };
    return tokens.refresh_token;
  }

  it('gets and renews the access token with the refresh grant; invalidate forces a renewal', async () => {
    const emulator = createEmulator({ scenario: 'otp-only' });
    const { client, provider, grantCount } = connect(emulator, createRopgProvider({ refreshToken: await refreshTokenFor(emulator) }));
    const first = await client.getCredential();
    expect(first).toMatchObject({ kind: 'access-token', scopes: ['enroll', 'read:authenticators', 'remove:authenticators'] });
    expect((await client.getCredential()).token).toBe(first.token);
    emulator.clock.advance(545_000);
    const second = await client.getCredential();
    expect(second.token).not.toBe(first.token);
    provider.invalidate(second.token);
    const third = await client.getCredential();
    expect(third.token).not.toBe(second.token);
    expect(grantCount(REFRESH)).toBe(3);
    expect(provider.getState().status).toBe('ready');
  });

  it('the client retries once with a renewed token after the server rejects one', async () => {
    const emulator = createEmulator({ scenario: 'otp-only' });
    const { client, grantCount } = connect(emulator, createRopgProvider({ refreshToken: await refreshTokenFor(emulator) }));
    await client.listAuthenticators();
    emulator.faults.failNext(1, { status: 401, error: 'invalid_token', error_description: 'The token is invalid', match: 'GET /mfa/authenticators' });
    await client.listAuthenticators();
    expect(grantCount(REFRESH)).toBe(2);
  });

  it('a dead refresh token with no password is interaction_required', async () => {
    const { client, provider } = setup((e) => createRopgProvider({ refreshToken: 'revoked', now: () => e.clock.now() }), { scenario: 'otp-only' });
    expect((await rejection(client.listAuthenticators())).code).toBe('interaction_required');
    expect(provider.getState().status).toBe('interaction-required');
  });

  it('a dead refresh token falls back to the password', async () => {
    const { client, provider } = setup(ropg({ refreshToken: 'revoked' }), { scenario: 'otp-only' });
    await client.listAuthenticators();
    expect(provider.getState().status).toBe('challenge-required');
  });
});

describe('ROPG (c): list only', () => {
  it('renews the list-only mfa_token ahead of its 10 minutes with a new password grant', async () => {
    const { emulator, client, grantCount } = setup(ropg({ listOnly: true }), { scenario: 'otp-only' });
    const first = await client.getCredential();
    emulator.clock.advance(545_000);
    const second = await client.getCredential();
    expect(second.kind).toBe('mfa-token');
    expect(second.token).not.toBe(first.token);
    expect(grantCount(PASSWORD)).toBe(2);
  });

  it('lists with the mfa_token, the client refuses delete, and stepUp opens the MFA-audience challenge', async () => {
    const { emulator, client, provider, grantCount } = setup(ropg({ listOnly: true }), { scenario: 'otp-only' });
    const listed = await client.listAuthenticators();
    expect(listed.length).toBeGreaterThan(0);
    expect(provider.getState()).toMatchObject({ status: 'ready', credential: { kind: 'mfa-token' } });
    expect(provider.getState().challenge).toBeUndefined();
    expect((await rejection(client.deleteAuthenticator(listed[0]!.id))).code).toBe('step_up_required');

    const challenge = await provider.stepUp();
    expect(challenge).toBeDefined();
    expect(provider.getState().status).toBe('challenge-required');
    expect(await provider.stepUp()).toBe(challenge); // already open
    expect(grantCount(PASSWORD)).toBe(2);
    await challenge!.verify({ otp: emulator.totp() });
    const otp = (await client.listAuthenticators()).find((a) => a.authenticator_type === 'otp')!;
    await client.deleteAuthenticator(otp.id);
  });

  it('signOut forgets everything', async () => {
    const { client, provider } = setup(ropg({ listOnly: true }), { scenario: 'otp-only' });
    await client.listAuthenticators();
    provider.signOut();
    expect(provider.getState()).toEqual({ status: 'idle' });
    expect((await rejection(client.listAuthenticators())).code).toBe('interaction_required');
  });
});

describe('ROPG without listWithToken on the grants', () => {
  it('still opens a challenge (with no list) that an OTP completes', async () => {
    const { emulator, client, provider } = setup((e) => {
      const p = createRopgProvider({ ...USER, now: () => e.clock.now() });
      return p;
    }, { scenario: 'otp-only' });
    await client.getCredential();
    const challenge = provider.getState().challenge!;
    if (!client.listWithToken) expect(challenge.authenticators).toEqual([]);
    await challenge.verify({ otp: emulator.totp() });
    expect(provider.getState().status).toBe('ready');
  });
});

