// The dialog lives with the wizard it wraps (one module costs fewer bytes than two); this path
// stays for the lazily loaded flows (`../flows.ts`).
export { EnrollmentDialog, type EnrollmentDialogProps } from './enrollment-wizard.tsx';
