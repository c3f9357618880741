// Writes NAME.br (brotli, quality 11) and NAME.gz (gzip -9) beside every compressible file in a
// folder, using only Node's built-in zlib. Usage: node scripts/precompress.mjs dist
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".webmanifest", ".txt"]);
const dir = process.argv[2];
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !COMPRESSIBLE.has(extname(name))) continue;
  const raw = readFileSync(path);
  writeFileSync(path + ".br", brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }));
  writeFileSync(path + ".gz", gzipSync(raw, { level: 9 }));
}
