'use client';
import type { ReactNode } from 'react';
import type { Messages } from '../../i18n/messages.ts';
import {
  RecoveryCodeAcknowledge,
  RecoveryCodeConfirm,
  RecoveryCodeCopy,
  RecoveryCodeDescription,
  RecoveryCodeDownload,
  RecoveryCodeHint,
  RecoveryCodeRoot,
  RecoveryCodeStatus,
  RecoveryCodeTitle,
  RecoveryCodeValue,
} from './recovery-code.tsx';

/** Props of {@link RecoveryCode}. */
export interface RecoveryCodeProps {
  /** The recovery code Auth0 returned (first enrollment, or after a recovery-code grant). */
  code: string;
  /** The user confirmed they saved the code. */
  onConfirm: () => void;
  messages?: Partial<Messages>;
  /** Name of the downloaded file. @default 'recovery-code.txt' */
  fileName?: string;
  /** Heading level of the title. @default 2 */
  headingLevel?: 2 | 3 | 4;
  /** The host app's name, written into the downloaded file. */
  appName?: string;
  /** Label of the confirm button. @default "Continue" */
  confirmLabel?: ReactNode;
}

/**
 * Shows a new recovery code once, with copy, download as .txt, and an "I have saved my recovery
 * code" checkbox that must be checked before `onConfirm` runs. Built only from the RecoveryCode parts.
 *
 * @example
 * ```tsx
 * <RecoveryCode code={state.recoveryCode} onConfirm={() => setStep('done')} />
 * ```
 */
export function RecoveryCode({ headingLevel, confirmLabel, ...props }: RecoveryCodeProps): ReactNode {
  return (
    <RecoveryCodeRoot {...props}>
      <RecoveryCodeTitle level={headingLevel} />
      <RecoveryCodeDescription />
      <RecoveryCodeValue />
      <RecoveryCodeCopy />
      <RecoveryCodeDownload />
      <RecoveryCodeStatus />
      <RecoveryCodeAcknowledge />
      <RecoveryCodeHint />
      <RecoveryCodeConfirm>{confirmLabel}</RecoveryCodeConfirm>
    </RecoveryCodeRoot>
  );
}
