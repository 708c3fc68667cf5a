/**
 * Hydration: the server HTML of every drop-in hydrates in the browser without a mismatch. React
 * reports mismatches through `onRecoverableError` and console errors; both are collected.
 */
import { act } from '@testing-library/react';
import type { ReactElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthenticatorList,
  EnrollmentWizard,
  MfaProvider,
  RecoveryCode,
  StepUp,
  TokenExpiryNotice,
  TwoFactorSettings,
  createMfaClient,
  createStaticTokenProvider,
} from '../../src/index.ts';
import { createEmulator } from '../../src/emulator/index.ts';

function app(ui: ReactElement): ReactElement {
  const emulator = createEmulator({ scenario: 'every-factor' });
  const client = createMfaClient({
    domain: emulator.domain,
    clientId: emulator.clientId,
    fetch: emulator.fetch,
    tokenProvider: createStaticTokenProvider({ accessToken: emulator.issueAccessToken().access_token }),
  });
  return <MfaProvider client={client}>{ui}</MfaProvider>;
}

const DROP_INS: Array<[string, () => ReactElement]> = [
  ['TwoFactorSettings', () => <TwoFactorSettings />],
  ['AuthenticatorList', () => <AuthenticatorList />],
  ['EnrollmentWizard', () => <EnrollmentWizard />],
  ['RecoveryCode', () => <RecoveryCode code="ABCD2345EFGH6789JKLM2345" onConfirm={() => {}} />],
  ['StepUp', () => <StepUp />],
  ['TokenExpiryNotice', () => <TokenExpiryNotice />],
];

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('hydration', () => {
  it.each(DROP_INS)('%s hydrates its server HTML without a mismatch', async (_name, ui) => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(app(ui()));
    document.body.append(container);
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, app(ui()), { onRecoverableError: (error) => void errors.push(error) });
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
    root?.unmount();
    consoleError.mockRestore();
    expect(errors.map(String)).toEqual([]);
  });
});
