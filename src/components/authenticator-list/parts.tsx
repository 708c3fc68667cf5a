'use client';
import { forwardRef, useEffect } from 'react';
import type { MessageId } from '../../i18n/messages.ts';
import { Primitive, buttonAttrs, composeHandlers, composeRefs, withDefault, type PartProps } from '../primitives/index.ts';
import { useListContext, type ListContextValue } from './root.tsx';

// Each part renders one element, slotted `mfa-authenticator-list-<name in kebab case>`; the user's
// props win, and the user's handler runs first (the part's unless it called `preventDefault()`).

/**
 * The list's title ("Two-factor authentication"), `h2` by default (`headingLevel` on the Root).
 * Focusable by script (`tabIndex={-1}`): focus lands here when a removal leaves no row to go to.
 */
export const AuthenticatorListHeading = forwardRef<HTMLHeadingElement, PartProps<'h2'>>(function AuthenticatorListHeading({ children, ...props }, ref) {
  const c = useListContext('AuthenticatorListHeading');
  // The Root is labelled by the heading only while one is rendered (no dangling aria-labelledby).
  const { setLabelled } = c;
  useEffect(() => {
    setLabelled(true);
    return () => setLabelled(false);
  }, [setLabelled]);
  const Heading = Primitive[`h${c.level}`];
  return (
    <Heading data-slot="mfa-authenticator-list-heading" id={c.headingId} tabIndex={-1} {...props} ref={composeRefs(ref, c.headingRef)}>
      {withDefault(children, c.t('list.title'), props.asChild)}
    </Heading>
  );
});

/** A live region (`p`, `role="status"`): "Loading your two-factor methods…" while loading, "… removed." after a removal. Always rendered. */
export const AuthenticatorListStatus = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function AuthenticatorListStatus({ children, ...props }, ref) {
  const c = useListContext('AuthenticatorListStatus');
  return (
    <Primitive.p ref={ref} data-slot="mfa-authenticator-list-status" role="status" data-state={c.state} {...props}>
      {withDefault(children, c.state === 'loading' ? c.t('list.loading') : c.announcement, props.asChild)}
    </Primitive.p>
  );
});

/** The load failure (`p`, `role="alert"`, `data-code` = its code). Rendered only on error; rows already shown stay. */
export const AuthenticatorListError = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function AuthenticatorListError({ children, ...props }, ref) {
  const { error, t } = useListContext('AuthenticatorListError');
  if (!error) return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-authenticator-list-error" role="alert" data-tone="error" data-code={error.code} {...props}>
      {withDefault(children, t.error(error), props.asChild)}
    </Primitive.p>
  );
});

/** Loads the list again (`button`). Rendered only on error; `data-pending` while the retry is in flight. */
export const AuthenticatorListRetry = forwardRef<HTMLButtonElement, PartProps<'button'>>(function AuthenticatorListRetry({ children, onClick, ...props }, ref) {
  const c = useListContext('AuthenticatorListRetry');
  if (!c.error) return null;
  return (
    <Primitive.button
      ref={ref}
      data-slot="mfa-authenticator-list-retry"
      {...buttonAttrs('secondary', c.isValidating)}
      data-pending={c.isValidating || undefined}
      {...props}
      onClick={composeHandlers(onClick, () => {
        if (!c.isValidating) c.retry();
      })}
    >
      {withDefault(children, c.t('common.retry'), props.asChild)}
    </Primitive.button>
  );
});

/** "No two-factor methods yet" (`p`). Rendered only when the list is empty. */
export const AuthenticatorListEmpty = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function AuthenticatorListEmpty({ children, ...props }, ref) {
  const c = useListContext('AuthenticatorListEmpty');
  if (c.state !== 'empty') return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-authenticator-list-empty" {...props}>
      {withDefault(children, c.t('list.empty'), props.asChild)}
    </Primitive.p>
  );
});

/** "Recovery code: set up" (`p`), when the user has one. It cannot be removed here, so it is a line, not a row. */
export const AuthenticatorListRecoveryCode = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function AuthenticatorListRecoveryCode({ children, ...props }, ref) {
  const c = useListContext('AuthenticatorListRecoveryCode');
  if (!c.data?.recoveryCode) return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-authenticator-list-recovery-code" data-tone="info" {...props}>
      {withDefault(children, c.t('list.recovery_code'), props.asChild)}
    </Primitive.p>
  );
});

/**
 * The texts for the token status that calls for the user to verify, once the list has loaded:
 * a list-only credential or missing scopes, or a renewal that needs the user.
 */
const VERIFY = {
  'step-up-required': ['list.step_up_note', 'list.step_up'],
  'interaction-required': ['list.verify_note', 'list.verify'],
} as const satisfies Record<string, readonly [MessageId, MessageId]>;

/** The token status that calls for the user to verify, if there is one and the list has loaded. */
const verifyStatus = ({ token, state }: ListContextValue) => (token.status in VERIFY && state !== 'loading' ? (token.status as keyof typeof VERIFY) : undefined);

/** Why the list is read-only (`p`). Rendered only when the credential needs a step-up or renewal needs the user. */
export const AuthenticatorListStepUpNote = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function AuthenticatorListStepUpNote({ children, ...props }, ref) {
  const c = useListContext('AuthenticatorListStepUpNote');
  const status = verifyStatus(c);
  if (!status) return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-authenticator-list-step-up-note" data-status={status} {...props}>
      {withDefault(children, c.t(VERIFY[status][0]), props.asChild)}
    </Primitive.p>
  );
});

/**
 * "Verify to manage" (list-only credential or missing scopes) or "Verify it's you" (renewal needs
 * the user), as a `button`. Calls the Root's `onStepUp`, else the token's `stepUp()`, from the click.
 */
export const AuthenticatorListStepUp = forwardRef<HTMLButtonElement, PartProps<'button'>>(function AuthenticatorListStepUp({ children, onClick, ...props }, ref) {
  const c = useListContext('AuthenticatorListStepUp');
  const status = verifyStatus(c);
  if (!status) return null;
  return (
    <Primitive.button ref={ref} data-slot="mfa-authenticator-list-step-up" data-status={status} {...buttonAttrs('primary')} {...props} onClick={composeHandlers(onClick, c.stepUp)}>
      {withDefault(children, c.t(VERIFY[status][1]), props.asChild)}
    </Primitive.button>
  );
});

/** "Add method" (`button`): calls the Root's `onAdd`. Rendered only with `onAdd`, once loaded, when the credential can enroll. */
export const AuthenticatorListAdd = forwardRef<HTMLButtonElement, PartProps<'button'>>(function AuthenticatorListAdd({ children, onClick, ...props }, ref) {
  const { onAdd, token, state, t } = useListContext('AuthenticatorListAdd');
  if (!onAdd || !token.canEnroll || (state !== 'ready' && state !== 'empty')) return null;
  return (
    <Primitive.button ref={ref} data-slot="mfa-authenticator-list-add" {...buttonAttrs('primary')} {...props} onClick={composeHandlers(onClick, () => onAdd())}>
      {withDefault(children, t('list.add'), props.asChild)}
    </Primitive.button>
  );
});
