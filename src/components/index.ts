export * from './authenticator-list/index.ts';
export * from './delete-confirmation/index.ts';
export * from './enrollment-wizard/index.ts';
export * from './recovery-code/index.ts';
export * from './step-up/index.ts';
export * from './two-factor-settings/index.ts';
