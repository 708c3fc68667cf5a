'use client';
import type { ReactElement, ReactNode } from 'react';
import {
  DeleteConfirmationActions,
  DeleteConfirmationCancel,
  DeleteConfirmationConfirm,
  DeleteConfirmationContent,
  DeleteConfirmationDescription,
  DeleteConfirmationError,
  DeleteConfirmationStatus,
  DeleteConfirmationTitle,
  DeleteConfirmationTrigger,
  DeleteConfirmationWarning,
} from './parts.tsx';
import { DeleteConfirmationRoot, type DeleteConfirmationRootProps } from './root.tsx';

/** Props of the drop-in {@link DeleteConfirmation}. */
export interface DeleteConfirmationProps extends Omit<DeleteConfirmationRootProps, 'children'> {
  /** `true`: render the default "Remove" trigger; an element: use it as the trigger. @default false (control with `open`) */
  trigger?: boolean | ReactElement;
}

/**
 * A confirmation dialog for removing one list entry: names it, warns by name about its pair and
 * about leaving no second factor, shows "Removing…" and any error, and closes on success.
 *
 * @example
 * ```tsx
 * <DeleteConfirmation entry={entry} trigger onDeleted={(e) => toast(`${e.key} removed`)} />
 * ```
 */
export function DeleteConfirmation({ trigger = false, ...root }: DeleteConfirmationProps): ReactNode {
  return (
    <DeleteConfirmationRoot {...root}>
      {trigger === true ? <DeleteConfirmationTrigger /> : trigger ? <DeleteConfirmationTrigger asChild>{trigger}</DeleteConfirmationTrigger> : null}
      <DeleteConfirmationContent>
        <DeleteConfirmationTitle />
        <DeleteConfirmationDescription />
        <DeleteConfirmationWarning type="pair" />
        <DeleteConfirmationWarning type="last-factor" />
        <DeleteConfirmationError />
        <DeleteConfirmationStatus />
        <DeleteConfirmationActions>
          <DeleteConfirmationCancel />
          <DeleteConfirmationConfirm />
        </DeleteConfirmationActions>
      </DeleteConfirmationContent>
    </DeleteConfirmationRoot>
  );
}
