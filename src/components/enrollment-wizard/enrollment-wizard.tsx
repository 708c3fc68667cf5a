'use client';
import type { ReactNode } from 'react';
import {
  EnrollmentWizardCodeInput,
  EnrollmentWizardEmailHint,
  EnrollmentWizardEmailInput,
  EnrollmentWizardForm,
  EnrollmentWizardLabel,
  EnrollmentWizardPhoneCountry,
  EnrollmentWizardPhoneInput,
  EnrollmentWizardResend,
  EnrollmentWizardSubmit,
} from './fields.tsx';
import { EnrollmentWizardCopy, EnrollmentWizardOpenApp, EnrollmentWizardPushStatus, EnrollmentWizardQrCode, EnrollmentWizardSecret, EnrollmentWizardSecretLabel } from './media.tsx';
import {
  EnrollmentWizardActions,
  EnrollmentWizardAnnouncer,
  EnrollmentWizardCancel,
  EnrollmentWizardDescription,
  EnrollmentWizardDone,
  EnrollmentWizardError,
  EnrollmentWizardFactorPicker,
  EnrollmentWizardField,
  EnrollmentWizardRecoveryCode,
  EnrollmentWizardRetry,
  EnrollmentWizardStep,
  EnrollmentWizardStepUp,
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
