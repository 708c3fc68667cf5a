'use client';
import { forwardRef, Fragment, type HTMLAttributes, type ReactNode } from 'react';
import type { AuthenticatorEntry } from '../../core/model.ts';
import { createPart, type PartProps, type PartSpec } from '../primitives/part.tsx';
import { createPartContext, Slot } from '../primitives/index.ts';
import { useListContext, type ListContextValue } from './root.tsx';

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
  const entries = group === 'active' ? data?.entries : data?.pending;
  if (!entries?.length) return null;
  return (
    <ul ref={ref} data-slot="mfa-authenticator-list-items" data-group={group} {...props}>
      {entries.map((entry) => (
        <Fragment key={entry.key}>{children(entry)}</Fragment>
      ))}
    </ul>
  );
});

/** "Unfinished setup": the pending group's heading, one level below the list's. Rendered only when something is pending. */
export const AuthenticatorListPendingHeading = createPart<ListContextValue, HTMLHeadingElement>('AuthenticatorListPendingHeading', useListContext, (c) =>
  !!c.data?.pending.length && { as: `h${(c.level + 1) as 3 | 4 | 5 | 6}`, 'data-slot': 'mfa-authenticator-list-pending-heading', children: c.t('list.pending_title') },
);

/** Props of {@link AuthenticatorListItem}. */
export interface AuthenticatorListItemProps extends PartProps<HTMLLIElement> {
  entry: AuthenticatorEntry;
}

/** One row (`li`): `data-factor` = the entry's kind (`phone` for SMS+voice), `data-pending` when unfinished. */
export const AuthenticatorListItem = forwardRef<HTMLLIElement, AuthenticatorListItemProps>(function AuthenticatorListItem({ entry, asChild, ...props }, ref) {
  useListContext('AuthenticatorListItem');
  const Comp = asChild ? Slot : 'li';
  return (
    <ItemContext.Provider value={entry}>
      <Comp ref={ref} data-slot="mfa-authenticator-list-item" data-factor={entry.kind} data-pending={entry.pending || undefined} data-removable={entry.removable || undefined} {...props} />
    </ItemContext.Provider>
  );
});

/** The list's context plus the row's entry, for the row's parts. */
const useRow = (part: string) => ({ ...useListContext(part), entry: useItemContext(part) });
const rowPart = <E extends HTMLElement>(name: string, spec: (c: ReturnType<typeof useRow>) => PartSpec) => createPart<ReturnType<typeof useRow>, E>(name, useRow, spec);

/** The row's name (`span`): "Authenticator app", "SMS and voice calls to •••• 9167", "Push to Pixel 8"… (plain text). */
export const AuthenticatorListItemName = rowPart<HTMLSpanElement>('AuthenticatorListItemName', ({ t, entry }) => ({ as: 'span', 'data-slot': 'mfa-authenticator-list-item-name', children: t.entryName(entry) }));

/** "Setup not finished" (pending) or why it can't be removed (verified email), as a `p`. Rendered only then. */
export const AuthenticatorListItemNote = rowPart<HTMLParagraphElement>('AuthenticatorListItemNote', ({ t, entry }) => {
  // An authenticator-app row that may be push's one-time codes (the API never says which OTP is
  // Guardian's): say so, since removing it may remove push too.
  const maybePush = entry.kind === 'otp' && entry.pair?.certainty === 'unknown-twin';
  const reason = entry.pending ? 'pending' : maybePush ? 'maybe-push' : entry.notRemovableReason;
  const note = reason === 'pending' ? 'list.pending_note' : reason === 'verified-email' ? 'list.email_note' : reason === 'maybe-push' ? 'list.maybe_push_note' : undefined;
  return note && { 'data-slot': 'mfa-authenticator-list-item-note', 'data-reason': reason, children: t(note) };
});

/** "Resume" a pending enrollment (`button`): calls the Root's `onResume`. Rendered only for pending rows, with `onResume`, when the credential can enroll. */
export const AuthenticatorListItemResume = rowPart<HTMLButtonElement>('AuthenticatorListItemResume', ({ t, entry, onResume, token }) =>
  entry.pending &&
  onResume &&
  token.canEnroll && {
    as: 'button',
    type: 'button',
    'data-slot': 'mfa-authenticator-list-item-resume',
    'data-variant': 'secondary',
    label: t('list.resume_named', { name: t.entryName(entry) }),
    onClick: () => onResume(entry),
    children: t('list.resume'),
  },
);

/**
 * "Remove" (or "Discard" for a pending row), as a `button`: opens the confirmation dialog. Rendered
 * only when the entry can be removed and the credential can delete (otherwise the list offers step-up).
 */
export const AuthenticatorListItemRemove = rowPart<HTMLButtonElement>('AuthenticatorListItemRemove', ({ t, entry, token, remove, register }) =>
  entry.removable &&
  token.canDelete && {
    as: 'button',
    type: 'button',
    ref: (el: HTMLElement | null) => register(entry.key, el),
    'data-slot': 'mfa-authenticator-list-item-remove',
    'data-variant': 'secondary',
    'aria-haspopup': 'dialog',
    label: t(entry.pending ? 'list.discard_named' : 'list.remove_named', { name: t.entryName(entry) }),
    onClick: () => remove(entry),
    children: t(entry.pending ? 'list.discard' : 'list.remove'),
  },
);
