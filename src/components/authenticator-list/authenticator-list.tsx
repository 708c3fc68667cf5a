'use client';
import { forwardRef } from 'react';
import { AuthenticatorListItems, AuthenticatorListPendingHeading } from './items.tsx';
import {
  AuthenticatorListAdd,
  AuthenticatorListEmpty,
  AuthenticatorListError,
  AuthenticatorListHeading,
  AuthenticatorListRecoveryCode,
  AuthenticatorListRetry,
  AuthenticatorListStatus,
  AuthenticatorListStepUp,
  AuthenticatorListStepUpNote,
} from './parts.tsx';
import { AuthenticatorListRoot, type AuthenticatorListRootProps } from './root.tsx';

/** Props of the drop-in {@link AuthenticatorList}: the Root's, without `children`. */
export type AuthenticatorListProps = Omit<AuthenticatorListRootProps, 'children' | 'asChild'>;

/**
 * The signed-in user's two-factor methods: one row per method (pairs as one row), unfinished
 * setups apart with Resume / Discard, removal behind a confirmation, loading / empty / error
 * states, "Add method", and "Verify to manage" when the credential is read-only.
 *
 * @example
 * ```tsx
 * <AuthenticatorList onAdd={() => setWizardOpen(true)} onResume={(e) => resume(e)} />
 * ```
 */
export const AuthenticatorList = forwardRef<HTMLElement, AuthenticatorListProps>(function AuthenticatorList(props, ref) {
  return (
    <AuthenticatorListRoot ref={ref} {...props}>
      <AuthenticatorListHeading />
      <AuthenticatorListStatus />
      <AuthenticatorListError />
      <AuthenticatorListRetry />
      <AuthenticatorListEmpty />
      <AuthenticatorListItems />
      <AuthenticatorListRecoveryCode />
      <AuthenticatorListPendingHeading />
      <AuthenticatorListItems group="pending" />
      <AuthenticatorListStepUpNote />
      <AuthenticatorListStepUp />
      <AuthenticatorListAdd />
    </AuthenticatorListRoot>
  );
});
