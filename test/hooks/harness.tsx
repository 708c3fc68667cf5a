/**
 * A fresh emulator, the real client over its fetch, a token provider, and an MfaProvider with its
 * own SWR cache — per test. No module mocks: faults go through the emulator.
 */
import type { ReactNode } from 'react';
// The core entry and the hooks' provider, not src/index.ts: that entry also exports every drop-in,
// and importing it would load the dialogs' lazy chunk before any test could see it loading.
import { createMfaClient, type MfaClient, createCachedProvider, credentialFromToken, createStaticTokenProvider, type TokenProvider } from '../../src/core/index.ts';
import { MfaProvider } from '../../src/hooks/index.ts';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.ts';

export interface Harness {
  emulator: Emulator;
  client: MfaClient;
  provider: TokenProvider;
  wrapper: (props: { children?: ReactNode }) => ReactNode;
  /** Requests the tenant answered, optionally filtered by `METHOD path` prefix (e.g. `DELETE /mfa`). */
  count(prefix?: string): number;
}

export interface HarnessOptions extends EmulatorOptions {
  /** `full` (all three scopes), `list-only` (a raw mfa_token), or explicit scopes. @default 'full' */
  credential?: 'full' | 'list-only' | readonly string[];
  /** Use this provider instead (built from the emulator). */
  provider?: (emulator: Emulator) => TokenProvider;
  /** `MfaProvider`'s accountEmail. */
  accountEmail?: string;
}

export function harness(options: HarnessOptions = {}): Harness {
  const { credential = 'full', provider: makeProvider, accountEmail, ...emulatorOptions } = options;
  const emulator = createEmulator({ pollInterval: 20, ...emulatorOptions });
  const now = () => emulator.clock.now();
  const provider =
    makeProvider?.(emulator) ??
    (credential === 'list-only'
      ? createStaticTokenProvider({ mfaToken: emulator.issueMfaToken().mfa_token }, { now })
      : createCachedProvider(async (ctx) => credentialFromToken(emulator.issueAccessToken(credential === 'full' ? {} : { scopes: credential }), ctx.now())));
  const client = createMfaClient({ domain: emulator.domain, clientId: emulator.clientId, fetch: emulator.fetch, now, tokenProvider: provider });
  const wrapper = ({ children }: { children?: ReactNode }) => <MfaProvider client={client} accountEmail={accountEmail}>{children}</MfaProvider>;
  const count = (prefix?: string) =>
    emulator.requests().filter((r) => !prefix || `${r.method} ${r.path}`.startsWith(prefix)).length;
  return { emulator, client, provider, wrapper, count };
}
