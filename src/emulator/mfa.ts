/**
 * The `/mfa/*` endpoints: list, associate (enroll), challenge and delete (reference §1.3–1.5, §1.9).
 */
import type { WireAssociation, WireChallenge } from '../core/wire.ts';
import {
  bearer, bodyToken, checkClient, empty, json, listParam, param, readBody, required, requireScope, spend,
} from './http.ts';
import type { AuthenticatorKind, AuthenticatorRecord, Factor, Tenant } from './tenant.ts';
import { deviceSuffix, HttpError, ironToken } from './util.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Auth0's cap on unconfirmed authenticators (reference §2.2.1). */
export const MAX_PENDING = 50;
/** Auth0's cap on authenticators in total (reference §2.2.1). */
export const MAX_TOTAL = 51;
const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const FACTOR_OF_CHANNEL: Record<string, Factor> = { sms: 'sms', voice: 'voice', auth0: 'push', email: 'email' };

/** `GET /mfa/authenticators`. */
export function listEndpoint(tenant: Tenant, request: Request): Response {
  const b = bearer(tenant, request);
  requireScope(b, 'read:authenticators');
  return json(200, tenant.list(b.userId));
}

/** `DELETE /mfa/authenticators/{id}`: access token with `remove:authenticators`; the twin goes too. */
export function deleteEndpoint(tenant: Tenant, request: Request, encodedId: string): Response {
  const b = bearer(tenant, request);
  if (b.kind === 'mfa-token') {
    throw new HttpError(401, 'invalid_token', 'An mfa_token cannot remove authenticators: complete MFA and use an access token with remove:authenticators.');
  }
  requireScope(b, 'remove:authenticators');
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    throw new HttpError(404, 'invalid_authenticator', 'Authenticator not found');
  }
  tenant.sweep();
  if (tenant.autoEmail(b.userId)?.id === id) {
    throw new HttpError(403, 'access_denied', 'A verified email cannot be removed; only an explicitly enrolled email authenticator can.');
  }
  const record = tenant.recordsOf(b.userId).find((r) => r.id === id);
  if (!record) throw new HttpError(404, 'invalid_authenticator', 'Authenticator not found');
  tenant.remove(record.id);
  return empty(204);
}

/** `POST /mfa/associate`. Every call creates new pending records; they pile up until confirmed or expired. */
export async function associateEndpoint(tenant: Tenant, request: Request): Promise<Response> {
  const b = bearer(tenant, request);
  requireScope(b, 'enroll');
  tenant.sweep();
  const userId = b.userId;
  // A raw mfa_token may only enroll the first factor (reference §1.4, CT-90893).
  if (b.kind === 'mfa-token' && tenant.hasActiveNonEmail(userId)) {
    throw new HttpError(403, 'access_denied', 'User is already enrolled.');
  }
  const body = await readBody(request);
  const types = listParam(body, 'authenticator_types');
  if (!types || types.length === 0) throw new HttpError(400, 'invalid_request', 'Missing required parameter: authenticator_types');
  const type = types[0];
  if (type !== 'otp' && type !== 'oob') {
    throw new HttpError(400, 'invalid_request', 'authenticator_types must be ["otp"] or ["oob"].');
  }
  let channel: string | undefined;
  if (type === 'oob') {
    const channels = listParam(body, 'oob_channels');
    if (!channels || channels.length === 0) throw new HttpError(400, 'invalid_request', 'Missing required parameter: oob_channels');
    channel = channels[0]!;
    if (!FACTOR_OF_CHANNEL[channel]) {
      throw new HttpError(400, 'invalid_request', 'oob_channels must be one of: sms, voice, auth0, email.');
    }
  }
  const factor: Factor = channel ? FACTOR_OF_CHANNEL[channel]! : 'otp';
  if (!tenant.factors.has(factor)) {
    throw new HttpError(403, 'feature_disabled', `The ${factor} factor is not enabled for this tenant.`);
  }
  const user = tenant.user(userId);
  if (!user) throw new HttpError(401, 'invalid_token', 'The user of this token no longer exists.');

  // Validate before counting or sending anything.
  let phone: string | undefined;
  let email: string | undefined;
  if (factor === 'sms' || factor === 'voice') {
    phone = param(body, 'phone_number')?.replace(/[\s()-]/g, '');
    if (!phone || !E164.test(phone)) throw new HttpError(400, 'invalid_request', 'The phone number is invalid.');
  }
  if (factor === 'email') {
    email = param(body, 'email') ?? user.email;
    if (!EMAIL.test(email)) throw new HttpError(400, 'invalid_request', 'The email address is invalid.');
  }
  const records = tenant.recordsOf(userId);
  const pending = records.filter((r) => !r.active).length;
  if (pending >= MAX_PENDING || records.length >= MAX_TOTAL) {
    throw new HttpError(400, 'too_many_authenticators', 'Guardian - User has created the maximum amount of authenticators');
  }

  const now = tenant.now();
  let answer: WireAssociation;
  const add = (kind: AuthenticatorKind, suffix: string, extra: Partial<AuthenticatorRecord> = {}) =>
    tenant.addRecord({ id: `${kind}|${suffix}`, userId, kind, active: false, ...extra });

  if (factor === 'otp') {
    const record = add('totp', deviceSuffix(), { secret: tenant.newSecret() });
    answer = { authenticator_type: 'otp', secret: record.secret!, barcode_uri: otpauthUri(tenant, user.email, record.secret!) };
  } else if (factor === 'sms' || factor === 'voice') {
    spend(tenant.bucket(`sms:${userId}`, 10, HOUR), now, 'too_many_sms', 'Too many SMS sent by the user. Wait for some minutes before retrying.');
    const suffix = deviceSuffix();
    const kind: AuthenticatorKind = factor;
    const twinKind: AuthenticatorKind = factor === 'sms' ? 'voice' : 'sms';
    const record = add(kind, suffix, { phone });
    // SMS and voice on one phone are created together and share the suffix (reference §2.2.4).
    if (tenant.factors.has(twinKind)) {
      const twin = add(twinKind, suffix, { phone, pairId: record.id });
      record.pairId = twin.id;
    }
    const code = tenant.send(userId, factor, phone!, 'enrollment');
    answer = { authenticator_type: 'oob', binding_method: 'prompt', oob_channel: factor, oob_code: tenant.newOobCode({ userId, authenticatorId: record.id, bindingCode: code }) };
  } else if (factor === 'email') {
    spend(tenant.bucket(`email:${userId}`, 20, MINUTE), now, 'too_many_emails', 'Too many emails sent by the user. Wait for some minutes before retrying.');
    const record = add('email', deviceSuffix(), { email });
    const code = tenant.send(userId, 'email', email!, 'enrollment');
    answer = { authenticator_type: 'oob', binding_method: 'prompt', oob_channel: 'email', oob_code: tenant.newOobCode({ userId, authenticatorId: record.id, bindingCode: code }) };
  } else {
    // Push pairs with a TOTP (Guardian works offline) under a different suffix (reference §2.1).
    const record = add('push', deviceSuffix());
    const twin = add('totp', deviceSuffix(), { secret: tenant.newSecret(), pairId: record.id });
    record.pairId = twin.id;
    const push = tenant.createPush(userId, record.id, 'enrollment');
    const label = `${encodeURIComponent(tenant.friendlyName)}:${encodeURIComponent(user.email)}`;
    const txId = ironToken().slice(8, 40);
    answer = {
      authenticator_type: 'oob',
      barcode_uri: `otpauth://totp/${label}?enrollment_tx_id=${txId}&base_url=${encodeURIComponent(tenant.options.baseUrl)}`,
      oob_channel: 'auth0',
      oob_code: tenant.newOobCode({ userId, authenticatorId: record.id, pushId: push.id }),
    };
  }

  // The recovery code comes back until the user confirms a first factor (reference §1.4, §2.2.3).
  if (tenant.factors.has('recovery-code') && !records.some((r) => r.kind === 'recovery-code' && r.active)) {
    let recovery = tenant.recordsOf(userId).find((r) => r.kind === 'recovery-code');
    if (!recovery) recovery = add('recovery-code', deviceSuffix());
    recovery.code = tenant.newRecoveryCode();
    answer.recovery_codes = [recovery.code];
  }
  return json(200, answer);
}

/** The `otpauth://` URI authenticator apps scan (label `{tenant}:{email}`, URL-encoded). */
export function otpauthUri(tenant: Tenant, email: string, secret: string): string {
  const issuer = encodeURIComponent(tenant.friendlyName);
  return `otpauth://totp/${issuer}:${encodeURIComponent(email)}?secret=${secret}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30`;
}

const CHALLENGE_TYPE: Record<AuthenticatorKind, 'otp' | 'oob' | undefined> = {
  totp: 'otp', sms: 'oob', voice: 'oob', email: 'oob', push: 'oob', 'recovery-code': undefined,
};
/** When the caller names no authenticator: OTP first (it sends nothing), then push, phone, email. */
const PREFERENCE: AuthenticatorKind[] = ['totp', 'push', 'sms', 'voice', 'email'];

/** `POST /mfa/challenge` (token in the body, JSON or form). */
export async function challengeEndpoint(tenant: Tenant, request: Request): Promise<Response> {
  const body = await readBody(request);
  const clientId = checkClient(tenant, request, body);
  const tx = bodyToken(tenant, required(body, 'mfa_token'), clientId);
  tenant.sweep();
  const requestedTypes = param(body, 'challenge_type')?.split(/\s+/).filter(Boolean) ?? ['otp', 'oob'];
  for (const t of requestedTypes) {
    if (t !== 'otp' && t !== 'oob') throw new HttpError(400, 'unsupported_challenge_type', `Unsupported challenge_type: ${t}`);
  }
  const all = tenant.allOf(tx.userId);
  const usable = all.filter((r) => r.active && r.kind !== 'recovery-code');
  const supported = () => [...new Set(usable.map((r) => CHALLENGE_TYPE[r.kind]))].join(', ');
  const authenticatorId = param(body, 'authenticator_id');
  let target: AuthenticatorRecord | undefined;
  if (authenticatorId) {
    target = all.find((r) => r.id === authenticatorId);
    if (!target) throw new HttpError(400, 'invalid_authenticator', 'Authenticator not found');
    // Pending authenticators are never challengeable: that would confirm an enrollment by accident.
    if (!target.active) throw new HttpError(400, 'invalid_authenticator', 'The authenticator is not active.');
    const type = CHALLENGE_TYPE[target.kind];
    if (!type) throw new HttpError(400, 'unsupported_challenge_type', 'Recovery codes are not challenged: use the mfa-recovery-code grant.');
    if (!requestedTypes.includes(type)) {
      throw new HttpError(400, 'unsupported_challenge_type', `The authenticator does not support the requested challenge type (${requestedTypes.join(' ')}). Supported type: ${type}`);
    }
  } else {
    if (!usable.some((r) => r.kind !== 'email')) {
      throw new HttpError(400, 'association_required', 'User is not enrolled. You can use /mfa/associate endpoint to enroll the first authenticator.');
    }
    const channel = param(body, 'oob_channel');
    const candidates = usable.filter((r) => requestedTypes.includes(CHALLENGE_TYPE[r.kind] ?? '') && (!channel || r.kind === (channel === 'auth0' ? 'push' : channel)));
    target = PREFERENCE.map((kind) => candidates.find((r) => r.kind === kind)).find(Boolean);
    if (!target) {
      throw new HttpError(400, 'unsupported_challenge_type', `The user does not support the requested challenge type (${requestedTypes.join(' ')}). Supported types: ${supported()}`);
    }
  }

  const now = tenant.now();
  let answer: WireChallenge;
  switch (target.kind) {
    case 'totp':
      answer = { challenge_type: 'otp' };
      break;
    case 'push': {
      spend(tenant.bucket(`push:${tx.userId}`, 5, MINUTE / 5), now, 'too_many_pn', 'Too many push notifications sent by the user. Wait for some minutes before retrying.');
      const push = tenant.createPush(tx.userId, target.id, 'challenge');
      answer = { challenge_type: 'oob', oob_code: tenant.newOobCode({ userId: tx.userId, authenticatorId: target.id, pushId: push.id }) };
      break;
    }
    default: {
      const channel = target.kind === 'email' ? 'email' : target.kind === 'voice' ? 'voice' : 'sms';
      if (channel === 'email') {
        spend(tenant.bucket(`email:${tx.userId}`, 20, MINUTE), now, 'too_many_emails', 'Too many emails sent by the user. Wait for some minutes before retrying.');
      } else {
        spend(tenant.bucket(`sms:${tx.userId}`, 10, HOUR), now, 'too_many_sms', 'Too many SMS sent by the user. Wait for some minutes before retrying.');
      }
      const code = tenant.send(tx.userId, channel, (channel === 'email' ? target.email : target.phone) ?? '', 'challenge');
      answer = { challenge_type: 'oob', oob_code: tenant.newOobCode({ userId: tx.userId, authenticatorId: target.id, bindingCode: code }), binding_method: 'prompt' };
    }
  }
  return json(200, answer);
}
