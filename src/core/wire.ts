/**
 * Auth0's MFA API on the wire (see shared/reference/auth0-mfa-api.md §2.4), and the parsers that
 * turn untrusted JSON into these types or throw `MfaError('invalid_response')`.
 */
import { MfaError } from './errors.ts';
import type { MfaOperation } from './errors.ts';

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

/** The grant type URIs. */
export const GRANT = {
  password: 'password',
  passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
  refreshToken: 'refresh_token',
  mfaOtp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  mfaOob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  mfaRecoveryCode: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
} as const;

/** The three MFA API scopes. */
export const MFA_SCOPES = ['enroll', 'read:authenticators', 'remove:authenticators'] as const;

/** One of the MFA API scopes. */
export type MfaScope = (typeof MFA_SCOPES)[number];

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

const AUTHENTICATOR_TYPES: readonly AuthenticatorType[] = ['otp', 'oob', 'recovery-code'];
const OOB_CHANNELS: readonly OobChannel[] = ['sms', 'voice', 'auth0', 'email'];

// The id prefix names the channel (sms|, voice|, push|, email| — reference §2.1), so an `oob` item
// whose channel field is missing can still be told apart.
const CHANNEL_BY_ID_PREFIX: Readonly<Record<string, OobChannel>> = { sms: 'sms', voice: 'voice', push: 'auth0', email: 'email' };

function invalid(ctx: ParseContext, what: string): MfaError {
  return new MfaError('invalid_response', ctx.operation, `${ctx.operation}: unexpected answer from Auth0 (${what})`, {
    status: ctx.status,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireRecord(value: unknown, ctx: ParseContext, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw invalid(ctx, `${what} is not a JSON object`);
  return value;
}

function requireString(record: Record<string, unknown>, key: string, ctx: ParseContext): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') throw invalid(ctx, `\`${key}\` is missing or not a string`);
  return value;
}

function optionalString(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

function asOobChannel(value: unknown): OobChannel | undefined {
  return typeof value === 'string' && (OOB_CHANNELS as readonly string[]).includes(value) ? (value as OobChannel) : undefined;
}

/**
 * The channel of an `oob` record: the singular `oob_channel` (what real tenants send), else the
 * legacy `oob_channels` (docs-only; a string in old samples, an array in the request shape — take
 * the first). Unknown values read as absent.
 */
function readOobChannel(record: Record<string, unknown>): OobChannel | undefined {
  const singular = asOobChannel(record.oob_channel);
  if (singular) return singular;
  const legacy = record.oob_channels;
  return asOobChannel(Array.isArray(legacy) ? legacy[0] : legacy);
}

function channelFromId(id: string): OobChannel | undefined {
  const bar = id.indexOf('|');
  return bar > 0 ? CHANNEL_BY_ID_PREFIX[id.slice(0, bar)] : undefined;
}

function readBindingMethod(record: Record<string, unknown>): 'prompt' | undefined {
  return record.binding_method === 'prompt' ? 'prompt' : undefined;
}

/**
 * One list item. `oob_channel` is kept only on `oob` items; when it is missing or unknown it is
 * inferred from the id prefix, and left undefined if that fails too (the item is still kept: an
 * authenticator the UI cannot label is better than a list that fails to load).
 */
function parseAuthenticator(value: unknown, index: number, ctx: ParseContext): WireAuthenticator {
  const record = requireRecord(value, ctx, `list item ${index}`);
  const id = requireString(record, 'id', ctx);
  const type = record.authenticator_type;
  if (typeof type !== 'string' || !(AUTHENTICATOR_TYPES as readonly string[]).includes(type)) {
    throw invalid(ctx, `list item ${index} has an unknown \`authenticator_type\``);
  }
  if (typeof record.active !== 'boolean') throw invalid(ctx, `list item ${index} has no boolean \`active\``);
  const out: WireAuthenticator = { id, authenticator_type: type as AuthenticatorType, active: record.active };
  if (type === 'oob') {
    const channel = readOobChannel(record) ?? channelFromId(id);
    if (channel) out.oob_channel = channel;
  }
  const name = optionalString(record, 'name');
  if (name !== undefined) out.name = name;
  const tenantType = optionalString(record, 'type');
  if (tenantType !== undefined) out.type = tenantType;
  return out;
}

/**
 * Parse a `GET /mfa/authenticators` answer. One malformed item makes the whole answer invalid:
 * a list with silently missing factors would let a user delete their only working one.
 *
 * @throws MfaError `invalid_response`
 */
export function parseAuthenticatorList(value: unknown, ctx: ParseContext = { operation: 'list' }): WireAuthenticator[] {
  if (!Array.isArray(value)) throw invalid(ctx, 'the authenticator list is not a JSON array');
  return value.map((item, index) => parseAuthenticator(item, index, ctx));
}

function readRecoveryCodes(record: Record<string, unknown>): string[] | undefined {
  // Documented as a one-element array; a bare string (or a singular `recovery_code`) is tolerated
  // because losing a recovery code silently is worse than accepting an odd shape.
  const raw = record.recovery_codes ?? record.recovery_code;
  const list = Array.isArray(raw) ? raw : [raw];
  const codes = list.filter((code): code is string => typeof code === 'string' && code !== '');
  return codes.length > 0 ? codes : undefined;
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
  const record = requireRecord(value, ctx, 'the enrollment answer');
  const recoveryCodes = readRecoveryCodes(record);
  const type = record.authenticator_type;
  if (type === 'otp') {
    const out: WireOtpAssociation = {
      authenticator_type: 'otp',
      secret: requireString(record, 'secret', ctx),
      barcode_uri: requireString(record, 'barcode_uri', ctx),
    };
    if (recoveryCodes) out.recovery_codes = recoveryCodes;
    return out;
  }
  if (type === 'oob') {
    const channel = readOobChannel(record) ?? requestedChannel;
    if (!channel) throw invalid(ctx, 'the enrollment answer names no known `oob_channel`');
    const out: WireOobAssociation = { authenticator_type: 'oob', oob_channel: channel, oob_code: requireString(record, 'oob_code', ctx) };
    const binding = readBindingMethod(record);
    if (binding) out.binding_method = binding;
    const barcode = optionalString(record, 'barcode_uri');
    if (barcode) out.barcode_uri = barcode;
    if (recoveryCodes) out.recovery_codes = recoveryCodes;
    return out;
  }
  throw invalid(ctx, 'the enrollment answer has an unknown `authenticator_type`');
}

/**
 * Parse a `POST /mfa/challenge` answer. An `oob` challenge must carry its `oob_code`.
 *
 * @throws MfaError `invalid_response`
 */
export function parseChallenge(value: unknown, ctx: ParseContext = { operation: 'challenge' }): WireChallenge {
  const record = requireRecord(value, ctx, 'the challenge answer');
  const type = record.challenge_type;
  if (type === 'otp') return { challenge_type: 'otp' };
  if (type === 'oob') {
    const out: WireChallenge = { challenge_type: 'oob', oob_code: requireString(record, 'oob_code', ctx) };
    const binding = readBindingMethod(record);
    if (binding) out.binding_method = binding;
    return out;
  }
  throw invalid(ctx, 'the challenge answer has an unknown `challenge_type`');
}

/**
 * Parse a `POST /oauth/token` success. `access_token` and a finite, non-negative `expires_in` are
 * required; `token_type` defaults to `Bearer` (the kit never branches on it).
 *
 * @throws MfaError `invalid_response`
 */
export function parseToken(value: unknown, ctx: ParseContext = { operation: 'token' }): WireToken {
  const record = requireRecord(value, ctx, 'the token answer');
  const accessToken = requireString(record, 'access_token', ctx);
  const expiresIn = record.expires_in;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 0) {
    throw invalid(ctx, '`expires_in` is missing or not a number');
  }
  const out: WireToken = { access_token: accessToken, token_type: optionalString(record, 'token_type') || 'Bearer', expires_in: expiresIn };
  for (const key of ['id_token', 'refresh_token', 'scope', 'recovery_code'] as const) {
    const field = optionalString(record, key);
    if (field) out[key] = field;
  }
  return out;
}

function parseTypeList(value: unknown): { type: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is { type: string } => isRecord(item) && typeof item.type === 'string').map((item) => ({ type: item.type }));
}

/**
 * Read an Auth0 error body, leniently: the standard OAuth `{error, error_description}` plus
 * `mfa_token` / `mfa_requirements`, and the Boom-style `{statusCode, error, message, errorCode}`
 * some Auth0 services answer with (`errorCode` wins over the reason phrase in `error`).
 * Returns `undefined` when there is no error code to read.
 */
export function parseErrorBody(value: unknown): WireError | undefined {
  if (!isRecord(value)) return undefined;
  const error = optionalString(value, 'errorCode') || optionalString(value, 'error');
  if (!error) return undefined;
  const out: WireError = { error };
  const description = optionalString(value, 'error_description') ?? optionalString(value, 'message');
  if (description !== undefined) out.error_description = description;
  const mfaToken = optionalString(value, 'mfa_token');
  if (mfaToken) out.mfa_token = mfaToken;
  if (isRecord(value.mfa_requirements)) {
    const requirements: NonNullable<WireError['mfa_requirements']> = {};
    const challenge = parseTypeList(value.mfa_requirements.challenge);
    const enroll = parseTypeList(value.mfa_requirements.enroll);
    if (challenge) requirements.challenge = challenge;
    if (enroll) requirements.enroll = enroll;
    out.mfa_requirements = requirements;
  }
  return out;
}
