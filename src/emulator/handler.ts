/**
 * Request → Response routing for the tenant. Every answer is Auth0-shaped JSON with CORS headers:
 * unknown paths 404, wrong methods 405, bad bodies 400, and never an exception for a bad request.
 */
import { CORS_HEADERS, empty, errorResponse, json } from './http.ts';
import { discoveryEndpoint, jwksEndpoint } from './oidc.ts';
import { associateEndpoint, challengeEndpoint, deleteEndpoint, listEndpoint } from './mfa.ts';
import type { Tenant } from './tenant.ts';
import { tokenEndpoint } from './token.ts';
import { HttpError } from './util.ts';

/** A routed answer, plus what the request log wants to know. */
export interface Routed {
  response: Response;
  grantType?: string;
}

function methodNotAllowed(allow: string): never {
  throw new HttpError(405, 'method_not_allowed', `Method not allowed. Allowed: ${allow}`, { Allow: allow });
}

/** Route one request to the tenant. */
export async function route(tenant: Tenant, request: Request): Promise<Routed> {
  try {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    // Trailing slashes are tolerated (`/mfa/authenticators/`), as most HTTP frameworks do.
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (method === 'OPTIONS') {
      const asked = request.headers.get('access-control-request-headers');
      return { response: empty(204, asked ? { 'Access-Control-Allow-Headers': asked } : {}) };
    }
    if (path === '/oauth/token') {
      if (method !== 'POST') methodNotAllowed('POST, OPTIONS');
      return await tokenEndpoint(tenant, request);
    }
    if (path === '/.well-known/openid-configuration' || path === '/.well-known/jwks.json') {
      if (method !== 'GET') methodNotAllowed('GET, OPTIONS');
      return { response: path.endsWith('jwks.json') ? await jwksEndpoint(tenant) : discoveryEndpoint(tenant) };
    }
    if (path === '/mfa/authenticators') {
      if (method !== 'GET') methodNotAllowed('GET, OPTIONS');
      return { response: listEndpoint(tenant, request) };
    }
    const item = /^\/mfa\/authenticators\/([^/]+)$/.exec(path);
    if (item) {
      if (method !== 'DELETE') methodNotAllowed('DELETE, OPTIONS');
      return { response: deleteEndpoint(tenant, request, item[1]!) };
    }
    if (path === '/mfa/associate') {
      if (method !== 'POST') methodNotAllowed('POST, OPTIONS');
      return { response: await associateEndpoint(tenant, request) };
    }
    if (path === '/mfa/challenge') {
      if (method !== 'POST') methodNotAllowed('POST, OPTIONS');
      return { response: await challengeEndpoint(tenant, request) };
    }
    throw new HttpError(404, 'not_found', `Not found: ${method} ${path}`);
  } catch (e) {
    if (e instanceof HttpError) return { response: errorResponse(e) };
    // A bug in the emulator, not a bad request: still answer in Auth0's shape.
    return { response: json(500, { error: 'server_error', error_description: e instanceof Error ? e.message : 'Internal error' }) };
  }
}

/** Headers every injected answer gets too. */
export { CORS_HEADERS };
