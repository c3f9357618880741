// Raw, gzip (-9) and brotli (quality 11) sizes of a buffer, compressed the way
// scripts/precompress.mjs writes dist's .gz and .br files.
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

export function brotliSize(raw) {
  return brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
}

export function gzipSize(raw) {
  return gzipSync(raw, { level: 9 }).length;
}

export function compressedSizes(raw) {
  return { raw: raw.length, gzip: gzipSize(raw), brotli: brotliSize(raw) };
}
