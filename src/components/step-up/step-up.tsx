'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useState, type ReactNode, type RefObject } from 'react';
import { useReturnFocus } from '../primitives/index.ts';
import type { Messages } from '../../i18n/messages.ts';
import {
  StepUpCancel,
  StepUpCodeInput,
  StepUpCodeLabel,
  StepUpDescription,
  StepUpError,
  StepUpFactorList,
  StepUpNewRecoveryCode,
  StepUpRecoveryToggle,
  StepUpResend,
  StepUpStatus,
  StepUpSubmit,
  StepUpTitle,
} from './step-up-parts.tsx';
import { StepUpRoot } from './step-up-root.tsx';

/** Props of {@link StepUp}. */
export interface StepUpProps {
  /** The authenticator being removed: never offered (nor its pair). */
  excludeId?: string;
  /** Verified: the credential can now enroll and delete. */
  onVerified?: () => void;
  /** The user gave up. Without it there is no Cancel on the first step. */
  onCancelled?: () => void;
  messages?: Partial<Messages>;
  /** Heading level of the title. @default 2 */
  headingLevel?: 2 | 3 | 4;
}

/** Everything after the title and description, shared by the inline and dialog drop-ins. */
function StepUpBody(): ReactNode {
  return (
    <>
      <StepUpFactorList />
      <StepUpStatus />
      <StepUpCodeLabel />
      <StepUpCodeInput />
      <StepUpError />
      <StepUpSubmit />
      <StepUpResend />
      <StepUpResend alternate />
      <StepUpRecoveryToggle />
      <StepUpCancel />
      <StepUpNewRecoveryCode />
    </>
  );
}

/**
 * "Verify it's you", inline: for a list-only credential or a missing scope. With ROPG it asks for
 * a code (or push approval, or a recovery code) from one of the user's other factors; with
 * Universal Login its button opens the popup / redirect from the click.
 *
 * @example
 * ```tsx
 * {token.status === 'step-up-required' && <StepUp excludeId={target.id} onVerified={remove} />}
 * ```
 */
export function StepUp({ headingLevel, ...props }: StepUpProps): ReactNode {
  return (
    <StepUpRoot {...props}>
      <StepUpTitle level={headingLevel} />
      <StepUpDescription />
      <StepUpBody />
    </StepUpRoot>
  );
}

/** Props of {@link StepUpDialog}. */
export interface StepUpDialogProps extends Omit<StepUpProps, 'headingLevel'> {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** An element that opens the dialog (e.g. a "Verify to manage" button), rendered as the Radix trigger. */
  trigger?: ReactNode;
  /**
   * Where focus goes on close when the element it came from is gone, e.g. a "Verify it's you" button
   * that the same update removed. Without it (or when it is gone too), Radix's default applies.
   */
  returnFocusFallback?: RefObject<HTMLElement | null>;
}

/**
 * {@link StepUp} in a Radix dialog: focus trapped and restored, titled and described. Closes after
 * `onVerified` / `onCancelled`.
 */
export function StepUpDialog({ open, defaultOpen = false, onOpenChange, trigger, returnFocusFallback, onVerified, onCancelled, ...props }: StepUpDialogProps): ReactNode {
  const [inner, setInner] = useState(defaultOpen);
  const returnFocus = useReturnFocus(Boolean(trigger), returnFocusFallback);
  const setOpen = (next: boolean) => {
    setInner(next);
    onOpenChange?.(next);
  };
  const thenClose = (callback?: () => void) => () => {
    callback?.();
    setOpen(false);
  };
  return (
    <Dialog.Root open={open ?? inner} onOpenChange={setOpen}>
      {trigger ? <Dialog.Trigger asChild>{trigger}</Dialog.Trigger> : null}
      <Dialog.Portal>
        <Dialog.Overlay data-slot="mfa-step-up-overlay" />
        <Dialog.Content
          asChild
          {...returnFocus}
        >
          <StepUpRoot
            data-slot="mfa-step-up-content"
            {...props}
            onVerified={thenClose(onVerified)}
            onCancelled={thenClose(onCancelled)}
          >
            <Dialog.Title asChild>
              <StepUpTitle />
            </Dialog.Title>
            <Dialog.Description asChild>
              <StepUpDescription />
            </Dialog.Description>
            <StepUpBody />
          </StepUpRoot>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
