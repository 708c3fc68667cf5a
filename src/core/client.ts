/**
 * The MFA API client: every endpoint of Auth0's MFA API in its exact wire format
 * (shared/reference/auth0-mfa-api.md §1), answers validated before use, errors classified into
 * `MfaError`. Framework-free; talks HTTP through an injectable `fetch`.
 */
import { classifyError } from './classify.ts';
import { MfaError, isMfaError, isTokenError } from './errors.ts';
import type { MfaOperation } from './errors.ts';
import { LISTED_FRESH_MS, type Credential, type TokenGrants, type TokenProvider } from './token/types.ts';
import { compact, raceAbort, sleep, toMfaError } from './util.ts';
import { GRANT, MFA_SCOPES, REQUIRED_SCOPE, mfaAudience, parseErrorBody, parseAssociation, parseAuthenticatorList, parseChallenge, parseToken } from './wire.ts';
import type { OobChannel, ParseContext, WireAssociation, WireAuthenticator, WireOobAssociation, WireOtpAssociation, WireToken } from './wire.ts';

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

// The `/mfa/` endpoints: list and delete share `/mfa/authenticators` (a delete appends `/{id}`);
// every other operation is a grant on `/oauth/token`.
const pathOf = (operation: MfaOperation): string | undefined =>
  operation === 'associate' || operation === 'challenge' ? `/mfa/${operation}` : operation === 'list' || operation === 'delete' ? '/mfa/authenticators' : undefined;

// Developer-facing messages (users see the message table, keyed by code) are kept in development
// builds only (`process.env.NODE_ENV` is written out at each use so bundlers drop the text);
// production builds fall back to MfaError's default `operation: code` message.

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
   * One HTTP exchange. `body` is sent as JSON to the `/mfa/` endpoints, and as a form to
   * `/oauth/token` (client credentials added, `undefined` fields left out). A request with a body
   * is a POST; without one it is a GET (list) when there is a `parse`, else a DELETE.
   *
   * A non-2xx answer throws the classified `MfaError`; a 2xx answer goes through `parse`, or is
   * checked as a delete when there is none (204, or 200 with an empty or JSON non-error body). A 2xx answer
   * without a JSON content type reaches `parse` as its raw text, which every parser rejects as `invalid_response`.
   */
  async function call<T>(
    operation: MfaOperation,
    signal: AbortSignal | undefined,
    parse?: (value: unknown, ctx: ParseContext) => T,
    body?: Record<string, unknown>,
    bearer?: string,
    id = '',
  ): Promise<T> {
    const path = pathOf(operation);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (body) headers['Content-Type'] = path ? 'application/json' : 'application/x-www-form-urlencoded';
    let response: Response;
    let text: string;
    try {
      // An already aborted signal sends nothing.
      signal?.throwIfAborted();
      response = await raceAbort(
        doFetch(baseUrl + (path ?? '/oauth/token') + id, {
          method: body ? 'POST' : parse ? 'GET' : 'DELETE',
          headers,
          // JSON.stringify leaves `undefined` fields out by itself.
          body: body && (path ? JSON.stringify(body) : String(new URLSearchParams(compact({ ...body, ...clientAuth }) as Record<string, string>))),
          signal,
        }),
        signal,
        operation,
      );
      text = await raceAbort(response.text(), signal, operation);
    } catch (cause) {
      throw toMfaError(cause, operation, 'network', signal);
    }
    const status = response.status;
    const dev = process.env.NODE_ENV !== 'production';
    // `Response.error()` (status 0): nothing came back from a server.
    if (response.type === 'error' || status === 0) throw new MfaError('network', operation, dev ? `${operation}: network` : undefined, { status });
    // The parsed JSON (only from a JSON content type), else the raw text (which neither the parsers nor classifyError can read).
    let value: unknown = text;
    if (/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(response.headers.get('content-type') ?? '')) {
      try {
        value = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
    }
    if (!response.ok) throw classifyError(operation, status, value, response.headers, now());
    if (parse) return parse(value, { operation, status });
    // A delete succeeds on 204, or 200 with an empty or a JSON body that is no error (in any shape parseErrorBody reads); an HTML page from a proxy is not a delete.
    const deleted = status === 204 || (status === 200 && (text.trim() === '' || (typeof value === 'object' && value !== null && !parseErrorBody(value))));
    if (!deleted) throw new MfaError('invalid_response', operation, dev ? `${operation}: invalid_response (status ${status})` : undefined, { status });
    return undefined as T;
  }

  async function credentialFor(operation: MfaOperation, forceRenew: boolean | undefined, signal: AbortSignal | undefined): Promise<Credential> {
    if (!provider) throw new MfaError('interaction_required', operation, process.env.NODE_ENV !== 'production' ? `${operation}: no tokenProvider (pass one to createMfaClient, or pass mfaToken)` : undefined);
    let credential: Credential;
    try {
      credential = await provider.getCredential({ grants: client, now, forceRenew: forceRenew || undefined, signal });
    } catch (cause) {
      throw toMfaError(cause, operation, 'unknown', signal);
    }
    if (!credential?.token || typeof credential.token !== 'string') throw new MfaError('invalid_token', operation, process.env.NODE_ENV !== 'production' ? `${operation}: the tokenProvider returned no token` : undefined);
    return credential;
  }

  /**
   * Run `run` with a token: the explicit `mfaToken` as given, else the provider's credential (which
   * `run` receives too).
   *
   * On the bearer operations (those with a `REQUIRED_SCOPE`), what the credential cannot do is
   * refused before sending (DESIGN: rules are visible, never discovered by a failed request): a
   * raw `mfa_token` cannot delete; an access token needs the operation's scope.
   *
   * A token the server rejects is invalidated. A bearer operation then retries exactly once with a
   * renewed one (a second rejection is the caller's to handle); the others do not retry, because a
   * code may be bound to the old token and codes are single-use.
   */
  async function withToken<T>(
    operation: MfaOperation,
    signal: AbortSignal | undefined,
    run: (token: string, credential?: Credential) => Promise<T>,
    mfaToken?: string,
    forceRenew?: boolean,
  ): Promise<T> {
    if (mfaToken !== undefined) return run(mfaToken);
    const scope = REQUIRED_SCOPE[operation];
    const credential = await credentialFor(operation, forceRenew, signal);
    if (scope && (credential.kind === 'mfa-token' ? operation === 'delete' : !credential.scopes.includes(scope))) {
      throw new MfaError('step_up_required', operation, process.env.NODE_ENV !== 'production' ? `${operation}: step_up_required (needs ${scope})` : undefined);
    }
    try {
      return await run(credential.token, credential);
    } catch (error) {
      if (forceRenew || !isTokenError(error)) throw error;
      provider?.invalidate?.(credential.token);
      if (!scope) throw error;
      return withToken(operation, signal, run, undefined, true);
    }
  }

  /**
   * A request that needs a token (the explicit `mfaToken`, else the provider's): as the bearer on
   * the bearer operations, as the body's `mfa_token` on the others.
   */
  const send = <T,>(operation: MfaOperation, signal: AbortSignal | undefined, parse?: (value: unknown, ctx: ParseContext) => T, body?: Record<string, unknown>, mfaToken?: string, id?: string): Promise<T> =>
    withToken(
      operation,
      signal,
      (token) => (REQUIRED_SCOPE[operation] ? call(operation, signal, parse, body, token, id) : call(operation, signal, parse, { ...body, mfa_token: token })),
      mfaToken,
    );

  /** An MFA grant (`mfa-otp`, `mfa-oob`, `mfa-recovery-code`) with the explicit or the provider's `mfa_token`. */
  const mfaGrant = (operation: MfaOperation, grant_type: string, params: MfaTokenParam, fields: Record<string, string | undefined>): Promise<WireToken> =>
    send(operation, params.signal, parseToken, { grant_type, ...fields }, params.mfaToken);

  /** The issue-time lists (`MfaTokenCredential.listed`) already used to answer a list call. */
  const served = new WeakSet<object>();

  const client: MfaClient = {
    domain,
    baseUrl,
    clientId,
    audience,
    tokenProvider: provider,
    now,

    getCredential: (opts = {}) => credentialFor('token', opts.forceRenew, opts.signal),

    listAuthenticators: ({ signal } = {}) =>
      withToken('list', signal, (token, credential) => {
        // A list read when the provider's `mfa_token` was issued (ROPG reads it for its challenge)
        // answers the first list call with that token, if still fresh: the same GET, just sent.
        const listed = credential?.kind === 'mfa-token' ? credential.listed : undefined;
        if (listed && !served.has(listed) && now() - listed.at < LISTED_FRESH_MS) {
          served.add(listed);
          return Promise.resolve([...listed.authenticators]);
        }
        return call('list', signal, parseAuthenticatorList, undefined, token);
      }),

    listWithToken: ({ mfaToken, signal }) => send('list', signal, parseAuthenticatorList, undefined, mfaToken),

    associate(request, { signal } = {}) {
      const { factor } = request;
      const channel: OobChannel | undefined = factor === 'otp' ? undefined : factor === 'push' ? 'auth0' : factor;
      const json = {
        authenticator_types: [channel ? 'oob' : 'otp'],
        oob_channels: channel && [channel],
        // Absent on the other factors (and then left out of the JSON).
        phone_number: (request as { phoneNumber?: string }).phoneNumber,
        email: (request as { email?: string }).email,
      };
      return send('associate', signal, (value, ctx) => toAssociation(factor, parseAssociation(value, ctx, channel), ctx.status), json);
    },

    challenge: ({ mfaToken, signal, challengeType, authenticatorId }) =>
      send(
        'challenge',
        signal,
        (value, ctx) => {
          const wire = parseChallenge(value, ctx);
          return compact({ challengeType: wire.challenge_type, oobCode: wire.oob_code, bindingMethod: wire.binding_method });
        },
        { ...clientAuth, challenge_type: challengeType, authenticator_id: authenticatorId },
        mfaToken,
      ),

    verifyOtp: (params) => mfaGrant('verify-otp', GRANT.mfaOtp, params, { otp: params.otp }),

    verifyOob: (params) => mfaGrant('verify-oob', GRANT.mfaOob, params, { oob_code: params.oobCode, binding_code: params.bindingCode }),

    verifyRecoveryCode: (params) => mfaGrant('verify-recovery-code', GRANT.mfaRecoveryCode, params, { recovery_code: params.recoveryCode }),

    pollPush(params) {
      const signal = params.signal;
      // The token is resolved once, so every poll belongs to the same transaction.
      return withToken(
        'poll-push',
        signal,
        async (mfaToken) => {
          let interval = params.interval ?? DEFAULT_POLL_INTERVAL;
          for (;;) {
            try {
              return await mfaGrant('poll-push', GRANT.mfaOob, { mfaToken, signal }, { oob_code: params.oobCode });
            } catch (error) {
              const code = isMfaError(error) && error.code;
              if (code !== 'authorization_pending' && code !== 'slow_down') throw error;
              if (code === 'slow_down') interval += SLOW_DOWN_STEP;
              // Still waiting either way; the UI only needs to know the poll is alive.
              params.onPending?.();
            }
            await sleep(interval, signal, 'poll-push');
          }
        },
        params.mfaToken,
      );
    },

    deleteAuthenticator: (id, { signal } = {}) =>
      send('delete', signal, undefined, undefined, undefined, `/${encodeURIComponent(id)}`),

    passwordGrant: (params) =>
      call('password-grant', params.signal, parseToken, {
        grant_type: params.realm === undefined ? GRANT.password : GRANT.passwordRealm,
        username: params.username,
        password: params.password,
        realm: params.realm,
        // This client exists for the MFA API, so that is the default audience and scope.
        audience: params.audience ?? audience,
        scope: params.scope ?? (params.audience === undefined || params.audience === audience ? MFA_SCOPES.join(' ') : undefined),
      }),

    refreshGrant: (params) =>
      call('refresh-grant', params.signal, parseToken, { grant_type: GRANT.refreshToken, refresh_token: params.refreshToken, scope: params.scope, audience: params.audience }),
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
  if (!domain) throw new TypeError(process.env.NODE_ENV !== 'production' ? 'createMfaClient: give `domain` or `baseUrl`' : undefined);
  return { baseUrl: `https://${domain}`, domain };
}

/** Every field an associate answer may carry, of either kind. */
type AnyAssociation = Partial<Omit<WireOtpAssociation, 'authenticator_type'> & Omit<WireOobAssociation, 'authenticator_type'>> & Pick<WireAssociation, 'authenticator_type'>;

/** The associate answer as an {@link Association}, checked against the factor asked for. */
function toAssociation(factor: AssociateRequest['factor'], wire: AnyAssociation, status: number | undefined): Association {
  const otp = wire.authenticator_type === 'otp';
  const push = wire.oob_channel === 'auth0';
  // An answer of the other kind, or a push enrollment without its QR code, cannot be shown.
  if (otp !== (factor === 'otp') || (push && !wire.barcode_uri)) {
    throw new MfaError('invalid_response', 'associate', process.env.NODE_ENV !== 'production' ? `associate: invalid_response (not a ${factor} enrollment)` : undefined, { status });
  }
  // An otp answer has no oob fields and an oob answer no secret; only push keeps its QR code, and
  // only sms / voice / email their binding method.
  return compact({
    factor: otp ? 'otp' : push ? 'push' : wire.oob_channel,
    secret: wire.secret,
    oobCode: wire.oob_code,
    barcodeUri: otp || push ? wire.barcode_uri : undefined,
    bindingMethod: push ? undefined : wire.binding_method,
    recoveryCode: wire.recovery_codes?.[0],
  }) as Association;
}
