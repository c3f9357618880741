// 婚姻登记预约 in the browser at 390×844: a full marriage booking to the confirmation with QR
// code and .ics (party B confirming from their own account); the "slot just taken" path keeps
// every field; a divorce shows the cooling-off clock; party A is the resident's profile.
import { readFileSync } from "node:fs";
import { test, expect, signIn, h1 } from "../support/app.mjs";
import { mt, newCouple, toParties, fillParty, residentId, bookedViaApi, signInAs, partnerAnswers, fillSlot } from "../support/marriage.mjs";

const lang = "zh-Hans";

async function partiesToCheck(page, couple) {
  await fillParty(page, "party_a", couple.a);
  await fillParty(page, "party_b", couple.b);
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(h1(page)).toHaveText(mt(lang, "ExtrasTitle"));
}

/** The booker waits; party B confirms from their own account; the booker's page then shows it. */
async function partnerConfirms(page, couple) {
  await expect(page.locator(".marriage-status")).toHaveText(mt(lang, "StatusAwaiting"));
  await expect(page.locator(".marriage-awaiting")).toBeVisible();
  // No code for the booker to type any more.
  await expect(page.locator('input[autocomplete="one-time-code"]')).toHaveCount(0);
  const id = page.url().match(/\/marriage\/bookings\/([^/?]+)/)[1];
  await partnerAnswers(couple, id, "confirm");
  await page.reload();
  await expect(h1(page)).toHaveText(mt(lang, "ConfirmedTitle"));
}

/** A signed-in resident whose profile is `couple.a`. */
async function signInA(page, couple) {
  await signInAs(page.request, couple.a);
}

test("a couple books a marriage registration, confirms, and gets the QR code and calendar file", async ({ page }) => {
  const couple = newCouple();
  await signInA(page, couple);
  await toParties(page, lang, { office: 0 });
  // Party A is the profile: shown, not typed.
  await expect(page.locator(".marriage-own-identity")).toContainText(couple.a.name);
  await expect(page.locator('[id="party_a.name"]')).toHaveCount(0);
  // First an error beside the field: the partner too young on the booked day.
  await fillParty(page, "party_a", couple.a);
  await fillParty(page, "party_b", { ...couple.b, id: residentId("20100101", false) });
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(page.locator('[id="party_b.id_number-error"]')).toContainText(mt(lang, "FeUnderAge"));
  await expect(page.locator(".ui-error-summary")).toBeFocused();
  await partiesToCheck(page, couple);
  await expect(page.locator(".marriage-checklist")).toContainText(mt(lang, "BringJointPhotos"));
  await page.locator("#ceremony-630").check();
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(h1(page)).toHaveText(mt(lang, "CheckTitle"));
  await expect(page.locator(".ui-summary")).toContainText(couple.a.name);
  await page.getByRole("button", { name: mt(lang, "Submit") }).click();
  await expect(page).toHaveURL(/\/marriage\/bookings\//);
  await partnerConfirms(page, couple);
  const reference = (await page.locator(".reference").textContent()).trim();
  expect(reference).toMatch(/^BA-M-\d{8}-[0-9A-Z]{6}$/);
  await expect(page.locator("svg.qr-code path")).toHaveAttribute("d", /^M\d/);
  await expect(page.locator(".ui-summary")).toContainText(mt(lang, "Ceremony"));
  // The partner's number is masked on the page.
  await expect(page.locator("main")).not.toContainText(couple.b.id);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: mt(lang, "AddToCalendar") }).click();
  const ics = readFileSync(await (await download).path(), "utf8");
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics).toContain(reference);
  // 我的 lists it.
  await page.goto("/mine");
  await expect(page.locator(".marriage-mine")).toContainText(reference);
});

test("when the slot is taken meanwhile, nothing typed is lost and nearby free times are offered", async ({ page }) => {
  const couple = newCouple();
  await signInA(page, couple);
  await toParties(page, lang, { office: 2 });
  await partiesToCheck(page, couple);
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(h1(page)).toHaveText(mt(lang, "CheckTitle"));
  // Other couples take every remaining place of this slot through the API.
  const slotId = await page.evaluate(() => localStorage.getItem("baoan.my.draft.marriage.slot"));
  await fillSlot(slotId);
  await page.getByRole("button", { name: mt(lang, "Submit") }).click();
  const taken = page.locator(".marriage-taken");
  await expect(taken).toContainText(mt(lang, "SlotTakenTitle"));
  await expect(taken.getByRole("button").first()).toBeVisible();
  // Every field is still there.
  await expect(page.locator(".ui-summary")).toContainText(couple.a.name);
  await expect(page.locator(".ui-summary")).toContainText(couple.b.name);
  await expect(page.locator(".ui-summary")).toContainText(couple.b.phone);
  await taken.getByRole("button").first().click();
  await expect(taken).toHaveCount(0);
  await page.getByRole("link", { name: new RegExp(mt(lang, "PartyB")) }).click();
  await expect(page.locator('[id="party_b.id_number"]')).toHaveValue(couple.b.id);
  await expect(page.locator('[id="party_b.phone"]')).toHaveValue(couple.b.phone);
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await page.getByRole("button", { name: mt(lang, "Submit") }).click();
  await expect(page).toHaveURL(/\/marriage\/bookings\//);
  await partnerConfirms(page, couple);
});

test("a divorce booking shows the cooling-off clock", async ({ page }) => {
  const couple = newCouple();
  await signInA(page, couple);
  await toParties(page, lang, { kind: "divorce", office: 1 });
  await partiesToCheck(page, couple);
  await expect(page.locator(".marriage-checklist")).toContainText(mt(lang, "BringAgreement"));
  await expect(page.locator("#ceremony-none")).toHaveCount(0);
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await page.getByRole("button", { name: mt(lang, "Submit") }).click();
  await expect(page).toHaveURL(/\/marriage\/bookings\//);
  await partnerConfirms(page, couple);
  const clock = page.locator(".marriage-countdown");
  await expect(clock).toContainText(mt(lang, "DivorceTitle"));
  const date = await page.evaluate(() => document.querySelector(".ui-summary").textContent.match(/\d{4}-\d{2}-\d{2}/)[0]);
  const ends = new Date(Date.parse(date + "T00:00:00Z") + 30 * 86400e3).toISOString().slice(0, 10);
  await expect(clock).toContainText(ends);
  await page.getByRole("button", { name: mt(lang, "CancelBooking") }).click();
  await expect(page.locator(".marriage-status")).toHaveText(mt(lang, "StatusCancelled"));
});

test("a booking moves to another time from 我的预约, and 我的预约 shows the new time", async ({ page }) => {
  await signIn(page.request);
  const { booking } = await bookedViaApi(page.request, { office: "xixiang", nth: 0 });
  await page.goto("/mine");
  const row = page.locator(".marriage-mine li", { hasText: booking.reference });
  await expect(row).toContainText(booking.slot.date);
  await row.getByRole("link", { name: new RegExp(mt(lang, "RescheduleLink")) }).click();
  await expect(h1(page)).toHaveText(mt(lang, "RescheduleTitle"));
  await expect(page.locator(".ui-summary")).toContainText(booking.reference);
  // Another day: the third open one, then its last time with places.
  await page.locator("main .ui-choice:not([disabled])").nth(2).click();
  await expect(page.locator("main h2")).toHaveText(mt(lang, "SlotTitle"));
  await page.locator("main .ui-choice:not([disabled])").last().click();
  await expect(page.locator("main h2")).toHaveText(mt(lang, "RescheduleConfirmTitle"));
  const newTime = (await page.locator(".marriage-new-time").textContent()).trim();
  expect(newTime).not.toContain(booking.slot.date);
  await page.getByRole("button", { name: mt(lang, "RescheduleButton") }).click();
  await expect(page).toHaveURL(new RegExp(`/marriage/bookings/${booking.id}\\?moved=1`));
  await expect(h1(page)).toHaveText(mt(lang, "ConfirmedTitle"));
  await expect(page.locator(".marriage-moved")).toHaveText(mt(lang, "MovedNotice"));
  await expect(page.locator(".ui-summary")).toContainText(newTime);
  await expect(page.locator(".reference")).toHaveText(booking.reference);
  await page.goto("/mine");
  await expect(page.locator(".marriage-mine li", { hasText: booking.reference })).toContainText(newTime);
  // And the message centre says so.
  await page.goto("/mine/messages");
  await expect(page.locator("main")).toContainText(mt(lang, "EvRescheduled"));
});

test("party A is the profile: without one, the booking asks for it once and saves it there", async ({ page }) => {
  await signIn(page.request);
  const me = newCouple().a;
  await toParties(page, lang, { office: 0 });
  // No identity in the profile yet: asked here, and nothing else of party A until it is saved.
  await expect(page.locator(".marriage-identity-needed")).toContainText(mt(lang, "OwnIdentityNeeded"));
  await expect(page.locator('[id="party_b.name"]')).toHaveCount(0);
  await page.locator("#name").fill("王芳");
  await page.locator("#id_number").fill(me.id);
  await page.getByRole("button", { name: mt(lang, "OwnIdentitySave") }).click();
  await expect(page.locator(".marriage-own-identity")).toContainText("王芳");
  await expect(page.locator('[id="party_b.name"]')).toBeVisible();
  const saved = await (await page.request.get("/api/v1/me")).json();
  expect(saved.profile.name).toBe("王芳");
  expect(saved.profile.id_number).toBe(me.id);
  // Reused next time: the page opens with it.
  await page.reload();
  await expect(page.locator(".marriage-own-identity")).toContainText("王芳");
  await expect(page.locator('[id="party_a.name"]')).toHaveCount(0);
});
