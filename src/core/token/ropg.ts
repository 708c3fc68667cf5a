/**
 * Resource Owner Password grant: the three ways Auth0's docs give to get an MFA credential without
 * Universal Login (shared/reference/auth0-mfa-api.md §1.1, §1.2, §1.5–1.8):
 *
 * (a) a refresh token issued for the MFA audience (`offline_access` at login) renews silently;
 * (b) username + password with the MFA audience: 200 when the user has no real factor yet, else
 *     `mfa_required` → the raw `mfa_token` (list only) right away, plus a challenge the user can
 *     answer for a full access token;
 * (c) `listOnly`: username + password without the MFA audience → `mfa_required` → the raw
 *     `mfa_token` only; `stepUp()` runs (b) when the user wants to manage.
 *
 * The password and refresh token live in this closure only, never in storage or logs.
 */
import { MfaError, isMfaError } from '../errors.ts';
import type { MfaOperation } from '../errors.ts';
import type { WireAuthenticator, WireToken } from '../wire.ts';
import { createCachedProvider, credentialFromToken, mfaTokenCredential, type Acquired, type CachedProviderOptions } from './cached.ts';
import { MFA_SCOPE, joinScopes, parseScopes } from './scopes.ts';
import type { Credential, PendingChallenge, TokenContext, TokenGrants, TokenProvider, TokenState } from './types.ts';

/** Options of {@link createRopgProvider}. Give `refreshToken`, or `username` + `password`, or both. */
export interface RopgProviderOptions extends CachedProviderOptions {
  /** (a) A refresh token issued for the MFA audience. Rotated tokens replace it in memory. Secret. */
  refreshToken?: string;
  /** (b), (c) The user's login. */
  username?: string;
  /** (b), (c) Held in memory until `signOut()`. Secret. */
  password?: string;
  /** The connection name; switches to the `password-realm` grant. */
  realm?: string;
  /**
   * (c) Start with a list-only `mfa_token` (no MFA prompt until the user wants to manage);
   * `stepUp()` then asks for the MFA audience.
   * @default false
   */
  listOnly?: boolean;
  /**
   * Ask for `offline_access` with the MFA audience, and renew with the refresh token afterwards so
   * the user answers one challenge per session instead of one every 10 minutes.
   * @default false
   */
  offlineAccess?: boolean;
  /**
   * MFA scopes to request.
   * @default 'enroll read:authenticators remove:authenticators'
   */
  scope?: string;
  /**
   * Milliseconds between push polls (Auth0 answers `slow_down` below about 5 s; each `slow_down` adds this much again).
   * @default 5000
   */
  pushInterval?: number;
  /**
   * How long an `mfa_token` is assumed to live (Auth0 does not say in the answer).
   * @default 600000
   */
  mfaTokenLifetime?: number;
}

/** What `PendingChallenge.verify` accepts. */
export type ChallengeAnswer = Parameters<PendingChallenge['verify']>[0];

/** A ROPG provider: the cache plus step-up controls. */
export interface RopgProvider extends TokenProvider {
  getCredential(context: TokenContext): Promise<Credential>;
  invalidate(token: string): void;
  getState(): TokenState;
  subscribe(listener: () => void): () => void;
  /**
   * Open (or return the open) MFA challenge for a full access token: password grant with the MFA
   * audience. Resolves to the challenge, or `undefined` when none was needed (a refresh token
   * renewed, or the user has no factor). Pass `{ grants: client }` if the client has not asked
   * for a credential yet.
   */
  stepUp(context?: Partial<TokenContext>): Promise<PendingChallenge | undefined>;
  /** The user saved the recovery code shown in `state.recoveryCode`: stop showing it. */
  acknowledgeRecoveryCode(): void;
  /** Forget the password, the refresh token and every credential. */
  signOut(): void;
}

type ListedAuthenticator = PendingChallenge['authenticators'][number];

/**
 * `GET /mfa/authenticators` with an explicit `mfa_token`, through the grants' optional
 * `listWithToken`. Without it the challenge still works for OTP and recovery codes, just with no
 * list to pick from.
 */
async function listActive(grants: TokenGrants, mfaToken: string, signal: AbortSignal | undefined): Promise<ListedAuthenticator[]> {
  if (!grants.listWithToken) return [];
  const list: WireAuthenticator[] = await grants.listWithToken({ mfaToken, signal });
  // Pending (`active: false`) authenticators cannot be challenged (reference §2.2).
  return list
    .filter((a) => a.active)
    .map((a) => {
      const item: { id: string; authenticator_type: string; oob_channel?: string; name?: string } = { id: a.id, authenticator_type: a.authenticator_type };
      if (a.oob_channel !== undefined) item.oob_channel = a.oob_channel;
      if (a.name !== undefined) item.name = a.name;
      return item;
    });
}

function aborted(operation: MfaOperation, cause?: unknown): MfaError {
  return new MfaError('aborted', operation, `${operation} was cancelled`, { cause });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(aborted('poll-push', signal.reason));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted('poll-push', signal.reason));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A token provider for apps that log users in with the Resource Owner Password grant. See the
 * module comment for the three modes. While a challenge is open, `state.status` is
 * `challenge-required`, `state.credential` the list-only `mfa_token`, and `state.challenge` the
 * {@link PendingChallenge} the UI answers.
 *
 * @example
 * ```ts
 * const tokenProvider = createRopgProvider({ username, password, offlineAccess: true })
 * const client = createMfaClient({ domain, clientId, tokenProvider })
 * await client.listAuthenticators()               // works with the raw mfa_token
 * const challenge = tokenProvider.getState().challenge
 * await challenge?.verify({ otp: '123456' })     // now delete works too
 * ```
 */
export function createRopgProvider(options: RopgProviderOptions): RopgProvider {
  const { username, realm, listOnly = false, offlineAccess = false } = options;
  let password = options.password;
  let refreshToken = options.refreshToken;
  const scope = options.scope ?? MFA_SCOPE;
  const requestedScopes = parseScopes(scope);
  const pushInterval = options.pushInterval ?? 5000;
  const lifetime = options.mfaTokenLifetime;
  // Set by stepUp(); the next acquisition asks for the MFA audience even in list-only mode.
  let stepUpRequested = false;

  const cache = createCachedProvider(acquire, options);

  function completed(wire: WireToken, now: number): Acquired {
    if (wire.refresh_token) refreshToken = wire.refresh_token;
    const result: Acquired = { credential: credentialFromToken(wire, now, requestedScopes) };
    if (wire.recovery_code) result.recoveryCode = wire.recovery_code;
    return result;
  }

  function mfaRequired(error: unknown): string | undefined {
    return isMfaError(error) && error.code === 'mfa_required' ? error.mfaToken : undefined;
  }

  function requirePassword(): { username: string; password: string } {
    if (username === undefined || password === undefined) {
      throw new MfaError('interaction_required', 'token', 'Sign in again: there is no password or refresh token to get an MFA token with.');
    }
    return { username, password };
  }

  async function withChallenge(mfaToken: string, context: TokenContext): Promise<Acquired> {
    const authenticators = await listActive(context.grants, mfaToken, context.signal);
    return {
      credential: mfaTokenCredential(mfaToken, context.now(), lifetime),
      challenge: createChallenge(mfaToken, authenticators, context.grants),
    };
  }

  /** (a) Returns `undefined` when the refresh token is dead and a password can take over. */
  async function viaRefreshToken(token: string, context: TokenContext): Promise<Acquired | undefined> {
    try {
      const wire = await context.grants.refreshGrant({ refreshToken: token, audience: context.grants.audience, scope, signal: context.signal });
      return completed(wire, context.now());
    } catch (error) {
      const mfaToken = mfaRequired(error);
      // A tenant policy or an Action can demand MFA on refresh too (reference §1.2).
      if (mfaToken) return withChallenge(mfaToken, context);
      if (isMfaError(error) && error.code === 'interaction_required' && password !== undefined) {
        refreshToken = undefined;
        return undefined;
      }
      throw error;
    }
  }

  /** (b) */
  async function viaPasswordWithAudience(context: TokenContext): Promise<Acquired> {
    const login = requirePassword();
    try {
      const wire = await context.grants.passwordGrant({
        ...login,
        realm,
        audience: context.grants.audience,
        scope: offlineAccess ? joinScopes(scope, 'offline_access') : scope,
        signal: context.signal,
      });
      // 200 straight away: the user has no factor but email, so Auth0 asks for none (reference §2.3).
      return completed(wire, context.now());
    } catch (error) {
      const mfaToken = mfaRequired(error);
      if (mfaToken) return withChallenge(mfaToken, context);
      throw error;
    }
  }

  /** (c) */
  async function viaPasswordListOnly(context: TokenContext): Promise<Acquired> {
    const login = requirePassword();
    try {
      // An empty audience is "no audience": the plain login Auth0 guards with MFA like any other.
      await context.grants.passwordGrant({ ...login, realm, audience: '', scope: 'openid', signal: context.signal });
    } catch (error) {
      const mfaToken = mfaRequired(error);
      if (mfaToken) return { credential: mfaTokenCredential(mfaToken, context.now(), lifetime) };
      throw error;
    }
    // No MFA was asked, so the user has no factor: the MFA audience answers 200 without a challenge.
    return viaPasswordWithAudience(context);
  }

  async function acquire(context: TokenContext): Promise<Acquired> {
    const stepUp = stepUpRequested;
    stepUpRequested = false;
    if (refreshToken !== undefined) {
      const renewed = await viaRefreshToken(refreshToken, context);
      if (renewed) return renewed;
    }
    if (listOnly && !stepUp) return viaPasswordListOnly(context);
    return viaPasswordWithAudience(context);
  }

  function createChallenge(mfaToken: string, authenticators: ListedAuthenticator[], grants: TokenGrants): PendingChallenge {
    let oob: { oobCode: string; bindingMethod?: 'prompt' } | undefined;
    let polling: AbortController | undefined;

    async function pollPush(oobCode: string, signal: AbortSignal | undefined): Promise<WireToken> {
      const controller = new AbortController();
      polling = controller;
      const forward = (): void => controller.abort(signal?.reason);
      if (signal?.aborted) forward();
      signal?.addEventListener('abort', forward, { once: true });
      let interval = pushInterval;
      try {
        for (;;) {
          try {
            return await grants.verifyOob({ mfaToken, oobCode, signal: controller.signal });
          } catch (error) {
            if (!isMfaError(error) || (error.code !== 'authorization_pending' && error.code !== 'slow_down')) throw error;
            if (error.code === 'slow_down') interval += pushInterval;
          }
          await sleep(interval, controller.signal);
        }
      } finally {
        signal?.removeEventListener('abort', forward);
        if (polling === controller) polling = undefined;
      }
    }

    const challenge: PendingChallenge = {
      authenticators,

      async challenge(authenticatorId) {
        const listed = authenticators.find((a) => a.id === authenticatorId);
        // OTP codes come from the user's app and recovery codes from paper: nothing to send.
        if (listed && listed.authenticator_type !== 'oob') {
          oob = undefined;
          return { challengeType: 'otp' };
        }
        const answer = await grants.challenge({ mfaToken, authenticatorId, ...(listed ? { challengeType: 'oob' as const } : {}) });
        oob = answer.oobCode === undefined ? undefined : { oobCode: answer.oobCode, ...(answer.bindingMethod ? { bindingMethod: answer.bindingMethod } : {}) };
        return answer.bindingMethod ? { challengeType: answer.challengeType, bindingMethod: answer.bindingMethod } : { challengeType: answer.challengeType };
      },

      async verify(answer) {
        let wire: WireToken;
        if ('otp' in answer) {
          wire = await grants.verifyOtp({ mfaToken, otp: answer.otp });
        } else if ('recoveryCode' in answer) {
          wire = await grants.verifyRecoveryCode({ mfaToken, recoveryCode: answer.recoveryCode });
        } else if ('bindingCode' in answer) {
          if (!oob) throw new MfaError('invalid_request', 'verify-oob', 'No code was sent yet: call challenge(authenticatorId) first.');
          wire = await grants.verifyOob({ mfaToken, oobCode: oob.oobCode, bindingCode: answer.bindingCode });
        } else {
          if (!oob) throw new MfaError('invalid_request', 'poll-push', 'No push was sent yet: call challenge(authenticatorId) first.');
          wire = await pollPush(oob.oobCode, answer.signal);
        }
        const acquired = completed(wire, cache.now());
        cache.set(acquired);
        return acquired.credential;
      },

      cancel() {
        polling?.abort();
        const state = cache.getState();
        if (state.challenge !== challenge) return;
        cache.update({ challenge: undefined, status: state.credential ? 'ready' : 'idle' });
      },
    };
    return challenge;
  }

  return {
    getCredential: cache.getCredential,
    invalidate: cache.invalidate,
    getState: cache.getState,
    subscribe: cache.subscribe,

    async stepUp(context) {
      const state = cache.getState();
      if (state.challenge && state.credential && cache.now() < state.credential.expiresAt) return state.challenge;
      stepUpRequested = true;
      await cache.renew(context);
      // Joined a renewal that started before the request: run one of our own.
      if (stepUpRequested) await cache.renew(context);
      return cache.getState().challenge;
    },

    acknowledgeRecoveryCode() {
      cache.update({ recoveryCode: undefined });
    },

    signOut() {
      password = undefined;
      refreshToken = undefined;
      stepUpRequested = false;
      cache.reset();
    },
  };
}
