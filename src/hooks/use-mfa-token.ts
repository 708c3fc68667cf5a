'use client';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import useSWR from 'swr';
import { MfaError, isMfaError } from '../core/errors.ts';
import { buildModel } from '../core/model.ts';
import type { Credential, PendingChallenge, TokenContext, TokenProvider, TokenState } from '../core/token/types.ts';
import type { MfaScope, WireAuthenticator } from '../core/wire.ts';
import { keys } from './keys.ts';
import { useMfaContext } from './provider.tsx';

/** What the current credential allows, for the UI. */
export type MfaTokenStatus = 'loading' | 'ready' | 'renewing' | 'interaction-required' | 'step-up-required' | 'error';

/** What {@link useMfaToken} returns. */
export interface UseMfaTokenResult {
  status: MfaTokenStatus;
  /** `access-token` (MFA API token with scopes) or `mfa-token` (raw `mfa_token`: list only). */
  kind: Credential['kind'] | undefined;
  /** Granted MFA scopes (none for a raw `mfa_token`). */
  scopes: readonly MfaScope[];
  canList: boolean;
  /** True for a token with `enroll`, or a raw `mfa_token` while the user has no active second factor. */
  canEnroll: boolean;
  /** True only for a token with `remove:authenticators`. */
  canDelete: boolean;
  /** Epoch ms the credential expires at. */
  expiresAt: number | undefined;
  /** Milliseconds left at the last render (the hook re-renders when it crosses `expiringSoon`). */
  timeLeft: number | undefined;
  /** Less than `warnBefore` left: silent renewal (attempted at `renewBefore`) did not happen, so the user must act. */
  expiringSoon: boolean;
  /** The open MFA challenge of a ROPG step-up, when there is one. */
  challenge: PendingChallenge | undefined;
  /** A new recovery code from a recovery-code step-up (the used one stopped working): show it once. */
  recoveryCode: string | undefined;
  /** The user saved `recoveryCode`: stop showing it. */
  acknowledgeRecoveryCode(): void;
  error: MfaError | undefined;
  /**
   * Get a token that can enroll and delete: starts an MFA challenge (ROPG: answer it through
   * `challenge`) or opens the Universal Login popup / redirect. Call it from a user gesture.
   */
  stepUp(): Promise<void>;
  /** Renew now. */
  renew(): Promise<void>;
}

/** Optional provider capabilities the hook uses when present. */
interface InteractiveProvider extends TokenProvider {
  /** ROPG: open an MFA challenge (answered through `state.challenge`). */
  stepUp?(context?: Partial<TokenContext>): Promise<unknown>;
  /** Universal Login: popup or redirect, from a user gesture. */
  interact?(): Promise<unknown>;
  /** ROPG: the new recovery code was shown and saved. */
  acknowledgeRecoveryCode?(): void;
  /** The cache: acquire now, ignoring the cached credential. */
  renew?(context?: Partial<TokenContext>): Promise<Credential>;
}

/** Options for {@link useMfaToken}. */
export interface UseMfaTokenOptions {
  /** Renew this many ms before expiry. @default 120000 */
  renewBefore?: number;
  /** `expiringSoon` turns on this many ms before expiry (when renewal has not happened by then, it needs the user). @default 60000 */
  warnBefore?: number;
}

const EMPTY: TokenState = { status: 'idle' };
const noopSubscribe = () => () => {};

/**
 * What the current credential allows, and the actions to get more. Renewal ahead of the
 * 10-minute expiry is automatic while the hook is mounted.
 *
 * @example
 * ```tsx
 * const token = useMfaToken();
 * if (token.status === 'step-up-required') return <button onClick={token.stepUp}>Verify to manage</button>;
 * ```
 */
export function useMfaToken(options: UseMfaTokenOptions = {}): UseMfaTokenResult {
  const { renewBefore = 120_000, warnBefore = 60_000 } = options;
  const { client } = useMfaContext('useMfaToken');
  const provider = client.tokenProvider as InteractiveProvider | undefined;
  const subscribe = useCallback((cb: () => void) => provider?.subscribe?.(cb) ?? noopSubscribe(), [provider]);
  const getState = useCallback(() => provider?.getState?.() ?? EMPTY, [provider]);
  const state = useSyncExternalStore(subscribe, getState, getState);
  const [actionError, setActionError] = useState<MfaError | undefined>();
  const [, setTick] = useState(0);

  // Shares the list's cache entry (and its single request) to know whether a raw mfa_token can enroll.
  const { data: list } = useSWR<WireAuthenticator[], MfaError>(state.credential?.kind === 'mfa-token' ? keys.authenticators : null, () => client.listAuthenticators());

  useEffect(() => {
    if (state.status === 'idle') client.getCredential().catch(() => undefined);
  }, [client, state.status]);

  const renewNow = useCallback(
    (): Promise<unknown> => (provider?.renew ? provider.renew({ grants: client, now: client.now }) : client.getCredential({ forceRenew: true })),
    [client, provider],
  );

  const expiresAt = state.credential?.expiresAt;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const left = expiresAt - client.now();
    const timers = [
      // Renew ahead of expiry; a failure surfaces through the provider's state.
      ...(provider?.renewable === false ? [] : [setTimeout(() => renewNow().catch(() => undefined), Math.max(0, left - renewBefore))]),
      setTimeout(() => setTick((t) => t + 1), Math.max(0, left - warnBefore)),
      setTimeout(() => setTick((t) => t + 1), Math.max(0, left)),
    ];
    return () => timers.forEach(clearTimeout);
  }, [client, expiresAt, renewBefore, renewNow, warnBefore]);

  const credential = state.credential;
  const scopes = credential?.kind === 'access-token' ? credential.scopes : [];
  const hasSecondFactor = list ? buildModel(list).hasSecondFactor : undefined;
  const canList = credential !== undefined && (credential.kind === 'mfa-token' || scopes.includes('read:authenticators'));
  const canEnroll = credential?.kind === 'mfa-token' ? hasSecondFactor === false : scopes.includes('enroll');
  const canDelete = scopes.includes('remove:authenticators');
  const timeLeft = expiresAt === undefined ? undefined : Math.max(0, expiresAt - client.now());

  let status: MfaTokenStatus;
  switch (state.status) {
    case 'idle':
    case 'loading':
      status = 'loading';
      break;
    case 'challenge-required':
      status = 'step-up-required';
      break;
    case 'ready':
      status = credential?.kind === 'mfa-token' ? (hasSecondFactor === false ? 'ready' : 'step-up-required') : canEnroll && canDelete ? 'ready' : 'step-up-required';
      break;
    default:
      status = state.status;
  }

  const stepUp = useCallback(async () => {
    setActionError(undefined);
    try {
      if (provider?.stepUp) await provider.stepUp({ grants: client, now: client.now });
      else if (provider?.interact) await provider.interact();
      else await client.getCredential({ forceRenew: true });
    } catch (e) {
      const error = isMfaError(e) ? e : new MfaError('unknown', 'token', undefined, { cause: e });
      setActionError(error);
      throw error;
    }
  }, [client, provider]);

  const renew = useCallback(async () => {
    setActionError(undefined);
    try {
      await renewNow();
    } catch (e) {
      setActionError(isMfaError(e) ? e : new MfaError('unknown', 'token', undefined, { cause: e }));
    }
  }, [renewNow]);

  return {
    status,
    kind: credential?.kind,
    scopes,
    canList,
    canEnroll,
    canDelete,
    expiresAt,
    timeLeft,
    expiringSoon: timeLeft !== undefined && timeLeft < warnBefore,
    challenge: state.challenge,
    recoveryCode: state.recoveryCode,
    acknowledgeRecoveryCode: () => provider?.acknowledgeRecoveryCode?.(),
    error: actionError ?? state.error,
    stepUp,
    renew,
  };
}
