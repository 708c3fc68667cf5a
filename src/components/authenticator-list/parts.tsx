'use client';
import { forwardRef, useEffect } from 'react';
import { createPart, type PartProps } from '../primitives/part.tsx';
import { composeRefs, Slot } from '../primitives/index.ts';
import { useListContext, type ListContextValue } from './root.tsx';

const part = <E extends HTMLElement>(name: string, spec: Parameters<typeof createPart<ListContextValue, E>>[2]) => createPart<ListContextValue, E>(name, useListContext, spec);

/**
 * The list's title ("Two-factor authentication"), `h2` by default (`headingLevel` on the Root).
 * Focusable by script (`tabIndex={-1}`): focus lands here when a removal leaves no row to go to.
 */
export const AuthenticatorListHeading = forwardRef<HTMLHeadingElement, PartProps<HTMLHeadingElement>>(function AuthenticatorListHeading({ asChild, children, ...props }, ref) {
  const c = useListContext('AuthenticatorListHeading');
  const { setLabelled } = c;
  // The Root is labelled by the heading only while one is rendered (no dangling aria-labelledby).
  useEffect(() => {
    setLabelled(true);
    return () => setLabelled(false);
  }, [setLabelled]);
  const Comp = asChild ? Slot : (`h${c.level}` as const);
  return (
    <Comp ref={composeRefs(ref, c.headingRef)} id={c.headingId} tabIndex={-1} data-slot="mfa-authenticator-list-heading" {...props}>
      {children ?? c.t('list.title')}
    </Comp>
  );
});

/** A live region (`p`, `role="status"`): "Loading your two-factor methods…" while loading, "… removed." after a removal. Always rendered. */
export const AuthenticatorListStatus = part<HTMLParagraphElement>('AuthenticatorListStatus', (c) => ({
  role: 'status',
  'data-slot': 'mfa-authenticator-list-status',
  'data-state': c.state,
  children: c.state === 'loading' ? c.t('list.loading') : c.announcement,
}));

/** The load failure (`p`, `role="alert"`, `data-code` = its code). Rendered only on error; rows already shown stay. */
export const AuthenticatorListError = part<HTMLParagraphElement>('AuthenticatorListError', (c) =>
  c.error && { role: 'alert', 'data-slot': 'mfa-authenticator-list-error', 'data-tone': 'error', 'data-code': c.error.code, children: c.t.error(c.error) },
);

/** Loads the list again (`button`). Rendered only on error; `data-pending` while the retry is in flight. */
export const AuthenticatorListRetry = part<HTMLButtonElement>('AuthenticatorListRetry', (c) =>
  c.error && {
    as: 'button',
    type: 'button',
    'data-slot': 'mfa-authenticator-list-retry',
    'data-variant': 'secondary',
    'data-pending': c.isValidating || undefined,
    'aria-disabled': c.isValidating || undefined,
    onClick: () => !c.isValidating && c.retry(),
    children: c.t('common.retry'),
  },
);

/** "No two-factor methods yet" (`p`). Rendered only when the list is empty. */
export const AuthenticatorListEmpty = part<HTMLParagraphElement>('AuthenticatorListEmpty', (c) => c.state === 'empty' && { 'data-slot': 'mfa-authenticator-list-empty', children: c.t('list.empty') });

/** "Recovery code: set up" (`p`), when the user has one. It cannot be removed here, so it is a line, not a row. */
export const AuthenticatorListRecoveryCode = part<HTMLParagraphElement>('AuthenticatorListRecoveryCode', (c) =>
  c.data?.recoveryCode && { 'data-slot': 'mfa-authenticator-list-recovery-code', 'data-tone': 'info', children: c.t('list.recovery_code') },
);

/** The token status that calls for the user to verify, once the list has loaded. */
const verifyStatus = (c: ListContextValue) => {
  const { status } = c.token;
  return (status === 'step-up-required' || status === 'interaction-required') && c.state !== 'loading' && status;
};

/** Why the list is read-only (`p`). Rendered only when the credential needs a step-up or renewal needs the user. */
export const AuthenticatorListStepUpNote = part<HTMLParagraphElement>('AuthenticatorListStepUpNote', (c) => {
  const status = verifyStatus(c);
  return status && { 'data-slot': 'mfa-authenticator-list-step-up-note', 'data-status': status, children: c.t(status === 'step-up-required' ? 'list.step_up_note' : 'list.verify_note') };
});

/**
 * "Verify to manage" (list-only credential or missing scopes) or "Verify it's you" (renewal needs
 * the user), as a `button`. Calls the Root's `onStepUp`, else the token's `stepUp()`, from the click.
 */
export const AuthenticatorListStepUp = part<HTMLButtonElement>('AuthenticatorListStepUp', (c) => {
  const status = verifyStatus(c);
  return (
    status && {
      as: 'button',
      type: 'button',
      'data-slot': 'mfa-authenticator-list-step-up',
      'data-variant': 'primary',
      'data-status': status,
      onClick: c.stepUp,
      children: c.t(status === 'step-up-required' ? 'list.step_up' : 'list.verify'),
    }
  );
});

/** "Add method" (`button`): calls the Root's `onAdd`. Rendered only with `onAdd`, once loaded, when the credential can enroll. */
export const AuthenticatorListAdd = part<HTMLButtonElement>('AuthenticatorListAdd', ({ onAdd, token, state, t }) =>
  onAdd && token.canEnroll && (state === 'ready' || state === 'empty') && { as: 'button', type: 'button', 'data-slot': 'mfa-authenticator-list-add', 'data-variant': 'primary', onClick: () => onAdd(), children: t('list.add') },
);
