/**
 * Failure paths of the real client over HTTP: every error row of the reference replayed through
 * the emulator's fault injection, malformed answers, network failures, aborts, rate-limit headers
 * and push polling.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MfaClient, MfaOperation } from '../../src/core/index.ts';
import type { InjectedFault } from '../../src/emulator/index.ts';
import { ROWS } from './classify-rows.ts';
import { hits, rejection, setup } from './client-helpers.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** The client call behind each operation, and the request it sends. */
const CALLS: Partial<Record<MfaOperation, { match: string; call: (client: MfaClient) => Promise<unknown> }>> = {
  list: { match: 'GET /mfa/authenticators', call: (c) => c.listAuthenticators() },
  associate: { match: 'POST /mfa/associate', call: (c) => c.associate({ factor: 'sms', phoneNumber: '+15550109167' }) },
  challenge: { match: 'POST /mfa/challenge', call: (c) => c.challenge({ mfaToken: 'Fe26.2*t' }) },
  'verify-otp': { match: 'POST /oauth/token', call: (c) => c.verifyOtp({ mfaToken: 'Fe26.2*t', otp: '123456' }) },
  'verify-oob': { match: 'POST /oauth/token', call: (c) => c.verifyOob({ mfaToken: 'Fe26.2*t', oobCode: 'Fe26.2*o', bindingCode: '123456' }) },
  'verify-recovery-code': { match: 'POST /oauth/token', call: (c) => c.verifyRecoveryCode({ mfaToken: 'Fe26.2*t', recoveryCode: 'ABCDEFGHJKLMNPQRSTUVWXYZ' }) },
  'poll-push': { match: 'POST /oauth/token', call: (c) => c.pollPush({ mfaToken: 'Fe26.2*t', oobCode: 'Fe26.2*o', interval: 1 }) },
  delete: { match: 'DELETE /mfa/authenticators', call: (c) => c.deleteAuthenticator('totp|dev_x') },
  'password-grant': { match: 'POST /oauth/token', call: (c) => c.passwordGrant({ username: 'ada@example.com', password: 'x' }) },
  'refresh-grant': { match: 'POST /oauth/token', call: (c) => c.refreshGrant({ refreshToken: 'r' }) },
};

/** The exact Auth0 answer of a row as an injected fault. */
function faultFor(status: number, body: unknown, match: string): InjectedFault {
  if (body === undefined) return { status, body: '', match };
  if (typeof body === 'string') return { status, body, headers: { 'Content-Type': 'text/html' }, match };
  const keys = Object.keys(body as object);
  const plain = keys.every((k) => k === 'error' || k === 'error_description');
  if (plain) return { status, ...(body as { error: string; error_description?: string }), match };
  return { status, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' }, match };
}

describe('every error row of the reference, over HTTP', () => {
  const replayable = ROWS.filter(([, operation, , , code]) => CALLS[operation] && !(operation === 'poll-push' && (code === 'authorization_pending' || code === 'slow_down')));

  it.each(replayable)('%s', async (_name, operation, status, body, code) => {
    const { client, emulator } = setup();
    const { match, call } = CALLS[operation]!;
    // Twice: bearer calls retry once on token errors, and the retry must see the same answer.
    emulator.faults.failNext(2, faultFor(status, body, match));
    const error = await rejection(call(client));
    expect(error.name).toBe('MfaError');
    expect(error.code).toBe(code);
    expect(error.operation).toBe(operation);
    expect(error.status).toBe(status);
    if (code === 'mfa_required') expect(error.mfaToken).toBeUndefined(); // the rows carry none; see the next test
  });

  it('mfa_required from the password grant carries the mfa_token and requirements', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, {
      status: 403,
      body: JSON.stringify({ error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'Fe26.2*abc', mfa_requirements: { challenge: [{ type: 'otp' }, { type: 'push-notification' }] } }),
      match: 'POST /oauth/token',
    });
    const error = await rejection(client.passwordGrant({ username: 'ada@example.com', password: 'correct horse battery staple' }));
    expect(error.code).toBe('mfa_required');
    expect(error.mfaToken).toBe('Fe26.2*abc');
    expect(error.mfaRequirements).toEqual({ challenge: [{ type: 'otp' }, { type: 'push-notification' }] });
    expect(JSON.stringify(error)).not.toContain('Fe26.2*abc');
  });
});

describe('the password and refresh grants against the tenant', () => {
  it('password grant: exact form body; an enrolled user gets mfa_required, then the otp grant completes it', async () => {
    const { client, emulator, sent } = setup({ emulator: { scenario: 'otp-only' } });
    const user = emulator.users[0]!;
    const error = await rejection(client.passwordGrant({ username: user.email, password: user.password }));
    expect(form(sent.at(-1)!.body)).toEqual({
      grant_type: 'password',
      username: user.email,
      password: user.password,
      audience: client.audience,
      scope: 'enroll read:authenticators remove:authenticators',
      client_id: emulator.clientId,
    });
    expect(sent.at(-1)!.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(error.code).toBe('mfa_required');
    expect(error.mfaToken).toEqual(expect.any(String));
    const tokens = await client.verifyOtp({ mfaToken: error.mfaToken!, otp: emulator.totp() });
    expect(tokens.access_token).toEqual(expect.any(String));
  });

  it('password-realm when a realm is given; wrong password is invalid_credentials', async () => {
    const { client, emulator, sent } = setup({ emulator: { scenario: 'new-user' } });
    const error = await rejection(client.passwordGrant({ username: emulator.users[0]!.email, password: 'nope', realm: 'Username-Password-Authentication', scope: 'openid' }));
    expect(form(sent.at(-1)!.body)).toMatchObject({ grant_type: 'http://auth0.com/oauth/grant-type/password-realm', realm: 'Username-Password-Authentication', scope: 'openid' });
    expect(error.code).toBe('invalid_credentials');
  });

  it('refresh grant: exact form body; an unknown refresh token needs interaction', async () => {
    const { client, emulator, sent } = setup();
    const error = await rejection(client.refreshGrant({ refreshToken: 'not-a-refresh-token', scope: 'read:authenticators' }));
    expect(form(sent.at(-1)!.body)).toEqual({ grant_type: 'refresh_token', refresh_token: 'not-a-refresh-token', scope: 'read:authenticators', client_id: emulator.clientId });
    expect(error.code).toBe('interaction_required');
  });
});

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('malformed answers are invalid_response', () => {
  const HTML = '<!DOCTYPE html><html><body><h1>Welcome to the captive portal</h1></body></html>';
  const cases: ReadonlyArray<readonly [string, MfaOperation, string]> = [
    ['an HTML page', 'list', HTML],
    ['an empty body', 'list', ''],
    ['truncated JSON', 'list', '[{"id":"totp|dev_x","authenticator_type":"otp"'],
    ['an object instead of an array', 'list', '{"authenticators":[]}'],
    ['an item without id', 'list', '[{"authenticator_type":"otp","active":true}]'],
    ['an unknown authenticator_type', 'list', '[{"id":"x|1","authenticator_type":"webauthn","active":true}]'],
    ['active as a string', 'list', '[{"id":"x|1","authenticator_type":"otp","active":"yes"}]'],
    ['an HTML page', 'associate', HTML],
    ['an empty body', 'associate', ''],
    ['an sms enrollment without oob_code', 'associate', '{"authenticator_type":"oob","oob_channel":"sms"}'],
    ['an HTML page', 'challenge', HTML],
    ['an empty body', 'challenge', ''],
    ['an oob challenge without oob_code', 'challenge', '{"challenge_type":"oob"}'],
    ['an HTML page', 'verify-otp', HTML],
    ['a token answer without access_token', 'verify-otp', '{"token_type":"Bearer","expires_in":600}'],
    ['a string expires_in', 'verify-recovery-code', '{"access_token":"a","token_type":"Bearer","expires_in":"600"}'],
    ['an empty body', 'verify-oob', ''],
    ['null', 'password-grant', 'null'],
  ];

  it.each(cases)('%s on %s', async (_name, operation, raw) => {
    const { client, emulator } = setup();
    const { match, call } = CALLS[operation]!;
    emulator.faults.failNext(1, { status: 200, body: raw, headers: { 'Content-Type': raw.startsWith('<') ? 'text/html' : 'application/json' }, match });
    const error = await rejection(call(client));
    expect(error.code).toBe('invalid_response');
    expect(error.operation).toBe(operation);
    expect(error.status).toBe(200);
    expect(hits(emulator, match)).toBe(1);
  });

  it('an HTML error page with a 4xx status is invalid_response too, a 5xx one server_error', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, { status: 400, body: HTML, match: 'GET /mfa' });
    expect((await rejection(client.listAuthenticators())).code).toBe('invalid_response');
    emulator.faults.failNext(1, { status: 502, body: HTML, match: 'GET /mfa' });
    expect((await rejection(client.listAuthenticators())).code).toBe('server_error');
  });
});

describe('network and abort', () => {
  it('a fetch rejection is network, with the cause', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, { network: true, match: 'GET /mfa' });
    const error = await rejection(client.listAuthenticators());
    expect(error.code).toBe('network');
    expect(error.operation).toBe('list');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, emulator } = setup();
    const controller = new AbortController();
    controller.abort();
    const { mfa_token } = emulator.issueMfaToken();
    expect((await rejection(client.verifyOtp({ mfaToken: mfa_token, otp: '123456', signal: controller.signal }))).code).toBe('aborted');
    expect((await rejection(client.listAuthenticators({ signal: controller.signal }))).code).toBe('aborted');
    expect(emulator.requests()).toHaveLength(0);
  });

  it('aborting an in-flight request rejects promptly with aborted', async () => {
    const { client, emulator } = setup();
    emulator.faults.latency(5_000);
    const controller = new AbortController();
    const started = Date.now();
    const pending = client.listAuthenticators({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(pending);
    expect(error.code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1_000);
    emulator.faults.latency(0);
  });
});

describe('rate limits carry retryAfter', () => {
  it('from Retry-After seconds', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, { status: 429, error: 'too_many_requests', error_description: 'Too many requests', headers: { 'Retry-After': '42' }, match: 'POST /mfa/challenge' });
    const error = await rejection(client.challenge({ mfaToken: 'Fe26.2*t' }));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfter).toBe(42);
  });

  it('from a Retry-After HTTP date', async () => {
    const { client, emulator } = setup();
    const date = new Date(emulator.clock.now() + 120_000).toUTCString();
    emulator.faults.failNext(1, { status: 429, error: 'too_many_requests', headers: { 'Retry-After': date }, match: 'POST /mfa/challenge' });
    const error = await rejection(client.challenge({ mfaToken: 'Fe26.2*t' }));
    expect(error.retryAfter).toBeGreaterThanOrEqual(118);
    expect(error.retryAfter).toBeLessThanOrEqual(120);
  });

  it('from X-RateLimit-Reset, against the client clock', async () => {
    const { client, emulator } = setup({ emulator: { now: Date.UTC(2030, 0, 1) } });
    const reset = Math.floor(emulator.clock.now() / 1000) + 360;
    emulator.faults.failNext(1, {
      status: 429,
      error: 'too_many_attempts',
      error_description: 'Too many failed codes. Wait for some minutes before retrying.',
      headers: { 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
      match: 'POST /oauth/token',
    });
    const error = await rejection(client.verifyOtp({ mfaToken: 'Fe26.2*t', otp: '123456' }));
    expect(error.code).toBe('too_many_attempts');
    expect(error.retryAfter).toBeGreaterThanOrEqual(359);
    expect(error.retryAfter).toBeLessThanOrEqual(360);
  });

  it('the tenant locks OTP after repeated failures', async () => {
    const { client, emulator } = setup({ emulator: { scenario: 'otp-only' } });
    const { mfa_token } = emulator.issueMfaToken();
    let last;
    for (let i = 0; i < 12; i += 1) {
      last = await rejection(client.verifyOtp({ mfaToken: mfa_token, otp: emulator.totp() === '000000' ? '000001' : '000000' }));
      if (last.code !== 'invalid_code') break;
    }
    expect(last?.code).toBe('too_many_attempts');
  });
});

describe('pollPush timing', () => {
  const PENDING: InjectedFault = { status: 400, error: 'authorization_pending', error_description: 'Authorization pending: please repeat the request in a few seconds.', match: 'POST /oauth/token' };
  const SLOW: InjectedFault = { status: 400, error: 'slow_down', error_description: 'You are polling faster than allowed. Try again in 10 seconds.', match: 'POST /oauth/token' };

  it('waits `interval` (default 5 s) between polls and adds 5 s on slow_down (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, emulator } = setup({ emulator: { scenario: 'push-otp' } });
    const push = emulator.authenticators().find((a) => a.oob_channel === 'auth0')!;
    const { mfa_token } = emulator.issueMfaToken();
    const { oobCode } = await client.challenge({ mfaToken: mfa_token, authenticatorId: push.id });
    emulator.faults.failNext(1, PENDING);
    emulator.faults.failNext(1, SLOW);
    emulator.faults.failNext(1, PENDING);
    const pendingCalls: number[] = [];
    const result = client.pollPush({ mfaToken: mfa_token, oobCode: oobCode!, onPending: () => pendingCalls.push(hits(emulator, 'POST /oauth/token')) });
    let settled = false;
    void result.then(() => (settled = true), () => (settled = true));

    const polls = () => hits(emulator, 'POST /oauth/token');
    await vi.advanceTimersByTimeAsync(0);
    expect(polls()).toBe(1); // immediately
    await vi.advanceTimersByTimeAsync(4_999);
    expect(polls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(polls()).toBe(2); // after the default 5 s; answered slow_down
    await vi.advanceTimersByTimeAsync(9_999);
    expect(polls()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(polls()).toBe(3); // after 10 s; answered pending
    emulator.approvePush();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(polls()).toBe(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    expect((await result).access_token).toEqual(expect.any(String));
    expect(pendingCalls).toEqual([1, 2, 3]);
  });

  it('abort while waiting clears the timer and rejects promptly, sending nothing more', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(5, PENDING);
    const controller = new AbortController();
    const started = Date.now();
    const pending = client.pollPush({ mfaToken: 'Fe26.2*t', oobCode: 'Fe26.2*o', interval: 60_000, signal: controller.signal, onPending: () => setTimeout(() => controller.abort(), 10) });
    const error = await rejection(pending);
    expect(error.code).toBe('aborted');
    expect(error.operation).toBe('poll-push');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(hits(emulator, 'POST /oauth/token')).toBe(1);
  });

  it('a terminal error ends the poll', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, PENDING);
    emulator.faults.failNext(1, { status: 401, error: 'expired_token', error_description: 'oob_code is expired', match: 'POST /oauth/token' });
    const error = await rejection(client.pollPush({ mfaToken: 'Fe26.2*t', oobCode: 'Fe26.2*o', interval: 1 }));
    expect(error.code).toBe('expired_code');
    expect(hits(emulator, 'POST /oauth/token')).toBe(2);
  });
});
