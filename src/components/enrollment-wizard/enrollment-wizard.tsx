'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';
import { useTranslator } from '../../hooks/use-messages.ts';
import { defaults } from '../../i18n/components/enrollment-wizard.ts';
import { useReturnFocus } from '../primitives/index.ts';
import {
  EnrollmentWizardActions,
  EnrollmentWizardAnnouncer,
  EnrollmentWizardCancel,
  EnrollmentWizardCodeInput,
  EnrollmentWizardCopy,
  EnrollmentWizardDescription,
  EnrollmentWizardDone,
  EnrollmentWizardEmailHint,
  EnrollmentWizardEmailInput,
  EnrollmentWizardError,
  EnrollmentWizardFactorPicker,
  EnrollmentWizardField,
  EnrollmentWizardForm,
  EnrollmentWizardLabel,
  EnrollmentWizardOpenApp,
  EnrollmentWizardPhoneCountry,
  EnrollmentWizardPhoneInput,
  EnrollmentWizardPushStatus,
  EnrollmentWizardQrCode,
  EnrollmentWizardRecoveryCode,
  EnrollmentWizardResend,
  EnrollmentWizardRetry,
  EnrollmentWizardSecret,
  EnrollmentWizardSecretLabel,
  EnrollmentWizardStep,
  EnrollmentWizardStepUp,
  EnrollmentWizardSubmit,
  EnrollmentWizardTitle,
} from './parts.tsx';
import { EnrollmentWizardRoot, type EnrollmentWizardRootProps } from './root.tsx';

/** Props of {@link EnrollmentWizard}: the Root's (factors, callbacks, messages, headingLevel…). */
export type EnrollmentWizardProps = Omit<EnrollmentWizardRootProps, 'children'>;

/**
 * The complete enrollment flow, built only from the EnrollmentWizard parts: choose a factor → set
 * it up (QR and setup key, phone number, email address, or Guardian QR) → confirm with a code or
 * a push approval → recovery code (first enrollment) → done.
 *
 * @example
 * ```tsx
 * <EnrollmentWizard factors={['otp', 'sms', 'push']} onDone={() => setAdding(false)} onCancelled={() => setAdding(false)} />
 * ```
 */
export function EnrollmentWizard(props: EnrollmentWizardProps): ReactNode {
  return (
    <EnrollmentWizardRoot {...props}>
      <EnrollmentWizardStep step={['step-up', 'choose', 'setup', 'confirm', 'done']}>
        <EnrollmentWizardTitle />
        <EnrollmentWizardDescription />
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="step-up">
        <EnrollmentWizardActions>
          <EnrollmentWizardStepUp />
          {props.onCancelled && <EnrollmentWizardCancel />}
        </EnrollmentWizardActions>
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="choose">
        <EnrollmentWizardFactorPicker />
        {props.onCancelled && <EnrollmentWizardCancel />}
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="confirm" factor={['otp', 'push']}>
        <EnrollmentWizardQrCode />
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="confirm" factor="otp" started>
        <EnrollmentWizardField>
          <EnrollmentWizardSecretLabel />
          <EnrollmentWizardSecret />
          <EnrollmentWizardCopy />
        </EnrollmentWizardField>
        <EnrollmentWizardOpenApp />
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="confirm" factor="push">
        <EnrollmentWizardPushStatus />
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step={['setup', 'confirm']}>
        <EnrollmentWizardError />
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="setup">
        <EnrollmentWizardForm>
          <EnrollmentWizardStep step="setup" factor={['sms', 'voice']}>
            <EnrollmentWizardField>
              <EnrollmentWizardLabel field="country" />
              <EnrollmentWizardPhoneCountry />
            </EnrollmentWizardField>
            <EnrollmentWizardField>
              <EnrollmentWizardLabel field="phone" />
              <EnrollmentWizardPhoneInput />
            </EnrollmentWizardField>
          </EnrollmentWizardStep>
          <EnrollmentWizardStep step="setup" factor="email">
            <EnrollmentWizardField>
              <EnrollmentWizardLabel field="email" />
              <EnrollmentWizardEmailInput />
              <EnrollmentWizardEmailHint />
            </EnrollmentWizardField>
          </EnrollmentWizardStep>
          <EnrollmentWizardActions>
            <EnrollmentWizardSubmit />
            <EnrollmentWizardCancel />
          </EnrollmentWizardActions>
        </EnrollmentWizardForm>
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="confirm" factor={['otp', 'sms', 'voice', 'email']} started>
        <EnrollmentWizardForm>
          <EnrollmentWizardField>
            <EnrollmentWizardLabel field="code" />
            <EnrollmentWizardCodeInput />
          </EnrollmentWizardField>
          <EnrollmentWizardActions>
            <EnrollmentWizardSubmit />
            <EnrollmentWizardResend />
          </EnrollmentWizardActions>
        </EnrollmentWizardForm>
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="confirm">
        <EnrollmentWizardActions>
          <EnrollmentWizardRetry />
          <EnrollmentWizardCancel />
        </EnrollmentWizardActions>
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="recovery-code">
        <EnrollmentWizardRecoveryCode />
      </EnrollmentWizardStep>
      <EnrollmentWizardStep step="done">
        <EnrollmentWizardDone />
      </EnrollmentWizardStep>
      <EnrollmentWizardAnnouncer />
    </EnrollmentWizardRoot>
  );
}

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
  const t = useTranslator(defaults, props.messages);
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
