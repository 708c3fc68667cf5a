'use client';
import { forwardRef, useState, type HTMLAttributes } from 'react';
import type { AuthenticatorEntry } from '../../core/model.ts';
import type { EnrollFactor } from '../../hooks/use-enroll.ts';
import type { Messages } from '../../i18n/messages.ts';
import { defaultsOf } from '../../i18n/defaults.ts';
import { useTranslator } from '../../hooks/use-messages.ts';
import { AuthenticatorList } from '../authenticator-list/index.ts';
import { TokenExpiryNotice } from '../step-up/token-expiry-notice.tsx';
import { LazyEnrollmentDialog, LazyStepUpDialog, OnceOpened } from '../lazy-dialogs.tsx';

/** The section's own texts are the shared ones (loading, close). */
const SHARED = /* @__PURE__ */ defaultsOf({});

/** Props of {@link TwoFactorSettings}. */
export interface TwoFactorSettingsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Factors offered when adding a method. @default all five */
  factors?: readonly EnrollFactor[];
  /** Heading level of the list (dialogs use the next one). @default 2 */
  headingLevel?: 2 | 3 | 4;
  /** Called when a new method is confirmed. */
  onEnrolled?: (factor: EnrollFactor) => void;
  /** Called after a removal. */
  onDeleted?: (entry: AuthenticatorEntry) => void;
  /** Message overrides (on top of the provider's). */
  messages?: Partial<Messages>;
}

/** The factor to enroll again when the user resumes a pending entry. */
const RESUME: Partial<Record<AuthenticatorEntry['kind'], EnrollFactor>> = { otp: 'otp', sms: 'sms', phone: 'sms', voice: 'voice', email: 'email', push: 'push' };

/**
 * A complete "two-factor authentication" section: the authenticator list with add, resume,
 * remove (confirmed) and "verify to manage", the enrollment wizard and the step-up in dialogs, and
 * the notice before the 10-minute token runs out. Built only from the other drop-ins.
 *
 * The list, the delete confirmation and the notice load with it; the enrollment and step-up dialogs
 * load the first time they open (a "Loading…" status shows meanwhile), so they cost nothing upfront.
 *
 * @example
 * ```tsx
 * <MfaProvider domain="…" clientId="…" tokenProvider={provider} accountEmail={user.email}>
 *   <TwoFactorSettings />
 * </MfaProvider>
 * ```
 */
export const TwoFactorSettings = forwardRef<HTMLDivElement, TwoFactorSettingsProps>(function TwoFactorSettings(
  { factors, headingLevel = 2, onEnrolled, onDeleted, messages, ...props },
  ref,
) {
  // `null`: closed; `{}`: choose a factor; `{ factor }`: resume that factor.
  const [enrolling, setEnrolling] = useState<{ factor?: EnrollFactor } | null>(null);
  // A fresh wizard for each opening, but the same dialog while it closes, so Radix can return focus
  // to what opened it (a key that changed on close remounted the dialog and dropped focus).
  const [session, setSession] = useState(0);
  const enroll = (next: { factor?: EnrollFactor }) => {
    setSession((n) => n + 1);
    setEnrolling(next);
  };
  const [steppingUp, setSteppingUp] = useState(false);
  // The enrollment that asked for the step-up, reopened once the user is verified.
  const [resume, setResume] = useState<{ factor?: EnrollFactor } | null>(null);
  const t = useTranslator(SHARED, messages);
  const stepUp = () => {
    setResume(enrolling);
    setEnrolling(null);
    setSteppingUp(true);
  };
  const endStepUp = (open: boolean) => {
    setSteppingUp(open);
    if (!open) setResume(null);
  };
  return (
    <div ref={ref} data-slot="mfa-settings" {...props}>
      <TokenExpiryNotice messages={messages} />
      <AuthenticatorList
        headingLevel={headingLevel}
        messages={messages}
        onAdd={() => enroll({})}
        onResume={(entry) => enroll({ factor: RESUME[entry.kind] })}
        onStepUp={stepUp}
        onDeleted={onDeleted}
      />
      <OnceOpened open={enrolling !== null} loading={t('common.loading')}>
        <LazyEnrollmentDialog
          // A fresh wizard each time it opens, on the resumed factor if any.
          key={session}
          open={enrolling !== null}
          onOpenChange={(open) => !open && setEnrolling(null)}
          factors={factors}
          defaultFactor={enrolling?.factor}
          headingLevel={(headingLevel + 1) as 3 | 4 | 5}
          onEnrolled={onEnrolled}
          onStepUp={stepUp}
          messages={messages}
        />
      </OnceOpened>
      <OnceOpened open={steppingUp} loading={t('common.loading')}>
        <LazyStepUpDialog
          open={steppingUp}
          onOpenChange={endStepUp}
          onVerified={() => {
            if (resume) enroll(resume);
            endStepUp(false);
          }}
          messages={messages}
        />
      </OnceOpened>
    </div>
  );
});
