// Public as useStepUpContext: the name useStepUp is the step-up flow's hook (src/hooks).
export { StepUpRoot, useStepUp as useStepUpContext, type StepUpRootProps, type StepUpPhase, type StepUpOption, type StepUpErrorInfo } from './step-up-root.tsx';
export {
  StepUpTitle,
  StepUpDescription,
  StepUpFactorList,
  StepUpFactor,
  StepUpCodeLabel,
  StepUpCodeInput,
  StepUpSubmit,
  StepUpResend,
  StepUpRecoveryToggle,
  StepUpError,
  StepUpStatus,
  StepUpCancel,
  StepUpNewRecoveryCode,
  type StepUpTitleProps,
  type StepUpFactorProps,
  type StepUpResendProps,
} from './step-up-parts.tsx';
export { StepUp, StepUpDialog, type StepUpProps, type StepUpDialogProps } from './step-up.tsx';
export {
  TokenExpiryNotice,
  TokenExpiryNoticeRoot,
  TokenExpiryNoticeMessage,
  TokenExpiryNoticeAction,
  TokenExpiryNoticeStepUp,
  type TokenExpiryNoticeProps,
  type TokenExpiryNoticeRootProps,
  type TokenExpiryNoticeState,
} from './token-expiry-notice.tsx';
