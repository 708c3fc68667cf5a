'use client';
import { forwardRef, useEffect, useId, useRef, useState, type HTMLAttributes } from 'react';
import { MfaError } from '../../core/errors.ts';
import { buildModel, type Authenticator, type AuthenticatorEntry } from '../../core/model.ts';
import type { WireAuthenticator } from '../../core/wire.ts';
import { toMfaError, useMfaClient } from '../../hooks/provider.tsx';
import { useMfaToken } from '../../hooks/use-mfa-token.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { useTranslator } from '../../hooks/use-messages.ts';
import { defaults } from '../../i18n/components/step-up.ts';
import { Slot, composeRefs, createPartContext } from '../primitives/index.ts';

/**
 * Where a step-up is: `start` (no challenge open: a button opens one, or the Universal Login
 * popup), `choose` a factor, type a `code`, wait for a `push`, type a `recovery` code, save a
 * `new-code` (after a recovery code was used), `verified`.
 */
export type StepUpPhase = 'start' | 'choose' | 'code' | 'push' | 'recovery' | 'new-code' | 'verified';

/** The error shown: an `MfaError` code, or `incomplete`, `popup_blocked`, `popup_closed`. */
export interface StepUpErrorInfo {
  code: string;
  text: string;
}

/** One factor the user can verify with: an authenticator, or a pair folded (SMS + voice of one phone). */
export type StepUpOption = AuthenticatorEntry;

export interface StepUpContextValue {
  t: Translator;
  messages: Partial<Messages> | undefined;
  phase: StepUpPhase;
  options: StepUpOption[];
  selected: StepUpOption | undefined;
  /** The authenticator the last challenge went to. */
  current: Authenticator | undefined;
  waiting: boolean;
  pending: boolean;
  picking: string | undefined;
  error: StepUpErrorInfo | undefined;
  value: string;
  newCode: string | undefined;
  canCancel: boolean;
  ids: { title: string; description: string; input: string; error: string };
  setValue(value: string): void;
  select(option: StepUpOption): void;
  submit(): void;
  resend(alternate?: boolean): void;
  toggleRecovery(): void;
  cancel(): void;
  acknowledge(): void;
}

const [Context, useStepUp] = createPartContext<StepUpContextValue>('StepUpRoot');
export { useStepUp };

/** Past the challenge: a new recovery code to save, or verified. Every other step but `start` answers an open challenge. */
export const finished = (phase: StepUpPhase): boolean => phase === 'new-code' || phase === 'verified';
type Step = Exclude<StepUpPhase, 'start'>;

/** Props of {@link StepUpRoot}. */
export interface StepUpRootProps extends HTMLAttributes<HTMLDivElement> {
  /** The authenticator being removed: it (and its pair) is never offered. */
  excludeId?: string;
  /** The credential can now enroll and delete (after the new recovery code was saved, if one came back). */
  onVerified?: () => void;
  /** The user gave up. Without it, Cancel is only shown inside a step (as Back). */
  onCancelled?: () => void;
  messages?: Partial<Messages>;
  asChild?: boolean;
}

/**
 * Holds a step-up's state and runs it against the token provider: ROPG challenges (`token.challenge`)
 * or the Universal Login popup / redirect (`token.stepUp()` from the click). Renders a `<div>`.
 */
export const StepUpRoot = forwardRef<HTMLDivElement, StepUpRootProps>(function StepUpRoot({ excludeId, onVerified, onCancelled, messages, asChild, ...props }, ref) {
  const t = useTranslator(defaults, messages);
  const token = useMfaToken();
  const provider = useMfaClient().tokenProvider;
  const { challenge } = token;
  const id = useId();
  const [step, setStep] = useState<Step>('choose');
  const [selected, setSelected] = useState<StepUpOption>();
  const [current, setCurrent] = useState<Authenticator>();
  const [values, setValues] = useState({ code: '', recovery: '' });
  const [error, setError] = useState<StepUpErrorInfo>();
  // While a request runs: '' or, while a factor's challenge is being sent, that factor's key.
  const [running, setRunning] = useState<string>();
  const [waiting, setWaiting] = useState(false);
  const busy = useRef(false);
  const push = useRef<AbortController | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const mounted = useRef(false);

  useEffect(() => () => push.current?.abort(), []);

  // The challenge's factors, as the list shows them (pairs folded), minus recovery codes and the one being removed.
  const options = challenge
    ? buildModel(challenge.authenticators.map((a) => ({ ...a, active: true }) as WireAuthenticator)).entries.filter(
        (e) => e.kind !== 'recovery-code' && e.kind !== 'unknown' && !e.members.some((m) => m.id === excludeId),
      )
    : [];

  const pending = running !== undefined;
  // While a request runs, keep the step: the provider drops the challenge the moment it succeeds.
  const lastPhase = useRef<StepUpPhase>('start');
  // Without an open challenge (none yet, or it was answered elsewhere) a challenge step is at `start`.
  const phase: StepUpPhase = pending ? lastPhase.current : !waiting && !challenge && !finished(step) ? 'start' : step;
  lastPhase.current = phase;

  // A step change removed the focused control (a factor button, the input): move focus into the new step.
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) rootRef.current?.querySelector<HTMLElement>('input,button:not([aria-disabled="true"])')?.focus();
  }, [phase]);

  const recovery = phase === 'recovery';
  const field = recovery ? 'recovery' : 'code';
  const answer = values[field];
  const inStep = phase === 'code' || phase === 'push' || recovery;

  const fail = (e: unknown) => {
    const err = toMfaError(e, 'token');
    if (err.code === 'aborted' && phase !== 'start') return;
    const popup = phase === 'start' && (err.code === 'aborted' ? 'popup_closed' : err.code === 'interaction_required' && 'popup_blocked');
    setError({ code: popup || err.code, text: popup ? t(`stepup.${popup}`) : t.error(err) });
  };
  // One request at a time; its failure is shown, and what was typed stays.
  const run = (fn: () => Promise<void>, picking = '') => {
    if (busy.current) return;
    busy.current = true;
    setRunning(picking);
    setError(undefined);
    fn()
      .catch(fail)
      .finally(() => {
        busy.current = false;
        setRunning(undefined);
      });
  };
  const verified = () => {
    setStep('verified');
    onVerified?.();
  };
  const done = () => {
    // Read the provider directly: the hook's copy arrives a render later.
    if (provider?.getState?.().recoveryCode) setStep('new-code');
    else verified();
  };
  const waitForPush = () => {
    if (!challenge) return;
    push.current?.abort();
    const controller = new AbortController();
    push.current = controller;
    setWaiting(true);
    challenge
      .verify({ push: true, signal: controller.signal })
      .then(done, (e: unknown) => controller.signal.aborted || fail(e))
      .finally(() => push.current === controller && setWaiting(false));
  };
  /** Sends the challenge (an OTP needs none) and makes `target` the current one, with a fresh code field. */
  const send = async (target: Authenticator, option: StepUpOption) => {
    if (option.kind !== 'otp') {
      await challenge?.challenge(target.id);
      setValues((v) => ({ ...v, code: '' }));
    }
    setSelected(option);
    setCurrent(target);
  };
  /** Leaves the step (stopping a push wait) for `to`, or gives up. */
  const leave = (to?: Step) => {
    push.current?.abort();
    setWaiting(false);
    setError(undefined);
    if (to) setStep(to);
    else onCancelled?.();
  };

  const value: StepUpContextValue = {
    t,
    messages,
    phase,
    options,
    selected,
    current,
    waiting,
    pending,
    picking: running || undefined,
    error,
    // The provider holds the new code until it is acknowledged.
    newCode: phase === 'new-code' ? token.recoveryCode : undefined,
    canCancel: !!onCancelled || inStep,
    value: answer,
    ids: { title: `${id}t`, description: `${id}d`, input: `${id}i`, error: `${id}e` },
    setValue: (v) => {
      const clean = recovery ? v.replace(/[\s-]/g, '').toUpperCase() : v.replace(/\D/g, '').slice(0, 6);
      setValues((old) => ({ ...old, [field]: clean }));
      if (error?.code === 'incomplete') setError(undefined);
    },
    select: (option) =>
      run(async () => {
        await send(option.members[0] ?? option.primary, option);
        setStep(option.kind === 'push' ? 'push' : 'code');
        if (option.kind === 'push') waitForPush();
      }, option.key),
    submit: () => {
      if (phase === 'start') {
        run(async () => {
          await token.stepUp();
          if (provider?.getState?.().challenge) setStep('choose');
          else done();
        });
      } else if (phase === 'push' && selected && current) {
        run(async () => {
          await send(current, selected);
          waitForPush();
        });
      } else if (phase === 'code' || recovery) {
        // A recovery code's length is the tenant's business; a code has 6 digits.
        if (answer.length < (recovery ? 1 : 6)) return setError({ code: 'incomplete', text: t(`stepup.${field}_incomplete`) });
        run(async () => {
          if (!challenge) throw new MfaError('expired_token', 'token');
          await challenge.verify(recovery ? { recoveryCode: answer } : selected?.kind === 'otp' ? { otp: answer } : { bindingCode: answer });
          done();
        });
      }
    },
    resend: (alternate) => {
      const target = alternate ? selected?.members[1] : current;
      if (target && selected) run(() => send(target, selected));
    },
    toggleRecovery: () => leave(recovery ? 'choose' : 'recovery'),
    cancel: () => leave(inStep ? 'choose' : undefined),
    acknowledge: () => {
      token.acknowledgeRecoveryCode();
      verified();
    },
  };

  const Comp = asChild ? Slot : 'div';
  return (
    <Context.Provider value={value}>
      <Comp
        ref={composeRefs(ref, rootRef)}
        role="group"
        aria-labelledby={value.ids.title}
        aria-describedby={value.ids.description}
        data-slot="mfa-step-up"
        data-step={phase}
        data-pending={pending || undefined}
        {...props}
      />
    </Context.Provider>
  );
});
