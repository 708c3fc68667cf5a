/**
 * `mfa-kit/emulator`: an in-memory Auth0 tenant speaking the MFA API over HTTP, for stories,
 * tests and demos. The Node server lives in `./node.ts` (not exported here: browsers load this entry).
 */
export { createEmulator } from './emulator.ts';
export { SCENARIOS } from './scenarios.ts';
export { createMswHandlers, type MswHttpLike } from './msw.ts';
export { REALM } from './token.ts';
export { SEED_USER } from './tenant.ts';
export { totp, base32Decode, base32Encode } from './totp.ts';
export type {
  Emulator, EmulatorOptions, InjectedFault, OutboxMessage, PushRequest, RequestLogEntry, ScenarioName,
} from './types.ts';
