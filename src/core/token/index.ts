/**
 * Token providers: where the client gets the credential for each MFA API request. All keep
 * credentials in memory only.
 */
export type * from './types.ts';
export { MFA_SCOPE, MFA_TOKEN_LIFETIME_MS, decodeJwtPayload, expiresAtOf, hasScope, joinScopes, jwtExpiresAt, parseScopes, scopesFromJwt } from './scopes.ts';
export { createCachedProvider, credentialFromToken, isUsable, mfaTokenCredential, toTokenError } from './cached.ts';
export type { Acquire, Acquired, CachedProviderOptions, CachedTokenProvider } from './cached.ts';
export { createStaticTokenProvider, credentialFromInput } from './static.ts';
export type { StaticTokenInput, StaticTokenProvider, StaticTokenProviderOptions } from './static.ts';
export { createUniversalLoginProvider } from './universal-login.ts';
export type { Auth0Like, MfaAuthorizationParams, SilentTokenResponse, UniversalLoginProvider, UniversalLoginProviderOptions } from './universal-login.ts';
export { createRopgProvider } from './ropg.ts';
export type { ChallengeAnswer, RopgProvider, RopgProviderOptions } from './ropg.ts';
