/**
 * Type tests: checked by `tsc` in `npm test` (npm run typecheck). A wrong public type is a compile
 * error here.
 */
import { expectTypeOf } from 'vitest';
import {
  type Association,
  type MfaError,
  type MfaErrorCode,
  type AuthenticatorModel,
  type Removal,
  type Credential,
  type MfaScope,
  type WireAuthenticator,
  useAuthenticators,
  useDelete,
  useEnroll,
  useMfaToken,
  type DeleteTarget,
  type EnrollStep,
  type MfaTokenStatus,
} from '../../src/index.ts';

declare const authenticators: ReturnType<typeof useAuthenticators>;
expectTypeOf(authenticators.error).toEqualTypeOf<MfaError | undefined>();
expectTypeOf(authenticators.data).toEqualTypeOf<AuthenticatorModel | undefined>();
expectTypeOf(authenticators.list).toEqualTypeOf<WireAuthenticator[] | undefined>();
expectTypeOf(authenticators.isLoading).toEqualTypeOf<boolean>();

declare const del: ReturnType<typeof useDelete>;
expectTypeOf(del.trigger).parameter(0).toEqualTypeOf<DeleteTarget>();
expectTypeOf(del.trigger).returns.toEqualTypeOf<Promise<void>>();
expectTypeOf(del.error).toEqualTypeOf<MfaError | undefined>();
expectTypeOf(del.preview).returns.toEqualTypeOf<Removal | undefined>();

declare const enroll: ReturnType<typeof useEnroll>;
expectTypeOf(enroll.step).toEqualTypeOf<EnrollStep>();
expectTypeOf(enroll.error).toEqualTypeOf<MfaError | undefined>();
expectTypeOf(enroll.association).toEqualTypeOf<Association | undefined>();
expectTypeOf(enroll.recoveryCode).toEqualTypeOf<string | undefined>();
expectTypeOf(enroll.confirm).parameter(0).toEqualTypeOf<string>();
// @ts-expect-error: recovery codes are not a factor you enroll.
useEnroll('recovery-code');

declare const token: ReturnType<typeof useMfaToken>;
expectTypeOf(token.status).toEqualTypeOf<MfaTokenStatus>();
expectTypeOf(token.kind).toEqualTypeOf<Credential['kind'] | undefined>();
expectTypeOf(token.scopes).toEqualTypeOf<readonly MfaScope[]>();
expectTypeOf(token.error).toEqualTypeOf<MfaError | undefined>();

declare const error: MfaError;
expectTypeOf(error.code).toEqualTypeOf<MfaErrorCode>();
// The code union is closed: a typo is a compile error.
// @ts-expect-error
const typo: MfaErrorCode = 'invalid_otp';
void typo;
