/**
 * The mechanism every token provider builds on: an in-memory cache that renews ahead of the fixed
 * 10-minute expiry, shares one renewal among concurrent callers, never hands out an expired
 * credential, and publishes its state for the UI.
 */
import { MfaError, isMfaError } from '../errors.ts';
import { isAbortError, raceAbort } from '../util.ts';
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
  return credential !== undefined && now < credential.expiresAt;
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
  const scopes = wire.scope !== undefined ? parseScopes(wire.scope) : (scopesFromJwt(wire.access_token) ?? [...fallbackScopes]);
  return { kind: 'access-token', token: wire.access_token, scopes, expiresAt: expiresAtOf(wire.access_token, wire.expires_in, now) };
}

/** A credential for a raw `mfa_token`, assumed to live Auth0's usual 10 minutes (it carries no expiry). */
export function mfaTokenCredential(token: string, now: number, lifetime: number = MFA_TOKEN_LIFETIME_MS): MfaTokenCredential {
  return { kind: 'mfa-token', token, expiresAt: now + lifetime };
}

/** Any failure as an `MfaError` of operation `token`. */
export function toTokenError(error: unknown): MfaError {
  if (isMfaError(error)) return error;
  return new MfaError(isAbortError(error) ? 'aborted' : 'unknown', 'token', error instanceof Error ? error.message : undefined, { cause: error });
}

/** A bare credential as an {@link Acquired}. */
const toAcquired = (result: Credential | Acquired): Acquired => ('kind' in result ? { credential: result } : result);

function statusFor(error: MfaError): TokenStatus {
  return error.code === 'interaction_required' || error.code === 'mfa_required' ? 'interaction-required' : 'error';
}

interface Flight {
  promise: Promise<Credential>;
  controller: AbortController;
  waiters: number;
}

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

  const now = (): number => (last?.now ?? options.now ?? Date.now)();

  function setState(next: TokenState): void {
    state = next;
    for (const listener of [...listeners]) listener();
  }

  /** The credential to hand out at `at`, dropping expired ones. */
  function serve(at: number): Credential | undefined {
    if (credential && !isUsable(credential, at)) credential = undefined;
    if (fallback && !isUsable(fallback, at)) fallback = undefined;
    return credential ?? fallback;
  }

  function needsRenewal(served: Credential, at: number): boolean {
    if (blocked) return false;
    // Holding a downgrade already: renewing again would only mint another `mfa_token`.
    if (served === credential && fallback !== undefined) return false;
    // An open challenge belongs to this `mfa_token` (an SMS code may be on its way): renewing early
    // would strand it, so keep the token to the end.
    if (state.challenge !== undefined && served.kind === 'mfa-token') return false;
    return at >= served.expiresAt - renewBefore;
  }

  /** Publish the served credential after time passed or a token was dropped. */
  function syncState(at: number): void {
    const served = serve(at);
    if (served === state.credential) return;
    const status: TokenStatus = served === undefined && (state.status === 'ready' || state.status === 'challenge-required') ? 'idle' : state.status;
    setState({ ...state, status, credential: served, challenge: served ? state.challenge : undefined });
  }

  /** Publish a newly held credential (served as `served`) and its challenge / recovery code. */
  function publish(acquired: Acquired, served: Credential): Credential {
    everHeld = true;
    blocked = false;
    setState({
      status: acquired.challenge ? 'challenge-required' : 'ready',
      credential: served,
      challenge: acquired.challenge,
      recoveryCode: acquired.recoveryCode ?? state.recoveryCode,
    });
    return served;
  }

  function startFlight(context: TokenContext, forced: boolean): Flight {
    const controller = new AbortController();
    const started = generation;
    const at = context.now();
    const served = serve(at);
    const before = state;
    setState({ ...state, status: everHeld ? 'renewing' : 'loading', credential: served, error: undefined });
    const acquireContext: TokenContext = { grants: context.grants, now: context.now, forceRenew: forced, signal: controller.signal };

    const run = async (): Promise<Credential> => {
      let result: Credential | Acquired;
      try {
        result = await acquire(acquireContext, served);
      } catch (caught) {
        const error = toTokenError(caught);
        const held = serve(context.now());
        if (started !== generation) {
          if (held) return held;
          throw error;
        }
        if (error.code === 'aborted' && controller.signal.aborted) {
          // Every caller gave up: not a failure worth showing.
          setState({ ...before, credential: held, challenge: held ? before.challenge : undefined });
          throw error;
        }
        // Still valid (a proactive renewal failed): keep serving it. After the server rejected a
        // token the client invalidated it first, so nothing is held and the error surfaces.
        if (held) {
          if (statusFor(error) === 'interaction-required') blocked = true;
          setState({ ...state, status: statusFor(error), credential: held, error });
          return held;
        }
        setState({ status: statusFor(error), error, recoveryCode: state.recoveryCode });
        throw error;
      }

      const acquired = toAcquired(result);
      const at2 = context.now();
      if (started !== generation) {
        const held = serve(at2);
        if (held) return held;
      }
      if (!isUsable(acquired.credential, at2)) {
        const error = new MfaError('expired_token', 'token', 'token: expired_token (the acquired credential has expired)');
        setState({ status: 'error', error, recoveryCode: state.recoveryCode });
        throw error;
      }
      const held = serve(at2);
      const downgrade = acquired.credential.kind === 'mfa-token' && held?.kind === 'access-token';
      credential = downgrade ? held : acquired.credential;
      fallback = downgrade ? acquired.credential : undefined;
      return publish(acquired, serve(at2) ?? acquired.credential);
    };

    const promise: Promise<Credential> = run().finally(() => {
      if (flight?.promise === promise) flight = undefined;
    });
    const f: Flight = { controller, waiters: 0, promise };
    flight = f;
    return f;
  }

  /** Wait for a flight; when every waiter's signal aborted, abort the flight itself. */
  function join(f: Flight, signal: AbortSignal | undefined): Promise<Credential> {
    f.waiters += 1;
    return raceAbort(f.promise, signal, 'token', () => {
      f.waiters -= 1;
      if (f.waiters === 0) {
        f.controller.abort();
        // A caller arriving before the aborted flight settles must start a new one, not join it.
        if (flight === f) flight = undefined;
      }
    });
  }

  const provider: CachedTokenProvider = {
    async getCredential(context) {
      last = { grants: context.grants, now: context.now };
      const at = context.now();
      syncState(at);
      const served = serve(at);
      // A rejected token is invalidated before the retry, so a forced renewal that still finds the
      // `mfa_token` of an open challenge is a proactive one: it must not strand a code on its way.
      const force = context.forceRenew === true && !(served?.kind === 'mfa-token' && state.challenge !== undefined);
      if (!flight && !force && served && !needsRenewal(served, at)) return served;
      if (force) blocked = false;
      return join(flight ?? startFlight(context, force), context.signal);
    },

    invalidate(token) {
      let dropped = false;
      if (credential?.token === token) {
        credential = undefined;
        dropped = true;
      }
      if (fallback?.token === token) {
        fallback = undefined;
        dropped = true;
      }
      if (dropped) {
        blocked = false;
        syncState(now());
      }
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
      if (!context) {
        return Promise.reject(new MfaError('invalid_request', 'token', 'token: invalid_request (no grants yet: pass { grants })'));
      }
      blocked = false;
      return join(flight ?? startFlight(context, true), overrides?.signal);
    },

    set(result) {
      const acquired = toAcquired(result);
      generation += 1;
      credential = acquired.credential;
      fallback = undefined;
      publish(acquired, credential);
    },

    update(patch) {
      setState({ ...state, ...patch });
    },

    reset() {
      generation += 1;
      credential = undefined;
      fallback = undefined;
      everHeld = false;
      blocked = false;
      flight = undefined;
      setState({ status: 'idle' });
    },

    context(overrides) {
      const grants = overrides?.grants ?? last?.grants;
      if (!grants) return undefined;
      return { grants, now: overrides?.now ?? last?.now ?? options.now ?? Date.now, forceRenew: overrides?.forceRenew, signal: overrides?.signal };
    },

    now,
  };
  return provider;
}
