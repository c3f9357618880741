// The opening-time storm against a running server (loopback only): CLIENTS residents, signed in
// beforehand, each reading the slot list READS times then booking one place in a random slot of
// one day, all at once. Then the same server's static-file throughput (GET /boot.js) with the
// same concurrency as the reference. Prints a JSON summary. A benchmark, not a test.
import { randomUUID } from "node:crypto";

const BASE = process.env.BASE_URL || "http://127.0.0.1:18140";
const CLIENTS = Number(process.env.STORM_CLIENTS || 200);
const READS = Number(process.env.STORM_READS || 5);
const STATIC_REQUESTS = Number(process.env.STORM_STATIC_REQUESTS || 5000);
const url = new URL(BASE);
if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error("loopback only");

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;
function summary(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { count: s.length, p50_ms: pct(s, 50), p90_ms: pct(s, 90), p99_ms: pct(s, 99), max_ms: s.at(-1) ?? null };
}

async function timed(f) {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

async function signIn(i) {
  const phone = "135" + String(10_000_000 + i * 7919 + Math.floor(Math.random() * 1000)).slice(-8);
  let r = await fetch(`${BASE}/api/v1/auth/sms-code`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ phone }) });
  if (r.status !== 200) throw new Error(`sms-code ${r.status}: ${await r.text()}`);
  const { code } = await (await fetch(`${BASE}/api/v1/dev/sms-outbox?phone=${phone}`)).json();
  r = await fetch(`${BASE}/api/v1/auth/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ phone, code }) });
  if (r.status !== 200) throw new Error(`session ${r.status}`);
  return r.headers.get("set-cookie").split(";")[0];
}

async function main() {
  const detail = await (await fetch(`${BASE}/api/v1/memorial/cemeteries/baoshan`)).json();
  const date = detail.days[1]?.date;
  if (!date) throw new Error("no bookable day: run the server with --demo");
  const cookies = [];
  for (let i = 0; i < CLIENTS; i += 20) {
    cookies.push(...(await Promise.all(Array.from({ length: Math.min(20, CLIENTS - i) }, (_, k) => signIn(i + k)))));
  }
  const slotsUrl = `${BASE}/api/v1/memorial/cemeteries/baoshan/slots?date=${date}`;
  const reads = [];
  const books = [];
  const outcome = { booked: 0, full: 0, other_errors: 0, read_errors: 0 };
  const started = performance.now();
  await Promise.all(
    cookies.map(async (cookie) => {
      let list;
      for (let r = 0; r < READS; r++) {
        const [res, ms] = await timed(() => fetch(slotsUrl));
        reads.push(ms);
        if (res.status !== 200) { outcome.read_errors++; await res.arrayBuffer(); continue; }
        list = await res.json();
      }
      const open = (list?.slots || []).filter((s) => s.capacity - s.taken >= 1);
      const slot = open[Math.floor(Math.random() * open.length)] || list?.slots?.[0];
      const body = { slot_id: slot?.id || "", group_size: 1, plate: "", deceased_name: "陈国华", grave: { area: "A", row: "1", number: "1" } };
      const [res, ms] = await timed(() => fetch(`${BASE}/api/v1/memorial/bookings`, { method: "POST", headers: { "content-type": "application/json", "idempotency-key": randomUUID(), cookie }, body: JSON.stringify(body) }));
      books.push(ms);
      if (res.status === 200) outcome.booked++;
      else if (res.status === 409) outcome.full++;
      else outcome.other_errors++;
      await res.arrayBuffer();
    }),
  );
  const stormSeconds = (performance.now() - started) / 1000;
  // Places really taken must equal bookings made (no overbooking, nothing lost).
  const after = await (await fetch(slotsUrl)).json();
  const taken = after.slots.reduce((n, s) => n + s.taken, 0);
  const capacity = after.slots.reduce((n, s) => n + s.capacity, 0);

  // Reference: static-file throughput of the same server at the same concurrency.
  const staticMs = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CLIENTS, 200) }, async () => {
      while (next++ < STATIC_REQUESTS) {
        const [res, ms] = await timed(() => fetch(`${BASE}/boot.js`));
        await res.arrayBuffer();
        staticMs.push(ms);
      }
    }),
  );
  const staticSeconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({
    base: BASE, date, clients: CLIENTS, reads_per_client: READS,
    storm_seconds: +stormSeconds.toFixed(2),
    requests_per_second: +((reads.length + books.length) / stormSeconds).toFixed(0),
    outcome, places_taken_after: taken, places_total: capacity,
    slot_reads: summary(reads), bookings: summary(books),
    static_reference: { requests: staticMs.length, requests_per_second: +(staticMs.length / staticSeconds).toFixed(0), ...summary(staticMs) },
  }, null, 2));
}

main().catch((e) => { console.error(e); process.exit(1); });
