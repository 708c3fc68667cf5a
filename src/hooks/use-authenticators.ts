'use client';
import { useMemo } from 'react';
import useSWR, { type KeyedMutator } from 'swr';
import type { MfaError } from '../core/errors.ts';
import { buildModel, type AuthenticatorModel } from '../core/model.ts';
import type { WireAuthenticator } from '../core/wire.ts';
import { LIST_KEY } from './keys.ts';
import { useMfaContext } from './provider.tsx';

/** What {@link useAuthenticators} returns: SWR's shape, with the model as `data`. */
export interface UseAuthenticatorsResult {
  /** Active entries (pairs folded), pending enrollments, the recovery code. `undefined` until loaded. */
  data: AuthenticatorModel | undefined;
  /** The list exactly as the API returned it (normalised). */
  list: WireAuthenticator[] | undefined;
  error: MfaError | undefined;
  /** First load in flight. */
  isLoading: boolean;
  /** Any load in flight, including revalidation. */
  isValidating: boolean;
  /** Revalidate, or write the cached list (SWR's bound mutate over the wire list). */
  mutate: KeyedMutator<WireAuthenticator[]>;
}

/**
 * The signed-in user's authenticators, as a UI needs them: SMS+voice and push+OTP pairs folded
 * into one entry, pending enrollments apart, auto-listed emails marked not removable. Any number
 * of mounted consumers share one request.
 *
 * @example
 * ```tsx
 * function Factors() {
 *   const { data, error, isLoading, mutate } = useAuthenticators();
 *   if (isLoading) return <p>Loading…</p>;
 *   if (error) return <button onClick={() => mutate()}>Retry</button>;
 *   return <ul>{data?.entries.map((e) => <li key={e.key}>{e.kind}</li>)}</ul>;
 * }
 * ```
 */
export function useAuthenticators(): UseAuthenticatorsResult {
  const context = useMfaContext('useAuthenticators');
  const swr = useSWR<WireAuthenticator[], MfaError>(LIST_KEY, () => context.client.listAuthenticators());
  const list = swr.data;
  // The context carries the model's options (which emails are removable).
  const data = useMemo(() => list && buildModel(list, context), [list, context.removableEmailIds, context.accountEmail]);
  // SWR's own fields (read through its getters, so every one is tracked as before), the model as `data`.
  return { ...swr, data, list };
}
