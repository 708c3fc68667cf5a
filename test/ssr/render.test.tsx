/**
 * Server rendering: every drop-in renders with react-dom/server in Node, where there is no window
 * or document, without throwing and without touching the network during render.
 */
import { renderToString } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import {
  AuthenticatorList,
  DeleteConfirmation,
  EnrollmentDialog,
  EnrollmentWizard,
  MfaProvider,
  RecoveryCode,
  StepUp,
  StepUpDialog,
  TokenExpiryNotice,
  TwoFactorSettings,
  createMfaClient,
  createStaticTokenProvider,
  buildModel,
} from '../../src/index.ts';
import { createEmulator } from '../../src/emulator/index.ts';

const entry = buildModel(createEmulator({ scenario: 'sms-voice' }).authenticators()).entries[0]!;
const trigger = <button type="button">Open</button>;

function serverRender(ui: ReactElement): { html: string; requests: number } {
  const emulator = createEmulator({ scenario: 'every-factor' });
  const client = createMfaClient({
    domain: emulator.domain,
    clientId: emulator.clientId,
    fetch: emulator.fetch,
    tokenProvider: createStaticTokenProvider({ accessToken: emulator.issueAccessToken().access_token }),
  });
  const html = renderToString(<MfaProvider client={client}>{ui}</MfaProvider>);
  return { html, requests: emulator.requests().length };
}

const DROP_INS: Array<[string, ReactElement]> = [
  ['TwoFactorSettings', <TwoFactorSettings />],
  ['AuthenticatorList', <AuthenticatorList />],
  ['EnrollmentWizard', <EnrollmentWizard />],
  // Dialog content lives in a portal, which only mounts on the client; the trigger renders here.
  ['EnrollmentDialog', <EnrollmentDialog trigger={trigger} />],
  ['DeleteConfirmation', <DeleteConfirmation entry={entry} trigger />],
  ['RecoveryCode', <RecoveryCode code="ABCD2345EFGH6789JKLM2345" onConfirm={() => {}} />],
  ['StepUp', <StepUp />],
  ['StepUpDialog', <StepUpDialog trigger={trigger} />],
  ['TokenExpiryNotice', <TokenExpiryNotice />],
];

describe('server rendering', () => {
  it('runs without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it.each(DROP_INS)('%s renders to a string with no request during render', (_name, ui) => {
    const { html, requests } = serverRender(ui);
    expect(html).toMatch(/data-slot="mfa-|<button/);
    expect(requests).toBe(0);
  });
});
