/**
 * Token providers hand the client a credential before each request. Credentials live in memory
 * only: never in storage, cookies, URLs or logs.
 */
import type { MfaScope, WireAuthenticator, WireToken } from '../wire.ts';

/** An MFA API access token (`aud = https://{domain}/mfa/`) with the scopes it was granted. */
export interface AccessTokenCredential {
  kind: 'access-token';
  /** The bearer token. Secret. */
  token: string;
  /** Granted MFA scopes (others dropped). */
  scopes: readonly MfaScope[];
  /** Epoch milliseconds at which the token stops working. */
  expiresAt: number;
}

/**
 * A raw `mfa_token` from an `mfa_required` answer: lists authenticators, enrolls only while the user
 * has no active factor, challenges, and completes MFA grants. It cannot delete.
 */
export interface MfaTokenCredential {
  kind: 'mfa-token';
  /** The `mfa_token`. Secret. */
  token: string;
  /** Epoch milliseconds at which it is assumed to expire (about 10 minutes after issue). */
  expiresAt: number;
  /**
   * The authenticators read with this token when it was issued (the ROPG provider lists them for
   * its challenge), and when (epoch ms). The client answers the first list call made with this
   * token within 2 s from it, so signing in does not read the same list twice.
   */
  listed?: { readonly authenticators: readonly WireAuthenticator[]; readonly at: number };
}

/**
 * How long (ms) the list read while issuing an `mfa_token` answers a list call instead of a new
 * request: the same window SWR's request de-duplication uses by default.
 */
export const LISTED_FRESH_MS = 2000;

/** What a token provider hands out. */
export type Credential = AccessTokenCredential | MfaTokenCredential;

/** Status of a token provider, for the UI. */
export type TokenStatus =
  /** No credential asked for yet. */
  | 'idle'
  /** Getting the first credential. */
  | 'loading'
  /** A credential is held and valid. */
  | 'ready'
  /** Renewing a credential (the old one may still be valid). */
  | 'renewing'
  /** Renewal needs the user (popup / redirect for Universal Login, password or MFA code for ROPG). */
  | 'interaction-required'
  /** An MFA challenge is open (ROPG step-up): the UI asks for a code; see `TokenState.challenge`. */
  | 'challenge-required'
  /** Failed; see `TokenState.error`. */
  | 'error';

/** The grants a provider may call. The client passes itself; providers never import `fetch`. */
export interface TokenGrants {
  /** The MFA API audience, `https://{domain}/mfa/`. */
  readonly audience: string;
  /** `grant_type=password`, or `password-realm` when `realm` is given. Throws `MfaError('mfa_required')` with the `mfa_token`. */
  passwordGrant(params: { username: string; password: string; realm?: string; audience?: string; scope?: string; signal?: AbortSignal }): Promise<WireToken>;
  /** `grant_type=refresh_token`. */
  refreshGrant(params: { refreshToken: string; scope?: string; audience?: string; signal?: AbortSignal }): Promise<WireToken>;
  /** `mfa-otp` grant with an explicit `mfa_token`. */
  verifyOtp(params: { mfaToken: string; otp: string; signal?: AbortSignal }): Promise<WireToken>;
  /** `mfa-oob` grant with an explicit `mfa_token` (binding code for sms / voice / email). */
  verifyOob(params: { mfaToken: string; oobCode: string; bindingCode?: string; signal?: AbortSignal }): Promise<WireToken>;
  /** `mfa-recovery-code` grant with an explicit `mfa_token`. */
  verifyRecoveryCode(params: { mfaToken: string; recoveryCode: string; signal?: AbortSignal }): Promise<WireToken>;
  /** `POST /mfa/challenge` with an explicit `mfa_token`. */
  challenge(params: { mfaToken: string; challengeType?: 'otp' | 'oob' | 'otp oob'; authenticatorId?: string; signal?: AbortSignal }): Promise<{ challengeType: 'otp' | 'oob'; oobCode?: string; bindingMethod?: 'prompt' }>;
  /**
   * `GET /mfa/authenticators` with an explicit `mfa_token` as the bearer (not the provider's
   * credential, which is being acquired). Optional: a ROPG step-up uses it to offer the user's
   * active authenticators; without it the challenge has an empty list.
   */
  listWithToken?(params: { mfaToken: string; signal?: AbortSignal }): Promise<WireAuthenticator[]>;
}

/** Passed to a provider on every call. */
export interface TokenContext {
  /** The grants of the client asking. */
  grants: TokenGrants;
  /** The clock (epoch ms); defaults to `Date.now`. */
  now: () => number;
  /** Ignore the cached credential and renew (after the server rejected it). */
  forceRenew?: boolean;
  signal?: AbortSignal;
}

/**
 * Where the client gets its credential. Implementations cache in memory, renew ahead of the
 * fixed 10-minute expiry, and share one renewal among concurrent callers.
 */
export interface TokenProvider {
  /** The credential to use now. Throws `MfaError` (`interaction_required`, `mfa_required`, …) when it cannot. */
  getCredential(context: TokenContext): Promise<Credential>;
  /**
   * `false` for a provider that cannot get a new credential by itself (a static token): the UI then
   * does not try to renew ahead of expiry. @default true
   */
  readonly renewable?: boolean;
  /** Forget a credential the server rejected, so the next `getCredential` renews. */
  invalidate?(token: string): void;
  /** Current state, for the UI. */
  getState?(): TokenState;
  /** Called on every state change. Returns an unsubscribe function. */
  subscribe?(listener: () => void): () => void;
}

/** An open MFA challenge during a ROPG step-up: the UI shows it and calls `verify`. */
export interface PendingChallenge {
  /** Active authenticators the user can prove with (never pending ones). */
  authenticators: ReadonlyArray<{ id: string; authenticator_type: string; oob_channel?: string; name?: string }>;
  /** Send a challenge to one authenticator (SMS / voice / email code, push notification). OTP needs none. */
  challenge(authenticatorId: string): Promise<{ challengeType: 'otp' | 'oob'; bindingMethod?: 'prompt' }>;
  /** Complete the challenge: a TOTP code, an SMS / voice / email code (binding code), or a recovery code. Resolves to the new credential. */
  verify(answer: { otp: string } | { bindingCode: string } | { recoveryCode: string } | { push: true; signal?: AbortSignal }): Promise<Credential>;
  /** Give up the challenge. */
  cancel(): void;
}

/** A provider's state snapshot. */
export interface TokenState {
  status: TokenStatus;
  credential?: Credential;
  error?: import('../errors.ts').MfaError;
  /** Set while `status === 'challenge-required'`. */
  challenge?: PendingChallenge;
  /** A new recovery code returned by a recovery-code grant; show it to the user once. */
  recoveryCode?: string;
}
