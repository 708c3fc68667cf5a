/**
 * Universal Login: an adapter over `@auth0/auth0-react` (or `@auth0/auth0-spa-js`) that asks for
 * the MFA API audience. The kit never imports the SDK; it takes the object `useAuth0()` (or
 * `createAuth0Client()`) returns, typed by the few members it uses.
 *
 * The MFA audience always enforces MFA (Remember-browser is ignored), so silent renewal through
 * the iframe fails with `login_required` for any user with a real factor, and without
 * Multi-Resource Refresh Tokens a refresh token for another audience cannot mint one. When that
 * happens the provider reports `interaction-required`, and the UI calls `interact()` from a click.
 * See shared/reference/auth0-mfa-api.md §4.1.
 */
import { MfaError, isMfaError } from '../errors.ts';
import { mfaAudience } from '../wire.ts';
import { createCachedProvider, toTokenError, type CachedProviderOptions } from './cached.ts';
import { MFA_SCOPE, expiresAtOf, parseScopes, scopesFromJwt } from './scopes.ts';
import type { AccessTokenCredential, Credential, TokenContext, TokenProvider, TokenState } from './types.ts';

/**
 * The `authorizationParams` the provider sends. A type alias, not an interface, so it stays
 * assignable to auth0-spa-js's `AuthorizationParams` (which has an index signature).
 */
export type MfaAuthorizationParams = {
  audience: string;
  scope: string;
};

/** What `getAccessTokenSilently({ detailedResponse: true })` resolves to. */
export interface SilentTokenResponse {
  access_token: string;
  expires_in?: number;
  scope?: string;
  id_token?: string;
}

/**
 * The members of auth0-react's `useAuth0()` (or an auth0-spa-js `Auth0Client`) the provider uses.
 * Only `getAccessTokenSilently` is required; `interact()` needs the one matching `mode`.
 */
export interface Auth0Like {
  getAccessTokenSilently(options: {
    authorizationParams: MfaAuthorizationParams;
    detailedResponse?: boolean;
    cacheMode?: 'on' | 'off' | 'cache-only';
  }): Promise<string | SilentTokenResponse>;
  getAccessTokenWithPopup?(options: { authorizationParams: MfaAuthorizationParams }): Promise<string | undefined>;
  loginWithRedirect?(options: { authorizationParams: MfaAuthorizationParams; appState?: unknown }): Promise<void>;
}

/** Options of {@link createUniversalLoginProvider}. */
export interface UniversalLoginProviderOptions extends CachedProviderOptions {
  /** The SDK object: `useAuth0()` in React, or an auth0-spa-js client. */
  auth0: Auth0Like;
  /** The canonical tenant domain (not a custom domain): the audience is `https://{domain}/mfa/`. */
  domain: string;
  /**
   * Scopes to request.
   * @default 'enroll read:authenticators remove:authenticators'
   */
  scope?: string;
  /**
   * How `interact()` gets the user: a popup (stays on the page, keeps what the user typed) or a
   * full-page redirect (the host resumes from `appState` after login).
   * @default 'popup'
   */
  mode?: 'popup' | 'redirect';
  /** Passed to `loginWithRedirect` so the host can return to where the user was. */
  appState?: unknown;
}

/** A Universal Login provider: the cache plus `interact()`. */
export interface UniversalLoginProvider extends TokenProvider {
  getCredential(context: TokenContext): Promise<Credential>;
  invalidate(token: string): void;
  getState(): TokenState;
  subscribe(listener: () => void): () => void;
  /**
   * Get a token with the user's help. Call it from a click handler (browsers block popups
   * otherwise). Popup mode resolves to the new credential; redirect mode navigates away and never
   * resolves.
   */
  interact(): Promise<Credential>;
  /** Forget the credential (e.g. on sign-out). */
  reset(): void;
}

/** Errors of silent renewal that only the user can fix. */
const INTERACTION_ERRORS = new Set(['login_required', 'mfa_required', 'consent_required', 'interaction_required', 'missing_refresh_token', 'invalid_grant']);

/** The `error` / `error_description` of an auth0-spa-js error (`GenericError` and friends). */
function oauthFields(error: unknown): { error?: string; description?: string; message?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const e = error as { error?: unknown; error_description?: unknown; message?: unknown };
  return {
    error: typeof e.error === 'string' ? e.error : undefined,
    description: typeof e.error_description === 'string' ? e.error_description : undefined,
    message: typeof e.message === 'string' ? e.message : undefined,
  };
}

function silentError(caught: unknown): MfaError {
  if (isMfaError(caught)) return caught;
  const { error, description } = oauthFields(caught);
  const details = { error, errorDescription: description, cause: caught };
  if (error && INTERACTION_ERRORS.has(error)) {
    return new MfaError('interaction_required', 'token', 'Managing sign-in methods needs you to sign in again (Auth0 requires a fresh MFA check).', details);
  }
  if (error === 'timeout') return new MfaError('network', 'token', 'Silent sign-in timed out.', details);
  if (caught instanceof TypeError) return new MfaError('network', 'token', 'Could not reach Auth0.', details);
  return error ? new MfaError('unknown', 'token', undefined, details) : toTokenError(caught);
}

function popupError(caught: unknown): MfaError {
  if (isMfaError(caught)) return caught;
  const { error, description, message = '' } = oauthFields(caught);
  const details = { error, errorDescription: description, cause: caught };
  if (error === 'cancelled' || error === 'popup_cancelled') {
    return new MfaError('aborted', 'token', 'The sign-in window was closed before finishing.', details);
  }
  if (error === 'timeout') return new MfaError('interaction_required', 'token', 'The sign-in window timed out; try again.', details);
  // auth0-spa-js throws a plain Error ("Unable to open a popup … window.open returned `null`") when blocked.
  if (error === 'popup_open' || error === 'popup_blocked' || /popup/i.test(message) && /open|block/i.test(message)) {
    return new MfaError('interaction_required', 'token', 'The browser blocked the sign-in window: allow pop-ups, or start it from a button click.', details);
  }
  if (error === 'access_denied') return new MfaError('aborted', 'token', 'Sign-in was cancelled or denied.', details);
  return error ? new MfaError('unknown', 'token', undefined, details) : toTokenError(caught);
}

function toCredential(answer: string | SilentTokenResponse | undefined, now: number): AccessTokenCredential {
  if (answer === undefined || (typeof answer !== 'string' && typeof answer?.access_token !== 'string')) {
    throw new MfaError('invalid_response', 'token', 'The Auth0 SDK returned no access token.');
  }
  const token = typeof answer === 'string' ? answer : answer.access_token;
  const expiresIn = typeof answer === 'string' ? undefined : answer.expires_in;
  const scope = typeof answer === 'string' ? undefined : answer.scope;
  // auth0-spa-js fills `scope` with what was asked (plus openid…); the JWT says what was granted.
  const scopes = scopesFromJwt(token) ?? parseScopes(scope);
  return { kind: 'access-token', token, scopes, expiresAt: expiresAtOf(token, expiresIn, now) };
}

/**
 * A token provider over `@auth0/auth0-react` asking for audience `https://{domain}/mfa/` and the
 * MFA scopes. Renews silently ahead of the 10-minute expiry; when silent renewal needs the user,
 * its state goes `interaction-required` and `getCredential` throws
 * `MfaError('interaction_required')` until `interact()` (popup or redirect) succeeds.
 *
 * @example
 * ```tsx
 * // useAuth0()'s object changes with every auth state change; its methods are stable. Build the
 * // provider from them so its cache survives re-renders.
 * const { getAccessTokenSilently, getAccessTokenWithPopup, loginWithRedirect } = useAuth0()
 * const tokenProvider = useMemo(
 *   () => createUniversalLoginProvider({ auth0: { getAccessTokenSilently, getAccessTokenWithPopup, loginWithRedirect }, domain: 'tenant.eu.auth0.com' }),
 *   [getAccessTokenSilently, getAccessTokenWithPopup, loginWithRedirect],
 * )
 * // later, in the "Verify to manage" button's onClick:
 * await tokenProvider.interact()
 * ```
 */
export function createUniversalLoginProvider(options: UniversalLoginProviderOptions): UniversalLoginProvider {
  const { auth0, domain, mode = 'popup' } = options;
  const authorizationParams: MfaAuthorizationParams = { audience: mfaAudience(domain), scope: options.scope ?? MFA_SCOPE };

  const cache = createCachedProvider(
    async ({ now, forceRenew }, current) => {
      let answer: string | SilentTokenResponse;
      try {
        answer = await auth0.getAccessTokenSilently({
          authorizationParams,
          detailedResponse: true,
          // The SDK's own cache would hand back the token we are trying to replace (its leeway is
          // shorter than ours, and it cannot know the server rejected it).
          ...(forceRenew || current ? { cacheMode: 'off' as const } : {}),
        });
      } catch (caught) {
        throw silentError(caught);
      }
      return toCredential(answer, now());
    },
    options,
  );

  async function interact(): Promise<Credential> {
    const before = cache.getState();
    cache.update({ status: before.credential ? 'renewing' : 'loading', error: undefined });
    try {
      if (mode === 'redirect') {
        if (!auth0.loginWithRedirect) throw new MfaError('invalid_request', 'token', 'The auth0 object has no loginWithRedirect.');
        await auth0.loginWithRedirect({ authorizationParams, appState: options.appState });
        // The page is navigating away; nothing to resolve to.
        return await new Promise<never>(() => {});
      }
      if (!auth0.getAccessTokenWithPopup) throw new MfaError('invalid_request', 'token', 'The auth0 object has no getAccessTokenWithPopup.');
      let answer: string | undefined;
      try {
        answer = await auth0.getAccessTokenWithPopup({ authorizationParams });
      } catch (caught) {
        throw popupError(caught);
      }
      const credential = toCredential(answer, cache.now());
      cache.set(credential);
      return credential;
    } catch (caught) {
      const error = toTokenError(caught);
      // A closed popup changes nothing: back to what the UI showed, with the reason attached.
      const usable = before.status === 'ready' && before.credential !== undefined && cache.now() < before.credential.expiresAt;
      const failed = error.code === 'aborted' || error.code === 'interaction_required' ? 'interaction-required' : 'error';
      cache.update({ status: usable ? 'ready' : failed, error });
      throw error;
    }
  }

  return {
    getCredential: cache.getCredential,
    invalidate: cache.invalidate,
    getState: cache.getState,
    subscribe: cache.subscribe,
    interact,
    reset: cache.reset,
  };
}
