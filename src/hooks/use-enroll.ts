'use client';
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useSWRConfig } from 'swr';
import type { AssociateRequest, Association } from '../core/client.ts';
import { MfaError, isMfaError, isTokenError } from '../core/errors.ts';
import { buildModel, suffixOf } from '../core/model.ts';
import { hasScope } from '../core/token/scopes.ts';
import type { WireAuthenticator } from '../core/wire.ts';
import { keys } from './keys.ts';
import { useMfaContext, type MfaContextValue } from './provider.tsx';

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

const oobCodeOf = (association: Association | undefined): string => (association && 'oobCode' in association ? association.oobCode : '');

// Spread into a state patch: the step succeeded, forget the last failure.
const CLEARED = { error: undefined, errorAction: undefined } as const;

/** What the enrollment actions read, refreshed at every render so the actions are created once. */
interface Live {
  state: EnrollState;
  factor: EnrollFactor;
  options: UseEnrollOptions;
  context: MfaContextValue;
  swr: ReturnType<typeof useSWRConfig>;
}

/** The actions of one {@link useEnroll} instance, over its live values and its state setters. */
function enrollActions(live: { current: Live }, setState: Dispatch<SetStateAction<EnrollState>>, setMutating: (busy: boolean) => void) {
  let polling: AbortController | undefined;
  /** Held by the step in flight: one step at a time. */
  let lock: object | undefined;
  // The list before `start`, to find the pending record this enrollment created (the associate
  // answer carries no id) when cancelling, and the explicitly enrolled email after confirming.
  // `undefined` when no list was loaded: then nothing is known to be this enrollment's, and cancel
  // removes nothing rather than someone else's unfinished setup.
  let before: Set<string> | undefined;
  const client = () => live.current.context.client;
  const update = (patch: Partial<EnrollState>) => setState((s) => ({ ...s, ...patch }));
  const cachedList = () => live.current.swr.cache.get(keys.authenticators)?.data as WireAuthenticator[] | undefined;
  const cooldown = () => client().now() + (live.current.options.resendCooldown ?? 30) * 1000;

  // Each start is a run; cancel, reset and unmount end it. A run that ended while a request was in
  // flight must not move the state, start polling or leave its pending record behind.
  let run = 0;
  /** A resend happened in this run (each one created another pending record). */
  let resent = false;

  function stopPolling(): void {
    polling?.abort();
    polling = undefined;
  }

  /** Ends the current run (cancel, reset): stops polling; answers still in flight are ignored. */
  function stop(): void {
    run += 1;
    stopPolling();
    lock = undefined;
    setMutating(false);
  }

  // Unmounted: answers still in flight must not start polling. Not a new run: React's StrictMode
  // unmounts and remounts once in development, and the enrollment must carry on after that.
  let mounted = true;
  function attach(): () => void {
    mounted = true;
    return () => {
      mounted = false;
      stopPolling();
    };
  }
  const ended = (mine: number) => mine !== run || !mounted;

  /**
   * Removes the pending records this enrollment created (all of them after a cancel; the leftovers
   * of resends after a confirmation), where the token may remove. Best effort: SMS/voice twins go
   * together, and a record already gone is fine.
   */
  async function discardCreated(known: ReadonlySet<string>): Promise<void> {
    if (!hasScope(await client().getCredential(), 'remove:authenticators')) return;
    const created = (await client().listAuthenticators()).filter((a) => !a.active && !known.has(a.id));
    const removed = new Set<string>();
    for (const a of created) {
      if (removed.has(a.id)) continue;
      await client()
        .deleteAuthenticator(a.id)
        .catch((e: unknown) => {
          if (!isMfaError(e) || e.code !== 'not_found') throw e;
        });
      for (const b of created) if (suffixOf(b.id) === suffixOf(a.id)) removed.add(b.id);
    }
    if (created.length) await live.current.swr.mutate(keys.authenticators);
  }

  // One step at a time: a double click on "Verify" sends one grant.
  async function exclusive(fn: () => Promise<void>): Promise<void> {
    if (lock) return;
    const mine = (lock = {});
    setMutating(true);
    try {
      await fn();
    } finally {
      // A step of an ended run must not release the lock a newer run holds.
      if (lock === mine) {
        lock = undefined;
        setMutating(false);
      }
    }
  }

  async function finish(): Promise<void> {
    stopPolling();
    const { state, factor, options, context, swr } = live.current;
    const fresh = await swr.mutate<WireAuthenticator[]>(keys.authenticators).catch(() => undefined);
    if (factor === 'email') {
      for (const a of fresh ?? []) if (before && a.oob_channel === 'email' && a.active && !before.has(a.id)) context.markEmailRemovable(a.id);
    }
    // Each resend created another pending record: the confirmed one is active now, drop the rest.
    if (before && resent) await discardCreated(before).catch(() => undefined);
    options.onEnrolled?.(factor);
    const recoveryCode = state.association?.recoveryCode;
    update({ step: recoveryCode ? 'recovery-code' : 'done', recoveryCode, polling: false, ...CLEARED });
  }

  function poll(association: Association): void {
    stopPolling();
    const controller = (polling = new AbortController());
    update({ polling: true, ...CLEARED });
    const interval = live.current.options.pollInterval;
    client()
      .pollPush({ oobCode: oobCodeOf(association), signal: controller.signal, ...(interval ? { interval } : {}) })
      .then(() => (controller.signal.aborted ? undefined : finish()))
      .catch((e: unknown) => controller.signal.aborted || update({ polling: false, error: toError(e, 'poll-push'), errorAction: 'confirm' }));
  }

  function associate(input: EnrollInput): Promise<Association> {
    const { factor } = live.current;
    const request: AssociateRequest =
      factor === 'sms' || factor === 'voice'
        ? { factor, phoneNumber: (input.phoneNumber ?? '').trim() }
        : factor === 'email' && input.email
          ? { factor, email: input.email.trim() }
          : { factor };
    return client().associate(request);
  }

  /**
   * The list before this enrollment: the cached one, else read once and shared through the cache.
   * It tells which pending record this enrollment creates (the associate answer has no id).
   */
  async function listBefore(): Promise<WireAuthenticator[] | undefined> {
    return cachedList() ?? live.current.swr.mutate(keys.authenticators, client().listAuthenticators(), { revalidate: false }).catch(() => undefined);
  }

  // A raw mfa_token can enroll only while nothing is active (Auth0 answers "User is already
  // enrolled."): say so before sending a request that must fail.
  async function checkCanEnroll(list: WireAuthenticator[] | undefined): Promise<void> {
    if ((await client().getCredential()).kind !== 'mfa-token') return;
    if (list && buildModel(list).hasSecondFactor) throw new MfaError('step_up_required', 'associate');
  }

  /** The grant confirming the enrollment; the 10-minute token may run out mid-flow: renew once and retry, never loop. */
  async function verify(code: string): Promise<void> {
    const { association } = live.current.state;
    if (!association) throw new MfaError('invalid_request', 'verify-otp', 'verify-otp: invalid_request (nothing to confirm: start first)');
    const once = () =>
      association.factor === 'otp' ? client().verifyOtp({ otp: code }) : client().verifyOob({ oobCode: oobCodeOf(association), bindingCode: code });
    try {
      await once();
    } catch (e) {
      if (!isTokenError(e)) throw e;
      await client().getCredential({ forceRenew: true });
      await once();
    }
  }

  return {
    attach,

    start: (input: EnrollInput = {}) =>
      exclusive(async () => {
        const mine = ++run;
        resent = false;
        update({ step: 'starting', input, ...CLEARED });
        try {
          const list = await listBefore();
          if (ended(mine)) return;
          await checkCanEnroll(list);
          before = list && new Set(list.map((a) => a.id));
          const association = await associate(input);
          if (ended(mine)) {
            // Cancelled or unmounted while the record was being created: it is nobody's now.
            if (before) await discardCreated(before).catch(() => undefined);
            return;
          }
          const { factor } = live.current;
          update({ step: 'confirm', association, resendAvailableAt: factor === 'otp' || factor === 'push' ? undefined : cooldown() });
          if (association.factor === 'push') poll(association);
        } catch (e) {
          if (mine === run) update({ step: 'idle', error: toError(e, 'associate'), errorAction: 'start' });
        }
      }),

    confirm: (raw: string) =>
      exclusive(async () => {
        const mine = run;
        update({ step: 'confirming', ...CLEARED });
        try {
          await verify(raw.replace(/[\s-]/g, ''));
          if (mine === run) await finish();
        } catch (e) {
          if (mine === run) update({ step: 'confirm', error: toError(e, live.current.factor === 'otp' ? 'verify-otp' : 'verify-oob'), errorAction: 'confirm' });
        }
      }),

    resend: () =>
      exclusive(async () => {
        const { resendAvailableAt, input } = live.current.state;
        if (resendAvailableAt !== undefined && client().now() < resendAvailableAt) return;
        try {
          resent = true;
          update({ association: await associate(input), resendAvailableAt: cooldown(), ...CLEARED });
        } catch (e) {
          update({ error: toError(e, 'associate'), errorAction: 'resend' });
        }
      }),

    retryPush(): void {
      const { association } = live.current.state;
      if (association?.factor === 'push') poll(association);
    },

    async cancel(): Promise<void> {
      const { state, factor } = live.current;
      const started = state.step === 'starting' || (state.association !== undefined && state.step !== 'done' && state.step !== 'recovery-code');
      const inFlight = state.step === 'starting';
      stop();
      setState(initial(factor));
      const known = before;
      // A start still in flight cleans up after itself when its answer arrives (see start).
      if (!started || inFlight || !known) return;
      try {
        await discardCreated(known);
      } catch (e) {
        update({ error: toError(e, 'delete'), errorAction: 'cancel' });
      }
    },

    acknowledgeRecoveryCode: () => update({ step: 'done', recoveryCode: undefined }),

    reset(): void {
      stop();
      setState(initial(live.current.factor));
    },
  };
}

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
  const context = useMfaContext('useEnroll');
  const swr = useSWRConfig();
  const [state, setState] = useState<EnrollState>(() => initial(factor));
  const [isMutating, setMutating] = useState(false);
  const live = useRef<Live>({ state, factor, options, context, swr });
  live.current = { state, factor, options, context, swr };
  const [{ attach, ...actions }] = useState(() => enrollActions(live, setState, setMutating));
  useEffect(attach, [attach]);
  return { ...state, ...actions, isMutating };
}
