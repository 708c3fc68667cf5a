/**
 * A provider for a credential obtained elsewhere: minted by the host's server, or by a test.
 * It cannot renew; once the credential expires (or the server rejects it) it throws until `set`
 * gives it a new one.
 */
import { MfaError } from '../errors.ts';
import { MFA_TOKEN_LIFETIME_MS, expiresAtOf, parseScopes, scopesFromJwt } from './scopes.ts';
import { createCachedProvider } from './cached.ts';
import type { Credential, TokenProvider, TokenState } from './types.ts';

/** What {@link createStaticTokenProvider} accepts. */
export type StaticTokenInput =
  | Credential
  | {
      /** An MFA API access token. Secret. */
      accessToken: string;
      /** Granted scopes (a space-separated string or an array); default: the JWT's `scope` claim. */
      scopes?: string | readonly string[];
      /** Epoch ms; default `expiresIn`, else the JWT's `exp`, else 10 minutes from now. */
      expiresAt?: number;
      /** Seconds from now (as in a token answer's `expires_in`). */
      expiresIn?: number;
    }
  | {
      /** A raw `mfa_token` (list only). Secret. */
      mfaToken: string;
      /** Epoch ms; default `expiresIn`, else 10 minutes from now. */
      expiresAt?: number;
      /** Seconds from now. */
      expiresIn?: number;
    };

/** Options of {@link createStaticTokenProvider}. */
export interface StaticTokenProviderOptions {
  /**
   * Clock used to turn `expiresIn` into an expiry; pass the emulator's clock in tests.
   * @default Date.now
   */
  now?: () => number;
}

/** A provider serving one credential until it expires. */
export interface StaticTokenProvider extends TokenProvider {
  getCredential: Required<TokenProvider>['getCredential'];
  invalidate(token: string): void;
  getState(): TokenState;
  subscribe(listener: () => void): () => void;
  /** Replace the credential (e.g. after the host's server minted a new one). */
  set(input: StaticTokenInput): void;
}

/** Turns any {@link StaticTokenInput} into a {@link Credential}. */
export function credentialFromInput(input: StaticTokenInput, now: number): Credential {
  if ('kind' in input) return input;
  const relative = input.expiresIn === undefined ? undefined : now + input.expiresIn * 1000;
  if ('mfaToken' in input) {
    return { kind: 'mfa-token', token: input.mfaToken, expiresAt: input.expiresAt ?? relative ?? now + MFA_TOKEN_LIFETIME_MS };
  }
  const scopes = input.scopes === undefined ? (scopesFromJwt(input.accessToken) ?? []) : parseScopes(input.scopes);
  return { kind: 'access-token', token: input.accessToken, scopes, expiresAt: input.expiresAt ?? relative ?? expiresAtOf(input.accessToken, undefined, now) };
}

/**
 * Serves a fixed credential: an MFA access token (scopes from the JWT unless given) or a raw
 * `mfa_token`. Once it expires, `getCredential` throws `MfaError('expired_token')`; once the server
 * rejected it, `MfaError('invalid_token')`. Call `set` with a new one.
 *
 * @example
 * ```ts
 * const { access_token, expires_in } = await fetch('/api/mfa-token').then((r) => r.json())
 * const tokenProvider = createStaticTokenProvider({ accessToken: access_token, expiresIn: expires_in })
 * const client = createMfaClient({ domain, clientId, tokenProvider })
 * ```
 */
export function createStaticTokenProvider(input: StaticTokenInput, options: StaticTokenProviderOptions = {}): StaticTokenProvider {
  const clock = options.now ?? Date.now;
  let current = credentialFromInput(input, clock());
  let rejected = false;

  const cache = createCachedProvider(
    async () => {
      if (rejected) throw new MfaError('invalid_token', 'token', 'The server rejected the token; supply a new one with set().');
      // The cache only asks again once the credential is gone, i.e. expired: nothing to renew from.
      throw new MfaError('expired_token', 'token', 'The token has expired; supply a new one with set().');
    },
    { renewBefore: 0, now: clock },
  );
  cache.set(current);

  return {
    // Only the host can mint the next one (`set`): nothing to renew ahead of expiry.
    renewable: false,
    async getCredential(context) {
      return cache.getCredential(context);
    },
    invalidate(token) {
      if (token === current.token) rejected = true;
      cache.invalidate(token);
    },
    getState: cache.getState,
    subscribe: cache.subscribe,
    set(next) {
      current = credentialFromInput(next, clock());
      rejected = false;
      cache.set(current);
    },
  };
}
