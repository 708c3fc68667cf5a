/**
 * Type tests of the parts (issue 12): checked by `tsc` (`npm run typecheck`, part of `npm test`).
 * Each part is typed by the element it renders, so JSX rejects an attribute that element does not
 * take — which the old `createPart` spec tables (`Record<string, unknown>`) let through. Every
 * `@ts-expect-error` below must be an error, or `tsc` fails on the unused directive.
 */
import type { MouseEvent } from 'react';
import { expectTypeOf } from 'vitest';
import {
  AuthenticatorListAdd,
  AuthenticatorListItems,
  DeleteConfirmationConfirm,
  DeleteConfirmationWarning,
  EnrollmentWizardActions,
  EnrollmentWizardCodeInput,
  EnrollmentWizardOpenApp,
  EnrollmentWizardSubmit,
  EnrollmentWizardTitle,
  RecoveryCodeTitle,
  StepUpCodeInput,
  StepUpFactorList,
  type EnrollmentWizardButtonProps,
} from '../../src/index.ts';

// Never called: only compiled.
export function misuse(ref: { current: HTMLDivElement | null }) {
  return (
    <>
      {/* @ts-expect-error tabIndex is a number, not the string '-1' */}
      <EnrollmentWizardTitle tabIndex="-1" />
      {/* @ts-expect-error a button's disabled is a boolean, not 'yes' */}
      <EnrollmentWizardSubmit disabled="yes" />
      {/* @ts-expect-error a div takes no href */}
      <EnrollmentWizardActions href="/elsewhere" />
      {/* @ts-expect-error a div takes no href */}
      <StepUpFactorList href="/elsewhere" />
      {/* @ts-expect-error an attribute no element has (data-* are fine, see below) */}
      <AuthenticatorListAdd confirmText="Sure?" />
      {/* @ts-expect-error the ref of a button part is a button's, not a div's */}
      <DeleteConfirmationConfirm ref={ref} />
      {/* @ts-expect-error an input's value is a string, number or string[], not a boolean */}
      <EnrollmentWizardCodeInput value={true} />
      {/* @ts-expect-error maxLength is a number */}
      <StepUpCodeInput maxLength="6" />
      {/* @ts-expect-error a recovery code's heading is h2–h4 */}
      <RecoveryCodeTitle level={5} />
      {/* @ts-expect-error a warning is one of two types */}
      <DeleteConfirmationWarning type="other" />
      {/* @ts-expect-error a list's items render from a function of the entry, not elements */}
      <AuthenticatorListItems>{'text'}</AuthenticatorListItems>
    </>
  );
}

// What each element takes does type-check: its own attributes, data-*, asChild, a typed handler.
export function use(ref: { current: HTMLButtonElement | null }) {
  return (
    <>
      <EnrollmentWizardTitle tabIndex={-1} className="title" data-testid="title" />
      <EnrollmentWizardSubmit ref={ref} disabled form="f" onClick={(e) => expectTypeOf(e).toEqualTypeOf<MouseEvent<HTMLButtonElement>>()} />
      <EnrollmentWizardOpenApp href="otpauth://totp/x" target="_blank" rel="noreferrer" />
      <EnrollmentWizardCodeInput maxLength={6} inputMode="numeric" />
      <AuthenticatorListAdd asChild>
        <a href="#add">Add</a>
      </AuthenticatorListAdd>
      <RecoveryCodeTitle level={3} />
    </>
  );
}

expectTypeOf<EnrollmentWizardButtonProps['type']>().toEqualTypeOf<'submit' | 'reset' | 'button' | undefined>();
