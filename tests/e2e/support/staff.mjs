// Helpers of the staff specs: the staff pages' own strings (src/staff/i18n/<lang>.json), staff
// accounts made over the API as the district would (the server's bootstrap token creates a
// district admin, who creates the others), the authenticator code an app would show (RFC 6238:
// HMAC-SHA1, 30-second steps, 6 digits), browsers of their own, and bookings to check in.
import { createHmac, randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import { measure } from "./elder.mjs";
import { t } from "./i18n.mjs";
import { signIn } from "./app.mjs";

export const BASE_URL = process.env.BASE_URL || "http://127.0.0.1:18080";
/** The token the test server was started with (scripts/test.sh and /tmp/specs.sh set it). */
export const STAFF_TOKEN = process.env.BAOAN_ADMIN_TOKEN || "e2e-staff-token";
export const PASSWORD = "e2e staff passphrase";
/** The contract's margins at the gate (contract/src/staff/checkin.rs EARLY_MINUTES, LATE_MINUTES). */
export const EARLY_MINUTES = 30;
export const LATE_MINUTES = 30;

/** A string of the staff pages (`count` picks a plural form, see `t`). */
export function ts(lang, key, count) {
  return t(lang, `staff.${key}`, count);
}

function base32(secret) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator app shows now for `secret` (base32). */
export function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const digest = createHmac("sha1", base32(secret)).update(counter).digest();
  const offset = digest[19] & 15;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** A login no other test uses. */
export function freshLogin(prefix) {
  return `${prefix}.${Date.now().toString(36)}${randomInt(0, 1_000_000).toString(36)}`;
}

/** A browser context of its own (its own cookies), phone-sized like every test. */
export async function newBrowser(browser, options = {}) {
  return browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: 390, height: 844 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    extraHTTPHeaders: { Origin: BASE_URL },
    ...options,
  });
}

/** Signs a staff member in over the API in `request` (a context's request shares its cookies). */
export async function staffSignIn(request, login, secret) {
  const r = await request.post("/api/v1/staff/session", { data: { login, password: PASSWORD, code: totp(secret) } });
  expect(r.status(), await r.text()).toBe(200);
}

/** A district admin made with the bootstrap token, signed in within `request`. */
export async function districtAdmin(request) {
  const login = freshLogin("e2e.admin");
  const r = await request.post("/api/v1/staff/accounts", {
    headers: { Authorization: `Bearer ${STAFF_TOKEN}` },
    data: { login, display_name: "演示管理员", password: PASSWORD, assignment: { role: "district_admin", place: null } },
  });
  expect(r.status(), await r.text()).toBe(201);
  await staffSignIn(request, login, (await r.json()).totp_secret);
  return request;
}

/** An account made by the signed-in admin `admin`: { login, secret }. */
export async function createStaff(admin, role, place, displayName = "演示工作人员") {
  const login = freshLogin(role.replace(/_/g, "-"));
  const r = await admin.post("/api/v1/staff/accounts", {
    data: { login, display_name: displayName, password: PASSWORD, assignment: { role, place } },
  });
  expect(r.status(), await r.text()).toBe(201);
  return { login, secret: (await r.json()).totp_secret };
}

/** Now in Shenzhen: { day: "YYYY-MM-DD", minute } (minutes after Shenzhen midnight). */
export function shenzhenNow(at = Date.now()) {
  const local = new Date(at + 8 * 3600_000);
  return { day: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The day `n` days from today in Shenzhen. */
export function shenzhenDay(n = 0) {
  return new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** Opens a booking window at `cemetery` from today to tomorrow, with a slot every hour of the day,
 * so there is always a slot under way now; `request` is a signed-in district admin's. (Made once
 * per cemetery per server: a second one for the same days is not needed, so the server may refuse
 * it as a conflict — but never as a door that is closed.) */
export async function openAllDayWindow(request, cemetery) {
  const r = await request.post("/api/v1/staff/memorial/windows", {
    data: {
      cemetery_id: cemetery, kind: "qingming", starts_on: shenzhenDay(0), ends_on: shenzhenDay(1), days_ahead: 7,
      service_opens_minute: 0, service_closes_minute: 1440, first_hour: 0, last_hour: 23, capacity: 200,
    },
  });
  expect([401, 403, 404, 405], await r.text()).not.toContain(r.status());
}

/** The slots of `cemetery` on `day`. */
export async function slotsOn(request, cemetery, day) {
  const r = await request.get(`/api/v1/memorial/cemeteries/${cemetery}/slots?date=${day}`);
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()).slots;
}

/** A fresh resident (own context) books `slot` for a group of `group`; returns the booking. */
export async function bookVisit(playwright, slot, group = 2) {
  const resident = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } });
  await signIn(resident);
  const r = await resident.post("/api/v1/memorial/bookings", {
    headers: { "idempotency-key": `staff-${Date.now()}-${Math.random()}` },
    data: { slot_id: slot.id, group_size: group, plate: "", deceased_name: "陈国华", grave: { area: "A", row: "1", number: "2" } },
  });
  expect(r.status(), await r.text()).toBe(200);
  const booking = await r.json();
  booking.resident = resident;
  return booking;
}

/** The contract's verdict (contract/src/staff/checkin.rs `judge`) for a genuine, unused booking of
 * this place on `slotDay` at [start, end), presented at `now` (shenzhenNow). */
export function expectedVerdict(slotDay, start, end, now) {
  if (slotDay !== now.day) return "wrong_day";
  if (now.minute + EARLY_MINUTES < start) return "too_early";
  if (now.minute > end + LATE_MINUTES) return "too_late";
  return "valid";
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The axe-core scan of a staff page (WCAG 2.2 AA; enhanced contrast in elder mode), and in elder
 * mode the sizes: text ≥ 20 px, targets ≥ 60 px and 8 px apart. `what` names the page in a failure. */
export async function scanStaffPage(page, elder, what) {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: "tag", values: WCAG_TAGS }, rules: elder ? { "color-contrast-enhanced": { enabled: true } } : {} })
    .analyze();
  const described = results.violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");
  expect(results.violations, `${what}\n${described}`).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
  if (elder) {
    const m = await measure(page);
    expect([...m.small, ...m.short, ...m.close], `${what}: elder mode text ≥ 20 px, targets ≥ 60 px, 8 px apart`).toEqual([]);
  }
}
