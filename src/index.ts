/**
 * mfa-kit: let signed-in users manage their own Auth0 MFA factors.
 * The React entry: provider and headless hooks (components follow), plus everything in `mfa-kit/core`.
 */
export * from './hooks/index.ts';
export * from './core/index.ts';
