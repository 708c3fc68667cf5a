import { afterEach, describe, expect, it } from 'vitest';
import { GRANT } from '../../src/core/index.ts';
import { createEmulator } from '../../src/emulator/index.ts';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.ts';

let server: EmulatorServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startEmulatorServer', () => {
  it('serves the MFA API over real HTTP on 127.0.0.1 with CORS', async () => {
    server = await startEmulatorServer({ port: 0, emulatorOptions: { scenario: 'otp-only' } });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.emulator.baseUrl).toBe(server.url);

    const preflight = await fetch(`${server.url}/mfa/authenticators`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'DELETE', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const { emulator } = server;
    const login = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: GRANT.password, username: 'ada@example.com', password: 'correct horse battery staple', client_id: emulator.clientId, audience: emulator.audience, scope: 'openid enroll read:authenticators remove:authenticators' }),
    });
    expect(login.status).toBe(403);
    const { mfa_token } = (await login.json()) as { mfa_token: string };
    const granted = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: GRANT.mfaOtp, client_id: emulator.clientId, mfa_token, otp: emulator.totp() }),
    });
    expect(granted.status).toBe(200);
    const { access_token } = (await granted.json()) as { access_token: string };
    const listed = await fetch(`${server.url}/mfa/authenticators`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('*');
    const items = (await listed.json()) as Array<{ id: string }>;
    const deleted = await fetch(`${server.url}/mfa/authenticators/${encodeURIComponent(items[0]!.id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${access_token}` } });
    expect(deleted.status).toBe(204);
    expect(emulator.authenticators()).toHaveLength(1);
  });

  it('serves a given emulator and drops the connection on network faults', async () => {
    const emulator = createEmulator();
    server = await startEmulatorServer({ port: 0, emulator });
    expect(server.emulator).toBe(emulator);
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    emulator.faults.failNext(1, { network: true });
    await expect(fetch(`${server.url}/nope`)).rejects.toThrow(TypeError);
  });
});
