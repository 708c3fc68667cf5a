/**
 * Token providers: where the client gets the credential for each MFA API request. All keep
 * credentials in memory only.
 */
export type * from './types.ts';
// The JWT and scope helpers, `isUsable`, `toTokenError`… are internal: a host needs the scope string
// to request (`MFA_SCOPE`, `joinScopes`) and, for its own provider, `createCachedProvider` + `credentialFromToken`.
export { MFA_SCOPE, joinScopes } from './scopes.ts';
export { createCachedProvider, credentialFromToken } from './cached.ts';
export type { Acquire, Acquired, CachedProviderOptions, CachedTokenProvider } from './cached.ts';
export { createStaticTokenProvider } from './static.ts';
export type { StaticTokenInput, StaticTokenProvider, StaticTokenProviderOptions } from './static.ts';
export { createUniversalLoginProvider } from './universal-login.ts';
export type { Auth0Like, MfaAuthorizationParams, SilentTokenResponse, UniversalLoginProvider, UniversalLoginProviderOptions } from './universal-login.ts';
export { createRopgProvider } from './ropg.ts';
export type { ChallengeAnswer, RopgProvider, RopgProviderOptions } from './ropg.ts';
