export {
  RecoveryCodeRoot,
  RecoveryCodeTitle,
  RecoveryCodeDescription,
  RecoveryCodeValue,
  RecoveryCodeCopy,
  RecoveryCodeDownload,
  RecoveryCodeStatus,
  RecoveryCodeAcknowledge,
  RecoveryCodeCheckbox,
  RecoveryCodeHint,
  RecoveryCodeConfirm,
  type RecoveryCodeRootProps,
  type RecoveryCodeTitleProps,
  type RecoveryCodeAcknowledgeProps,
  type RecoveryCodeStatusKind,
} from './recovery-code.tsx';
export { RecoveryCode, type RecoveryCodeProps } from './recovery-code-drop-in.tsx';
