/**
 * The MFA API client: every endpoint of Auth0's MFA API in its exact wire format
 * (shared/reference/auth0-mfa-api.md §1), answers validated before use, errors classified into
 * `MfaError`. Framework-free; talks HTTP through an injectable `fetch`.
 */
import { classifyError } from './classify.ts';
import { MfaError, isMfaError, isTokenError } from './errors.ts';
import type { MfaOperation } from './errors.ts';
import type { Credential, TokenGrants, TokenProvider } from './token/types.ts';
import { abortedError, compact, isAbortError, raceAbort, sleep } from './util.ts';
import { GRANT, MFA_SCOPES, mfaAudience, parseAssociation, parseAuthenticatorList, parseChallenge, parseToken } from './wire.ts';
import type { MfaScope, OobChannel, ParseContext, WireAssociation, WireAuthenticator, WireToken } from './wire.ts';

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

type BearerOperation = 'list' | 'associate' | 'delete';

// Which scope each bearer-token operation needs from an access token (reference §0).
const REQUIRED_SCOPE: Readonly<Record<BearerOperation, MfaScope>> = {
  list: 'read:authenticators',
  associate: 'enroll',
  delete: 'remove:authenticators',
};

/** How one request is sent: a bearer, and a JSON or form body. */
interface RequestInit_ {
  method?: 'GET' | 'POST' | 'DELETE';
  bearer?: string;
  json?: Record<string, unknown>;
  /** `/oauth/token` fields; `undefined` values are left out, client credentials are added. */
  form?: Record<string, string | undefined>;
}

/**
 * Any failure that is not an `MfaError` yet: `aborted` when the caller cancelled, else `code`
 * (`network` for a request without an answer, `unknown` for a failing token provider).
 */
function toMfaError(cause: unknown, operation: MfaOperation, signal: AbortSignal | undefined, code: 'network' | 'unknown'): MfaError {
  if (isMfaError(cause)) return cause;
  if (signal?.aborted || isAbortError(cause)) return abortedError(operation, cause);
  return new MfaError(code, operation, undefined, { cause });
}

/**
 * Create an MFA API client.
 *
 * @throws TypeError when neither `domain` nor a valid `baseUrl` is given (a programming error,
 *   raised at construction rather than on the first request).
 */
export function createMfaClient(options: MfaClientOptions): MfaClient {
  const { baseUrl, domain } = resolveOrigin(options);
  const { clientId, clientSecret, tokenProvider: provider } = options;
  const now = options.now ?? (() => Date.now());
  const audience = mfaAudience(domain);
  // Looked up per call so a fetch installed later (a polyfill, MSW) is honoured.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const clientAuth = compact({ client_id: clientId, client_secret: clientSecret || undefined });

  /**
   * One HTTP exchange. A non-2xx answer throws the classified `MfaError`; a 2xx answer goes
   * through `parse` (which requires JSON), or is ignored when there is no `parse`.
   */
  async function call<T>(operation: MfaOperation, path: string, signal: AbortSignal | undefined, init: RequestInit_, parse?: (value: unknown, ctx: ParseContext) => T): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (init.bearer) headers.Authorization = `Bearer ${init.bearer}`;
    if (init.json) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(compact({ ...init.form, ...clientAuth }) as Record<string, string>).toString();
    }
    let response: Response;
    let text: string;
    try {
      // An already aborted signal sends nothing.
      signal?.throwIfAborted();
      response = await raceAbort(doFetch(baseUrl + path, { method: init.method ?? 'POST', headers, body, signal }), signal, operation);
      text = await raceAbort(response.text(), signal, operation);
    } catch (cause) {
      throw toMfaError(cause, operation, signal, 'network');
    }
    const status = response.status;
    let value: unknown;
    let isJson = false;
    if (text.trim() !== '') {
      try {
        value = JSON.parse(text);
        isJson = true;
      } catch {
        value = text;
      }
    }
    if (!response.ok) throw classifyError(operation, status, value, response.headers, now());
    if (parse && !isJson) throw new MfaError('invalid_response', operation, `${operation}: invalid_response (not JSON)`, { status });
    return parse ? parse(value, { operation, status }) : (undefined as T);
  }

  const tokenRequest = (operation: MfaOperation, form: Record<string, string | undefined>, signal: AbortSignal | undefined): Promise<WireToken> =>
    call(operation, '/oauth/token', signal, { form }, parseToken);

  async function credentialFor(operation: MfaOperation, forceRenew: boolean, signal: AbortSignal | undefined): Promise<Credential> {
    if (!provider) throw new MfaError('interaction_required', operation, `${operation}: no tokenProvider (pass one to createMfaClient, or pass mfaToken)`);
    let credential: Credential;
    try {
      credential = await provider.getCredential({ grants: client, now, forceRenew: forceRenew || undefined, signal });
    } catch (cause) {
      throw toMfaError(cause, operation, signal, 'unknown');
    }
    if (typeof credential?.token !== 'string' || credential.token === '') throw new MfaError('invalid_token', operation, `${operation}: the tokenProvider returned no token`);
    return credential;
  }

  /**
   * Refuse, before sending, what the credential cannot do (DESIGN: rules are visible, never
   * discovered by a failed request): a raw `mfa_token` cannot delete; an access token needs the
   * operation's scope.
   */
  function assertAllowed(operation: BearerOperation, credential: Credential): void {
    const scope = REQUIRED_SCOPE[operation];
    if (credential.kind === 'mfa-token' ? operation === 'delete' : !credential.scopes.includes(scope)) {
      throw new MfaError('step_up_required', operation, `${operation}: step_up_required (needs ${scope})`);
    }
  }

  /** Run a bearer-token request; on a rejected token, invalidate it and retry once with a renewed one. */
  async function withBearer<T>(operation: BearerOperation, signal: AbortSignal | undefined, run: (token: string) => Promise<T>): Promise<T> {
    const authorized = (credential: Credential): Promise<T> => {
      assertAllowed(operation, credential);
      return run(credential.token);
    };
    const first = await credentialFor(operation, false, signal);
    try {
      return await authorized(first);
    } catch (error) {
      if (!isTokenError(error)) throw error;
      provider?.invalidate?.(first.token);
      // Exactly one retry: a second rejection is the caller's to handle.
      return authorized(await credentialFor(operation, true, signal));
    }
  }

  /** The explicit `mfaToken`, else the provider's current token (which is invalidated if the server rejects it). */
  async function withMfaToken<T>(operation: MfaOperation, mfaToken: string | undefined, signal: AbortSignal | undefined, run: (token: string) => Promise<T>): Promise<T> {
    if (mfaToken !== undefined) return run(mfaToken);
    const { token } = await credentialFor(operation, false, signal);
    try {
      return await run(token);
    } catch (error) {
      // No retry: a code may be bound to the old token, and codes are single-use.
      if (isTokenError(error)) provider?.invalidate?.(token);
      throw error;
    }
  }

  const listWith = (bearer: string, signal: AbortSignal | undefined): Promise<WireAuthenticator[]> =>
    call('list', '/mfa/authenticators', signal, { method: 'GET', bearer }, parseAuthenticatorList);

  /** An MFA grant (`mfa-otp`, `mfa-oob`, `mfa-recovery-code`) with the explicit or the provider's `mfa_token`. */
  const mfaGrant = (operation: MfaOperation, grant_type: string, params: MfaTokenParam, fields: Record<string, string | undefined>): Promise<WireToken> =>
    withMfaToken(operation, params.mfaToken, params.signal, (mfa_token) => tokenRequest(operation, { grant_type, mfa_token, ...fields }, params.signal));

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
      const { factor } = request;
      const channel: OobChannel | undefined = factor === 'otp' ? undefined : factor === 'push' ? 'auth0' : factor;
      const json = compact({
        authenticator_types: [channel ? 'oob' : 'otp'],
        oob_channels: channel && [channel],
        phone_number: 'phoneNumber' in request ? request.phoneNumber : undefined,
        email: 'email' in request ? request.email : undefined,
      });
      return withBearer('associate', opts.signal, (bearer) =>
        call('associate', '/mfa/associate', opts.signal, { bearer, json }, (value, ctx) => toAssociation(factor, parseAssociation(value, ctx, channel), ctx.status)),
      );
    },

    challenge({ mfaToken, signal, challengeType, authenticatorId }) {
      return withMfaToken('challenge', mfaToken, signal, (token) =>
        call('challenge', '/mfa/challenge', signal, { json: compact({ ...clientAuth, mfa_token: token, challenge_type: challengeType, authenticator_id: authenticatorId }) }, (value, ctx) => {
          const wire = parseChallenge(value, ctx);
          return compact({ challengeType: wire.challenge_type, oobCode: wire.oob_code, bindingMethod: wire.binding_method });
        }),
      );
    },

    verifyOtp(params) {
      return mfaGrant('verify-otp', GRANT.mfaOtp, params, { otp: params.otp });
    },

    verifyOob(params) {
      return mfaGrant('verify-oob', GRANT.mfaOob, params, { oob_code: params.oobCode, binding_code: params.bindingCode });
    },

    verifyRecoveryCode(params) {
      return mfaGrant('verify-recovery-code', GRANT.mfaRecoveryCode, params, { recovery_code: params.recoveryCode });
    },

    pollPush(params) {
      const signal = params.signal;
      // The token is resolved once, so every poll belongs to the same transaction.
      return withMfaToken('poll-push', params.mfaToken, signal, async (mfaToken) => {
        let interval = params.interval ?? DEFAULT_POLL_INTERVAL;
        for (;;) {
          try {
            return await mfaGrant('poll-push', GRANT.mfaOob, { mfaToken, signal }, { oob_code: params.oobCode });
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
      // Any 2xx is success; a 204 may still come with a body, which is ignored.
      return withBearer('delete', opts.signal, (bearer) => call('delete', `/mfa/authenticators/${encodeURIComponent(id)}`, opts.signal, { method: 'DELETE', bearer }));
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
    // `new URL` throws a TypeError for anything that is not a URL.
    const host = new URL(options.baseUrl).host;
    return { baseUrl: options.baseUrl.replace(/\/+$/, ''), domain: domain || host };
  }
  if (!domain) throw new TypeError('createMfaClient: give `domain` or `baseUrl`');
  return { baseUrl: `https://${domain}`, domain };
}

/** The associate answer as an {@link Association}, checked against the factor asked for. */
function toAssociation(factor: AssociateRequest['factor'], wire: WireAssociation, status: number | undefined): Association {
  const otp = wire.authenticator_type === 'otp';
  const push = !otp && wire.oob_channel === 'auth0';
  // An answer of the other kind, or a push enrollment without its QR code, cannot be shown.
  if (otp !== (factor === 'otp') || (push && !wire.barcode_uri)) {
    throw new MfaError('invalid_response', 'associate', `associate: invalid_response (not a ${factor} enrollment)`, { status });
  }
  const result = otp
    ? { factor: 'otp', secret: wire.secret, barcodeUri: wire.barcode_uri }
    : { factor: push ? 'push' : wire.oob_channel, oobCode: wire.oob_code, barcodeUri: push ? wire.barcode_uri : undefined, bindingMethod: push ? undefined : wire.binding_method };
  return compact({ ...result, recoveryCode: wire.recovery_codes?.[0] }) as Association;
}
