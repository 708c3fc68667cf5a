'use client';
import { useEffect, useState } from 'react';
import { useSWRConfig } from 'swr';
import type { Association, MfaClient } from '../core/client.ts';
import { MfaError, isTokenError } from '../core/errors.ts';
import { buildModel, suffixOf } from '../core/model.ts';
import { hasScope } from '../core/token/scopes.ts';
import type { WireAuthenticator } from '../core/wire.ts';
import { LIST_KEY } from './keys.ts';
import { ignore, isNotFound, toMfaError, useMfaContext, type MfaContextValue } from './provider.tsx';

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

const initial = (factor: EnrollFactor): State => ({
  step: 'idle',
  factor,
  association: undefined,
  input: {},
  recoveryCode: undefined,
  error: undefined,
  errorAction: undefined,
  polling: false,
  resendAvailableAt: undefined,
  isMutating: false,
});

/** What the hook renders: the enrollment state and whether a step is in flight. */
type State = EnrollState & { isMutating: boolean };
type Live = [factor: EnrollFactor, options: UseEnrollOptions, context: MfaContextValue, swr: ReturnType<typeof useSWRConfig>];

// Spread into a state patch: the step succeeded, forget the last failure.
const CLEARED = { error: undefined, errorAction: undefined } as const;

/**
 * One {@link useEnroll} instance: its state, the actions over it (created once), `attach` for the
 * mount effect and `sync`, which takes the latest render's values and returns the state to render.
 */
function enrollMachine(firstFactor: EnrollFactor, render: (state: State) => void) {
  let state = initial(firstFactor);
  // The latest render's values (see `sync`).
  let factor: EnrollFactor;
  let options: UseEnrollOptions;
  let client: MfaClient;
  let context: MfaContextValue;
  let swr: ReturnType<typeof useSWRConfig>;
  let polling: AbortController | undefined;
  /** Held by the step in flight: one step at a time. */
  let lock: object | undefined;
  // The list before `start`, to find the pending record this enrollment created (the associate
  // answer carries no id) when cancelling, and the explicitly enrolled email after confirming.
  // `undefined` when no list was loaded: then nothing is known to be this enrollment's, and cancel
  // removes nothing rather than someone else's unfinished setup.
  let before: Set<string> | undefined;
  // Each start is a run; cancel, reset and unmount end it. A run that ended while a request was in
  // flight must not move the state, start polling or leave its pending record behind.
  let run = 0;
  /** A resend happened in this run (each one created another pending record). */
  let resent = false;
  // Unmounted: answers still in flight must not start polling. Not a new run: React's StrictMode
  // unmounts and remounts once in development, and the enrollment must carry on after that.
  let mounted = true;

  const set = (patch: Partial<State>): void => render((state = { ...state, ...patch }));
  const cooldown = () => client.now() + (options.resendCooldown ?? 30) * 1000;
  const ended = (mine: number) => mine !== run || !mounted;
  const refresh = () => swr.mutate<WireAuthenticator[]>(LIST_KEY);

  function stopPolling(): void {
    polling?.abort();
    polling = undefined;
  }

  /** Ends the current run (cancel, reset): stops polling, back to `idle`; answers still in flight are ignored. */
  function stop(): void {
    run += 1;
    stopPolling();
    lock = undefined;
    set(initial(factor));
  }

  /**
   * A user's step (start, confirm, resend) in the current run — a start begins a new run. One at a
   * time: a double click on "Verify" sends one grant; `isMutating` while it runs. A failure is kept
   * in the state with the action that raised it (the step does not move back, what the user typed
   * stays), unless the run ended meanwhile.
   */
  const step =
    <A extends unknown[]>(action: 'start' | 'confirm' | 'resend', body: (mine: number, ...args: A) => Promise<unknown>, onError?: Partial<State>) =>
    async (...args: A): Promise<void> => {
      if (lock) return;
      const held = (lock = {});
      const mine = action === 'start' ? ++run : run;
      set({ isMutating: true });
      try {
        await body(mine, ...args);
      } catch (e) {
        if (mine === run) set({ ...onError, error: toMfaError(e, action === 'confirm' ? (factor === 'otp' ? 'verify-otp' : 'verify-oob') : 'associate'), errorAction: action });
      } finally {
        // A step of an ended run must not release the lock a newer run holds.
        if (lock === held) {
          lock = undefined;
          set({ isMutating: false });
        }
      }
    };

  /**
   * Removes the pending records this enrollment created (all of them after a cancel; the leftovers
   * of resends after a confirmation), where the token may remove. Best effort: SMS/voice twins go
   * together, and a record already gone is fine.
   */
  async function discardCreated(known: ReadonlySet<string>): Promise<void> {
    if (!hasScope(await client.getCredential(), 'remove:authenticators')) return;
    const created = (await client.listAuthenticators()).filter((a) => !a.active && !known.has(a.id));
    const gone = new Set<string>();
    for (const { id } of created) {
      if (gone.has(suffixOf(id))) continue;
      gone.add(suffixOf(id));
      await client.deleteAuthenticator(id).catch((e: unknown) => {
        if (!isNotFound(e)) throw e;
      });
    }
    if (created.length) await refresh();
  }

  async function finish(): Promise<void> {
    stopPolling();
    const fresh = await refresh().catch(ignore);
    if (factor === 'email') {
      for (const a of fresh ?? []) if (before && a.oob_channel === 'email' && a.active && !before.has(a.id)) context.markEmailRemovable(a.id);
    }
    // Each resend created another pending record: the confirmed one is active now, drop the rest.
    if (before && resent) await discardCreated(before).catch(ignore);
    options.onEnrolled?.(factor);
    const recoveryCode = state.association?.recoveryCode;
    set({ step: recoveryCode ? 'recovery-code' : 'done', recoveryCode, polling: false, ...CLEARED });
  }

  function poll(oobCode: string): void {
    stopPolling();
    const { signal } = (polling = new AbortController());
    set({ polling: true, ...CLEARED });
    client
      .pollPush({ oobCode, signal, interval: options.pollInterval || undefined })
      .then(() => (signal.aborted ? undefined : finish()))
      .catch((e: unknown) => signal.aborted || set({ polling: false, error: toMfaError(e, 'poll-push'), errorAction: 'confirm' }));
  }

  function associate(input: EnrollInput): Promise<Association> {
    return client.associate(
      factor === 'sms' || factor === 'voice'
        ? { factor, phoneNumber: (input.phoneNumber ?? '').trim() }
        : factor === 'email' && input.email
          ? { factor, email: input.email.trim() }
          : { factor },
    );
  }

  return [
    {
      start: step(
        'start',
        async (mine, input: EnrollInput = {}) => {
          resent = false;
          set({ step: 'starting', input, ...CLEARED });
          // The list before this enrollment: the cached one, else read once and shared through the cache.
          const list =
            (swr.cache.get(LIST_KEY)?.data as WireAuthenticator[] | undefined) ??
            (await swr.mutate(LIST_KEY, client.listAuthenticators(), { revalidate: false }).catch(ignore));
          if (ended(mine)) return;
          // A raw mfa_token can enroll only while nothing is active (Auth0 answers "User is already
          // enrolled."): say so before sending a request that must fail.
          if ((await client.getCredential()).kind === 'mfa-token' && list && buildModel(list).hasSecondFactor) throw new MfaError('step_up_required', 'associate');
          before = list && new Set(list.map((a) => a.id));
          const association = await associate(input);
          if (ended(mine)) {
            // Cancelled or unmounted while the record was being created: it is nobody's now.
            if (before) await discardCreated(before).catch(ignore);
            return;
          }
          set({ step: 'confirm', association, resendAvailableAt: factor === 'otp' || factor === 'push' ? undefined : cooldown() });
          if (association.factor === 'push') poll(association.oobCode);
        },
        { step: 'idle' },
      ),

      confirm: step(
        'confirm',
        async (mine, raw: string) => {
          set({ step: 'confirming', ...CLEARED });
          // The grant confirming the enrollment; the 10-minute token may run out mid-flow: renew once and retry, never loop.
          const { association } = state;
          const code = raw.replace(/[\s-]/g, '');
          if (!association) throw new MfaError('invalid_request', 'verify-otp', process.env.NODE_ENV !== 'production' ? 'verify-otp: invalid_request (nothing to confirm: start first)' : undefined);
          const once = () => (association.factor === 'otp' ? client.verifyOtp({ otp: code }) : client.verifyOob({ oobCode: association.oobCode, bindingCode: code }));
          await once().catch(async (e: unknown) => {
            if (!isTokenError(e)) throw e;
            await client.getCredential({ forceRenew: true });
            return once();
          });
          if (mine === run) await finish();
        },
        { step: 'confirm' },
      ),

      resend: step(
        'resend',
        async () => {
          const { resendAvailableAt, input } = state;
          if (resendAvailableAt !== undefined && client.now() < resendAvailableAt) return;
          resent = true;
          set({ association: await associate(input), resendAvailableAt: cooldown(), ...CLEARED });
        },
      ),

      retryPush(): void {
        const { association } = state;
        if (association?.factor === 'push') poll(association.oobCode);
      },

      async cancel(): Promise<void> {
        const { step, association } = state;
        // A start still in flight cleans up after itself when its answer arrives (see start).
        const discard = association && step !== 'starting' && step !== 'done' && step !== 'recovery-code' && before;
        stop();
        if (discard) await discardCreated(discard).catch((e: unknown) => set({ error: toMfaError(e, 'delete'), errorAction: 'cancel' }));
      },

      acknowledgeRecoveryCode: () => set({ step: 'done', recoveryCode: undefined }),

      reset: stop,
    },

    function attach(): () => void {
      mounted = true;
      return () => {
        mounted = false;
        stopPolling();
      };
    },

    function sync(...live: Live): State {
      [factor, options, context, swr] = live;
      client = context.client;
      return state;
    },
  ] as const;
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
  const [, render] = useState<State>();
  const [[actions, attach, sync]] = useState(() => enrollMachine(factor, render));
  useEffect(attach, [attach]);
  return { ...sync(factor, options, context, swr), ...actions };
}
