'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { Primitive, buttonAttrs, composeHandlers, composeRefs, ownContent, withDefault, type PartProps } from '../primitives/index.ts';
import { useDeleteContext } from './root.tsx';

// Each part renders one element, slotted `mfa-delete-confirmation-<name in kebab case>`; the user's
// props win, and the user's handler runs first (the part's unless it called `preventDefault()`).
// The dialog's own parts render Radix's (`Dialog.Trigger`, `Dialog.Title`…), which take `asChild` themselves.

/** Opens the dialog (Radix `Dialog.Trigger`). Default label "Remove", named "Remove {name}" for assistive tech. */
export const DeleteConfirmationTrigger = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<typeof Dialog.Trigger>>(function DeleteConfirmationTrigger({ children, ...props }, ref) {
  const c = useDeleteContext('DeleteConfirmationTrigger');
  if (c.blocked) return null;
  return (
    <Dialog.Trigger
      ref={ref}
      data-slot="mfa-delete-confirmation-trigger"
      data-variant="secondary"
      data-factor={c.entry.kind}
      aria-label={ownContent(children, props.asChild) == null ? c.t('delete.trigger_named', { name: c.name }) : undefined}
      {...props}
    >
      {withDefault(children, c.t('delete.trigger'), props.asChild)}
    </Dialog.Trigger>
  );
});

/** Props of {@link DeleteConfirmationContent}. */
export type DeleteConfirmationContentProps = ComponentPropsWithoutRef<typeof Dialog.Content> & {
  /** Portal container. @default document.body */
  container?: HTMLElement | null;
};

/**
 * The portal, overlay and `role="alertdialog"` content. Focus starts on Cancel; outside clicks do
 * not close it; Escape does (unless a removal is in flight). Its handlers are composed with the user's.
 */
export const DeleteConfirmationContent = forwardRef<HTMLDivElement, DeleteConfirmationContentProps>(function DeleteConfirmationContent(
  { container, onOpenAutoFocus, onCloseAutoFocus, onEscapeKeyDown, onInteractOutside, ...props },
  ref,
) {
  const c = useDeleteContext('DeleteConfirmationContent');
  return (
    <Dialog.Portal container={container}>
      <Dialog.Overlay data-slot="mfa-delete-confirmation-overlay" />
      <Dialog.Content
        ref={ref}
        data-slot="mfa-delete-confirmation-content"
        role="alertdialog"
        data-factor={c.entry.kind}
        data-pending={c.pending || undefined}
        data-code={c.error?.code}
        // Always given, even undefined: the warnings that apply are the description read on opening.
        aria-describedby={Object.keys(c.warnings).map((type) => c.id + type).join(' ') || undefined}
        {...props}
        // Destructive: the safe choice gets focus (WAI-ARIA alertdialog pattern).
        onOpenAutoFocus={composeHandlers(onOpenAutoFocus, (e) => {
          e.preventDefault();
          c.cancelRef.current?.focus();
        })}
        onCloseAutoFocus={composeHandlers(onCloseAutoFocus, (e) => {
          const target = c.finalFocus?.(c.deleted.current);
          if (target) {
            e.preventDefault();
            target.focus();
          }
        })}
        onEscapeKeyDown={composeHandlers(onEscapeKeyDown, (e) => {
          if (c.pending) e.preventDefault();
        })}
        // Radix calls this for outside pointer-downs and outside focus alike: no dismissal by either.
        onInteractOutside={composeHandlers(onInteractOutside, (e) => e.preventDefault())}
      />
    </Dialog.Portal>
  );
});

/** "Remove SMS and voice calls to •••• 9167?" or, for a pending entry, "Discard unfinished setup?" (`h2`). */
export const DeleteConfirmationTitle = forwardRef<HTMLHeadingElement, ComponentPropsWithoutRef<typeof Dialog.Title>>(function DeleteConfirmationTitle({ children, ...props }, ref) {
  const c = useDeleteContext('DeleteConfirmationTitle');
  return (
    <Dialog.Title ref={ref} data-slot="mfa-delete-confirmation-title" {...props}>
      {withDefault(children, c.t(c.entry.pending ? 'delete.title_pending' : 'delete.title', { name: c.name }), props.asChild)}
    </Dialog.Title>
  );
});

/** What removing means for the user (`p`). */
export const DeleteConfirmationDescription = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<typeof Dialog.Description>>(function DeleteConfirmationDescription({ children, ...props }, ref) {
  const c = useDeleteContext('DeleteConfirmationDescription');
  return (
    <Dialog.Description ref={ref} data-slot="mfa-delete-confirmation-description" {...props}>
      {withDefault(children, c.t(c.entry.pending ? 'delete.description_pending' : 'delete.description', { name: c.name }), props.asChild)}
    </Dialog.Description>
  );
});

/** Props of {@link DeleteConfirmationWarning}. */
export interface DeleteConfirmationWarningProps extends PartProps<'p'> {
  /** `pair`: the twin that goes too, by name. `last-factor`: no second factor would be left. */
  type: 'pair' | 'last-factor';
}

/** A warning (`p`), rendered only when it applies (`data-warning="pair|last-factor"`). Part of the dialog's description. */
export const DeleteConfirmationWarning = forwardRef<HTMLParagraphElement, DeleteConfirmationWarningProps>(function DeleteConfirmationWarning({ type, children, ...props }, ref) {
  const c = useDeleteContext('DeleteConfirmationWarning');
  const text = c.warnings[type];
  if (!text) return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-delete-confirmation-warning" id={c.id + type} data-warning={type} data-tone="warning" {...props}>
      {withDefault(children, text, props.asChild)}
    </Primitive.p>
  );
});

/** The failure of the last attempt (`p`, `role="alert"`, `data-code` = the error code). Rendered only on error. */
export const DeleteConfirmationError = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function DeleteConfirmationError({ children, ...props }, ref) {
  const c = useDeleteContext('DeleteConfirmationError');
  if (!c.error) return null;
  return (
    <Primitive.p ref={ref} data-slot="mfa-delete-confirmation-error" id={c.id + 'error'} role="alert" data-tone="error" data-code={c.error.code} {...props}>
      {withDefault(children, c.t.error(c.error), props.asChild)}
    </Primitive.p>
  );
});

/** A live region (`p`, `role="status"`) that says "Removing…" while the DELETE is in flight. Always rendered, so it is announced. */
export const DeleteConfirmationStatus = forwardRef<HTMLParagraphElement, PartProps<'p'>>(function DeleteConfirmationStatus({ children, ...props }, ref) {
  const c = useDeleteContext('DeleteConfirmationStatus');
  return (
    <Primitive.p ref={ref} data-slot="mfa-delete-confirmation-status" role="status" data-pending={c.pending || undefined} {...props}>
      {withDefault(children, c.pending ? c.t('delete.removing') : null, props.asChild)}
    </Primitive.p>
  );
});

/** Lays out Cancel and Confirm (`div`). */
export const DeleteConfirmationActions = forwardRef<HTMLDivElement, PartProps<'div'>>(function DeleteConfirmationActions(props, ref) {
  useDeleteContext('DeleteConfirmationActions');
  return <Primitive.div ref={ref} data-slot="mfa-delete-confirmation-actions" {...props} />;
});

/** Closes without removing (Radix `Dialog.Close`); gets focus when the dialog opens. Inert (`aria-disabled`) while removing. */
export const DeleteConfirmationCancel = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<typeof Dialog.Close>>(function DeleteConfirmationCancel({ children, onClick, ...props }, ref) {
  const c = useDeleteContext('DeleteConfirmationCancel');
  return (
    <Dialog.Close
      data-slot="mfa-delete-confirmation-cancel"
      data-variant="secondary"
      aria-disabled={c.pending || undefined}
      {...props}
      ref={composeRefs(ref, c.cancelRef)}
      onClick={composeHandlers(onClick, (e) => {
        if (c.pending) e.preventDefault();
      })}
    >
      {withDefault(children, c.t('common.cancel'), props.asChild)}
    </Dialog.Close>
  );
});

/**
 * Removes the entry (`button`). While in flight it keeps focus (`aria-disabled`, `data-pending`)
 * and ignores clicks; linked to the error by `aria-describedby`.
 */
export const DeleteConfirmationConfirm = forwardRef<HTMLButtonElement, PartProps<'button'>>(function DeleteConfirmationConfirm({ children, onClick, ...props }, ref) {
  const c = useDeleteContext('DeleteConfirmationConfirm');
  if (c.blocked) return null;
  return (
    <Primitive.button
      ref={ref}
      data-slot="mfa-delete-confirmation-confirm"
      {...buttonAttrs('danger', c.pending)}
      data-pending={c.pending || undefined}
      aria-describedby={c.error ? c.id + 'error' : undefined}
      {...props}
      onClick={composeHandlers(onClick, c.confirm)}
    >
      {withDefault(children, c.t(c.entry.pending ? 'delete.confirm_pending' : 'delete.confirm'), props.asChild)}
    </Primitive.button>
  );
});
