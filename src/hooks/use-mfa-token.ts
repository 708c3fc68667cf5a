'use client';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import useSWR from 'swr';
import type { MfaError } from '../core/errors.ts';
import { buildModel } from '../core/model.ts';
import type { Credential, PendingChallenge, TokenContext, TokenProvider, TokenState, TokenStatus } from '../core/token/types.ts';
import type { MfaScope, WireAuthenticator } from '../core/wire.ts';
import { LIST_KEY } from './keys.ts';
import { ignore, toMfaError, useMfaContext } from './provider.tsx';

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
const noopSubscribe = () => ignore;
// The provider's status as the UI's, where it is not the same word; `ready` depends on what the credential allows.
const STATUS: Partial<Record<TokenStatus, MfaTokenStatus>> = { idle: 'loading', loading: 'loading', 'challenge-required': 'step-up-required' };

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
  const [actionError, setActionError] = useState<MfaError | undefined>();
  const [, rerender] = useState<object>();

  // Created once per client: stable for effects and for consumers' dependency lists.
  const live = useMemo(() => {
    const grants = { grants: client, now: client.now };
    const renewNow = (): Promise<unknown> => (provider?.renew ? provider.renew(grants) : client.getCredential({ forceRenew: true }));
    /** Runs a user's action: its failure is `error` until the next action; `rethrow` also rejects with it. */
    const action = (step: () => Promise<unknown>, rethrow?: boolean) => async (): Promise<void> => {
      setActionError(undefined);
      try {
        await step();
      } catch (e) {
        const error = toMfaError(e, 'token');
        setActionError(error);
        if (rethrow) throw error;
      }
    };
    const getState = () => provider?.getState?.() ?? EMPTY;
    return [
      (cb: () => void) => provider?.subscribe?.(cb) ?? noopSubscribe(),
      getState,
      renewNow,
      action(() => (provider?.stepUp ? provider.stepUp(grants) : provider?.interact ? provider.interact() : client.getCredential({ forceRenew: true })), true),
      action(renewNow),
    ] as const;
  }, [client, provider]);
  const [subscribe, getState, renewNow, stepUp, renew] = live;
  const state = useSyncExternalStore(subscribe, getState, getState);
  const credential = state.credential;
  const mfaToken = credential?.kind === 'mfa-token';

  // Shares the list's cache entry (and its single request) to know whether a raw mfa_token can enroll.
  const { data: list } = useSWR<WireAuthenticator[], MfaError>(mfaToken ? LIST_KEY : null, () => client.listAuthenticators());

  useEffect(() => {
    if (state.status === 'idle') client.getCredential().catch(ignore);
  }, [client, state.status]);

  const expiresAt = credential?.expiresAt;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const at = (before: number, fn: () => unknown) => setTimeout(fn, Math.max(0, expiresAt - client.now() - before));
    const tick = () => rerender({});
    const timers = [
      // Renew ahead of expiry; a failure surfaces through the provider's state.
      ...(provider?.renewable === false ? [] : [at(renewBefore, () => renewNow().catch(ignore))]),
      at(warnBefore, tick),
      at(0, tick),
    ];
    return () => timers.forEach(clearTimeout);
  }, [client, expiresAt, renewBefore, renewNow, warnBefore]);

  const scopes = credential?.kind === 'access-token' ? credential.scopes : [];
  const canDelete = scopes.includes('remove:authenticators');
  const canEnroll = mfaToken ? !!list && !buildModel(list).hasSecondFactor : scopes.includes('enroll');
  const timeLeft = expiresAt && Math.max(0, expiresAt - client.now());

  return {
    status: state.status === 'ready' ? (canEnroll && (mfaToken || canDelete) ? 'ready' : 'step-up-required') : (STATUS[state.status] ?? (state.status as MfaTokenStatus)),
    kind: credential?.kind,
    scopes,
    canList: mfaToken || scopes.includes('read:authenticators'),
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
