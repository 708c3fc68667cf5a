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
import { REQUIRED_SCOPE, parseErrorBody } from './wire.ts';

/**
 * One pattern per code (regular-expression source, an alternation where a code has several
 * spellings), in priority order: the first code whose pattern matches decides.
 */
type Table = Partial<Readonly<Record<MfaErrorCode, string>>>;

// Auth0 `error` codes that are an `MfaErrorCode` of the same name and say what happened on their own.
const SAME_NAME =
  /^(mfa_required|invalid_token|insufficient_scope|authorization_pending|slow_down|too_many_attempts|unsupported_challenge_type|association_required|too_many_authenticators|unauthorized_client|feature_disabled|interaction_required|server_error)$/;

// Other specific `error` codes (matched whole, case-sensitively), including Guardian service codes
// that may surface through the MFA API (reference §1.5).
const ALIASES: Table = {
  invalid_token: 'invalid_bearer_format',
  rate_limited: 'too_many_(sms|pn|requests)',
  invalid_code: 'invalid_(otp|binding_code|recovery_code)|a0\\.mfa_invalid_code',
  // Legacy `a0.mfa_*` codes from older tenants and Guardian SDK paths.
  mfa_required: 'a0\\.mfa_required',
  association_required: 'a0\\.mfa_registration_required',
  expired_token: 'a0\\.mfa_expired_token',
  expired_code: 'a0\\.mfa_expired_code',
  not_found: 'invalid_authenticator|authenticator_not_found',
  unauthorized_client: 'invalid_client|unsupported_grant_type',
  invalid_request: 'invalid_scope',
  invalid_credentials: 'invalid_user_password',
  // A rule or Action denying the login: not a wrong password, so not told as one.
  access_denied: 'unauthorized',
  // Breached-password detection and bot detection: only the hosted login page can resolve them
  // (reset the password, solve the CAPTCHA).
  interaction_required: '(login|consent)_required|password_leaked|requires_verification',
  server_error: 'temporarily_unavailable|bad_gateway',
};

// Known descriptions (found anywhere in the text, case-insensitively), one pattern per family. The
// first match wins, so the more specific texts come first.
const DESCRIPTIONS: Table = {
  // "MFA Authorization rejected." is a rejected push on the oob grant, but a wrong code on the
  // recovery-code and otp grants (reference §1.7, §1.8): refined in classifyError.
  push_rejected: 'mfa authorization rejected',
  invalid_code: 'invalid (otp|binding|recovery)_code',
  // A malformed or foreign oob_code cannot be fixed by retyping: the remedy is a new code, as for
  // an expired one.
  expired_code: "oob_code is expired|malformed oob_code|oob_code doesn't match",
  expired_token: 'mfa_token is expired',
  invalid_token: 'malformed mfa_token|mfa_token provided is invalid|mfa_token not issued to this client',
  already_enrolled: 'user is already enrolled',
  invalid_phone_number: 'phone number is invalid',
  too_many_attempts: 'too many failed codes',
  rate_limited: 'too many (sms|push)',
  too_many_authenticators: 'maximum amount of authenticators',
  invalid_credentials: 'wrong email or password',
  interaction_required: 'unknown or invalid refresh token',
  // Auto-listed verified emails cannot be removed (reference §1.9); Auth0's wording is unknown.
  cannot_delete: 'cannot (delete|be deleted|be removed)',
};

/** The first code of `table` whose pattern matches `text`: the whole of it (`ALIASES`), or anywhere in it, ignoring case (`DESCRIPTIONS`). */
const match = (table: Table, text: string, whole?: boolean): MfaErrorCode | undefined =>
  (Object.keys(table) as MfaErrorCode[]).find((code) => new RegExp(whole ? `^(${table[code]})$` : table[code]!, whole ? '' : 'i').test(text));

/** A specific `error` code's meaning (`undefined` reads as no code: no pattern matches "undefined"). */
const specific = (error: string | undefined): MfaErrorCode | undefined =>
  SAME_NAME.test(error as string) ? (error as MfaErrorCode) : match(ALIASES, error as string, true);

// What `invalid_grant` means on each operation when no known description refines it (on the
// verify-* operations: a wrong code).
const INVALID_GRANT: Partial<Record<MfaOperation, MfaErrorCode>> = {
  'poll-push': 'push_rejected',
  'password-grant': 'invalid_credentials',
  'refresh-grant': 'interaction_required',
};

/** What a generic code means when no known description refines it. */
function genericFallback(error: string | undefined, operation: MfaOperation, status: number): MfaErrorCode | undefined {
  if (error === 'expired_token' || error === 'invalid_request') return error;
  if (error === 'invalid_grant') return operation.startsWith('verify') ? 'invalid_code' : INVALID_GRANT[operation];
  if (error !== 'access_denied') return undefined;
  // 401 access_denied "Unauthorized" is how Auth0 refuses the caller itself: a bad bearer on the
  // /mfa/ endpoints (list, associate, delete), bad client credentials on the body-authenticated ones.
  if (status === 401) return REQUIRED_SCOPE[operation] ? 'invalid_token' : 'unauthorized_client';
  // 403 access_denied on the password grant: the login itself was refused (a rule, Action or block).
  if (operation === 'password-grant') return 'access_denied';
  // On the push poll, access_denied is the user's "no" (GO-REC); elsewhere it is a refusal the kit
  // cannot name.
  return operation === 'verify-oob' || operation === 'poll-push' ? 'push_rejected' : undefined;
}

/** A parameter (`error`, `error_description`) of a `WWW-Authenticate: Bearer …` challenge (RFC 6750 §3). */
function challengeParam(headers: Headers, name: string): string | undefined {
  const found = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^\\s,]+))`, 'i').exec(headers.get('www-authenticate') ?? '');
  return (found && (found[1] ?? found[2])) || undefined;
}

/** The longest wait the client will report, in seconds (1 hour): a larger `Retry-After` is clamped. */
export const RETRY_AFTER_CEILING = 3600;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON = MONTHS.join('|');
// RFC 9110 §5.6.7: IMF-fixdate, obsolete RFC 850 and asctime; nothing else is an HTTP date.
const IMF = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (${MON}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
const RFC850 = new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d{2})-(${MON})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
const ASCTIME = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${MON}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`);

/** Epoch ms of an HTTP date (RFC 9110 §5.6.7), or `undefined` when `value` is not one. */
function httpDate(value: string, now: number): number | undefined {
  let parts: [string, string, string, string, string, string] | undefined;
  let m = IMF.exec(value);
  if (m) parts = [m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!];
  else if ((m = RFC850.exec(value))) {
    // Two-digit year: more than 50 years ahead means the past century (RFC 9110 §5.6.7).
    const century = Math.floor(new Date(now).getUTCFullYear() / 100) * 100;
    let year = century + Number(m[3]);
    if (year > new Date(now).getUTCFullYear() + 50) year -= 100;
    parts = [String(year), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!];
  } else if ((m = ASCTIME.exec(value))) parts = [m[6]!, m[1]!, m[2]!.trim(), m[3]!, m[4]!, m[5]!];
  if (!parts) return undefined;
  const [y, mon, d, hh, mm, ss] = parts;
  const [day, hour, minute, second] = [Number(d), Number(hh), Number(mm), Number(ss)];
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  return Date.UTC(Number(y), MONTHS.indexOf(mon), day, hour, minute, second);
}

/**
 * Seconds until a retry may succeed: `Retry-After` (delta-seconds or an HTTP date, RFC 9110
 * §10.2.3; any other value is ignored), else `X-RateLimit-Reset` (UTC epoch seconds, as Auth0
 * documents; a value that only makes sense as epoch milliseconds is read as such). Always an
 * integer from 0 to {@link RETRY_AFTER_CEILING}; `undefined` when neither header is usable.
 */
export function retryAfterSeconds(headers: Headers, now: number): number | undefined {
  const clamp = (s: number): number => Math.min(RETRY_AFTER_CEILING, Math.max(0, s));
  const until = (ms: number): number | undefined =>
    Number.isFinite(ms) && Number.isFinite(now) ? clamp(Math.ceil((ms - now) / 1000)) : undefined;
  const retryAfter = headers.get('retry-after')?.trim() ?? '';
  if (/^\d+$/.test(retryAfter)) return clamp(Number(retryAfter));
  const date = httpDate(retryAfter, now);
  if (date !== undefined) return until(date);
  const reset = headers.get('x-ratelimit-reset')?.trim() ?? '';
  const value = Number(reset);
  return /^\d{1,16}(\.\d+)?$/.test(reset) ? until(value > 1e11 ? value : value * 1000) : undefined;
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
  const headerError = challengeParam(headers, 'error');
  const error = wire?.error ?? headerError;
  const description = wire?.error_description ?? challengeParam(headers, 'error_description');
  let described = description ? match(DESCRIPTIONS, description) : undefined;
  // "MFA Authorization rejected." is a wrong code on the recovery-code and otp grants.
  if (described === 'push_rejected' && (operation === 'verify-recovery-code' || operation === 'verify-otp')) described = 'invalid_code';

  // A header naming a specific problem beats a body that only repeats the reason phrase.
  let code = specific(error) ?? specific(headerError) ?? described ?? genericFallback(error, operation, status);
  // `expired_token` with "oob_code is expired" is an expired code, not an expired token.
  if (code === 'expired_token' && described === 'expired_code') code = 'expired_code';
  code ??= status === 401 ? 'invalid_token' : status === 404 && operation === 'delete' ? 'not_found' : error === undefined ? 'invalid_response' : 'unknown';
  if (status === 429 && code !== 'too_many_attempts' && code !== 'slow_down') code = 'rate_limited';
  else if (status >= 500 && code !== 'rate_limited' && code !== 'too_many_attempts') code = 'server_error';

  // After the 429 override, a 429 always has one of these codes.
  const rateLimited = code === 'rate_limited' || code === 'too_many_attempts' || code === 'slow_down';
  const mfaRequired = code === 'mfa_required';
  return new MfaError(code, operation, undefined, {
    status,
    error,
    errorDescription: description,
    retryAfter: rateLimited ? retryAfterSeconds(headers, now) : undefined,
    mfaToken: mfaRequired ? wire?.mfa_token : undefined,
    mfaRequirements: mfaRequired ? wire?.mfa_requirements : undefined,
  });
}
