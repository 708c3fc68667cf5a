import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hmacSha1, hotp, sha1, totp } from '../../src/emulator/totp.ts';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const ascii = (text: string) => new TextEncoder().encode(text);

describe('totp', () => {
  it('computes SHA-1 (FIPS 180 vectors)', () => {
    expect(hex(sha1(ascii('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(ascii('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(hex(sha1(ascii('a'.repeat(1000))))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
  });

  it('computes HMAC-SHA-1 (RFC 2202 vectors)', () => {
    expect(hex(hmacSha1(new Uint8Array(20).fill(0x0b), ascii('Hi There')))).toBe('b617318655057264e28bc0b6fb378c8ef146be00');
    expect(hex(hmacSha1(ascii('Jefe'), ascii('what do ya want for nothing?')))).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(hex(hmacSha1(new Uint8Array(80).fill(0xaa), ascii('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe('aa4ae5e15272d00e95705637ce8a3b55ed402112');
  });

  it('computes HOTP (RFC 4226 appendix D)', () => {
    const key = ascii('12345678901234567890');
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('matches the RFC 6238 SHA-1 test vectors', () => {
    const secret = base32Encode(ascii('12345678901234567890'));
    const vectors: Array<[number, string]> = [
      [59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
      [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130'],
    ];
    for (const [seconds, expected] of vectors) {
      expect(totp(secret, seconds * 1000, { digits: 8 })).toBe(expected);
      expect(totp(secret, seconds * 1000)).toBe(expected.slice(-6));
    }
  });

  it('round-trips Base32 and rejects invalid characters', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    const text = base32Encode(bytes);
    expect(text).toHaveLength(32);
    expect(base32Decode(text)).toEqual(bytes);
    expect(base32Decode(text.toLowerCase())).toEqual(bytes);
    expect(base32Encode(ascii('foobar'))).toBe('MZXW6YTBOI');
    expect(() => base32Decode('ABC1')).toThrow();
  });
});
