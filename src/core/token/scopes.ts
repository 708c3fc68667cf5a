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
  const granted = new Set(typeof scope === 'string' ? scope.split(/\s+/) : scope);
  return MFA_SCOPES.filter((s) => granted.has(s));
}

/** Joins scope strings, dropping duplicates and blanks: `joinScopes(MFA_SCOPE, 'offline_access')`. */
export function joinScopes(...scopes: ReadonlyArray<string | undefined>): string {
  return [...new Set(scopes.join(' ').split(/\s+/))].filter(Boolean).join(' ');
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
    // base64url without padding, which `atob` accepts once the alphabet is mapped back.
    const binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const payload: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    // A JSON object, not an array, a string or a number (null throws here).
    return Object.getPrototypeOf(payload) === Object.prototype ? (payload as Record<string, unknown>) : undefined;
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
  const claim = payload?.['scope'] ?? payload?.['scp'];
  // Non-strings in an array never match a scope name, so they drop out.
  return typeof claim === 'string' || Array.isArray(claim) ? parseScopes(claim) : undefined;
}

/** A JWT's `exp` claim in epoch milliseconds, or `undefined`. */
export function jwtExpiresAt(token: string): number | undefined {
  const exp = decodeJwtPayload(token)?.['exp'];
  return Number.isFinite(exp) ? (exp as number) * 1000 : undefined;
}

/**
 * When a token stops working, in epoch ms. `expires_in` (relative, so immune to clock skew) wins;
 * a JWT `exp` is the fallback when no `expires_in` came (a popup answers with a bare string), and
 * is ignored when the local clock says it has already passed (a skewed clock must not make every
 * token look dead); last resort, Auth0's fixed 10 minutes.
 */
export function expiresAtOf(token: string, expiresIn: number | undefined, now: number): number {
  if (Number.isFinite(expiresIn) && expiresIn! > 0) return now + expiresIn! * 1000;
  const exp = jwtExpiresAt(token);
  return exp! > now ? exp! : now + MFA_TOKEN_LIFETIME_MS;
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
