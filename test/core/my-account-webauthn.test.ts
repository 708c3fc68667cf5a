import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64url, toBase64url } from '../../src/core/my-account/base64url';
import { toAttestationResponse, toCreationOptions } from '../../src/core/my-account/webauthn';

const bytes = (b: ArrayBuffer) => [...new Uint8Array(b)];

describe('base64url', () => {
  it('round-trips any bytes and matches Node', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (u) => {
      const text = toBase64url(u);
      expect(text).toBe(Buffer.from(u).toString('base64url'));
      expect(bytes(fromBase64url(text))).toEqual([...u]);
    }));
  });
  it('tolerates padding and standard alphabet, rejects junk', () => {
    expect(bytes(fromBase64url('+/8='))).toEqual([251, 255]);
    expect(() => fromBase64url('a')).toThrow(TypeError);
    expect(() => fromBase64url('ab$c')).toThrow(TypeError);
  });
});

describe('passkey conversions', () => {
  it('turns authn_params_public_key into creation options', () => {
    const o = toCreationOptions({
      challenge: 'dGVzdC1jaGFsbGVuZ2U', timeout: 60000, rp: { id: 'example.auth0.com', name: 'My Application' },
      user: { id: 'YXV0aDB8NTA3', name: 'user@example.com', displayName: 'User' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      excludeCredentials: [{ id: 'AQI', type: 'public-key', transports: ['internal'] }],
    });
    expect(new TextDecoder().decode(o.challenge as ArrayBuffer)).toBe('test-challenge');
    expect(new TextDecoder().decode(o.user.id as ArrayBuffer)).toBe('auth0|507');
    expect(o.authenticatorSelection).toEqual({ residentKey: 'required', requireResidentKey: true, userVerification: 'preferred' });
    expect(bytes(o.excludeCredentials![0]!.id as ArrayBuffer)).toEqual([1, 2]);
    expect(o.timeout).toBe(60000);
  });
  it('turns a created credential into the verify body', () => {
    const r = toAttestationResponse({
      id: 'AQID', rawId: new Uint8Array([1, 2, 3]).buffer, type: 'public-key', authenticatorAttachment: 'platform',
      response: { attestationObject: new Uint8Array([9]).buffer, clientDataJSON: new TextEncoder().encode('{}').buffer as ArrayBuffer, getTransports: () => ['internal'] },
      getClientExtensionResults: () => ({}),
    });
    expect(r).toEqual({ id: 'AQID', rawId: 'AQID', type: 'public-key', authenticatorAttachment: 'platform',
      response: { attestationObject: 'CQ', clientDataJSON: 'e30', transports: ['internal'] }, clientExtensionResults: {} });
  });
});
