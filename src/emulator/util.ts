/**
 * Small helpers shared by the emulator: randomness, encodings, masking and rate-limit buckets.
 * Web-standard APIs only (crypto.getRandomValues, btoa, TextEncoder) so this runs in browsers too.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Auth0 recovery codes: digits 1–9 and A–Z without I and O (reference §2.2.7). */
const RECOVERY_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A source of random bytes: crypto for runtime values, a seeded PRNG for stable scenario seeds. */
export type RandomBytes = (length: number) => Uint8Array;

/** Cryptographically random bytes. */
export const cryptoBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** A deterministic byte source (mulberry32), so seeded ids and secrets are stable across resets. */
export function seededBytes(seed: string): RandomBytes {
  let state = 0x9e3779b9;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 0x85ebca6b) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  return (length) => Uint8Array.from({ length }, next);
}

/** `length` characters drawn from `alphabet` (modulo bias is irrelevant for an emulator). */
export function randomString(alphabet: string, length: number, bytes: RandomBytes = cryptoBytes): string {
  return Array.from(bytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/** `dev_` + 16 base62 characters, the authenticator id suffix seen in every Auth0 sample. */
export function deviceSuffix(bytes: RandomBytes = cryptoBytes): string {
  return `dev_${randomString(BASE62, 16, bytes)}`;
}

/** A 24-character recovery code. */
export function recoveryCode(bytes: RandomBytes = cryptoBytes): string {
  return randomString(RECOVERY_ALPHABET, 24, bytes);
}

/** A 6-digit code for SMS / voice / email. */
export function sixDigitCode(bytes: RandomBytes = cryptoBytes): string {
  return randomString('0123456789', 6, bytes);
}

/** Base64url of bytes, unpadded. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An opaque token shaped like Auth0's Iron-sealed `mfa_token` / `oob_code`
 * (`Fe26.2*<pwd id>*<salt>*<iv>*<blob>*<exp>*<hmac salt>*<hmac>`). It carries nothing:
 * the emulator looks it up in a table, which is all a client may assume anyway.
 */
export function ironToken(): string {
  return `Fe26.2**${hex(cryptoBytes(32))}*${base64url(cryptoBytes(16))}*${base64url(cryptoBytes(48))}**${hex(cryptoBytes(32))}*${base64url(cryptoBytes(32))}`;
}

/** A JWT-shaped string (`header.payload.signature`); validated by table lookup, not by signature. */
export function jwtShaped(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));
  return `${encode({ alg: 'RS256', typ: 'JWT', kid: 'mfa-kit-emulator' })}.${encode(payload)}.${base64url(cryptoBytes(64))}`;
}

/** Auth0's phone mask: every character but the last four becomes `X` (`XXXXXXXXX9167`). */
export function maskPhone(phone: string): string {
  return phone.length <= 4 ? phone : 'X'.repeat(phone.length - 4) + phone.slice(-4);
}

/** Auth0's email mask: `****@` + first four characters of the domain + one `*` per remaining character. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? email : email.slice(at + 1);
  return `****@${domain.slice(0, 4)}${'*'.repeat(Math.max(0, domain.length - 4))}`;
}

/**
 * A token bucket (Auth0's rate-limit algorithm, reference §3): `capacity` tokens, one token
 * back every `refillMs`. Time comes from the emulator clock so tests can fast-forward.
 */
export class Bucket {
  private tokens: number;
  private updatedAt: number;
  constructor(readonly capacity: number, readonly refillMs: number, now: number) {
    this.tokens = capacity;
    this.updatedAt = now;
  }
  private refill(now: number): void {
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) / this.refillMs);
    }
    this.updatedAt = now;
  }
  /** Whether at least one token is left. */
  available(now: number): boolean {
    this.refill(now);
    return this.tokens >= 1;
  }
  /** Take one token; false (and nothing taken) when empty. */
  take(now: number): boolean {
    if (!this.available(now)) return false;
    this.tokens -= 1;
    return true;
  }
  /** Whole tokens left. */
  remaining(now: number): number {
    this.refill(now);
    return Math.floor(this.tokens);
  }
  /** Milliseconds until one token is available (0 when one already is). */
  msUntilNext(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.refillMs);
  }
}

/** An Auth0-shaped error answer, thrown inside endpoint code and turned into JSON by the handler. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${status} ${error}: ${description}`);
  }
}
