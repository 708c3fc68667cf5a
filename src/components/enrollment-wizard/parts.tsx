'use client';
import {
  forwardRef,
  useEffect,
  useState,
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type SVGAttributes,
  type ChangeEvent,
  type SyntheticEvent,
} from 'react';
import type { EnrollFactor } from '../../hooks/use-enroll.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { RecoveryCode } from '../recovery-code/index.ts';
import { buttonSpec, partsOf, type PartProps } from '../primitives/index.ts';
import { COUNTRIES, formatPhone, scanned, useWizard, type WizardContextValue, type WizardField, type WizardStep } from './context.ts';

// Every part of the wizard, in one module: the headings and buttons, then the form fields, then
// the QR code and the setup key. (One module rather than three: each costs its own imports.)

/** `EnrollmentWizard<name>`, slotted `mfa-enrollment-wizard-<name in kebab case>`. */
const part = partsOf('EnrollmentWizard', useWizard);

/** Props of the wizard's buttons. */
export type EnrollmentWizardButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { asChild?: boolean };

/** A button's spec: `aria-disabled` (so it keeps focus) and no action while pending or `off`. */
const button = (variant: 'primary' | 'secondary' | 'ghost', children: string, action?: () => unknown, pending?: boolean, off = pending) => ({
  ...buttonSpec(variant, off),
  'data-pending': pending || undefined,
  onClick: () => off || action?.(),
  children,
});

const has = <T,>(value: T | readonly T[] | undefined, x: T) => value === undefined || (Array.isArray(value) ? value.includes(x) : value === x);

/** Props of {@link EnrollmentWizardStep}. */
export interface EnrollmentWizardStepProps extends PartProps<HTMLDivElement> {
  /** The step(s) this content belongs to. */
  step: WizardStep | readonly WizardStep[];
  /** Only for these factor(s). @default any */
  factor?: EnrollFactor | readonly EnrollFactor[];
  /** `true`: only once the enrollment has started (QR shown, code sent); `false`: only before. @default either */
  started?: boolean;
}

/** A `<div>` rendered only while the wizard is at `step` (and `factor`). */
export const EnrollmentWizardStep = part<HTMLDivElement, EnrollmentWizardStepProps>(
  'Step',
  (w, { step, factor, started }) => {
    const begun = !!w.enroll.association;
    return has(step, w.step) && has(factor, w.factor) && (started ?? begun) === begun && { as: 'div', 'data-step': w.step, 'data-factor': w.factor };
  },
  ['step', 'factor', 'started'],
);

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
export const EnrollmentWizardFactorOption = part<HTMLButtonElement, EnrollmentWizardFactorOptionProps>(
  'FactorOption',
  (w, { factor }) => ({
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
  }),
  ['factor'],
);

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

// Form fields.

/** The step's `<form>` (`noValidate`: the wizard checks fields itself). Submitting sends the code (setup) or verifies it (confirm). */
export const EnrollmentWizardForm = part<HTMLFormElement, FormHTMLAttributes<HTMLFormElement> & { asChild?: boolean }>('Form', (w) => ({
  as: 'form',
  noValidate: true,
  onSubmit: (e: SyntheticEvent) => {
    e.preventDefault();
    w.submit();
  },
}));


/** Props of {@link EnrollmentWizardLabel}. */
export interface EnrollmentWizardLabelProps extends LabelHTMLAttributes<HTMLLabelElement> {
  field: WizardField;
  asChild?: boolean;
}

/** The `<label>` of a field, with its default text. */
export const EnrollmentWizardLabel = part<HTMLLabelElement, EnrollmentWizardLabelProps>('Label', (w, { field }) => ({ as: 'label', htmlFor: w.id + field, 'data-field': field, children: w.t(field === 'country' ? 'wizard.phone.country' : `wizard.${field}.label`) }), ['field']);

/**
 * The country calling code `<select>` (about 30 common countries, and "Other (type +code)"). With
 * `asChild`, a child without children of its own receives the options.
 */
export const EnrollmentWizardPhoneCountry = part<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { asChild?: boolean }>('PhoneCountry', (w) => ({
  as: 'select',
  id: `${w.id}country`,
  value: w.fields.country,
  onChange: (e: ChangeEvent<HTMLSelectElement>) => w.set('country', e.currentTarget.value),
  children: (own: ReactNode) =>
    own ??
    [...COUNTRIES, ['', w.t('wizard.phone.other')]].map(([iso, cc]) => (
      <option key={iso} value={iso} data-slot="mfa-enrollment-wizard-phone-country-option">
        {iso ? `${iso} +${cc}` : cc}
      </option>
    )),
}));

/** A controlled `<input>` for a field: id, value, a composed `onChange`, and the error wiring (invalid when the error is about it, described by the error). */
const input = (name: string, field: Exclude<WizardField, 'country'>, attrs: Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'dir' | 'autoComplete' | 'inputMode' | 'pattern' | 'spellCheck'>) =>
  part<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { asChild?: boolean }>(name, (w) => {
    const invalid = w.error?.field === field || undefined;
    return {
      as: 'input',
      ...attrs,
      id: w.id + field,
      value: w.fields[field],
      onChange: (e: ChangeEvent<HTMLInputElement>) => w.set(field, e.currentTarget.value),
      'aria-invalid': invalid,
      'aria-describedby': [field === 'email' && `${w.id}hint`, w.error && `${w.id}error`].filter(Boolean).join(' ') || undefined,
      'data-invalid': invalid,
    };
  });

// `dir="ltr"`: the digit groups of a phone number read left to right in every script.
/** The phone number `<input type="tel">`; kept as typed on any error. */
export const EnrollmentWizardPhoneInput = input('PhoneInput', 'phone', { type: 'tel', dir: 'ltr', autoComplete: 'tel' });

/** The email `<input type="email">` (optional: empty means the account's address). */
export const EnrollmentWizardEmailInput = input('EmailInput', 'email', { type: 'email', autoComplete: 'email' });

/** "Leave empty to use your account's email address." A `<p>` describing the email input. */
export const EnrollmentWizardEmailHint = part<HTMLParagraphElement>('EmailHint', (w) => ({ id: `${w.id}hint`, children: w.t('wizard.email.hint') }));

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
export const EnrollmentWizardSecretLabel = part<HTMLSpanElement>('SecretLabel', (w) => ({ as: 'span', children: w.t('wizard.secret.label') }));

/** The authenticator app's secret in groups of four, for typing by hand. A `<code>` (never logged). */
export const EnrollmentWizardSecret = part<HTMLElement>('Secret', (w) => {
  const secret = secretOf(w);
  return secret && { as: 'code', children: secret.replace(/(.{4})(?=.)/g, '$1 ') };
});

/** Copies the secret (without spaces) and announces "Copied"; `data-state="copied"` afterwards. */
export const EnrollmentWizardCopy = part<HTMLButtonElement, EnrollmentWizardButtonProps>('Copy', (w) => {
  const secret = secretOf(w);
  // Only the authenticator app has a secret, and "Copied" is the only thing said while it shows.
  const copied = w.said === 'common.copied';
  return (
    secret && {
      ...button(
        'secondary',
        w.t(copied ? 'common.copied' : 'wizard.secret.copy'),
        () =>
          navigator.clipboard?.writeText(secret).then(
            () => w.announce('common.copied'),
            () => undefined,
          ),
      ),
      'data-state': copied ? 'copied' : undefined,
    }
  );
});

/** "Open in authenticator app": an `<a>` to the `otpauth://` URI, for setting up on this device. */
export const EnrollmentWizardOpenApp = part<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>('OpenApp', (w) => {
  const uri = uriOf(w);
  return uri && w.factor === 'otp' && { as: 'a', href: uri, 'data-variant': 'secondary', children: w.t('wizard.open-app') };
});

// The live region must exist before its text does, so the element is always rendered; only its content toggles.
/**
 * Push: "Waiting for approval on your phone…" while polling, in a `role="status"` that stays mounted.
 * With `asChild` the child stays mounted too, and its content (or the default text) shows only while waiting.
 */
export const EnrollmentWizardPushStatus = part<HTMLParagraphElement>('PushStatus', ({ enroll, t }) => ({
  role: 'status',
  'data-state': enroll.polling ? 'waiting' : 'idle',
  children: (own: ReactNode) => (enroll.polling ? (own ?? t('wizard.push.waiting')) : null),
}));
