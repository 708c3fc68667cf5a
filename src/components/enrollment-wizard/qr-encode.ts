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

const EXP: number[] = [];
const LOG: number[] = [];
for (let i = 0, x = 1; i < 255; i++, x = x & 128 ? (x << 1) ^ 0x11d : x << 1) (EXP[i] = x), (LOG[x] = i);
const mul = (a: number, b: number): number => (a && b ? EXP[(LOG[a]! + LOG[b]!) % 255]! : 0);

/** Reed–Solomon error correction codewords of `data` over GF(256) (polynomial 0x11D), generator roots α^0…α^(n−1). */
export function rsEncode(data: readonly number[], n: number): number[] {
  let gen = [1];
  for (let i = 0; i < n; i++) {
    const next = [...gen, 0];
    for (let j = 0; j < gen.length; j++) next[j + 1]! ^= mul(gen[j]!, EXP[i]!);
    gen = next;
  }
  const rem: number[] = Array(n).fill(0);
  for (const d of data) {
    const f = d ^ rem.shift()!;
    rem.push(0);
    for (let j = 0; j < n; j++) rem[j]! ^= mul(gen[j + 1]!, f);
  }
  return rem;
}

// Per version 1–10: EC codewords per block and number of blocks (ISO 18004 table 9).
const EC = {
  M: [[10, 16, 26, 18, 24, 16, 18, 22, 22, 26], [1, 1, 1, 2, 2, 4, 4, 4, 5, 5]],
  L: [[7, 10, 15, 20, 26, 18, 20, 24, 30, 18], [1, 1, 1, 1, 1, 2, 2, 2, 2, 4]],
} as const;
const LEVEL_BITS = { M: 0, L: 1 } as const;

/** Codewords in a symbol (data + EC), from the count of modules left after the function patterns. */
function rawCodewords(v: number): number {
  let bits = (16 * v + 128) * v + 64;
  if (v >= 2) {
    const n = Math.floor(v / 7) + 2;
    bits -= (25 * n - 10) * n - 55;
    if (v >= 7) bits -= 36;
  }
  return bits >> 3;
}

const bchRemainder = (value: number, bits: number, poly: number): number => {
  let rem = value;
  for (let i = 0; i < bits; i++) rem = (rem << 1) ^ ((rem >>> (bits - 1)) * poly);
  return rem;
};

/** The 15 format bits (level and mask, BCH(15,5), XOR 0x5412). */
export const formatBits = (level: 'M' | 'L', mask: number): number => {
  const data = (LEVEL_BITS[level] << 3) | mask;
  return ((data << 10) | bchRemainder(data, 10, 0x537)) ^ 0x5412;
};

/** The 18 version bits (versions ≥ 7, BCH(18,6)). */
export const versionBits = (v: number): number => (v << 12) | bchRemainder(v, 12, 0x1f25);

const MASKS: Array<(x: number, y: number) => boolean> = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** The final codeword sequence: data padded, split into blocks, EC added, interleaved. */
function codewords(bytes: Uint8Array, v: number, level: 'M' | 'L'): number[] {
  const ecLen = EC[level][0][v - 1]!;
  const blocks = EC[level][1][v - 1]!;
  const raw = rawCodewords(v);
  const capacity = raw - ecLen * blocks;
  const bits: number[] = [];
  const push = (value: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(4, 4);
  push(bytes.length, v < 10 ? 8 : 16);
  bytes.forEach((b) => push(b, 8));
  push(0, Math.min(4, capacity * 8 - bits.length));
  push(0, (8 - (bits.length % 8)) % 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);

  const short = blocks - (raw % blocks);
  const shortLen = Math.floor(raw / blocks) - ecLen;
  const dataBlocks: number[][] = [];
  for (let b = 0, k = 0; b < blocks; b++) {
    const len = shortLen + (b < short ? 0 : 1);
    dataBlocks.push(data.slice(k, (k += len)));
  }
  const ecBlocks = dataBlocks.map((d) => rsEncode(d, ecLen));
  const out: number[] = [];
  for (let i = 0; i <= shortLen; i++) for (const d of dataBlocks) if (i < d.length) out.push(d[i]!);
  for (let i = 0; i < ecLen; i++) for (const e of ecBlocks) out.push(e[i]!);
  return out;
}

/** Penalty score of a masked symbol (ISO 18004 §7.8.3), to pick the most readable mask. */
function penalty(m: boolean[], size: number): number {
  let score = 0;
  const lines: string[] = [];
  for (let i = 0; i < size; i++) {
    let row = '';
    let col = '';
    for (let j = 0; j < size; j++) (row += m[i * size + j] ? 1 : 0), (col += m[j * size + i] ? 1 : 0);
    lines.push(row, col);
  }
  for (const line of lines) {
    for (const run of line.match(/0{5,}|1{5,}/g) ?? []) score += run.length - 2;
    score += 40 * (line.match(/(?=10111010000|00001011101)/g) ?? []).length;
  }
  for (let y = 0; y < size - 1; y++)
    for (let x = 0; x < size - 1; x++) {
      const c = m[y * size + x];
      if (c === m[y * size + x + 1] && c === m[(y + 1) * size + x] && c === m[(y + 1) * size + x + 1]) score += 3;
    }
  const dark = m.filter(Boolean).length;
  return score + 10 * Math.floor(Math.abs(dark * 20 - size * size * 10) / (size * size));
}

/** Encodes `text` (UTF-8, byte mode). Throws a `RangeError` when it does not fit version 10-L. */
export function encodeQr(text: string, forceMask?: number): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  let v = 0;
  let level: 'M' | 'L' = 'M';
  search: for (const l of ['M', 'L'] as const)
    for (let i = 1; i <= 10; i++)
      if (4 + (i < 10 ? 8 : 16) + 8 * bytes.length <= (rawCodewords(i) - EC[l][0][i - 1]! * EC[l][1][i - 1]!) * 8) {
        (v = i), (level = l);
        break search;
      }
  if (!v) throw new RangeError(`Text too long for a QR code (${bytes.length} bytes).`);

  const size = 17 + 4 * v;
  const modules: boolean[] = Array(size * size).fill(false);
  const fn: boolean[] = Array(size * size).fill(false);
  const set = (x: number, y: number, dark: boolean) => {
    modules[y * size + x] = dark;
    fn[y * size + x] = true;
  };

  for (let i = 0; i < size; i++) set(6, i, i % 2 === 0), set(i, 6, i % 2 === 0);
  for (const [fx, fy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const)
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const x = fx + dx;
        const y = fy + dy;
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, d !== 2 && d !== 4);
      }
  if (v >= 2) {
    const n = Math.floor(v / 7) + 2;
    const step = Math.ceil((v * 4 + 4) / (n * 2 - 2)) * 2;
    const pos = [6];
    for (let p = size - 7; pos.length < n; p -= step) pos.splice(1, 0, p);
    pos.forEach((cx, i) =>
      pos.forEach((cy, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === n - 1) || (i === n - 1 && j === 0)) return;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }),
    );
  }
  const drawFormat = (mask: number) => {
    const bits = formatBits(level, mask);
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i < 6; i++) set(8, i, bit(i));
    set(8, 7, bit(6));
    set(8, 8, bit(7));
    set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
    set(8, size - 8, true);
  };
  drawFormat(0);
  if (v >= 7) {
    const bits = versionBits(v);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      set(size - 11 + (i % 3), Math.floor(i / 3), dark);
      set(Math.floor(i / 3), size - 11 + (i % 3), dark);
    }
  }

  const data = codewords(bytes, v, level);
  let k = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++)
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (!fn[y * size + x] && k < data.length * 8) {
          modules[y * size + x] = ((data[k >>> 3]! >>> (7 - (k & 7))) & 1) === 1;
          k++;
        }
      }
  }

  const masked = (mask: number) => {
    drawFormat(mask);
    return modules.map((d, i) => (fn[i] ? d : d !== MASKS[mask]!(i % size, Math.floor(i / size))));
  };
  let best = forceMask ?? 0;
  if (forceMask === undefined) {
    let min = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      const p = penalty(masked(mask), size);
      if (p < min) (min = p), (best = mask);
    }
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
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (!modules[y * size + x]) continue;
      let run = 1;
      while (x + run < size && modules[y * size + x + run]) run++;
      d += `M${x + 4} ${y + 4}h${run}v1h-${run}z`;
      x += run - 1;
    }
  return { size: size + 8, d };
}
