/**
 * The client over real HTTP: plain http on 127.0.0.1 against the emulator's Node server, with
 * Node's own global fetch (no injected fetch at all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMfaClient, type MfaClient, MFA_SCOPES } from '../../src/core/index.ts';
import { startEmulatorServer } from '../../src/emulator/node.ts';
import type { EmulatorServer } from '../../src/emulator/node.ts';
import { accessProvider, rejection } from './client-helpers.ts';

let server: EmulatorServer;
let client: MfaClient;

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, emulatorOptions: { scenario: 'every-factor', pollInterval: 20 } });
  client = createMfaClient({ baseUrl: server.url, clientId: server.emulator.clientId, tokenProvider: accessProvider(server.emulator) });
});

afterAll(async () => {
  await server.close();
});

describe('against startEmulatorServer over http://127.0.0.1', () => {
  it('serves on plain http 127.0.0.1 and the client derives its domain from the baseUrl', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(client.domain).toBe(new URL(server.url).host);
  });

  it('lists, enrolls, confirms and deletes', async () => {
    const emulator = server.emulator;
    expect(await client.listAuthenticators()).toEqual(emulator.authenticators());

    const association = await client.associate({ factor: 'otp' });
    if (association.factor !== 'otp') throw new Error('expected an otp association');
    const pending = emulator.authenticators().filter((a) => a.authenticator_type === 'otp' && !a.active).at(-1)!;
    await client.verifyOtp({ otp: emulator.totp(pending.id) });
    expect(emulator.authenticators().find((a) => a.id === pending.id)?.active).toBe(true);

    await client.deleteAuthenticator(pending.id);
    expect(emulator.authenticators().some((a) => a.id === pending.id)).toBe(false);
    expect(emulator.requests().at(-1)?.path).toBe(`/mfa/authenticators/${encodeURIComponent(pending.id)}`);
  });

  it('classifies real HTTP errors and network drops', async () => {
    const emulator = server.emulator;
    expect((await rejection(client.deleteAuthenticator('totp|dev_doesnotexist0000'))).code).toBe('not_found');
    emulator.faults.failNext(1, { status: 200, body: '<html>proxy</html>', match: 'GET /mfa' });
    expect((await rejection(client.listAuthenticators())).code).toBe('invalid_response');
    emulator.faults.failNext(1, { network: true, match: 'GET /mfa' });
    expect((await rejection(client.listAuthenticators())).code).toBe('network');
  });

  it('a closed port is a network error', async () => {
    const gone = await startEmulatorServer({ port: 0 });
    const url = gone.url;
    await gone.close();
    const orphan = createMfaClient({ baseUrl: url, clientId: 'x', tokenProvider: accessProvider(server.emulator, MFA_SCOPES) });
    const error = await rejection(orphan.listAuthenticators());
    expect(error.code).toBe('network');
    expect(error.cause).toBeDefined();
  });
});
