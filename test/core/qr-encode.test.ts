import { describe, expect, it } from 'vitest';
import { encodeQr, formatBits, qrPath, rsEncode, versionBits } from '../../src/components/enrollment-wizard/qr-encode.ts';

// Reference matrices from Kazuhiko Arase's QR Code generator (the `qrcode-terminal` vendor copy),
// level M with a fixed mask: one row per line, most significant bit = leftmost module.
const REFERENCE = [
  {
    text: 'https://example.com/mfa',
    version: 2,
    mask: 3,
    rows: ['1fd697f', '105f941', '174af5d', '1755e5d', '1748f5d', '1047d41', '1fd557f', '10300', '16e134b', '82c8a2', '196c9f0', 'ba1c0c', '1977ed7', 'a1fff1', 'acad16', '16227f1', 'd1bff', '1c915', '1fd8d57', '105a711', '17445fa', '17582df', '17504d6', '1047ed4', '1fdb0ff'],
  },
  {
    text: 'otpauth://totp/Acme%20Corp:ada.lovelace%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Acme%20Corp&digits=6',
    version: 7,
    mask: 5,
    rows: ['1fc7a1c4f97f', '105706fa0a41', '175caa237a5d', '17503c27db5d', '1745fff3ef5d', '104b3d172041', '1fd55555557f', '16f3192e00', '105b75fa65ce', '1491f5c7d7fa', '18d5cf3ccfc6', 'b3bf4a35bff', '14fd5d196d8', 'd85f35941b5', '15e1f369760', '180fe5d3a36d', '4623758a8ec', '1a948923c9ac', '8798e93d6e9', '17bb06a9909d', '1f5cdf6c3f1', '19133f1fff1c', 'd55b954ad56', '171791116d1d', '7f0c3f9d3f0', '1d3727e2fba9', '566a80d458a', '297cbfa6c3f', '7750b2c6999', '19b9a5be126', '156a9aa8d351', '115ba32724c', '1f79843ce81d', '23480cceff1', '16ab832389e', 'f0fb839534e', '137f77fdd3f0', '1e9f18e915', '1fc863553d54', '104a67142d1f', '174fb1f00bf0', '1742fb9bfaaf', '1740a71fe9d9', '10443b2d53bc', '1fd98c98ab82'],
  },
];

const row = (m: { size: number; modules: boolean[] }, y: number) =>
  BigInt(`0b${m.modules.slice(y * m.size, (y + 1) * m.size).map((d) => (d ? 1 : 0)).join('')}`).toString(16);

describe('qr-encode', () => {
  it('computes Reed–Solomon codewords (Thonky "HELLO WORLD" 1-M example)', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(rsEncode(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it('computes format information bits (ISO 18004 annex C table)', () => {
    const m = ['101010000010010', '101000100100101', '101111001111100', '101101101001011', '100010111111001', '100000011001110', '100111110010111', '100101010100000'];
    const l = ['111011111000100', '111001011110011', '111110110101010', '111100010011101', '110011000101111', '110001100011000', '110110001000001', '110100101110110'];
    m.forEach((bits, mask) => expect(formatBits('M', mask).toString(2).padStart(15, '0')).toBe(bits));
    l.forEach((bits, mask) => expect(formatBits('L', mask).toString(2).padStart(15, '0')).toBe(bits));
  });

  it('computes version information bits (ISO 18004 annex D table)', () => {
    expect(versionBits(7).toString(2).padStart(18, '0')).toBe('000111110010010100');
    expect(versionBits(8).toString(2).padStart(18, '0')).toBe('001000010110111100');
    expect(versionBits(9).toString(2).padStart(18, '0')).toBe('001001101010011001');
    expect(versionBits(10).toString(2).padStart(18, '0')).toBe('001010010011010011');
  });

  it.each(REFERENCE)('matches the reference matrix for $text (version $version)', ({ text, version, mask, rows }) => {
    const m = encodeQr(text, mask);
    expect(m).toMatchObject({ version, level: 'M', size: 17 + 4 * version });
    expect(Array.from({ length: m.size }, (_, y) => row(m, y))).toEqual(rows);
  });

  it('draws finder, timing and the dark module at their places', () => {
    const m = encodeQr('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP');
    const at = (x: number, y: number) => m.modules[y * m.size + x];
    for (const [ox, oy] of [[0, 0], [m.size - 7, 0], [0, m.size - 7]] as const) {
      for (let i = 0; i < 7; i++) {
        expect([at(ox + i, oy), at(ox + i, oy + 6), at(ox, oy + i), at(ox + 6, oy + i)]).toEqual([true, true, true, true]);
      }
      expect(at(ox + 3, oy + 3)).toBe(true);
      expect(at(ox + 1, oy + 1)).toBe(false);
    }
    for (let i = 8; i < m.size - 8; i++) expect([at(i, 6), at(6, i)]).toEqual([i % 2 === 0, i % 2 === 0]);
    expect(at(8, m.size - 8)).toBe(true);
  });

  it('picks the smallest version at level M, falls back to L, and refuses what does not fit version 10', () => {
    expect(encodeQr('a')).toMatchObject({ version: 1, level: 'M' });
    expect(encodeQr('x'.repeat(213))).toMatchObject({ version: 10, level: 'M' });
    expect(encodeQr('x'.repeat(214))).toMatchObject({ version: 9, level: 'L' });
    expect(encodeQr('x'.repeat(271))).toMatchObject({ version: 10, level: 'L' });
    expect(() => encodeQr('x'.repeat(272))).toThrow(RangeError);
  });

  it('renders one path of horizontal runs with a 4-module quiet zone', () => {
    const { size, d } = qrPath('https://example.com/mfa');
    expect(size).toBe(25 + 8);
    expect(d.startsWith('M4 4h7v1h-7z')).toBe(true);
    expect(d).not.toMatch(/[^\dMhvz -]/);
  });
});
