/**
 * mfa-kit: let signed-in users manage their own Auth0 MFA factors.
 * The React entry: provider, headless hooks, drop-in components and their parts, the message
 * table — plus everything in `mfa-kit/core`.
 */
export * from './hooks/index.ts';
export * from './components/index.ts';
export * from './i18n/index.ts';
// Not in hooks/index.ts: it reads the whole English table, which the core + hooks bundle must not carry.
export { useMessages } from './hooks/use-messages.ts';
export * from './core/index.ts';
