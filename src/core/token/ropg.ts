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
import { compact, raceAbort, sleep } from '../util.ts';
import type { WireToken } from '../wire.ts';
import { createCachedProvider, credentialFromToken, isUsable, mfaTokenCredential, type Acquired, type CachedProviderOptions } from './cached.ts';
import { MFA_SCOPE, joinScopes, parseScopes } from './scopes.ts';
import { withOrigin } from './identity.ts';
import type { Credential, MfaTokenCredential, PendingChallenge, TokenContext, TokenGrants, TokenProvider, TokenState } from './types.ts';

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
  const { username, realm, listOnly, offlineAccess, mfaTokenLifetime } = options;
  let { password, refreshToken } = options;
  const scope = options.scope ?? MFA_SCOPE;
  const requestedScopes = parseScopes(scope);
  const pushInterval = options.pushInterval ?? 5000;
  // Set by stepUp(); the next acquisition asks for the MFA audience even in list-only mode.
  let stepUpRequested = false;

  const cache = createCachedProvider(async ({ grants, now, signal }) => {
    const stepUp = stepUpRequested;
    stepUpRequested = false;

    /** After `mfa_required`: the raw `mfa_token`, with a challenge unless `listOnlyToken`. */
    const mfaRequired = async (error: unknown, listOnlyToken?: boolean): Promise<Acquired> => {
      const mfaToken = isMfaError(error) && error.code === 'mfa_required' && error.mfaToken;
      if (!mfaToken) throw error;
      const credential: MfaTokenCredential = mfaTokenCredential(mfaToken, now(), mfaTokenLifetime);
      if (listOnlyToken) return { credential };
      // Pending (`active: false`) authenticators cannot be challenged (reference §2.2). Without
      // `listWithToken` the challenge still works for OTP and recovery codes, with no list to pick from.
      const listed = (await grants.listWithToken?.({ mfaToken, signal })) ?? [];
      // The whole list (pending ones too) answers the client's first list call with this token.
      if (grants.listWithToken) credential.listed = { authenticators: listed, at: now() };
      const authenticators = listed
        .filter((a) => a.active)
        .map(({ id, authenticator_type, oob_channel, name }): ListedAuthenticator => compact({ id, authenticator_type, oob_channel, name }));
      return { credential, challenge: createChallenge(mfaToken, authenticators, grants) };
    };
    /** One grant that may answer `mfa_required`. */
    const attempt = (grant: Promise<WireToken>): Promise<Acquired> => grant.then((wire) => completed(wire, now()), mfaRequired);
    const login = (audience: string, loginScope: string): Promise<WireToken> => {
      if (username === undefined || password === undefined) {
        throw new MfaError('interaction_required', 'token', process.env.NODE_ENV !== 'production' ? 'Sign in again: there is no password or refresh token to get an MFA token with.' : undefined);
      }
      return grants.passwordGrant({ username, password, realm, audience, scope: loginScope, signal });
    };

    // (a) A tenant policy or an Action can demand MFA on refresh too (reference §1.2).
    if (refreshToken !== undefined) {
      try {
        return await attempt(grants.refreshGrant({ refreshToken, audience: grants.audience, scope, signal }));
      } catch (error) {
        // A dead refresh token: the password takes over, if there is one.
        if (!(isMfaError(error) && error.code === 'interaction_required' && password !== undefined)) throw error;
        refreshToken = undefined;
      }
    }
    // (c) An empty audience is "no audience": the plain login Auth0 guards with MFA like any other.
    // A 200 means no MFA was asked, so the user has no factor: the MFA audience answers 200 too.
    if (listOnly && !stepUp) {
      try {
        await login('', 'openid');
      } catch (error) {
        return mfaRequired(error, true);
      }
    }
    // (b) 200 straight away when the user has no factor but email: Auth0 asks for none (reference §2.3).
    return attempt(login(grants.audience, offlineAccess ? joinScopes(scope, 'offline_access') : scope));
  }, options);

  function completed(wire: WireToken, now: number): Acquired {
    if (wire.refresh_token) refreshToken = wire.refresh_token;
    return { credential: credentialFromToken(wire, now, requestedScopes), recoveryCode: wire.recovery_code };
  }

  function createChallenge(mfaToken: string, authenticators: ListedAuthenticator[], grants: TokenGrants): PendingChallenge {
    let oobCode: string | undefined;
    let polling: AbortController | undefined;

    /** Poll until the push is approved; the caller's `signal` and `cancel()` stop it. */
    function pollPush(code: string, signal: AbortSignal | undefined): Promise<WireToken> {
      const controller = (polling = new AbortController());
      let interval = pushInterval;
      const poll = async (): Promise<WireToken> => {
        for (;;) {
          try {
            return await grants.verifyOob({ mfaToken, oobCode: code, signal: controller.signal });
          } catch (error) {
            const code = isMfaError(error) && error.code;
            if (code === 'slow_down') interval += pushInterval;
            else if (code !== 'authorization_pending') throw error;
          }
          await sleep(interval, controller.signal, 'poll-push');
        }
      };
      return raceAbort(poll(), signal, 'poll-push', () => controller.abort(signal?.reason));
    }

    const challenge: PendingChallenge = {
      authenticators,

      async challenge(authenticatorId) {
        const listed = authenticators.find((a) => a.id === authenticatorId);
        // OTP codes come from the user's app and recovery codes from paper: nothing to send.
        if (listed && listed.authenticator_type !== 'oob') {
          oobCode = undefined;
          return { challengeType: 'otp' };
        }
        const answer = await grants.challenge({ mfaToken, authenticatorId, challengeType: listed && 'oob' });
        oobCode = answer.oobCode;
        return compact({ challengeType: answer.challengeType, bindingMethod: answer.bindingMethod });
      },

      async verify(answer) {
        const wire = await ('otp' in answer
          ? grants.verifyOtp({ mfaToken, otp: answer.otp })
          : 'recoveryCode' in answer
            ? grants.verifyRecoveryCode({ mfaToken, recoveryCode: answer.recoveryCode })
            : !oobCode
              ? Promise.reject(
                  new MfaError('invalid_request', 'bindingCode' in answer ? 'verify-oob' : 'poll-push', process.env.NODE_ENV !== 'production' ? 'Nothing was sent yet: call challenge(authenticatorId) first.' : undefined),
                )
              : 'bindingCode' in answer
                ? grants.verifyOob({ mfaToken, oobCode, bindingCode: answer.bindingCode })
                : pollPush(oobCode, answer.signal));
        const acquired = completed(wire, cache.now());
        cache.set(acquired);
        return acquired.credential;
      },

      cancel() {
        polling?.abort();
        const state = cache.getState();
        if (state.challenge === challenge) cache.update({ challenge: undefined, status: state.credential ? 'ready' : 'idle' });
      },
    };
    return challenge;
  }

  const provider: RopgProvider = {
    getCredential: cache.getCredential,
    invalidate: cache.invalidate,
    getState: cache.getState,
    subscribe: cache.subscribe,

    async stepUp(context) {
      const { challenge, credential } = cache.getState();
      if (challenge && isUsable(credential, cache.now())) return challenge;
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
      password = refreshToken = undefined;
      stepUpRequested = false;
      cache.reset();
    },
  };
  // `now` is a clock, not configuration: an inline clock does not make a different provider.
  return withOrigin(provider, 'ropg', username, options.password, realm, listOnly, offlineAccess, scope, options.refreshToken, options.pushInterval, mfaTokenLifetime, options.renewBefore);
}
