// Reads the text of a QR code given as the API gives it to the resident's phone (contract QrMatrix:
// `size` modules a side, `modules` row by row, '1' dark): what a scanner at the gate would read off
// the screen. A clean matrix needs no image processing nor error correction: read the format
// (error-correction level and mask), unmask the data modules in their zigzag order, take the data
// codewords out of their interleaved blocks and decode the segments (numeric, alphanumeric, bytes).
// Versions 1–15 at level M, which the server makes (server/src/qr.rs); others are refused.

// Level M's blocks per version (1-based): [ec codewords per block, [count, data codewords]...].
const BLOCKS_M = [null, [10, [1, 16]], [16, [1, 28]], [26, [1, 44]], [18, [2, 32]], [24, [2, 43]], [16, [4, 27]],
  [18, [4, 31]], [22, [2, 38], [2, 39]], [22, [3, 36], [2, 37]], [26, [4, 43], [1, 44]], [30, [1, 50], [4, 51]],
  [22, [6, 36], [2, 37]], [22, [8, 37], [1, 38]], [24, [4, 40], [5, 41]], [24, [5, 41], [5, 42]]];
// Alignment pattern centres per version.
const ALIGN = [null, [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46],
  [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70]];
const MASKS = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/** The 5 format bits with their 10 BCH check bits (generator 10100110111). */
function withCheck(data) {
  let v = data << 10;
  for (let bit = 14; bit >= 10; bit--) if (v & (1 << bit)) v ^= 0b10100110111 << (bit - 10);
  return (data << 10) | v;
}

/** The text `qr` ({ size, modules }) carries. Throws on anything it cannot read. */
export function readQr(qr) {
  const size = qr.size;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version >= ALIGN.length) throw new Error(`QR size ${size}: not read here`);
  if (qr.modules.length !== size * size) throw new Error("QR matrix of the wrong length");
  const dark = (x, y) => qr.modules[y * size + x] === "1";

  // Format: 15 bits beside the top-left finder, masked with 101010000010010.
  let format = 0;
  for (let x = 0; x <= 8; x++) if (x !== 6) format = (format << 1) | dark(x, 8);
  for (let y = 7; y >= 0; y--) if (y !== 6) format = (format << 1) | dark(8, y);
  format ^= 0x5412;
  if (withCheck(format >> 10) !== format) throw new Error("QR format bits do not check");
  if (format >> 13 !== 0) throw new Error("QR not at error-correction level M: not read here");
  const mask = MASKS[(format >> 10) & 7];

  // Modules that are not data: finders with separators and format, timing, alignment, version.
  const fixed = Array.from({ length: size }, () => new Array(size).fill(false));
  const mark = (x0, y0, w, h) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) fixed[y][x] = true;
  };
  mark(0, 0, 9, 9);
  mark(size - 8, 0, 8, 9);
  mark(0, size - 8, 9, 8);
  mark(6, 0, 1, size);
  mark(0, 6, size, 1);
  const centres = ALIGN[version];
  for (const cy of centres) {
    for (const cx of centres) {
      const last = centres[centres.length - 1];
      if ((cx === 6 && cy === 6) || (cx === 6 && cy === last) || (cx === last && cy === 6)) continue;
      mark(cx - 2, cy - 2, 5, 5);
    }
  }
  if (version >= 7) {
    mark(size - 11, 0, 3, 6);
    mark(0, size - 11, 6, 3);
  }

  // Data bits, two columns at a time from the right, up then down, the timing column skipped.
  const bits = [];
  let upward = true;
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right = 5;
    for (let k = 0; k < size; k++) {
      const y = upward ? size - 1 - k : k;
      for (const x of [right, right - 1]) if (!fixed[y][x]) bits.push(dark(x, y) !== mask(y, x) ? 1 : 0);
    }
    upward = !upward;
  }
  const [ecPerBlock, ...groups] = BLOCKS_M[version];
  const blocks = groups.flatMap(([count, data]) => Array.from({ length: count }, () => ({ data, words: [] })));
  const total = blocks.reduce((n, b) => n + b.data + ecPerBlock, 0);
  if (bits.length < total * 8 || bits.length - total * 8 > 7) throw new Error(`QR of ${bits.length} data bits for ${total} codewords`);
  const codewords = [];
  for (let i = 0; i < total; i++) codewords.push(parseInt(bits.slice(i * 8, i * 8 + 8).join(""), 2));
  // The data codewords are interleaved: the first of every block, then the second, and so on.
  let at = 0;
  const longest = Math.max(...blocks.map((b) => b.data));
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.data) b.words.push(codewords[at++]);
  const stream = blocks.flatMap((b) => b.words).flatMap((w) => w.toString(2).padStart(8, "0").split("").map(Number));

  let pos = 0;
  const take = (n) => {
    if (pos + n > stream.length) throw new Error("QR data ends inside a segment");
    const v = parseInt(stream.slice(pos, pos + n).join(""), 2);
    pos += n;
    return v;
  };
  const wide = version >= 10;
  const bytes = [];
  while (pos + 4 <= stream.length) {
    const mode = take(4);
    if (mode === 0) break;
    if (mode === 1) {
      let n = take(wide ? 12 : 10);
      for (; n >= 3; n -= 3) for (const c of String(take(10)).padStart(3, "0")) bytes.push(c.charCodeAt(0));
      if (n > 0) for (const c of String(take(n === 2 ? 7 : 4)).padStart(n, "0")) bytes.push(c.charCodeAt(0));
    } else if (mode === 2) {
      let n = take(wide ? 11 : 9);
      for (; n >= 2; n -= 2) {
        const v = take(11);
        bytes.push(ALNUM.charCodeAt(Math.floor(v / 45)), ALNUM.charCodeAt(v % 45));
      }
      if (n === 1) bytes.push(ALNUM.charCodeAt(take(6)));
    } else if (mode === 4) {
      const n = take(wide ? 16 : 8);
      for (let i = 0; i < n; i++) bytes.push(take(8));
    } else {
      throw new Error(`QR segment mode ${mode}: not read here`);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
