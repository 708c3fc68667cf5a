/**
 * The tenant's state and the rules that do not depend on HTTP: users, authenticators (pairs,
 * pending records, the auto-listed verified email), tokens, codes sent, push requests and
 * rate-limit buckets. Every time comes from the controllable clock.
 */
import type { WireAuthenticator, WireToken } from '../core/wire.ts';
import { mfaAudience } from '../core/wire.ts';
import type { EmulatorOptions, OutboxMessage, PushRequest, ScenarioName } from './types.ts';
import { base32Encode, totp, totpStep } from './totp.ts';
import {
  Bucket, cryptoBytes, deviceSuffix, ironToken, jwtShaped, maskEmail, maskPhone, randomString, recoveryCode,
  sixDigitCode, type RandomBytes,
} from './util.ts';

/** What an authenticator record is, internally (the wire folds these into type + channel). */
export type AuthenticatorKind = 'totp' | 'sms' | 'voice' | 'push' | 'email' | 'recovery-code';

/** A factor the tenant can offer. */
export type Factor = 'otp' | 'sms' | 'voice' | 'email' | 'push' | 'recovery-code';

/** All factors, the default offer. */
export const ALL_FACTORS: readonly Factor[] = ['otp', 'sms', 'voice', 'email', 'push', 'recovery-code'];

/** One stored authenticator. */
export interface AuthenticatorRecord {
  id: string;
  userId: string;
  kind: AuthenticatorKind;
  active: boolean;
  createdAt: number;
  /** Base32 TOTP secret (totp). */
  secret?: string;
  /** TOTP steps already used, so each code works once. */
  usedSteps?: number[];
  phone?: string;
  email?: string;
  /** Push device name, shown once confirmed. */
  deviceName?: string;
  /** The twin deleted with this one (sms↔voice, push↔totp). */
  pairId?: string;
  /** The current recovery code (recovery-code). */
  code?: string;
}

/** A seeded user. */
export interface UserRecord {
  id: string;
  email: string;
  password: string;
  phone?: string;
  emailVerified: boolean;
  /** Stable id of the auto-listed verified email. */
  autoEmailId: string;
}

/** What a grant issues tokens for: the original login's client, audience and scope. */
export interface Transaction {
  userId: string;
  clientId: string;
  /** Requested audience; undefined for a plain login (token for /userinfo). */
  audience?: string;
  scope: string;
}

/** A live `mfa_token`. */
export interface MfaTokenRecord extends Transaction {
  expiresAt: number;
}

/** A live access token. */
export interface AccessTokenRecord {
  userId: string;
  clientId: string;
  audience: string;
  scopes: string[];
  expiresAt: number;
}

/** A live `oob_code`: what it confirms or challenges, and (sms/voice/email) the code sent. */
export interface OobRecord {
  userId: string;
  authenticatorId: string;
  bindingCode?: string;
  pushId?: string;
  expiresAt: number;
  lastPollAt?: number;
}

/** Options after defaults. */
export interface ResolvedOptions {
  domain: string;
  baseUrl: string;
  clientId: string;
  pollInterval: number;
  includeType: boolean;
  factors: readonly Factor[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Unconfirmed authenticators disappear after a day (reference §2.2.1). */
export const PENDING_TTL_MS = 24 * HOUR;
/** `mfa_token` lifetime, about 10 minutes (reference §0). */
export const MFA_TOKEN_TTL_S = 600;
/** SMS / voice / email / push `oob_code` lifetime (reference §0). */
export const OOB_CODE_TTL_MS = 5 * MINUTE;
/** MFA-audience access tokens live 600 s, not configurable (reference §0). */
export const MFA_ACCESS_TOKEN_TTL_S = 600;
const DEFAULT_ACCESS_TOKEN_TTL_S = 86_400;

/** The seeded user of every scenario. */
export const SEED_USER = {
  id: 'user-1',
  email: 'ada@example.com',
  password: 'correct horse battery staple',
  phone: '+15550109167',
} as const;

const TYPE_OF: Record<AuthenticatorKind, string> = {
  totp: 'otp', sms: 'phone', voice: 'phone', email: 'email', push: 'push-notification', 'recovery-code': 'recovery-code',
};
const CHANNEL_OF: Partial<Record<AuthenticatorKind, WireAuthenticator['oob_channel']>> = {
  sms: 'sms', voice: 'voice', email: 'email', push: 'auth0',
};

/** A clock that is real time plus an offset, so time keeps flowing in demos but tests can jump. */
export class Clock {
  private offset: number;
  constructor(start?: number) {
    this.offset = start === undefined ? 0 : start - Date.now();
  }
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
  set(epochMs: number): void {
    this.offset = epochMs - Date.now();
  }
}

/** The in-memory tenant. */
export class Tenant {
  readonly options: ResolvedOptions;
  readonly clock: Clock;
  scenario: ScenarioName = 'every-factor';
  /** Factors offered right now (a scenario may narrow the configured set). */
  factors: Set<Factor>;
  users: UserRecord[] = [];
  records: AuthenticatorRecord[] = [];
  mfaTokens = new Map<string, MfaTokenRecord>();
  accessTokens = new Map<string, AccessTokenRecord>();
  refreshTokens = new Map<string, Transaction>();
  oobCodes = new Map<string, OobRecord>();
  sent: OutboxMessage[] = [];
  pushes: PushRequest[] = [];
  private buckets = new Map<string, Bucket>();
  private serial = 0;

  constructor(options: EmulatorOptions = {}) {
    const domain = options.domain ?? 'mfa-kit.emulator.local';
    this.options = {
      domain,
      baseUrl: (options.baseUrl ?? `https://${domain}`).replace(/\/+$/, ''),
      clientId: options.clientId ?? 'mfa-kit-demo',
      pollInterval: options.pollInterval ?? 5000,
      includeType: options.includeType ?? true,
      factors: options.factors ?? ALL_FACTORS,
    };
    this.clock = new Clock(options.now);
    this.factors = new Set(this.options.factors);
  }

  get audience(): string {
    return mfaAudience(this.options.domain);
  }

  /** The tenant's friendly name, used in `otpauth://` labels. */
  get friendlyName(): string {
    return this.options.domain.split('.')[0] ?? this.options.domain;
  }

  now(): number {
    return this.clock.now();
  }

  nextId(prefix: string): string {
    this.serial += 1;
    return `${prefix}_${this.serial}`;
  }

  /** Wipe everything (scenarios seed afterwards). */
  clear(): void {
    this.factors = new Set(this.options.factors);
    this.users = [];
    this.records = [];
    this.mfaTokens.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.oobCodes.clear();
    this.sent = [];
    this.pushes = [];
    this.buckets.clear();
  }

  /** Is `audience` the MFA API? Any origin's `/mfa/` counts, so a client pointed at the Node server's origin works too. */
  isMfaAudience(audience: string | undefined): boolean {
    if (!audience) return false;
    if (audience === this.audience) return true;
    try {
      return new URL(audience).pathname === '/mfa/';
    } catch {
      return false;
    }
  }

  /** Drop expired pending authenticators and expired tokens and codes. */
  sweep(): void {
    const now = this.now();
    const expired = new Set(this.records.filter((r) => !r.active && now - r.createdAt >= PENDING_TTL_MS).map((r) => r.id));
    if (expired.size) this.records = this.records.filter((r) => !expired.has(r.id));
    for (const [key, value] of this.mfaTokens) if (value.expiresAt + HOUR < now) this.mfaTokens.delete(key);
    for (const [key, value] of this.accessTokens) if (value.expiresAt + HOUR < now) this.accessTokens.delete(key);
    for (const [key, value] of this.oobCodes) if (value.expiresAt + HOUR < now) this.oobCodes.delete(key);
  }

  user(userId: string): UserRecord | undefined {
    return this.users.find((u) => u.id === userId);
  }

  /** The first (seeded) user, for hooks called without a user id. */
  defaultUserId(): string {
    return this.users[0]?.id ?? SEED_USER.id;
  }

  addUser(user: Omit<UserRecord, 'autoEmailId'>, bytes: RandomBytes = cryptoBytes): UserRecord {
    const record: UserRecord = { ...user, autoEmailId: `email|${deviceSuffix(bytes)}` };
    this.users.push(record);
    return record;
  }

  recordsOf(userId: string): AuthenticatorRecord[] {
    return this.records.filter((r) => r.userId === userId);
  }

  record(id: string): AuthenticatorRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /** The verified email Auth0 lists without enrollment, when the email factor is on (reference §2.2.5). */
  autoEmail(userId: string): AuthenticatorRecord | undefined {
    const user = this.user(userId);
    if (!user || !user.emailVerified || !this.factors.has('email')) return undefined;
    const explicit = this.recordsOf(userId).some((r) => r.kind === 'email' && r.active && r.email === user.email);
    if (explicit) return undefined;
    return { id: user.autoEmailId, userId, kind: 'email', active: true, createdAt: 0, email: user.email };
  }

  /** Every authenticator of a user in list order, the auto-listed email last (as in GO-REC). */
  allOf(userId: string): AuthenticatorRecord[] {
    const auto = this.autoEmail(userId);
    return auto ? [...this.recordsOf(userId), auto] : this.recordsOf(userId);
  }

  /** The list as `GET /mfa/authenticators` answers it. */
  list(userId: string): WireAuthenticator[] {
    this.sweep();
    return this.allOf(userId).map((r) => this.toWire(r));
  }

  toWire(r: AuthenticatorRecord): WireAuthenticator {
    const wire: WireAuthenticator = {
      id: r.id,
      authenticator_type: r.kind === 'totp' ? 'otp' : r.kind === 'recovery-code' ? 'recovery-code' : 'oob',
      active: r.active,
    };
    const channel = CHANNEL_OF[r.kind];
    if (channel) wire.oob_channel = channel;
    if ((r.kind === 'sms' || r.kind === 'voice') && r.phone) wire.name = maskPhone(r.phone);
    if (r.kind === 'email' && r.email) wire.name = maskEmail(r.email);
    // A push device has no name until the Guardian app confirms the enrollment.
    if (r.kind === 'push' && r.active && r.deviceName) wire.name = r.deviceName;
    if (this.options.includeType) wire.type = TYPE_OF[r.kind];
    return wire;
  }

  /**
   * Email never counts as "enrolled": a user whose only factor is email gets tokens without a
   * challenge and may still enroll with a raw mfa_token (reference §2.2.5, §1.4).
   */
  hasActiveNonEmail(userId: string): boolean {
    return this.recordsOf(userId).some((r) => r.active && r.kind !== 'email' && r.kind !== 'recovery-code');
  }

  /** Types for `mfa_requirements.challenge`, from the active authenticators. */
  challengeTypes(userId: string): { type: string }[] {
    const types = new Set(this.allOf(userId).filter((r) => r.active).map((r) => TYPE_OF[r.kind]));
    return [...types].map((type) => ({ type }));
  }

  /** Store a new authenticator. */
  addRecord(record: Omit<AuthenticatorRecord, 'createdAt'> & { createdAt?: number }): AuthenticatorRecord {
    const stored: AuthenticatorRecord = { createdAt: this.now(), ...record };
    this.records.push(stored);
    return stored;
  }

  /** A new Base32 TOTP secret: 20 bytes → 32 characters, like Auth0's. */
  newSecret(bytes: RandomBytes = cryptoBytes): string {
    return base32Encode(bytes(20));
  }

  /**
   * Confirm an authenticator: it, its twin, and (first enrollment) the pending recovery-code
   * authenticator become active (reference §2.2.2–3).
   */
  activate(id: string): void {
    const record = this.record(id);
    if (!record) return;
    const twin = record.pairId ? this.record(record.pairId) : undefined;
    for (const r of [record, twin]) {
      if (!r) continue;
      r.active = true;
      if (r.kind === 'push' && !r.deviceName) r.deviceName = 'Guardian device';
    }
    for (const r of this.recordsOf(record.userId)) if (r.kind === 'recovery-code') r.active = true;
  }

  /** Remove an authenticator and its twin. */
  remove(id: string): void {
    const record = this.record(id);
    if (!record) return;
    const gone = new Set([id, record.pairId ?? '']);
    this.records = this.records.filter((r) => !gone.has(r.id));
  }

  // ---- OTP -------------------------------------------------------------------------------------

  /**
   * Check a TOTP code against the user's OTP authenticators (active first, then pending, newest
   * first): the current and the previous 30 s step, each step usable once.
   */
  matchTotp(userId: string, otp: string): AuthenticatorRecord | undefined {
    const now = this.now();
    const step = totpStep(now);
    const candidates = this.recordsOf(userId)
      .filter((r) => r.kind === 'totp' && r.secret)
      .sort((a, b) => Number(b.active) - Number(a.active) || b.createdAt - a.createdAt);
    for (const r of candidates) {
      for (const s of [step, step - 1]) {
        if (totp(r.secret!, s * 30_000) === otp && !(r.usedSteps ?? []).includes(s)) {
          r.usedSteps = [...(r.usedSteps ?? []).filter((u) => u >= step - 2), s];
          return r;
        }
      }
    }
    return undefined;
  }

  // ---- tokens ----------------------------------------------------------------------------------

  issueMfaToken(tx: Transaction, expiresIn = MFA_TOKEN_TTL_S): string {
    const token = ironToken();
    this.mfaTokens.set(token, { ...tx, expiresAt: this.now() + expiresIn * 1000 });
    return token;
  }

  issueAccessToken(args: { userId: string; clientId: string; audience: string; scopes: string[]; expiresIn: number }): string {
    const iat = Math.floor(this.now() / 1000);
    const token = jwtShaped({
      iss: `https://${this.options.domain}/`,
      sub: `auth0|${args.userId}`,
      aud: args.audience,
      iat,
      exp: iat + args.expiresIn,
      scope: args.scopes.join(' '),
      azp: args.clientId,
      gty: 'password',
    });
    this.accessTokens.set(token, {
      userId: args.userId,
      clientId: args.clientId,
      audience: args.audience,
      scopes: args.scopes,
      expiresAt: this.now() + args.expiresIn * 1000,
    });
    return token;
  }

  /** The token set a successful grant answers with, for the transaction's audience and scope. */
  issueTokens(tx: Transaction, extra: { recovery_code?: string } = {}): WireToken {
    const scopes = tx.scope.split(/\s+/).filter(Boolean);
    const mfa = this.isMfaAudience(tx.audience);
    const expiresIn = mfa ? MFA_ACCESS_TOKEN_TTL_S : DEFAULT_ACCESS_TOKEN_TTL_S;
    const audience = tx.audience ?? `https://${this.options.domain}/userinfo`;
    const answer: WireToken = {
      access_token: this.issueAccessToken({ userId: tx.userId, clientId: tx.clientId, audience, scopes, expiresIn }),
      token_type: 'Bearer',
      expires_in: expiresIn,
      scope: scopes.join(' '),
    };
    if (scopes.includes('openid')) {
      const user = this.user(tx.userId);
      const iat = Math.floor(this.now() / 1000);
      answer.id_token = jwtShaped({
        iss: `https://${this.options.domain}/`, sub: `auth0|${tx.userId}`, aud: tx.clientId, iat, exp: iat + 36_000,
        email: user?.email, email_verified: user?.emailVerified,
      });
    }
    if (scopes.includes('offline_access')) {
      const refresh = randomString('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_', 48);
      this.refreshTokens.set(refresh, { ...tx });
      answer.refresh_token = refresh;
    }
    if (extra.recovery_code) answer.recovery_code = extra.recovery_code;
    return answer;
  }

  // ---- codes, push, rate limits ---------------------------------------------------------------

  bucket(key: string, capacity: number, refillMs: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Bucket(capacity, refillMs, this.now());
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Put a 6-digit code in the outbox and return it. */
  send(userId: string, channel: OutboxMessage['channel'], to: string, purpose: OutboxMessage['purpose']): string {
    const code = sixDigitCode();
    this.sent.push({ id: this.nextId('msg'), userId, channel, to, code, sentAt: this.now(), purpose });
    return code;
  }

  newOobCode(record: Omit<OobRecord, 'expiresAt'>): string {
    const code = ironToken();
    this.oobCodes.set(code, { ...record, expiresAt: this.now() + OOB_CODE_TTL_MS });
    return code;
  }

  createPush(userId: string, authenticatorId: string, purpose: PushRequest['purpose']): PushRequest {
    const push: PushRequest = { id: this.nextId('push'), userId, authenticatorId, status: 'pending', createdAt: this.now(), purpose };
    this.pushes.push(push);
    return push;
  }

  newRecoveryCode(bytes: RandomBytes = cryptoBytes): string {
    return recoveryCode(bytes);
  }
}
