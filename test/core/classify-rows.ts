/**
 * Every row of the error tables in shared/reference/auth0-mfa-api.md (§1.1–1.9), with both variants
 * of each unconfirmed fact, as [name, operation, status, body, expected code]. Shared by the pure
 * classifier tests and the client tests that replay each row over HTTP through the emulator.
 * `body` is the parsed JSON, a raw string (not JSON), or undefined (empty).
 */
import type { MfaErrorCode, MfaOperation } from '../../src/core/index.ts';

export type ErrorRow = readonly [name: string, operation: MfaOperation, status: number, body: unknown, code: MfaErrorCode];

export const body = (error: string, error_description?: string) => (error_description === undefined ? { error } : { error, error_description });

// Every row of the reference's error tables (§1.1–1.9), both variants of each unconfirmed fact.
export const ROWS: readonly ErrorRow[] = [
  // §1.1 password grant
  ['mfa needed', 'password-grant', 403, body('mfa_required', 'Multifactor authentication required'), 'mfa_required'],
  ['wrong credentials (invalid_grant)', 'password-grant', 403, body('invalid_grant', 'Wrong email or password.'), 'invalid_credentials'],
  ['wrong credentials (D-OAS invalid_user_password)', 'password-grant', 403, body('invalid_user_password', 'Wrong email or password.'), 'invalid_credentials'],
  ['brute-force block', 'password-grant', 429, body('too_many_attempts', 'Your account has been blocked after multiple consecutive login attempts.'), 'too_many_attempts'],
  ['grant not enabled', 'password-grant', 403, body('unauthorized_client', "Grant type 'password' not allowed for the client."), 'unauthorized_client'],
  // §1.2 refresh grant
  ['invalid refresh token', 'refresh-grant', 403, body('invalid_grant', 'Unknown or invalid refresh token.'), 'interaction_required'],
  ['mfa on refresh', 'refresh-grant', 403, body('mfa_required', 'Multifactor authentication required'), 'mfa_required'],
  // §1.3 list
  ['list: mfa_token invalid (description only)', 'list', 401, body('invalid_request', 'The mfa_token provided is invalid. Try getting a new token.'), 'invalid_token'],
  ['list: expired token 401', 'list', 401, body('expired_token', 'mfa_token is expired'), 'expired_token'],
  ['list: expired token 403', 'list', 403, body('expired_token', 'mfa_token is expired'), 'expired_token'],
  ['list: malformed token', 'list', 401, body('invalid_grant', 'Malformed mfa_token'), 'invalid_token'],
  ['list: Guardian invalid_token', 'list', 401, body('invalid_token'), 'invalid_token'],
  ['list: Guardian invalid_bearer_format', 'list', 401, body('invalid_bearer_format'), 'invalid_token'],
  ['list: insufficient scope', 'list', 403, body('insufficient_scope', 'Insufficient scope, expected any of: read:authenticators'), 'insufficient_scope'],
  // §1.4 associate
  ['associate: already enrolled (access_denied)', 'associate', 403, body('access_denied', 'User is already enrolled.'), 'already_enrolled'],
  ['associate: already enrolled (unknown code, 400)', 'associate', 400, body('invalid_request', 'User is already enrolled.'), 'already_enrolled'],
  ['associate: bad phone', 'associate', 400, body('invalid_request', 'The phone number is invalid.'), 'invalid_phone_number'],
  ['associate: missing params', 'associate', 400, body('invalid_request', 'Missing required parameter: authenticator_types'), 'invalid_request'],
  ['associate: max authenticators', 'associate', 400, body('invalid_request', 'Guardian - User has created the maximum amount of authenticators'), 'too_many_authenticators'],
  ['associate: max authenticators (403 access_denied)', 'associate', 403, body('access_denied', 'User has created the maximum amount of authenticators'), 'too_many_authenticators'],
  ['associate: feature disabled', 'associate', 403, body('feature_disabled', 'The factor is disabled'), 'feature_disabled'],
  // §1.5 challenge
  ['challenge: unsupported type 400', 'challenge', 400, body('unsupported_challenge_type', 'The user does not support the requested challenge type (otp). Supported type: oob'), 'unsupported_challenge_type'],
  ['challenge: unsupported type 401', 'challenge', 401, body('unsupported_challenge_type', 'No matching challenge_type for provider sms'), 'unsupported_challenge_type'],
  ['challenge: association required', 'challenge', 400, body('association_required', 'User needs to enroll'), 'association_required'],
  ['challenge: unknown authenticator', 'challenge', 400, body('invalid_authenticator', 'Invalid authenticator_id'), 'not_found'],
  ['challenge: token of another client', 'challenge', 400, body('invalid_request', 'mfa_token not issued to this client'), 'invalid_token'],
  ['challenge: expired mfa_token 401', 'challenge', 401, body('expired_token', 'mfa_token is expired'), 'expired_token'],
  ['challenge: expired mfa_token 403', 'challenge', 403, body('expired_token', 'mfa_token is expired'), 'expired_token'],
  ['challenge: malformed mfa_token', 'challenge', 403, body('invalid_grant', 'Malformed mfa_token'), 'invalid_token'],
  ['challenge: too many SMS (400)', 'challenge', 400, body('invalid_request', 'Too many SMS sent by the user. Wait for some minutes before retrying.'), 'rate_limited'],
  ['challenge: too many SMS (429)', 'challenge', 429, body('invalid_request', 'Too many SMS sent by the user. Wait for some minutes before retrying.'), 'rate_limited'],
  ['challenge: Guardian too_many_sms', 'challenge', 429, body('too_many_sms'), 'rate_limited'],
  ['challenge: Guardian too_many_pn', 'challenge', 400, body('too_many_pn'), 'rate_limited'],
  ['challenge: SMS gateway down', 'challenge', 502, body('bad_gateway', 'SMS provider unavailable'), 'server_error'],
  // §1.6 mfa-otp
  ['otp: wrong code', 'verify-otp', 403, body('invalid_grant', 'Invalid otp_code.'), 'invalid_code'],
  ['otp: malformed mfa_token', 'verify-otp', 403, body('invalid_grant', 'Malformed mfa_token'), 'invalid_token'],
  ['otp: expired mfa_token 401', 'verify-otp', 401, body('expired_token', 'mfa_token is expired'), 'expired_token'],
  ['otp: expired mfa_token 403', 'verify-otp', 403, body('expired_token', 'mfa_token is expired'), 'expired_token'],
  ['otp: lockout as invalid_request', 'verify-otp', 400, body('invalid_request', 'Too many failed codes. Wait for some minutes before retrying.'), 'too_many_attempts'],
  ['otp: lockout as too_many_attempts', 'verify-otp', 429, body('too_many_attempts', 'Too many failed codes. Wait for some minutes before retrying.'), 'too_many_attempts'],
  ['otp: lockout as invalid_request at 429', 'verify-otp', 429, body('invalid_request', 'Too many failed codes. Wait for some minutes before retrying.'), 'too_many_attempts'],
  ['otp: grant not enabled', 'verify-otp', 403, body('unauthorized_client', "Grant type 'http://auth0.com/oauth/grant-type/mfa-otp' not allowed for the client."), 'unauthorized_client'],
  ['otp: chained mfa', 'verify-otp', 403, body('mfa_required', 'Multifactor authentication required'), 'mfa_required'],
  // §1.7 mfa-oob
  ['oob: push pending', 'poll-push', 400, body('authorization_pending', 'Authorization pending: please repeat the request in a few seconds.'), 'authorization_pending'],
  ['oob: slow down', 'poll-push', 400, body('slow_down', 'You are polling faster than allowed.'), 'slow_down'],
  ['oob: slow down (no description)', 'verify-oob', 400, body('slow_down'), 'slow_down'],
  ['oob: push rejected (access_denied, GO-REC)', 'poll-push', 400, body('access_denied', 'MFA Authorization rejected.'), 'push_rejected'],
  ['oob: push rejected (invalid_grant, docs)', 'poll-push', 403, body('invalid_grant', 'MFA Authorization rejected.'), 'push_rejected'],
  ['oob: push rejected on verify-oob (access_denied)', 'verify-oob', 400, body('access_denied', 'MFA Authorization rejected.'), 'push_rejected'],
  ['oob: push rejected on verify-oob (invalid_grant)', 'verify-oob', 403, body('invalid_grant', 'MFA Authorization rejected.'), 'push_rejected'],
  ['oob: wrong binding code', 'verify-oob', 403, body('invalid_grant', 'Invalid binding_code.'), 'invalid_code'],
  ['oob: missing binding code', 'verify-oob', 400, body('invalid_request', 'Missing required parameter: binding_code'), 'invalid_request'],
  ['oob: oob_code expired 401', 'verify-oob', 401, body('expired_token', 'oob_code is expired'), 'expired_code'],
  ['oob: oob_code expired 403', 'verify-oob', 403, body('expired_token', 'oob_code is expired'), 'expired_code'],
  ['oob: oob_code malformed', 'verify-oob', 403, body('invalid_grant', 'Malformed oob_code'), 'expired_code'],
  ['oob: oob_code of another transaction', 'verify-oob', 400, body('invalid_request', "The oob_code doesn't match the mfa_token"), 'expired_code'],
  ['oob: expired mfa_token', 'verify-oob', 401, body('expired_token', 'mfa_token is expired'), 'expired_token'],
  // §1.8 mfa-recovery-code
  ['recovery: wrong code (PC)', 'verify-recovery-code', 403, body('invalid_grant', 'MFA Authorization rejected.'), 'invalid_code'],
  ['recovery: wrong code (access_denied)', 'verify-recovery-code', 400, body('access_denied', 'MFA Authorization rejected.'), 'invalid_code'],
  ['recovery: wrong code (SWIFT)', 'verify-recovery-code', 403, body('invalid_grant', 'Invalid recovery_code.'), 'invalid_code'],
  ['recovery: rate limited', 'verify-recovery-code', 429, body('too_many_attempts', 'Too many failed codes. Wait for some minutes before retrying.'), 'too_many_attempts'],
  // §1.9 delete
  ['delete: invalid token', 'delete', 401, body('invalid_token', 'Invalid token'), 'invalid_token'],
  ['delete: not found (invalid_authenticator)', 'delete', 404, body('invalid_authenticator', 'Authenticator does not exist'), 'not_found'],
  ['delete: not found (unknown code)', 'delete', 404, body('not_found', 'Not Found'), 'not_found'],
  ['delete: not found (empty body)', 'delete', 404, undefined, 'not_found'],
  ['delete: insufficient scope', 'delete', 403, body('insufficient_scope', 'Insufficient scope, expected any of: remove:authenticators'), 'insufficient_scope'],
  ['delete: auto-listed email', 'delete', 403, body('access_denied', 'This authenticator cannot be deleted.'), 'cannot_delete'],
  ['delete: mfa_token (raw) refused', 'delete', 401, body('invalid_request', 'The mfa_token provided is invalid. Try getting a new token.'), 'invalid_token'],
  // generic
  ['boom-style 401', 'list', 401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' }, 'invalid_token'],
  ['boom-style errorCode', 'list', 403, { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope', errorCode: 'insufficient_scope' }, 'insufficient_scope'],
  ['500 with a body', 'list', 500, body('server_error', 'Something broke'), 'server_error'],
  ['503 with an HTML page', 'associate', 503, '<html><body>Service Unavailable</body></html>', 'server_error'],
  ['500 with an OAuth code', 'verify-otp', 500, body('invalid_grant', 'Invalid otp_code.'), 'server_error'],
  ['400 with an HTML page', 'associate', 400, '<html>Bad request</html>', 'invalid_response'],
  ['403 with an empty body', 'associate', 403, undefined, 'invalid_response'],
  ['401 with an empty body', 'list', 401, undefined, 'invalid_token'],
  ['429 with no body', 'challenge', 429, undefined, 'rate_limited'],
  ['429 with another code', 'challenge', 429, body('access_denied', 'Too many requests'), 'rate_limited'],
  ['an unknown code', 'associate', 400, body('some_new_error', 'Something new'), 'unknown'],
  ['access_denied off the push poll', 'associate', 403, body('access_denied', 'Something else'), 'unknown'],
  ['client authentication failed (token)', 'verify-otp', 401, body('access_denied', 'Unauthorized'), 'unauthorized_client'],
  ['client authentication failed (poll)', 'poll-push', 401, body('access_denied', 'Unauthorized'), 'unauthorized_client'],
  ['bearer refused with access_denied', 'list', 401, body('access_denied', 'Unauthorized'), 'invalid_token'],
  ['grant type unknown', 'verify-oob', 400, body('unsupported_grant_type', 'Unsupported grant type'), 'unauthorized_client'],
  ['too_many_authenticators as a code', 'associate', 400, body('too_many_authenticators', 'Guardian - User has created the maximum amount of authenticators'), 'too_many_authenticators'],
  ['access token expired', 'list', 401, body('expired_token', 'access_token is expired'), 'expired_token'],
  ['interaction required', 'token', 400, body('login_required', 'Multifactor authentication required'), 'interaction_required'],
];

