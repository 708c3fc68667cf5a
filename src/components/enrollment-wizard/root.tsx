'use client';
import { forwardRef, useEffect, useId, useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import useSWR from 'swr';
import type { WireAuthenticator } from '../../core/wire.ts';
import { keys } from '../../hooks/keys.ts';
import { useMfaClient } from '../../hooks/provider.tsx';
import { useEnroll, type EnrollFactor } from '../../hooks/use-enroll.ts';
import { useMfaToken } from '../../hooks/use-mfa-token.ts';
import type { MessageId, Messages } from '../../i18n/messages.ts';
import { useTranslator } from '../../hooks/use-messages.ts';
import { defaults } from '../../i18n/components/enrollment-wizard.ts';
import { composeRefs } from '../primitives/index.ts';
import { ALL_FACTORS, WizardContext, defaultCountry, scanned, toE164, type WizardContextValue, type WizardError, type WizardField, type WizardStep } from './context.ts';

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

// The Root's own props; the others go to its <div>.
const OWN = 'factors defaultFactor onEnrolled onDone onCancelled onStepUp pollInterval resendCooldown messages headingLevel children'.split(' ');
// Reports the step to the Root's element before paint; no server-side warning under React 18.
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;
const GATE_CODES = ['step_up_required', 'already_enrolled', 'insufficient_scope'];
const REPOLL = ['network', 'server_error', 'invalid_response', 'slow_down'];
const FIELD_OF: Record<string, WizardField> = { invalid_phone_number: 'phone', invalid_code: 'code', expired_code: 'code' };

interface Run {
  /** The chosen factor; `undefined`: the choice. */
  factor: EnrollFactor | undefined;
  /** Authenticator app and push start by themselves (not after a restart with one factor). */
  auto: boolean;
  run: number;
}

/**
 * Holds the wizard's state: the chosen factor, a `useEnroll` for it, what the user typed, and
 * the visible error. Renders a `<div>` with `data-step` and `data-factor`; moves focus to the new
 * step's heading whenever the step changes.
 */
export const EnrollmentWizardRoot = forwardRef<HTMLDivElement, EnrollmentWizardRootProps>(function EnrollmentWizardRoot(props, ref) {
  const factors = props.factors ?? ALL_FACTORS;
  const single = factors.length === 1 ? factors[0] : undefined;
  // `run` remounts the enrollment (a fresh useEnroll and fresh fields) each time a factor is chosen
  // or the wizard restarts; the Root's own element stays.
  const [run, setRun] = useState<Run>(() => ({ factor: props.defaultFactor ?? single, auto: true, run: 0 }));
  const [shown, setShown] = useState<{ step?: WizardStep; busy?: boolean }>({});
  const root = useRef<HTMLDivElement>(null);
  const lastStep = useRef<WizardStep>(undefined);
  // A factor: a fresh enrollment of it. None: back to the choice, or with one factor a fresh start
  // that waits for "Start setup".
  const choose = (factor?: EnrollFactor) => setRun((s) => ({ factor: factor ?? single, auto: !!factor || !single, run: s.run + 1 }));

  // Focus the new step's heading (not on first render), so screen readers start reading there.
  useEffect(() => {
    const heading = lastStep.current && lastStep.current !== shown.step ? root.current?.querySelector<HTMLElement>('h1,h2,h3,h4,h5,h6') : undefined;
    if (heading) {
      // Also the RecoveryCode drop-in's title, which is not focusable by itself.
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    }
    lastStep.current = shown.step;
  }, [shown.step]);

  const div: Record<string, unknown> = { ...props };
  for (const key of OWN) delete div[key];
  return (
    <div ref={composeRefs(ref, root)} data-slot="mfa-enrollment-wizard" data-step={shown.step} data-factor={run.factor} aria-busy={shown.busy || undefined} {...div}>
      <Enrollment key={run.run} root={props} factors={factors} state={run} choose={choose} report={setShown} />
    </div>
  );
});

interface EnrollmentProps {
  root: EnrollmentWizardRootProps;
  factors: readonly EnrollFactor[];
  state: Run;
  choose(factor?: EnrollFactor): void;
  report(shown: { step: WizardStep; busy: boolean }): void;
}

function Enrollment({ root: p, factors, state: { factor: chosen, auto }, choose, report }: EnrollmentProps): ReactNode {
  const t = useTranslator(defaults, p.messages);
  const id = useId();
  const client = useMfaClient();
  const token = useMfaToken();
  const factor = chosen ?? factors[0] ?? 'otp';
  const enroll = useEnroll(factor, p);
  // A raw mfa_token can enroll only while nothing is active: wait for the list before deciding.
  const { data: list } = useSWR<WireAuthenticator[]>(token.kind === 'mfa-token' ? keys.authenticators : null, null);
  const [fields, setFields] = useState(() => ({ code: '', phone: '', email: '', country: defaultCountry() }));
  const [localError, setLocalError] = useState<WizardError>();
  const [said, setSaid] = useState<MessageId>();
  const [blockedUntil, setBlockedUntil] = useState(0);
  const [cancelling, setCancelling] = useState(false);
  const [, tick] = useState(0);
  const started = useRef(false);

  const known = token.status !== 'loading' && (token.kind !== 'mfa-token' || list !== undefined);
  const e = enroll.error;
  const refused = e && GATE_CODES.includes(e.code);
  // Only before anything was created: once a factor is confirmed, a raw mfa_token "cannot enroll"
  // any more — but the recovery code and the done step must still show.
  const underway = enroll.association || enroll.step === 'recovery-code' || enroll.step === 'done';
  const gated = refused || (known && !token.canEnroll && !underway);
  const step: WizardStep = gated
    ? 'step-up'
    : !chosen
      ? 'choose'
      : enroll.step === 'recovery-code' || enroll.step === 'done'
        ? enroll.step
        : scanned(factor) || enroll.association
          ? 'confirm'
          : 'setup';

  // Authenticator app and push have nothing to type first: start as soon as the factor is chosen.
  useEffect(() => {
    if (auto && chosen && scanned(factor) && known && !gated && !started.current) {
      started.current = true;
      void enroll.start();
    }
  });

  // Stepped up elsewhere (a StepUp dialog): forget the refusal so the flow can go on. Runs when
  // `canEnroll` changes (so `true` here means it just became true; the mount finds no refusal yet).
  useEffect(() => {
    if (token.canEnroll && refused) {
      started.current = false;
      enroll.reset();
    }
  }, [token.canEnroll]);

  // A rate limit blocks resending until Retry-After has passed.
  useEffect(() => {
    if (e?.code === 'rate_limited') setBlockedUntil(client.now() + (e.retryAfter ?? 60) * 1000);
  }, [e]);
  useEffect(() => setBlockedUntil(0), [enroll.association]);

  const sentAt = enroll.resendAvailableAt;
  const prevSent = useRef(sentAt);
  useEffect(() => {
    if (prevSent.current !== undefined && sentAt !== undefined && sentAt !== prevSent.current) setSaid('wizard.resent');
    prevSent.current = sentAt;
  }, [sentAt]);

  // The resend countdown: render every second while it runs (on the client's clock).
  const wait = Math.max(0, Math.ceil((Math.max(sentAt ?? 0, blockedUntil) - client.now()) / 1000));
  useEffect(() => {
    if (!wait) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [!wait]);

  useIsoLayoutEffect(() => report({ step, busy: enroll.isMutating }), [report, step, enroll.isMutating]);

  const invalid = (field: WizardField, text: MessageId) => setLocalError({ code: 'invalid_input', field, text: t(text) });

  const value: WizardContextValue = {
    t,
    messages: p.messages,
    id,
    headingLevel: p.headingLevel ?? 2,
    factors,
    factor,
    step,
    enroll,
    error: localError ?? (e && !refused ? { code: e.code, text: t.error(e), field: FIELD_OF[e.code] } : undefined),
    choose,
    fields,
    set: (field, typed) => {
      // The code keeps digits only, at most six: what a pasted "123 456" or "123-456" becomes.
      const v = field === 'code' ? typed.replace(/\D/g, '').slice(0, 6) : typed;
      setFields((f) => ({ ...f, [field]: v }));
      if (field === 'code' && localError?.field === 'code') setLocalError(undefined);
    },
    submit: () => {
      if (enroll.isMutating) return;
      setLocalError(undefined);
      if (step === 'confirm') {
        if (fields.code.length !== 6) return invalid('code', 'wizard.code.invalid');
        void enroll.confirm(fields.code);
      } else if (factor === 'email') {
        const address = fields.email.trim();
        if (address && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return invalid('email', 'wizard.email.invalid');
        void enroll.start(address ? { email: address } : {});
      } else {
        const number = toE164(fields.country, fields.phone);
        if (!number) return invalid('phone', 'wizard.phone.invalid');
        void enroll.start({ phoneNumber: number });
      }
    },
    wait,
    resend: () => void enroll.resend(),
    retry: () => {
      setLocalError(undefined);
      // A network hiccup: poll the same push again. A rejected or expired push is spent: discard it, start anew.
      if (enroll.association?.factor !== 'push') void enroll.start(enroll.input);
      else if (e && REPOLL.includes(e.code)) enroll.retryPush();
      else void enroll.cancel().then(() => enroll.start());
    },
    cancel: () => {
      if (cancelling) return;
      setCancelling(true);
      void enroll.cancel().finally(() => {
        p.onCancelled?.();
        choose();
      });
    },
    cancelling,
    manual: !auto,
    stepUp: () => (p.onStepUp ? p.onStepUp() : void token.stepUp().catch(() => undefined)),
    finish: () => {
      p.onDone?.();
      choose();
    },
    said,
    announce: setSaid,
  };

  return <WizardContext.Provider value={value}>{p.children}</WizardContext.Provider>;
}
