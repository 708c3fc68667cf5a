export { EnrollmentWizardRoot, type EnrollmentWizardRootProps } from './root.tsx';
export {
  EnrollmentWizardStep,
  EnrollmentWizardTitle,
  EnrollmentWizardDescription,
  EnrollmentWizardFactorPicker,
  EnrollmentWizardFactorOption,
  EnrollmentWizardField,
  EnrollmentWizardActions,
  EnrollmentWizardError,
  EnrollmentWizardAnnouncer,
  EnrollmentWizardCancel,
  EnrollmentWizardStepUp,
  EnrollmentWizardDone,
  EnrollmentWizardRetry,
  EnrollmentWizardRecoveryCode,
  type EnrollmentWizardStepProps,
  type EnrollmentWizardFactorOptionProps,
  type EnrollmentWizardButtonProps,
} from './parts.tsx';
export {
  EnrollmentWizardForm,
  EnrollmentWizardLabel,
  EnrollmentWizardPhoneCountry,
  EnrollmentWizardPhoneInput,
  EnrollmentWizardEmailInput,
  EnrollmentWizardEmailHint,
  EnrollmentWizardCodeInput,
  EnrollmentWizardSubmit,
  EnrollmentWizardResend,
  type EnrollmentWizardLabelProps,
} from './parts.tsx';
export {
  EnrollmentWizardQrCode,
  EnrollmentWizardSecretLabel,
  EnrollmentWizardSecret,
  EnrollmentWizardCopy,
  EnrollmentWizardOpenApp,
  EnrollmentWizardPushStatus,
  type EnrollmentWizardQrCodeProps,
} from './parts.tsx';
export type { WizardStep } from './context.ts';
export { EnrollmentWizard, type EnrollmentWizardProps } from './enrollment-wizard.tsx';
export { EnrollmentDialog, type EnrollmentDialogProps } from './enrollment-wizard.tsx';
