'use client';
import { forwardRef, Fragment, type HTMLAttributes, type ReactNode } from 'react';
import type { AuthenticatorEntry } from '../../core/model.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { Primitive, buttonAttrs, composeHandlers, composeRefs, createPartContext, ownContent, withDefault, type PartProps } from '../primitives/index.ts';
import { useListContext } from './root.tsx';

const [ItemContext, useItemContext] = createPartContext<AuthenticatorEntry>('AuthenticatorListItem');

/** Props of {@link AuthenticatorListItems}. */
export interface AuthenticatorListItemsProps extends Omit<HTMLAttributes<HTMLUListElement>, 'children'> {
  /** Active entries, or pending (unfinished) enrollments. @default 'active' */
  group?: 'active' | 'pending';
  /** Renders one entry (return an `AuthenticatorListItem`). @default name, note, Resume and Remove */
  children?: (entry: AuthenticatorEntry) => ReactNode;
}

/** The default row: name, note, Resume (pending only) and Remove / Discard. */
export const defaultItem = (entry: AuthenticatorEntry): ReactNode => (
  <AuthenticatorListItem entry={entry}>
    <AuthenticatorListItemName />
    <AuthenticatorListItemNote />
    <AuthenticatorListItemResume />
    <AuthenticatorListItemRemove />
  </AuthenticatorListItem>
);

/** A `ul` of one group's entries (pairs are one entry). Rendered only when the group has entries. */
export const AuthenticatorListItems = forwardRef<HTMLUListElement, AuthenticatorListItemsProps>(function AuthenticatorListItems({ group = 'active', children = defaultItem, ...props }, ref) {
  const { data } = useListContext('AuthenticatorListItems');
  const entries = data?.[group === 'active' ? 'entries' : 'pending'];
  return entries?.length ? (
    <ul ref={ref} data-slot="mfa-authenticator-list-items" data-group={group} {...props}>
      {entries.map((entry) => (
        <Fragment key={entry.key}>{children(entry)}</Fragment>
      ))}
    </ul>
  ) : null;
});

/** "Unfinished setup": the pending group's heading, one level below the list's. Rendered only when something is pending. */
export const AuthenticatorListPendingHeading = forwardRef<HTMLHeadingElement, PartProps<'h3'>>(function AuthenticatorListPendingHeading({ children, ...props }, ref) {
  const c = useListContext('AuthenticatorListPendingHeading');
  if (!c.data?.pending.length) return null;
  const Heading = Primitive[`h${(c.level + 1) as 3 | 4 | 5 | 6}`];
  return (
    <Heading ref={ref} data-slot="mfa-authenticator-list-pending-heading" {...props}>
      {withDefault(children, c.t('list.pending_title'), props.asChild)}
    </Heading>
  );
});

/** Props of {@link AuthenticatorListItem}. */
export interface AuthenticatorListItemProps extends PartProps<'li'> {
  entry: AuthenticatorEntry;
}

/** One row (`li`): `data-factor` = the entry's kind (`phone` for SMS+voice), `data-pending` when unfinished. */
export const AuthenticatorListItem = forwardRef<HTMLLIElement, AuthenticatorListItemProps>(function AuthenticatorListItem({ entry, ...props }, ref) {
  useListContext('AuthenticatorListItem');
  return (
    <ItemContext.Provider value={entry}>
      <Primitive.li
        ref={ref}
        data-slot="mfa-authenticator-list-item"
        data-factor={entry.kind}
        data-pending={entry.pending || undefined}
        data-removable={entry.removable || undefined}
        {...props}
      />
    </ItemContext.Provider>
  );
});

/** The list's context plus the row's entry and name, for the row's parts. */
const useRow = (part: string) => {
  const list = useListContext(part);
  const entry = useItemContext(part);
  return { ...list, entry, name: list.t.entryName(entry) };
};

/** The row's name (`span`): "Authenticator app", "SMS and voice calls to •••• 9167", "Push to Pixel 8"… (plain text). */
export const AuthenticatorListItemName = forwardRef<HTMLSpanElement, PartProps<'span'>>(function AuthenticatorListItemName({ children, ...props }, ref) {
  const { name } = useRow('AuthenticatorListItemName');
  return (
    <Primitive.span ref={ref} data-slot="mfa-authenticator-list-item-name" {...props}>
      {withDefault(children, name, props.asChild)}
    </Primitive.span>
  );
});

/** The note for each `data-reason`. */
const NOTES: Record<string, MessageId> = { pending: 'list.pending_note', 'verified-email': 'list.email_note', 'maybe-push': 'list.maybe_push_note' };

/** "Setup not finished" (pending) or why it can't be removed (verified email), as a `p`. Rendered only then. */
export const AuthenticatorListItemNote = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function AuthenticatorListItemNote({ children, ...props }, ref) {
  const { t, entry } = useRow('AuthenticatorListItemNote');
  // An authenticator-app row that may be push's one-time codes (the API never says which OTP is
  // Guardian's): say so, since removing it may remove push too.
  const reason = entry.pending ? 'pending' : entry.kind === 'otp' && entry.pair?.certainty === 'unknown-twin' ? 'maybe-push' : entry.notRemovableReason;
  const note = reason && NOTES[reason];
  if (!note) return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-authenticator-list-item-note" data-reason={reason} {...props}>
      {withDefault(children, t(note), props.asChild)}
    </Primitive.p>
  );
});

/** "Resume" a pending enrollment (`button`): calls the Root's `onResume`. Rendered only for pending rows, with `onResume`, when the credential can enroll. */
export const AuthenticatorListItemResume = forwardRef<HTMLButtonElement, PartProps<'button'>>(function AuthenticatorListItemResume({ children, onClick, ...props }, ref) {
  const { t, entry, name, onResume, token } = useRow('AuthenticatorListItemResume');
  if (!entry.pending || !onResume || !token.canEnroll) return null;
  return (
    <Primitive.button
      ref={ref}
      data-slot="mfa-authenticator-list-item-resume"
      {...buttonAttrs('secondary')}
      // Named for assistive tech only while the text is the default "Resume".
      aria-label={ownContent(children, props.asChild) == null ? t('list.resume_named', { name }) : undefined}
      {...props}
      onClick={composeHandlers(onClick, () => onResume(entry))}
    >
      {withDefault(children, t('list.resume'), props.asChild)}
    </Primitive.button>
  );
});

/**
 * "Remove" (or "Discard" for a pending row), as a `button`: opens the confirmation dialog. Rendered
 * only when the entry can be removed and the credential can delete (otherwise the list offers step-up).
 */
export const AuthenticatorListItemRemove = forwardRef<HTMLButtonElement, PartProps<'button'>>(function AuthenticatorListItemRemove({ children, onClick, ...props }, ref) {
  const { t, entry, name, token, remove, register } = useRow('AuthenticatorListItemRemove');
  if (!entry.removable || !token.canDelete) return null;
  const verb = entry.pending ? 'list.discard' : 'list.remove';
  return (
    <Primitive.button
      data-slot="mfa-authenticator-list-item-remove"
      {...buttonAttrs('secondary')}
      aria-haspopup="dialog"
      aria-label={ownContent(children, props.asChild) == null ? t(`${verb}_named`, { name }) : undefined}
      {...props}
      ref={composeRefs(ref, (el: HTMLElement | null) => register(entry.key, el))}
      onClick={composeHandlers(onClick, () => remove(entry))}
    >
      {withDefault(children, t(verb), props.asChild)}
    </Primitive.button>
  );
});
