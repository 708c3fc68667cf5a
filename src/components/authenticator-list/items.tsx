'use client';
import { forwardRef, Fragment, type HTMLAttributes, type ReactNode } from 'react';
import type { AuthenticatorEntry } from '../../core/model.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { buttonSpec, createPartContext, partsOf, type LegacyPartProps as PartProps } from '../primitives/index.ts';
import { useListContext } from './root.tsx';

const [ItemContext, useItemContext] = createPartContext<AuthenticatorEntry>('AuthenticatorListItem');
const part = partsOf('AuthenticatorList', useListContext);

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
export const AuthenticatorListPendingHeading = part<HTMLHeadingElement>(
  'PendingHeading',
  (c) => !!c.data?.pending.length && { as: `h${(c.level + 1) as 3 | 4 | 5 | 6}`, children: c.t('list.pending_title') },
);

/** Props of {@link AuthenticatorListItem}. */
export interface AuthenticatorListItemProps extends PartProps<HTMLLIElement> {
  entry: AuthenticatorEntry;
}

/** The list's context plus the row's entry and name, for the row's parts. */
const useRow = (part: string) => {
  const list = useListContext(part);
  const entry = useItemContext(part);
  return { ...list, entry, name: list.t.entryName(entry) };
};
const rowPart = partsOf('AuthenticatorListItem', useRow);

const Row = part<HTMLLIElement, AuthenticatorListItemProps>(
  'Item',
  (_, { entry }) => ({ as: 'li', 'data-factor': entry.kind, 'data-pending': entry.pending || undefined, 'data-removable': entry.removable || undefined }),
  ['entry'],
);

/** One row (`li`): `data-factor` = the entry's kind (`phone` for SMS+voice), `data-pending` when unfinished. */
export const AuthenticatorListItem = forwardRef<HTMLLIElement, AuthenticatorListItemProps>(function AuthenticatorListItem(props, ref) {
  return (
    <ItemContext.Provider value={props.entry}>
      <Row ref={ref} {...props} />
    </ItemContext.Provider>
  );
});

/** The row's name (`span`): "Authenticator app", "SMS and voice calls to •••• 9167", "Push to Pixel 8"… (plain text). */
export const AuthenticatorListItemName = rowPart<HTMLSpanElement>('Name', (c) => ({ as: 'span', children: c.name }));

/** The note for each `data-reason`. */
const NOTES: Record<string, MessageId> = { pending: 'list.pending_note', 'verified-email': 'list.email_note', 'maybe-push': 'list.maybe_push_note' };

/** "Setup not finished" (pending) or why it can't be removed (verified email), as a `p`. Rendered only then. */
export const AuthenticatorListItemNote = rowPart<HTMLParagraphElement>('Note', ({ t, entry }) => {
  // An authenticator-app row that may be push's one-time codes (the API never says which OTP is
  // Guardian's): say so, since removing it may remove push too.
  const reason = entry.pending ? 'pending' : entry.kind === 'otp' && entry.pair?.certainty === 'unknown-twin' ? 'maybe-push' : entry.notRemovableReason;
  const note = reason && NOTES[reason];
  return note && { 'data-reason': reason, children: t(note) };
});

/** "Resume" a pending enrollment (`button`): calls the Root's `onResume`. Rendered only for pending rows, with `onResume`, when the credential can enroll. */
export const AuthenticatorListItemResume = rowPart<HTMLButtonElement>('Resume', ({ t, entry, name, onResume, token }) =>
  entry.pending &&
  onResume &&
  token.canEnroll && {
    ...buttonSpec('secondary'),
    label: t('list.resume_named', { name }),
    onClick: () => onResume(entry),
    children: t('list.resume'),
  },
);

/**
 * "Remove" (or "Discard" for a pending row), as a `button`: opens the confirmation dialog. Rendered
 * only when the entry can be removed and the credential can delete (otherwise the list offers step-up).
 */
export const AuthenticatorListItemRemove = rowPart<HTMLButtonElement>('Remove', ({ t, entry, name, token, remove, register }) => {
  const verb = entry.pending ? 'list.discard' : 'list.remove';
  return (
    entry.removable &&
    token.canDelete && {
      ...buttonSpec('secondary'),
      ref: (el: HTMLElement | null) => register(entry.key, el),
      'aria-haspopup': 'dialog',
      label: t(`${verb}_named`, { name }),
      onClick: () => remove(entry),
      children: t(verb),
    }
  );
});
