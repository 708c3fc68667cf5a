/**
 * The emulator as an OIDC authorization server, first slice: discovery and JWKS, and RS256 signing
 * with one WebCrypto key pair per tenant (generated on first use, never shared between emulators).
 */
import { json } from './http.ts';
import type { Tenant } from './tenant.ts';

interface Keys {
  kid: string;
  privateKey: CryptoKey;
  jwk: JsonWebKey;
}

const KEYS = new WeakMap<Tenant, Promise<Keys>>();

async function generate(): Promise<Keys> {
  const pair = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const kid = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(jwk.n ?? '')))).slice(0, 16);
  return { kid, privateKey: pair.privateKey, jwk };
}

/** The tenant's signing keys (one pair per tenant, made on first use). */
export function tenantKeys(tenant: Tenant): Promise<Keys> {
  let keys = KEYS.get(tenant);
  if (!keys) KEYS.set(tenant, (keys = generate()));
  return keys;
}

const b64url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const encode = (value: unknown): string => b64url(new TextEncoder().encode(JSON.stringify(value)));

/** Sign `claims` as an RS256 JWT with the tenant's key (header carries its `kid`). */
export async function signJwt(tenant: Tenant, claims: Record<string, unknown>): Promise<string> {
  const { kid, privateKey } = await tenantKeys(tenant);
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, new TextEncoder().encode(input));
  return `${input}.${b64url(new Uint8Array(signature))}`;
}

/** `GET /.well-known/openid-configuration`, as a tenant publishes it (issuer with a trailing slash). */
export function discoveryEndpoint(tenant: Tenant): Response {
  const base = tenant.options.baseUrl;
  // Only what this emulator serves today: /authorize, /userinfo, /oauth/revoke and logout are not
  // built yet (issue 11), so they are not advertised — a client must not be told of an endpoint
  // that answers 404.
  return json(200, {
    issuer: `https://${tenant.options.domain}/`,
    token_endpoint: `${base}/oauth/token`,
    jwks_uri: `${base}/.well-known/jwks.json`,
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'none'],
    grant_types_supported: ['password', 'http://auth0.com/oauth/grant-type/password-realm', 'refresh_token', 'http://auth0.com/oauth/grant-type/mfa-otp', 'http://auth0.com/oauth/grant-type/mfa-oob', 'http://auth0.com/oauth/grant-type/mfa-recovery-code'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
  });
}

/** `GET /.well-known/jwks.json`: the tenant's public signing key. */
export async function jwksEndpoint(tenant: Tenant): Promise<Response> {
  const { kid, jwk } = await tenantKeys(tenant);
  return json(200, { keys: [{ kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', use: 'sig', kid }] });
}
