'use client';
import { Children, cloneElement, forwardRef, isValidElement, useEffect, useState, type FormHTMLAttributes, type HTMLAttributes, type InputHTMLAttributes, type LabelHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { MessageId } from '../../i18n/messages.ts';
import { Slot, composeHandlers } from '../primitives/index.ts';
import { COUNTRIES, useWizard, type WizardContextValue, type WizardError } from './context.ts';
import type { EnrollmentWizardButtonProps } from './parts.tsx';

type Field = 'code' | 'phone' | 'country' | 'email';
type InputProps = InputHTMLAttributes<HTMLInputElement> & { asChild?: boolean };

/** The step's `<form>` (`noValidate`: the wizard checks fields itself). Submitting sends the code (setup) or verifies it (confirm). */
export const EnrollmentWizardForm = forwardRef<HTMLFormElement, FormHTMLAttributes<HTMLFormElement> & { asChild?: boolean }>(function EnrollmentWizardForm({ asChild, onSubmit, ...props }, ref) {
  const w = useWizard('EnrollmentWizardForm');
  const Comp = asChild ? Slot : 'form';
  return (
    <Comp
      ref={ref}
      noValidate
      data-slot="mfa-enrollment-wizard-form"
      onSubmit={composeHandlers(onSubmit, (e) => {
        e.preventDefault();
        w.submit();
      })}
      {...props}
    />
  );
});

const LABELS: Record<Field, MessageId> = { code: 'wizard.code.label', phone: 'wizard.phone.label', country: 'wizard.phone.country', email: 'wizard.email.label' };

/** Props of {@link EnrollmentWizardLabel}. */
export interface EnrollmentWizardLabelProps extends LabelHTMLAttributes<HTMLLabelElement> {
  field: Field;
  asChild?: boolean;
}

/** The `<label>` of a field, with its default text. */
export const EnrollmentWizardLabel = forwardRef<HTMLLabelElement, EnrollmentWizardLabelProps>(function EnrollmentWizardLabel({ field, asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardLabel');
  const Comp = asChild ? Slot : 'label';
  return (
    <Comp ref={ref} htmlFor={w.ids[field]} data-slot="mfa-enrollment-wizard-label" data-field={field} {...props}>
      {children ?? w.t(LABELS[field])}
    </Comp>
  );
});

/** Error wiring for a field: described by the error, invalid when the error is about it. */
const invalidity = (w: WizardContextValue, field: WizardError['field'], extra?: string) => ({
  'aria-invalid': w.error?.field === field || undefined,
  'aria-describedby': [extra, w.error ? w.ids.error : undefined].filter(Boolean).join(' ') || undefined,
  'data-invalid': w.error?.field === field || undefined,
});

/**
 * The country calling code `<select>` (about 30 common countries, and "Other (type +code)"). With
 * `asChild`, a child without children of its own receives the options.
 */
export const EnrollmentWizardPhoneCountry = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { asChild?: boolean }>(function EnrollmentWizardPhoneCountry({ asChild, children, onChange, ...props }, ref) {
  const w = useWizard('EnrollmentWizardPhoneCountry');
  const options = (
    <>
      {COUNTRIES.map(([iso, cc]) => (
        <option key={iso} value={iso} data-slot="mfa-enrollment-wizard-phone-country-option">
          {`${iso} +${cc}`}
        </option>
      ))}
      <option value="" data-slot="mfa-enrollment-wizard-phone-country-option">
        {w.t('wizard.phone.other')}
      </option>
    </>
  );
  const child = asChild ? Children.only(children) : undefined;
  const Comp = asChild ? Slot : 'select';
  return (
    <Comp ref={ref} id={w.ids.country} data-slot="mfa-enrollment-wizard-phone-country" value={w.country} onChange={composeHandlers(onChange, (e) => w.setCountry(e.currentTarget.value))} {...props}>
      {isValidElement<{ children?: ReactNode }>(child) ? cloneElement(child, undefined, child.props.children ?? options) : (children ?? options)}
    </Comp>
  );
});

/** The phone number `<input type="tel">`; kept as typed on any error. */
export const EnrollmentWizardPhoneInput = forwardRef<HTMLInputElement, InputProps>(function EnrollmentWizardPhoneInput({ asChild, onChange, ...props }, ref) {
  const w = useWizard('EnrollmentWizardPhoneInput');
  const Comp = asChild ? Slot : 'input';
  return (
    <Comp
      ref={ref}
      id={w.ids.phone}
      type="tel"
      // Digit groups of a phone number read left to right in every script.
      dir="ltr"
      autoComplete="tel"
      data-slot="mfa-enrollment-wizard-phone-input"
      value={w.phone}
      onChange={composeHandlers(onChange, (e) => w.setPhone(e.currentTarget.value))}
      {...invalidity(w, 'phone')}
      {...props}
    />
  );
});

/** The email `<input type="email">` (optional: empty means the account's address). */
export const EnrollmentWizardEmailInput = forwardRef<HTMLInputElement, InputProps>(function EnrollmentWizardEmailInput({ asChild, onChange, ...props }, ref) {
  const w = useWizard('EnrollmentWizardEmailInput');
  const Comp = asChild ? Slot : 'input';
  return (
    <Comp
      ref={ref}
      id={w.ids.email}
      type="email"
      autoComplete="email"
      data-slot="mfa-enrollment-wizard-email-input"
      value={w.email}
      onChange={composeHandlers(onChange, (e) => w.setEmail(e.currentTarget.value))}
      {...invalidity(w, 'email', w.ids.emailHint)}
      {...props}
    />
  );
});

/** "Leave empty to use your account's email address." A `<p>` describing the email input. */
export const EnrollmentWizardEmailHint = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement> & { asChild?: boolean }>(function EnrollmentWizardEmailHint({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardEmailHint');
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} id={w.ids.emailHint} data-slot="mfa-enrollment-wizard-email-hint" {...props}>
      {children ?? w.t('wizard.email.hint')}
    </Comp>
  );
});

/**
 * The 6-digit code: one input, `inputmode="numeric"`, `autocomplete="one-time-code"`. Keeps digits
 * only, so a pasted "123 456" or "123-456" works; kept on a wrong code; Enter submits.
 */
export const EnrollmentWizardCodeInput = forwardRef<HTMLInputElement, InputProps>(function EnrollmentWizardCodeInput({ asChild, onChange, ...props }, ref) {
  const w = useWizard('EnrollmentWizardCodeInput');
  const Comp = asChild ? Slot : 'input';
  return (
    <Comp
      ref={ref}
      id={w.ids.code}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      spellCheck={false}
      data-slot="mfa-enrollment-wizard-code-input"
      value={w.code}
      onChange={composeHandlers(onChange, (e) => w.setCode(e.currentTarget.value))}
      {...invalidity(w, 'code')}
      {...props}
    />
  );
});

/** The form's submit button: "Send code" (setup) or "Verify" (confirm). Pending: `aria-disabled` + `data-pending`, keeps focus. */
export const EnrollmentWizardSubmit = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardSubmit({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardSubmit');
  const pending = w.enroll.isMutating || undefined;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp ref={ref} type="submit" data-slot="mfa-enrollment-wizard-submit" data-variant="primary" data-pending={pending} aria-disabled={pending} {...props}>
      {children ?? w.t(w.step === 'setup' ? 'wizard.send' : 'wizard.verify')}
    </Comp>
  );
});

/** "Send a new code" with a live countdown until it is allowed (cooldown or rate limit). */
export const EnrollmentWizardResend = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardResend({ asChild, children, onClick, ...props }, ref) {
  const w = useWizard('EnrollmentWizardResend');
  const [, tick] = useState(0);
  const wait = w.resendAt === undefined ? 0 : Math.ceil((w.resendAt - w.now()) / 1000);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [wait > 0]);
  const pending = w.enroll.isMutating || undefined;
  if (w.factor === 'otp' || w.factor === 'push') return null;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      ref={ref}
      type="button"
      data-slot="mfa-enrollment-wizard-resend"
      data-variant="secondary"
      data-state={wait > 0 ? 'waiting' : 'ready'}
      data-pending={pending}
      aria-disabled={pending || wait > 0 || undefined}
      onClick={composeHandlers(onClick, () => (pending || wait > 0 ? undefined : w.resend()))}
      {...props}
    >
      {children ?? (wait > 0 ? w.t('wizard.resend.wait', { seconds: wait }) : w.t('wizard.resend'))}
    </Comp>
  );
});
