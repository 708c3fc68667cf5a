/**
 * Base64url (RFC 4648 §5, no padding) ↔ bytes, as WebAuthn and the My Account API use it.
 * Works in browsers and Node without Buffer.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Encode bytes as unpadded base64url. */
export function toBase64url(input: ArrayBuffer | ArrayBufferView): string {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/**
 * Decode base64url (padding and standard base64's `+` `/` tolerated) into a fresh ArrayBuffer.
 * Throws a TypeError on a character outside the alphabet or an impossible length.
 */
export function fromBase64url(text: string): ArrayBuffer {
  const clean = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (clean.length % 4 === 1) throw new TypeError('Invalid base64url length');
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let k = 0;
  for (const c of clean) {
    const v = LOOKUP.get(c);
    if (v === undefined) throw new TypeError('Invalid base64url character');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (value >> bits) & 255;
    }
  }
  return out.buffer;
}
