'use client';
import { useEffect } from 'react';
import { buttonSpec, createPart, partsOf, type PartSpec } from '../primitives/index.ts';
import { useListContext, type ListContextValue } from './root.tsx';

const part = partsOf('AuthenticatorList', useListContext);

/** The list's context, for the Heading: the Root is labelled by it only while one is rendered (no dangling aria-labelledby). */
const useHeading = (part: string) => {
  const c = useListContext(part);
  const { setLabelled } = c;
  useEffect(() => {
    setLabelled(true);
    return () => setLabelled(false);
  }, [setLabelled]);
  return c;
};

/**
 * The list's title ("Two-factor authentication"), `h2` by default (`headingLevel` on the Root).
 * Focusable by script (`tabIndex={-1}`): focus lands here when a removal leaves no row to go to.
 */
export const AuthenticatorListHeading = createPart<ListContextValue, HTMLHeadingElement>('AuthenticatorListHeading', useHeading, (c) => ({
  as: `h${c.level}`,
  ref: c.headingRef,
  id: c.headingId,
  tabIndex: -1,
  children: c.t('list.title'),
}));

/** A live region (`p`, `role="status"`): "Loading your two-factor methods…" while loading, "… removed." after a removal. Always rendered. */
export const AuthenticatorListStatus = part<HTMLParagraphElement>('Status', (c) => ({
  role: 'status',
  'data-state': c.state,
  children: c.state === 'loading' ? c.t('list.loading') : c.announcement,
}));

/** The load failure (`p`, `role="alert"`, `data-code` = its code). Rendered only on error; rows already shown stay. */
export const AuthenticatorListError = part<HTMLParagraphElement>('Error', (c) =>
  c.error && { role: 'alert', 'data-tone': 'error', 'data-code': c.error.code, children: c.t.error(c.error) },
);

/** Loads the list again (`button`). Rendered only on error; `data-pending` while the retry is in flight. */
export const AuthenticatorListRetry = part<HTMLButtonElement>('Retry', (c) =>
  c.error && {
    ...buttonSpec('secondary'),
    'data-pending': c.isValidating || undefined,
    'aria-disabled': c.isValidating || undefined,
    onClick: () => !c.isValidating && c.retry(),
    children: c.t('common.retry'),
  },
);

/** "No two-factor methods yet" (`p`). Rendered only when the list is empty. */
export const AuthenticatorListEmpty = part<HTMLParagraphElement>('Empty', (c) => c.state === 'empty' && { children: c.t('list.empty') });

/** "Recovery code: set up" (`p`), when the user has one. It cannot be removed here, so it is a line, not a row. */
export const AuthenticatorListRecoveryCode = part<HTMLParagraphElement>('RecoveryCode', (c) => c.data?.recoveryCode && { 'data-tone': 'info', children: c.t('list.recovery_code') });

/**
 * The texts for the token status that calls for the user to verify, once the list has loaded:
 * a list-only credential or missing scopes, or a renewal that needs the user.
 */
const VERIFY = {
  'step-up-required': ['list.step_up_note', 'list.step_up'],
  'interaction-required': ['list.verify_note', 'list.verify'],
} as const;

const verifyPart = <E extends HTMLElement>(name: string, spec: (c: ListContextValue, status: keyof typeof VERIFY) => PartSpec) =>
  part<E>(name, (c) => {
    const { status } = c.token;
    return status in VERIFY && c.state !== 'loading' && { 'data-status': status, ...spec(c, status as keyof typeof VERIFY) };
  });

/** Why the list is read-only (`p`). Rendered only when the credential needs a step-up or renewal needs the user. */
export const AuthenticatorListStepUpNote = verifyPart<HTMLParagraphElement>('StepUpNote', (c, status) => ({ children: c.t(VERIFY[status][0]) }));

/**
 * "Verify to manage" (list-only credential or missing scopes) or "Verify it's you" (renewal needs
 * the user), as a `button`. Calls the Root's `onStepUp`, else the token's `stepUp()`, from the click.
 */
export const AuthenticatorListStepUp = verifyPart<HTMLButtonElement>('StepUp', (c, status) => ({
  ...buttonSpec('primary'),
  onClick: c.stepUp,
  children: c.t(VERIFY[status][1]),
}));

/** "Add method" (`button`): calls the Root's `onAdd`. Rendered only with `onAdd`, once loaded, when the credential can enroll. */
export const AuthenticatorListAdd = part<HTMLButtonElement>('Add', ({ onAdd, token, state, t }) =>
  onAdd && token.canEnroll && (state === 'ready' || state === 'empty') && { ...buttonSpec('primary'), onClick: () => onAdd(), children: t('list.add') },
);
