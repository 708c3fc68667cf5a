/**
 * The real client over HTTP against the real emulator. The recording fetch only observes: every
 * request still reaches the emulator, which answers it (or a fault injected in it does).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMfaClient, MfaError, GRANT, MFA_SCOPES } from '../../src/core/index.ts';
import { createEmulator } from '../../src/emulator/index.ts';
import { accessProvider, hits, mfaTokenProvider, rejection, setup } from './client-helpers.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('createMfaClient', () => {
  it('derives base URL and audience (trailing slash) from the domain', () => {
    const client = createMfaClient({ domain: 'acme.eu.auth0.com', clientId: 'c' });
    expect(client.baseUrl).toBe('https://acme.eu.auth0.com');
    expect(client.audience).toBe('https://acme.eu.auth0.com/mfa/');
    expect(client.domain).toBe('acme.eu.auth0.com');
    expect(client.clientId).toBe('c');
    expect(client.tokenProvider).toBeUndefined();
  });

  it('takes the domain from a baseUrl given alone, plain http included', () => {
    const client = createMfaClient({ baseUrl: 'http://127.0.0.1:4010/', clientId: 'c' });
    expect(client.baseUrl).toBe('http://127.0.0.1:4010');
    expect(client.domain).toBe('127.0.0.1:4010');
    expect(client.audience).toBe('https://127.0.0.1:4010/mfa/');
  });

  it('keeps an explicit domain next to a baseUrl, and tolerates a scheme in the domain', () => {
    expect(createMfaClient({ baseUrl: 'http://127.0.0.1:4010', domain: 'acme.auth0.com', clientId: 'c' }).audience).toBe('https://acme.auth0.com/mfa/');
    expect(createMfaClient({ domain: 'https://acme.auth0.com/', clientId: 'c' }).baseUrl).toBe('https://acme.auth0.com');
  });

  it('refuses to be built without a domain or a valid baseUrl', () => {
    expect(() => createMfaClient({ clientId: 'c' })).toThrow(TypeError);
    expect(() => createMfaClient({ baseUrl: 'not a url', clientId: 'c' })).toThrow(TypeError);
  });

  it('looks up globalThis.fetch at call time', async () => {
    const emulator = createEmulator();
    const client = createMfaClient({ domain: emulator.domain, clientId: emulator.clientId, tokenProvider: accessProvider(emulator) });
    vi.stubGlobal('fetch', emulator.fetch);
    expect(await client.listAuthenticators()).toEqual(emulator.authenticators());
  });

  it('asks the provider with { grants: client, now }', async () => {
    const { client, provider, emulator } = setup();
    const credential = await client.getCredential();
    expect(credential.kind).toBe('access-token');
    const [context] = (provider as ReturnType<typeof accessProvider>).contexts;
    expect(context?.grants).toBe(client);
    expect(context?.now()).toBeCloseTo(emulator.clock.now(), -3);
    expect(context?.forceRenew).toBeFalsy();
    await client.getCredential({ forceRenew: true });
    expect((provider as ReturnType<typeof accessProvider>).contexts[1]?.forceRenew).toBe(true);
  });
});

describe('listAuthenticators', () => {
  it('GETs /mfa/authenticators with the bearer token and returns what the tenant lists', async () => {
    const { client, sent, emulator } = setup();
    const list = await client.listAuthenticators();
    expect(list).toEqual(emulator.authenticators());
    expect(list.length).toBeGreaterThan(0);
    const [request] = sent;
    expect(request?.method).toBe('GET');
    expect(request?.url.href).toBe(`${emulator.baseUrl}/mfa/authenticators`);
    expect(request?.headers.get('authorization')).toMatch(/^Bearer \S+$/);
    expect(request?.body).toBe('');
  });

  it('works with a raw mfa_token', async () => {
    const { client, emulator } = setup({ provider: mfaTokenProvider });
    expect(await client.listAuthenticators()).toEqual(emulator.authenticators());
  });

  it('works whether the tenant sends `type` or not', async () => {
    const { client } = setup({ emulator: { includeType: false } });
    const list = await client.listAuthenticators();
    expect(list.every((a) => a.type === undefined)).toBe(true);
    expect(list.filter((a) => a.authenticator_type === 'oob').every((a) => a.oob_channel !== undefined)).toBe(true);
  });

  it.each([
    ['singular oob_channel', { oob_channel: 'sms' }],
    ['legacy oob_channels string', { oob_channels: 'sms' }],
    ['legacy oob_channels array', { oob_channels: ['sms'] }],
  ])('reads the channel from the %s', async (_name, channelField) => {
    const { client, emulator } = setup();
    const item = { id: 'sms|dev_WNScJzYAmuV1enCR', authenticator_type: 'oob', active: true, name: 'XXXXXXXXX9167', ...channelField };
    emulator.faults.failNext(1, { status: 200, body: JSON.stringify([item]), headers: { 'Content-Type': 'application/json' }, match: 'GET /mfa/authenticators' });
    expect(await client.listAuthenticators()).toEqual([{ id: item.id, authenticator_type: 'oob', active: true, name: 'XXXXXXXXX9167', oob_channel: 'sms' }]);
  });
});

describe('associate', () => {
  it('otp: posts exactly {authenticator_types:["otp"]} as JSON with the bearer, then confirms with the access token as mfa_token', async () => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'new-user' } });
    const association = await client.associate({ factor: 'otp' });
    expect(association).toMatchObject({ factor: 'otp', secret: expect.any(String), barcodeUri: expect.stringMatching(/^otpauth:\/\/totp\//) });
    if (association.factor !== 'otp') throw new Error('unreachable');
    // First enrollment of a new user: the recovery code comes back.
    expect(association.recoveryCode).toBe(emulator.recoveryCode());

    const request = sent.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url.href).toBe(`${emulator.baseUrl}/mfa/associate`);
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('authorization')).toMatch(/^Bearer \S+$/);
    expect(JSON.parse(request.body)).toEqual({ authenticator_types: ['otp'] });

    const pending = emulator.authenticators().find((a) => a.authenticator_type === 'otp');
    expect(pending?.active).toBe(false);
    const bearer = request.headers.get('authorization')!.slice('Bearer '.length);

    const tokens = await client.verifyOtp({ otp: emulator.totp() });
    expect(tokens.access_token).toEqual(expect.any(String));
    const grant = form(sent.at(-1)!.body);
    expect(sent.at(-1)!.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(grant).toEqual({ grant_type: GRANT.mfaOtp, mfa_token: expect.any(String), otp: expect.stringMatching(/^\d{6}$/), client_id: emulator.clientId });
    // The inline provider mints a fresh token per call; either way it is an access token, not an mfa_token.
    expect(grant.mfa_token).not.toMatch(/^Fe26/);
    expect(bearer).not.toMatch(/^Fe26/);
    expect(emulator.authenticators().find((a) => a.id === pending?.id)?.active).toBe(true);
  });

  it.each(['sms', 'voice'] as const)('%s: posts oob + channel + phone_number and confirms with the binding code', async (factor) => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'new-user' } });
    const association = await client.associate({ factor, phoneNumber: '+15550109167' });
    expect(association).toMatchObject({ factor, oobCode: expect.any(String), bindingMethod: 'prompt' });
    expect(JSON.parse(sent.at(-1)!.body)).toEqual({ authenticator_types: ['oob'], oob_channels: [factor], phone_number: '+15550109167' });
    if (association.factor !== factor) throw new Error('unreachable');

    await client.verifyOob({ oobCode: association.oobCode, bindingCode: emulator.lastCode('+15550109167')! });
    const grant = form(sent.at(-1)!.body);
    expect(grant).toMatchObject({ grant_type: GRANT.mfaOob, oob_code: association.oobCode, binding_code: expect.stringMatching(/^\d{6}$/), client_id: emulator.clientId });
    expect(emulator.authenticators().some((a) => a.oob_channel === factor && a.active)).toBe(true);
  });

  it('email: sends the address when given, omits it otherwise', async () => {
    const { client, sent } = setup({ emulator: { scenario: 'otp-only' } });
    const association = await client.associate({ factor: 'email', email: 'ada@example.com' });
    expect(association).toMatchObject({ factor: 'email', oobCode: expect.any(String), bindingMethod: 'prompt' });
    expect(JSON.parse(sent.at(-1)!.body)).toEqual({ authenticator_types: ['oob'], oob_channels: ['email'], email: 'ada@example.com' });
    await client.associate({ factor: 'email' }).catch(() => undefined);
    expect(JSON.parse(sent.at(-1)!.body)).toEqual({ authenticator_types: ['oob'], oob_channels: ['email'] });
  });

  it('a factor the tenant does not offer is feature_disabled', async () => {
    const { client } = setup({ emulator: { scenario: 'new-user' } });
    expect((await rejection(client.associate({ factor: 'email' }))).code).toBe('feature_disabled');
  });

  it('push: sends the auth0 channel, returns the QR URI, confirms by polling', async () => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'new-user' } });
    const association = await client.associate({ factor: 'push' });
    expect(JSON.parse(sent.at(-1)!.body)).toEqual({ authenticator_types: ['oob'], oob_channels: ['auth0'] });
    expect(association).toMatchObject({ factor: 'push', oobCode: expect.any(String), barcodeUri: expect.stringMatching(/^otpauth:\/\//) });
    expect(association).not.toHaveProperty('bindingMethod');
    if (association.factor !== 'push') throw new Error('unreachable');
    const onPending = vi.fn(() => emulator.approvePush());
    const tokens = await client.pollPush({ oobCode: association.oobCode, interval: 30, onPending });
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(onPending).toHaveBeenCalled();
    expect(form(sent.at(-1)!.body)).not.toHaveProperty('binding_code');
  });

  it('reports a raw mfa_token enrolling a second factor as already_enrolled', async () => {
    const { client } = setup({ emulator: { scenario: 'otp-only' }, provider: mfaTokenProvider });
    expect((await rejection(client.associate({ factor: 'otp' }))).code).toBe('already_enrolled');
  });

  it('a raw mfa_token may enroll the first factor', async () => {
    const { client } = setup({ emulator: { scenario: 'new-user' }, provider: mfaTokenProvider });
    expect((await client.associate({ factor: 'otp' })).factor).toBe('otp');
  });

  it.each([
    ['oob_channel', { oob_channel: 'sms' }],
    ['oob_channels array', { oob_channels: ['sms'] }],
    ['no channel at all', {}],
  ])('tolerates the channel as %s', async (_name, channelField) => {
    const { client, emulator } = setup();
    const answer = { authenticator_type: 'oob', binding_method: 'prompt', oob_code: 'Fe26.2*x', recovery_codes: ['MZCRK3YX5V3AKNNYY6JEBQCL'], ...channelField };
    emulator.faults.failNext(1, { status: 200, body: JSON.stringify(answer), match: 'POST /mfa/associate' });
    expect(await client.associate({ factor: 'sms', phoneNumber: '+15550109167' })).toEqual({ factor: 'sms', oobCode: 'Fe26.2*x', bindingMethod: 'prompt', recoveryCode: 'MZCRK3YX5V3AKNNYY6JEBQCL' });
  });

  it('rejects an answer of the wrong kind, or a push answer without barcode_uri', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, { status: 200, body: JSON.stringify({ authenticator_type: 'oob', oob_channel: 'sms', oob_code: 'x' }), match: 'POST /mfa/associate' });
    expect((await rejection(client.associate({ factor: 'otp' }))).code).toBe('invalid_response');
    emulator.faults.failNext(1, { status: 200, body: JSON.stringify({ authenticator_type: 'oob', oob_channel: 'auth0', oob_code: 'x' }), match: 'POST /mfa/associate' });
    expect((await rejection(client.associate({ factor: 'push' }))).code).toBe('invalid_response');
  });
});

describe('challenge and verify', () => {
  it('otp challenge: JSON body with client_id and mfa_token, no Authorization header', async () => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'otp-only' } });
    const { mfa_token } = emulator.issueMfaToken();
    expect(await client.challenge({ mfaToken: mfa_token, challengeType: 'otp' })).toEqual({ challengeType: 'otp' });
    const request = sent.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url.href).toBe(`${emulator.baseUrl}/mfa/challenge`);
    expect(request.headers.get('authorization')).toBeNull();
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ client_id: emulator.clientId, mfa_token, challenge_type: 'otp' });
  });

  it('sms challenge by authenticator id, then verify with the binding code', async () => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'sms-voice' } });
    const sms = emulator.authenticators().find((a) => a.oob_channel === 'sms' && a.active)!;
    const { mfa_token } = emulator.issueMfaToken();
    const challenge = await client.challenge({ mfaToken: mfa_token, challengeType: 'oob', authenticatorId: sms.id });
    expect(challenge).toEqual({ challengeType: 'oob', oobCode: expect.any(String), bindingMethod: 'prompt' });
    expect(JSON.parse(sent.at(-1)!.body)).toEqual({ client_id: emulator.clientId, mfa_token, challenge_type: 'oob', authenticator_id: sms.id });

    const wrong = await rejection(client.verifyOob({ mfaToken: mfa_token, oobCode: challenge.oobCode!, bindingCode: '000000' === emulator.lastCode() ? '111111' : '000000' }));
    expect(wrong.code).toBe('invalid_code');
    const tokens = await client.verifyOob({ mfaToken: mfa_token, oobCode: challenge.oobCode!, bindingCode: emulator.lastCode()! });
    expect(tokens).toMatchObject({ access_token: expect.any(String), token_type: expect.any(String), expires_in: expect.any(Number) });
    expect(form(sent.at(-1)!.body)).toEqual({ grant_type: GRANT.mfaOob, mfa_token, oob_code: challenge.oobCode, binding_code: emulator.lastCode(), client_id: emulator.clientId });
  });

  it('push challenge has no binding method; approval ends the poll', async () => {
    const { client, emulator } = setup({ emulator: { scenario: 'push-otp' } });
    const push = emulator.authenticators().find((a) => a.oob_channel === 'auth0')!;
    const { mfa_token } = emulator.issueMfaToken();
    const challenge = await client.challenge({ mfaToken: mfa_token, authenticatorId: push.id, challengeType: 'oob' });
    expect(challenge).toEqual({ challengeType: 'oob', oobCode: expect.any(String) });
    let pending = 0;
    const tokens = await client.pollPush({
      mfaToken: mfa_token,
      oobCode: challenge.oobCode!,
      interval: 25,
      onPending: () => {
        pending += 1;
        if (pending === 2) emulator.approvePush();
      },
    });
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(pending).toBe(2);
  });

  it('a rejected push ends the poll with push_rejected', async () => {
    const { client, emulator } = setup({ emulator: { scenario: 'push-otp' } });
    const push = emulator.authenticators().find((a) => a.oob_channel === 'auth0')!;
    const { mfa_token } = emulator.issueMfaToken();
    const { oobCode } = await client.challenge({ mfaToken: mfa_token, authenticatorId: push.id });
    const error = await rejection(client.pollPush({ mfaToken: mfa_token, oobCode: oobCode!, interval: 25, onPending: () => emulator.rejectPush() }));
    expect(error.code).toBe('push_rejected');
    expect(error.operation).toBe('poll-push');
  });

  it('verifyOtp: exact form body; a wrong code is invalid_code', async () => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'otp-only' } });
    const { mfa_token } = emulator.issueMfaToken();
    const current = emulator.totp();
    const wrong = String((Number(current) + 500_000) % 1_000_000).padStart(6, '0');
    const error = await rejection(client.verifyOtp({ mfaToken: mfa_token, otp: wrong }));
    expect(error.code).toBe('invalid_code');
    expect(error.operation).toBe('verify-otp');
    const tokens = await client.verifyOtp({ mfaToken: mfa_token, otp: current });
    expect(tokens.access_token).toEqual(expect.any(String));
    const request = sent.at(-1)!;
    expect(request.url.href).toBe(`${emulator.baseUrl}/oauth/token`);
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(form(request.body)).toEqual({ grant_type: GRANT.mfaOtp, mfa_token, otp: current, client_id: emulator.clientId });
  });

  it('verifyRecoveryCode returns the new recovery code', async () => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'otp-only' } });
    const { mfa_token } = emulator.issueMfaToken();
    const used = emulator.recoveryCode()!;
    const tokens = await client.verifyRecoveryCode({ mfaToken: mfa_token, recoveryCode: used });
    expect(tokens.recovery_code).toEqual(expect.any(String));
    expect(tokens.recovery_code).not.toBe(used);
    expect(tokens.recovery_code).toBe(emulator.recoveryCode());
    expect(form(sent.at(-1)!.body)).toEqual({ grant_type: GRANT.mfaRecoveryCode, mfa_token, recovery_code: used, client_id: emulator.clientId });
  });

  it('sends client_secret in challenge and token bodies when configured, never in URLs', async () => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'otp-only' }, client: { clientSecret: 's3cret' } });
    const { mfa_token } = emulator.issueMfaToken();
    await client.challenge({ mfaToken: mfa_token }).catch(() => undefined);
    expect(JSON.parse(sent.at(-1)!.body)).toMatchObject({ client_id: emulator.clientId, client_secret: 's3cret' });
    await client.verifyOtp({ mfaToken: mfa_token, otp: emulator.totp() }).catch(() => undefined);
    expect(form(sent.at(-1)!.body)).toMatchObject({ client_id: emulator.clientId, client_secret: 's3cret' });
    await client.listAuthenticators();
    expect(sent.at(-1)!.body).toBe('');
    for (const request of sent) {
      expect(request.url.search).toBe('');
      expect(request.url.href).not.toContain(mfa_token);
    }
  });

  it('defaults mfaToken to the provider credential, and invalidates it when rejected', async () => {
    const { client, sent, emulator, provider } = setup({ emulator: { scenario: 'otp-only' }, provider: mfaTokenProvider });
    await client.challenge({ challengeType: 'otp' });
    const used = (JSON.parse(sent.at(-1)!.body) as { mfa_token: string }).mfa_token;
    expect(used).toMatch(/\S/);
    emulator.faults.failNext(1, { status: 401, error: 'expired_token', error_description: 'mfa_token is expired', match: 'POST /oauth/token' });
    const error = await rejection(client.verifyOtp({ otp: emulator.totp() }));
    expect(error.code).toBe('expired_token');
    const token = form(sent.at(-1)!.body).mfa_token;
    expect((provider as ReturnType<typeof mfaTokenProvider>).invalidated).toEqual([token]);
  });
});

describe('deleteAuthenticator', () => {
  it('DELETEs the URL-encoded id with the bearer and resolves on 204', async () => {
    const { client, sent, emulator } = setup({ emulator: { scenario: 'otp-only' } });
    const otp = emulator.authenticators().find((a) => a.authenticator_type === 'otp')!;
    await expect(client.deleteAuthenticator(otp.id)).resolves.toBeUndefined();
    const request = sent.at(-1)!;
    expect(request.method).toBe('DELETE');
    expect(request.url.pathname).toBe(`/mfa/authenticators/${encodeURIComponent(otp.id)}`);
    expect(request.url.pathname).toContain('%7C');
    expect(request.headers.get('authorization')).toMatch(/^Bearer \S+$/);
    expect(emulator.authenticators().some((a) => a.id === otp.id)).toBe(false);
  });

  it('accepts a 2xx with a body', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, { status: 200, body: '{"deleted":true}', match: 'DELETE' });
    await expect(client.deleteAuthenticator('totp|dev_x')).resolves.toBeUndefined();
  });

  it('an auto-listed verified email cannot be deleted', async () => {
    const { client, emulator } = setup({ emulator: { scenario: 'email-only' } });
    const email = emulator.authenticators().find((a) => a.oob_channel === 'email')!;
    const error = await rejection(client.deleteAuthenticator(email.id));
    expect(error.code).toBe('cannot_delete');
    expect(hits(emulator, 'DELETE')).toBe(1);
  });

  it('an unknown id is not_found', async () => {
    const { client } = setup();
    const error = await rejection(client.deleteAuthenticator('totp|dev_doesnotexist0000'));
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
  });
});

describe('refusals before sending (step_up_required)', () => {
  it('a raw mfa_token cannot delete', async () => {
    const { client, emulator, sent } = setup({ provider: mfaTokenProvider });
    const error = await rejection(client.deleteAuthenticator('totp|dev_x'));
    expect(error).toBeInstanceOf(MfaError);
    expect(error.code).toBe('step_up_required');
    expect(error.operation).toBe('delete');
    expect(sent).toHaveLength(0);
    expect(emulator.requests()).toHaveLength(0);
  });

  it.each([
    ['delete', 'remove:authenticators'],
    ['list', 'read:authenticators'],
    ['associate', 'enroll'],
  ] as const)('%s needs %s on an access token', async (operation, scope) => {
    const { client, emulator } = setup({ scopes: MFA_SCOPES.filter((s) => s !== scope) });
    const call = operation === 'delete' ? client.deleteAuthenticator('totp|dev_x') : operation === 'list' ? client.listAuthenticators() : client.associate({ factor: 'otp' });
    const error = await rejection(call);
    expect(error.code).toBe('step_up_required');
    expect(error.operation).toBe(operation);
    expect(error.message).toContain(scope);
    expect(emulator.requests()).toHaveLength(0);
  });

  it('without a provider: interaction_required naming tokenProvider, nothing sent', async () => {
    const { client, emulator } = setup({ provider: () => undefined });
    for (const call of [client.listAuthenticators(), client.associate({ factor: 'otp' }), client.deleteAuthenticator('x'), client.challenge({}), client.getCredential()]) {
      const error = await rejection(call);
      expect(error.code).toBe('interaction_required');
      expect(error.message).toContain('tokenProvider');
    }
    expect(emulator.requests()).toHaveLength(0);
  });
});

describe('expired or rejected tokens: invalidate and retry exactly once', () => {
  it('a naturally expired access token is renewed once', async () => {
    const { client, emulator, provider } = setup({
      provider: (e) => {
        const minted = e.issueAccessToken({ expiresIn: 1 });
        return accessProvider(e, MFA_SCOPES, { kind: 'access-token', token: minted.access_token, scopes: MFA_SCOPES, expiresAt: e.clock.now() + 1000 });
      },
    });
    emulator.clock.advance(5_000);
    const list = await client.listAuthenticators();
    expect(list).toEqual(emulator.authenticators());
    const recording = provider as ReturnType<typeof accessProvider>;
    expect(recording.invalidated).toHaveLength(1);
    expect(recording.contexts.map((c) => Boolean(c.forceRenew))).toEqual([false, true]);
    expect(hits(emulator, 'GET /mfa/authenticators')).toBe(2);
  });

  it.each([
    [401, 'expired_token', 'mfa_token is expired', 'expired_token'],
    [403, 'expired_token', 'mfa_token is expired', 'expired_token'],
    [401, 'invalid_token', 'Invalid token', 'invalid_token'],
    [403, 'invalid_grant', 'Malformed mfa_token', 'invalid_token'],
  ] as const)('%i %s: retried once, then the second rejection is thrown', async (status, error, description, code) => {
    for (const [operation, match] of [['list', 'GET /mfa'], ['associate', 'POST /mfa/associate'], ['delete', 'DELETE']] as const) {
      const { client, emulator, provider } = setup();
      emulator.faults.failNext(1, { status, error, error_description: description, match });
      const call = () => (operation === 'list' ? client.listAuthenticators() : operation === 'associate' ? client.associate({ factor: 'otp' }) : client.deleteAuthenticator(emulator.authenticators()[0]!.id));
      await call();
      expect(hits(emulator, match)).toBe(2);
      expect((provider as ReturnType<typeof accessProvider>).invalidated).toHaveLength(1);

      emulator.clearRequests();
      emulator.faults.failNext(5, { status, error, error_description: description, match });
      const failure = await rejection(call());
      expect(failure.code).toBe(code);
      expect(failure.operation).toBe(operation);
      expect(hits(emulator, match)).toBe(2);
      emulator.faults.clear();
    }
  });

  it('other errors are not retried', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, { status: 403, error: 'insufficient_scope', error_description: 'Insufficient scope', match: 'GET /mfa' });
    expect((await rejection(client.listAuthenticators())).code).toBe('insufficient_scope');
    expect(hits(emulator, 'GET /mfa')).toBe(1);
  });
});
