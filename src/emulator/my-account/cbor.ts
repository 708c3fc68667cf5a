/**
 * A tiny CBOR (RFC 8949) decoder, enough for WebAuthn attestation objects and COSE keys:
 * unsigned/negative integers, byte and text strings (definite length), arrays, maps, tags
 * (value kept, tag dropped), false/true/null/undefined and floats. Indefinite lengths are refused.
 */

/** A decoded CBOR value. Maps keep non-string keys (COSE uses integers), so they decode to `Map`. */
export type CborValue = number | bigint | string | Uint8Array | boolean | null | undefined | CborValue[] | Map<CborValue, CborValue>;

/** Thrown for malformed or unsupported input. */
export class CborError extends Error {
  override readonly name = 'CborError';
}

const MAX_DEPTH = 16;

/** Decode one item from `bytes`; returns the value and how many bytes it took. */
export function decodeCborPrefix(bytes: Uint8Array): { value: CborValue; length: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > bytes.length) throw new CborError('Unexpected end of CBOR input');
  };
  const readArg = (info: number): number | bigint => {
    if (info < 24) return info;
    if (info === 24) { need(1); return bytes[pos++]!; }
    if (info === 25) { need(2); const v = view.getUint16(pos); pos += 2; return v; }
    if (info === 26) { need(4); const v = view.getUint32(pos); pos += 4; return v; }
    if (info === 27) {
      need(8); const v = view.getBigUint64(pos); pos += 8;
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    throw new CborError('Unsupported CBOR length encoding');
  };
  const count = (info: number): number => {
    const n = readArg(info);
    if (typeof n === 'bigint' || n > bytes.length - pos + 1e6) throw new CborError('CBOR length too large');
    return n;
  };
  const item = (depth: number): CborValue => {
    if (depth > MAX_DEPTH) throw new CborError('CBOR nested too deeply');
    need(1);
    const initial = bytes[pos++]!;
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0: return readArg(info);
      case 1: { const n = readArg(info); return typeof n === 'bigint' ? -1n - n : -1 - n; }
      case 2: case 3: {
        const n = count(info); need(n);
        const slice = bytes.slice(pos, pos + n); pos += n;
        if (major === 2) return slice;
        try { return new TextDecoder('utf-8', { fatal: true }).decode(slice); } catch { throw new CborError('Invalid UTF-8 in CBOR text'); }
      }
      case 4: {
        const n = count(info); const out: CborValue[] = [];
        for (let i = 0; i < n; i++) out.push(item(depth + 1));
        return out;
      }
      case 5: {
        const n = count(info); const out = new Map<CborValue, CborValue>();
        for (let i = 0; i < n; i++) { const k = item(depth + 1); out.set(k, item(depth + 1)); }
        return out;
      }
      case 6: readArg(info); return item(depth + 1);
      default: {
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        if (info === 25) { need(2); const v = getFloat16(view.getUint16(pos)); pos += 2; return v; }
        if (info === 26) { need(4); const v = view.getFloat32(pos); pos += 4; return v; }
        if (info === 27) { need(8); const v = view.getFloat64(pos); pos += 8; return v; }
        throw new CborError('Unsupported CBOR simple value');
      }
    }
  };
  const value = item(0);
  return { value, length: pos };
}

/** Decode exactly one CBOR item; trailing bytes are an error. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const { value, length } = decodeCborPrefix(bytes);
  if (length !== bytes.length) throw new CborError('Trailing bytes after CBOR item');
  return value;
}

function getFloat16(h: number): number {
  const exp = (h >> 10) & 31;
  const frac = h & 1023;
  const sign = h & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}
