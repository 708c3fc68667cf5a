/**
 * `mfa-kit/core`: the framework-free part of the kit — the MFA API client, `MfaError`, the Auth0
 * wire types, token providers, and the authenticator model. No React.
 *
 * A deliberate list: what a host (or a headless UI of its own) uses. The parsers, the error
 * classifier and the model's helpers (`maskFits`, `suffixOf`, `withoutRemoved`…) stay internal.
 */
export { MfaError, isMfaError, MFA_ERROR_CODES, type MfaErrorCode, type MfaErrorDetails, type MfaOperation, type MfaRequirements } from './errors.ts';
export {
  GRANT,
  MFA_SCOPES,
  mfaAudience,
  type AuthenticatorType,
  type MfaScope,
  type OobChannel,
  type WireAssociation,
  type WireAuthenticator,
  type WireChallenge,
  type WireError,
  type WireOobAssociation,
  type WireOtpAssociation,
  type WireToken,
} from './wire.ts';
export { createMfaClient } from './client.ts';
export type { MfaClient, MfaClientOptions, AssociateRequest, Association, ChallengeResult, CallOptions } from './client.ts';
export * from './token/index.ts';
export {
  buildModel,
  type Authenticator,
  type AuthenticatorEntry,
  type AuthenticatorModel,
  type Factor,
  type ModelOptions,
  type NotRemovableReason,
  type PairInfo,
  type PairKind,
  type Removal,
} from './model.ts';
