import { describe, expect, it } from 'vitest';
import {
  isMfaError,
  type MfaError,
  createUniversalLoginProvider,
  type Auth0Like,
  type MfaAuthorizationParams,
} from '../../src/core/index.ts';
import type { Emulator } from '../../src/emulator/index.ts';
import { setup } from './token-helpers.ts';

async function rejection(promise: Promise<unknown>): Promise<MfaError> {
  try {
    await promise;
  } catch (error) {
    if (isMfaError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** An auth0-spa-js style error: `.error` and `.error_description`. */
function oauthError(error: string, description = error): Error {
  return Object.assign(new Error(description), { error, error_description: description });
}

/** Shaped like `useAuth0()`: each method mints a real token from the emulator, or fails as told. */
function fakeAuth0(emulator: Emulator, answer: 'detailed' | 'string' = 'detailed') {
  const calls: Array<{ method: string; options: unknown }> = [];
  const fake = {
    calls,
    silentFailure: undefined as Error | undefined,
    popupFailure: undefined as Error | undefined,
    async getAccessTokenSilently(options: { authorizationParams: MfaAuthorizationParams; detailedResponse?: boolean; cacheMode?: string }) {
      calls.push({ method: 'silent', options });
      if (fake.silentFailure) throw fake.silentFailure;
      const minted = emulator.issueAccessToken();
      // auth0-spa-js reports the scopes it asked for, OIDC ones included.
      return answer === 'detailed' && options.detailedResponse ? { access_token: minted.access_token, expires_in: minted.expires_in, scope: `openid profile ${minted.scope}` } : minted.access_token;
    },
    async getAccessTokenWithPopup(options: { authorizationParams: MfaAuthorizationParams }) {
      calls.push({ method: 'popup', options });
      if (fake.popupFailure) throw fake.popupFailure;
      // The user signed in and passed MFA: silent renewal works again.
      fake.silentFailure = undefined;
      return emulator.issueAccessToken().access_token;
    },
    async loginWithRedirect(options: { authorizationParams: MfaAuthorizationParams; appState?: unknown }) {
      calls.push({ method: 'redirect', options });
    },
  };
  return fake;
}

function ul(mode: 'popup' | 'redirect' = 'popup', answer: 'detailed' | 'string' = 'detailed') {
  let auth0!: ReturnType<typeof fakeAuth0>;
  const fixture = setup(
    (emulator) => {
      auth0 = fakeAuth0(emulator, answer);
      return createUniversalLoginProvider({ auth0, domain: emulator.domain, mode, appState: { returnTo: '/security' }, now: () => emulator.clock.now() });
    },
    { scenario: 'every-factor' },
  );
  return { ...fixture, auth0 };
}

describe('createUniversalLoginProvider', () => {
  it('asks silently for the MFA audience and scopes; the token lists and deletes', async () => {
    const { client, provider, auth0, emulator, statuses } = ul();
    const list = await client.listAuthenticators();
    expect(auth0.calls[0]).toEqual({
      method: 'silent',
      options: { authorizationParams: { audience: `https://${emulator.domain}/mfa/`, scope: 'enroll read:authenticators remove:authenticators' }, detailedResponse: true },
    });
    expect(provider.getState().credential).toMatchObject({ kind: 'access-token', scopes: ['enroll', 'read:authenticators', 'remove:authenticators'] });
    const otp = list.find((a) => a.id.startsWith('totp|') && a.active)!;
    await client.deleteAuthenticator(otp.id);
    expect(statuses).toEqual(['loading', 'ready']);
  });

  it('tolerates a plain string answer (scopes from the JWT)', async () => {
    const { client, provider } = ul('popup', 'string');
    await client.getCredential();
    expect(provider.getState().credential).toMatchObject({ scopes: ['enroll', 'read:authenticators', 'remove:authenticators'] });
  });

  it('renews ahead of expiry, bypassing the SDK cache', async () => {
    const { client, auth0, emulator } = ul();
    const first = await client.getCredential();
    emulator.clock.advance(545_000);
    const second = await client.getCredential();
    expect(second.token).not.toBe(first.token);
    expect(auth0.calls).toHaveLength(2);
    expect(auth0.calls[1]!.options).toMatchObject({ cacheMode: 'off' });
  });

  it('login_required → interaction-required; interact() via the popup → ready', async () => {
    const { client, provider, auth0 } = ul();
    auth0.silentFailure = oauthError('login_required', 'Multifactor authentication required');
    const error = await rejection(client.listAuthenticators());
    expect(error).toMatchObject({ code: 'interaction_required', error: 'login_required', errorDescription: 'Multifactor authentication required' });
    expect(provider.getState()).toMatchObject({ status: 'interaction-required', error: { code: 'interaction_required' } });

    const credential = await provider.interact();
    expect(auth0.calls.at(-1)).toMatchObject({ method: 'popup', options: { authorizationParams: { audience: expect.stringMatching(/\/mfa\/$/) } } });
    expect(provider.getState()).toMatchObject({ status: 'ready', credential: { token: credential.token } });
    expect((await client.getCredential()).token).toBe(credential.token);
    await client.listAuthenticators();
  });

  it.each(['mfa_required', 'consent_required', 'interaction_required', 'missing_refresh_token'])('%s is interaction_required', async (code) => {
    const { client, auth0 } = ul();
    auth0.silentFailure = oauthError(code);
    expect((await rejection(client.getCredential())).code).toBe('interaction_required');
  });

  it('keeps the valid token when silent renewal needs the user, and reports it', async () => {
    const { client, provider, auth0, emulator } = ul();
    const first = await client.getCredential();
    auth0.silentFailure = oauthError('login_required');
    emulator.clock.advance(545_000);
    expect((await client.getCredential()).token).toBe(first.token);
    expect((await client.getCredential()).token).toBe(first.token);
    expect(auth0.calls.filter((c) => c.method === 'silent')).toHaveLength(2); // not retried on every call
    expect(provider.getState()).toMatchObject({ status: 'interaction-required', credential: { token: first.token } });
    emulator.clock.advance(60_000);
    expect((await rejection(client.getCredential())).code).toBe('interaction_required');
    await provider.interact();
    expect(provider.getState().status).toBe('ready');
  });

  it('a closed popup is aborted, a blocked one says so; state stays interaction-required', async () => {
    const { client, provider, auth0 } = ul();
    auth0.silentFailure = oauthError('login_required');
    await rejection(client.getCredential());
    auth0.popupFailure = oauthError('cancelled', 'Popup closed');
    expect((await rejection(provider.interact())).code).toBe('aborted');
    expect(provider.getState().status).toBe('interaction-required');
    auth0.popupFailure = new Error('Unable to open a popup for loginWithPopup - window.open returned `null`');
    const blocked = await rejection(provider.interact());
    expect(blocked.code).toBe('interaction_required');
    expect(blocked.message).toMatch(/blocked/);
    expect(provider.getState().status).toBe('interaction-required');
  });

  it('redirect mode hands appState to loginWithRedirect and does not resolve', async () => {
    const { provider, auth0 } = ul('redirect');
    const outcome = await Promise.race([provider.interact().then(() => 'resolved'), new Promise((r) => setTimeout(() => r('pending'), 30))]);
    expect(outcome).toBe('pending');
    expect(auth0.calls.at(-1)).toMatchObject({ method: 'redirect', options: { appState: { returnTo: '/security' }, authorizationParams: { scope: 'enroll read:authenticators remove:authenticators' } } });
  });

  it('accepts the overloaded getAccessTokenSilently of auth0-react', () => {
    // The shape of @auth0/auth0-react's Auth0ContextInterface members the provider uses.
    // `any` as auth0-spa-js declares it.
    interface AuthorizationParams { audience?: string; scope?: string; [key: string]: any }
    interface GetTokenSilentlyOptions { cacheMode?: 'on' | 'off' | 'cache-only'; authorizationParams?: AuthorizationParams; timeoutInSeconds?: number; detailedResponse?: boolean }
    interface Verbose { id_token: string; access_token: string; expires_in: number; scope?: string }
    interface Auth0ContextLike {
      getAccessTokenSilently: {
        (options: GetTokenSilentlyOptions & { detailedResponse: true }): Promise<Verbose>;
        (options?: GetTokenSilentlyOptions): Promise<string>;
        (options: GetTokenSilentlyOptions): Promise<Verbose | string>;
      };
      getAccessTokenWithPopup: (options?: { authorizationParams?: AuthorizationParams }, config?: { popup?: unknown }) => Promise<string | undefined>;
      loginWithRedirect: <TAppState = { returnTo?: string }>(options?: { authorizationParams?: AuthorizationParams; appState?: TAppState }) => Promise<void>;
      isAuthenticated: boolean;
    }
    // A compile-time check: `useAuth0()` must be passable as `auth0` without a cast.
    const accept = (auth0: Auth0Like): Auth0Like => auth0;
    const fromReact = {} as Auth0ContextLike;
    expect(accept(fromReact)).toBe(fromReact);
  });
});
