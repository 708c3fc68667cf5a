/**
 * Fixtures for the token-provider tests: a fresh emulator, the real client over its `fetch`, and
 * the provider under test in between.
 */
import { createMfaClient, type MfaClient, type TokenGrants, type TokenProvider, type TokenStatus } from '../../src/core/index.ts';
import { parseAuthenticatorList } from '../../src/core/wire.ts';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.ts';

export const USER = { username: 'ada@example.com', password: 'correct horse battery staple' };

/**
 * Grants with `listWithToken` (an optional TokenGrants member the client may not implement yet):
 * `GET /mfa/authenticators` with the given `mfa_token`, straight at the emulator.
 */
export function withListing(grants: TokenGrants, emulator: Emulator): TokenGrants {
  if (grants.listWithToken) return grants;
  return {
    ...grants,
    async listWithToken({ mfaToken }) {
      const response = await emulator.fetch(`${emulator.baseUrl}/mfa/authenticators`, { headers: { Authorization: `Bearer ${mfaToken}` } });
      return parseAuthenticatorList(await response.json());
    },
  };
}

/** Wraps a provider so the grants it sees can list with an `mfa_token`. Other members pass through. */
export function listing<P extends TokenProvider>(provider: P, emulator: Emulator): P {
  return {
    ...provider,
    getCredential: (context) => provider.getCredential({ ...context, grants: withListing(context.grants, emulator) }),
  };
}

export interface Connected<P extends TokenProvider> {
  emulator: Emulator;
  client: MfaClient;
  provider: P;
  /** Distinct statuses the provider went through, in order. */
  statuses: TokenStatus[];
  /** `/oauth/token` requests the tenant answered, of one grant type or all. */
  grantCount: (grantType?: string) => number;
}

/** The real client on `emulator`, with `provider` as its token provider. */
export function connect<P extends TokenProvider>(emulator: Emulator, provider: P): Connected<P> {
  const statuses: TokenStatus[] = [];
  provider.subscribe?.(() => {
    const status = provider.getState?.().status;
    if (status && statuses.at(-1) !== status) statuses.push(status);
  });
  const client = createMfaClient({
    domain: emulator.domain,
    clientId: emulator.clientId,
    fetch: emulator.fetch,
    now: () => emulator.clock.now(),
    tokenProvider: provider,
  });
  const grantCount = (grantType?: string) =>
    emulator.requests().filter((r) => r.path === '/oauth/token' && (grantType === undefined || r.grantType === grantType)).length;
  return { emulator, client, provider, statuses, grantCount };
}

/** A fresh emulator (push polls allowed at any pace) and the client with the provider `make` builds. */
export function setup<P extends TokenProvider>(make: (emulator: Emulator) => P, options: EmulatorOptions = {}): Connected<P> {
  const emulator = createEmulator({ pollInterval: 0, ...options });
  return connect(emulator, make(emulator));
}
