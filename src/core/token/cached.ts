/**
 * The mechanism every token provider builds on: an in-memory cache that renews ahead of the fixed
 * 10-minute expiry, shares one renewal among concurrent callers, never hands out an expired
 * credential, and publishes its state for the UI.
 */
import { MfaError } from '../errors.ts';
import { raceAbort, toMfaError } from '../util.ts';
import type { MfaScope, WireToken } from '../wire.ts';
import { MFA_TOKEN_LIFETIME_MS, expiresAtOf, parseScopes, scopesFromJwt } from './scopes.ts';
import type {
  AccessTokenCredential,
  Credential,
  MfaTokenCredential,
  PendingChallenge,
  TokenContext,
  TokenProvider,
  TokenState,
  TokenStatus,
} from './types.ts';

/** What an acquisition produced when it has more to say than the credential. */
export interface Acquired {
  credential: Credential;
  /** An MFA challenge the user can answer to get a better credential (ROPG step-up). */
  challenge?: PendingChallenge;
  /** A new recovery code to show once. */
  recoveryCode?: string;
}

/**
 * Gets a fresh credential. `current` is the credential still being served, if any (valid, maybe
 * inside the renewal window). `context.signal` aborts when every caller waiting on it gave up.
 */
export type Acquire = (context: TokenContext, current: Credential | undefined) => Promise<Credential | Acquired>;

/** Options of {@link createCachedProvider}. */
export interface CachedProviderOptions {
  /**
   * Renew when less than this many milliseconds remain. MFA API tokens always live 10 minutes.
   * @default 60000
   */
  renewBefore?: number;
  /**
   * Clock used when no `TokenContext` is at hand (a UI action before the first `getCredential`).
   * Calls to `getCredential` use their context's clock.
   * @default Date.now
   */
  now?: () => number;
}

/** A {@link TokenProvider} with the cache's controls, for provider authors and the UI layer. */
export interface CachedTokenProvider extends TokenProvider {
  getCredential(context: TokenContext): Promise<Credential>;
  invalidate(token: string): void;
  getState(): TokenState;
  subscribe(listener: () => void): () => void;
  /**
   * Acquire now, ignoring the cache (joins a renewal already in flight). Uses the last context
   * `getCredential` saw, overridden by `context`; throws `MfaError('invalid_request')` when there
   * are no grants to call yet.
   */
  renew(context?: Partial<TokenContext>): Promise<Credential>;
  /** Store a credential obtained out of band (an interactive login, a completed challenge). Clears any open challenge. */
  set(result: Credential | Acquired): void;
  /** Merge into the published state and notify (e.g. `{ status: 'loading' }` while a popup is open). */
  update(patch: Partial<TokenState>): void;
  /** Forget everything: credential, challenge, recovery code. Back to `idle`. */
  reset(): void;
  /** The last context `getCredential` saw, with `overrides` applied; `undefined` if there are no grants yet. */
  context(overrides?: Partial<TokenContext>): TokenContext | undefined;
  /** The clock: the last context's, else `options.now`, else `Date.now`. */
  now(): number;
}

/** True when `credential` can still be used at `now`. */
export function isUsable(credential: Credential | undefined, now: number): credential is Credential {
  return !!credential && now < credential.expiresAt;
}

/**
 * An access-token credential from a `/oauth/token` answer. Scopes come from `scope` when Auth0 sent
 * it, else from the JWT's `scope` claim, else `fallbackScopes` (Auth0 omits `scope` when it equals
 * the request, so pass what you asked for).
 *
 * @example
 * ```ts
 * const credential = credentialFromToken(await grants.refreshGrant({ refreshToken }), Date.now(), MFA_SCOPES)
 * ```
 */
export function credentialFromToken(
  wire: Partial<WireToken> & Pick<WireToken, 'access_token'>,
  now: number,
  fallbackScopes: readonly MfaScope[] = [],
): AccessTokenCredential {
  const token = wire.access_token;
  const scopes = wire.scope !== undefined ? parseScopes(wire.scope) : (scopesFromJwt(token) ?? [...fallbackScopes]);
  return { kind: 'access-token', token, scopes, expiresAt: expiresAtOf(token, wire.expires_in, now) };
}

/** A credential for a raw `mfa_token`, assumed to live Auth0's usual 10 minutes (it carries no expiry). */
export function mfaTokenCredential(token: string, now: number, lifetime: number = MFA_TOKEN_LIFETIME_MS): MfaTokenCredential {
  return { kind: 'mfa-token', token, expiresAt: now + lifetime };
}

/** Any failure as an `MfaError` of operation `token`. */
export function toTokenError(error: unknown): MfaError {
  // The cause's own message helps a developer; production keeps the default `token: unknown`.
  return toMfaError(error, 'token', 'unknown', undefined, process.env.NODE_ENV !== 'production' && error instanceof Error ? error.message : undefined);
}

/** A bare credential as an {@link Acquired}. */
const toAcquired = (result: Credential | Acquired): Acquired => ('kind' in result ? { credential: result } : result);

/** Joins the renewal in flight: resolves to its credential, or rejects `aborted` when `signal` aborts first. */
type Flight = (signal: AbortSignal | undefined) => Promise<Credential>;

/**
 * The shared caching mechanism: give it how to get a credential, get back a {@link TokenProvider}
 * that caches in memory, renews ahead of expiry, shares one renewal among concurrent callers,
 * keeps serving the old credential while it is valid if a renewal fails (and reports the
 * failure), and never returns an expired credential.
 *
 * @example
 * ```ts
 * const provider = createCachedProvider(async ({ grants, now }) =>
 *   credentialFromToken(await grants.refreshGrant({ refreshToken, audience: grants.audience, scope: MFA_SCOPE }), now()))
 * const client = createMfaClient({ domain, clientId, tokenProvider: provider })
 * provider.subscribe(() => render(provider.getState()))
 * ```
 */
export function createCachedProvider(acquire: Acquire, options: CachedProviderOptions = {}): CachedTokenProvider {
  const renewBefore = options.renewBefore ?? 60_000;
  const listeners = new Set<() => void>();
  let state: TokenState = { status: 'idle' };
  let credential: Credential | undefined;
  // A still-valid access token beats the raw `mfa_token` a renewal fell back to (ROPG without a
  // refresh token): keep serving the access token, hold the `mfa_token` for when it expires.
  let fallback: Credential | undefined;
  let everHeld = false;
  // A renewal needed the user: don't retry silently on every call while the old credential lasts.
  let blocked = false;
  let flight: Flight | undefined;
  let last: TokenContext | undefined;
  // Bumped by set() / reset() so a renewal that was already running cannot overwrite their result.
  let generation = 0;

  const clock = (): (() => number) => last?.now ?? options.now ?? Date.now;
  const now = (): number => clock()();

  function setState(next: TokenState): void {
    state = next;
    listeners.forEach((listener) => listener());
  }

  /** The credential to hand out at `at`, dropping expired ones. */
  function serve(at: number): Credential | undefined {
    if (!isUsable(credential, at)) credential = undefined;
    if (!isUsable(fallback, at)) fallback = undefined;
    return credential ?? fallback;
  }

  /** Publish the served credential after time passed or a token was dropped. */
  function syncState(at: number): Credential | undefined {
    const served = serve(at);
    if (served !== state.credential) {
      const { status, challenge } = state;
      setState({ ...state, status: served || (status !== 'ready' && status !== 'challenge-required') ? status : 'idle', credential: served, challenge: served && challenge });
    }
    return served;
  }

  /** Hold a credential and publish it with its challenge / recovery code. */
  function publish({ credential: acquired, challenge, recoveryCode }: Acquired, served: Credential): Credential {
    everHeld = true;
    blocked = false;
    credential = served;
    fallback = acquired === served ? undefined : acquired;
    setState({ status: challenge ? 'challenge-required' : 'ready', credential: served, challenge, recoveryCode: recoveryCode ?? state.recoveryCode });
    return served;
  }

  /** Start a renewal, or join the one in flight; `force` ignores the cache. */
  function renewal(context: TokenContext, force: boolean): Promise<Credential> {
    if (force) blocked = false;
    if (!flight) {
      const controller = new AbortController();
      const started = generation;
      const served = serve(context.now());
      const before = state;
      let waiters = 0;
      setState({ ...state, status: everHeld ? 'renewing' : 'loading', credential: served, error: undefined });

      const run = async (): Promise<Credential> => {
        try {
          const acquired = toAcquired(await acquire({ grants: context.grants, now: context.now, forceRenew: force, signal: controller.signal }, served));
          const at = context.now();
          const held = serve(at);
          if (started !== generation && held) return held;
          if (!isUsable(acquired.credential, at)) {
            throw new MfaError('expired_token', 'token', process.env.NODE_ENV !== 'production' ? 'token: expired_token (the acquired credential has expired)' : undefined);
          }
          // A raw `mfa_token` never replaces a valid access token: it waits as the fallback.
          return publish(acquired, acquired.credential.kind === 'mfa-token' && held?.kind === 'access-token' ? held : acquired.credential);
        } catch (caught) {
          const error = toTokenError(caught);
          const held = serve(context.now());
          if (started === generation) {
            if (error.code === 'aborted' && controller.signal.aborted) {
              // Every caller gave up: not a failure worth showing.
              setState({ ...before, credential: held, challenge: held && before.challenge });
            } else {
              const status = error.code === 'interaction_required' || error.code === 'mfa_required' ? 'interaction-required' : 'error';
              // Still valid (a proactive renewal failed): keep serving it. After the server rejected a
              // token the client invalidated it first, so nothing is held and the error surfaces.
              if (held) blocked = status !== 'error';
              setState(held ? { ...state, status, credential: held, error } : { status, error, recoveryCode: state.recoveryCode });
            }
          }
          if (held) return held;
          throw error;
        }
      };

      const promise = run().finally(() => {
        if (flight === join) flight = undefined;
      });
      // When every waiter's signal aborted, abort the acquisition itself.
      const join: Flight = (signal) => {
        waiters += 1;
        return raceAbort(promise, signal, 'token', () => {
          if (--waiters === 0) {
            controller.abort();
            // A caller arriving before the aborted flight settles must start a new one, not join it.
            if (flight === join) flight = undefined;
          }
        });
      };
      flight = join;
    }
    return flight(context.signal);
  }

  const provider: CachedTokenProvider = {
    async getCredential(context) {
      last = context;
      const at = context.now();
      const served = syncState(at);
      // An open challenge belongs to its `mfa_token` (an SMS code may be on its way): renewing early
      // would strand it, so keep the token to the end. A rejected token is invalidated before the
      // retry, so a forced renewal that still finds that `mfa_token` is a proactive one.
      const keep = served?.kind === 'mfa-token' && !!state.challenge;
      const force = !!context.forceRenew && !keep;
      // Holding a downgrade already: renewing again would only mint another `mfa_token`.
      if (!flight && !force && served && (blocked || keep || (served === credential && fallback) || at < served.expiresAt - renewBefore)) return served;
      return renewal(context, force);
    },

    invalidate(token) {
      if (credential?.token === token) credential = undefined;
      else if (fallback?.token === token) fallback = undefined;
      else return;
      blocked = false;
      syncState(now());
    },

    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    renew(overrides) {
      const context = provider.context(overrides);
      return context
        ? renewal(context, true)
        : Promise.reject(new MfaError('invalid_request', 'token', process.env.NODE_ENV !== 'production' ? 'token: invalid_request (no grants yet: pass { grants })' : undefined));
    },

    set(result) {
      generation += 1;
      const acquired = toAcquired(result);
      publish(acquired, acquired.credential);
    },

    update(patch) {
      setState({ ...state, ...patch });
    },

    reset() {
      generation += 1;
      credential = fallback = flight = undefined;
      everHeld = blocked = false;
      setState({ status: 'idle' });
    },

    context(overrides = {}) {
      const grants = overrides.grants ?? last?.grants;
      return grants && { grants, now: overrides.now ?? clock(), forceRenew: overrides.forceRenew, signal: overrides.signal };
    },

    now,
  };
  return provider;
}
