/**
 * Auth0's MFA API on the wire (see shared/reference/auth0-mfa-api.md §2.4), and the parsers that
 * turn untrusted JSON into these types or throw `MfaError('invalid_response')`.
 */
import { MfaError } from './errors.ts';
import type { MfaOperation } from './errors.ts';
import { compact } from './util.ts';

/** `authenticator_type` as Auth0 sends it. */
export type AuthenticatorType = 'otp' | 'oob' | 'recovery-code';

/** `oob_channel` as Auth0 sends it; `auth0` is Guardian push. */
export type OobChannel = 'sms' | 'voice' | 'auth0' | 'email';

/** One item of `GET /mfa/authenticators`, after validation and normalisation. */
export interface WireAuthenticator {
  /** e.g. `totp|dev_WzMZ2sZbUw1wbC2F`. */
  id: string;
  authenticator_type: AuthenticatorType;
  /** `false` means enrolled but never confirmed (pending). */
  active: boolean;
  /** For `oob` only. Normalised from the singular key or the legacy `oob_channels` (string or array). */
  oob_channel?: OobChannel;
  /** Masked phone (`XXXXXXXXX9167`), masked email, or push device name. */
  name?: string;
  /** Tenant-dependent: `otp` | `phone` | `email` | `push-notification` | `recovery-code`. */
  type?: string;
}

/** `POST /mfa/associate` answer for `otp`. */
export interface WireOtpAssociation {
  authenticator_type: 'otp';
  secret: string;
  barcode_uri: string;
  recovery_codes?: string[];
}

/** `POST /mfa/associate` answer for `oob` (sms, voice, email: `binding_method: 'prompt'`; push: `barcode_uri`). */
export interface WireOobAssociation {
  authenticator_type: 'oob';
  oob_channel: OobChannel;
  oob_code: string;
  binding_method?: 'prompt';
  barcode_uri?: string;
  recovery_codes?: string[];
}

/** Any `POST /mfa/associate` answer. */
export type WireAssociation = WireOtpAssociation | WireOobAssociation;

/** `POST /mfa/challenge` answer. */
export interface WireChallenge {
  challenge_type: 'otp' | 'oob';
  oob_code?: string;
  binding_method?: 'prompt';
}

/** `POST /oauth/token` success. */
export interface WireToken {
  access_token: string;
  token_type: string;
  expires_in: number;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
  /** A new recovery code, after `mfa-recovery-code`. */
  recovery_code?: string;
}

/** Any Auth0 error body. */
export interface WireError {
  error: string;
  error_description?: string;
  mfa_token?: string;
  mfa_requirements?: { challenge?: { type: string }[]; enroll?: { type: string }[] };
}

const GRANT_TYPE = 'http://auth0.com/oauth/grant-type/';

/** The grant type URIs. */
export const GRANT = {
  password: 'password',
  passwordRealm: `${GRANT_TYPE}password-realm`,
  refreshToken: 'refresh_token',
  mfaOtp: `${GRANT_TYPE}mfa-otp`,
  mfaOob: `${GRANT_TYPE}mfa-oob`,
  mfaRecoveryCode: `${GRANT_TYPE}mfa-recovery-code`,
} as const;

/** The three MFA API scopes. */
export const MFA_SCOPES = ['enroll', 'read:authenticators', 'remove:authenticators'] as const;

/** One of the MFA API scopes. */
export type MfaScope = (typeof MFA_SCOPES)[number];

/**
 * Which scope each bearer-token operation (the `/mfa/authenticators` and `/mfa/associate` calls)
 * needs from an access token (reference §0). The other operations authenticate with an
 * `mfa_token` in the body and have no entry.
 */
export const REQUIRED_SCOPE: Partial<Readonly<Record<MfaOperation, MfaScope>>> = {
  list: 'read:authenticators',
  associate: 'enroll',
  delete: 'remove:authenticators',
};

/** The MFA API audience for a tenant domain: `https://{domain}/mfa/`, trailing slash included. */
export function mfaAudience(domain: string): string {
  return `https://${domain}/mfa/`;
}

// ---------------------------------------------------------------------------------------------
// Parsers. Every answer is untrusted (a proxy, a captive portal or a future Auth0 change can put
// anything there), so each parser either returns data of the documented shape or throws
// `MfaError('invalid_response')` — never a TypeError, never a half-typed object.
//
// Policy: strict on the fields the kit needs (missing or mistyped → invalid_response), lenient on
// the optional ones (a mistyped optional field is dropped as if absent), unknown extra fields are
// ignored. Where the reference marks a fact unconfirmed, every plausible variant is accepted.
// ---------------------------------------------------------------------------------------------


/** Where a parser is used, for the `MfaError` it throws. */
export interface ParseContext {
  /** The operation whose answer is parsed. */
  operation: MfaOperation;
  /** The HTTP status of the answer, copied into the error. */
  status?: number;
}

type Json = Record<string, unknown>;

const AUTHENTICATOR_TYPES: readonly AuthenticatorType[] = ['otp', 'oob', 'recovery-code'];
const OOB_CHANNELS: readonly OobChannel[] = ['sms', 'voice', 'auth0', 'email'];

// The id prefix names the channel (sms|, voice|, push|, email| — reference §2.1), so an `oob` item
// whose channel field is missing can still be told apart.
function channelFromId(id: string): OobChannel | undefined {
  const prefix = /^(sms|voice|push|email)\|/.exec(id)?.[1];
  return prefix === 'push' ? 'auth0' : (prefix as OobChannel | undefined);
}

/**
 * Throws `invalid_response` naming the offending part. Developer-facing (users see the message
 * table), so production builds keep only the default `operation: code (HTTP status)` message.
 */
function fail(ctx: ParseContext, what: string): never {
  throw new MfaError('invalid_response', ctx.operation, process.env.NODE_ENV !== 'production' ? `${ctx.operation}: invalid_response (${what})` : undefined, {
    status: ctx.status,
  });
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, ctx: ParseContext, what: string): Json {
  return isRecord(value) ? value : fail(ctx, what);
}

/** A required field: a non-empty string. */
function need(r: Json, key: string, ctx: ParseContext): string {
  const value = r[key];
  return typeof value === 'string' && value !== '' ? value : fail(ctx, key);
}

/** An optional field: the string, or `undefined` when absent or mistyped. */
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** `value` when it is one of `allowed`. */
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/**
 * The channel of an `oob` record: the singular `oob_channel` (what real tenants send), else the
 * legacy `oob_channels` (docs-only; a string in old samples, an array in the request shape — take
 * the first). Unknown values read as absent.
 */
function readOobChannel(r: Json): OobChannel | undefined {
  const legacy = r.oob_channels;
  return oneOf(r.oob_channel, OOB_CHANNELS) ?? oneOf(Array.isArray(legacy) ? legacy[0] : legacy, OOB_CHANNELS);
}

const bindingMethod = (r: Json): 'prompt' | undefined => (r.binding_method === 'prompt' ? 'prompt' : undefined);

/**
 * One list item. `oob_channel` is kept only on `oob` items; when it is missing or unknown it is
 * inferred from the id prefix, and left undefined if that fails too (the item is still kept: an
 * authenticator the UI cannot label is better than a list that fails to load).
 */
function parseAuthenticator(value: unknown, ctx: ParseContext): WireAuthenticator {
  const r = record(value, ctx, 'list item');
  const id = need(r, 'id', ctx);
  const type = oneOf(r.authenticator_type, AUTHENTICATOR_TYPES) ?? fail(ctx, 'authenticator_type');
  const active = typeof r.active === 'boolean' ? r.active : fail(ctx, 'active');
  return compact({
    id,
    authenticator_type: type,
    active,
    oob_channel: type === 'oob' ? (readOobChannel(r) ?? channelFromId(id)) : undefined,
    name: str(r.name),
    type: str(r.type),
  });
}

/**
 * Parse a `GET /mfa/authenticators` answer. One malformed item makes the whole answer invalid:
 * a list with silently missing factors would let a user delete their only working one.
 *
 * @throws MfaError `invalid_response`
 */
export function parseAuthenticatorList(value: unknown, ctx: ParseContext = { operation: 'list' }): WireAuthenticator[] {
  return Array.isArray(value) ? value.map((item) => parseAuthenticator(item, ctx)) : fail(ctx, 'list');
}

function readRecoveryCodes(r: Json): string[] | undefined {
  // Documented as a one-element array; a bare string (or a singular `recovery_code`) is tolerated
  // because losing a recovery code silently is worse than accepting an odd shape.
  const codes = [r.recovery_codes ?? r.recovery_code].flat().filter((code): code is string => !!str(code));
  return codes[0] ? codes : undefined;
}

/**
 * Parse a `POST /mfa/associate` answer.
 *
 * @param requestedChannel the channel that was asked for: used when the answer names none
 *   (real tenants send `oob_channel`, the docs `oob_channels`; neither is guaranteed).
 * @throws MfaError `invalid_response`
 */
export function parseAssociation(
  value: unknown,
  ctx: ParseContext = { operation: 'associate' },
  requestedChannel?: OobChannel,
): WireAssociation {
  const r = record(value, ctx, 'answer');
  const recovery_codes = readRecoveryCodes(r);
  if (r.authenticator_type === 'otp') {
    return compact({ authenticator_type: 'otp', secret: need(r, 'secret', ctx), barcode_uri: need(r, 'barcode_uri', ctx), recovery_codes });
  }
  if (r.authenticator_type !== 'oob') fail(ctx, 'authenticator_type');
  return compact({
    authenticator_type: 'oob',
    oob_channel: readOobChannel(r) ?? requestedChannel ?? fail(ctx, 'oob_channel'),
    oob_code: need(r, 'oob_code', ctx),
    binding_method: bindingMethod(r),
    barcode_uri: str(r.barcode_uri) || undefined,
    recovery_codes,
  });
}

/**
 * Parse a `POST /mfa/challenge` answer. An `oob` challenge must carry its `oob_code`.
 *
 * @throws MfaError `invalid_response`
 */
export function parseChallenge(value: unknown, ctx: ParseContext = { operation: 'challenge' }): WireChallenge {
  const r = record(value, ctx, 'answer');
  if (r.challenge_type === 'otp') return { challenge_type: 'otp' };
  if (r.challenge_type !== 'oob') fail(ctx, 'challenge_type');
  return compact({ challenge_type: 'oob', oob_code: need(r, 'oob_code', ctx), binding_method: bindingMethod(r) });
}

/**
 * Parse a `POST /oauth/token` success. `access_token` and a finite, non-negative `expires_in` are
 * required; `token_type` defaults to `Bearer` (the kit never branches on it).
 *
 * @throws MfaError `invalid_response`
 */
export function parseToken(value: unknown, ctx: ParseContext = { operation: 'token' }): WireToken {
  const r = record(value, ctx, 'answer');
  const expiresIn = r.expires_in;
  const optional = (key: string) => str(r[key]) || undefined;
  return compact({
    access_token: need(r, 'access_token', ctx),
    token_type: optional('token_type') ?? 'Bearer',
    expires_in: typeof expiresIn === 'number' && expiresIn >= 0 && expiresIn < Infinity ? expiresIn : fail(ctx, 'expires_in'),
    id_token: optional('id_token'),
    refresh_token: optional('refresh_token'),
    scope: optional('scope'),
    recovery_code: optional('recovery_code'),
  });
}

const typeList = (value: unknown): { type: string }[] | undefined =>
  Array.isArray(value) ? value.flatMap((item) => (isRecord(item) && typeof item.type === 'string' ? [{ type: item.type }] : [])) : undefined;

/**
 * Read an Auth0 error body, leniently: the standard OAuth `{error, error_description}` plus
 * `mfa_token` / `mfa_requirements`, and the Boom-style `{statusCode, error, message, errorCode}`
 * some Auth0 services answer with (`errorCode` wins over the reason phrase in `error`).
 * Returns `undefined` when there is no error code to read.
 */
export function parseErrorBody(value: unknown): WireError | undefined {
  if (!isRecord(value)) return undefined;
  const error = str(value.errorCode) || str(value.error) || str(value.code);
  const requirements = value.mfa_requirements;
  return error
    ? compact({
        error,
        error_description: str(value.error_description) ?? str(value.description) ?? str(value.message),
        mfa_token: str(value.mfa_token) || undefined,
        mfa_requirements: isRecord(requirements) ? compact({ challenge: typeList(requirements.challenge), enroll: typeList(requirements.enroll) }) : undefined,
      })
    : undefined;
}
