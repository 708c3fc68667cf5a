'use client';
import { forwardRef, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type HTMLAttributes, type MutableRefObject, type ReactNode, type RefObject } from 'react';
import useSWR from 'swr';
import type { WireAuthenticator } from '../../core/wire.ts';
import { keys } from '../../hooks/keys.ts';
import { useMfaClient } from '../../hooks/provider.tsx';
import { useEnroll, type EnrollFactor } from '../../hooks/use-enroll.ts';
import { useMfaToken } from '../../hooks/use-mfa-token.ts';
import type { MessageId, Messages } from '../../i18n/messages.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { composeRefs } from '../primitives/index.ts';
import { ALL_FACTORS, WizardContext, cleanCode, defaultCountry, toE164, type WizardContextValue, type WizardError, type WizardStep } from './context.ts';

/** Props of {@link EnrollmentWizardRoot}. */
export interface EnrollmentWizardRootProps extends HTMLAttributes<HTMLDivElement> {
  /** The factors offered, in this order (only those the tenant allows). With one, the choice is skipped. @default all five */
  factors?: readonly EnrollFactor[];
  /** The factor to start with instead of the choice. */
  defaultFactor?: EnrollFactor;
  /** The enrollment was confirmed (before the recovery code step). */
  onEnrolled?: (factor: EnrollFactor) => void;
  /** The user pressed Done on the last step. */
  onDone?: () => void;
  /** The user cancelled (the pending enrollment has been removed where the token allows it). */
  onCancelled?: () => void;
  /** Replaces `useMfaToken().stepUp()` behind "Verify it's you" (e.g. open your StepUp dialog). */
  onStepUp?: () => void;
  /** Push polling interval in ms. @default 5000 */
  pollInterval?: number;
  /** Seconds between code resends. @default 30 */
  resendCooldown?: number;
  /** Message overrides for this wizard. */
  messages?: Partial<Messages>;
  /** Level of the step headings. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

// Reports the step to the Root's element before paint; no server-side warning under React 18.
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;
const GATE_CODES = new Set(['step_up_required', 'already_enrolled', 'insufficient_scope']);
const REPOLL = new Set(['network', 'server_error', 'invalid_response', 'slow_down']);

/**
 * Holds the wizard's state: the chosen factor, a `useEnroll` for it, what the user typed, and
 * the visible error. Renders a `<div>` with `data-step` and `data-factor`; moves focus to the new
 * step's heading whenever the step changes.
 */
export const EnrollmentWizardRoot = forwardRef<HTMLDivElement, EnrollmentWizardRootProps>(function EnrollmentWizardRoot(
  { factors = ALL_FACTORS, defaultFactor, onEnrolled, onDone, onCancelled, onStepUp, pollInterval, resendCooldown, messages, headingLevel, children, ...props },
  ref,
) {
  const single = factors.length === 1 ? factors[0] : undefined;
  // `run` remounts the enrollment (a fresh useEnroll and fresh fields) each time a factor is chosen
  // or the wizard restarts; the Root's own element stays.
  const [state, setState] = useState(() => ({ factor: defaultFactor ?? single, auto: true, run: 0 }));
  const [shown, setShown] = useState<{ step?: WizardStep; busy?: boolean }>({});
  const root = useRef<HTMLDivElement>(null);
  const lastStep = useRef<WizardStep | undefined>(undefined);
  const choose = useCallback((factor: EnrollFactor | undefined, auto = true) => setState((s) => ({ factor, auto, run: s.run + 1 })), []);
  const options = { factors, onEnrolled, onDone, onCancelled, onStepUp, pollInterval, resendCooldown, messages, headingLevel };
  return (
    <div ref={composeRefs(ref, root)} data-slot="mfa-enrollment-wizard" data-step={shown.step} data-factor={state.factor} aria-busy={shown.busy || undefined} {...props}>
      <Enrollment key={state.run} {...options} chosen={state.factor} auto={state.auto} choose={choose} restart={() => choose(single, false)} root={root} lastStep={lastStep} report={setShown}>
        {children}
      </Enrollment>
    </div>
  );
});

interface EnrollmentProps extends Omit<EnrollmentWizardRootProps, keyof HTMLAttributes<HTMLDivElement>> {
  children?: ReactNode;
  factors: readonly EnrollFactor[];
  chosen: EnrollFactor | undefined;
  auto: boolean;
  choose(factor: EnrollFactor | undefined): void;
  restart(): void;
  root: RefObject<HTMLDivElement | null>;
  lastStep: MutableRefObject<WizardStep | undefined>;
  report(shown: { step: WizardStep; busy: boolean }): void;
}

function Enrollment({ factors, chosen, auto, choose, restart, root, lastStep, report, onEnrolled, onDone, onCancelled, onStepUp, pollInterval, resendCooldown, messages, headingLevel = 2, children }: EnrollmentProps): ReactNode {
  const t = useMessages(messages);
  const id = useId();
  const client = useMfaClient();
  const token = useMfaToken();
  const factor = chosen ?? factors[0] ?? 'otp';
  const enroll = useEnroll(factor, { pollInterval, resendCooldown, onEnrolled });
  // A raw mfa_token can enroll only while nothing is active: wait for the list before deciding.
  const { data: list } = useSWR<WireAuthenticator[]>(token.kind === 'mfa-token' ? keys.authenticators : null, null);
  const [code, setCode] = useState('');
  const [country, setCountry] = useState(defaultCountry);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [localError, setLocalError] = useState<WizardError>();
  const [announcement, setAnnouncement] = useState('');
  const [blockedUntil, setBlockedUntil] = useState<number>();
  const [cancelling, setCancelling] = useState(false);
  const started = useRef(false);

  const known = token.status !== 'loading' && (token.kind !== 'mfa-token' || list !== undefined);
  const e = enroll.error;
  // Only before anything was created: once a factor is confirmed, a raw mfa_token "cannot enroll"
  // any more — but the recovery code and the done step must still show.
  const underway = enroll.association !== undefined || enroll.step === 'recovery-code' || enroll.step === 'done';
  const gated = (e !== undefined && GATE_CODES.has(e.code)) || (known && !token.canEnroll && !underway);
  const step: WizardStep = gated
    ? 'step-up'
    : !chosen
      ? 'choose'
      : enroll.step === 'recovery-code' || enroll.step === 'done'
        ? enroll.step
        : factor === 'otp' || factor === 'push' || enroll.association
          ? 'confirm'
          : 'setup';

  // Authenticator app and push have nothing to type first: start as soon as the factor is chosen.
  useEffect(() => {
    if (auto && chosen && (factor === 'otp' || factor === 'push') && known && !gated && !started.current) {
      started.current = true;
      void enroll.start();
    }
  });

  // Stepped up elsewhere (a StepUp dialog): forget the refusal so the flow can go on.
  const couldEnroll = useRef(token.canEnroll);
  useEffect(() => {
    if (token.canEnroll && !couldEnroll.current && e && GATE_CODES.has(e.code)) {
      started.current = false;
      enroll.reset();
    }
    couldEnroll.current = token.canEnroll;
  }, [token.canEnroll, e, enroll]);

  // A rate limit blocks resending until Retry-After has passed.
  useEffect(() => {
    if (e?.code === 'rate_limited') setBlockedUntil(client.now() + (e.retryAfter ?? 60) * 1000);
  }, [e, client]);
  useEffect(() => setBlockedUntil(undefined), [enroll.association]);

  const sentAt = enroll.resendAvailableAt;
  const prevSent = useRef(sentAt);
  useEffect(() => {
    if (prevSent.current !== undefined && sentAt !== undefined && sentAt !== prevSent.current) setAnnouncement(t('wizard.resent'));
    prevSent.current = sentAt;
  }, [sentAt, t]);

  useIsoLayoutEffect(() => report({ step, busy: enroll.isMutating }), [report, step, enroll.isMutating]);

  // Focus the new step's heading (not on first render), so screen readers start reading there.
  useEffect(() => {
    const heading = lastStep.current !== undefined && lastStep.current !== step ? root.current?.querySelector<HTMLElement>('h1,h2,h3,h4,h5,h6') : undefined;
    if (heading) {
      // Also the RecoveryCode drop-in's title, which is not focusable by itself.
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    }
    lastStep.current = step;
  }, [step, lastStep, root]);

  const apiError: WizardError | undefined =
    e && !GATE_CODES.has(e.code)
      ? {
          code: e.code,
          text: t.error(e),
          error: e,
          field: e.code === 'invalid_phone_number' ? 'phone' : e.code === 'invalid_code' || e.code === 'expired_code' ? 'code' : undefined,
        }
      : undefined;

  const value: WizardContextValue = {
    t,
    messages,
    ids: { title: `${id}t`, description: `${id}d`, error: `${id}e`, phone: `${id}p`, country: `${id}c`, email: `${id}m`, emailHint: `${id}h`, code: `${id}o` },
    headingLevel,
    factors,
    factor,
    step,
    enroll,
    error: localError ?? apiError,
    choose,
    code,
    setCode: (v) => {
      setCode(cleanCode(v));
      if (localError?.field === 'code') setLocalError(undefined);
    },
    country,
    setCountry,
    phone,
    setPhone,
    email,
    setEmail,
    submit: () => {
      if (enroll.isMutating) return;
      const invalid = (field: WizardError['field'], text: MessageId) => setLocalError({ code: 'invalid_input', field, text: t(text) });
      setLocalError(undefined);
      if (step === 'confirm') {
        if (code.length !== 6) return invalid('code', 'wizard.code.invalid');
        void enroll.confirm(code);
      } else if (factor === 'email') {
        const address = email.trim();
        if (address && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return invalid('email', 'wizard.email.invalid');
        void enroll.start(address ? { email: address } : {});
      } else {
        const number = toE164(country, phone);
        if (!number) return invalid('phone', 'wizard.phone.invalid');
        void enroll.start({ phoneNumber: number });
      }
    },
    resendAt: Math.max(sentAt ?? 0, blockedUntil ?? 0) || undefined,
    now: client.now,
    resend: () => void enroll.resend(),
    retry: () => {
      setLocalError(undefined);
      // A network hiccup: poll the same push again. A rejected or expired push is spent: discard it, start anew.
      if (enroll.association?.factor !== 'push') void enroll.start(enroll.input);
      else if (e && REPOLL.has(e.code)) enroll.retryPush();
      else void enroll.cancel().then(() => enroll.start());
    },
    cancel: () => {
      if (cancelling) return;
      setCancelling(true);
      void enroll.cancel().finally(() => {
        onCancelled?.();
        if (factors.length > 1) choose(undefined);
        else restart();
      });
    },
    cancelling,
    manual: !auto,
    stepUp: () => (onStepUp ? onStepUp() : void token.stepUp().catch(() => undefined)),
    finish: () => {
      onDone?.();
      if (factors.length > 1) choose(undefined);
      else restart();
    },
    announcement,
    announce: (text) => setAnnouncement(t(text)),
  };

  return <WizardContext.Provider value={value}>{children}</WizardContext.Provider>;
}
