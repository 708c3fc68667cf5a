/**
 * Scope and JWT helpers shared by the token providers. The kit never verifies a JWT: Auth0 does
 * that on every request. It only peeks at the payload to learn what the token may do and when it
 * stops working, because Auth0 omits `scope` from a token answer when it equals the request.
 */
import { MFA_SCOPES, type MfaScope } from '../wire.ts';
import type { Credential } from './types.ts';

/** The three MFA API scopes as one space-separated string, ready for an `authorizationParams.scope` or a grant's `scope`. */
export const MFA_SCOPE: string = MFA_SCOPES.join(' ');

/** The fixed lifetime Auth0 gives MFA API access tokens and (about) `mfa_token`s: 10 minutes, not configurable. */
export const MFA_TOKEN_LIFETIME_MS = 600_000;

const isMfaScope = (value: string): value is MfaScope => (MFA_SCOPES as readonly string[]).includes(value);

/**
 * The MFA scopes in a space-separated `scope` string (or an array of scopes), in a stable order,
 * others (`openid`, `offline_access`, API scopes) dropped.
 *
 * @example
 * ```ts
 * parseScopes('openid enroll read:authenticators') // ['enroll', 'read:authenticators']
 * ```
 */
export function parseScopes(scope: string | readonly string[] | undefined): MfaScope[] {
  if (scope === undefined) return [];
  const granted = new Set(typeof scope === 'string' ? scope.split(/\s+/) : scope);
  return MFA_SCOPES.filter((s) => granted.has(s) && isMfaScope(s));
}

/** Joins scope strings, dropping duplicates and blanks: `joinScopes(MFA_SCOPE, 'offline_access')`. */
export function joinScopes(...scopes: ReadonlyArray<string | undefined>): string {
  const all = scopes.flatMap((s) => (s ? s.split(/\s+/) : [])).filter(Boolean);
  return [...new Set(all)].join(' ');
}

/**
 * The decoded payload of a JWT, or `undefined` when the token is not a JWT (an opaque token, an
 * `mfa_token`) or the payload is not JSON. No signature check.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  // JWS compact form has three parts; an `mfa_token` (`Fe26.2*…`) has none of this shape.
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The MFA scopes in a JWT's `scope` claim (a space-separated string, or `scp` as an array), or
 * `undefined` when the token is not a JWT or carries no scope claim.
 */
export function scopesFromJwt(token: string): MfaScope[] | undefined {
  const payload = decodeJwtPayload(token);
  if (!payload) return undefined;
  const claim = payload['scope'] ?? payload['scp'];
  if (typeof claim === 'string') return parseScopes(claim);
  if (Array.isArray(claim)) return parseScopes(claim.filter((s): s is string => typeof s === 'string'));
  return undefined;
}

/** A JWT's `exp` claim in epoch milliseconds, or `undefined`. */
export function jwtExpiresAt(token: string): number | undefined {
  const exp = decodeJwtPayload(token)?.['exp'];
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}

/**
 * When a token stops working, in epoch ms. `expires_in` (relative, so immune to clock skew) wins;
 * a JWT `exp` is the fallback when no `expires_in` came (a popup answers with a bare string), and
 * is ignored when the local clock says it has already passed (a skewed clock must not make every
 * token look dead); last resort, Auth0's fixed 10 minutes.
 */
export function expiresAtOf(token: string, expiresIn: number | undefined, now: number): number {
  if (typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0) return now + expiresIn * 1000;
  const exp = jwtExpiresAt(token);
  if (exp !== undefined && exp > now) return exp;
  return now + MFA_TOKEN_LIFETIME_MS;
}

/**
 * Whether a credential may do something that needs `scope`. A raw `mfa_token` has no scopes: it
 * may list (and enroll while nothing is active), never delete.
 *
 * @example
 * ```ts
 * if (!hasScope(state.credential, 'remove:authenticators')) showStepUp()
 * ```
 */
export function hasScope(credential: Credential | undefined, scope: MfaScope): boolean {
  return credential?.kind === 'access-token' && credential.scopes.includes(scope);
}
