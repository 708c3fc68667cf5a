import { describe, expect, it } from 'vitest';
import { route } from '../../src/emulator/handler.ts';
import { Tenant } from '../../src/emulator/tenant.ts';
import { signJwt } from '../../src/emulator/oidc.ts';

const fromB64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

function createEmulator() {
  const tenant = new Tenant();
  return { tenant, baseUrl: tenant.options.baseUrl, fetch: async (url: string, init?: RequestInit) => (await route(tenant, new Request(url, init))).response };
}

describe('OIDC discovery and JWKS', () => {
  it('publishes discovery with the tenant issuer and a JWKS that verifies its RS256 tokens', async () => {
    const e = createEmulator();
    const discovery = await (await e.fetch(`${e.baseUrl}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({ issuer: `https://${e.tenant.options.domain}/`, id_token_signing_alg_values_supported: ['RS256'] });
    // Nothing is advertised that answers 404: /authorize and the rest arrive with the rest of issue 11.
    expect(discovery.authorization_endpoint).toBeUndefined();
    const jwks = await (await e.fetch(discovery.jwks_uri)).json();
    expect(jwks.keys).toHaveLength(1);
    const jwt = await signJwt(e.tenant, { sub: 'auth0|user-1' });
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    expect(JSON.parse(new TextDecoder().decode(fromB64url(h)))).toMatchObject({ alg: 'RS256', kid: jwks.keys[0].kid });
    const key = await crypto.subtle.importKey('jwk', jwks.keys[0], { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, fromB64url(sig), new TextEncoder().encode(`${h}.${p}`))).toBe(true);
    // Another emulator has its own key: the first one's token does not verify against it.
    const other = createEmulator();
    const otherJwks = await (await other.fetch(`${other.baseUrl}/.well-known/jwks.json`)).json();
    const otherKey = await crypto.subtle.importKey('jwk', otherJwks.keys[0], { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', otherKey, fromB64url(sig), new TextEncoder().encode(`${h}.${p}`))).toBe(false);
    expect((await e.fetch(`${e.baseUrl}/.well-known/jwks.json`, { method: 'POST' })).status).toBe(405);
  });
});
