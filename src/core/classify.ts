/**
 * Turns an Auth0 error answer into an `MfaError` with a closed `code`. Pure: no I/O, the clock is
 * passed in.
 *
 * Order (reference §2.4, the approach of Auth0's Swift and Android SDKs): a specific `error` code
 * decides; a generic one (`invalid_grant`, `invalid_request`, `access_denied`, `expired_token`)
 * is refined by the known `error_description` strings; with no usable code, the HTTP status
 * decides. Then 429 and 5xx override whatever a body said, except the rate-limit family.
 */
import { MfaError } from './errors.ts';
import type { MfaErrorCode, MfaOperation } from './errors.ts';
import { parseErrorBody } from './wire.ts';

// Codes that say what happened on their own.
const SPECIFIC: Readonly<Record<string, MfaErrorCode>> = {
  mfa_required: 'mfa_required',
  invalid_token: 'invalid_token',
  invalid_bearer_format: 'invalid_token',
  insufficient_scope: 'insufficient_scope',
  authorization_pending: 'authorization_pending',
  slow_down: 'slow_down',
  too_many_attempts: 'too_many_attempts',
  // Guardian service codes that may surface through the MFA API (reference §1.5).
  too_many_sms: 'rate_limited',
  too_many_pn: 'rate_limited',
  too_many_requests: 'rate_limited',
  invalid_otp: 'invalid_code',
  invalid_binding_code: 'invalid_code',
  invalid_recovery_code: 'invalid_code',
  unsupported_challenge_type: 'unsupported_challenge_type',
  association_required: 'association_required',
  invalid_authenticator: 'not_found',
  authenticator_not_found: 'not_found',
  too_many_authenticators: 'too_many_authenticators',
  unauthorized_client: 'unauthorized_client',
  invalid_client: 'unauthorized_client',
  unsupported_grant_type: 'unauthorized_client',
  invalid_scope: 'invalid_request',
  feature_disabled: 'feature_disabled',
  invalid_user_password: 'invalid_credentials',
  login_required: 'interaction_required',
  interaction_required: 'interaction_required',
  consent_required: 'interaction_required',
  server_error: 'server_error',
  temporarily_unavailable: 'server_error',
  bad_gateway: 'server_error',
};

// Known descriptions, matched case-insensitively as substrings. First match wins, so the more
// specific texts come first. `null` means "depends on the operation" (handled below).
const DESCRIPTIONS: ReadonlyArray<readonly [string, MfaErrorCode | null]> = [
  ['mfa authorization rejected', null],
  ['invalid otp_code', 'invalid_code'],
  ['invalid binding_code', 'invalid_code'],
  ['invalid recovery_code', 'invalid_code'],
  ['oob_code is expired', 'expired_code'],
  // A malformed or foreign oob_code cannot be fixed by retyping: the remedy is a new code, as for
  // an expired one.
  ['malformed oob_code', 'expired_code'],
  ["oob_code doesn't match", 'expired_code'],
  ['mfa_token is expired', 'expired_token'],
  ['malformed mfa_token', 'invalid_token'],
  ['mfa_token provided is invalid', 'invalid_token'],
  ['mfa_token not issued to this client', 'invalid_token'],
  ['user is already enrolled', 'already_enrolled'],
  ['phone number is invalid', 'invalid_phone_number'],
  ['too many failed codes', 'too_many_attempts'],
  ['too many sms', 'rate_limited'],
  ['too many push', 'rate_limited'],
  ['maximum amount of authenticators', 'too_many_authenticators'],
  ['wrong email or password', 'invalid_credentials'],
  ['unknown or invalid refresh token', 'interaction_required'],
  // Auto-listed verified emails cannot be removed (reference §1.9); Auth0's wording is unknown.
  ['cannot be deleted', 'cannot_delete'],
  ['cannot delete', 'cannot_delete'],
  ['cannot be removed', 'cannot_delete'],
];

function byDescription(description: string, operation: MfaOperation): MfaErrorCode | undefined {
  const text = description.toLowerCase();
  for (const [needle, code] of DESCRIPTIONS) {
    if (!text.includes(needle)) continue;
    if (code !== null) return code;
    // "MFA Authorization rejected." is a rejected push on the oob grant, but a wrong code on the
    // recovery-code grant (reference §1.7, §1.8).
    return operation === 'verify-recovery-code' || operation === 'verify-otp' ? 'invalid_code' : 'push_rejected';
  }
  return undefined;
}

// Operations that authenticate with `Authorization: Bearer` rather than client credentials in the body.
const BEARER_OPERATIONS: readonly MfaOperation[] = ['list', 'associate', 'delete'];

/** What a generic code means when no known description refines it. */
function genericFallback(error: string, operation: MfaOperation, status: number): MfaErrorCode | undefined {
  switch (error) {
    case 'expired_token':
      return 'expired_token';
    case 'invalid_request':
      return 'invalid_request';
    case 'access_denied':
      // 401 access_denied "Unauthorized" is how Auth0 refuses the caller itself: a bad bearer on
      // the /mfa/ endpoints, bad client credentials on the body-authenticated ones.
      if (status === 401) return BEARER_OPERATIONS.includes(operation) ? 'invalid_token' : 'unauthorized_client';
      // On the push poll, access_denied is the user's "no" (GO-REC); elsewhere it is a refusal
      // the kit cannot name.
      return operation === 'verify-oob' || operation === 'poll-push' ? 'push_rejected' : undefined;
    case 'invalid_grant':
      switch (operation) {
        case 'verify-otp':
        case 'verify-oob':
        case 'verify-recovery-code':
          return 'invalid_code';
        case 'poll-push':
          return 'push_rejected';
        case 'password-grant':
          return 'invalid_credentials';
        case 'refresh-grant':
          return 'interaction_required';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}

/** The `error` / `error_description` parameters of a `WWW-Authenticate: Bearer …` challenge (RFC 6750 §3). */
function readWwwAuthenticate(headers: Headers): { error?: string; description?: string } {
  const value = headers.get('www-authenticate');
  if (!value) return {};
  const param = (name: string): string | undefined => {
    const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^\\s,]+))`, 'i').exec(value);
    return match ? (match[1] ?? match[2]) : undefined;
  };
  const out: { error?: string; description?: string } = {};
  const error = param('error');
  const description = param('error_description');
  if (error) out.error = error;
  if (description) out.description = description;
  return out;
}

/**
 * Seconds until a retry may succeed: `Retry-After` (delta-seconds or an HTTP date), else
 * `X-RateLimit-Reset` (UTC epoch seconds, as Auth0 documents; a value that only makes sense as
 * epoch milliseconds is read as such). `undefined` when neither header is usable.
 */
export function retryAfterSeconds(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    const resetMs = value > 1e11 ? value : value * 1000;
    return Math.max(0, Math.ceil((resetMs - now) / 1000));
  }
  return undefined;
}

/**
 * Classify an HTTP error answer.
 *
 * @param operation the call that failed.
 * @param status the HTTP status (not 2xx).
 * @param body the parsed JSON body, the raw text when it was not JSON, or `undefined` when empty.
 * @param headers the answer's headers (`Retry-After`, `X-RateLimit-Reset`, `WWW-Authenticate`).
 * @param now the client's clock (epoch ms), for `X-RateLimit-Reset` and HTTP-date `Retry-After`.
 * @returns an `MfaError` carrying the status, Auth0's `error` / `error_description`, `retryAfter`
 *   for rate limits, and `mfaToken` / `mfaRequirements` for `mfa_required`.
 *
 * @example
 * ```ts
 * const e = classifyError('verify-otp', 403, { error: 'invalid_grant', error_description: 'Invalid otp_code.' }, new Headers());
 * e.code // 'invalid_code'
 * ```
 */
export function classifyError(operation: MfaOperation, status: number, body: unknown, headers: Headers, now: number = Date.now()): MfaError {
  const wire = parseErrorBody(body);
  const challenge = readWwwAuthenticate(headers);
  const error = wire?.error ?? challenge.error;
  const description = wire?.error_description ?? challenge.description;

  let code: MfaErrorCode | undefined = error === undefined ? undefined : SPECIFIC[error];
  // A header naming a specific problem beats a body that only repeats the reason phrase.
  if (code === undefined && challenge.error !== undefined) code = SPECIFIC[challenge.error];
  if (code === undefined && description) code = byDescription(description, operation);
  if (code === undefined && error !== undefined) code = genericFallback(error, operation, status);
  // `expired_token` with "oob_code is expired" is an expired code, not an expired token.
  if (code === 'expired_token' && description && byDescription(description, operation) === 'expired_code') code = 'expired_code';

  if (code === undefined) {
    if (status === 401) code = 'invalid_token';
    else if (status === 404 && operation === 'delete') code = 'not_found';
    else if (error === undefined) code = 'invalid_response';
    else code = 'unknown';
  }
  if (status === 429 && code !== 'too_many_attempts' && code !== 'slow_down') code = 'rate_limited';
  else if (status >= 500 && code !== 'rate_limited' && code !== 'too_many_attempts') code = 'server_error';

  const retryAfter = code === 'rate_limited' || code === 'too_many_attempts' || code === 'slow_down' || status === 429
    ? retryAfterSeconds(headers, now)
    : undefined;

  const message = messageFor(code, operation, status, error, description);
  return new MfaError(code, operation, message, {
    status,
    error,
    errorDescription: description,
    retryAfter,
    mfaToken: code === 'mfa_required' ? wire?.mfa_token : undefined,
    mfaRequirements: code === 'mfa_required' ? wire?.mfa_requirements : undefined,
  });
}

// Developer-facing only (users see the message table); never includes tokens.
function messageFor(code: MfaErrorCode, operation: MfaOperation, status: number, error: string | undefined, description: string | undefined): string {
  if (code === 'invalid_response') return `${operation}: HTTP ${status} with a body that is not an Auth0 error`;
  const detail = error ? `: ${error}${description ? ` (${description})` : ''}` : '';
  return `${operation} failed with ${code} (HTTP ${status})${detail}`;
}
