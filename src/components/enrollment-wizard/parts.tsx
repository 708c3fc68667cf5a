'use client';
import { forwardRef, type ButtonHTMLAttributes, type HTMLAttributes, type ReactNode } from 'react';
import type { EnrollFactor } from '../../hooks/use-enroll.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { RecoveryCode } from '../recovery-code/index.ts';
import { Slot, composeHandlers } from '../primitives/index.ts';
import { formatPhone, useWizard, type WizardContextValue, type WizardStep } from './context.ts';

type Props<E> = HTMLAttributes<E> & { asChild?: boolean };
/** Props of the wizard's buttons. */
export type EnrollmentWizardButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { asChild?: boolean };

const has = <T,>(value: T | readonly T[] | undefined, x: T) => value === undefined || (Array.isArray(value) ? value.includes(x) : value === x);

/** Props of {@link EnrollmentWizardStep}. */
export interface EnrollmentWizardStepProps extends Props<HTMLDivElement> {
  /** The step(s) this content belongs to. */
  step: WizardStep | readonly WizardStep[];
  /** Only for these factor(s). @default any */
  factor?: EnrollFactor | readonly EnrollFactor[];
  /** `true`: only once the enrollment has started (QR shown, code sent); `false`: only before. @default either */
  started?: boolean;
}

/** A `<div>` rendered only while the wizard is at `step` (and `factor`). */
export const EnrollmentWizardStep = forwardRef<HTMLDivElement, EnrollmentWizardStepProps>(function EnrollmentWizardStep({ step, factor, started, asChild, ...props }, ref) {
  const w = useWizard('EnrollmentWizardStep');
  if (!has(step, w.step) || !has(factor, w.factor) || (started !== undefined && started !== !!w.enroll.association)) return null;
  const Comp = asChild ? Slot : 'div';
  return <Comp ref={ref} data-slot="mfa-enrollment-wizard-step" data-step={w.step} data-factor={w.factor} {...props} />;
});

const titleId = (w: WizardContextValue): MessageId =>
  w.step === 'step-up' || w.step === 'choose'
    ? `wizard.${w.step}.title`
    : w.step === 'done'
      ? 'wizard.done.title'
      : w.step === 'confirm' && w.factor !== 'otp' && w.factor !== 'push'
        ? 'wizard.title.code'
        : `wizard.title.${w.factor}`;

/** The step's heading (`h2` by default, `tabIndex=-1`: focus moves here when the step changes). */
export const EnrollmentWizardTitle = forwardRef<HTMLHeadingElement, Props<HTMLHeadingElement>>(function EnrollmentWizardTitle({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardTitle');
  const Comp = asChild ? Slot : (`h${w.headingLevel}` as const);
  return (
    <Comp ref={ref} id={w.ids.title} tabIndex={-1} data-slot="mfa-enrollment-wizard-title" {...props}>
      {children ?? w.t(titleId(w))}
    </Comp>
  );
});

function description(w: WizardContextValue): string {
  const { t, factor, step, enroll } = w;
  if (step === 'step-up' || step === 'choose') return t(`wizard.${step}.description`);
  if (step === 'done') return t('wizard.done.description', { factor: t(`factor.${factor}`) });
  if (factor === 'otp' || factor === 'push') return t(`wizard.${factor}.instructions`);
  if (step === 'setup') return t(factor === 'email' ? 'wizard.email.instructions' : `wizard.phone.instructions.${factor}`);
  const to = factor === 'email' ? enroll.input.email : enroll.input.phoneNumber;
  return to ? t(`wizard.sent.${factor}`, { to: factor === 'email' ? to : formatPhone(to) }) : t('wizard.sent.account-email');
}

/** What to do on this step ("Code sent to +1 555 010 4242", "Scan the QR code…"). A `<p>`. */
export const EnrollmentWizardDescription = forwardRef<HTMLParagraphElement, Props<HTMLParagraphElement>>(function EnrollmentWizardDescription({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardDescription');
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} id={w.ids.description} data-slot="mfa-enrollment-wizard-description" {...props}>
      {children ?? description(w)}
    </Comp>
  );
});

/** The factor choice: a `role="group"` labelled by the title. Default children: an option per offered factor. */
export const EnrollmentWizardFactorPicker = forwardRef<HTMLDivElement, Props<HTMLDivElement>>(function EnrollmentWizardFactorPicker({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardFactorPicker');
  const Comp = asChild ? Slot : 'div';
  return (
    <Comp ref={ref} role="group" aria-labelledby={w.ids.title} data-slot="mfa-enrollment-wizard-factor-picker" {...props}>
      {children ?? w.factors.map((f) => <EnrollmentWizardFactorOption key={f} factor={f} />)}
    </Comp>
  );
});

/** Props of {@link EnrollmentWizardFactorOption}. */
export interface EnrollmentWizardFactorOptionProps extends EnrollmentWizardButtonProps {
  factor: EnrollFactor;
}

/** A button choosing one factor: its name and a one-line description. */
export const EnrollmentWizardFactorOption = forwardRef<HTMLButtonElement, EnrollmentWizardFactorOptionProps>(function EnrollmentWizardFactorOption({ factor, asChild, children, onClick, ...props }, ref) {
  const w = useWizard('EnrollmentWizardFactorOption');
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp ref={ref} type="button" data-slot="mfa-enrollment-wizard-factor-option" data-factor={factor} onClick={composeHandlers(onClick, () => w.choose(factor))} {...props}>
      {children ?? (
        <>
          <span data-slot="mfa-enrollment-wizard-factor-name">{w.t(`factor.${factor}`)}</span>
          <span data-slot="mfa-enrollment-wizard-factor-description">{w.t(`wizard.describe.${factor}`)}</span>
        </>
      )}
    </Comp>
  );
});

/** The current error (`role="alert"`, `data-code`), from the API or a field check; nothing without one. */
export const EnrollmentWizardError = forwardRef<HTMLDivElement, Props<HTMLDivElement>>(function EnrollmentWizardError({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardError');
  if (!w.error) return null;
  const Comp = asChild ? Slot : 'div';
  return (
    <Comp ref={ref} role="alert" id={w.ids.error} data-slot="mfa-enrollment-wizard-error" data-tone="error" data-code={w.error.code} {...props}>
      {children ?? w.error.text}
    </Comp>
  );
});

/** A visually hidden `role="status"` that announces "Copied" and "A new code is on its way". */
export const EnrollmentWizardAnnouncer = forwardRef<HTMLDivElement, Props<HTMLDivElement>>(function EnrollmentWizardAnnouncer({ asChild, ...props }, ref) {
  const w = useWizard('EnrollmentWizardAnnouncer');
  const Comp = asChild ? Slot : 'div';
  return (
    <Comp ref={ref} role="status" data-slot="mfa-enrollment-wizard-announcer" data-visually-hidden="" {...props}>
      {w.announcement}
    </Comp>
  );
});

interface ButtonSpec {
  label: string;
  action(): void;
  pending?: boolean;
  blocked?: boolean;
  hidden?: boolean;
}

function wizardButton(name: string, part: string, variant: string, use: (w: WizardContextValue) => ButtonSpec) {
  const Button = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function WizardButton({ asChild, children, onClick, ...props }, ref) {
    const b = use(useWizard(name));
    if (b.hidden) return null;
    const Comp = asChild ? Slot : 'button';
    const off = b.pending || b.blocked;
    return (
      <Comp
        ref={ref}
        type="button"
        data-slot={`mfa-enrollment-wizard-${part}`}
        data-variant={variant}
        data-pending={b.pending || undefined}
        aria-disabled={off || undefined}
        onClick={composeHandlers(onClick, () => (off ? undefined : b.action()))}
        {...props}
      >
        {children ?? b.label}
      </Comp>
    );
  });
  Button.displayName = name;
  return Button;
}

/** Cancels: stops polling, removes the pending enrollment, calls `onCancelled`, back to the choice. */
export const EnrollmentWizardCancel = wizardButton('EnrollmentWizardCancel', 'cancel', 'ghost', (w) => ({ label: w.t('common.cancel'), action: w.cancel, pending: w.cancelling }));

/** "Verify it's you": `onStepUp`, or the token's `stepUp()`. */
export const EnrollmentWizardStepUp = wizardButton('EnrollmentWizardStepUp', 'step-up', 'primary', (w) => ({ label: w.t('wizard.step-up.action'), action: w.stepUp }));

/** Done: calls `onDone` and starts over. */
export const EnrollmentWizardDone = wizardButton('EnrollmentWizardDone', 'done', 'primary', (w) => ({ label: w.t('common.done'), action: w.finish }));

/**
 * Authenticator app / push: "Try again" after a failed start or a rejected push, "Start setup"
 * when the wizard was restarted. Renders nothing otherwise.
 */
export const EnrollmentWizardRetry = wizardButton('EnrollmentWizardRetry', 'retry', 'primary', (w) => {
  const { enroll, factor } = w;
  const failed = enroll.error !== undefined && (!enroll.association || factor === 'push');
  return {
    label: w.t(enroll.error ? 'common.retry' : 'wizard.start'),
    action: w.retry,
    pending: enroll.isMutating,
    hidden: (factor !== 'otp' && factor !== 'push') || enroll.polling || enroll.step === 'starting' || !(failed || (w.manual && !enroll.association)),
  };
});

/** A `<div>` grouping a label and its field. */
export const EnrollmentWizardField = forwardRef<HTMLDivElement, Props<HTMLDivElement>>(function EnrollmentWizardField({ asChild, ...props }, ref) {
  const Comp = asChild ? Slot : 'div';
  return <Comp ref={ref} data-slot="mfa-enrollment-wizard-field" {...props} />;
});

/** A `<div>` holding a step's buttons. */
export const EnrollmentWizardActions = forwardRef<HTMLDivElement, Props<HTMLDivElement>>(function EnrollmentWizardActions({ asChild, ...props }, ref) {
  const Comp = asChild ? Slot : 'div';
  return <Comp ref={ref} data-slot="mfa-enrollment-wizard-actions" {...props} />;
});

/** The recovery-code step: the `RecoveryCode` drop-in for the code this enrollment returned; "I saved it" finishes. */
export function EnrollmentWizardRecoveryCode(): ReactNode {
  const w = useWizard('EnrollmentWizardRecoveryCode');
  const code = w.enroll.recoveryCode;
  return code ? <RecoveryCode code={code} onConfirm={w.enroll.acknowledgeRecoveryCode} headingLevel={Math.min(w.headingLevel, 4) as 2 | 3 | 4} messages={w.messages} /> : null;
}
