// 婚姻登记预约, party B in their own account, at 390×844 with two browser contexts (two residents
// on two phones): B signs in with the phone A named, sees the booking in 我的 and the message
// centre, adds their identity once, and confirms; B declines another and its place is free again.
import { test, expect, setPrefs, h1, open, signIn } from "../support/app.mjs";
import { mt, newCouple, toParties, fillParty, signInAs, bookedViaApi } from "../support/marriage.mjs";

const lang = "zh-Hans";

async function placesLeft(request, booking) {
  const slots = await (await request.get(`/api/v1/marriage/offices/${booking.office.id}/days/${booking.slot.date}/slots`)).json();
  return slots.slots.find((s) => s.id === booking.slot.id).places_left;
}

/** Party B's browser: another context, signed in with B's own phone. */
async function partnerPage(browser, couple, { profile }) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await setPrefs(page, { lang });
  await signInAs(page.request, couple.b, { profile });
  return { context, page };
}

test("party B confirms the booking from their own account", async ({ page, browser }) => {
  const couple = newCouple();
  await signInAs(page.request, couple.a);
  await toParties(page, lang, { office: 0 });
  await fillParty(page, "party_a", couple.a);
  await fillParty(page, "party_b", couple.b);
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await page.getByRole("button", { name: mt(lang, "Submit") }).click();
  await expect(page.locator(".marriage-awaiting")).toBeVisible();
  const id = page.url().match(/\/marriage\/bookings\/([^/?]+)/)[1];

  const b = await partnerPage(browser, couple, { profile: false });
  // 我的 lists it as waiting for B's answer; the message centre says so too.
  await open(b.page, "/mine");
  const row = b.page.locator(".marriage-mine li.marriage-mine-ask");
  await expect(row).toContainText(mt(lang, "MineAwaitingYou"));
  await open(b.page, "/mine/messages");
  await expect(b.page.locator("main")).toContainText(mt(lang, "EvPartnerRequest"));
  await open(b.page, `/marriage/bookings/${id}`);
  await expect(b.page.locator(".marriage-partner-ask")).toContainText(mt(lang, "PartnerAskTitle"));
  // The booker is shown masked; B's own document masked until the server has matched it.
  await expect(b.page.locator(".marriage-party-a")).toContainText(couple.a.name[0] + "*");
  await expect(b.page.locator("main")).not.toContainText(couple.a.name);
  await expect(b.page.locator("main")).not.toContainText(couple.b.id);
  await b.page.screenshot({ path: "test-results/marriage-partner-ask.png", fullPage: true });
  // Confirming without an identity in the profile: asked for it, then it works.
  await b.page.getByRole("button", { name: mt(lang, "ConfirmButton") }).click();
  await expect(b.page.locator(".ui-error-summary:not([hidden])")).toContainText(mt(lang, "FeProfileIdentityMissing"));
  await b.page.locator("#name").fill(couple.b.name);
  await b.page.locator("#id_number").fill(couple.b.id);
  await b.page.getByRole("button", { name: mt(lang, "OwnIdentitySave") }).click();
  await expect(b.page.locator(".marriage-own-identity")).toBeVisible();
  await b.page.getByRole("button", { name: mt(lang, "ConfirmButton") }).click();
  await expect(h1(b.page)).toHaveText(mt(lang, "ConfirmedTitle"));
  await expect(b.page.locator(".reference")).toHaveText(/^BA-M-/);
  await b.context.close();
  // The booker's page shows it confirmed.
  await page.reload();
  await expect(h1(page)).toHaveText(mt(lang, "ConfirmedTitle"));
  await open(page, "/mine/messages");
  await expect(page.locator("main")).toContainText(mt(lang, "EvConfirmed"));
});

test("party B declines another booking and its place is free again", async ({ page, browser }) => {
  await signIn(page.request);
  const { booking, couple } = await bookedViaApi(page.request, { office: "shajing", nth: 1, confirm: false });
  const before = await placesLeft(page.request, booking);
  const b = await partnerPage(browser, couple, { profile: true });
  await open(b.page, `/marriage/bookings/${booking.id}`);
  await expect(b.page.locator(".marriage-status")).toHaveText(mt(lang, "MineAwaitingYou"));
  await b.page.getByRole("button", { name: mt(lang, "DeclineButton") }).click();
  await expect(b.page.locator(".marriage-status")).toHaveText(mt(lang, "StatusDeclined"));
  await expect(b.page.getByRole("button", { name: mt(lang, "ConfirmButton") })).toHaveCount(0);
  await b.context.close();
  expect(await placesLeft(page.request, booking)).toBe(before + 1);
  await open(page, `/marriage/bookings/${booking.id}`);
  await expect(page.locator(".marriage-status")).toHaveText(mt(lang, "StatusDeclined"));
  await open(page, "/mine/messages");
  await expect(page.locator("main")).toContainText(mt(lang, "EvDeclined"));
});
