import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CborError, decodeCbor, decodeCborPrefix } from '../../src/emulator/my-account/cbor';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));

describe('CBOR decoder', () => {
  it('decodes RFC 8949 Appendix A examples', () => {
    expect(decodeCbor(hex('00'))).toBe(0);
    expect(decodeCbor(hex('1903e8'))).toBe(1000);
    expect(decodeCbor(hex('3863'))).toBe(-100);
    expect(decodeCbor(hex('1bffffffffffffffff'))).toBe(18446744073709551615n);
    expect(decodeCbor(hex('6449455446'))).toBe('IETF');
    expect(decodeCbor(hex('4401020304'))).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(decodeCbor(hex('83010203'))).toEqual([1, 2, 3]);
    expect(decodeCbor(hex('a201020304'))).toEqual(new Map([[1, 2], [3, 4]]));
    expect(decodeCbor(hex('f4'))).toBe(false);
    expect(decodeCbor(hex('f6'))).toBe(null);
    expect(decodeCbor(hex('f93c00'))).toBe(1);
    expect(decodeCbor(hex('fb3ff199999999999a'))).toBe(1.1);
    expect(decodeCbor(hex('c11a514b67b0'))).toBe(1363896240);
  });
  it('decodes a COSE EC2 key header (integer keys, negative labels)', () => {
    const m = decodeCbor(hex('a3010203262001')) as Map<unknown, unknown>;
    expect(m.get(1)).toBe(2);
    expect(m.get(3)).toBe(-7);
    expect(m.get(-1)).toBe(1);
  });
  it('refuses indefinite lengths, truncation and trailing bytes', () => {
    expect(() => decodeCbor(hex('5f'))).toThrow(CborError);
    expect(() => decodeCbor(hex('44010203'))).toThrow(CborError);
    expect(() => decodeCbor(hex('0000'))).toThrow(CborError);
    expect(decodeCborPrefix(hex('0000')).length).toBe(1);
  });
  it('never throws anything but CborError on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (u) => {
      try { decodeCbor(u); } catch (e) { expect(e).toBeInstanceOf(CborError); }
    }), { numRuns: 2000 });
  });
});
