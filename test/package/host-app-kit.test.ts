/**
 * Testing a host page's MFA code: the emulator behind MSW, the app's real code over the global fetch.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, createMfaClient, createRopgProvider, createStaticTokenProvider, isMfaError, type TokenProvider } from '../../src/core/index.ts';
import { createEmulator, createMswHandlers } from '../../src/emulator/index.ts';

// ── The app's code under test (in your app: imported from its own module) ──────────────────
// A page's data layer, configured for the real tenant; nothing in it knows about tests.
const AUTH0 = { domain: 'acme.eu.auth0.com', clientId: 'acme-web' };

function securityApi(tokenProvider: TokenProvider) {
  const client = createMfaClient({ ...AUTH0, tokenProvider }); // global fetch: what MSW intercepts
  return {
    client,
    async summary() {
      const { entries, pending, hasSecondFactor } = buildModel(await client.listAuthenticators());
      return { factors: entries.map((e) => e.kind), pending: pending.length, hasSecondFactor };
    },
    async errorMessage(action: () => Promise<unknown>): Promise<string | undefined> {
      try {
        await action();
        return undefined;
      } catch (error) {
        if (!isMfaError(error)) throw error;
        switch (error.code) {
          case 'rate_limited': return `Try again in ${error.retryAfter ?? 60} s`;
          case 'network': return 'You are offline';
          case 'invalid_code': return 'Wrong code';
          default: return `Something went wrong (${error.code})`;
        }
      }
    },
  };
}

// ── The test kit: one emulated tenant on the app's own domain, served through MSW ──────────
const emulator = createEmulator({ ...AUTH0, scenario: 'sms-voice', pollInterval: 20 });
const server = setupServer(...createMswHandlers(emulator, http));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  emulator.reset('sms-voice'); // a fresh tenant: seed data, outbox, log and clock offset
  emulator.faults.clear();
});
afterAll(() => server.close());

/** A credential as the host's server would mint it: an MFA API access token with all three scopes. */
const signedIn = () => createStaticTokenProvider({ accessToken: emulator.issueAccessToken().access_token });

describe('the account security page', () => {
  it('lists what the seeded user has, in as few requests as it should', async () => {
    const api = securityApi(signedIn());
    expect(await api.summary()).toEqual({ factors: ['phone'], pending: 0, hasSecondFactor: true });
    expect(emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /mfa/authenticators 200']);
  });

  it('starts from any seed scenario', async () => {
    emulator.reset('every-factor');
    expect((await securityApi(signedIn()).summary()).factors).toEqual(expect.arrayContaining(['otp', 'phone', 'push', 'email']));
    emulator.reset('new-user'); // a new tenant: tokens minted before the reset are refused
    expect(await securityApi(signedIn()).summary()).toEqual({ factors: [], pending: 0, hasSecondFactor: false });
  });

  it('enrolls an authenticator app with the current TOTP code', async () => {
    emulator.reset('new-user');
    const api = securityApi(signedIn());
    const enrollment = await api.client.associate({ factor: 'otp' });
    expect(enrollment).toMatchObject({ factor: 'otp', barcodeUri: expect.stringMatching(/^otpauth:\/\/totp\//) });
    expect(enrollment.recoveryCode).toBe(emulator.recoveryCode()); // first enrollment: show it
    await api.client.verifyOtp({ otp: emulator.totp() }); // the newest OTP, pending included
    expect((await api.summary()).factors).toEqual(['otp']);
  });

  it('enrolls an email with the code from the outbox, and shows a wrong code', async () => {
    const api = securityApi(signedIn());
    const enrollment = await api.client.associate({ factor: 'email', email: 'ada@work.example' });
    if (enrollment.factor !== 'email') throw new Error('expected an email enrollment');
    expect(emulator.outbox().at(-1)).toMatchObject({ channel: 'email', to: 'ada@work.example', purpose: 'enrollment' });
    expect(await api.errorMessage(() => api.client.verifyOob({ oobCode: enrollment.oobCode, bindingCode: '000000' }))).toBe('Wrong code');
    await api.client.verifyOob({ oobCode: enrollment.oobCode, bindingCode: emulator.lastCode('ada@work.example') ?? '' });
    expect((await api.summary()).factors).toContain('email');
  });

  it('enrolls push once the phone approves', async () => {
    const api = securityApi(signedIn());
    const enrollment = await api.client.associate({ factor: 'push' });
    if (enrollment.factor !== 'push') throw new Error('expected a push enrollment');
    // The user's phone: approve the newest pending push as soon as the page starts polling.
    await api.client.pollPush({ oobCode: enrollment.oobCode, interval: 20, onPending: () => emulator.approvePush() });
    expect((await api.summary()).factors).toContain('push');
  });

  it('steps up with an SMS code (ROPG sign-in), then removes a factor', async () => {
    const [user] = emulator.users;
    const provider = createRopgProvider({ username: user?.email, password: user?.password });
    const api = securityApi(provider);
    await api.summary(); // listing works with the list-only mfa_token
    const challenge = await provider.stepUp({ grants: api.client });
    const sms = challenge?.authenticators.find((a) => a.oob_channel === 'sms');
    await challenge?.challenge(sms?.id ?? '');
    await challenge?.verify({ bindingCode: emulator.lastCode(user?.phone) ?? '' });
    await api.client.deleteAuthenticator(sms?.id ?? ''); // removes its voice twin too
    expect(await api.summary()).toEqual({ factors: [], pending: 0, hasSecondFactor: false });
  });

  it('shows rate limits, network failures and slow answers the way users will meet them', async () => {
    const api = securityApi(signedIn());
    emulator.faults.failNext(1, { status: 429, error: 'too_many_requests', error_description: 'Slow down', headers: { 'Retry-After': '30' }, match: 'GET /mfa/authenticators' });
    expect(await api.errorMessage(() => api.summary())).toBe('Try again in 30 s');
    emulator.faults.failNext(1, { network: true });
    expect(await api.errorMessage(() => api.summary())).toBe('You are offline');
    emulator.faults.latency(50);
    const started = Date.now();
    await api.summary();
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });

  it('moves the tenant clock: a token minted 11 minutes ago is refused', async () => {
    const api = securityApi(signedIn());
    await api.summary();
    emulator.clock.advance(11 * 60_000); // Auth0's MFA tokens live 10 minutes
    // The tenant answers 401 expired_token; a static credential cannot renew, so the page must get a new one.
    expect(await api.errorMessage(() => api.summary())).toBe('Something went wrong (invalid_token)');
    expect(emulator.requests().at(-1)).toMatchObject({ status: 401, error: 'expired_token' });
  });
});
