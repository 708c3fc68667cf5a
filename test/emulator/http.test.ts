import fc from 'fast-check';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it, vi } from 'vitest';
import { GRANT } from '../../src/core/index.ts';
import { SCENARIOS, createEmulator, createMswHandlers } from '../../src/emulator/index.ts';
import { fresh, list, login, mfaToken, otpGrant } from './helpers.ts';

describe('routing and HTTP', () => {
  it('answers unknown paths 404 and wrong methods 405, in Auth0 shape with CORS', async () => {
    const e = fresh();
    const missing = await e.fetch(`${e.baseUrl}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    const wrong = await e.fetch(`${e.baseUrl}/oauth/token`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('POST');
    expect(await wrong.json()).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
    expect((await e.fetch(`${e.baseUrl}/mfa/authenticators`, { method: 'POST' })).status).toBe(405);
    expect((await e.fetch(`${e.baseUrl}/mfa/authenticators/x`, { method: 'GET' })).status).toBe(405);
  });

  it('answers preflights 204 with the CORS headers', async () => {
    const e = fresh();
    const res = await e.fetch(`${e.baseUrl}/mfa/authenticators`, { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE');
  });

  it('exposes rate-limit headers to browsers', async () => {
    const e = fresh();
    const res = await e.fetch(`${e.baseUrl}/nope`);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Reset/);
  });

  it('routes any origin, URL objects, Request objects and relative paths', async () => {
    const e = fresh();
    const { access_token } = e.issueAccessToken();
    const headers = { Authorization: `Bearer ${access_token}` };
    expect((await e.fetch('http://127.0.0.1:4010/mfa/authenticators', { headers })).status).toBe(200);
    expect((await e.fetch(new URL(`${e.baseUrl}/mfa/authenticators`), { headers })).status).toBe(200);
    expect((await e.fetch(new Request('https://tenant.example/mfa/authenticators', { headers }))).status).toBe(200);
    expect((await e.fetch('/mfa/authenticators', { headers })).status).toBe(200);
    expect((await e.handle(new Request(`${e.baseUrl}/mfa/authenticators`, { headers }))).status).toBe(200);
  });

  it('treats any https://…/mfa/ audience as the MFA API (a client pointed at the Node server origin)', async () => {
    const e = fresh({ scenario: 'new-user' });
    const res = await login(e, { audience: 'http://127.0.0.1:4010/mfa/' });
    expect(res.status).toBe(200);
    expect((await list(e, res.body.access_token as string)).status).toBe(200);
  });
});

describe('fault injection, latency, log, subscribe, reset', () => {
  it('fails the next matching requests with an Auth0 error, then recovers', async () => {
    const e = fresh();
    const { access_token } = e.issueAccessToken();
    e.faults.failNext(2, { status: 503, error: 'temporarily_unavailable', error_description: 'Down', match: 'GET /mfa/authenticators', headers: { 'Retry-After': '3' } });
    const other = await login(e);
    expect(other.status).toBe(403); // not matched
    const first = await list(e, access_token);
    expect(first).toMatchObject({ status: 503, body: { error: 'temporarily_unavailable', error_description: 'Down' } });
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await list(e, access_token)).status).toBe(503);
    expect((await list(e, access_token)).status).toBe(200);
    expect(e.requests().filter((r) => r.injected)).toHaveLength(2);
  });

  it('answers a raw body (an HTML error page) and rejects with TypeError on network faults', async () => {
    const e = fresh();
    e.faults.failNext(1, { status: 502, body: '<html><body>Bad gateway</body></html>' });
    const html = await e.fetch(`${e.baseUrl}/mfa/authenticators`);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('Bad gateway');
    e.faults.failNext(1, { network: true, match: 'POST /oauth/token' });
    await expect(login(e)).rejects.toThrow(new TypeError('Failed to fetch'));
    expect(e.requests().at(-1)).toMatchObject({ status: 0, injected: true, grantType: 'password' });
    expect((await login(e)).status).toBe(403);
  });

  it('delays answers and honours AbortSignal', async () => {
    const e = fresh();
    e.faults.latency(30);
    const started = Date.now();
    await e.fetch(`${e.baseUrl}/nope`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const pending = e.fetch(`${e.baseUrl}/nope`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    e.faults.clear();
  });

  it('logs requests without secrets', async () => {
    const e = fresh({ scenario: 'otp-only' });
    const token = await mfaToken(e);
    const code = e.totp();
    await otpGrant(e, token, code);
    const log = e.requests();
    expect(log).toEqual([
      expect.objectContaining({ method: 'POST', path: '/oauth/token', grantType: GRANT.password, status: 403, error: 'mfa_required' }),
      expect.objectContaining({ method: 'POST', path: '/oauth/token', grantType: GRANT.mfaOtp, status: 200 }),
    ]);
    const text = JSON.stringify(log);
    expect(text).not.toContain(token);
    expect(text).not.toContain(code);
    expect(text).not.toContain('correct horse');
    e.clearRequests();
    expect(e.requests()).toEqual([]);
  });

  it('notifies subscribers on requests, clock moves, push decisions and resets', async () => {
    const e = fresh({ scenario: 'push-otp' });
    const listener = vi.fn();
    const unsubscribe = e.subscribe(listener);
    await e.fetch(`${e.baseUrl}/nope`);
    e.clock.advance(1000);
    const token = await mfaToken(e);
    await e.fetch(`${e.baseUrl}/mfa/challenge`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_id: e.clientId, mfa_token: token, challenge_type: 'oob' }) });
    const before = listener.mock.calls.length;
    e.approvePush();
    expect(listener.mock.calls.length).toBe(before + 1);
    e.reset('new-user');
    expect(listener.mock.calls.length).toBe(before + 2);
    unsubscribe();
    e.clock.advance(1);
    expect(listener.mock.calls.length).toBe(before + 2);
  });

  it('resets to a scenario with stable ids and a clean log', async () => {
    const e = createEmulator();
    expect(e.scenario).toBe('every-factor');
    const ids = e.authenticators().map((a) => a.id);
    await e.fetch(`${e.baseUrl}/nope`);
    e.reset('new-user');
    expect(e.scenario).toBe('new-user');
    expect(e.authenticators()).toEqual([]);
    expect(e.requests()).toEqual([]);
    e.reset('every-factor');
    expect(e.authenticators().map((a) => a.id)).toEqual(ids);
    e.reset();
    expect(e.scenario).toBe('every-factor');
  });

  it('seeds every scenario as described', () => {
    const shapes = Object.fromEntries(SCENARIOS.map((s) => [s, createEmulator({ scenario: s }).authenticators().map((a) => `${a.id.split('|')[0]}${a.active ? '' : '?'}`)]));
    expect(shapes).toEqual({
      'new-user': [],
      'otp-only': ['totp', 'recovery-code'],
      'sms-voice': ['sms', 'voice', 'recovery-code'],
      'push-otp': ['push', 'totp', 'recovery-code'],
      'email-only': ['email'],
      pending: ['totp', 'recovery-code', 'totp?', 'totp?'],
      'every-factor': ['totp', 'sms', 'voice', 'push', 'totp', 'email', 'recovery-code', 'email'],
      'list-only': ['totp', 'recovery-code'],
    });
    const e = createEmulator({ scenario: 'otp-only' });
    expect(e.users).toEqual([{ id: 'user-1', email: 'ada@example.com', password: 'correct horse battery staple', phone: '+15550109167' }]);
    expect(e.baseUrl).toBe('https://mfa-kit.emulator.local');
    expect(e.audience).toBe('https://mfa-kit.emulator.local/mfa/');
    expect(e.clientId).toBe('mfa-kit-demo');
  });
});

describe('createMswHandlers', () => {
  it('serves the emulator through msw, turning network faults into fetch failures', async () => {
    const e = fresh();
    const server = setupServer(...createMswHandlers(e, http));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const { access_token } = e.issueAccessToken();
      const res = await fetch(`${e.baseUrl}/mfa/authenticators`, { headers: { Authorization: `Bearer ${access_token}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveLength(8);
      e.faults.failNext(1, { network: true });
      await expect(fetch(`${e.baseUrl}/mfa/authenticators`)).rejects.toThrow(TypeError);
    } finally {
      server.close();
    }
  });
});

describe('robustness (property)', () => {
  const methods = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD'];
  const paths = ['/oauth/token', '/mfa/authenticators', '/mfa/associate', '/mfa/challenge', '/mfa/authenticators/totp%7Cdev_x', '/mfa/authenticators/%E0%A4%A', '/', '/mfa', '/oauth/token/'];
  const contentTypes = ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', ''];

  it('always answers a success or a well-formed Auth0 error, never a crash or a 5xx', async () => {
    const e = fresh();
    const tokens = [e.issueAccessToken().access_token, e.issueMfaToken().mfa_token, e.issueAccessToken({ scopes: [] }).access_token];
    const fieldValue = fc.oneof(
      fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      fc.constantFrom(...tokens, e.clientId, ...Object.values(GRANT), 'otp', 'oob', 'sms', 'auth0', '+15550109167', '123456'),
    );
    const fieldName = fc.constantFrom('grant_type', 'client_id', 'mfa_token', 'otp', 'oob_code', 'binding_code', 'recovery_code', 'username', 'password', 'audience', 'scope', 'authenticator_types', 'oob_channels', 'phone_number', 'email', 'challenge_type', 'authenticator_id', 'refresh_token', 'realm');
    const body = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.dictionary(fieldName, fieldValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
      fc.dictionary(fieldName, fc.string(), { maxKeys: 6 }).map((o) => new URLSearchParams(o).toString()),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    const auth = fc.oneof(fc.constant(undefined), fc.string(), fc.constantFrom(...tokens).map((t) => `Bearer ${t}`), fc.string().map((s) => `Bearer ${s}`), fc.constant('Basic !!!'));
    const path = fc.oneof(fc.constantFrom(...paths), fc.webPath(), fc.string().map((s) => `/${encodeURIComponent(s)}`));

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), path, body, auth, fc.constantFrom(...contentTypes), async (method, p, b, authorization, contentType) => {
        const headers: Record<string, string> = {};
        if (contentType) headers['Content-Type'] = contentType;
        if (authorization !== undefined && /^[\t\x20-\x7e]*$/.test(authorization)) headers.Authorization = authorization;
        const hasBody = b !== undefined && method !== 'GET' && method !== 'HEAD';
        const res = await e.fetch(`${e.baseUrl}${p.startsWith('/') ? p : `/${p}`}`, { method, headers, ...(hasBody ? { body: b } : {}) });
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
        const text = await res.text();
        if (res.status >= 400) {
          const parsed = JSON.parse(text) as { error?: unknown; error_description?: unknown };
          expect(typeof parsed.error).toBe('string');
          expect(typeof parsed.error_description).toBe('string');
        } else if (res.status !== 204 && method !== 'HEAD') {
          expect(() => JSON.parse(text)).not.toThrow();
        }
      }),
      { numRuns: 400 },
    );
  });
});
