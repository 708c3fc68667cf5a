'use client';
import { forwardRef, type ButtonHTMLAttributes, type HTMLAttributes, type InputHTMLAttributes, type LabelHTMLAttributes, type ReactNode } from 'react';
import { RecoveryCode } from '../recovery-code/index.ts';
import { Slot, composeHandlers } from '../primitives/index.ts';
import { useStepUp, type StepUpOption } from './step-up-root.tsx';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { asChild?: boolean };
type TextProps = HTMLAttributes<HTMLElement> & { asChild?: boolean };

/** Props of {@link StepUpTitle}. */
export interface StepUpTitleProps extends HTMLAttributes<HTMLHeadingElement> {
  /** Heading level. @default 2 */
  level?: 2 | 3 | 4;
  asChild?: boolean;
}

/** "Verify it's you": names the Root. */
export const StepUpTitle = forwardRef<HTMLHeadingElement, StepUpTitleProps>(function StepUpTitle({ level = 2, asChild, children, ...props }, ref) {
  const { t, ids } = useStepUp('StepUpTitle');
  const Comp = asChild ? Slot : (`h${level}` as const);
  return (
    <Comp ref={ref} id={ids.title} data-slot="mfa-step-up-title" {...props}>
      {children ?? t('stepup.title')}
    </Comp>
  );
});

/** What to do in the current phase ("Enter the 6-digit code from your authenticator app."); describes the Root. */
export const StepUpDescription = forwardRef<HTMLParagraphElement, TextProps>(function StepUpDescription({ asChild, children, ...props }, ref) {
  const { t, ids, phase, options, selected } = useStepUp('StepUpDescription');
  const key =
    phase === 'choose' && options.length === 0
      ? 'stepup.no_methods'
      : phase === 'code'
        ? selected?.kind === 'otp'
          ? 'stepup.description_otp'
          : 'stepup.description_sent'
        : (`stepup.description_${phase === 'new-code' ? 'new_code' : phase}` as const);
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} id={ids.description} data-slot="mfa-step-up-description" {...props}>
      {children ?? t(key)}
    </Comp>
  );
});

/** The user's active factors to verify with (pairs as one; the excluded one left out). Rendered while choosing. */
export const StepUpFactorList = forwardRef<HTMLDivElement, TextProps>(function StepUpFactorList({ asChild, children, ...props }, ref) {
  const { t, phase, options } = useStepUp('StepUpFactorList');
  if (phase !== 'choose' || options.length === 0) return null;
  const Comp = asChild ? Slot : 'div';
  return (
    <Comp ref={ref} role="group" aria-label={t('stepup.methods')} data-slot="mfa-step-up-factor-list" {...props}>
      {children ?? options.map((o) => <StepUpFactor key={o.key} option={o} />)}
    </Comp>
  );
});

/** Props of {@link StepUpFactor}. */
export interface StepUpFactorProps extends ButtonProps {
  option: StepUpOption;
}

/** One factor: sends its challenge (SMS / voice / email code, push) or asks for the app's code. `data-factor`, `data-pending`. */
export const StepUpFactor = forwardRef<HTMLButtonElement, StepUpFactorProps>(function StepUpFactor({ option, asChild, children, ...props }, ref) {
  const { t, pending, picking, select } = useStepUp('StepUpFactor');
  const Comp = asChild ? Slot : 'button';
  const mine = picking === option.key;
  return (
    <Comp
      ref={ref}
      type="button"
      data-slot="mfa-step-up-factor"
      data-variant="secondary"
      data-factor={option.kind}
      data-pending={mine || undefined}
      aria-disabled={pending || undefined}
      {...props}
      onClick={composeHandlers(props.onClick, () => select(option))}
    >
      {children ?? t.entryName(option)}
    </Comp>
  );
});

/** The visible label of the code input ("6-digit code" / "Recovery code"). */
export const StepUpCodeLabel = forwardRef<HTMLLabelElement, LabelHTMLAttributes<HTMLLabelElement> & { asChild?: boolean }>(function StepUpCodeLabel({ asChild, children, ...props }, ref) {
  const { t, ids, phase } = useStepUp('StepUpCodeLabel');
  if (phase !== 'code' && phase !== 'recovery') return null;
  const Comp = asChild ? Slot : 'label';
  return (
    <Comp ref={ref} htmlFor={ids.input} data-slot="mfa-step-up-code-label" {...props}>
      {children ?? t(phase === 'code' ? 'stepup.code_label' : 'stepup.recovery_label')}
    </Comp>
  );
});

/**
 * The code: 6 digits (`inputmode="numeric"`, `autocomplete="one-time-code"`; a pasted "123 456"
 * works), or the recovery code. Enter submits. What was typed survives every error.
 */
export const StepUpCodeInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { asChild?: boolean }>(function StepUpCodeInput({ asChild, ...props }, ref) {
  const { ids, phase, value, setValue, submit, error } = useStepUp('StepUpCodeInput');
  if (phase !== 'code' && phase !== 'recovery') return null;
  const code = phase === 'code';
  const Comp = asChild ? Slot : 'input';
  return (
    <Comp
      ref={ref}
      id={ids.input}
      key={phase}
      data-slot="mfa-step-up-code-input"
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
      onChange={composeHandlers(props.onChange, (e) => setValue(e.currentTarget.value))}
      onKeyDown={composeHandlers(props.onKeyDown, (e) => {
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
export const StepUpSubmit = forwardRef<HTMLButtonElement, ButtonProps>(function StepUpSubmit({ asChild, children, ...props }, ref) {
  const { t, phase, pending, picking, waiting, error, submit } = useStepUp('StepUpSubmit');
  const label = phase === 'start' ? 'stepup.start' : phase === 'code' || phase === 'recovery' ? 'stepup.verify' : phase === 'push' && !waiting && error ? 'stepup.push_retry' : undefined;
  if (!label) return null;
  const busy = pending && !picking;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      ref={ref}
      type="button"
      data-slot="mfa-step-up-submit"
      data-variant="primary"
      data-pending={busy || undefined}
      aria-disabled={pending || undefined}
      {...props}
      onClick={composeHandlers(props.onClick, submit)}
    >
      {children ?? t(label)}
    </Comp>
  );
});

/** Props of {@link StepUpResend}. */
export interface StepUpResendProps extends ButtonProps {
  /** "Call me instead": challenge the voice twin of an SMS phone. @default false */
  alternate?: boolean;
}

/** "Send a new code" (or, with `alternate`, "Call me instead") while a sent code is awaited. Renders nothing otherwise. */
export const StepUpResend = forwardRef<HTMLButtonElement, StepUpResendProps>(function StepUpResend({ alternate, asChild, children, ...props }, ref) {
  const { t, phase, selected, current, pending, resend } = useStepUp('StepUpResend');
  const sent = phase === 'code' && selected && selected.kind !== 'otp';
  if (!sent || (alternate && (selected.kind !== 'phone' || current?.factor === 'voice'))) return null;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      ref={ref}
      type="button"
      data-slot="mfa-step-up-resend"
      data-variant="ghost"
      aria-disabled={pending || undefined}
      {...props}
      onClick={composeHandlers(props.onClick, () => resend(alternate))}
    >
      {children ?? t(alternate ? 'stepup.call_instead' : 'stepup.resend')}
    </Comp>
  );
});

/** "Use a recovery code instead" / "Use another method". */
export const StepUpRecoveryToggle = forwardRef<HTMLButtonElement, ButtonProps>(function StepUpRecoveryToggle({ asChild, children, ...props }, ref) {
  const { t, phase, pending, toggleRecovery } = useStepUp('StepUpRecoveryToggle');
  if (phase !== 'choose' && phase !== 'code' && phase !== 'push' && phase !== 'recovery') return null;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      ref={ref}
      type="button"
      data-slot="mfa-step-up-recovery-toggle"
      data-variant="ghost"
      data-state={phase === 'recovery' ? 'on' : 'off'}
      aria-disabled={pending || undefined}
      {...props}
      onClick={composeHandlers(props.onClick, toggleRecovery)}
    >
      {children ?? t(phase === 'recovery' ? 'stepup.use_method' : 'stepup.use_recovery')}
    </Comp>
  );
});

/** The error, as an alert linked to the input. `data-code` is the error's code. Renders nothing without one. */
export const StepUpError = forwardRef<HTMLParagraphElement, TextProps>(function StepUpError({ asChild, children, ...props }, ref) {
  const { ids, error } = useStepUp('StepUpError');
  if (!error) return null;
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} id={ids.error} role="alert" data-slot="mfa-step-up-error" data-tone="error" data-code={error.code} {...props}>
      {children ?? error.text}
    </Comp>
  );
});

/** A polite live region: "Code sent to •••• 9167.", "Waiting for approval on Pixel 8…", "You're verified." */
export const StepUpStatus = forwardRef<HTMLParagraphElement, TextProps>(function StepUpStatus({ asChild, ...props }, ref) {
  const { t, phase, current, waiting } = useStepUp('StepUpStatus');
  const target = current?.phoneLast4 ? `•••• ${current.phoneLast4}` : (current?.name ?? '');
  const text =
    phase === 'verified'
      ? t('stepup.description_verified')
      : phase === 'push' && waiting
        ? t('stepup.push_waiting', { device: current?.name ?? t('stepup.device_unnamed') })
        : phase === 'code' && current && current.factor !== 'otp'
          ? t(current.factor === 'voice' ? 'stepup.calling' : 'stepup.sent', { target })
          : '';
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} role="status" data-slot="mfa-step-up-status" data-state={waiting ? 'waiting' : undefined} {...props}>
      {text}
    </Comp>
  );
});

/** Cancel (calls `onCancelled`) or, inside a step, Back to the list; stops a push wait. */
export const StepUpCancel = forwardRef<HTMLButtonElement, ButtonProps>(function StepUpCancel({ asChild, children, ...props }, ref) {
  const { t, phase, canCancel, cancel } = useStepUp('StepUpCancel');
  if (!canCancel || phase === 'new-code' || phase === 'verified') return null;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp ref={ref} type="button" data-slot="mfa-step-up-cancel" data-variant="secondary" {...props} onClick={composeHandlers(props.onClick, cancel)}>
      {children ?? t(phase === 'code' || phase === 'recovery' ? 'common.back' : 'common.cancel')}
    </Comp>
  );
});

/** The new recovery code after one was used (the RecoveryCode drop-in); confirming it finishes the step-up. */
export function StepUpNewRecoveryCode(props: { headingLevel?: 2 | 3 | 4; appName?: string }): ReactNode {
  const { newCode, phase, acknowledge, messages } = useStepUp('StepUpNewRecoveryCode');
  if (phase !== 'new-code' || !newCode) return null;
  return <RecoveryCode code={newCode} onConfirm={acknowledge} messages={messages} headingLevel={props.headingLevel ?? 3} appName={props.appName} />;
}
