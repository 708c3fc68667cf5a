'use client';
import { forwardRef, useEffect, useId, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { MfaError, isMfaError } from '../../core/errors.ts';
import { buildModel, type Authenticator, type AuthenticatorEntry } from '../../core/model.ts';
import type { WireAuthenticator } from '../../core/wire.ts';
import { useMfaClient } from '../../hooks/provider.tsx';
import { useMfaToken } from '../../hooks/use-mfa-token.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { useMessages } from '../../i18n/use-messages.ts';
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

interface StepUpContextValue {
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

const KINDS = new Set<string>(['otp', 'sms', 'voice', 'phone', 'email', 'push']);
const CHALLENGE_STEPS = new Set<StepUpPhase>(['choose', 'code', 'push', 'recovery']);
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
  const t = useMessages(messages);
  const token = useMfaToken();
  const client = useMfaClient();
  const provider = client.tokenProvider;
  const { challenge, stepUp } = token;
  const id = useId();
  const [step, setStep] = useState<Step>('choose');
  const [selected, setSelected] = useState<StepUpOption>();
  const [current, setCurrent] = useState<Authenticator>();
  const [values, setValues] = useState({ code: '', recovery: '' });
  const [error, setError] = useState<StepUpErrorInfo>();
  const [pending, setPending] = useState(false);
  const [picking, setPicking] = useState<string>();
  const [waiting, setWaiting] = useState(false);
  const [newCode, setNewCode] = useState<string>();
  const busy = useRef(false);
  const push = useRef<AbortController | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const mounted = useRef(false);

  useEffect(() => () => push.current?.abort(), []);

  const options = useMemo(() => {
    if (!challenge) return [];
    const wire = challenge.authenticators.map((a) => ({ ...a, active: true }) as WireAuthenticator);
    return buildModel(wire).entries.filter((e) => KINDS.has(e.kind) && !e.members.some((m) => m.id === excludeId));
  }, [challenge, excludeId]);

  // While a request runs, keep the step: the provider drops the challenge the moment it succeeds.
  const lastPhase = useRef<StepUpPhase>('start');
  const phase: StepUpPhase = pending ? lastPhase.current : !waiting && !challenge && CHALLENGE_STEPS.has(step) ? 'start' : step;
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

  const value = useMemo<StepUpContextValue>(() => {
    const fail = (e: unknown) => {
      const err = isMfaError(e) ? e : new MfaError('unknown', 'token', undefined, { cause: e });
      if (err.code === 'aborted' && phase !== 'start') return;
      const popup = phase === 'start' && (err.code === 'aborted' ? 'popup_closed' : err.code === 'interaction_required' ? 'popup_blocked' : undefined);
      setError({ code: popup || err.code, text: popup ? t(`stepup.${popup}`) : t.error(err) });
    };
    const run = async (fn: () => Promise<void>) => {
      if (busy.current) return;
      busy.current = true;
      setPending(true);
      setError(undefined);
      try {
        await fn();
      } catch (e) {
        fail(e);
      } finally {
        busy.current = false;
        setPending(false);
        setPicking(undefined);
      }
    };
    const done = () => {
      // Read the provider directly: the hook's copy arrives a render later.
      const code = provider?.getState?.().recoveryCode;
      if (code) {
        setNewCode(code);
        setStep('new-code');
      } else {
        setStep('verified');
        onVerified?.();
      }
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
    const send = async (target: Authenticator, option: StepUpOption) => {
      await challenge?.challenge(target.id);
      setSelected(option);
      setCurrent(target);
      setValues((v) => ({ ...v, code: '' }));
    };
    const stopPush = () => {
      push.current?.abort();
      setWaiting(false);
    };
    const recovery = phase === 'recovery';
    return {
      t,
      messages,
      phase,
      options,
      selected,
      current,
      waiting,
      pending,
      picking,
      error,
      newCode,
      canCancel: !!onCancelled || phase === 'code' || phase === 'push' || phase === 'recovery',
      value: recovery ? values.recovery : values.code,
      ids: { title: `${id}t`, description: `${id}d`, input: `${id}i`, error: `${id}e` },
      setValue: (v) => {
        setValues((old) => (recovery ? { ...old, recovery: v.replace(/[\s-]/g, '').toUpperCase() } : { ...old, code: v.replace(/\D/g, '').slice(0, 6) }));
        if (error?.code === 'incomplete') setError(undefined);
      },
      select: (option) => {
        if (busy.current) return;
        setPicking(option.key);
        void run(async () => {
          const target = option.members[0] ?? option.primary;
          if (option.kind === 'otp') {
            setSelected(option);
            setCurrent(target);
            setStep('code');
            return;
          }
          await send(target, option);
          if (option.kind === 'push') {
            setStep('push');
            waitForPush();
          } else setStep('code');
        });
      },
      submit: () => {
        if (phase === 'start') {
          void run(async () => {
            await stepUp();
            if (provider?.getState?.().challenge) setStep('choose');
            else done();
          });
        } else if (phase === 'push' && selected && current) {
          void run(async () => {
            await send(current, selected);
            waitForPush();
          });
        } else if (phase === 'code' || recovery) {
          const answer = recovery ? values.recovery : values.code;
          if (recovery ? !answer : answer.length !== 6) {
            setError({ code: 'incomplete', text: t(recovery ? 'stepup.recovery_incomplete' : 'stepup.code_incomplete') });
            return;
          }
          void run(async () => {
            if (!challenge) throw new MfaError('expired_token', 'token');
            await challenge.verify(recovery ? { recoveryCode: answer } : selected?.kind === 'otp' ? { otp: answer } : { bindingCode: answer });
            done();
          });
        }
      },
      resend: (alternate) => {
        const target = alternate ? selected?.members[1] : current;
        if (target && selected) void run(() => send(target, selected));
      },
      toggleRecovery: () => {
        stopPush();
        setError(undefined);
        setStep(recovery ? 'choose' : 'recovery');
      },
      cancel: () => {
        stopPush();
        setError(undefined);
        if (phase === 'code' || phase === 'push' || recovery) setStep('choose');
        else onCancelled?.();
      },
      acknowledge: () => {
        token.acknowledgeRecoveryCode();
        setNewCode(undefined);
        setStep('verified');
        onVerified?.();
      },
    };
  }, [t, messages, phase, options, selected, current, waiting, pending, picking, error, newCode, values, id, challenge, provider, stepUp, onVerified, onCancelled]);

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
