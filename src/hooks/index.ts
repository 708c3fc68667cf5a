export { MfaProvider, useMfaClient, type MfaProviderProps, type MfaContextValue } from './provider.tsx';
export { useMfaToken, type UseMfaTokenResult, type UseMfaTokenOptions, type MfaTokenStatus } from './use-mfa-token.ts';
export { useAuthenticators, type UseAuthenticatorsResult } from './use-authenticators.ts';
export { useEnroll, type UseEnrollResult, type UseEnrollOptions, type EnrollState, type EnrollStep, type EnrollFactor, type EnrollInput } from './use-enroll.ts';
export { useDelete, type UseDeleteResult, type DeleteTarget } from './use-delete.ts';
