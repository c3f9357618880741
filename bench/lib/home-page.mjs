// The measuring half of bench/home-page.sh (which builds, serves and then calls this).
// Usage: node bench/lib/home-page.mjs --url http://127.0.0.1:PORT/ --dist DIR --out DIR
//                                     [--runs 3] [--source REV]
import { readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync, execFileSync } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import puppeteer from "puppeteer-core";
import { compressedSizes, gzipSize, brotliSize } from "./sizes.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const BENCH = dirname(HERE);
const { values: args } = parseArgs({
  options: {
    url: { type: "string" }, dist: { type: "string" }, out: { type: "string" },
    runs: { type: "string", default: "3" }, source: { type: "string", default: "?" },
  },
});
const URL_HOME = args.url;
const ORIGIN = new URL(URL_HOME).origin;
const RUNS = Math.max(1, Number(args.runs));
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];
const BUDGET = { transferBytes: 200_000, performance: 95, accessibility: 100 };
const LH_CATEGORIES = ["performance", "accessibility", "best-practices"];
const LH_METRICS = {
  "first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
  "cumulative-layout-shift": "CLS", "speed-index": "Speed Index", interactive: "TTI",
};
const log = (...m) => console.error("[home-page]", ...m);
mkdirSync(args.out, { recursive: true });

// ---- 1. every request of the home page, in headless Chromium ----
async function browserRequests() {
  const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: CHROME_FLAGS });
  try {
    const page = await browser.newPage();
    // Lighthouse's mobile screen (moto g power).
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const cdp = await page.createCDPSession();
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const reqs = new Map();
    cdp.on("Network.requestWillBeSent", (e) => {
      reqs.set(e.requestId, { url: e.request.url, method: e.request.method, type: e.type, started: e.timestamp });
    });
    cdp.on("Network.requestWillBeSentExtraInfo", (e) => {
      const r = reqs.get(e.requestId) ?? {};
      const h = Object.fromEntries(Object.entries(e.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
      r.acceptEncoding = h["accept-encoding"];
      reqs.set(e.requestId, r);
    });
    cdp.on("Network.responseReceived", (e) => {
      const r = reqs.get(e.requestId) ?? {};
      const h = Object.fromEntries(Object.entries(e.response.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
      Object.assign(r, { status: e.response.status, mimeType: e.response.mimeType,
        contentEncoding: h["content-encoding"] || "identity", fromCache: !!e.response.fromDiskCache });
      reqs.set(e.requestId, r);
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.encodedDataLength = e.encodedDataLength;
    });
    cdp.on("Network.loadingFailed", (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.failed = e.errorText;
    });
    // What Lighthouse 12.2.3 cannot name with Chromium 156 (its trace engine fails on the new
    // trace format): the LCP element and the sources of layout shifts, from the page itself.
    await page.evaluateOnNewDocument(() => {
      const describe = (n) => {
        if (!n) return null;
        if (n.nodeType !== 1) return n.nodeName;
        const attrs = [...n.attributes].slice(0, 3).map((a) => `${a.name}="${a.value.slice(0, 40)}"`).join(" ");
        return `<${n.localName}${attrs ? " " + attrs : ""}> ${(n.textContent || "").trim().slice(0, 40)}`;
      };
      window.__bench = { lcp: [], shifts: [] };
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.lcp.push({ ms: Math.round(e.startTime), size: e.size, element: describe(e.element) }); })
        .observe({ type: "largest-contentful-paint", buffered: true });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.shifts.push({ ms: Math.round(e.startTime), value: +e.value.toFixed(4), sources: (e.sources || []).map((s) => describe(s.node)) }); })
        .observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(URL_HOME, { waitUntil: "networkidle0", timeout: 120_000 });
    await new Promise((ok) => setTimeout(ok, 1500)); // late requests after idle (e.g. the manifest icon)
    const rendered = await page.evaluate(() => ({
      title: document.title,
      h1: document.querySelector("h1")?.textContent?.trim() ?? null,
      splashGone: !document.getElementById("boot-splash"),
      lcp: window.__bench?.lcp ?? [],
      layoutShifts: window.__bench?.shifts ?? [],
    }));
    const version = await browser.version();
    return { requests: [...reqs.values()].filter((r) => r.url && !r.url.startsWith("data:")), rendered, version };
  } finally {
    await browser.close();
  }
}

// ---- 2. what the server sends for one URL ----
function fetchRaw(url, acceptEncoding) {
  return new Promise((ok, fail) => {
    const req = http.get(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        let head = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`;
        for (let i = 0; i < res.rawHeaders.length; i += 2) head += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`;
        head += "\r\n";
        ok({ status: res.statusCode, encoding: res.headers["content-encoding"] || "identity",
          contentType: res.headers["content-type"] || "", body, headerBytes: Buffer.byteLength(head) });
      });
    });
    req.on("error", fail);
  });
}

function distFileFor(url) {
  const path = decodeURIComponent(new URL(url).pathname);
  const rel = path === "/" ? "index.html" : path.replace(/^\/+/, "");
  const file = join(args.dist, rel);
  return existsSync(file) && statSync(file).isFile() ? { rel, file } : null;
}

async function sizeOf(url) {
  const sent = await fetchRaw(url, "br");
  const entry = { url, path: new URL(url).pathname, status: sent.status, contentType: sent.contentType.split(";")[0],
    sentWithBr: { encoding: sent.encoding, bodyBytes: sent.body.length, headerBytes: sent.headerBytes } };
  const d = distFileFor(url);
  if (d) {
    const raw = readFileSync(d.file);
    const hasBr = existsSync(d.file + ".br"), hasGz = existsSync(d.file + ".gz");
    entry.source = `dist/${d.rel}`;
    entry.raw = raw.length;
    entry.gzip = hasGz ? statSync(d.file + ".gz").size : gzipSize(raw);
    entry.brotli = hasBr ? statSync(d.file + ".br").size : brotliSize(raw);
    entry.precompressed = hasBr && hasGz ? "dist .br/.gz" : hasBr ? "dist .br (gzip computed)" : "none (computed here)";
  } else {
    const plain = await fetchRaw(url, "identity");
    Object.assign(entry, { source: "server response", ...compressedSizes(plain.body), precompressed: "not a file (computed here)" });
  }
  return entry;
}

// ---- 3. Lighthouse ----
// Simulated throttling multiplies the CPU time the page really took, so a busy machine (other
// builds on these 2 cores) inflates TBT. Before each run, wait (up to BENCH_QUIET_WAIT seconds,
// 300) until the CPUs are mostly idle (busy ≤ BENCH_QUIET_BUSY, 0.3, over 3 s), and record it.
function cpuTimes() {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] || 0);
  return { idle, total: f.reduce((a, b) => a + b, 0) };
}
async function cpuBusy(seconds) {
  const a = cpuTimes();
  await new Promise((ok) => setTimeout(ok, seconds * 1000));
  const b = cpuTimes();
  return b.total === a.total ? 0 : 1 - (b.idle - a.idle) / (b.total - a.total);
}
async function waitForQuiet() {
  const limit = Number(process.env.BENCH_QUIET_BUSY ?? 0.3);
  const deadline = Date.now() + Number(process.env.BENCH_QUIET_WAIT ?? 300) * 1000;
  let busy = await cpuBusy(3);
  while (busy > limit && Date.now() < deadline) {
    log(`CPUs ${(busy * 100).toFixed(0)} % busy: waiting for them to settle`);
    await new Promise((ok) => setTimeout(ok, 10_000));
    busy = await cpuBusy(3);
  }
  return +busy.toFixed(2);
}

async function lighthouseRun(i) {
  const base = join(args.out, "lighthouse", `run-${i}`);
  mkdirSync(dirname(base), { recursive: true });
  const busyBefore = await waitForQuiet();
  const load = os.loadavg()[0];
  const started = Date.now();
  const r = spawnSync(process.execPath, [
    join(BENCH, "node_modules/lighthouse/cli/index.js"), URL_HOME, "--quiet",
    "--output=json", "--output=html", `--output-path=${base}`,
    `--only-categories=${LH_CATEGORIES.join(",")}`, `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
  ], { env: { ...process.env, CHROME_PATH: CHROME }, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`lighthouse run ${i} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const lhr = JSON.parse(readFileSync(`${base}.report.json`, "utf8"));
  if (lhr.runtimeError) throw new Error(`lighthouse run ${i}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(LH_CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
  const metrics = Object.fromEntries(Object.keys(LH_METRICS).map((a) => [a, lhr.audits[a]?.numericValue ?? null]));
  return { run: i, report: `${base}.report.html`.replace(BENCH + "/", "bench/"), seconds: (Date.now() - started) / 1000,
    loadavgBefore: +load.toFixed(2), cpuBusyBefore: busyBefore, benchmarkIndex: lhr.environment?.benchmarkIndex, scores, metrics,
    warnings: lhr.runWarnings, lhr };
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] + (s.length % 2 ? 0 : (s[s.length / 2] - s[s.length / 2 - 1]) / 2) : null;
};

function diagnostics(lhr) {
  const audit = (id) => lhr.audits[id];
  const d = {};
  const lcpEl = audit("largest-contentful-paint-element")?.details?.items ?? [];
  d.lcpElement = lcpEl[0]?.items?.[0]?.node?.snippet ?? null;
  d.lcpPhases = (lcpEl[1]?.items ?? []).map((p) => ({ phase: p.phase, ms: Math.round(p.timing) }));
  d.longTasks = (audit("long-tasks")?.details?.items ?? []).slice(0, 6)
    .map((t) => ({ url: t.url, startMs: Math.round(t.startTime), durationMs: Math.round(t.duration) }));
  d.bootup = (audit("bootup-time")?.details?.items ?? []).slice(0, 5)
    .map((t) => ({ url: t.url, totalMs: Math.round(t.total), scriptingMs: Math.round(t.scripting) }));
  d.mainThread = (audit("mainthread-work-breakdown")?.details?.items ?? []).slice(0, 6)
    .map((t) => ({ group: t.groupLabel || t.group, ms: Math.round(t.duration) }));
  d.layoutShifts = (audit("layout-shifts")?.details?.items ?? []).slice(0, 5)
    .map((s) => ({ node: s.node?.snippet ?? null, score: +(s.score ?? 0).toFixed(4) }));
  d.criticalChain = audit("critical-request-chains")?.displayValue ?? null;
  const notPassed = (cat) => (lhr.categories[cat]?.auditRefs ?? [])
    .map((ref) => ({ ref, a: audit(ref.id) }))
    .filter(({ a }) => a && a.score !== null && a.score < 1 && !["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode))
    .map(({ ref, a }) => ({ id: a.id, title: a.title, score: a.score, weight: ref.weight, displayValue: a.displayValue || "" }));
  d.performanceAudits = notPassed("performance");
  d.accessibilityFailures = notPassed("accessibility");
  d.bestPracticesFailures = notPassed("best-practices");
  const errors = audit("errors-in-console")?.details?.items ?? [];
  d.consoleErrors = errors.slice(0, 5).map((e) => `${e.source ?? ""}: ${(e.description ?? "").slice(0, 200)}`);
  d.erroredAudits = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === "error")
    .map((a) => ({ id: a.id, error: (a.errorMessage || "").slice(0, 160) }));
  d.networkRequests = (audit("network-requests")?.details?.items ?? [])
    .map((r) => ({ url: r.url, transferSize: r.transferSize, resourceSize: r.resourceSize, status: r.statusCode }));
  return d;
}

// ---- run ----
log(`listing the requests of ${URL_HOME} in headless Chromium`);
const seen = await browserRequests();
const sameOrigin = seen.requests.filter((r) => r.url.startsWith(ORIGIN));
const other = seen.requests.filter((r) => !r.url.startsWith(ORIGIN));
const byUrl = new Map();
for (const r of sameOrigin) byUrl.set(r.url, [...(byUrl.get(r.url) ?? []), r]);
const files = [];
for (const [url, rs] of byUrl) {
  const e = await sizeOf(url);
  e.requests = rs.length;
  e.browser = { status: rs[0].status, encoding: rs[0].contentEncoding, transferBytes: rs.reduce((a, r) => a + (r.encodedDataLength ?? 0), 0),
    acceptEncoding: rs[0].acceptEncoding ?? null, failed: rs.find((r) => r.failed)?.failed ?? null };
  files.push(e);
}
const sum = (f) => files.reduce((a, e) => a + f(e), 0);
const totals = {
  files: files.length, requests: sameOrigin.length,
  raw: sum((e) => e.raw), gzip: sum((e) => e.gzip), brotli: sum((e) => e.brotli),
  sentWithBrBody: sum((e) => e.sentWithBr.bodyBytes), sentWithBrHeaders: sum((e) => e.sentWithBr.headerBytes),
  browserTransfer: sum((e) => e.browser.transferBytes),
};
totals.sentWithBr = totals.sentWithBrBody + totals.sentWithBrHeaders;

const runs = [];
for (let i = 1; i <= RUNS; i++) {
  log(`Lighthouse run ${i}/${RUNS} (mobile, simulated throttling)`);
  // Lighthouse sometimes loses the trace on a loaded machine (NO_NAVSTART): try again, twice.
  for (let attempt = 1; ; attempt++) {
    try { runs.push(await lighthouseRun(i)); break; } catch (e) {
      if (attempt === 3) throw e;
      log(`${e.message.split("\n")[0].slice(0, 300)} — trying again`);
    }
  }
}
const medians = {
  scores: Object.fromEntries(LH_CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
  metrics: Object.fromEntries(Object.keys(LH_METRICS).map((m) => [m, median(runs.map((r) => r.metrics[m]))])),
};
// The run whose performance score is the median one: its diagnostics go in the report.
const medianRun = [...runs].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor((runs.length - 1) / 2)];
const diag = diagnostics(medianRun.lhr);
const lhUrls = new Set(diag.networkRequests.map((r) => r.url));
const crossCheck = {
  onlyInBrowserRun: [...byUrl.keys()].filter((u) => !lhUrls.has(u)),
  onlyInLighthouse: [...lhUrls].filter((u) => !byUrl.has(u)),
};

const budgets = [
  { name: "Home page transfer, brotli (sum of the brotli sizes of every file it loads)", limit: `≤ ${BUDGET.transferBytes / 1000} kB`,
    value: totals.brotli, unit: "B", pass: totals.brotli <= BUDGET.transferBytes },
  { name: "Home page transfer as sent to `Accept-Encoding: br` (bodies + response headers)", limit: `≤ ${BUDGET.transferBytes / 1000} kB`,
    value: totals.sentWithBr, unit: "B", pass: totals.sentWithBr <= BUDGET.transferBytes },
  { name: "Lighthouse performance (median)", limit: `≥ ${BUDGET.performance}`, value: medians.scores.performance,
    pass: medians.scores.performance >= BUDGET.performance },
  { name: "Lighthouse accessibility (median)", limit: `= ${BUDGET.accessibility}`, value: medians.scores.accessibility,
    pass: medians.scores.accessibility >= BUDGET.accessibility },
];

let lighthouseVersion = "?";
try { lighthouseVersion = JSON.parse(readFileSync(join(BENCH, "node_modules/lighthouse/package.json"), "utf8")).version; } catch {}
let serverNote = "reference server, debug build (static files from a copy of dist/, SQLite demo data)";
const report = {
  generated: new Date().toISOString(),
  source: args.source,
  url: URL_HOME,
  environment: {
    chromium: seen.version, chromePath: CHROME, chromeFlags: CHROME_FLAGS, lighthouse: lighthouseVersion,
    node: process.version, cpus: os.cpus().length, server: serverNote,
    lighthouseConfig: { formFactor: medianRun.lhr.configSettings.formFactor, throttlingMethod: medianRun.lhr.configSettings.throttlingMethod,
      throttling: medianRun.lhr.configSettings.throttling, screenEmulation: medianRun.lhr.configSettings.screenEmulation },
  },
  rendered: seen.rendered,
  files, totals, otherOriginRequests: other.map((r) => r.url), crossCheck,
  lighthouse: {
    runs: runs.map(({ lhr, ...r }) => r), median: medians,
    medianRun: medianRun.run, diagnostics: diag,
  },
  budgets,
};
writeFileSync(join(args.out, "home-page.json"), JSON.stringify(report, null, 2) + "\n");

// ---- Markdown ----
const n = (x) => (x == null ? "–" : Math.round(x).toLocaleString("en-US"));
const kB = (x) => (x / 1000).toFixed(1) + " kB";
const ms = (x) => (x == null ? "–" : `${Math.round(x).toLocaleString("en-US")} ms`);
const metric = (id, v) => (id === "cumulative-layout-shift" ? (v == null ? "–" : v.toFixed(3)) : ms(v));
const md = [];
md.push("# Home page benchmark");
md.push("");
md.push(`Generated by \`bash bench/home-page.sh\` on ${report.generated} from \`${report.source}\` (release build by \`scripts/build-app.sh\`).`);
md.push(`Page: ${URL_HOME} served by the ${serverNote}. Browser: Debian Chromium ${seen.version.replace(/^\D*/, "")} headless at ${CHROME}; Lighthouse ${lighthouseVersion}, mobile form factor, default simulated throttling (150 ms RTT, 1.6 Mbit/s, 4× CPU slowdown); ${RUNS} runs, medians.`);
md.push(`Rendered: title “${seen.rendered.title}”, h1 “${seen.rendered.h1 ?? "(none)"}”, boot splash removed: ${seen.rendered.splashGone ? "yes" : "NO"}.`);
md.push("");
md.push("## Budgets");
md.push("");
md.push("| budget | limit | measured | result |");
md.push("|---|---|---:|---|");
for (const b of budgets) md.push(`| ${b.name} | ${b.limit} | ${b.unit === "B" ? `${n(b.value)} B (${kB(b.value)})` : n(b.value)} | **${b.pass ? "PASS" : "FAIL"}** |`);
md.push("");
md.push("kB = 1000 bytes. The script exits 0 whatever the result.");
md.push("");
md.push("## Files the home page loads");
md.push("");
md.push(`Every request Chromium made for ${URL_HOME} until the network was idle (cache disabled, Lighthouse's mobile screen). gzip -9 and brotli q11 sizes are dist's precompressed .gz/.br files, or computed here the same way for responses without them. “Sent for br” is what the server returns to a request with \`Accept-Encoding: br\`: encoding and body bytes (response headers counted in the totals).`);
md.push("");
md.push("| file | type | status | raw | gzip | brotli | share of brotli | compressed files | sent for br |");
md.push("|---|---|---:|---:|---:|---:|---:|---|---:|");
for (const e of files) {
  const name = e.path + (e.requests > 1 ? ` (×${e.requests})` : "");
  md.push(`| \`${name}\` | ${e.contentType} | ${e.status} | ${n(e.raw)} | ${n(e.gzip)} | ${n(e.brotli)} | ${(100 * e.brotli / totals.brotli).toFixed(1)} % | ${e.precompressed} | ${e.sentWithBr.encoding} ${n(e.sentWithBr.bodyBytes)} |`);
}
md.push(`| **total (${files.length} files)** | | | **${n(totals.raw)}** | **${n(totals.gzip)}** | **${n(totals.brotli)}** | 100 % | | **${n(totals.sentWithBrBody)}** |`);
md.push("");
md.push(`Transfer observed with \`Accept-Encoding: br\`: ${n(totals.sentWithBrBody)} B of bodies + ${n(totals.sentWithBrHeaders)} B of response headers = **${n(totals.sentWithBr)} B (${kB(totals.sentWithBr)})**, one request per file. Chromium itself counted ${n(totals.browserTransfer)} B over the wire for its ${totals.requests} requests (it sent \`Accept-Encoding: ${files[0]?.browser.acceptEncoding ?? "?"}\`).`);
md.push("Response headers travel uncompressed over the HTTP/1.1 of this loopback test; behind HTTP/2 or HTTP/3 in production, HPACK/QPACK send the repeated ones (security headers, CSP) once per connection.");
const onTheFly = files.filter((e) => e.sentWithBr.encoding === "br" && e.sentWithBr.bodyBytes > e.brotli * 1.05 + 8);
if (onTheFly.length) md.push(`Sent larger than brotli q11 (compressed per request at a lower quality instead of from a .br file): ${onTheFly.map((e) => `\`${e.path}\` ${n(e.sentWithBr.bodyBytes)} B vs ${n(e.brotli)} B`).join("; ")}.`);
const uncompressed = files.filter((e) => e.sentWithBr.encoding === "identity" && e.raw > 1024);
if (uncompressed.length) md.push(`Sent uncompressed although larger than 1 kB: ${uncompressed.map((e) => `\`${e.path}\``).join(", ")}.`);
if (other.length) md.push(`Requests to other origins: ${other.map((r) => r.url).join(", ")}.`);
if (crossCheck.onlyInBrowserRun.length || crossCheck.onlyInLighthouse.length) {
  md.push(`Cross-check with Lighthouse's network-requests audit: only in the browser run: ${crossCheck.onlyInBrowserRun.join(", ") || "none"}; only in Lighthouse: ${crossCheck.onlyInLighthouse.join(", ") || "none"}.`);
} else {
  md.push("Lighthouse's network-requests audit saw the same URLs.");
}
md.push("");
md.push("## Lighthouse (mobile)");
md.push("");
md.push(`| | ${runs.map((r) => `run ${r.run}`).join(" | ")} | **median** |`);
md.push(`|---|${runs.map(() => "---:").join("|")}|---:|`);
for (const c of LH_CATEGORIES) md.push(`| ${c} | ${runs.map((r) => n(r.scores[c])).join(" | ")} | **${n(medians.scores[c])}** |`);
for (const [id, label] of Object.entries(LH_METRICS)) md.push(`| ${label} | ${runs.map((r) => metric(id, r.metrics[id])).join(" | ")} | **${metric(id, medians.metrics[id])}** |`);
md.push(`| benchmarkIndex | ${runs.map((r) => n(r.benchmarkIndex)).join(" | ")} | |`);
md.push(`| CPU busy before (3 s) | ${runs.map((r) => `${Math.round(r.cpuBusyBefore * 100)} %`).join(" | ")} | |`);
md.push(`| load average before | ${runs.map((r) => r.loadavgBefore).join(" | ")} | |`);
md.push("");
md.push(`Reports: ${runs.map((r) => `\`${r.report}\``).join(", ")} (bench/out is not committed). Simulated throttling replays the page's own CPU work ×4, so other work on this 2-core machine raises TBT and LCP: each run waited for the CPUs to settle (busy ≤ 30 % over 3 s, at most 5 min) — compare CPU busy, load average and benchmarkIndex across runs.`);
md.push("");
md.push(`## What holds the scores down (run ${medianRun.run}, the median performance run)`);
md.push("");
if (seen.rendered.lcp.length) md.push(`- LCP candidates in the unthrottled browser run: ${seen.rendered.lcp.map((e) => `${e.ms} ms, ${e.size} px² \`${(e.element ?? "(removed node)").replace(/`/g, "'")}\``).join("; ")}.`);
if (seen.rendered.layoutShifts.length) md.push(`- Layout shifts in the unthrottled browser run: ${seen.rendered.layoutShifts.map((s) => `${s.value} at ${s.ms} ms (${s.sources.map((x) => `\`${(x ?? "?").replace(/`/g, "'")}\``).join(", ") || "no source"})`).join("; ")}.`);
if (diag.lcpElement) md.push(`- LCP element: \`${diag.lcpElement.slice(0, 160)}\`${diag.lcpPhases.length ? "; phases: " + diag.lcpPhases.map((p) => `${p.phase} ${p.ms} ms`).join(", ") : ""}.`);
if (diag.longTasks.length) md.push(`- Long main-thread tasks (simulated): ${diag.longTasks.map((t) => `${t.durationMs} ms at ${t.startMs} ms (${t.url.replace(ORIGIN, "")})`).join("; ")}.`);
if (diag.bootup.length) md.push(`- Script work by file: ${diag.bootup.map((t) => `${t.url.replace(ORIGIN, "")} ${t.totalMs} ms (scripting ${t.scriptingMs} ms)`).join("; ")}.`);
if (diag.mainThread.length) md.push(`- Main thread by kind: ${diag.mainThread.map((t) => `${t.group} ${t.ms} ms`).join(", ")}.`);
if (diag.layoutShifts.length) md.push(`- Layout shifts: ${diag.layoutShifts.map((s) => `${s.score} on \`${(s.node ?? "?").slice(0, 100)}\``).join("; ")}.`);
const list = (label, items) => {
  if (!items.length) { md.push(`- ${label}: none.`); return; }
  md.push(`- ${label}: ${items.map((a) => `${a.id} (score ${a.score}${a.weight ? `, weight ${a.weight}` : ""}${a.displayValue ? `, ${a.displayValue}` : ""})`).join("; ")}.`);
};
list("Performance audits not passed", diag.performanceAudits);
list("Accessibility audits failed", diag.accessibilityFailures);
list("Best-practices audits failed", diag.bestPracticesFailures);
if (diag.erroredAudits.length) {
  const reasons = [...new Set(diag.erroredAudits.map((a) => a.error))];
  md.push(`- Audits that errored (Lighthouse 12.2.3's trace engine predates Chromium ${seen.version.replace(/^\D*/, "").split(".")[0]}'s trace format; none of them is weighted in a score): ${diag.erroredAudits.map((a) => a.id).join(", ")} — ${reasons.map((r) => `“${r}”`).join("; ")}.`);
}
if (diag.consoleErrors.length) md.push(`- Console errors: ${diag.consoleErrors.map((e) => `“${e}”`).join("; ")}.`);
md.push("");
writeFileSync(join(args.out, "home-page.md"), md.join("\n") + "\n");
log("wrote bench/out/home-page.json and bench/out/home-page.md");
