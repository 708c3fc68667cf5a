/** Raw-HTTP helpers for the emulator tests: requests shaped exactly as the reference describes. */
import { GRANT } from '../../src/core/index.ts';
import { createEmulator, totp, type Emulator, type EmulatorOptions } from '../../src/emulator/index.ts';

export const PASSWORD = 'correct horse battery staple';
export const EMAIL = 'ada@example.com';
export const MFA_SCOPE = 'enroll read:authenticators remove:authenticators';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

/** A fresh emulator fixed at a known instant. */
export function fresh(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ now: Date.UTC(2030, 0, 1, 12, 0, 5), ...options });
}

export async function postForm<T = Record<string, unknown>>(e: Emulator, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return answer<T>(await e.fetch(`${e.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  }));
}

export async function postJson<T = Record<string, unknown>>(e: Emulator, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return answer<T>(await e.fetch(`${e.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }));
}

export async function list(e: Emulator, token: string): Promise<Answer<Array<Record<string, unknown>>>> {
  return answer(await e.fetch(`${e.baseUrl}/mfa/authenticators`, { headers: { Authorization: `Bearer ${token}` } }));
}

export async function associate(e: Emulator, token: string, body: Record<string, unknown>): Promise<Answer> {
  return postJson(e, '/mfa/associate', body, { Authorization: `Bearer ${token}` });
}

export async function remove(e: Emulator, token: string, id: string): Promise<Answer> {
  return answer(await e.fetch(`${e.baseUrl}/mfa/authenticators/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }));
}

export async function challenge(e: Emulator, mfaToken: string, extra: Record<string, string> = {}): Promise<Answer> {
  return postJson(e, '/mfa/challenge', { client_id: e.clientId, mfa_token: mfaToken, ...extra });
}

/** The password grant for the MFA audience (form-encoded, as Auth0 documents it). */
export async function login(e: Emulator, extra: Record<string, string> = {}): Promise<Answer> {
  return postForm(e, '/oauth/token', {
    grant_type: GRANT.password, username: EMAIL, password: PASSWORD, client_id: e.clientId,
    audience: e.audience, scope: `openid ${MFA_SCOPE}`, ...extra,
  });
}

/** An `mfa_token` from a real `mfa_required` answer. */
export async function mfaToken(e: Emulator, extra: Record<string, string> = {}): Promise<string> {
  const res = await login(e, extra);
  if (res.status !== 403 || typeof res.body.mfa_token !== 'string') throw new Error(`expected mfa_required, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.mfa_token;
}

export async function otpGrant(e: Emulator, token: string, otp: string): Promise<Answer> {
  return postForm(e, '/oauth/token', { grant_type: GRANT.mfaOtp, client_id: e.clientId, mfa_token: token, otp });
}

export async function oobGrant(e: Emulator, token: string, oobCode: string, bindingCode?: string): Promise<Answer> {
  return postForm(e, '/oauth/token', {
    grant_type: GRANT.mfaOob, client_id: e.clientId, mfa_token: token, oob_code: oobCode,
    ...(bindingCode === undefined ? {} : { binding_code: bindingCode }),
  });
}

export async function recoveryGrant(e: Emulator, token: string, code: string): Promise<Answer> {
  return postForm(e, '/oauth/token', { grant_type: GRANT.mfaRecoveryCode, client_id: e.clientId, mfa_token: token, recovery_code: code });
}

/** A TOTP code that is certainly wrong for every authenticator right now. */
export function wrongCode(e: Emulator): string {
  const ids = e.authenticators().filter((a) => a.authenticator_type === 'otp').map((a) => a.id);
  const now = e.clock.now();
  const valid = new Set(ids.flatMap((id) => [totp(e.totpSecret(id), now), totp(e.totpSecret(id), now - 30_000)]));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
