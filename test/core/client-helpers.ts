/**
 * Fixtures for the client tests: a fresh emulator, a recording `fetch` (it forwards every request
 * unchanged to `emulator.fetch`, so the emulator still answers — it only lets tests read the exact
 * wire format), and tiny inline token providers.
 */
import {
  createMfaClient,
  type MfaClient,
  type MfaClientOptions,
  MFA_SCOPES,
  type MfaScope,
  type Credential,
  type TokenContext,
  type TokenProvider,
} from '../../src/core/index.ts';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.ts';

/** One request as it left the client. */
export interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** A provider that records its calls. */
export interface RecordingProvider extends TokenProvider {
  contexts: TokenContext[];
  invalidated: string[];
}

/** Access tokens minted by the emulator; `stale` (if given) is handed out until `forceRenew`. */
export function accessProvider(emulator: Emulator, scopes: readonly MfaScope[] = MFA_SCOPES, stale?: Credential): RecordingProvider {
  const contexts: TokenContext[] = [];
  const invalidated: string[] = [];
  return {
    contexts,
    invalidated,
    async getCredential(context) {
      contexts.push(context);
      if (stale && !context.forceRenew) return stale;
      const minted = emulator.issueAccessToken({ scopes });
      return { kind: 'access-token', token: minted.access_token, scopes, expiresAt: emulator.clock.now() + minted.expires_in * 1000 };
    },
    invalidate(token) {
      invalidated.push(token);
    },
  };
}

/** A raw `mfa_token` provider. */
export function mfaTokenProvider(emulator: Emulator): RecordingProvider {
  const contexts: TokenContext[] = [];
  const invalidated: string[] = [];
  return {
    contexts,
    invalidated,
    async getCredential(context) {
      contexts.push(context);
      const minted = emulator.issueMfaToken();
      return { kind: 'mfa-token', token: minted.mfa_token, expiresAt: emulator.clock.now() + minted.expires_in * 1000 };
    },
    invalidate(token) {
      invalidated.push(token);
    },
  };
}

/** A fresh emulator and a client on it, with every request recorded. */
export function setup(
  options: { emulator?: EmulatorOptions; client?: Partial<MfaClientOptions>; scopes?: readonly MfaScope[]; provider?: (emulator: Emulator) => TokenProvider | undefined } = {},
): { emulator: Emulator; client: MfaClient; sent: Sent[]; provider: TokenProvider | undefined } {
  const emulator = createEmulator({ pollInterval: 20, ...options.emulator });
  const sent: Sent[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: await request.clone().text() });
    return emulator.fetch(input, init);
  };
  const provider = options.provider ? options.provider(emulator) : accessProvider(emulator, options.scopes);
  const client = createMfaClient({
    domain: emulator.domain,
    clientId: emulator.clientId,
    fetch: recordingFetch,
    now: () => emulator.clock.now(),
    tokenProvider: provider,
    ...options.client,
  });
  return { emulator, client, sent, provider };
}

/** The request log of `/mfa/*` and `/oauth/token` requests that reached the tenant. */
export function hits(emulator: Emulator, match?: string): number {
  return emulator.requests().filter((r) => match === undefined || `${r.method} ${r.path}`.includes(match)).length;
}

/** Await a rejection and return it as an `MfaError`-shaped object. */
export async function rejection(promise: Promise<unknown>): Promise<import('../../src/core/errors.ts').MfaError> {
  try {
    await promise;
  } catch (error) {
    return error as import('../../src/core/errors.ts').MfaError;
  }
  throw new Error('expected a rejection');
}
