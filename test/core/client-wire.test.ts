import { describe, expect, it } from 'vitest';
import { createMfaClient } from '../../src/core/index.ts';
import { accessProvider, rejection, setup } from './client-helpers.ts';

describe('success only when the wire says so', () => {
  it('a 200 HTML page to DELETE is invalid_response', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, { status: 200, body: '<html>captive portal</html>', match: 'DELETE' });
    expect((await rejection(client.deleteAuthenticator('totp|dev_x'))).code).toBe('invalid_response');
  });

  it('a 2xx error body to DELETE is invalid_response; a 200 empty body deletes', async () => {
    const { client, emulator } = setup();
    for (const body of ['{"error":"access_denied"}', '{"errorCode":"access_denied"}', '{"code":"access_denied","description":"Denied"}']) {
      emulator.faults.failNext(1, { status: 200, body, match: 'DELETE' });
      expect((await rejection(client.deleteAuthenticator('totp|dev_x'))).code, body).toBe('invalid_response');
    }
    emulator.faults.failNext(1, { status: 200, body: '', match: 'DELETE' });
    await expect(client.deleteAuthenticator('totp|dev_x')).resolves.toBeUndefined();
  });

  it('JSON in a text/html answer is not data', async () => {
    const { client, emulator } = setup();
    emulator.faults.failNext(1, { status: 200, body: '[]', headers: { 'Content-Type': 'text/html' }, match: 'GET /mfa/authenticators' });
    expect((await rejection(client.listAuthenticators())).code).toBe('invalid_response');
  });

  it('Response.error(), a non-Response and a thrown non-Error are network', async () => {
    const { emulator } = setup();
    for (const fetch of [async () => Response.error(), async () => ({}) as Response, async () => { throw 'boom'; }]) {
      const client = createMfaClient({ domain: 'tenant.example', clientId: 'c', fetch: fetch as typeof globalThis.fetch, tokenProvider: accessProvider(emulator) });
      expect((await rejection(client.listAuthenticators())).code).toBe('network');
    }
  });
});
