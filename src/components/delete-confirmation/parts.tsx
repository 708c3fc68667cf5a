'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { buttonSpec, partsOf, type LegacyPartProps as PartProps } from '../primitives/index.ts';
import { useDeleteContext } from './root.tsx';

const part = partsOf('DeleteConfirmation', useDeleteContext);

/** Opens the dialog (Radix `Dialog.Trigger`). Default label "Remove", named "Remove {name}" for assistive tech. */
export const DeleteConfirmationTrigger = part<HTMLButtonElement>('Trigger', (c) => !c.blocked && {
  as: Dialog.Trigger,
  'data-variant': 'secondary',
  'data-factor': c.entry.kind,
  label: c.t('delete.trigger_named', { name: c.name }),
  children: c.t('delete.trigger'),
});

/** Props of {@link DeleteConfirmationContent}. */
export type DeleteConfirmationContentProps = ComponentPropsWithoutRef<typeof Dialog.Content> & {
  /** Portal container. @default document.body */
  container?: HTMLElement | null;
};

/** The `role="alertdialog"` element itself; its handlers are composed with the user's. */
const Content = part<HTMLDivElement, DeleteConfirmationContentProps>('Content', (c) => ({
  as: Dialog.Content,
  role: 'alertdialog',
  'data-factor': c.entry.kind,
  'data-pending': c.pending || undefined,
  'data-code': c.error?.code,
  // Always given, even undefined: the warnings that apply are the description read on opening.
  'aria-describedby': Object.keys(c.warnings).map((type) => c.id + type).join(' ') || undefined,
  // Destructive: the safe choice gets focus (WAI-ARIA alertdialog pattern).
  onOpenAutoFocus: (e: Event) => {
    e.preventDefault();
    c.cancelRef.current?.focus();
  },
  onCloseAutoFocus: (e: Event) => {
    const target = c.finalFocus?.(c.deleted.current);
    if (target) {
      e.preventDefault();
      target.focus();
    }
  },
  onEscapeKeyDown: (e: Event) => c.pending && e.preventDefault(),
  // Radix calls this for outside pointer-downs and outside focus alike: no dismissal by either.
  onInteractOutside: (e: Event) => e.preventDefault(),
}));

/**
 * The portal, overlay and `role="alertdialog"` content. Focus starts on Cancel; outside clicks do
 * not close it; Escape does (unless a removal is in flight).
 */
export const DeleteConfirmationContent = forwardRef<HTMLDivElement, DeleteConfirmationContentProps>(function DeleteConfirmationContent({ container, ...props }, ref) {
  return (
    <Dialog.Portal container={container}>
      <Dialog.Overlay data-slot="mfa-delete-confirmation-overlay" />
      <Content ref={ref} {...props} />
    </Dialog.Portal>
  );
});

/** "Remove SMS and voice calls to •••• 9167?" or, for a pending entry, "Discard unfinished setup?" (`h2`). */
export const DeleteConfirmationTitle = part<HTMLHeadingElement>('Title', (c) => ({
  as: Dialog.Title,
  children: c.t(c.entry.pending ? 'delete.title_pending' : 'delete.title', { name: c.name }),
}));

/** What removing means for the user (`p`). */
export const DeleteConfirmationDescription = part<HTMLParagraphElement>('Description', (c) => ({
  as: Dialog.Description,
  children: c.t(c.entry.pending ? 'delete.description_pending' : 'delete.description', { name: c.name }),
}));

/** Props of {@link DeleteConfirmationWarning}. */
export interface DeleteConfirmationWarningProps extends PartProps<HTMLParagraphElement> {
  /** `pair`: the twin that goes too, by name. `last-factor`: no second factor would be left. */
  type: 'pair' | 'last-factor';
}

/** A warning (`p`), rendered only when it applies (`data-warning="pair|last-factor"`). Part of the dialog's description. */
export const DeleteConfirmationWarning = part<HTMLParagraphElement, DeleteConfirmationWarningProps>('Warning',
  (c, { type }) => c.warnings[type] && { id: c.id + type, 'data-warning': type, 'data-tone': 'warning', children: c.warnings[type] },
  ['type'],
);

/** The failure of the last attempt (`p`, `role="alert"`, `data-code` = the error code). Rendered only on error. */
export const DeleteConfirmationError = part<HTMLParagraphElement>('Error', (c) =>
  c.error && { id: c.id + 'error', role: 'alert', 'data-tone': 'error', 'data-code': c.error.code, children: c.t.error(c.error) },
);

/** A live region (`p`, `role="status"`) that says "Removing…" while the DELETE is in flight. Always rendered, so it is announced. */
export const DeleteConfirmationStatus = part<HTMLParagraphElement>('Status', (c) => ({
  role: 'status',
  'data-pending': c.pending || undefined,
  children: c.pending ? c.t('delete.removing') : null,
}));

/** Lays out Cancel and Confirm (`div`). */
export const DeleteConfirmationActions = part<HTMLDivElement>('Actions', () => ({ as: 'div' }));

/** Closes without removing (Radix `Dialog.Close`); gets focus when the dialog opens. Inert (`aria-disabled`) while removing. */
export const DeleteConfirmationCancel = part<HTMLButtonElement>('Cancel', (c) => ({
  as: Dialog.Close,
  ref: c.cancelRef,
  'data-variant': 'secondary',
  'aria-disabled': c.pending || undefined,
  onClick: (e) => c.pending && e.preventDefault(),
  children: c.t('common.cancel'),
}));

/**
 * Removes the entry (`button`). While in flight it keeps focus (`aria-disabled`, `data-pending`)
 * and ignores clicks; linked to the error by `aria-describedby`.
 */
export const DeleteConfirmationConfirm = part<HTMLButtonElement>('Confirm', (c) => !c.blocked && {
  ...buttonSpec('danger'),
  'data-pending': c.pending || undefined,
  'aria-disabled': c.pending || undefined,
  'aria-describedby': c.error ? c.id + 'error' : undefined,
  onClick: c.confirm,
  children: c.t(c.entry.pending ? 'delete.confirm_pending' : 'delete.confirm'),
});
