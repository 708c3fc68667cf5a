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
import type { MfaErrorCode } from '../errors.ts';
import { mfaAudience } from '../wire.ts';
import { createCachedProvider, credentialFromToken, isUsable, toTokenError, type CachedProviderOptions } from './cached.ts';
import { MFA_SCOPE, parseScopes } from './scopes.ts';
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
  /**
   * Always called with `detailedResponse: true` (matching the SDK's overload for it); a plain
   * string answer is accepted too, and no answer is an `invalid_response`.
   */
  getAccessTokenSilently(options: {
    authorizationParams: MfaAuthorizationParams;
    detailedResponse: true;
    cacheMode?: 'on' | 'off' | 'cache-only';
  }): Promise<string | SilentTokenResponse | undefined>;
  getAccessTokenWithPopup?(options: { authorizationParams: MfaAuthorizationParams }): Promise<string | undefined>;
  loginWithRedirect?(options: { authorizationParams: MfaAuthorizationParams; appState?: Record<string, unknown> }): Promise<void>;
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
  appState?: Record<string, unknown>;
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

type Rows = ReadonlyArray<readonly [RegExp, MfaErrorCode]>;

// What the SDK's `error` codes mean. Silent renewal: only the user can fix these, or the network.
const SILENT: Rows = [
  [/^(login_required|mfa_required|consent_required|interaction_required|missing_refresh_token|invalid_grant)$/, 'interaction_required'],
  [/^(timeout|TypeError)$/, 'network'],
];
// The popup: closed or denied changes nothing; blocked or timed out needs another click.
const POPUP: Rows = [
  [/^(cancelled|popup_cancelled|access_denied)$/, 'aborted'],
  [/^(timeout|popup_open|popup_blocked)$/, 'interaction_required'],
];

/** An auth0-spa-js error (`GenericError` and friends carry `error` / `error_description`) as an `MfaError`. */
function sdkError(caught: unknown, rows: Rows): MfaError {
  const { error, error_description, message } = (caught ?? {}) as { error?: unknown; error_description?: unknown; message?: unknown };
  const sdkCode = typeof error === 'string' ? error : undefined;
  // A fetch failure is a TypeError; a blocked popup is a plain Error from auth0-spa-js ("Unable to
  // open a popup … window.open returned `null`").
  const key = caught instanceof TypeError ? 'TypeError' : (sdkCode ?? (/popup/i.test(message as string) && /open|block/i.test(message as string) ? 'popup_blocked' : ''));
  const code = rows.find(([pattern]) => pattern.test(key))?.[1];
  return isMfaError(caught) || (!code && !sdkCode)
    ? toTokenError(caught)
    : new MfaError(code ?? 'unknown', 'token', process.env.NODE_ENV !== 'production' ? `token: ${code ?? 'unknown'} (${key})` : undefined, {
        error: sdkCode,
        errorDescription: typeof error_description === 'string' ? error_description : undefined,
        cause: caught,
      });
}

function toCredential(answer: string | SilentTokenResponse | undefined, now: number): AccessTokenCredential {
  const wire = typeof answer === 'string' ? { access_token: answer } : answer;
  if (typeof wire?.access_token !== 'string') {
    throw new MfaError('invalid_response', 'token', process.env.NODE_ENV !== 'production' ? 'token: invalid_response (no access token)' : undefined);
  }
  // auth0-spa-js fills `scope` with what was asked (plus openid…); the JWT says what was granted.
  return credentialFromToken({ access_token: wire.access_token, expires_in: wire.expires_in }, now, parseScopes(wire.scope));
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
  const { auth0, mode = 'popup' } = options;
  const authorizationParams: MfaAuthorizationParams = { audience: mfaAudience(options.domain), scope: options.scope ?? MFA_SCOPE };

  const cache = createCachedProvider(async ({ now, forceRenew }, current) => {
    try {
      const answer = await auth0.getAccessTokenSilently({
        authorizationParams,
        detailedResponse: true,
        // The SDK's own cache would hand back the token we are trying to replace (its leeway is
        // shorter than ours, and it cannot know the server rejected it).
        ...(forceRenew || current ? { cacheMode: 'off' as const } : {}),
      });
      return toCredential(answer, now());
    } catch (caught) {
      throw sdkError(caught, SILENT);
    }
  }, options);

  async function interact(): Promise<Credential> {
    const before = cache.getState();
    cache.update({ status: before.credential ? 'renewing' : 'loading', error: undefined });
    try {
      if (!(mode === 'redirect' ? auth0.loginWithRedirect : auth0.getAccessTokenWithPopup)) {
        throw new MfaError('invalid_request', 'token', process.env.NODE_ENV !== 'production' ? `token: the auth0 object cannot ${mode}` : undefined);
      }
      if (mode === 'redirect') {
        await auth0.loginWithRedirect!({ authorizationParams, appState: options.appState });
        // The page is navigating away; nothing to resolve to.
        return await new Promise<never>(() => {});
      }
      const credential = toCredential(await auth0.getAccessTokenWithPopup!({ authorizationParams }), cache.now());
      cache.set(credential);
      return credential;
    } catch (caught) {
      const error = sdkError(caught, POPUP);
      // A closed popup changes nothing: back to what the UI showed, with the reason attached.
      const usable = before.status === 'ready' && isUsable(before.credential, cache.now());
      cache.update({ status: usable ? 'ready' : error.code === 'aborted' || error.code === 'interaction_required' ? 'interaction-required' : 'error', error });
      throw error;
    }
  }

  return { getCredential: cache.getCredential, invalidate: cache.invalidate, getState: cache.getState, subscribe: cache.subscribe, interact, reset: cache.reset };
}
