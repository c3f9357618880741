// Attributes the code of a wasm file to Rust crates, from its "name" section (a rough,
// twiggy-free "which crates dominate" view). Each function's body size goes to the crate named
// first in its (demangled) symbol: `<T as Trait>` impls count for T's crate (Trait's when T is a
// std type or a type parameter), and std generics for the first other crate in their arguments.
// After LTO and inlining a function carries code from many crates, so read it as a rough split.
// Usage: node bench/lib/wasm-crates.mjs FILE.wasm [--json]  (exported for home-page.mjs too)
import { readFileSync } from "node:fs";

function leb(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

function demangleLegacy(sym) {
  // _ZN4core3fmt5write17h0123456789abcdefE → core::fmt::write
  const m = /^_?_ZN(.*)E$/.exec(sym);
  if (!m) return sym;
  const parts = [];
  let s = m[1];
  while (s.length) {
    const n = /^(\d+)/.exec(s);
    if (!n) break;
    const len = Number(n[1]);
    parts.push(s.slice(n[1].length, n[1].length + len));
    s = s.slice(n[1].length + len);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts.join("::").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ")
    .replace(/\.\./g, "::").replace(/\$RF\$/g, "&").replace(/\$C\$/g, ",");
}

const STD = new Set(["core", "alloc", "std"]);

function firstCrate(path) {
  const p = path.trim().replace(/^(&mut |&|\*const |\*mut |dyn |\(|\[)+/, "");
  const m = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(p);
  return m ? m[1] : null;
}

// "<A as B>::f" → { self: "A", trait: "B" } (top-level " as " inside the leading <...>).
function qualifiedSelf(n) {
  let depth = 0;
  for (let i = 0; i < n.length; i++) {
    if (n[i] === "<") depth++;
    else if (n[i] === ">" && n[i - 1] !== "-") {
      depth--;
      if (depth === 0) return { self: n.slice(1, i), trait: null };
    } else if (depth === 1 && n.startsWith(" as ", i)) {
      let d = 1, j = i + 4;
      for (; j < n.length && d > 0; j++) {
        if (n[j] === "<") d++;
        else if (n[j] === ">" && n[j - 1] !== "-") d--;
      }
      return { self: n.slice(1, i), trait: n.slice(i + 4, j - 1) };
    }
  }
  return { self: n, trait: null };
}

export function crateOf(name) {
  const n = demangleLegacy(name).trim().replace(/\[[0-9a-f]{8,}\]/g, "");
  const c = crateOfPath(n);
  if (!STD.has(c)) return c;
  // core/alloc/std generics instantiated for another crate's types (drop glue, Vec<T>, Rc<T>…)
  // count for the first such crate named in the generic arguments.
  for (const m of n.matchAll(/(?:^|[<\s(\[&,*])([A-Za-z_][A-Za-z0-9_]*)::/g)) if (!STD.has(m[1])) return m[1];
  return c;
}

function crateOfPath(n) {
  if (n.startsWith("<")) {
    // A generic instantiation counts for the crate that wrote the impl: the self type's crate,
    // unless that is core/alloc/std (Arc<dyn Fn> as leptos::ToChildren) or no path (F as Trait).
    const q = qualifiedSelf(n);
    const own = firstCrate(q.self);
    const tr = q.trait ? firstCrate(q.trait) : null;
    if (own && !(STD.has(own) && tr)) return own;
    if (tr) return tr;
    if (own) return own;
  }
  const c = firstCrate(n);
  if (c) return c;
  if (/^(dlmalloc|memcpy|memset|memmove|memcmp|__)/.test(n)) return "compiler-builtins/libc";
  return "(unnamed)";
}

export function analyse(path) {
  const buf = readFileSync(path);
  let pos = 8;
  let importedFuncs = 0;
  const bodies = []; // sizes of defined functions, in order
  const names = new Map();
  const sections = [];
  while (pos < buf.length) {
    const id = buf[pos++];
    let size;
    [size, pos] = leb(buf, pos);
    const start = pos, end = pos + size;
    let sname = String(id);
    if (id === 0) {
      let nlen, p;
      [nlen, p] = leb(buf, pos);
      sname = "custom:" + buf.toString("utf8", p, p + nlen);
      if (sname === "custom:name") {
        let q = p + nlen;
        while (q < end) {
          const sub = buf[q++];
          let slen;
          [slen, q] = leb(buf, q);
          const subEnd = q + slen;
          if (sub === 1) {
            let count;
            [count, q] = leb(buf, q);
            for (let i = 0; i < count; i++) {
              let idx, l;
              [idx, q] = leb(buf, q);
              [l, q] = leb(buf, q);
              names.set(idx, buf.toString("utf8", q, q + l));
              q += l;
            }
          }
          q = subEnd;
        }
      }
    } else if (id === 2) {
      sname = "import";
      let count, p = pos;
      [count, p] = leb(buf, p);
      for (let i = 0; i < count; i++) {
        let l;
        [l, p] = leb(buf, p); p += l; // module
        [l, p] = leb(buf, p); p += l; // field
        const kind = buf[p++];
        if (kind === 0) { [, p] = leb(buf, p); importedFuncs++; }
        else if (kind === 1) { p++; const f = buf[p++]; [, p] = leb(buf, p); if (f & 1) [, p] = leb(buf, p); }
        else if (kind === 2) { const f = buf[p++]; [, p] = leb(buf, p); if (f & 1) [, p] = leb(buf, p); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; [, p] = leb(buf, p); }
      }
    } else if (id === 10) {
      sname = "code";
      let count, p = pos;
      [count, p] = leb(buf, p);
      for (let i = 0; i < count; i++) {
        let bsize;
        const before = p;
        [bsize, p] = leb(buf, p);
        bodies.push(bsize + (p - before));
        p += bsize;
      }
    } else if (id === 11) sname = "data";
    sections.push({ name: sname, bytes: size });
    pos = end;
  }
  const byCrate = new Map();
  const byFn = [];
  bodies.forEach((bytes, i) => {
    const name = names.get(importedFuncs + i) ?? `func[${importedFuncs + i}]`;
    const crate = names.size ? crateOf(name) : "(no name section)";
    const c = byCrate.get(crate) ?? { crate, bytes: 0, functions: 0 };
    c.bytes += bytes; c.functions += 1;
    byCrate.set(crate, c);
    byFn.push({ name: demangleLegacy(name), bytes, crate });
  });
  const codeBytes = bodies.reduce((a, b) => a + b, 0);
  return {
    file: path,
    fileBytes: buf.length,
    hasNames: names.size > 0,
    sections: sections.sort((a, b) => b.bytes - a.bytes),
    codeBytes,
    crates: [...byCrate.values()].sort((a, b) => b.bytes - a.bytes),
    largestFunctions: byFn.sort((a, b) => b.bytes - a.bytes).slice(0, 15),
    functions: byFn,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = analyse(process.argv[2]);
  if (process.argv.includes("--json")) { console.log(JSON.stringify(r, null, 2)); }
  else {
    console.log(`${r.file}: ${r.fileBytes} bytes, code ${r.codeBytes}, names: ${r.hasNames}`);
    for (const s of r.sections) console.log(`  section ${s.name}: ${s.bytes}`);
    for (const c of r.crates.slice(0, 25)) console.log(`  ${c.crate.padEnd(28)} ${String(c.bytes).padStart(8)} ${(100 * c.bytes / r.codeBytes).toFixed(1).padStart(5)}%  ${c.functions} fns`);
    for (const f of r.largestFunctions) console.log(`  fn ${f.bytes} ${f.name.slice(0, 140)}`);
  }
}
