// Many couples booking the same day at once against a running server (loopback only): every
// client posts one booking for a slot of that day at the same moment. Reports bookings made,
// "full" answers, other errors, and latency percentiles. Checks no slot was overbooked.
// Needs the server run with --demo (the dev SMS outbox) and generous SMS limits (see marriage-load.sh).
import { randomInt } from "node:crypto";

const BASE = process.env.BASE_URL || "http://127.0.0.1:18120";
const CLIENTS = Math.min(Math.max(Number(process.env.CLIENTS || 300), 1), 2000);
const RESIDENTS = Math.min(Math.max(Number(process.env.RESIDENTS || 20), 1), 200);
const OFFICE = process.env.OFFICE || "";
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(BASE)) throw new Error(`loopback only, not ${BASE}`);

async function call(method, path, { body, cookie, headers = {} } = {}) {
  const r = await fetch(BASE + path, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return r;
}

async function signIn(phone) {
  let r = await call("POST", "/api/v1/auth/sms-code", { body: { phone } });
  if (r.status !== 200) throw new Error(`send code ${phone}: ${r.status} ${await r.text()}`);
  const { code } = await (await call("GET", `/api/v1/dev/sms-outbox?phone=${phone}`)).json();
  r = await call("POST", "/api/v1/auth/session", { body: { phone, code } });
  if (r.status !== 200) throw new Error(`sign in: ${r.status}`);
  return r.headers.get("set-cookie").split(";")[0];
}

function residentId(birth, male) {
  const seq = randomInt(0, 500) * 2 + (male ? 1 : 0);
  const first17 = `440306${birth}${String(seq).padStart(3, "0")}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + "10X98765432"[[...first17].reduce((s, c, i) => s + Number(c) * w[i], 0) % 11];
}
const phone = () => "139" + String(randomInt(0, 1e8)).padStart(8, "0");
const day2 = (n) => String(n).padStart(2, "0");
function party(name, male) {
  const birth = `${1975 + randomInt(0, 25)}${day2(1 + randomInt(0, 12))}${day2(1 + randomInt(0, 28))}`;
  return { name, id_type: "resident_id", id_number: residentId(birth, male), birth_date: "", sex: null, nationality: "中国", phone: phone() };
}

const offices = await (await call("GET", "/api/v1/marriage/offices")).json();
const office = OFFICE || offices[0]?.id;
if (!office) throw new Error("no offices: run the server with --demo");
const days = await (await call("GET", `/api/v1/marriage/offices/${office}/days`)).json();
const day = days.days.find((d) => d.state === "open");
if (!day) throw new Error("no open day");
const before = await (await call("GET", `/api/v1/marriage/offices/${office}/days/${day.date}/slots`)).json();
const places = before.slots.reduce((s, x) => s + x.places_left, 0);
console.log(`office ${office}, day ${day.date}: ${before.slots.length} slots, ${places} places left; ${CLIENTS} clients, ${RESIDENTS} residents`);

const cookies = [];
for (let i = 0; i < RESIDENTS; i++) cookies.push(await signIn(phone()));
const requests = Array.from({ length: CLIENTS }, (_, i) => ({
  cookie: cookies[i % RESIDENTS],
  slot: before.slots[i % before.slots.length].id,
  body: null,
}));
for (const r of requests) r.body = { kind: "marriage", slot_id: r.slot, party_a: party("张伟", true), party_b: party("李娜", false), ceremony_slot_id: null, counselling_slot_id: null };

const started = performance.now();
const results = await Promise.all(
  requests.map(async (r, i) => {
    const t0 = performance.now();
    try {
      const res = await call("POST", "/api/v1/marriage/bookings", { body: r.body, cookie: r.cookie, headers: { "idempotency-key": `load-${Date.now()}-${i}` } });
      const body = await res.json();
      return { ms: performance.now() - t0, status: res.status, full: res.status === 409 && body.fields?.slot_id === "marriage.slot_full" };
    } catch (e) {
      return { ms: performance.now() - t0, status: 0, error: String(e) };
    }
  }),
);
const wall = performance.now() - started;
const after = await (await call("GET", `/api/v1/marriage/offices/${office}/days/${day.date}/slots`)).json();
const overbooked = after.slots.filter((s) => s.places_left < 0 || s.places_left > s.capacity);
const made = results.filter((r) => r.status === 200).length;
const full = results.filter((r) => r.full).length;
const errors = results.length - made - full;
const ms = results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))].toFixed(1);
const placesAfter = after.slots.reduce((s, x) => s + x.places_left, 0);
console.log(`bookings made: ${made} (places before ${places}, after ${placesAfter}; taken ${places - placesAfter})`);
console.log(`full (409): ${full}, other errors: ${errors}${errors ? " — statuses " + JSON.stringify(results.filter((r) => r.status !== 200 && !r.full).slice(0, 5)) : ""}`);
console.log(`latency ms: p50 ${pct(50)}, p90 ${pct(90)}, p99 ${pct(99)}, max ${ms[ms.length - 1].toFixed(1)}; wall ${wall.toFixed(0)} ms, ${(CLIENTS / (wall / 1000)).toFixed(0)} req/s`);
console.log(overbooked.length || places - placesAfter !== made ? "OVERBOOKED OR MISCOUNTED" : "no slot overbooked; places taken = bookings made");
