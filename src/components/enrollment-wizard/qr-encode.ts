/**
 * A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M (L when M does not
 * fit), versions 1–10 — enough for `otpauth://` URIs up to ~270 bytes. Loaded lazily, only when a
 * QR code is first shown. The structure follows Nayuki's reference generator
 * (https://www.nayuki.io/page/qr-code-generator-library).
 */

/** An encoded symbol: `size` × `size` modules, row-major, `true` = dark. */
export interface QrMatrix {
  version: number;
  level: 'M' | 'L';
  mask: number;
  size: number;
  modules: boolean[];
}

/** Multiplication in GF(256) with the polynomial 0x11D (shift and add). */
const mul = (a: number, b: number): number => {
  let product = 0;
  for (; b; b >>= 1, a = (a << 1) ^ (a & 128 ? 0x11d : 0)) if (b & 1) product ^= a;
  return product;
};

/** Reed–Solomon error correction codewords of `data` over GF(256) (polynomial 0x11D), generator roots α^0…α^(n−1). */
export function rsEncode(data: readonly number[], n: number): number[] {
  // The generator, highest degree first: the product of (x − α^i), one factor at a time, in place.
  const gen = [1];
  for (let i = 0, root = 1; i < n; i++, root = mul(root, 2)) {
    gen.push(0);
    for (let j = i + 1; j > 0; j--) gen[j]! ^= mul(gen[j - 1]!, root);
  }
  const rem: number[] = Array(n).fill(0);
  for (const d of data) {
    const f = d ^ rem.shift()!;
    rem.push(0);
    for (let j = 0; j < n; j++) rem[j]! ^= mul(gen[j + 1]!, f);
  }
  return rem;
}

// Per level (M, L) and version 1–10 (ISO 18004 table 9): the EC codewords per block in base 36,
// then the number of blocks.
const EC = { M: 'agqiogimmq1112244455', L: '7afkqikoui1111122224' };

/** `value` followed by its `bits`-long BCH remainder over `poly`. */
const bch = (value: number, bits: number, poly: number): number => {
  let rem = value;
  for (let i = 0; i < bits; i++) rem = (rem << 1) ^ ((rem >>> (bits - 1)) * poly);
  return (value << bits) | rem;
};

/** The 15 format bits (level and mask, BCH(15,5), XOR 0x5412). */
export const formatBits = (level: 'M' | 'L', mask: number): number => {
  return bch((level === 'L' ? 8 : 0) | mask, 10, 0x537) ^ 0x5412;
};

/** The 18 version bits (versions ≥ 7, BCH(18,6)). */
export const versionBits = (v: number): number => bch(v, 12, 0x1f25);

/** The condition of mask `k` at (x, y): the mask inverts the data modules where it is 0. */
const maskAt = (k: number, x: number, y: number): number => {
  const sum = x + y;
  const product = x * y;
  return [sum % 2, y % 2, x % 3, sum % 3, (Math.floor(x / 3) + Math.floor(y / 2)) % 2, (product % 2) + (product % 3), ((product % 2) + (product % 3)) % 2, ((sum % 2) + (product % 3)) % 2][k]!;
};

/** The final codeword sequence: data padded, split into blocks, EC added, interleaved. */
function codewords(bytes: Uint8Array, v: number, capacity: number, ecLen: number, blocks: number): number[] {
  // Bits go straight into bytes: mode 0100 (byte), the length, the text, a terminator, padding to a byte.
  const data: number[] = [];
  let n = 0;
  const push = (value: number, len: number) => {
    while (len--) data[n >> 3]! |= ((value >> len) & 1) << (7 - (n++ & 7));
  };
  push(4, 4);
  push(bytes.length, v < 10 ? 8 : 16);
  bytes.forEach((b) => push(b, 8));
  push(0, Math.min(4, capacity * 8 - n));
  push(0, -n & 7);
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);

  // The last blocks are one codeword longer.
  const short = blocks - (capacity % blocks);
  const dataBlocks: number[][] = [];
  for (let b = 0, k = 0; b < blocks; b++) dataBlocks.push(data.slice(k, (k += Math.floor(capacity / blocks) + (b < short ? 0 : 1))));
  const out: number[] = [];
  const interleave = (rows: number[][]) => rows.at(-1)!.forEach((_, i) => rows.forEach((row) => i < row.length && out.push(row[i]!)));
  interleave(dataBlocks);
  interleave(dataBlocks.map((d) => rsEncode(d, ecLen)));
  return out;
}

/** The rows of a symbol as strings of `0` and `1`. */
const rowsOf = (modules: boolean[], size: number): string[] =>
  Array.from({ length: size }, (_, y) => modules.slice(y * size, (y + 1) * size).map(Number).join(''));

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** Penalty score of a masked symbol (ISO 18004 §7.8.3), to pick the most readable mask. */
function penalty(rows: string[]): number {
  const size = rows.length;
  let score = 10 * Math.floor(Math.abs(count(rows.join(''), /1/g) * 20 - size * size * 10) / (size * size));
  rows.forEach((row, y) => {
    // 2×2 blocks of one colour: where a row and the one above agree, two columns side by side.
    if (y) score += 3 * count([...row].map((c, x) => (c === rows[y - 1]![x] ? c : '-')).join(''), /(?=00|11)/g);
    for (const line of [row, rows.map((r) => r[y]).join('')]) {
      for (const run of line.match(/0{5,}|1{5,}/g) ?? []) score += run.length - 2;
      score += 40 * count(line, /(?=10111010000|00001011101)/g);
    }
  });
  return score;
}

/** Encodes `text` (UTF-8, byte mode). Throws a `RangeError` when it does not fit version 10-L. */
export function encodeQr(text: string, forceMask?: number): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  // The smallest version at M, else at L.
  for (const level of ['M', 'L'] as const) for (let v = 1; v <= 10; v++) {
    const qr = symbol(bytes, v, level, forceMask);
    if (qr) return qr;
  }
  throw new RangeError(process.env.NODE_ENV !== 'production' ? `Text too long for a QR code (${bytes.length} bytes).` : undefined);
}

/** The symbol of `bytes` at version `v` and `level`; `undefined` when they do not fit. */
function symbol(bytes: Uint8Array, v: number, level: 'M' | 'L', forceMask?: number): QrMatrix | undefined {
  // Function modules are 2 (light) or 3 (dark); data modules 0 or 1; free modules are holes.
  const size = 17 + 4 * v;
  const m: number[] = [];
  const set = (x: number, y: number, dark: number | boolean) => {
    if (x >= 0 && x < size && y >= 0 && y < size) m[y * size + x] = dark ? 3 : 2;
  };
  // Concentric squares around (cx, cy): `rings[d]` is 1 where the distance from the centre is d.
  const square = (cx: number, cy: number, rings: string) => {
    const r = rings.length - 1;
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) set(cx + dx, cy + dy, +rings[Math.max(Math.abs(dx), Math.abs(dy))]!);
  };
  // Finders with their separators, then alignment patterns (those not over a finder: up to version
  // 13, at 6, the middle when there are three, and size − 7), then timing between the finders.
  square(3, 3, '11010');
  square(size - 4, 3, '11010');
  square(3, size - 4, '11010');
  const at = v < 2 ? [] : v < 7 ? [6, size - 7] : [6, (size - 1) / 2, size - 7];
  for (const cx of at) for (const cy of at) if (m[cy * size + cx] === undefined) square(cx, cy, '101');
  for (let i = 8; i < size - 8; i++) set(6, i, ~i & 1), set(i, 6, ~i & 1);
  set(8, size - 8, true);
  if (v >= 7)
    for (let i = 0, bits = versionBits(v); i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, (bits >> i) & 1);
      set(b, a, (bits >> i) & 1);
    }
  const drawFormat = (mask: number) => {
    const bits = formatBits(level, mask);
    for (let i = 0; i < 15; i++) {
      const dark = (bits >> i) & 1;
      if (i < 8) set(8, i < 6 ? i : i + 1, dark), set(size - 1 - i, 8, dark);
      else set(i < 9 ? 7 : 14 - i, 8, dark), set(8, size - 15 + i, dark);
    }
  };
  drawFormat(0);

  // The data codewords: the modules the function patterns leave, less the EC. Mode and length take
  // 1.5 of them (2.5 from version 10).
  const ecLen = parseInt(EC[level][v - 1]!, 36);
  const blocks = +EC[level][v + 9]!;
  const capacity = ((size * size - m.filter(Boolean).length) >> 3) - ecLen * blocks;
  if (bytes.length + (v < 10 ? 2 : 3) > capacity) return undefined;

  // The data bits in the two-column zigzag, skipping the timing column; remainder bits are 0.
  const data = codewords(bytes, v, capacity, ecLen, blocks);
  for (let right = size - 1, k = 0; right > 0; right -= 2) {
    if (right === 6) right--;
    for (let vert = 0; vert < size; vert++)
      for (let x = right; x > right - 2; x--) {
        const i = ((right + 1) & 2 ? vert : size - 1 - vert) * size + x;
        if (m[i] === undefined) m[i] = (data[k >> 3]! >> (7 - (k++ & 7))) & 1;
      }
  }

  const masked = (mask: number) => {
    drawFormat(mask);
    return m.map((d, i) => (d > 1 ? d > 2 : !!d !== !maskAt(mask, i % size, Math.floor(i / size))));
  };
  let best = forceMask;
  if (best === undefined) {
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(rowsOf(masked(mask), size)));
    best = scores.indexOf(Math.min(...scores));
  }
  return { version: v, level, mask: best, size, modules: masked(best) };
}

/**
 * One SVG path (`d`) drawing the dark modules of `text`'s QR code as horizontal runs, with the
 * 4-module quiet zone included in `size` (use `viewBox="0 0 size size"`).
 */
export function qrPath(text: string): { size: number; d: string } {
  const { size, modules } = encodeQr(text);
  let d = '';
  rowsOf(modules, size).forEach((row, y) => {
    for (const run of row.matchAll(/1+/g)) d += `M${run.index + 4} ${y + 4}h${run[0].length}v1h-${run[0].length}z`;
  });
  return { size: size + 8, d };
}
