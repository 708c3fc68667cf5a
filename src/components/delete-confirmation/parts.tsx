'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { createPart, type PartProps } from '../primitives/part.tsx';
import { useDeleteContext, type DeleteContextValue } from './root.tsx';

/** Native-event variant of `composeHandlers`, for Radix's focus and dismiss events. */
const chain =
  <E extends Event>(user: ((event: E) => void) | undefined, own: (event: E) => void) =>
  (event: E) => {
    user?.(event);
    if (!event.defaultPrevented) own(event);
  };
const prevent = (event: Event) => event.preventDefault();

/** Opens the dialog (Radix `Dialog.Trigger`). Default label "Remove", named "Remove {name}" for assistive tech. */
export const DeleteConfirmationTrigger = createPart<DeleteContextValue, HTMLButtonElement>('DeleteConfirmationTrigger', useDeleteContext, (c) => !c.blocked && {
  as: Dialog.Trigger,
  'data-slot': 'mfa-delete-confirmation-trigger',
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

/**
 * The portal, overlay and `role="alertdialog"` content. Focus starts on Cancel; outside clicks do
 * not close it; Escape does (unless a removal is in flight).
 */
export const DeleteConfirmationContent = forwardRef<HTMLDivElement, DeleteConfirmationContentProps>(function DeleteConfirmationContent(
  { container, onOpenAutoFocus, onCloseAutoFocus, onEscapeKeyDown, onPointerDownOutside, onInteractOutside, ...props },
  ref,
) {
  const c = useDeleteContext('DeleteConfirmationContent');
  const describedBy = [c.pairWarning && c.ids.pair, c.lastFactor && c.ids.last].filter(Boolean).join(' ') || undefined;
  return (
    <Dialog.Portal container={container}>
      <Dialog.Overlay data-slot="mfa-delete-confirmation-overlay" />
      <Dialog.Content
        ref={ref}
        role="alertdialog"
        data-slot="mfa-delete-confirmation-content"
        data-factor={c.entry.kind}
        data-pending={c.pending || undefined}
        data-code={c.error?.code}
        aria-describedby={describedBy}
        // Destructive: the safe choice gets focus (WAI-ARIA alertdialog pattern).
        onOpenAutoFocus={chain(onOpenAutoFocus, (e) => {
          e.preventDefault();
          c.cancelRef.current?.focus();
        })}
        onCloseAutoFocus={chain(onCloseAutoFocus, (e) => {
          const target = c.finalFocus?.(c.deleted.current);
          if (target) {
            e.preventDefault();
            target.focus();
          }
        })}
        onEscapeKeyDown={chain(onEscapeKeyDown, (e) => c.pending && e.preventDefault())}
        onPointerDownOutside={chain(onPointerDownOutside, prevent)}
        onInteractOutside={chain(onInteractOutside, prevent)}
        {...props}
      />
    </Dialog.Portal>
  );
});

/** "Remove SMS and voice calls to •••• 9167?" or, for a pending entry, "Discard unfinished setup?" (`h2`). */
export const DeleteConfirmationTitle = createPart<DeleteContextValue, HTMLHeadingElement>('DeleteConfirmationTitle', useDeleteContext, (c) => ({
  as: Dialog.Title,
  'data-slot': 'mfa-delete-confirmation-title',
  children: c.entry.pending ? c.t('delete.title_pending') : c.t('delete.title', { name: c.name }),
}));

/** What removing means for the user (`p`). */
export const DeleteConfirmationDescription = createPart<DeleteContextValue, HTMLParagraphElement>('DeleteConfirmationDescription', useDeleteContext, (c) => ({
  as: Dialog.Description,
  'data-slot': 'mfa-delete-confirmation-description',
  children: c.t(c.entry.pending ? 'delete.description_pending' : 'delete.description', { name: c.name }),
}));

/** Props of {@link DeleteConfirmationWarning}. */
export interface DeleteConfirmationWarningProps extends PartProps<HTMLParagraphElement> {
  /** `pair`: the twin that goes too, by name. `last-factor`: no second factor would be left. */
  type: 'pair' | 'last-factor';
}

const warning = (type: DeleteConfirmationWarningProps['type']) =>
  createPart<DeleteContextValue, HTMLParagraphElement>('DeleteConfirmationWarning', useDeleteContext, (c) => {
    const text = type === 'pair' ? c.pairWarning && c.t(c.pairWarning, { name: c.name }) : c.lastFactor && c.t('delete.last_factor');
    return text && { id: type === 'pair' ? c.ids.pair : c.ids.last, 'data-slot': 'mfa-delete-confirmation-warning', 'data-warning': type, 'data-tone': 'warning', children: text };
  });
const PairWarning = warning('pair');
const LastFactorWarning = warning('last-factor');

/** A warning (`p`), rendered only when it applies (`data-warning="pair|last-factor"`). Part of the dialog's description. */
export const DeleteConfirmationWarning = forwardRef<HTMLParagraphElement, DeleteConfirmationWarningProps>(function DeleteConfirmationWarning({ type, ...props }, ref) {
  const Warning = type === 'pair' ? PairWarning : LastFactorWarning;
  return <Warning ref={ref} {...props} />;
});

/** The failure of the last attempt (`p`, `role="alert"`, `data-code` = the error code). Rendered only on error. */
export const DeleteConfirmationError = createPart<DeleteContextValue, HTMLParagraphElement>('DeleteConfirmationError', useDeleteContext, (c) =>
  c.error && { id: c.ids.error, role: 'alert', 'data-slot': 'mfa-delete-confirmation-error', 'data-tone': 'error', 'data-code': c.error.code, children: c.t.error(c.error) },
);

/** A live region (`p`, `role="status"`) that says "Removing…" while the DELETE is in flight. Always rendered, so it is announced. */
export const DeleteConfirmationStatus = createPart<DeleteContextValue, HTMLParagraphElement>('DeleteConfirmationStatus', useDeleteContext, (c) => ({
  role: 'status',
  'data-slot': 'mfa-delete-confirmation-status',
  'data-pending': c.pending || undefined,
  children: c.pending ? c.t('delete.removing') : null,
}));

/** Lays out Cancel and Confirm (`div`). */
export const DeleteConfirmationActions = createPart<DeleteContextValue, HTMLDivElement>('DeleteConfirmationActions', useDeleteContext, () => ({ as: 'div', 'data-slot': 'mfa-delete-confirmation-actions' }));

/** Closes without removing (Radix `Dialog.Close`); gets focus when the dialog opens. Inert (`aria-disabled`) while removing. */
export const DeleteConfirmationCancel = createPart<DeleteContextValue, HTMLButtonElement>('DeleteConfirmationCancel', useDeleteContext, (c) => ({
  as: Dialog.Close,
  ref: c.cancelRef,
  'data-slot': 'mfa-delete-confirmation-cancel',
  'data-variant': 'secondary',
  'aria-disabled': c.pending || undefined,
  onClick: (e) => c.pending && e.preventDefault(),
  children: c.t('common.cancel'),
}));

/**
 * Removes the entry (`button`). While in flight it keeps focus (`aria-disabled`, `data-pending`)
 * and ignores clicks; linked to the error by `aria-describedby`.
 */
export const DeleteConfirmationConfirm = createPart<DeleteContextValue, HTMLButtonElement>('DeleteConfirmationConfirm', useDeleteContext, (c) => !c.blocked && {
  as: 'button',
  type: 'button',
  'data-slot': 'mfa-delete-confirmation-confirm',
  'data-variant': 'danger',
  'data-pending': c.pending || undefined,
  'aria-disabled': c.pending || undefined,
  'aria-describedby': c.error ? c.ids.error : undefined,
  onClick: c.confirm,
  children: c.t(c.entry.pending ? 'delete.confirm_pending' : 'delete.confirm'),
});
