'use client';
import { forwardRef, type ReactNode } from 'react';
import type { MessageId } from '../../i18n/messages.ts';
import { RecoveryCode } from '../recovery-code/index.ts';
import { Primitive, buttonAttrs, composeHandlers, withDefault, type PartProps } from '../primitives/index.ts';
import { finished, useStepUp, type StepUpOption, type StepUpPhase } from './step-up-root.tsx';

// Each part renders one element, slotted `mfa-step-up-<name in kebab case>`; the user's props win,
// and the user's handler runs first (the part's unless it called `preventDefault()`).

/** The phases with a code input. */
const typing = (phase: StepUpPhase): phase is 'code' | 'recovery' => phase === 'code' || phase === 'recovery';

/** Props of {@link StepUpTitle}. */
export interface StepUpTitleProps extends PartProps<'h2'> {
  /** Heading level. @default 2 */
  level?: 2 | 3 | 4;
}

/** "Verify it's you": names the Root. */
export const StepUpTitle = forwardRef<HTMLHeadingElement, StepUpTitleProps>(function StepUpTitle({ level = 2, children, ...props }, ref) {
  const { t, ids } = useStepUp('StepUpTitle');
  const Heading = Primitive[`h${level}`];
  return (
    <Heading ref={ref} data-slot="mfa-step-up-title" id={ids.title} {...props}>
      {withDefault(children, t('stepup.title'), props.asChild)}
    </Heading>
  );
});

/** What to do in the current phase ("Enter the 6-digit code from your authenticator app."); describes the Root. */
export const StepUpDescription = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function StepUpDescription({ children, ...props }, ref) {
  const { t, ids, phase, options, selected } = useStepUp('StepUpDescription');
  const text = t(
    phase === 'choose' && !options.length
      ? 'stepup.no_methods'
      : phase === 'code'
        ? selected?.kind === 'otp'
          ? 'stepup.description_otp'
          : 'stepup.description_sent'
        : (`stepup.description_${phase.replace('-', '_')}` as MessageId),
  );
  return (
    <Primitive.p ref={ref} data-slot="mfa-step-up-description" id={ids.description} {...props}>
      {withDefault(children, text, props.asChild)}
    </Primitive.p>
  );
});

/** Props of {@link StepUpFactor}. */
export interface StepUpFactorProps extends PartProps<'button'> {
  option: StepUpOption;
}

/** One factor: sends its challenge (SMS / voice / email code, push) or asks for the app's code. `data-factor`, `data-pending`. */
export const StepUpFactor = forwardRef<HTMLButtonElement, StepUpFactorProps>(function StepUpFactor({ option, children, onClick, ...props }, ref) {
  const { t, pending, picking, select } = useStepUp('StepUpFactor');
  return (
    <Primitive.button
      ref={ref}
      data-slot="mfa-step-up-factor"
      {...buttonAttrs('secondary', pending)}
      data-factor={option.kind}
      data-pending={picking === option.key || undefined}
      {...props}
      onClick={composeHandlers(onClick, () => select(option))}
    >
      {withDefault(children, t.entryName(option), props.asChild)}
    </Primitive.button>
  );
});

/** The user's active factors to verify with (pairs as one; the excluded one left out). Rendered while choosing. */
export const StepUpFactorList = forwardRef<HTMLDivElement, PartProps<'div'>>(function StepUpFactorList({ children, ...props }, ref) {
  const { t, phase, options } = useStepUp('StepUpFactorList');
  if (phase !== 'choose' || !options.length) return null;
  return (
    <Primitive.div ref={ref} data-slot="mfa-step-up-factor-list" role="group" aria-label={t('stepup.methods')} {...props}>
      {withDefault(children, options.map((o) => <StepUpFactor key={o.key} option={o} />), props.asChild)}
    </Primitive.div>
  );
});

/** The visible label of the code input ("6-digit code" / "Recovery code"). */
export const StepUpCodeLabel = forwardRef<HTMLLabelElement, PartProps<'label'>>(function StepUpCodeLabel({ children, ...props }, ref) {
  const { t, ids, phase } = useStepUp('StepUpCodeLabel');
  if (!typing(phase)) return null;
  return (
    <Primitive.label ref={ref} data-slot="mfa-step-up-code-label" htmlFor={ids.input} {...props}>
      {withDefault(children, t(`stepup.${phase}_label`), props.asChild)}
    </Primitive.label>
  );
});

/**
 * The code: 6 digits (`inputmode="numeric"`, `autocomplete="one-time-code"`; a pasted "123 456"
 * works), or the recovery code. Enter submits. What was typed survives every error.
 */
export const StepUpCodeInput = forwardRef<HTMLInputElement, PartProps<'input'>>(function StepUpCodeInput({ onChange, onKeyDown, ...props }, ref) {
  const { ids, phase, value, setValue, submit, error } = useStepUp('StepUpCodeInput');
  if (!typing(phase)) return null;
  const code = phase === 'code';
  return (
    <Primitive.input
      // A fresh input per phase: the code and the recovery code are different fields to autofill.
      key={phase}
      ref={ref}
      data-slot="mfa-step-up-code-input"
      id={ids.input}
      data-invalid={error ? '' : undefined}
      type="text"
      inputMode={code ? 'numeric' : 'text'}
      autoComplete={code ? 'one-time-code' : 'off'}
      autoCapitalize={code ? undefined : 'characters'}
      spellCheck={false}
      dir="ltr"
      value={value}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? ids.error : undefined}
      {...props}
      onChange={composeHandlers(onChange, (e) => setValue(e.currentTarget.value))}
      onKeyDown={composeHandlers(onKeyDown, (e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        submit();
      })}
    />
  );
});

/**
 * The main action of the phase: "Verify it's you" (opens the challenge or the Universal Login popup,
 * from this click), "Verify" (a code), "Send again" (a push that failed). Pending: `data-pending`,
 * `aria-disabled`, focus kept.
 */
export const StepUpSubmit = forwardRef<HTMLButtonElement, PartProps<'button'>>(function StepUpSubmit({ children, onClick, ...props }, ref) {
  const { t, phase, pending, picking, waiting, error, submit } = useStepUp('StepUpSubmit');
  const label = phase === 'start' ? 'stepup.start' : typing(phase) ? 'stepup.verify' : phase === 'push' && !waiting && error && 'stepup.push_retry';
  if (!label) return null;
  return (
    <Primitive.button
      ref={ref}
      data-slot="mfa-step-up-submit"
      {...buttonAttrs('primary', pending)}
      data-pending={(pending && !picking) || undefined}
      {...props}
      onClick={composeHandlers(onClick, submit)}
    >
      {withDefault(children, t(label), props.asChild)}
    </Primitive.button>
  );
});

/** Props of {@link StepUpResend}. */
export interface StepUpResendProps extends PartProps<'button'> {
  /** "Call me instead": challenge the voice twin of an SMS phone. @default false */
  alternate?: boolean;
}

/** "Send a new code" (or, with `alternate`, "Call me instead") while a sent code is awaited. Renders nothing otherwise. */
export const StepUpResend = forwardRef<HTMLButtonElement, StepUpResendProps>(function StepUpResend({ alternate = false, children, onClick, ...props }, ref) {
  const { t, phase, selected, current, pending, resend } = useStepUp('StepUpResend');
  if (phase !== 'code' || !selected || selected.kind === 'otp' || (alternate && (selected.kind !== 'phone' || current?.factor === 'voice'))) return null;
  return (
    <Primitive.button ref={ref} data-slot="mfa-step-up-resend" {...buttonAttrs('ghost', pending)} {...props} onClick={composeHandlers(onClick, () => resend(alternate))}>
      {withDefault(children, t(alternate ? 'stepup.call_instead' : 'stepup.resend'), props.asChild)}
    </Primitive.button>
  );
});

/** "Use a recovery code instead" / "Use another method". */
export const StepUpRecoveryToggle = forwardRef<HTMLButtonElement, PartProps<'button'>>(function StepUpRecoveryToggle({ children, onClick, ...props }, ref) {
  const { t, phase, pending, toggleRecovery } = useStepUp('StepUpRecoveryToggle');
  if (phase === 'start' || finished(phase)) return null;
  const on = phase === 'recovery';
  return (
    <Primitive.button
      ref={ref}
      data-slot="mfa-step-up-recovery-toggle"
      {...buttonAttrs('ghost', pending)}
      data-state={on ? 'on' : 'off'}
      {...props}
      onClick={composeHandlers(onClick, toggleRecovery)}
    >
      {withDefault(children, t(on ? 'stepup.use_method' : 'stepup.use_recovery'), props.asChild)}
    </Primitive.button>
  );
});

/** The error, as an alert linked to the input. `data-code` is the error's code. Renders nothing without one. */
export const StepUpError = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function StepUpError({ children, ...props }, ref) {
  const { ids, error } = useStepUp('StepUpError');
  if (!error) return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-step-up-error" id={ids.error} role="alert" data-tone="error" data-code={error.code} {...props}>
      {withDefault(children, error.text, props.asChild)}
    </Primitive.p>
  );
});

/** A polite live region: "Code sent to •••• 9167.", "Waiting for approval on Pixel 8…", "You're verified." */
export const StepUpStatus = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function StepUpStatus({ children, ...props }, ref) {
  const { t, phase, current, waiting } = useStepUp('StepUpStatus');
  const text =
    phase === 'verified'
      ? t('stepup.description_verified')
      : phase === 'push' && waiting
        ? t('stepup.push_waiting', { device: current?.name ?? t('stepup.device_unnamed') })
        : phase === 'code' && current && current.factor !== 'otp'
          ? t(current.factor === 'voice' ? 'stepup.calling' : 'stepup.sent', { target: current.phoneLast4 ? `•••• ${current.phoneLast4}` : (current.name ?? '') })
          : '';
  return (
    <Primitive.p ref={ref} data-slot="mfa-step-up-status" role="status" data-state={waiting ? 'waiting' : undefined} {...props}>
      {withDefault(children, text, props.asChild)}
    </Primitive.p>
  );
});

/** Cancel (calls `onCancelled`) or, inside a step, Back to the list; stops a push wait. */
export const StepUpCancel = forwardRef<HTMLButtonElement, PartProps<'button'>>(function StepUpCancel({ children, onClick, ...props }, ref) {
  const { t, phase, canCancel, cancel } = useStepUp('StepUpCancel');
  if (!canCancel || finished(phase)) return null;
  return (
    <Primitive.button ref={ref} data-slot="mfa-step-up-cancel" {...buttonAttrs('secondary')} {...props} onClick={composeHandlers(onClick, cancel)}>
      {withDefault(children, t(typing(phase) ? 'common.back' : 'common.cancel'), props.asChild)}
    </Primitive.button>
  );
});

/** The new recovery code after one was used (the RecoveryCode drop-in); confirming it finishes the step-up. */
export function StepUpNewRecoveryCode(props: { headingLevel?: 2 | 3 | 4; appName?: string }): ReactNode {
  const { newCode, phase, acknowledge, messages } = useStepUp('StepUpNewRecoveryCode');
  if (phase !== 'new-code' || !newCode) return null;
  return <RecoveryCode code={newCode} onConfirm={acknowledge} messages={messages} headingLevel={props.headingLevel ?? 3} appName={props.appName} />;
}
