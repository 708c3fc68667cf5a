'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';
import { useMessages } from '../../i18n/use-messages.ts';
import { useReturnFocus } from '../primitives/index.ts';
import { EnrollmentWizard, type EnrollmentWizardProps } from './enrollment-wizard.tsx';

/** Props of {@link EnrollmentDialog}. */
export interface EnrollmentDialogProps extends EnrollmentWizardProps {
  /** Controlled open state. */
  open?: boolean;
  /** Uncontrolled initial state. @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The element that opens the dialog (rendered through `Dialog.Trigger asChild`), e.g. an "Add" button. */
  trigger?: ReactNode;
}

/**
 * The EnrollmentWizard in a Radix dialog (focus trapped, restored on close). Cancel (which removes
 * the pending enrollment), Done and Escape close it; closed by Escape mid-flow, the unfinished
 * enrollment stays listed as pending.
 *
 * @example
 * ```tsx
 * <EnrollmentDialog trigger={<button>Add a method</button>} onEnrolled={(f) => toast(`${f} added`)} />
 * ```
 */
export function EnrollmentDialog({ open, defaultOpen, onOpenChange, trigger, headingLevel = 3, ...props }: EnrollmentDialogProps): ReactNode {
  const t = useMessages(props.messages);
  const [inner, setInner] = useState(defaultOpen ?? false);
  const returnFocus = useReturnFocus(Boolean(trigger));
  const setOpen = (value: boolean) => {
    if (open === undefined) setInner(value);
    onOpenChange?.(value);
  };
  return (
    <Dialog.Root open={open ?? inner} onOpenChange={setOpen}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay data-slot="mfa-enrollment-dialog-overlay" />
        <Dialog.Content data-slot="mfa-enrollment-dialog-content" {...returnFocus}>
          <Dialog.Title data-slot="mfa-enrollment-dialog-title">{t('wizard.choose.title')}</Dialog.Title>
          <Dialog.Description data-slot="mfa-enrollment-dialog-description">{t('wizard.dialog.description')}</Dialog.Description>
          <EnrollmentWizard
            {...props}
            headingLevel={headingLevel}
            onCancelled={() => (props.onCancelled?.(), setOpen(false))}
            onDone={() => (props.onDone?.(), setOpen(false))}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
