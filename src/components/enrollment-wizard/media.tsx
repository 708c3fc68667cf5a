'use client';
import { Children, cloneElement, forwardRef, isValidElement, useEffect, useState, type AnchorHTMLAttributes, type HTMLAttributes, type ReactNode, type SVGAttributes } from 'react';
import { Slot, composeHandlers } from '../primitives/index.ts';
import { useWizard } from './context.ts';
import type { EnrollmentWizardButtonProps } from './parts.tsx';

// The encoder is loaded once, the first time a QR code is shown: it is not in the first bundle.
let encoder: Promise<typeof import('./qr-encode.ts')> | undefined;
const loadEncoder = () => (encoder ??= import('./qr-encode.ts'));

const uriOf = (w: ReturnType<typeof useWizard>) => {
  const a = w.enroll.association;
  return a && 'barcodeUri' in a ? a.barcodeUri : undefined;
};

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
    loadEncoder()
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
export const EnrollmentWizardSecretLabel = forwardRef<HTMLSpanElement, HTMLAttributes<HTMLSpanElement> & { asChild?: boolean }>(function EnrollmentWizardSecretLabel({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardSecretLabel');
  const Comp = asChild ? Slot : 'span';
  return (
    <Comp ref={ref} data-slot="mfa-enrollment-wizard-secret-label" {...props}>
      {children ?? w.t('wizard.secret.label')}
    </Comp>
  );
});

/** The authenticator app's secret in groups of four, for typing by hand. A `<code>` (never logged). */
export const EnrollmentWizardSecret = forwardRef<HTMLElement, HTMLAttributes<HTMLElement> & { asChild?: boolean }>(function EnrollmentWizardSecret({ asChild, ...props }, ref) {
  const w = useWizard('EnrollmentWizardSecret');
  const a = w.enroll.association;
  if (a?.factor !== 'otp') return null;
  const Comp = asChild ? Slot : 'code';
  return (
    <Comp ref={ref} data-slot="mfa-enrollment-wizard-secret" {...props}>
      {a.secret.replace(/(.{4})(?=.)/g, '$1 ')}
    </Comp>
  );
});

/** Copies the secret (without spaces) and announces "Copied"; `data-state="copied"` afterwards. */
export const EnrollmentWizardCopy = forwardRef<HTMLButtonElement, EnrollmentWizardButtonProps>(function EnrollmentWizardCopy({ asChild, children, onClick, ...props }, ref) {
  const w = useWizard('EnrollmentWizardCopy');
  const [copied, setCopied] = useState(false);
  const a = w.enroll.association;
  if (a?.factor !== 'otp') return null;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      ref={ref}
      type="button"
      data-slot="mfa-enrollment-wizard-copy"
      data-variant="secondary"
      data-state={copied ? 'copied' : undefined}
      onClick={composeHandlers(onClick, () =>
        navigator.clipboard?.writeText(a.secret).then(
          () => (setCopied(true), w.announce('common.copied')),
          () => undefined,
        ),
      )}
      {...props}
    >
      {children ?? w.t(copied ? 'common.copied' : 'wizard.secret.copy')}
    </Comp>
  );
});

/** "Open in authenticator app": an `<a>` to the `otpauth://` URI, for setting up on this device. */
export const EnrollmentWizardOpenApp = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement> & { asChild?: boolean }>(function EnrollmentWizardOpenApp({ asChild, children, ...props }, ref) {
  const w = useWizard('EnrollmentWizardOpenApp');
  const uri = uriOf(w);
  if (!uri || w.factor !== 'otp') return null;
  const Comp = asChild ? Slot : 'a';
  return (
    <Comp ref={ref} href={uri} data-slot="mfa-enrollment-wizard-open-app" data-variant="secondary" {...props}>
      {children ?? w.t('wizard.open-app')}
    </Comp>
  );
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
