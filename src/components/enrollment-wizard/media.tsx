'use client';
import { Children, cloneElement, forwardRef, isValidElement, useEffect, useState, type AnchorHTMLAttributes, type HTMLAttributes, type ReactNode, type SVGAttributes } from 'react';
import { Slot } from '../primitives/index.ts';
import { button, part, useWizard, type WizardContextValue } from './context.ts';
import type { EnrollmentWizardButtonProps } from './parts.tsx';

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
      aria-label={w.t(state === 'loading' ? 'wizard.qr.loading' : w.factor === 'push' ? 'wizard.qr.push' : 'wizard.qr.otp')}
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

/**
 * Push: "Waiting for approval on your phone…" while polling, in a `role="status"` that stays mounted.
 * With `asChild` the child stays mounted too, and its content (or the default text) shows only while waiting.
 */
export const EnrollmentWizardPushStatus = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement> & { asChild?: boolean }>(function EnrollmentWizardPushStatus({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardPushStatus');
  const waiting = w.enroll.polling;
  const content = (own: ReactNode) => (waiting ? (own ?? w.t('wizard.push.waiting')) : null);
  // The live region must exist before its text does, so the child is always rendered; only its content toggles.
  const child = asChild ? Children.only(children) : undefined;
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} role="status" data-slot="mfa-enrollment-wizard-push-status" data-state={waiting ? 'waiting' : 'idle'} {...props}>
      {isValidElement<{ children?: ReactNode }>(child) ? cloneElement(child, undefined, content(child.props.children)) : content(children)}
    </Comp>
  );
});
