'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSWRConfig } from 'swr';
import type { Association } from '../core/client.ts';
import { MfaError, isMfaError, isTokenError } from '../core/errors.ts';
import { buildModel } from '../core/model.ts';
import type { WireAuthenticator, WireToken } from '../core/wire.ts';
import { keys } from './keys.ts';
import { useMfaContext } from './provider.tsx';

/** The factors a user can enroll through the MFA API. */
export type EnrollFactor = 'otp' | 'sms' | 'voice' | 'email' | 'push';

/**
 * Where an enrollment is:
 * `idle` → `starting` (associate) → `confirm` (show QR / secret, "code sent to …", or "approve on
 * your phone" while polling) → `confirming` → `recovery-code` (first enrollment only) → `done`.
 */
export type EnrollStep = 'idle' | 'starting' | 'confirm' | 'confirming' | 'recovery-code' | 'done';

/** What the user typed to start: a phone number for sms / voice, optionally an email address. */
export interface EnrollInput {
  phoneNumber?: string;
  email?: string;
}

/** The enrollment state, for rendering step by step. */
export interface EnrollState {
  step: EnrollStep;
  factor: EnrollFactor;
  /** The associate answer: secret + `barcodeUri` (otp), `oobCode` (sms / voice / email), push QR. Secret: never log. */
  association: Association | undefined;
  /** What the user typed to start, kept across errors so nothing is lost. */
  input: EnrollInput;
  /** The code of the first enrollment, shown once until `acknowledgeRecoveryCode`. */
  recoveryCode: string | undefined;
  /** The last failure and the action that raised it; the step does not move back on an error. */
  error: MfaError | undefined;
  errorAction: 'start' | 'confirm' | 'resend' | 'cancel' | undefined;
  /** Push only: polling for approval. */
  polling: boolean;
  /** Epoch ms from which `resend` may be used (sms / voice / email). */
  resendAvailableAt: number | undefined;
}

/** Options for {@link useEnroll}. */
export interface UseEnrollOptions {
  /** Seconds between resends. @default 30 */
  resendCooldown?: number;
  /** Push polling interval in ms. @default 5000 */
  pollInterval?: number;
  /** Called when the enrollment is confirmed (before the recovery code step). */
  onEnrolled?: (factor: EnrollFactor) => void;
}

/** What {@link useEnroll} returns. */
export interface UseEnrollResult extends EnrollState {
  /** Associate (send the code / create the secret / push QR). Refuses with `step_up_required` before any request when the credential cannot enroll. */
  start(input?: EnrollInput): Promise<void>;
  /** Confirm with the 6-digit code (authenticator app, SMS, voice or email). Spaces are ignored. */
  confirm(code: string): Promise<void>;
  /** Send a new code (sms / voice / email) once the cooldown is over. */
  resend(): Promise<void>;
  /** Push: poll again after a rejection or an error. */
  retryPush(): void;
  /** The user saved the recovery code: finish. */
  acknowledgeRecoveryCode(): void;
  /** Stop (polling included) and remove the pending enrollment where the token allows it. */
  cancel(): Promise<void>;
  /** Back to `idle`. */
  reset(): void;
  /** A step is in flight. */
  isMutating: boolean;
}

const initial = (factor: EnrollFactor): EnrollState => ({
  step: 'idle',
  factor,
  association: undefined,
  input: {},
  recoveryCode: undefined,
  error: undefined,
  errorAction: undefined,
  polling: false,
  resendAvailableAt: undefined,
});

const toError = (e: unknown, op: 'associate' | 'verify-otp' | 'verify-oob' | 'poll-push' | 'delete'): MfaError =>
  isMfaError(e) ? e : new MfaError('unknown', op, undefined, { cause: e });

/**
 * Enrollment of one factor as a state machine the UI renders step by step.
 *
 * @example
 * ```tsx
 * const enroll = useEnroll('sms');
 * // step 'idle':     <form onSubmit={() => enroll.start({ phoneNumber })}>
 * // step 'confirm':  "Code sent to {enroll.input.phoneNumber}" <form onSubmit={() => enroll.confirm(code)}>
 * // step 'recovery-code': show enroll.recoveryCode, then enroll.acknowledgeRecoveryCode()
 * // step 'done'
 * ```
 */
export function useEnroll(factor: EnrollFactor, options: UseEnrollOptions = {}): UseEnrollResult {
  const { client, markEmailRemovable } = useMfaContext('useEnroll');
  const { cache, mutate } = useSWRConfig();
  const [state, setState] = useState<EnrollState>(() => initial(factor));
  const stateRef = useRef(state);
  stateRef.current = state;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const pollAbort = useRef<AbortController | null>(null);
  // The list before `start`, to find the pending record this enrollment created (the associate
  // answer carries no id) when cancelling, and the explicitly enrolled email after confirming.
  const before = useRef<Set<string>>(new Set());
  const busy = useRef(false);
  const [isMutating, setMutating] = useState(false);

  const update = useCallback((patch: Partial<EnrollState>) => setState((s) => ({ ...s, ...patch })), []);

  const stopPolling = useCallback(() => {
    pollAbort.current?.abort();
    pollAbort.current = null;
  }, []);
  useEffect(() => stopPolling, [stopPolling]);

  // One step at a time: a double click on "Verify" sends one grant.
  const exclusive = useCallback(async (fn: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setMutating(true);
    try {
      await fn();
    } finally {
      busy.current = false;
      setMutating(false);
    }
  }, []);

  const cachedList = () => cache.get(keys.authenticators)?.data as WireAuthenticator[] | undefined;

  const finish = useCallback(async () => {
    stopPolling();
    const { association } = stateRef.current;
    const fresh = await mutate<WireAuthenticator[]>(keys.authenticators).catch(() => undefined);
    if (factor === 'email' && fresh) {
      for (const a of fresh) if (a.oob_channel === 'email' && a.active && !before.current.has(a.id)) markEmailRemovable(a.id);
    }
    optionsRef.current.onEnrolled?.(factor);
    update({ step: association?.recoveryCode ? 'recovery-code' : 'done', recoveryCode: association?.recoveryCode, error: undefined, errorAction: undefined, polling: false });
  }, [factor, markEmailRemovable, mutate, stopPolling, update]);

  const poll = useCallback((association: Association) => {
    stopPolling();
    const controller = new AbortController();
    pollAbort.current = controller;
    update({ polling: true, error: undefined, errorAction: undefined });
    const interval = optionsRef.current.pollInterval;
    client
      .pollPush({ oobCode: 'oobCode' in association ? association.oobCode : '', signal: controller.signal, ...(interval ? { interval } : {}) })
      .then(() => (controller.signal.aborted ? undefined : finish()))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        update({ polling: false, error: toError(e, 'poll-push'), errorAction: 'confirm' });
      });
  }, [client, finish, stopPolling, update]);

  const associate = useCallback(async (input: EnrollInput): Promise<Association> => {
    if (factor === 'sms' || factor === 'voice') return client.associate({ factor, phoneNumber: (input.phoneNumber ?? '').trim() });
    if (factor === 'email') return client.associate(input.email ? { factor, email: input.email.trim() } : { factor });
    return client.associate({ factor });
  }, [client, factor]);

  const cooldown = () => client.now() + (optionsRef.current.resendCooldown ?? 30) * 1000;

  const start = useCallback((input: EnrollInput = {}) => exclusive(async () => {
    update({ step: 'starting', input, error: undefined, errorAction: undefined });
    try {
      await checkCanEnroll();
      before.current = new Set((cachedList() ?? []).map((a) => a.id));
      const association = await associate(input);
      update({ step: 'confirm', association, resendAvailableAt: factor === 'otp' || factor === 'push' ? undefined : cooldown() });
      if (association.factor === 'push') poll(association);
    } catch (e) {
      update({ step: 'idle', error: toError(e, 'associate'), errorAction: 'start' });
    }
  }), [associate, exclusive, factor, poll, update]);

  // A raw mfa_token can enroll only while nothing is active (Auth0 answers "User is already
  // enrolled."): say so before sending a request that must fail.
  async function checkCanEnroll() {
    const credential = await client.getCredential();
    if (credential.kind !== 'mfa-token') return;
    // Not loaded yet (no list mounted): read it once and share it through the cache.
    const list = cachedList() ?? (await mutate(keys.authenticators, client.listAuthenticators(), { revalidate: false }));
    if (list && buildModel(list).hasSecondFactor) {
      throw new MfaError('step_up_required', 'associate', 'Verify with an existing factor before adding another one.');
    }
  }

  const verify = useCallback(async (code: string): Promise<WireToken> => {
    const { association } = stateRef.current;
    if (!association) throw new MfaError('invalid_request', 'verify-otp', 'Nothing to confirm: start the enrollment first.');
    const once = () =>
      association.factor === 'otp'
        ? client.verifyOtp({ otp: code })
        : client.verifyOob({ oobCode: 'oobCode' in association ? association.oobCode : '', bindingCode: code });
    try {
      return await once();
    } catch (e) {
      // The 10-minute token ran out mid-flow: renew once and retry, never loop.
      if (!isTokenError(e)) throw e;
      await client.getCredential({ forceRenew: true });
      return once();
    }
  }, [client]);

  const confirm = useCallback((raw: string) => exclusive(async () => {
    const code = raw.replace(/[\s-]/g, '');
    update({ step: 'confirming', error: undefined, errorAction: undefined });
    try {
      await verify(code);
      await finish();
    } catch (e) {
      update({ step: 'confirm', error: toError(e, factor === 'otp' ? 'verify-otp' : 'verify-oob'), errorAction: 'confirm' });
    }
  }), [exclusive, factor, finish, update, verify]);

  const resend = useCallback(() => exclusive(async () => {
    const s = stateRef.current;
    if (s.resendAvailableAt !== undefined && client.now() < s.resendAvailableAt) return;
    try {
      const association = await associate(s.input);
      update({ association, resendAvailableAt: cooldown(), error: undefined, errorAction: undefined });
    } catch (e) {
      update({ error: toError(e, 'associate'), errorAction: 'resend' });
    }
  }), [associate, client, exclusive, update]);

  const retryPush = useCallback(() => {
    const { association } = stateRef.current;
    if (association?.factor === 'push') poll(association);
  }, [poll]);

  const cancel = useCallback(async () => {
    stopPolling();
    const started = stateRef.current.association !== undefined && stateRef.current.step !== 'done' && stateRef.current.step !== 'recovery-code';
    setState(initial(factor));
    if (!started) return;
    try {
      const credential = await client.getCredential();
      if (credential.kind !== 'access-token' || !credential.scopes.includes('remove:authenticators')) return;
      const list = await client.listAuthenticators();
      const created = list.filter((a) => !a.active && !before.current.has(a.id));
      const removed = new Set<string>();
      for (const a of created) {
        if (removed.has(a.id)) continue;
        await client.deleteAuthenticator(a.id).catch((e: unknown) => {
          if (!isMfaError(e) || e.code !== 'not_found') throw e;
        });
        removed.add(a.id);
        // SMS/voice twins go together: do not DELETE the twin a second time.
        for (const b of created) if (b.id.split('|')[1] === a.id.split('|')[1]) removed.add(b.id);
      }
      await mutate(keys.authenticators);
    } catch (e) {
      update({ error: toError(e, 'delete'), errorAction: 'cancel' });
    }
  }, [client, factor, mutate, stopPolling, update]);

  const acknowledgeRecoveryCode = useCallback(() => update({ step: 'done', recoveryCode: undefined }), [update]);
  const reset = useCallback(() => {
    stopPolling();
    setState(initial(factor));
  }, [factor, stopPolling]);

  return { ...state, start, confirm, resend, retryPush, acknowledgeRecoveryCode, cancel, reset, isMutating };
}
