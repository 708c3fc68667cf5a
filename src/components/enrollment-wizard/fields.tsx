'use client';
import { Children, cloneElement, forwardRef, isValidElement, type FormHTMLAttributes, type HTMLAttributes, type InputHTMLAttributes, type LabelHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { MessageId } from '../../i18n/messages.ts';
import { Slot, composeHandlers } from '../primitives/index.ts';
import { COUNTRIES, button, part, scanned, slotOf, useWizard, type WizardField } from './context.ts';
import { keyed, type EnrollmentWizardButtonProps } from './parts.tsx';

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

const LABELS: Record<WizardField, MessageId> = { code: 'wizard.code.label', phone: 'wizard.phone.label', country: 'wizard.phone.country', email: 'wizard.email.label' };

/** Props of {@link EnrollmentWizardLabel}. */
export interface EnrollmentWizardLabelProps extends LabelHTMLAttributes<HTMLLabelElement> {
  field: WizardField;
  asChild?: boolean;
}

/** The `<label>` of a field, with its default text. */
export const EnrollmentWizardLabel = keyed<WizardField, EnrollmentWizardLabelProps, HTMLLabelElement>('Label', 'field', (w, field) => ({
  as: 'label',
  htmlFor: w.id + field,
  'data-field': field,
  children: w.t(LABELS[field]),
}));

/**
 * The country calling code `<select>` (about 30 common countries, and "Other (type +code)"). With
 * `asChild`, a child without children of its own receives the options.
 */
export const EnrollmentWizardPhoneCountry = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { asChild?: boolean }>(function EnrollmentWizardPhoneCountry({ asChild, children, onChange, ...props }, ref) {
  const w = useWizard('EnrollmentWizardPhoneCountry');
  const options = [...COUNTRIES, ['', w.t('wizard.phone.other')]].map(([iso, cc]) => (
    <option key={iso} value={iso} data-slot="mfa-enrollment-wizard-phone-country-option">
      {iso ? `${iso} +${cc}` : cc}
    </option>
  ));
  const child = asChild ? Children.only(children) : undefined;
  const Comp = asChild ? Slot : 'select';
  return (
    <Comp ref={ref} id={`${w.id}country`} data-slot="mfa-enrollment-wizard-phone-country" value={w.fields.country} onChange={composeHandlers(onChange, (e) => w.set('country', e.currentTarget.value))} {...props}>
      {isValidElement<{ children?: ReactNode }>(child) ? cloneElement(child, undefined, child.props.children ?? options) : (children ?? options)}
    </Comp>
  );
});

/** A controlled `<input>` for a field: id, value, a composed `onChange`, and the error wiring (invalid when the error is about it, described by the error). */
function input(name: string, field: Exclude<WizardField, 'country'>, attrs: InputHTMLAttributes<HTMLInputElement>) {
  return forwardRef<HTMLInputElement, InputProps>(function Input({ asChild, onChange, ...props }, ref) {
    const w = useWizard(`EnrollmentWizard${name}`);
    const Comp = asChild ? Slot : 'input';
    const invalid = w.error?.field === field || undefined;
    return (
      <Comp
        ref={ref}
        id={w.id + field}
        data-slot={slotOf(name)}
        value={w.fields[field]}
        onChange={composeHandlers(onChange, (e) => w.set(field, e.currentTarget.value))}
        aria-invalid={invalid}
        aria-describedby={[field === 'email' && `${w.id}hint`, w.error && `${w.id}error`].filter(Boolean).join(' ') || undefined}
        data-invalid={invalid}
        {...attrs}
        {...props}
      />
    );
  });
}

/** The phone number `<input type="tel">`; kept as typed on any error. */
// Digit groups of a phone number read left to right in every script.
export const EnrollmentWizardPhoneInput = input('PhoneInput', 'phone', { type: 'tel', dir: 'ltr', autoComplete: 'tel' });

/** The email `<input type="email">` (optional: empty means the account's address). */
export const EnrollmentWizardEmailInput = input('EmailInput', 'email', { type: 'email', autoComplete: 'email' });

/** "Leave empty to use your account's email address." A `<p>` describing the email input. */
export const EnrollmentWizardEmailHint = part<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>('EmailHint', (w) => ({ id: `${w.id}hint`, children: w.t('wizard.email.hint') }));

/**
 * The 6-digit code: one input, `inputmode="numeric"`, `autocomplete="one-time-code"`. Keeps digits
 * only, so a pasted "123 456" or "123-456" works; kept on a wrong code; Enter submits.
 */
export const EnrollmentWizardCodeInput = input('CodeInput', 'code', { type: 'text', inputMode: 'numeric', autoComplete: 'one-time-code', pattern: '[0-9]{6}', spellCheck: false });

/** The form's submit button: "Send code" (setup) or "Verify" (confirm). Pending: `aria-disabled` + `data-pending`, keeps focus. */
export const EnrollmentWizardSubmit = part<HTMLButtonElement, EnrollmentWizardButtonProps>('Submit', ({ t, step, enroll }) => ({
  ...button('primary', t(step === 'setup' ? 'wizard.send' : 'wizard.verify'), undefined, enroll.isMutating),
  type: 'submit',
}));

/** "Send a new code" with a live countdown until it is allowed (cooldown or rate limit). */
export const EnrollmentWizardResend = part<HTMLButtonElement, EnrollmentWizardButtonProps>(
  'Resend',
  ({ t, factor, wait, enroll, resend }) =>
    !scanned(factor) && {
      ...button('secondary', wait > 0 ? t('wizard.resend.wait', { seconds: wait }) : t('wizard.resend'), resend, enroll.isMutating, enroll.isMutating || wait > 0),
      'data-state': wait > 0 ? 'waiting' : 'ready',
    },
);
