/**
 * The MFA API client: every endpoint of Auth0's MFA API in its exact wire format
 * (shared/reference/auth0-mfa-api.md §1), answers validated before use, errors classified into
 * `MfaError`. Framework-free; talks HTTP through an injectable `fetch`.
 */
import { classifyError } from './classify.ts';
import { MfaError, isMfaError, isTokenError } from './errors.ts';
import type { MfaOperation } from './errors.ts';
import type { Credential, TokenGrants, TokenProvider } from './token/types.ts';
import { GRANT, MFA_SCOPES, mfaAudience, parseAssociation, parseAuthenticatorList, parseChallenge, parseToken } from './wire.ts';
import type { MfaScope, OobChannel, WireAuthenticator, WireToken } from './wire.ts';

/** Options for {@link createMfaClient}. Give `domain`, `baseUrl`, or both. */
export interface MfaClientOptions {
  /** Tenant domain, e.g. `acme.eu.auth0.com`. Gives the base URL `https://{domain}` and the audience `https://{domain}/mfa/`. */
  domain?: string;
  /** Any origin (e.g. `http://127.0.0.1:4010` for the emulator's Node server). When only this is given, `domain` is its host. */
  baseUrl?: string;
  /** The application's client id (sent in challenge and token bodies). */
  clientId: string;
  /** Only for confidential clients (server side). Never ship a secret to a browser. */
  clientSecret?: string;
  /**
   * The `fetch` to use (the emulator's `emulator.fetch` in tests and stories).
   * @default globalThis.fetch, looked up at each call
   */
  fetch?: typeof fetch;
  /** Where list / associate / delete (and challenge / verify without an explicit `mfaToken`) get their credential. */
  tokenProvider?: TokenProvider;
  /**
   * The clock, epoch ms (tests pass `emulator.clock.now`).
   * @default Date.now
   */
  now?: () => number;
}

/** What to enroll. `email` defaults to the user's address on Auth0's side. */
export type AssociateRequest =
  | { factor: 'otp' }
  | { factor: 'sms' | 'voice'; phoneNumber: string }
  | { factor: 'email'; email?: string }
  | { factor: 'push' };

/**
 * A started enrollment, still pending (`active: false`) until confirmed with a verify call using
 * these values in place of a challenge. `recoveryCode` is set on the user's first enrollment: show it.
 */
export type Association =
  | { factor: 'otp'; secret: string; barcodeUri: string; recoveryCode?: string }
  | { factor: 'sms' | 'voice' | 'email'; oobCode: string; bindingMethod?: 'prompt'; recoveryCode?: string }
  | { factor: 'push'; oobCode: string; barcodeUri: string; recoveryCode?: string };

/** The answer to {@link MfaClient.challenge}. */
export interface ChallengeResult {
  challengeType: 'otp' | 'oob';
  /** For `oob`: pass to `verifyOob` / `pollPush`. */
  oobCode?: string;
  /** `prompt`: the user types the code they were sent (sms / voice / email); absent for push. */
  bindingMethod?: 'prompt';
}

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** `mfaToken` may be omitted on challenge and verify calls: the provider's current credential is used. */
interface MfaTokenParam {
  /** The `mfa_token`, or an MFA access token when confirming an enrollment made with it (CT-107232). */
  mfaToken?: string;
  signal?: AbortSignal;
}

/**
 * A client for one tenant and application. Also the {@link TokenGrants} token providers use.
 *
 * @example
 * ```ts
 * const client = createMfaClient({ domain: 'acme.eu.auth0.com', clientId, tokenProvider });
 * const authenticators = await client.listAuthenticators();
 * ```
 */
export interface MfaClient extends TokenGrants {
  readonly domain: string;
  /** Origin every request goes to, without a trailing slash. */
  readonly baseUrl: string;
  readonly clientId: string;
  /** `https://{domain}/mfa/`. */
  readonly audience: string;
  readonly tokenProvider: TokenProvider | undefined;
  /** The client's clock (epoch ms): `options.now`, else `Date.now`. Hooks and providers share it so tests can move time. */
  readonly now: () => number;
  /**
   * Ask the provider for a credential (with `{ grants: this, now }`).
   * @throws MfaError `interaction_required` when no provider is configured; whatever the provider throws.
   */
  getCredential(options?: { forceRenew?: boolean; signal?: AbortSignal }): Promise<Credential>;
  /** `GET /mfa/authenticators`. Needs an `mfa_token` or an access token with `read:authenticators`. */
  listAuthenticators(options?: CallOptions): Promise<WireAuthenticator[]>;
  /** `GET /mfa/authenticators` with an explicit bearer (a raw `mfa_token` during a step-up), bypassing the provider. */
  listWithToken(params: { mfaToken: string; signal?: AbortSignal }): Promise<WireAuthenticator[]>;
  /** `POST /mfa/associate`. Needs an access token with `enroll`, or an `mfa_token` while nothing is active. */
  associate(request: AssociateRequest, options?: CallOptions): Promise<Association>;
  /** `POST /mfa/challenge`. No call is needed for OTP: go straight to `verifyOtp`. */
  challenge(params: MfaTokenParam & { challengeType?: 'otp' | 'oob' | 'otp oob'; authenticatorId?: string }): Promise<ChallengeResult>;
  /** `mfa-otp` grant: completes MFA or confirms an OTP enrollment. */
  verifyOtp(params: MfaTokenParam & { otp: string }): Promise<WireToken>;
  /** `mfa-oob` grant: `bindingCode` for sms / voice / email; none for push (see `pollPush`). */
  verifyOob(params: MfaTokenParam & { oobCode: string; bindingCode?: string }): Promise<WireToken>;
  /** `mfa-recovery-code` grant. The answer's `recovery_code` is the user's new code: show it. */
  verifyRecoveryCode(params: MfaTokenParam & { recoveryCode: string }): Promise<WireToken>;
  /**
   * Poll the `mfa-oob` grant until the push is approved (tokens), rejected (`push_rejected`),
   * fails otherwise, or `signal` aborts (`aborted`). Waits `interval` ms between polls and adds
   * 5 s on `slow_down` (RFC 8628 §3.5). `onPending` runs after each "not yet" answer.
   */
  pollPush(params: MfaTokenParam & { oobCode: string; /** @default 5000 */ interval?: number; onPending?: () => void }): Promise<WireToken>;
  /** `DELETE /mfa/authenticators/{id}`. Needs an access token with `remove:authenticators`; removes the pair too (server side). */
  deleteAuthenticator(id: string, options?: CallOptions): Promise<void>;
}

const DEFAULT_POLL_INTERVAL = 5000;
const SLOW_DOWN_STEP = 5000;

// Which scope each bearer-token operation needs from an access token (reference §0).
const REQUIRED_SCOPE: Readonly<Record<'list' | 'associate' | 'delete', MfaScope>> = {
  list: 'read:authenticators',
  associate: 'enroll',
  delete: 'remove:authenticators',
};

const CHANNEL_FOR_FACTOR: Readonly<Record<'sms' | 'voice' | 'email' | 'push', OobChannel>> = {
  sms: 'sms',
  voice: 'voice',
  email: 'email',
  push: 'auth0',
};

interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON; the raw text when it is not JSON; `undefined` when empty. */
  body: unknown;
  isJson: boolean;
}

/**
 * Create an MFA API client.
 *
 * @throws TypeError when neither `domain` nor a valid `baseUrl` is given (a programming error,
 *   raised at construction rather than on the first request).
 */
export function createMfaClient(options: MfaClientOptions): MfaClient {
  const { baseUrl, domain } = resolveOrigin(options);
  const clientId = options.clientId;
  const clientSecret = options.clientSecret;
  const provider = options.tokenProvider;
  const now = options.now ?? (() => Date.now());
  const audience = mfaAudience(domain);
  // Looked up per call so a fetch installed later (a polyfill, MSW) is honoured.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(operation: MfaOperation, method: string, path: string, init: { headers: Record<string, string>; body?: string; signal: AbortSignal | undefined }): Promise<Answer> {
    const signal = init.signal;
    if (signal?.aborted) throw abortedError(operation, signal.reason);
    let response: Response;
    let text: string;
    try {
      response = await raceAbort(
        doFetch(`${baseUrl}${path}`, { method, headers: init.headers, body: init.body, signal }),
        signal,
        operation,
      );
      text = await raceAbort(response.text(), signal, operation);
    } catch (cause) {
      if (isMfaError(cause)) throw cause;
      if (signal?.aborted || isAbortError(cause)) throw abortedError(operation, cause);
      throw new MfaError('network', operation, `${operation}: the request got no HTTP answer`, { cause });
    }
    let body: unknown;
    let isJson = false;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
        isJson = true;
      } catch {
        body = text;
      }
    }
    if (!response.ok) throw classifyError(operation, response.status, body, response.headers, now());
    return { status: response.status, headers: response.headers, body, isJson };
  }

  function requireJson(answer: Answer, operation: MfaOperation): unknown {
    if (!answer.isJson) {
      const what = answer.body === undefined ? 'an empty body' : 'a body that is not JSON';
      throw new MfaError('invalid_response', operation, `${operation}: expected JSON, got ${what}`, { status: answer.status });
    }
    return answer.body;
  }

  function postJson(operation: MfaOperation, path: string, payload: Record<string, unknown>, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<Answer> {
    return send(operation, 'POST', path, {
      headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
      signal,
    });
  }

  function clientAuth(): Record<string, string> {
    return clientSecret ? { client_id: clientId, client_secret: clientSecret } : { client_id: clientId };
  }

  async function tokenRequest(operation: MfaOperation, fields: Record<string, string | undefined>, signal: AbortSignal | undefined): Promise<WireToken> {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...fields, ...clientAuth() })) {
      if (value !== undefined) form.set(key, value);
    }
    const answer = await send(operation, 'POST', '/oauth/token', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      signal,
    });
    return parseToken(requireJson(answer, operation), { operation, status: answer.status });
  }

  async function credentialFor(operation: MfaOperation, forceRenew: boolean, signal: AbortSignal | undefined): Promise<Credential> {
    if (!provider) {
      throw new MfaError('interaction_required', operation, `${operation}: no tokenProvider configured — pass one to createMfaClient (or pass mfaToken explicitly)`);
    }
    let credential: Credential;
    try {
      credential = await provider.getCredential({ grants: client, now, forceRenew: forceRenew || undefined, signal });
    } catch (cause) {
      if (isMfaError(cause)) throw cause;
      if (signal?.aborted || isAbortError(cause)) throw abortedError(operation, cause);
      throw new MfaError('unknown', operation, `${operation}: the token provider failed`, { cause });
    }
    if (!credential || typeof credential.token !== 'string' || credential.token === '') {
      throw new MfaError('invalid_token', operation, `${operation}: the token provider returned no token`);
    }
    return credential;
  }

  /**
   * Refuse, before sending, what the credential cannot do (DESIGN: rules are visible, never
   * discovered by a failed request): a raw `mfa_token` cannot delete; an access token needs the
   * operation's scope.
   */
  function assertAllowed(operation: 'list' | 'associate' | 'delete', credential: Credential): void {
    if (credential.kind === 'mfa-token') {
      if (operation === 'delete') {
        throw new MfaError('step_up_required', operation, 'delete: a raw mfa_token cannot remove authenticators; complete MFA to get an access token with remove:authenticators');
      }
      return;
    }
    const scope = REQUIRED_SCOPE[operation];
    if (!credential.scopes.includes(scope)) {
      throw new MfaError('step_up_required', operation, `${operation}: the access token lacks the ${scope} scope`);
    }
  }

  /** Run a bearer-token request; on a rejected token, invalidate it and retry once with a renewed one. */
  async function withBearer<T>(operation: 'list' | 'associate' | 'delete', signal: AbortSignal | undefined, run: (token: string) => Promise<T>): Promise<T> {
    const first = await credentialFor(operation, false, signal);
    assertAllowed(operation, first);
    try {
      return await run(first.token);
    } catch (error) {
      if (!isTokenError(error)) throw error;
      provider?.invalidate?.(first.token);
      const second = await credentialFor(operation, true, signal);
      assertAllowed(operation, second);
      // Exactly one retry: a second rejection is the caller's to handle.
      return run(second.token);
    }
  }

  /** The explicit `mfaToken`, else the provider's current token (which is invalidated if the server rejects it). */
  async function withMfaToken<T>(operation: MfaOperation, mfaToken: string | undefined, signal: AbortSignal | undefined, run: (token: string) => Promise<T>): Promise<T> {
    if (mfaToken !== undefined) return run(mfaToken);
    const credential = await credentialFor(operation, false, signal);
    try {
      return await run(credential.token);
    } catch (error) {
      // No retry: a code may be bound to the old token, and codes are single-use.
      if (isTokenError(error)) provider?.invalidate?.(credential.token);
      throw error;
    }
  }

  async function listWith(token: string, signal: AbortSignal | undefined): Promise<WireAuthenticator[]> {
    const answer = await send('list', 'GET', '/mfa/authenticators', {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal,
    });
    return parseAuthenticatorList(requireJson(answer, 'list'), { operation: 'list', status: answer.status });
  }

  function challengeRequest(operation: MfaOperation, params: MfaTokenParam & { challengeType?: 'otp' | 'oob' | 'otp oob'; authenticatorId?: string }): Promise<ChallengeResult> {
    return withMfaToken(operation, params.mfaToken, params.signal, async (token) => {
      const payload: Record<string, unknown> = { ...clientAuth(), mfa_token: token };
      if (params.challengeType !== undefined) payload.challenge_type = params.challengeType;
      if (params.authenticatorId !== undefined) payload.authenticator_id = params.authenticatorId;
      const answer = await postJson(operation, '/mfa/challenge', payload, {}, params.signal);
      const wire = parseChallenge(requireJson(answer, operation), { operation, status: answer.status });
      const result: ChallengeResult = { challengeType: wire.challenge_type };
      if (wire.oob_code !== undefined) result.oobCode = wire.oob_code;
      if (wire.binding_method !== undefined) result.bindingMethod = wire.binding_method;
      return result;
    });
  }

  function oobGrant(operation: MfaOperation, params: MfaTokenParam & { oobCode: string; bindingCode?: string }): Promise<WireToken> {
    return withMfaToken(operation, params.mfaToken, params.signal, (token) =>
      tokenRequest(operation, { grant_type: GRANT.mfaOob, mfa_token: token, oob_code: params.oobCode, binding_code: params.bindingCode }, params.signal),
    );
  }

  const client: MfaClient = {
    domain,
    baseUrl,
    clientId,
    audience,
    tokenProvider: provider,
    now,

    getCredential(opts = {}) {
      return credentialFor('token', opts.forceRenew ?? false, opts.signal);
    },

    listAuthenticators(opts = {}) {
      return withBearer('list', opts.signal, (token) => listWith(token, opts.signal));
    },

    listWithToken({ mfaToken, signal }) {
      return listWith(mfaToken, signal);
    },

    associate(request, opts = {}) {
      const payload: Record<string, unknown> =
        request.factor === 'otp'
          ? { authenticator_types: ['otp'] }
          : { authenticator_types: ['oob'], oob_channels: [CHANNEL_FOR_FACTOR[request.factor]] };
      if (request.factor === 'sms' || request.factor === 'voice') payload.phone_number = request.phoneNumber;
      if (request.factor === 'email' && request.email !== undefined) payload.email = request.email;
      const requestedChannel = request.factor === 'otp' ? undefined : CHANNEL_FOR_FACTOR[request.factor];
      return withBearer('associate', opts.signal, async (token) => {
        const answer = await postJson('associate', '/mfa/associate', payload, { Authorization: `Bearer ${token}` }, opts.signal);
        const ctx = { operation: 'associate' as const, status: answer.status };
        const wire = parseAssociation(requireJson(answer, 'associate'), ctx, requestedChannel);
        return toAssociation(request, wire, ctx.status);
      });
    },

    challenge(params) {
      return challengeRequest('challenge', params);
    },

    verifyOtp(params) {
      return withMfaToken('verify-otp', params.mfaToken, params.signal, (token) =>
        tokenRequest('verify-otp', { grant_type: GRANT.mfaOtp, mfa_token: token, otp: params.otp }, params.signal),
      );
    },

    verifyOob(params) {
      return oobGrant('verify-oob', params);
    },

    verifyRecoveryCode(params) {
      return withMfaToken('verify-recovery-code', params.mfaToken, params.signal, (token) =>
        tokenRequest('verify-recovery-code', { grant_type: GRANT.mfaRecoveryCode, mfa_token: token, recovery_code: params.recoveryCode }, params.signal),
      );
    },

    pollPush(params) {
      const signal = params.signal;
      // The token is resolved once, so every poll belongs to the same transaction.
      return withMfaToken('poll-push', params.mfaToken, signal, async (mfaToken) => {
        let interval = params.interval ?? DEFAULT_POLL_INTERVAL;
        for (;;) {
          try {
            return await oobGrant('poll-push', { mfaToken, oobCode: params.oobCode, signal });
          } catch (error) {
            if (!isMfaError(error) || (error.code !== 'authorization_pending' && error.code !== 'slow_down')) throw error;
            if (error.code === 'slow_down') interval += SLOW_DOWN_STEP;
            // Still waiting either way; the UI only needs to know the poll is alive.
            params.onPending?.();
          }
          await sleep(interval, signal, 'poll-push');
        }
      });
    },

    deleteAuthenticator(id, opts = {}) {
      return withBearer('delete', opts.signal, async (token) => {
        // Any 2xx is success; a 204 may still come with a body, which is ignored.
        await send('delete', 'DELETE', `/mfa/authenticators/${encodeURIComponent(id)}`, {
          headers: { Authorization: `Bearer ${token}` },
          signal: opts.signal,
        });
      });
    },

    passwordGrant(params) {
      return tokenRequest(
        'password-grant',
        {
          grant_type: params.realm === undefined ? GRANT.password : GRANT.passwordRealm,
          username: params.username,
          password: params.password,
          realm: params.realm,
          // This client exists for the MFA API, so that is the default audience and scope.
          audience: params.audience ?? audience,
          scope: params.scope ?? (params.audience === undefined || params.audience === audience ? MFA_SCOPES.join(' ') : undefined),
        },
        params.signal,
      );
    },

    refreshGrant(params) {
      return tokenRequest(
        'refresh-grant',
        { grant_type: GRANT.refreshToken, refresh_token: params.refreshToken, scope: params.scope, audience: params.audience },
        params.signal,
      );
    },
  };
  return client;
}

function resolveOrigin(options: MfaClientOptions): { baseUrl: string; domain: string } {
  // Tolerate `https://acme.auth0.com/` passed as a domain.
  const domain = options.domain?.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(`createMfaClient: baseUrl is not a URL: ${options.baseUrl}`);
    }
    return { baseUrl: options.baseUrl.replace(/\/+$/, ''), domain: domain || url.host };
  }
  if (!domain) throw new TypeError('createMfaClient: give `domain` (the tenant domain) or `baseUrl`');
  return { baseUrl: `https://${domain}`, domain };
}

function toAssociation(request: AssociateRequest, wire: ReturnType<typeof parseAssociation>, status: number): Association {
  const recoveryCode = wire.recovery_codes?.[0];
  const withRecovery = <T extends object>(value: T): T => (recoveryCode === undefined ? value : { ...value, recoveryCode });
  const mismatch = (what: string) =>
    new MfaError('invalid_response', 'associate', `associate: asked for ${request.factor}, the answer is ${what}`, { status });
  if (wire.authenticator_type === 'otp') {
    if (request.factor !== 'otp') throw mismatch('an otp enrollment');
    return withRecovery({ factor: 'otp', secret: wire.secret, barcodeUri: wire.barcode_uri });
  }
  if (request.factor === 'otp') throw mismatch('an oob enrollment');
  if (wire.oob_channel === 'auth0') {
    if (!wire.barcode_uri) throw new MfaError('invalid_response', 'associate', 'associate: a push enrollment without `barcode_uri`', { status });
    return withRecovery({ factor: 'push', oobCode: wire.oob_code, barcodeUri: wire.barcode_uri });
  }
  const result: Association = { factor: wire.oob_channel, oobCode: wire.oob_code };
  if (wire.binding_method) result.bindingMethod = wire.binding_method;
  return withRecovery(result);
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function abortedError(operation: MfaOperation, cause: unknown): MfaError {
  return new MfaError('aborted', operation, `${operation} was aborted`, { cause });
}

/** Settle as soon as `signal` aborts, whether or not the `fetch` in use honours the signal. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, operation: MfaOperation): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(operation, signal.reason));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal | undefined, operation: MfaOperation): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(operation, signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(operation, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

