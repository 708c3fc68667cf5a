'use client';
import { forwardRef, type ButtonHTMLAttributes, type HTMLAttributes, type ReactNode } from 'react';
import type { EnrollFactor } from '../../hooks/use-enroll.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { RecoveryCode } from '../recovery-code/index.ts';
import type { PartSpec } from '../primitives/index.ts';
import { button, formatPhone, part, scanned, useWizard, type WizardContextValue, type WizardPart, type WizardStep } from './context.ts';

type Props<E> = HTMLAttributes<E> & { asChild?: boolean };
/** Props of the wizard's buttons. */
export type EnrollmentWizardButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { asChild?: boolean };

const has = <T,>(value: T | readonly T[] | undefined, x: T) => value === undefined || (Array.isArray(value) ? value.includes(x) : value === x);

/**
 * A part whose spec also depends on one of its own props (`key`, not passed on to the element):
 * one part per value, made on first use.
 */
export function keyed<K extends string, P, E extends HTMLElement>(name: string, key: string, spec: (w: WizardContextValue, value: K) => PartSpec) {
  const parts: Partial<Record<K, WizardPart<P, E>>> = {};
  return forwardRef<E, Record<string, unknown>>(function Keyed({ [key]: value, ...props }, ref) {
    const Part = (parts[value as K] ??= part<E, P>(name, (w) => spec(w, value as K))) as WizardPart<Record<string, unknown>, E>;
    return <Part ref={ref} {...props} />;
  }) as unknown as WizardPart<P, E>;
}

/** Props of {@link EnrollmentWizardStep}. */
export interface EnrollmentWizardStepProps extends Props<HTMLDivElement> {
  /** The step(s) this content belongs to. */
  step: WizardStep | readonly WizardStep[];
  /** Only for these factor(s). @default any */
  factor?: EnrollFactor | readonly EnrollFactor[];
  /** `true`: only once the enrollment has started (QR shown, code sent); `false`: only before. @default either */
  started?: boolean;
}

const StepContent = part<HTMLDivElement>('Step', (w) => ({ as: 'div', 'data-step': w.step, 'data-factor': w.factor }));

/** A `<div>` rendered only while the wizard is at `step` (and `factor`). */
export const EnrollmentWizardStep = forwardRef<HTMLDivElement, EnrollmentWizardStepProps>(function EnrollmentWizardStep({ step, factor, started, ...props }, ref) {
  const w = useWizard('EnrollmentWizardStep');
  const begun = !!w.enroll.association;
  return has(step, w.step) && has(factor, w.factor) && (started ?? begun) === begun ? <StepContent ref={ref} {...props} /> : null;
});

const titleId = ({ step, factor }: WizardContextValue): MessageId =>
  step === 'step-up' || step === 'choose' || step === 'done' ? `wizard.${step}.title` : step === 'confirm' && !scanned(factor) ? 'wizard.title.code' : `wizard.title.${factor}`;

/** The step's heading (`h2` by default, `tabIndex=-1`: focus moves here when the step changes). */
export const EnrollmentWizardTitle = part<HTMLHeadingElement>('Title', (w) => ({ as: `h${w.headingLevel}`, id: `${w.id}title`, tabIndex: -1, children: w.t(titleId(w)) }));

function description({ t, factor, step, enroll }: WizardContextValue): string {
  if (step === 'step-up' || step === 'choose') return t(`wizard.${step}.description`);
  if (step === 'done') return t('wizard.done.description', { factor: t(`factor.${factor}`) });
  if (scanned(factor)) return t(`wizard.${factor}.instructions`);
  if (step === 'setup') return t(factor === 'email' ? 'wizard.email.instructions' : `wizard.phone.instructions.${factor}`);
  const to = factor === 'email' ? enroll.input.email : enroll.input.phoneNumber;
  return to ? t(`wizard.sent.${factor}`, { to: factor === 'email' ? to : formatPhone(to) }) : t('wizard.sent.account-email');
}

/** What to do on this step ("Code sent to +1 555 010 4242", "Scan the QR code…"). A `<p>`. */
export const EnrollmentWizardDescription = part<HTMLParagraphElement>('Description', (w) => ({ id: `${w.id}description`, children: description(w) }));

/** The factor choice: a `role="group"` labelled by the title. Default children: an option per offered factor. */
export const EnrollmentWizardFactorPicker = part<HTMLDivElement>('FactorPicker', (w) => ({
  as: 'div',
  role: 'group',
  'aria-labelledby': `${w.id}title`,
  children: w.factors.map((f) => <EnrollmentWizardFactorOption key={f} factor={f} />),
}));

/** Props of {@link EnrollmentWizardFactorOption}. */
export interface EnrollmentWizardFactorOptionProps extends EnrollmentWizardButtonProps {
  factor: EnrollFactor;
}

/** A button choosing one factor: its name and a one-line description. */
export const EnrollmentWizardFactorOption = keyed<EnrollFactor, EnrollmentWizardFactorOptionProps, HTMLButtonElement>('FactorOption', 'factor', (w, factor) => ({
  as: 'button',
  type: 'button',
  'data-factor': factor,
  onClick: () => w.choose(factor),
  children: (
    <>
      <span data-slot="mfa-enrollment-wizard-factor-name">{w.t(`factor.${factor}`)}</span>
      <span data-slot="mfa-enrollment-wizard-factor-description">{w.t(`wizard.describe.${factor}`)}</span>
    </>
  ),
}));

/** The current error (`role="alert"`, `data-code`), from the API or a field check; nothing without one. */
export const EnrollmentWizardError = part<HTMLDivElement>('Error', ({ id, error }) => error && { as: 'div', role: 'alert', id: `${id}error`, 'data-tone': 'error', 'data-code': error.code, children: error.text });

/** A visually hidden `role="status"` that announces "Copied" and "A new code is on its way". */
export const EnrollmentWizardAnnouncer = part<HTMLDivElement>('Announcer', (w) => ({ as: 'div', role: 'status', 'data-visually-hidden': '', children: w.said && w.t(w.said) }));

/** Cancels: stops polling, removes the pending enrollment, calls `onCancelled`, back to the choice. */
export const EnrollmentWizardCancel = part<HTMLButtonElement, EnrollmentWizardButtonProps>('Cancel', (w) => button('ghost', w.t('common.cancel'), w.cancel, w.cancelling));

/** "Verify it's you": `onStepUp`, or the token's `stepUp()`. */
export const EnrollmentWizardStepUp = part<HTMLButtonElement, EnrollmentWizardButtonProps>('StepUp', (w) => button('primary', w.t('wizard.step-up.action'), w.stepUp));

/** Done: calls `onDone` and starts over. */
export const EnrollmentWizardDone = part<HTMLButtonElement, EnrollmentWizardButtonProps>('Done', (w) => button('primary', w.t('common.done'), w.finish));

/**
 * Authenticator app / push: "Try again" after a failed start or a rejected push, "Start setup"
 * when the wizard was restarted. Renders nothing otherwise.
 */
export const EnrollmentWizardRetry = part<HTMLButtonElement, EnrollmentWizardButtonProps>('Retry', ({ enroll, factor, manual, t, retry }) => {
  const failed = enroll.error && (!enroll.association || factor === 'push');
  return (
    scanned(factor) &&
    !enroll.polling &&
    enroll.step !== 'starting' &&
    (failed || (manual && !enroll.association)) &&
    button('primary', t(enroll.error ? 'common.retry' : 'wizard.start'), retry, enroll.isMutating)
  );
});

/** A `<div>` grouping a label and its field. */
export const EnrollmentWizardField = part<HTMLDivElement>('Field', () => ({ as: 'div' }));

/** A `<div>` holding a step's buttons. */
export const EnrollmentWizardActions = part<HTMLDivElement>('Actions', () => ({ as: 'div' }));

/** The recovery-code step: the `RecoveryCode` drop-in for the code this enrollment returned; "I saved it" finishes. */
export function EnrollmentWizardRecoveryCode(): ReactNode {
  const w = useWizard('EnrollmentWizardRecoveryCode');
  const code = w.enroll.recoveryCode;
  return code ? <RecoveryCode code={code} onConfirm={w.enroll.acknowledgeRecoveryCode} headingLevel={Math.min(w.headingLevel, 4) as 2 | 3 | 4} messages={w.messages} /> : null;
}
