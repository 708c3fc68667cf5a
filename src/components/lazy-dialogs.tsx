'use client';
import { Suspense, lazy, useState, type ReactNode } from 'react';

/**
 * The heavy flows, split out of the first chunk: the enrollment wizard in its dialog, and the
 * step-up (with the recovery code it may show) in its dialog. Each loads the first time it opens.
 */
const fromFlows = <K extends keyof typeof import('./flows.ts')>(name: K) => lazy(() => import('./flows.ts').then((m) => ({ default: m[name] })));
export const LazyEnrollmentDialog = fromFlows('EnrollmentDialog');
export const LazyStepUpDialog = fromFlows('StepUpDialog');

/** Props of {@link OnceOpened}. */
export interface OnceOpenedProps {
  open: boolean;
  /** Shown (as a polite `role="status"`) while the dialog is open and its code is still loading. */
  loading: ReactNode;
  /** `data-slot` of that status. @default 'mfa-settings-loading' */
  slot?: string;
  /** The lazy dialog. */
  children: ReactNode;
}

/**
 * Renders its lazy dialog from the first time `open` is true, and nothing before (on the server
 * too). Once loaded the dialog stays mounted like an eager one, so closing it animates and returns
 * focus as usual. While the code loads focus stays on what opened it; the dialog takes it on mount.
 */
export function OnceOpened({ open, loading, slot = 'mfa-settings-loading', children }: OnceOpenedProps): ReactNode {
  const [opened, setOpened] = useState(open);
  // Adjusting state while rendering (React's documented pattern): no extra commit without the dialog.
  if (open && !opened) setOpened(true);
  if (!open && !opened) return null;
  return (
    <Suspense
      fallback={
        open ? (
          <p role="status" data-slot={slot}>
            {loading}
          </p>
        ) : null
      }
    >
      {children}
    </Suspense>
  );
}
