/**
 * `createEmulator`: the tenant plus what tests and stories need around it — a fetch adapter,
 * fault injection, latency, a request log, change notifications and test hooks.
 */
import { MFA_SCOPES } from '../core/wire.ts';
import { CORS_HEADERS, route } from './handler.ts';
import { isScenarioName, seedScenario } from './scenarios.ts';
import { Tenant, type AuthenticatorRecord } from './tenant.ts';
import { totp as totpAt } from './totp.ts';
import type { Emulator, EmulatorOptions, InjectedFault, PushRequest, RequestLogEntry, ScenarioName } from './types.ts';

interface QueuedFault {
  remaining: number;
  fault: InjectedFault;
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `grant_type` of a token request, read from a clone so the body stays available. */
async function peekGrantType(request: Request): Promise<string | undefined> {
  try {
    const text = await request.clone().text();
    if (/^\s*\{/.test(text)) {
      const value: unknown = (JSON.parse(text) as Record<string, unknown>).grant_type;
      return typeof value === 'string' ? value : undefined;
    }
    return new URLSearchParams(text).get('grant_type') ?? undefined;
  } catch {
    return undefined;
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function faultResponse(fault: InjectedFault): Response {
  const status = fault.status ?? 500;
  if (fault.body !== undefined) {
    // A body that parses as JSON is served as JSON (the client reads JSON only from a JSON type); set `headers` to override.
    const type = /^\s*</.test(fault.body) ? 'text/html; charset=utf-8' : parsesAsJson(fault.body) ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
    return new Response(fault.body, { status, headers: { ...CORS_HEADERS, 'Content-Type': type, ...fault.headers } });
  }
  const body = {
    error: fault.error ?? (status >= 500 ? 'server_error' : 'invalid_request'),
    error_description: fault.error_description ?? 'Injected fault',
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...fault.headers },
  });
}

/**
 * Create an in-memory Auth0 tenant speaking the MFA API.
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ scenario: 'otp-only' });
 * const { access_token } = emulator.issueAccessToken();
 * const res = await emulator.fetch(`${emulator.baseUrl}/mfa/authenticators`, { headers: { Authorization: `Bearer ${access_token}` } });
 * ```
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const tenant = new Tenant(options);
  seedScenario(tenant, isScenarioName(options.scenario) ? options.scenario : 'every-factor');
  const listeners = new Set<() => void>();
  const log: RequestLogEntry[] = [];
  let faults: QueuedFault[] = [];
  let latency = 0;

  const notify = () => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // A broken listener must not break the request that triggered it.
      }
    }
  };

  const takeFault = (key: string): InjectedFault | undefined => {
    const queued = faults.find((f) => f.remaining > 0 && (!f.fault.match || key.includes(f.fault.match)));
    if (!queued) return undefined;
    queued.remaining -= 1;
    faults = faults.filter((f) => f.remaining > 0);
    return queued.fault;
  };

  async function handle(request: Request): Promise<Response> {
    let path = '/';
    try {
      path = new URL(request.url).pathname;
    } catch {
      // Request URLs are always absolute; keep '/' if something odd slips through.
    }
    const method = request.method.toUpperCase();
    if (latency > 0) await sleep(latency, request.signal);
    if (request.signal?.aborted) throw abortError();
    const grantType = path.replace(/\/+$/, '') === '/oauth/token' ? await peekGrantType(request) : undefined;
    const at = tenant.now();
    // Preflights never consume faults: a browser sends them on its own, not the code under test.
    const fault = method === 'OPTIONS' ? undefined : takeFault(`${method} ${path}`);
    if (fault) {
      const status = fault.network ? 0 : (fault.status ?? 500);
      const entry: RequestLogEntry = { method, path, status, at, injected: true };
      if (grantType) entry.grantType = grantType;
      if (!fault.network && fault.body === undefined) entry.error = fault.error ?? (status >= 500 ? 'server_error' : 'invalid_request');
      log.push(entry);
      notify();
      if (fault.network) throw new TypeError('Failed to fetch');
      return faultResponse(fault);
    }
    const routed = await route(tenant, request);
    const entry: RequestLogEntry = { method, path, status: routed.response.status, at };
    if (grantType) entry.grantType = grantType;
    if (routed.response.status >= 400) {
      try {
        const body = (await routed.response.clone().json()) as { error?: unknown };
        if (typeof body.error === 'string') entry.error = body.error;
      } catch {
        // Every error answer is JSON; nothing to log otherwise.
      }
    }
    log.push(entry);
    notify();
    return routed.response;
  }

  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let request: Request;
    if (input instanceof Request) {
      request = init ? new Request(input, init) : input;
    } else {
      // Relative URLs resolve against the emulator; any absolute origin is routed here too.
      request = new Request(new URL(String(input), `${tenant.options.baseUrl}/`), init);
    }
    return handle(request);
  }) as typeof fetch;

  const userOr = (userId?: string) => userId ?? tenant.defaultUserId();
  const otpRecord = (authenticatorId?: string): AuthenticatorRecord => {
    const record = authenticatorId
      ? tenant.record(authenticatorId)
      : tenant.recordsOf(tenant.defaultUserId()).filter((r) => r.kind === 'totp').sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!record?.secret) throw new Error(`No OTP authenticator${authenticatorId ? ` with id ${authenticatorId}` : ''}`);
    return record;
  };
  const settlePush = (status: PushRequest['status'], id?: string) => {
    const push = id
      ? tenant.pushes.find((p) => p.id === id && p.status === 'pending')
      : [...tenant.pushes].reverse().find((p) => p.status === 'pending');
    if (!push) return;
    push.status = status;
    notify();
  };

  const emulator: Emulator = {
    get baseUrl() {
      return tenant.options.baseUrl;
    },
    get domain() {
      return tenant.options.domain;
    },
    get audience() {
      return tenant.audience;
    },
    get clientId() {
      return tenant.options.clientId;
    },
    get scenario() {
      return tenant.scenario;
    },
    get users() {
      return tenant.users.map((u) => ({ id: u.id, email: u.email, password: u.password, ...(u.phone ? { phone: u.phone } : {}) }));
    },
    handle,
    fetch: fetchImpl,
    clock: {
      now: () => tenant.now(),
      advance(ms: number) {
        tenant.clock.advance(ms);
        notify();
      },
      set(epochMs: number) {
        tenant.clock.set(epochMs);
        notify();
      },
    },
    authenticators: (userId) => tenant.list(userOr(userId)),
    outbox: (userId) => tenant.sent.filter((m) => !userId || m.userId === userId).map((m) => ({ ...m })),
    lastCode(to) {
      const match = [...tenant.sent].reverse().find((m) => !to || m.to === to || m.userId === to);
      return match?.code;
    },
    pushRequests: (userId) => tenant.pushes.filter((p) => !userId || p.userId === userId).map((p) => ({ ...p })),
    approvePush: (id) => settlePush('approved', id),
    rejectPush: (id) => settlePush('rejected', id),
    totp: (authenticatorId) => totpAt(otpRecord(authenticatorId).secret!, tenant.now()),
    totpSecret: (authenticatorId) => otpRecord(authenticatorId).secret!,
    recoveryCode: (userId) => tenant.recordsOf(userOr(userId)).find((r) => r.kind === 'recovery-code')?.code,
    issueAccessToken(opts = {}) {
      const scopes = [...(opts.scopes ?? MFA_SCOPES)];
      const expiresIn = opts.expiresIn ?? 600;
      const access_token = tenant.issueAccessToken({
        userId: userOr(opts.userId), clientId: tenant.options.clientId, audience: tenant.audience, scopes, expiresIn,
      });
      return { access_token, expires_in: expiresIn, scope: scopes.join(' ') };
    },
    issueMfaToken(opts = {}) {
      const expiresIn = opts.expiresIn ?? 600;
      const mfa_token = tenant.issueMfaToken(
        { userId: userOr(opts.userId), clientId: tenant.options.clientId, audience: opts.audience ?? tenant.audience, scope: opts.scope ?? MFA_SCOPES.join(' ') },
        expiresIn,
      );
      return { mfa_token, expires_in: expiresIn };
    },
    faults: {
      latency(ms: number) {
        latency = Math.max(0, ms);
      },
      failNext(count: number, fault: InjectedFault) {
        if (count > 0) faults.push({ remaining: count, fault: { ...fault } });
      },
      clear() {
        faults = [];
        latency = 0;
      },
    },
    requests: () => log.map((e) => ({ ...e })),
    clearRequests() {
      log.length = 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reset(scenario?: ScenarioName) {
      seedScenario(tenant, scenario && isScenarioName(scenario) ? scenario : tenant.scenario);
      faults = [];
      log.length = 0;
      notify();
    },
  };
  return emulator;
}
