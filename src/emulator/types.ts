/**
 * The public contract of the emulator: an in-memory Auth0 tenant speaking the MFA API over HTTP.
 * No React, no Node-only imports (the Node server lives in `./node.ts`).
 */
import type { WireAuthenticator } from '../core/wire.ts';

/** Named seed scenarios. Every scenario has one user, `user-1` (`ada@example.com` / `correct horse battery staple`). */
export type ScenarioName =
  /** Nothing enrolled (email factor disabled): the first enrollment returns a recovery code. */
  | 'new-user'
  /** One active authenticator app, plus the recovery code. */
  | 'otp-only'
  /** SMS + voice on +1 555 010 9167 (same `dev_` suffix), plus the recovery code. */
  | 'sms-voice'
  /** Guardian push ("Pixel 8") with its paired OTP, plus the recovery code. */
  | 'push-otp'
  /** Only the auto-listed verified email (not removable). */
  | 'email-only'
  /** One active OTP and two pending (unconfirmed) enrollments. */
  | 'pending'
  /** Every factor: OTP, SMS+voice, push+OTP, explicitly enrolled email, verified email, recovery code. */
  | 'every-factor'
  /** OTP enrolled, and the default credential is a raw `mfa_token` (list only). */
  | 'list-only';

/** All scenario names, in a stable order (for pickers). */
export declare const SCENARIOS: readonly ScenarioName[];

/** A code the tenant "sent". */
export interface OutboxMessage {
  id: string;
  userId: string;
  channel: 'sms' | 'voice' | 'email';
  /** Full phone number or email address it went to. */
  to: string;
  /** The 6-digit code. */
  code: string;
  /** Epoch ms (emulator clock). */
  sentAt: number;
  /** Why it was sent. */
  purpose: 'enrollment' | 'challenge';
}

/** A push notification waiting for the user's phone. */
export interface PushRequest {
  id: string;
  userId: string;
  authenticatorId: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: number;
  purpose: 'enrollment' | 'challenge';
}

/** One request the emulator answered (secrets redacted). */
export interface RequestLogEntry {
  method: string;
  /** Path without origin or query, e.g. `/mfa/authenticators/totp%7Cdev_x`. */
  path: string;
  /** `grant_type` for `/oauth/token`. */
  grantType?: string;
  status: number;
  /** Auth0 `error` code, when the answer was an error. */
  error?: string;
  at: number;
  /** True when the answer was produced by fault injection. */
  injected?: boolean;
}

/** A fault that answers the next matching requests instead of the tenant. */
export interface InjectedFault {
  /** Answer with this HTTP status and Auth0 error body. */
  status?: number;
  error?: string;
  error_description?: string;
  headers?: Record<string, string>;
  /** Raw body instead of a JSON error (e.g. an HTML error page, or malformed JSON). */
  body?: string;
  /** Reject the fetch with a TypeError, as a browser does when offline. */
  network?: boolean;
  /** Only requests whose `METHOD path` contains this string (e.g. `POST /oauth/token`, `DELETE`). */
  match?: string;
}

/** Options for `createEmulator`. */
export interface EmulatorOptions {
  /** Tenant domain; the base URL is `https://{domain}`. Default `mfa-kit.emulator.local`. */
  domain?: string;
  /** Override the origin the emulator's `baseUrl` reports (e.g. `http://127.0.0.1:4010` for the Node server). */
  baseUrl?: string;
  /** Seed scenario. Default `every-factor`. */
  scenario?: ScenarioName;
  /** Start the clock at this epoch ms (default: real time). */
  now?: number;
  /** Client id of the seeded application. Default `mfa-kit-demo`. */
  clientId?: string;
  /** Push polling interval (ms) below which the emulator answers `slow_down`. Default 5000. */
  pollInterval?: number;
  /** Include the tenant-dependent `type` field in list answers. Default true. */
  includeType?: boolean;
  /** Factors the tenant offers. Default all. */
  factors?: ReadonlyArray<'otp' | 'sms' | 'voice' | 'email' | 'push' | 'recovery-code'>;
}

/** An in-memory Auth0 tenant behind a standard Request → Response handler. */
export interface Emulator {
  /** `https://{domain}` (or the overridden origin). */
  readonly baseUrl: string;
  readonly domain: string;
  /** `https://{domain}/mfa/`. */
  readonly audience: string;
  readonly clientId: string;
  /** The standard handler: any Request in, an Auth0-shaped Response out. Never throws except for network faults. */
  handle(request: Request): Promise<Response>;
  /** A `fetch`-compatible function routed to `handle` (network faults reject with a TypeError). */
  readonly fetch: typeof fetch;

  /** The controllable clock: real time plus an offset. */
  readonly clock: { now(): number; advance(ms: number): void; set(epochMs: number): void };

  /** The list exactly as `GET /mfa/authenticators` would answer it for that user. */
  authenticators(userId?: string): WireAuthenticator[];
  /** Codes sent by SMS / voice / email, newest last. */
  outbox(userId?: string): OutboxMessage[];
  /** The newest code sent to `to` (phone or email) or to the user. */
  lastCode(to?: string): string | undefined;
  /** Push notifications, newest last. */
  pushRequests(userId?: string): PushRequest[];
  /** Approve or reject a pending push (as the user's phone would). Defaults to the newest pending one. */
  approvePush(id?: string): void;
  rejectPush(id?: string): void;
  /** The current RFC 6238 code of an OTP authenticator (by id, or the user's newest OTP, pending included). */
  totp(authenticatorId?: string): string;
  /** The Base32 secret of an OTP authenticator (by id, or the user's newest OTP). */
  totpSecret(authenticatorId?: string): string;
  /** The user's current recovery code, if any. */
  recoveryCode(userId?: string): string | undefined;

  /** Mint an MFA API access token directly (tests, server-minted tokens). Default all three scopes, 600 s. */
  issueAccessToken(options?: { userId?: string; scopes?: readonly string[]; expiresIn?: number }): { access_token: string; expires_in: number; scope: string };
  /** Mint a raw `mfa_token` directly, as an `mfa_required` answer would. */
  issueMfaToken(options?: { userId?: string; audience?: string; scope?: string; expiresIn?: number }): { mfa_token: string; expires_in: number };
  /** The seeded user's credentials. */
  readonly users: ReadonlyArray<{ id: string; email: string; password: string; phone?: string }>;

  /** Fault injection. */
  readonly faults: {
    /** Delay every answer by `ms`. */
    latency(ms: number): void;
    /** Answer the next `count` matching requests with `fault`. */
    failNext(count: number, fault: InjectedFault): void;
    clear(): void;
  };

  /** Every request answered, oldest first. */
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Called after every state change (request answered, push approved, clock moved…). Returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Back to a fresh tenant with this scenario (default: the current one). */
  reset(scenario?: ScenarioName): void;
  /** The scenario the tenant was last seeded with. */
  readonly scenario: ScenarioName;
}
