'use client';
import { cloneElement, forwardRef, isValidElement, useEffect, useState, type ReactNode, type SVGAttributes } from 'react';
import type { EnrollFactor } from '../../hooks/use-enroll.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { RecoveryCode } from '../recovery-code/index.ts';
import { Primitive, buttonAttrs, composeHandlers, withDefault, type PartProps } from '../primitives/index.ts';
import { COUNTRIES, formatPhone, scanned, useWizard, type WizardContextValue, type WizardField, type WizardStep } from './context.ts';

// Every part of the wizard, in one module: the headings and buttons, then the form fields, then
// the QR code and the setup key. (One module rather than three: each costs its own imports.)
// Each part renders one element, slotted `mfa-enrollment-wizard-<name in kebab case>`; the user's
// props win, and the user's handler runs first (the part's unless it called `preventDefault()`).

/** Props of the wizard's buttons. */
export type EnrollmentWizardButtonProps = PartProps<'button'>;

/** A wizard button's own attributes: `aria-disabled` (so it keeps focus) and no action while pending or `off`. */
const buttonOf = (variant: 'primary' | 'secondary' | 'ghost', action?: () => unknown, pending?: boolean, off = pending) => ({
  ...buttonAttrs(variant, off),
  'data-pending': pending || undefined,
  onClick: () => {
    if (!off) action?.();
  },
});

const has = <T,>(value: T | readonly T[] | undefined, x: T) => value === undefined || (Array.isArray(value) ? value.includes(x) : value === x);

/** Props of {@link EnrollmentWizardStep}. */
export interface EnrollmentWizardStepProps extends PartProps<'div'> {
  /** The step(s) this content belongs to. */
  step: WizardStep | readonly WizardStep[];
  /** Only for these factor(s). @default any */
  factor?: EnrollFactor | readonly EnrollFactor[];
  /** `true`: only once the enrollment has started (QR shown, code sent); `false`: only before. @default either */
  started?: boolean;
}

/** A `<div>` rendered only while the wizard is at `step` (and `factor`). */
export const EnrollmentWizardStep = forwardRef<HTMLDivElement, EnrollmentWizardStepProps>(function EnrollmentWizardStep({ step, factor, started, ...props }, ref) {
  const w = useWizard('EnrollmentWizardStep');
  const begun = !!w.enroll.association;
  if (!has(step, w.step) || !has(factor, w.factor) || (started ?? begun) !== begun) return null;
  return <Primitive.div ref={ref} data-slot="mfa-enrollment-wizard-step" data-step={w.step} data-factor={w.factor} {...props} />;
});

const titleId = ({ step, factor }: WizardContextValue): MessageId =>
  step === 'step-up' || step === 'choose' || step === 'done' ? `wizard.${step}.title` : step === 'confirm' && !scanned(factor) ? 'wizard.title.code' : `wizard.title.${factor}`;

/** The step's heading (`h2` by default, `tabIndex=-1`: focus moves here when the step changes). */
export const EnrollmentWizardTitle = forwardRef<HTMLHeadingElement, PartProps<'h2'>>(function EnrollmentWizardTitle({ children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardTitle');
  const Heading = Primitive[`h${w.headingLevel}`];
  return (
    <Heading ref={ref} data-slot="mfa-enrollment-wizard-title" id={`${w.id}title`} tabIndex={-1} {...props}>
      {withDefault(children, w.t(titleId(w)), props.asChild)}
    </Heading>
  );
});

function description({ t, factor, step, enroll }: WizardContextValue): string {
  if (step === 'step-up' || step === 'choose') return t(`wizard.${step}.description`);
  if (step === 'done') return t('wizard.done.description', { factor: t(`factor.${factor}`) });
  if (scanned(factor)) return t(`wizard.${factor}.instructions`);
  if (step === 'setup') return t(factor === 'email' ? 'wizard.email.instructions' : `wizard.phone.instructions.${factor}`);
  const to = factor === 'email' ? enroll.input.email : enroll.input.phoneNumber;
  return to ? t(`wizard.sent.${factor}`, { to: factor === 'email' ? to : formatPhone(to) }) : t('wizard.sent.account-email');
}

/** What to do on this step ("Code sent to +1 555 010 4242", "Scan the QR code…"). A `<p>`. */
export const EnrollmentWizardDescription = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function EnrollmentWizardDescription({ children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardDescription');
  return (
    <Primitive.p ref={ref} data-slot="mfa-enrollment-wizard-description" id={`${w.id}description`} {...props}>
      {withDefault(children, description(w), props.asChild)}
    </Primitive.p>
  );
});

/** The factor choice: a `role="group"` labelled by the title. Default children: an option per offered factor. */
export const EnrollmentWizardFactorPicker = forwardRef<HTMLDivElement, PartProps<'div'>>(function EnrollmentWizardFactorPicker({ children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardFactorPicker');
  return (
    <Primitive.div ref={ref} data-slot="mfa-enrollment-wizard-factor-picker" role="group" aria-labelledby={`${w.id}title`} {...props}>
      {withDefault(children, w.factors.map((f) => <EnrollmentWizardFactorOption key={f} factor={f} />), props.asChild)}
    </Primitive.div>
  );
});

/** Props of {@link EnrollmentWizardFactorOption}. */
export interface EnrollmentWizardFactorOptionProps extends EnrollmentWizardButtonProps {
  factor: EnrollFactor;
}

/** A button choosing one factor: its name and a one-line description. */
export const EnrollmentWizardFactorOption = forwardRef<HTMLButtonElement, EnrollmentWizardFactorOptionProps>(function EnrollmentWizardFactorOption({ factor, children, onClick, ...props }, ref) {
  const w = useWizard('EnrollmentWizardFactorOption');
  const text = (
    <>
      <span data-slot="mfa-enrollment-wizard-factor-name">{w.t(`factor.${factor}`)}</span>
      <span data-slot="mfa-enrollment-wizard-factor-description">{w.t(`wizard.describe.${factor}`)}</span>
    </>
  );
  return (
    <Primitive.button ref={ref} data-slot="mfa-enrollment-wizard-factor-option" type="button" data-factor={factor} {...props} onClick={composeHandlers(onClick, () => w.choose(factor))}>
      {withDefault(children, text, props.asChild)}
    </Primitive.button>
  );
});

/** The current error (`role="alert"`, `data-code`), from the API or a field check; nothing without one. */
export const EnrollmentWizardError = forwardRef<HTMLDivElement, PartProps<'div'>>(function EnrollmentWizardError({ children, ...props }, ref) {
  const { id, error } = useWizard('EnrollmentWizardError');
  if (!error) return null;
  return (
    <Primitive.div ref={ref} data-slot="mfa-enrollment-wizard-error" role="alert" id={`${id}error`} data-tone="error" data-code={error.code} {...props}>
      {withDefault(children, error.text, props.asChild)}
    </Primitive.div>
  );
});

/** A visually hidden `role="status"` that announces "Copied" and "A new code is on its way". */
export const EnrollmentWizardAnnouncer = forwardRef<HTMLDivElement, PartProps<'div'>>(function EnrollmentWizardAnnouncer({ children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardAnnouncer');
  return (
    <Primitive.div ref={ref} data-slot="mfa-enrollment-wizard-announcer" role="status" data-visually-hidden="" {...props}>
      {withDefault(children, w.said && w.t(w.said), props.asChild)}
    </Primitive.div>
  );
});

/** Cancels: stops polling, removes the pending enrollment, calls `onCancelled`, back to the choice. */
export const EnrollmentWizardCancel = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardCancel({ children, onClick, ...props }, ref) {
  const w = useWizard('EnrollmentWizardCancel');
  const own = buttonOf('ghost', w.cancel, w.cancelling);
  return (
    <Primitive.button ref={ref} data-slot="mfa-enrollment-wizard-cancel" {...own} {...props} onClick={composeHandlers(onClick, own.onClick)}>
      {withDefault(children, w.t('common.cancel'), props.asChild)}
    </Primitive.button>
  );
});

/** "Verify it's you": `onStepUp`, or the token's `stepUp()`. */
export const EnrollmentWizardStepUp = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardStepUp({ children, onClick, ...props }, ref) {
  const w = useWizard('EnrollmentWizardStepUp');
  const own = buttonOf('primary', w.stepUp);
  return (
    <Primitive.button ref={ref} data-slot="mfa-enrollment-wizard-step-up" {...own} {...props} onClick={composeHandlers(onClick, own.onClick)}>
      {withDefault(children, w.t('wizard.step-up.action'), props.asChild)}
    </Primitive.button>
  );
});

/** Done: calls `onDone` and starts over. */
export const EnrollmentWizardDone = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardDone({ children, onClick, ...props }, ref) {
  const w = useWizard('EnrollmentWizardDone');
  const own = buttonOf('primary', w.finish);
  return (
    <Primitive.button ref={ref} data-slot="mfa-enrollment-wizard-done" {...own} {...props} onClick={composeHandlers(onClick, own.onClick)}>
      {withDefault(children, w.t('common.done'), props.asChild)}
    </Primitive.button>
  );
});

/**
 * Authenticator app / push: "Try again" after a failed start or a rejected push, "Start setup"
 * when the wizard was restarted. Renders nothing otherwise.
 */
export const EnrollmentWizardRetry = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardRetry({ children, onClick, ...props }, ref) {
  const { enroll, factor, manual, t, retry } = useWizard('EnrollmentWizardRetry');
  const failed = enroll.error && (!enroll.association || factor === 'push');
  if (!scanned(factor) || enroll.polling || enroll.step === 'starting' || !(failed || (manual && !enroll.association))) return null;
  const own = buttonOf('primary', retry, enroll.isMutating);
  return (
    <Primitive.button ref={ref} data-slot="mfa-enrollment-wizard-retry" {...own} {...props} onClick={composeHandlers(onClick, own.onClick)}>
      {withDefault(children, t(enroll.error ? 'common.retry' : 'wizard.start'), props.asChild)}
    </Primitive.button>
  );
});

/** A `<div>` grouping a label and its field. */
export const EnrollmentWizardField = forwardRef<HTMLDivElement, PartProps<'div'>>(function EnrollmentWizardField(props, ref) {
  useWizard('EnrollmentWizardField');
  return <Primitive.div ref={ref} data-slot="mfa-enrollment-wizard-field" {...props} />;
});

/** A `<div>` holding a step's buttons. */
export const EnrollmentWizardActions = forwardRef<HTMLDivElement, PartProps<'div'>>(function EnrollmentWizardActions(props, ref) {
  useWizard('EnrollmentWizardActions');
  return <Primitive.div ref={ref} data-slot="mfa-enrollment-wizard-actions" {...props} />;
});

/** The recovery-code step: the `RecoveryCode` drop-in for the code this enrollment returned; "I saved it" finishes. */
export function EnrollmentWizardRecoveryCode(): ReactNode {
  const w = useWizard('EnrollmentWizardRecoveryCode');
  const code = w.enroll.recoveryCode;
  return code ? <RecoveryCode code={code} onConfirm={w.enroll.acknowledgeRecoveryCode} headingLevel={Math.min(w.headingLevel, 4) as 2 | 3 | 4} messages={w.messages} /> : null;
}

// Form fields.

/** The step's `<form>` (`noValidate`: the wizard checks fields itself). Submitting sends the code (setup) or verifies it (confirm). */
export const EnrollmentWizardForm = forwardRef<HTMLFormElement, PartProps<'form'>>(function EnrollmentWizardForm({ onSubmit, ...props }, ref) {
  const w = useWizard('EnrollmentWizardForm');
  return (
    <Primitive.form
      ref={ref}
      data-slot="mfa-enrollment-wizard-form"
      noValidate
      {...props}
      onSubmit={composeHandlers(onSubmit, (e) => {
        e.preventDefault();
        w.submit();
      })}
    />
  );
});

/** Props of {@link EnrollmentWizardLabel}. */
export interface EnrollmentWizardLabelProps extends PartProps<'label'> {
  field: WizardField;
}

/** The `<label>` of a field, with its default text. */
export const EnrollmentWizardLabel = forwardRef<HTMLLabelElement, EnrollmentWizardLabelProps>(function EnrollmentWizardLabel({ field, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardLabel');
  return (
    <Primitive.label ref={ref} data-slot="mfa-enrollment-wizard-label" htmlFor={w.id + field} data-field={field} {...props}>
      {withDefault(children, w.t(field === 'country' ? 'wizard.phone.country' : `wizard.${field}.label`), props.asChild)}
    </Primitive.label>
  );
});

/**
 * The country calling code `<select>` (about 30 common countries, and "Other (type +code)"). With
 * `asChild`, a child without children of its own receives the options.
 */
export const EnrollmentWizardPhoneCountry = forwardRef<HTMLSelectElement, PartProps<'select'>>(function EnrollmentWizardPhoneCountry({ children, onChange, ...props }, ref) {
  const w = useWizard('EnrollmentWizardPhoneCountry');
  const options = [...COUNTRIES, ['', w.t('wizard.phone.other')]].map(([iso, cc]) => (
    <option key={iso} value={iso} data-slot="mfa-enrollment-wizard-phone-country-option">
      {iso ? `${iso} +${cc}` : cc}
    </option>
  ));
  return (
    <Primitive.select
      ref={ref}
      data-slot="mfa-enrollment-wizard-phone-country"
      id={`${w.id}country`}
      value={w.fields.country}
      {...props}
      onChange={composeHandlers(onChange, (e) => w.set('country', e.currentTarget.value))}
    >
      {withDefault(children, options, props.asChild)}
    </Primitive.select>
  );
});

type TextField = Exclude<WizardField, 'country'>;

/** A controlled `<input>` for a field: id, value, `onChange`, and the error wiring (invalid when the error is about it, described by the error). */
function useFieldInput(part: string, field: TextField) {
  const w = useWizard(part);
  const invalid = w.error?.field === field || undefined;
  return {
    id: w.id + field,
    value: w.fields[field],
    set: (value: string) => w.set(field, value),
    'aria-invalid': invalid,
    'aria-describedby': [field === 'email' && `${w.id}hint`, w.error && `${w.id}error`].filter(Boolean).join(' ') || undefined,
    'data-invalid': invalid,
  };
}

// `dir="ltr"`: the digit groups of a phone number read left to right in every script.
/** The phone number `<input type="tel">`; kept as typed on any error. */
export const EnrollmentWizardPhoneInput = forwardRef<HTMLInputElement, PartProps<'input'>>(function EnrollmentWizardPhoneInput({ onChange, ...props }, ref) {
  const { set, ...field } = useFieldInput('EnrollmentWizardPhoneInput', 'phone');
  return <Primitive.input ref={ref} data-slot="mfa-enrollment-wizard-phone-input" type="tel" dir="ltr" autoComplete="tel" {...field} {...props} onChange={composeHandlers(onChange, (e) => set(e.currentTarget.value))} />;
});

/** The email `<input type="email">` (optional: empty means the account's address). */
export const EnrollmentWizardEmailInput = forwardRef<HTMLInputElement, PartProps<'input'>>(function EnrollmentWizardEmailInput({ onChange, ...props }, ref) {
  const { set, ...field } = useFieldInput('EnrollmentWizardEmailInput', 'email');
  return <Primitive.input ref={ref} data-slot="mfa-enrollment-wizard-email-input" type="email" autoComplete="email" {...field} {...props} onChange={composeHandlers(onChange, (e) => set(e.currentTarget.value))} />;
});

/** "Leave empty to use your account's email address." A `<p>` describing the email input. */
export const EnrollmentWizardEmailHint = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function EnrollmentWizardEmailHint({ children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardEmailHint');
  return (
    <Primitive.p ref={ref} data-slot="mfa-enrollment-wizard-email-hint" id={`${w.id}hint`} {...props}>
      {withDefault(children, w.t('wizard.email.hint'), props.asChild)}
    </Primitive.p>
  );
});

/**
 * The 6-digit code: one input, `inputmode="numeric"`, `autocomplete="one-time-code"`. Keeps digits
 * only, so a pasted "123 456" or "123-456" works; kept on a wrong code; Enter submits.
 */
export const EnrollmentWizardCodeInput = forwardRef<HTMLInputElement, PartProps<'input'>>(function EnrollmentWizardCodeInput({ onChange, ...props }, ref) {
  const { set, ...field } = useFieldInput('EnrollmentWizardCodeInput', 'code');
  return (
    <Primitive.input
      ref={ref}
      data-slot="mfa-enrollment-wizard-code-input"
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      spellCheck={false}
      {...field}
      {...props}
      onChange={composeHandlers(onChange, (e) => set(e.currentTarget.value))}
    />
  );
});

/** The form's submit button: "Send code" (setup) or "Verify" (confirm). Pending: `aria-disabled` + `data-pending`, keeps focus. */
export const EnrollmentWizardSubmit = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardSubmit({ children, onClick, ...props }, ref) {
  const { t, step, enroll } = useWizard('EnrollmentWizardSubmit');
  const own = buttonOf('primary', undefined, enroll.isMutating);
  return (
    <Primitive.button ref={ref} data-slot="mfa-enrollment-wizard-submit" {...own} type="submit" {...props} onClick={composeHandlers(onClick, own.onClick)}>
      {withDefault(children, t(step === 'setup' ? 'wizard.send' : 'wizard.verify'), props.asChild)}
    </Primitive.button>
  );
});

/** "Send a new code" with a live countdown until it is allowed (cooldown or rate limit). */
export const EnrollmentWizardResend = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardResend({ children, onClick, ...props }, ref) {
  const { t, factor, wait, enroll, resend } = useWizard('EnrollmentWizardResend');
  if (scanned(factor)) return null;
  const own = buttonOf('secondary', resend, enroll.isMutating, enroll.isMutating || wait > 0);
  return (
    <Primitive.button ref={ref} data-slot="mfa-enrollment-wizard-resend" {...own} data-state={wait > 0 ? 'waiting' : 'ready'} {...props} onClick={composeHandlers(onClick, own.onClick)}>
      {withDefault(children, wait > 0 ? t('wizard.resend.wait', { seconds: wait }) : t('wizard.resend'), props.asChild)}
    </Primitive.button>
  );
});

// Authenticator app and push: the QR code, the setup key, the push status.

// The encoder is loaded once, the first time a QR code is shown: it is not in the first bundle.
let encoder: Promise<typeof import('./qr-encode.ts')> | undefined;

const uriOf = ({ enroll: { association: a } }: WizardContextValue) => (a && 'barcodeUri' in a ? a.barcodeUri : undefined);
/** The authenticator app's secret, once there is one. */
const secretOf = ({ enroll: { association: a } }: WizardContextValue) => (a?.factor === 'otp' ? a.secret : undefined);

/** Props of {@link EnrollmentWizardQrCode}. */
export interface EnrollmentWizardQrCodeProps extends SVGAttributes<SVGSVGElement> {
  /** Rendered size in CSS pixels (the theme sets it with CSS too). @default 200 */
  size?: number;
}

/**
 * The QR code of the `otpauth://` URI (authenticator app) or the Guardian enrollment (push): one
 * SVG `<path>` on white, `role="img"` with a label. A same-size placeholder shows while the
 * encoder loads (`data-state="loading"`).
 */
export const EnrollmentWizardQrCode = forwardRef<SVGSVGElement, EnrollmentWizardQrCodeProps>(function EnrollmentWizardQrCode({ size = 200, ...props }, ref) {
  const w = useWizard('EnrollmentWizardQrCode');
  const uri = uriOf(w);
  const [qr, setQr] = useState<{ uri: string; size: number; d: string } | 'error'>();
  useEffect(() => {
    if (!uri) return;
    let live = true;
    (encoder ??= import('./qr-encode.ts'))
      .then((m) => live && setQr({ uri, ...m.qrPath(uri) }))
      .catch(() => live && setQr('error'));
    return () => {
      live = false;
    };
  }, [uri]);
  if (!uri && w.enroll.step !== 'starting') return null;
  const ready = qr && qr !== 'error' && qr.uri === uri ? qr : undefined;
  const state = ready ? 'ready' : qr === 'error' ? 'error' : 'loading';
  const n = ready?.size ?? 1;
  return (
    <svg
      ref={ref}
      role="img"
      // Not loading: there is (or was) this enrollment's QR code, so the factor is otp or push.
      aria-label={w.t(`wizard.qr.${state === 'loading' ? state : (w.factor as 'otp' | 'push')}`)}
      width={size}
      height={size}
      viewBox={`0 0 ${n} ${n}`}
      shapeRendering="crispEdges"
      data-slot="mfa-enrollment-wizard-qr-code"
      data-state={state}
      {...props}
    >
      <rect width={n} height={n} fill="#fff" data-slot="mfa-enrollment-wizard-qr-background" />
      {ready && <path d={ready.d} fill="#000" data-slot="mfa-enrollment-wizard-qr-modules" />}
    </svg>
  );
});

/** "Setup key": the label of the secret, a `<span>`. */
export const EnrollmentWizardSecretLabel = forwardRef<HTMLSpanElement, PartProps<'span'>>(function EnrollmentWizardSecretLabel({ children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardSecretLabel');
  return (
    <Primitive.span ref={ref} data-slot="mfa-enrollment-wizard-secret-label" {...props}>
      {withDefault(children, w.t('wizard.secret.label'), props.asChild)}
    </Primitive.span>
  );
});

/** The authenticator app's secret in groups of four, for typing by hand. A `<code>` (never logged). */
export const EnrollmentWizardSecret = forwardRef<HTMLElement, PartProps<'code'>>(function EnrollmentWizardSecret({ children, ...props }, ref) {
  const secret = secretOf(useWizard('EnrollmentWizardSecret'));
  if (!secret) return null;
  return (
    <Primitive.code ref={ref} data-slot="mfa-enrollment-wizard-secret" {...props}>
      {withDefault(children, secret.replace(/(.{4})(?=.)/g, '$1 '), props.asChild)}
    </Primitive.code>
  );
});

/** Copies the secret (without spaces) and announces "Copied"; `data-state="copied"` afterwards. */
export const EnrollmentWizardCopy = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardCopy({ children, onClick, ...props }, ref) {
  const w = useWizard('EnrollmentWizardCopy');
  const secret = secretOf(w);
  if (!secret) return null;
  // Only the authenticator app has a secret, and "Copied" is the only thing said while it shows.
  const copied = w.said === 'common.copied';
  const own = buttonOf('secondary', () =>
    navigator.clipboard?.writeText(secret).then(
      () => w.announce('common.copied'),
      () => undefined,
    ),
  );
  return (
    <Primitive.button ref={ref} data-slot="mfa-enrollment-wizard-copy" {...own} data-state={copied ? 'copied' : undefined} {...props} onClick={composeHandlers(onClick, own.onClick)}>
      {withDefault(children, w.t(copied ? 'common.copied' : 'wizard.secret.copy'), props.asChild)}
    </Primitive.button>
  );
});

/** "Open in authenticator app": an `<a>` to the `otpauth://` URI, for setting up on this device. */
export const EnrollmentWizardOpenApp = forwardRef<HTMLAnchorElement, PartProps<'a'>>(function EnrollmentWizardOpenApp({ children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardOpenApp');
  const uri = uriOf(w);
  if (!uri || w.factor !== 'otp') return null;
  return (
    <Primitive.a ref={ref} data-slot="mfa-enrollment-wizard-open-app" href={uri} data-variant="secondary" {...props}>
      {withDefault(children, w.t('wizard.open-app'), props.asChild)}
    </Primitive.a>
  );
});

// The live region must exist before its text does, so the element is always rendered; only its content toggles.
/**
 * Push: "Waiting for approval on your phone…" while polling, in a `role="status"` that stays mounted.
 * With `asChild` the child stays mounted too, and its content (or the default text) shows only while waiting.
 */
export const EnrollmentWizardPushStatus = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function EnrollmentWizardPushStatus({ children, asChild, ...props }, ref) {
  const { enroll, t } = useWizard('EnrollmentWizardPushStatus');
  const content = withDefault(children, t('wizard.push.waiting'), asChild);
  return (
    <Primitive.p ref={ref} data-slot="mfa-enrollment-wizard-push-status" role="status" data-state={enroll.polling ? 'waiting' : 'idle'} asChild={asChild} {...props}>
      {enroll.polling ? content : asChild && isValidElement(content) ? cloneElement(content, undefined, null) : null}
    </Primitive.p>
  );
});
