'use client';
import {
  forwardRef,
  useEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactNode,
  type RefObject,
} from 'react';
import type { MfaError } from '../../core/errors.ts';
import { useMfaClient } from '../../hooks/provider.tsx';
import { useMfaToken } from '../../hooks/use-mfa-token.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { useTranslator } from '../../hooks/use-messages.ts';
import { defaults } from '../../i18n/components/step-up.ts';
import { Primitive, buttonAttrs, composeHandlers, composeRefs, createPartContext, withDefault, type PartProps } from '../primitives/index.ts';
import { LazyStepUpDialog, OnceOpened } from '../lazy-dialogs.tsx';
import type { StepUpDialogProps } from './step-up.tsx';

/** `hidden`, `expiring` (counting down), `ended`, `renewing` (after the user acted), `renewed` (briefly). */
export type TokenExpiryNoticeState = 'hidden' | 'expiring' | 'ended' | 'renewing' | 'renewed';

interface NoticeContextValue {
  t: Translator;
  state: TokenExpiryNoticeState;
  /** Seconds left. */
  seconds: number;
  /** What the action does: verify (popup / redirect / ROPG challenge), or renew silently. */
  verify: boolean;
  error: MfaError | undefined;
  act(): void;
  /**
   * The props of the dialog that answers a ROPG challenge. `returnFocusFallback` is the notice's own
   * element (focusable, out of the tab order): where focus goes when the action button goes away.
   */
  dialog: StepUpDialogProps & { open: boolean; returnFocusFallback: RefObject<HTMLDivElement | null> };
}

const [Context, useNotice] = createPartContext<NoticeContextValue>('TokenExpiryNoticeRoot');

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** Props of {@link TokenExpiryNoticeRoot}. */
export interface TokenExpiryNoticeRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Show the notice this many ms before the MFA token expires (when silent renewal has not happened). @default 60000 */
  warnBefore?: number;
  messages?: Partial<Messages>;
  asChild?: boolean;
}

/**
 * Watches the MFA token and shows an inline banner before it runs out where renewal needs the
 * user. It is always mounted (an empty live region while hidden) and never touches siblings, so a
 * half-finished step keeps what the user typed.
 */
export const TokenExpiryNoticeRoot = forwardRef<HTMLDivElement, TokenExpiryNoticeRootProps>(function TokenExpiryNoticeRoot({ warnBefore, messages, ...props }, ref) {
  const t = useTranslator(defaults, messages);
  const token = useMfaToken({ warnBefore });
  const provider = useMfaClient().tokenProvider;
  const [, setTick] = useState(0);
  const [acting, setActing] = useState(false);
  const [renewed, setRenewed] = useState(false);
  const [error, setError] = useState<MfaError>();
  const [dialogOpen, setDialogOpen] = useState(false);
  const wasReady = useRef(false);
  const rootRef = useRef<HTMLDivElement | null>(null);
  if (token.status === 'ready') wasReady.current = true;

  const needsUser = wasReady.current && (token.status === 'interaction-required' || token.status === 'step-up-required');
  const left = token.timeLeft ?? 0;
  const state: TokenExpiryNoticeState = acting ? 'renewing' : needsUser || token.expiringSoon ? (left > 0 ? 'expiring' : 'ended') : renewed ? 'renewed' : 'hidden';
  const counting = state === 'expiring' || state === 'ended' || state === 'renewing';

  // The countdown ticks only while it is on screen.
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [counting]);

  const verified = () => {
    setError(undefined);
    setRenewed(true);
    // "Renewed" shows briefly (setting state after an unmount is a no-op).
    setTimeout(() => setRenewed(false), 5000);
    // The action button is about to go: keep keyboard focus on the banner instead of the page body.
    // Focus inside the challenge dialog is handled when it closes (`returnFocusFallback`).
    const root = rootRef.current;
    const active = document.activeElement;
    if (!active || active === document.body || (active !== root && root?.contains(active))) root?.focus();
  };
  const value: NoticeContextValue = {
    t,
    state,
    seconds: Math.ceil(left / 1000),
    verify: needsUser,
    error,
    dialog: { open: dialogOpen, onOpenChange: setDialogOpen, onVerified: verified, returnFocusFallback: rootRef, messages },
    act: () => {
      if (acting) return;
      // ROPG: the renewal already opened a challenge; answer it in a dialog.
      if (needsUser && token.challenge) return setDialogOpen(true);
      setActing(true);
      setError(undefined);
      // `stepUp` rejects with an MfaError; `renew` reports through the provider's state.
      (needsUser ? token.stepUp() : token.renew())
        .then(() => {
          const s = provider?.getState?.();
          if (s?.challenge) setDialogOpen(true);
          else if (s?.status === 'ready') verified();
          else if (s?.error) setError(s.error);
        }, setError)
        .finally(() => setActing(false));
    },
  };

  return (
    <Context.Provider value={value}>
      <NoticeElement ref={ref} {...props} />
    </Context.Provider>
  );
});

/** The notice's element: focusable but not in the tab order (see `verified`). */
const NoticeElement = forwardRef<HTMLDivElement, PartProps<'div'>>(function TokenExpiryNotice(props, ref) {
  const { state, dialog } = useNotice('TokenExpiryNotice');
  return (
    <Primitive.div
      data-slot="mfa-token-expiry-notice"
      tabIndex={-1}
      data-state={state}
      data-tone={state === 'hidden' ? undefined : state === 'renewed' ? 'success' : 'warning'}
      {...props}
      ref={composeRefs(ref, dialog.returnFocusFallback)}
    />
  );
});

/**
 * "Your session for managing two-factor authentication ends in 0:45": a polite live region. The
 * visible countdown ticks every second; what screen readers hear changes only every 15 seconds.
 */
export const TokenExpiryNoticeMessage = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function TokenExpiryNoticeMessage({ children, ...props }, ref) {
  const { t, state, seconds, error } = useNotice('TokenExpiryNoticeMessage');
  const text = error ? (
    error.code === 'aborted' ? (
      t('stepup.popup_closed')
    ) : error.code === 'interaction_required' && state !== 'ended' ? (
      t('stepup.popup_blocked')
    ) : (
      t.error(error)
    )
  ) : state === 'expiring' ? (
    <>
      <span aria-hidden="true" data-slot="mfa-token-expiry-notice-countdown">
        {t('expiry.ends_in', { time: clock(seconds) })}
      </span>
      <span data-slot="mfa-token-expiry-notice-announcement" data-visually-hidden="">
        {t('expiry.ends_in', { time: clock(Math.ceil(seconds / 15) * 15) })}
      </span>
    </>
  ) : (
    state !== 'hidden' && t(`expiry.${state}`)
  );
  return (
    <Primitive.p ref={ref} data-slot="mfa-token-expiry-notice-message" role="status" aria-atomic="true" {...props}>
      {withDefault(children, text || null, props.asChild)}
    </Primitive.p>
  );
});

/** "Stay signed in" (renew) or "Verify it's you" (popup / redirect / ROPG challenge), from the click. Pending keeps focus. */
export const TokenExpiryNoticeAction = forwardRef<HTMLButtonElement, PartProps<'button'>>(function TokenExpiryNoticeAction({ children, onClick, ...props }, ref) {
  const { t, state, verify, act } = useNotice('TokenExpiryNoticeAction');
  if (state === 'hidden' || state === 'renewed') return null;
  const pending = state === 'renewing';
  return (
    <Primitive.button
      ref={ref}
      data-slot="mfa-token-expiry-notice-action"
      {...buttonAttrs('primary', pending)}
      data-pending={pending || undefined}
      {...props}
      onClick={composeHandlers(onClick, act)}
    >
      {withDefault(children, t(verify ? 'expiry.verify' : 'expiry.stay'), props.asChild)}
    </Primitive.button>
  );
});

/**
 * The ROPG challenge of a renewal, answered in a `StepUpDialog`. Renders
 * nothing until the action needs it; the dialog's code loads then (a "Loading…" status meanwhile).
 */
export function TokenExpiryNoticeStepUp(): ReactNode {
  const { t, dialog } = useNotice('TokenExpiryNoticeStepUp');
  // Verifying removes the action button that opened the dialog, so focus comes back to the notice.
  return (
    <OnceOpened open={dialog.open} loading={t('common.loading')} slot="mfa-token-expiry-notice-loading">
      <LazyStepUpDialog {...dialog} />
    </OnceOpened>
  );
}

/** Props of {@link TokenExpiryNotice}. */
export type TokenExpiryNoticeProps = Pick<TokenExpiryNoticeRootProps, 'warnBefore' | 'messages'>;

/**
 * An inline banner that appears before the 10-minute MFA token runs out when renewing it needs the
 * user, with a countdown and one action. Put it above the kit's components; it never resets them.
 *
 * @example
 * ```tsx
 * <TokenExpiryNotice />
 * <EnrollmentWizard />
 * ```
 */
export function TokenExpiryNotice(props: TokenExpiryNoticeProps): ReactNode {
  return (
    <TokenExpiryNoticeRoot {...props}>
      <TokenExpiryNoticeMessage />
      <TokenExpiryNoticeAction />
      <TokenExpiryNoticeStepUp />
    </TokenExpiryNoticeRoot>
  );
}
