/**
 * HTTP plumbing shared by the endpoints: body parsing (JSON and form), parameter getters,
 * bearer / body-token resolution, JSON answers and CORS headers.
 */
import type { AccessTokenRecord, MfaTokenRecord, Tenant, Transaction } from './tenant.ts';
import { Bucket, HttpError } from './util.ts';

/** A parsed request body: JSON object or form fields. */
export type Body = Record<string, unknown>;

/** CORS headers on every answer, so a browser app on any origin can call the emulator. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Auth0-Client, Auth0-Forwarded-For, DPoP',
  'Access-Control-Expose-Headers': 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
  'Access-Control-Max-Age': '600',
};

/** A JSON answer with CORS and no-store caching (token answers must never be cached). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...CORS_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      ...headers,
    },
  });
}

/** An empty answer (204) with CORS. */
export function empty(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...CORS_HEADERS, ...headers } });
}

/** The Auth0 error body for an `HttpError`. */
export function errorResponse(e: HttpError): Response {
  return json(e.status, { error: e.error, error_description: e.description, ...e.extra }, e.headers);
}

/** Parse a JSON or form body; anything unparseable is a 400 `invalid_request`, never a crash. */
export async function readBody(request: Request): Promise<Body> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw new HttpError(400, 'invalid_request', 'The request body could not be read.');
  }
  if (text.trim() === '') return {};
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  const looksJson = /^\s*[[{]/.test(text);
  if (contentType.includes('json') || (!contentType.includes('x-www-form-urlencoded') && looksJson)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'invalid_request', 'The request body is not valid JSON.');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new HttpError(400, 'invalid_request', 'The request body must be a JSON object.');
    }
    return parsed as Body;
  }
  const body: Body = {};
  for (const [key, value] of new URLSearchParams(text)) body[key] = value;
  return body;
}

/** A string parameter, or undefined when absent or empty. Numbers are accepted as strings (`otp: 123456`). */
export function param(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new HttpError(400, 'invalid_request', `Invalid parameter: ${name}`);
}

/** A required string parameter. */
export function required(body: Body, name: string): string {
  const value = param(body, name);
  if (value === undefined) throw new HttpError(400, 'invalid_request', `Missing required parameter: ${name}`);
  return value;
}

/** A list parameter: a JSON array of strings, or a space/comma separated string (form bodies). */
export function listParam(body: Body, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  throw new HttpError(400, 'invalid_request', `Invalid parameter: ${name}`);
}

/** Check the application: `client_id` in the body or HTTP Basic. Unknown clients get Auth0's 401. */
export function checkClient(tenant: Tenant, request: Request, body: Body): string {
  let clientId = param(body, 'client_id');
  const auth = request.headers.get('authorization') ?? '';
  if (!clientId && /^basic\s+/i.test(auth)) {
    try {
      clientId = decodeURIComponent(atob(auth.replace(/^basic\s+/i, '')).split(':')[0] ?? '');
    } catch {
      throw new HttpError(401, 'access_denied', 'Unauthorized');
    }
  }
  if (!clientId) throw new HttpError(400, 'invalid_request', 'Missing required parameter: client_id');
  if (clientId !== tenant.options.clientId) throw new HttpError(401, 'access_denied', 'Unauthorized');
  return clientId;
}

/** A resolved bearer credential of an /mfa/* request. */
export type Bearer =
  | { kind: 'mfa-token'; userId: string; record: MfaTokenRecord }
  | { kind: 'access-token'; userId: string; record: AccessTokenRecord };

const INVALID_TOKEN = 'The mfa_token provided is invalid. Try getting a new token.';

/** Resolve `Authorization: Bearer …` to an mfa_token or an MFA access token, or throw 401. */
export function bearer(tenant: Tenant, request: Request): Bearer {
  const header = request.headers.get('authorization') ?? '';
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new HttpError(401, 'invalid_token', 'Missing or malformed Authorization header: expected "Bearer <token>".');
  const token = match[1]!;
  const now = tenant.now();
  const mfa = tenant.mfaTokens.get(token);
  if (mfa) {
    if (mfa.expiresAt <= now) throw new HttpError(401, 'expired_token', 'mfa_token is expired');
    return { kind: 'mfa-token', userId: mfa.userId, record: mfa };
  }
  const access = tenant.accessTokens.get(token);
  if (access) {
    if (access.expiresAt <= now) throw new HttpError(401, 'expired_token', 'access_token is expired');
    if (!tenant.isMfaAudience(access.audience)) {
      throw new HttpError(401, 'invalid_token', `The access token audience is not the MFA API (${tenant.audience}).`);
    }
    return { kind: 'access-token', userId: access.userId, record: access };
  }
  throw new HttpError(401, 'invalid_token', INVALID_TOKEN);
}

/** Require a scope of an access token (mfa_tokens are checked by each endpoint's own rule). */
export function requireScope(b: Bearer, scope: string): void {
  if (b.kind === 'access-token' && !b.record.scopes.includes(scope)) {
    throw new HttpError(403, 'insufficient_scope', `Insufficient scope, expected any of: ${scope}`);
  }
}

/**
 * Resolve the `mfa_token` body field of /mfa/challenge and the MFA grants to the transaction it
 * continues. An MFA access token is accepted there too: that is how an enrollment made with an
 * access token is confirmed (CT-107232).
 */
export function bodyToken(tenant: Tenant, token: string, clientId: string): Transaction {
  const now = tenant.now();
  const mfa = tenant.mfaTokens.get(token);
  if (mfa) {
    if (mfa.clientId !== clientId) throw new HttpError(400, 'invalid_request', 'mfa_token not issued to this client');
    if (mfa.expiresAt <= now) throw new HttpError(401, 'expired_token', 'mfa_token is expired');
    return { userId: mfa.userId, clientId: mfa.clientId, audience: mfa.audience, scope: mfa.scope };
  }
  const access = tenant.accessTokens.get(token);
  if (access) {
    if (access.clientId !== clientId) throw new HttpError(400, 'invalid_request', 'mfa_token not issued to this client');
    if (access.expiresAt <= now) throw new HttpError(401, 'expired_token', 'mfa_token is expired');
    return { userId: access.userId, clientId: access.clientId, audience: access.audience, scope: access.scopes.join(' ') };
  }
  throw new HttpError(403, 'invalid_grant', 'Malformed mfa_token');
}

/** Rate-limit headers for a 429 (`X-RateLimit-Reset` is epoch seconds, reference §3). */
export function rateLimitHeaders(bucket: Bucket, now: number): Record<string, string> {
  const waitMs = Math.max(1000, bucket.msUntilNext(now));
  return {
    'Retry-After': String(Math.ceil(waitMs / 1000)),
    'X-RateLimit-Limit': String(bucket.capacity),
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': String(Math.ceil((now + waitMs) / 1000)),
  };
}

/** Take one token from `bucket` or throw a 429 with the rate-limit headers. */
export function spend(bucket: Bucket, now: number, error: string, description: string): void {
  if (!bucket.take(now)) throw new HttpError(429, error, description, rateLimitHeaders(bucket, now));
}
