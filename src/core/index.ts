/**
 * `mfa-kit/core`: the framework-free part of the kit — the MFA API client, `MfaError`, the wire
 * types and parsers, token providers, and the authenticator model. No React.
 */
export * from './errors.ts';
export * from './wire.ts';
export { classifyError, RETRY_AFTER_CEILING, retryAfterSeconds } from './classify.ts';
export { createMfaClient } from './client.ts';
export type { MfaClient, MfaClientOptions, AssociateRequest, Association, ChallengeResult, CallOptions } from './client.ts';
export * from './token/index.ts';
export * from './model.ts';
