export { DeleteConfirmation, type DeleteConfirmationProps } from './delete-confirmation.tsx';
export { DeleteConfirmationRoot, type DeleteConfirmationRootProps } from './root.tsx';
export {
  DeleteConfirmationTrigger,
  DeleteConfirmationContent,
  DeleteConfirmationTitle,
  DeleteConfirmationDescription,
  DeleteConfirmationWarning,
  DeleteConfirmationError,
  DeleteConfirmationStatus,
  DeleteConfirmationActions,
  DeleteConfirmationCancel,
  DeleteConfirmationConfirm,
  type DeleteConfirmationContentProps,
  type DeleteConfirmationWarningProps,
} from './parts.tsx';
export type { PartProps } from '../primitives/primitive.tsx';
