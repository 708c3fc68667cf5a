/**
 * The one error type of mfa-kit. Every failure — from the network, from Auth0, from a token
 * provider, or from a rule the kit enforces before sending a request — is an `MfaError` whose
 * `code` is one of a closed union, so callers switch on `code` and never on message text.
 */

/** The operation that failed: which call of the client (or which provider step) raised the error. */
export type MfaOperation =
  | 'list'
  | 'associate'
  | 'challenge'
  | 'verify-otp'
  | 'verify-oob'
  | 'verify-recovery-code'
  | 'poll-push'
  | 'delete'
  | 'password-grant'
  | 'refresh-grant'
  | 'token';

/**
 * Every failure mfa-kit can report. Closed: a new case is a breaking change.
 *
 * - `mfa_required` — Auth0 wants a second factor; `MfaError.mfaToken` carries the `mfa_token`.
 * - `invalid_code` — wrong OTP, binding code or recovery code ("Invalid otp_code.", "Invalid binding_code.").
 * - `expired_code` — the `oob_code` (SMS / voice / email / push) expired (5 minutes).
 * - `expired_token` — the MFA access token or `mfa_token` expired (10 minutes); renew and retry.
 * - `invalid_token` — the bearer token is malformed, foreign, or not accepted here.
 * - `already_enrolled` — a raw `mfa_token` tried to enroll while an active factor exists: step up first.
 * - `authorization_pending` — push not yet approved; keep polling.
 * - `slow_down` — polling too fast; wait longer between polls.
 * - `push_rejected` — the user rejected the push notification.
 * - `too_many_attempts` — locked out after too many failed codes ("Too many failed codes").
 * - `rate_limited` — HTTP 429 or "Too many SMS"; `retryAfter` says when to try again, if known.
 * - `insufficient_scope` — the token lacks the scope the operation needs (`enroll`, `read:authenticators`, `remove:authenticators`).
 * - `step_up_required` — the kit refused before sending: the credential cannot do this (e.g. a raw `mfa_token` deleting).
 * - `not_found` — the authenticator does not exist (any more).
 * - `cannot_delete` — the authenticator cannot be removed (an auto-listed verified email).
 * - `invalid_phone_number` — not a valid E.164 number ("The phone number is invalid.").
 * - `too_many_authenticators` — the user hit Auth0's cap of pending / total authenticators.
 * - `unsupported_challenge_type` — the user has no factor of the requested kind, or the app does not allow it.
 * - `association_required` — the user has nothing enrolled to challenge.
 * - `invalid_credentials` — wrong username or password (password grant).
 * - `access_denied` — the sign-in itself was refused: a rule or Action denied it (`unauthorized`), or
 *   a 403 `access_denied` on the password grant. Not the user's password; show a way to get help.
 * - `unauthorized_client` — the application may not use this grant (enable the MFA grant type).
 * - `feature_disabled` — the factor is not enabled on the tenant.
 * - `invalid_request` — Auth0 rejected the request as malformed (missing or invalid parameter).
 * - `interaction_required` — silent renewal failed; the user must act (popup, redirect, or an MFA challenge).
 * - `network` — the request never got an HTTP answer (offline, DNS, CORS, connection reset).
 * - `invalid_response` — Auth0 (or something in front of it) answered with something that is not the documented shape.
 * - `aborted` — the caller cancelled (AbortSignal) or the flow was cancelled.
 * - `server_error` — a 5xx from Auth0 with no more specific meaning.
 * - `unknown` — an Auth0 error the kit does not know; `error` / `errorDescription` hold the details.
 */
export type MfaErrorCode =
  | 'mfa_required'
  | 'invalid_code'
  | 'expired_code'
  | 'expired_token'
  | 'invalid_token'
  | 'already_enrolled'
  | 'authorization_pending'
  | 'slow_down'
  | 'push_rejected'
  | 'too_many_attempts'
  | 'rate_limited'
  | 'insufficient_scope'
  | 'step_up_required'
  | 'not_found'
  | 'cannot_delete'
  | 'invalid_phone_number'
  | 'too_many_authenticators'
  | 'unsupported_challenge_type'
  | 'association_required'
  | 'invalid_credentials'
  | 'access_denied'
  | 'unauthorized_client'
  | 'feature_disabled'
  | 'invalid_request'
  | 'interaction_required'
  | 'network'
  | 'invalid_response'
  | 'aborted'
  | 'server_error'
  | 'unknown';

/** Every `MfaErrorCode`, for exhaustive tables (message catalogues, tests). */
export const MFA_ERROR_CODES: readonly MfaErrorCode[] = [
  'mfa_required',
  'invalid_code',
  'expired_code',
  'expired_token',
  'invalid_token',
  'already_enrolled',
  'authorization_pending',
  'slow_down',
  'push_rejected',
  'too_many_attempts',
  'rate_limited',
  'insufficient_scope',
  'step_up_required',
  'not_found',
  'cannot_delete',
  'invalid_phone_number',
  'too_many_authenticators',
  'unsupported_challenge_type',
  'association_required',
  'invalid_credentials',
  'access_denied',
  'unauthorized_client',
  'feature_disabled',
  'invalid_request',
  'interaction_required',
  'network',
  'invalid_response',
  'aborted',
  'server_error',
  'unknown',
];

/** What Auth0 asked for in an `mfa_required` answer (customizable MFA, Early Access). */
export interface MfaRequirements {
  /** Factor types the user can be challenged with, e.g. `otp`, `phone`, `push-notification`, `email`, `recovery-code`. */
  challenge?: ReadonlyArray<{ type: string }>;
  /** Factor types the user must enroll. */
  enroll?: ReadonlyArray<{ type: string }>;
}

/** Details carried by an {@link MfaError}. All optional: a client-side refusal has no HTTP status. */
export interface MfaErrorDetails {
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** Auth0's `error` field, verbatim. */
  error?: string;
  /** Auth0's `error_description` field, verbatim. Never shown to users as-is. */
  errorDescription?: string;
  /** Seconds until a retry may succeed (from `Retry-After` or `X-RateLimit-Reset`), for `rate_limited` / `too_many_attempts`. */
  retryAfter?: number;
  /** The `mfa_token` from an `mfa_required` answer. Secret: keep in memory, never log. */
  mfaToken?: string;
  /** The `mfa_requirements` from an `mfa_required` answer. */
  mfaRequirements?: MfaRequirements;
  /** The underlying error (a `TypeError` from `fetch`, a JSON `SyntaxError`, …). */
  cause?: unknown;
}

/**
 * The only error mfa-kit throws. Switch on `code`; show users the message table's text for it.
 *
 * @example
 * ```ts
 * try { await client.verifyOtp({ otp }) }
 * catch (e) { if (isMfaError(e) && e.code === 'invalid_code') showWrongCode() else throw e }
 * ```
 */
export class MfaError extends Error {
  override readonly name = 'MfaError';
  /** What went wrong, from a closed set. */
  declare readonly code: MfaErrorCode;
  /** Which operation failed. */
  declare readonly operation: MfaOperation;
  /** HTTP status, if an answer arrived. */
  declare readonly status: number | undefined;
  /** Auth0's `error` code, verbatim. */
  declare readonly error: string | undefined;
  /** Auth0's `error_description`, verbatim. */
  declare readonly errorDescription: string | undefined;
  /** Seconds until retrying may succeed, when known. */
  declare readonly retryAfter: number | undefined;
  /** Auth0's `mfa_requirements`, on `mfa_required`. */
  declare readonly mfaRequirements: MfaRequirements | undefined;
  // Kept off the enumerable own properties so JSON.stringify / console inspection of the
  // error never prints the secret. (The public fields above are `declare`d: assigned once in the
  // constructor, not emitted twice as class fields.)
  readonly #mfaToken: string | undefined;

  constructor(code: MfaErrorCode, operation: MfaOperation, message?: string, details: MfaErrorDetails = {}) {
    // The detailed default message is for development; production keeps `operation: code`.
    super(
      message ?? (process.env.NODE_ENV !== 'production' ? defaultMessage(code, operation, details) : `${operation}: ${code}`),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.code = code;
    this.operation = operation;
    this.status = details.status;
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.retryAfter = details.retryAfter;
    this.mfaRequirements = details.mfaRequirements;
    this.#mfaToken = details.mfaToken;
  }

  /** The `mfa_token` carried by an `mfa_required` error. Secret: keep in memory, never log. */
  get mfaToken(): string | undefined {
    return this.#mfaToken;
  }

  /** A plain, secret-free object for logging and test snapshots. */
  toJSON(): Record<string, unknown> {
    // The enumerable own properties are exactly the public fields (`message`, `cause` and the
    // private token are not enumerable); `mfaRequirements` stays out of the log shape.
    const { mfaRequirements, ...fields } = this;
    return { ...fields, message: this.message };
  }
}

// Developer-facing only (users see the message table, keyed by code); never includes tokens.
function defaultMessage(code: MfaErrorCode, operation: MfaOperation, { status, error, errorDescription }: MfaErrorDetails): string {
  return `${operation}: ${code}${status ? ` (HTTP ${status})` : ''}${error ? `: ${error}` : ''}${errorDescription ? ` (${errorDescription})` : ''}`;
}

/** Type guard for {@link MfaError}. Also true for an `MfaError` from another copy of the kit. */
export function isMfaError(value: unknown): value is MfaError {
  return value instanceof MfaError || (value instanceof Error && value.name === 'MfaError' && typeof (value as { code?: unknown }).code === 'string');
}

/** True for errors that a fresh token may fix (the caller should renew once and retry). */
export function isTokenError(error: unknown): boolean {
  return isMfaError(error) && (error.code === 'expired_token' || error.code === 'invalid_token');
}
