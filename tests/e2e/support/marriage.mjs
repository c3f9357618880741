// Helpers for the marriage-registration specs: this journey's own strings (read from
// src/journeys/marriage/i18n/<lang>.json), valid test identities, and walking the booking steps.
import { randomInt } from "node:crypto";
import { request as apiRequest } from "@playwright/test";
import { expect, open, randomPhone, signIn } from "./app.mjs";
import { BASE_URL } from "../playwright.config.mjs";
import { t } from "./i18n.mjs";

/** This journey's text of `key` in `lang` (`count` picks a plural form, see `t`). */
export function mt(lang, key, count) {
  return t(lang, `marriage.${key}`, count);
}

/** A valid 18-character resident ID (GB 11643 check digit) born on `birth` (YYYYMMDD). */
export function residentId(birth, male) {
  let seq = randomInt(0, 500) * 2 + (male ? 1 : 0);
  const first17 = `440306${birth}${String(seq % 1000).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + "10X98765432"[sum % 11];
}

/** A couple of legal age with fresh documents and phones. The birth date is random too: a
 * full test run books a few hundred people, and "one active booking per person" must never
 * see the same ID twice (10 years × 500 sequence numbers alone collided). */
export function newCouple() {
  const birth = (y) => {
    const two = (n) => String(n).padStart(2, "0");
    return `${y + randomInt(0, 10)}${two(randomInt(1, 13))}${two(randomInt(1, 29))}`;
  };
  return {
    a: { name: "张伟", id: residentId(birth(1980), true), nationality: "中国", phone: randomPhone() },
    b: { name: "李娜", id: residentId(birth(1985), false), nationality: "中国", phone: randomPhone() },
  };
}

/** Clicks a random enabled large choice button (a day or a time) on the current page. */
export async function chooseAny(page) {
  const enabled = page.locator("main .ui-choice:not([disabled])");
  await expect(enabled.first()).toBeVisible();
  const n = await enabled.count();
  await enabled.nth(randomInt(0, n)).click();
}

/** From the start page to the parties page: kind, office (by its index), a day, a time. */
export async function toParties(page, lang, { kind = "marriage", office = 0 } = {}) {
  await open(page, "/marriage");
  await page.locator(`#kind-${kind}`).check();
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(page.locator("main h1")).toHaveText(mt(lang, "OfficeTitle"));
  await page.getByRole("button", { name: mt(lang, "ChooseOffice") }).nth(office).click();
  await expect(page.locator("main h1")).toHaveText(mt(lang, "DayTitle"));
  await chooseAny(page);
  await expect(page.locator("main h1")).toHaveText(mt(lang, "SlotTitle"));
  await chooseAny(page);
  await expect(page.locator("main h1")).toHaveText(mt(lang, "PartiesTitle"));
}

/** Party A (the signed-in resident: name and document are their profile's) types only their
 * nationality; party B is typed in full, with their own phone. */
export async function fillParty(page, prefix, p) {
  if (prefix === "party_b") {
    await page.locator(`[id="${prefix}.name"]`).fill(p.name);
    await page.locator(`[id="${prefix}.id_number"]`).fill(p.id);
    await page.locator(`[id="${prefix}.phone"]`).fill(p.phone);
  }
  await page.locator(`[id="${prefix}.nationality"]`).fill(p.nationality);
}

/** Saves test party `p`'s name and document as the profile of the resident signed in on `request`. */
export async function setProfile(request, p) {
  const r = await request.put("/api/v1/me/profile", { data: { name: p.name, id_type: "resident_id", id_number: p.id } });
  expect(r.status(), await r.text()).toBe(200);
}

/** Signs a resident in on `request` with `p`'s phone and, unless `profile` is false, their profile. */
export async function signInAs(request, p, { profile = true } = {}) {
  await signIn(request, p.phone);
  if (profile) await setProfile(request, p);
}

/** The wire form of a test party B (see newCouple); party A sends only what the profile lacks. */
export function partyJson(p) {
  return { name: p.name, id_type: "resident_id", id_number: p.id, birth_date: "", sex: null, nationality: p.nationality, phone: p.phone };
}
export const OWN_DETAILS = { birth_date: "", sex: null, nationality: "中国" };

/** Party B of `couple` answers (confirm or decline) from their own account, on a fresh API
 * context (their own "phone"). */
export async function partnerAnswers(couple, bookingId, action = "confirm") {
  const b = await apiRequest.newContext({ baseURL: BASE_URL });
  await signInAs(b, couple.b);
  const r = await b.post(`/api/v1/marriage/bookings/${bookingId}/${action}`, { data: {} });
  expect(r.status(), await r.text()).toBe(200);
  const answered = await r.json();
  await b.dispose();
  return answered;
}

/**
 * Books a registration through the API for the signed-in `request` (so the page shares it),
 * whose profile becomes couple.a, and has party B confirm it from their own account: office
 * `office`, the `nth` open day's first time with places. Returns the booking (as the booker sees it).
 */
export async function bookedViaApi(request, { kind = "marriage", office = "xixiang", nth = 0, confirm = true } = {}) {
  const days = await (await request.get(`/api/v1/marriage/offices/${office}/days`)).json();
  const day = days.days.filter((d) => d.state === "open")[nth];
  const slots = await (await request.get(`/api/v1/marriage/offices/${office}/days/${day.date}/slots`)).json();
  const slot = slots.slots.find((s) => s.places_left > 0);
  const couple = newCouple();
  await setProfile(request, couple.a);
  const r = await request.post("/api/v1/marriage/bookings", {
    headers: { "idempotency-key": `e2e-${Date.now()}-${randomInt(0, 1e9)}` },
    data: { kind, slot_id: slot.id, party_a: OWN_DETAILS, party_b: partyJson(couple.b), ceremony_slot_id: null, counselling_slot_id: null },
  });
  expect(r.status(), await r.text()).toBe(200);
  const booking = await r.json();
  if (!confirm) return { booking, couple };
  await partnerAnswers(couple, booking.id);
  const c = await request.get(`/api/v1/marriage/bookings/${booking.id}`);
  expect(c.status(), await c.text()).toBe(200);
  return { booking: await c.json(), couple };
}

/**
 * Other couples take every remaining place of `slotId` through the API, each booking from its
 * own account (one booking per account); fails unless the slot ends up full — refused as
 * `marriage.slot_full`, not for some other reason that would leave places behind.
 */
export async function fillSlot(slotId) {
  let full = false;
  for (let i = 0; !full && i < 20; i++) {
    const c = newCouple();
    const others = await apiRequest.newContext({ baseURL: BASE_URL });
    await signInAs(others, c.a);
    const r = await others.post("/api/v1/marriage/bookings", {
      headers: { "idempotency-key": `e2e-fill-${Date.now()}-${randomInt(0, 1e9)}-${i}` },
      data: { kind: "marriage", slot_id: slotId, party_a: OWN_DETAILS, party_b: partyJson(c.b), ceremony_slot_id: null, counselling_slot_id: null },
    });
    const text = await r.text();
    await others.dispose();
    full = r.status() === 409;
    if (full) expect(text).toContain("marriage.slot_full");
    else expect(r.status(), text).toBe(200);
  }
  expect(full, "the other couples filled the slot").toBe(true);
}
