'use client';
import type { ButtonHTMLAttributes, ChangeEvent, HTMLAttributes, InputHTMLAttributes, KeyboardEvent, LabelHTMLAttributes, ReactNode } from 'react';
import type { MessageId } from '../../i18n/messages.ts';
import { RecoveryCode } from '../recovery-code/index.ts';
import { buttonSpec, partsOf } from '../primitives/index.ts';
import { finished, useStepUp, type StepUpOption, type StepUpPhase } from './step-up-root.tsx';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { asChild?: boolean };

const part = partsOf('StepUp', useStepUp);
/** The phases with a code input. */
const typing = (phase: StepUpPhase): phase is 'code' | 'recovery' => phase === 'code' || phase === 'recovery';

/** Props of {@link StepUpTitle}. */
export interface StepUpTitleProps extends HTMLAttributes<HTMLHeadingElement> {
  /** Heading level. @default 2 */
  level?: 2 | 3 | 4;
  asChild?: boolean;
}

/** "Verify it's you": names the Root. */
export const StepUpTitle = part<HTMLHeadingElement, StepUpTitleProps>('Title', ({ t, ids }, { level = 2 }) => ({ as: `h${level}`, id: ids.title, children: t('stepup.title') }), ['level']);

/** What to do in the current phase ("Enter the 6-digit code from your authenticator app."); describes the Root. */
export const StepUpDescription = part<HTMLParagraphElement>('Description', ({ t, ids, phase, options, selected }) => ({
  id: ids.description,
  children: t(
    phase === 'choose' && !options.length
      ? 'stepup.no_methods'
      : phase === 'code'
        ? selected?.kind === 'otp'
          ? 'stepup.description_otp'
          : 'stepup.description_sent'
        : (`stepup.description_${phase.replace('-', '_')}` as MessageId),
  ),
}));

/** Props of {@link StepUpFactor}. */
export interface StepUpFactorProps extends ButtonProps {
  option: StepUpOption;
}

/** One factor: sends its challenge (SMS / voice / email code, push) or asks for the app's code. `data-factor`, `data-pending`. */
export const StepUpFactor = part<HTMLButtonElement, StepUpFactorProps>(
  'Factor',
  ({ t, pending, picking, select }, { option }) => ({
    ...buttonSpec('secondary', pending),
    'data-factor': option.kind,
    'data-pending': picking === option.key || undefined,
    onClick: () => select(option),
    children: t.entryName(option),
  }),
  ['option'],
);

/** The user's active factors to verify with (pairs as one; the excluded one left out). Rendered while choosing. */
export const StepUpFactorList = part<HTMLDivElement>(
  'FactorList',
  ({ t, phase, options }) =>
    phase === 'choose' &&
    options.length > 0 && {
      as: 'div',
      role: 'group',
      'aria-label': t('stepup.methods'),
      children: options.map((o) => <StepUpFactor key={o.key} option={o} />),
    },
);

/** The visible label of the code input ("6-digit code" / "Recovery code"). */
export const StepUpCodeLabel = part<HTMLLabelElement, LabelHTMLAttributes<HTMLLabelElement> & { asChild?: boolean }>(
  'CodeLabel',
  ({ t, ids, phase }) => typing(phase) && { as: 'label', htmlFor: ids.input, children: t(`stepup.${phase}_label`) },
);

/**
 * The code: 6 digits (`inputmode="numeric"`, `autocomplete="one-time-code"`; a pasted "123 456"
 * works), or the recovery code. Enter submits. What was typed survives every error.
 */
export const StepUpCodeInput = part<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { asChild?: boolean }>('CodeInput', ({ ids, phase, value, setValue, submit, error }) => {
  const code = phase === 'code';
  return (
    typing(phase) && {
      as: 'input',
      id: ids.input,
      // A fresh input per phase: the code and the recovery code are different fields to autofill.
      key: phase,
      'data-invalid': error ? '' : undefined,
      type: 'text',
      inputMode: code ? 'numeric' : 'text',
      autoComplete: code ? 'one-time-code' : 'off',
      autoCapitalize: code ? undefined : 'characters',
      spellCheck: false,
      dir: 'ltr',
      value,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? ids.error : undefined,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(e.currentTarget.value),
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        submit();
      },
    }
  );
});

/**
 * The main action of the phase: "Verify it's you" (opens the challenge or the Universal Login popup,
 * from this click), "Verify" (a code), "Send again" (a push that failed). Pending: `data-pending`,
 * `aria-disabled`, focus kept.
 */
export const StepUpSubmit = part<HTMLButtonElement, ButtonProps>('Submit', ({ t, phase, pending, picking, waiting, error, submit }) => {
  const label = phase === 'start' ? 'stepup.start' : typing(phase) ? 'stepup.verify' : phase === 'push' && !waiting && error && 'stepup.push_retry';
  return label && { ...buttonSpec('primary', pending), 'data-pending': (pending && !picking) || undefined, onClick: submit, children: t(label) };
});

/** Props of {@link StepUpResend}. */
export interface StepUpResendProps extends ButtonProps {
  /** "Call me instead": challenge the voice twin of an SMS phone. @default false */
  alternate?: boolean;
}

/** "Send a new code" (or, with `alternate`, "Call me instead") while a sent code is awaited. Renders nothing otherwise. */
export const StepUpResend = part<HTMLButtonElement, StepUpResendProps>(
  'Resend',
  ({ t, phase, selected, current, pending, resend }, { alternate = false }) =>
    phase === 'code' &&
    selected &&
    selected.kind !== 'otp' &&
    !(alternate && (selected.kind !== 'phone' || current?.factor === 'voice')) && {
      ...buttonSpec('ghost', pending),
      onClick: () => resend(alternate),
      children: t(alternate ? 'stepup.call_instead' : 'stepup.resend'),
    },
  ['alternate'],
);

/** "Use a recovery code instead" / "Use another method". */
export const StepUpRecoveryToggle = part<HTMLButtonElement, ButtonProps>('RecoveryToggle', ({ t, phase, pending, toggleRecovery }) => {
  const on = phase === 'recovery';
  return (
    phase !== 'start' &&
    !finished(phase) && {
      ...buttonSpec('ghost', pending),
      'data-state': on ? 'on' : 'off',
      onClick: toggleRecovery,
      children: t(on ? 'stepup.use_method' : 'stepup.use_recovery'),
    }
  );
});

/** The error, as an alert linked to the input. `data-code` is the error's code. Renders nothing without one. */
export const StepUpError = part<HTMLParagraphElement>(
  'Error',
  ({ ids, error }) => error && { id: ids.error, role: 'alert', 'data-tone': 'error', 'data-code': error.code, children: error.text },
);

/** A polite live region: "Code sent to •••• 9167.", "Waiting for approval on Pixel 8…", "You're verified." */
export const StepUpStatus = part<HTMLParagraphElement>('Status', ({ t, phase, current, waiting }) => ({
  role: 'status',
  'data-state': waiting ? 'waiting' : undefined,
  children:
    phase === 'verified'
      ? t('stepup.description_verified')
      : phase === 'push' && waiting
        ? t('stepup.push_waiting', { device: current?.name ?? t('stepup.device_unnamed') })
        : phase === 'code' && current && current.factor !== 'otp'
          ? t(current.factor === 'voice' ? 'stepup.calling' : 'stepup.sent', { target: current.phoneLast4 ? `•••• ${current.phoneLast4}` : (current.name ?? '') })
          : '',
}));

/** Cancel (calls `onCancelled`) or, inside a step, Back to the list; stops a push wait. */
export const StepUpCancel = part<HTMLButtonElement, ButtonProps>(
  'Cancel',
  ({ t, phase, canCancel, cancel }) =>
    canCancel && !finished(phase) && { ...buttonSpec('secondary'), onClick: cancel, children: t(typing(phase) ? 'common.back' : 'common.cancel') },
);

/** The new recovery code after one was used (the RecoveryCode drop-in); confirming it finishes the step-up. */
export function StepUpNewRecoveryCode(props: { headingLevel?: 2 | 3 | 4; appName?: string }): ReactNode {
  const { newCode, phase, acknowledge, messages } = useStepUp('StepUpNewRecoveryCode');
  if (phase !== 'new-code' || !newCode) return null;
  return <RecoveryCode code={newCode} onConfirm={acknowledge} messages={messages} headingLevel={props.headingLevel ?? 3} appName={props.appName} />;
}
