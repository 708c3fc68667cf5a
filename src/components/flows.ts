/**
 * The heavy flows in one lazily loaded chunk: the enrollment wizard and the step-up (with the
 * recovery code it may show), each in its dialog. One chunk rather than two: both come with the
 * same shared code, and two chunks would cost more bytes in all than they save on the first open.
 */
export { EnrollmentDialog } from './enrollment-wizard/enrollment-dialog.tsx';
export { StepUpDialog } from './step-up/step-up.tsx';
