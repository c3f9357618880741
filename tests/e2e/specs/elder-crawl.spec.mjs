// Elder mode on every page (issue 14): a crawl of every route of every journey at 390×844 with
// 长辈模式 on, signed in where the page needs it. On each page: no text under 20 px, every
// target in <main> at least 60 px high and at least 8 px from the next. Each page's smallest
// text and lowest target are written to test-results/elder-crawl/ (the figures of bench/ELDER.md).
import { mkdirSync, writeFileSync } from "node:fs";
import { test, expect, open, setPrefs, signIn, h1, randomPhone, PUBLIC_PAGES, SIGNED_IN_PAGES } from "../support/app.mjs";
import { t } from "../support/i18n.mjs";
import { measure } from "../support/elder.mjs";
import { PNG, completeDraft, PAGES as ASSISTANCE } from "../support/assistance.mjs";
import { ct } from "../support/charity.mjs";
import { tm, portrait, shenzhenDay } from "../support/memorial.mjs";
import { mt, newCouple, toParties, fillParty, signInAs, bookedViaApi } from "../support/marriage.mjs";

// Many pages per test on a shared machine.
test.describe.configure({ timeout: 240_000 });

const OUT = new URL("../test-results/elder-crawl/", import.meta.url).pathname;

/** Measures the page as it is now, as `name`; breaches are soft failures (every page is reported). */
async function check(page, name, found) {
  await expect(page.locator("main .loading")).toHaveCount(0);
  const m = await measure(page);
  found.push({ page: name, smallest_text_px: m.smallest, lowest_target_px: m.lowest, targets: m.targets });
  expect.soft(m.small, `${name}: text under 20 px`).toEqual([]);
  expect.soft(m.short, `${name}: targets under 60 px high`).toEqual([]);
  expect.soft(m.close, `${name}: targets closer than 8 px`).toEqual([]);
}

function record(group, found) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}${group}.json`, JSON.stringify(found, null, 2));
}

test.beforeEach(async ({ page }) => setPrefs(page, { lang: "zh-Hans", elder: true }));

const PUBLIC = [
  ...PUBLIC_PAGES.map((p) => p.path),
  "/assistance/check/residence",
  "/charity?q=%E9%95%BF%E8%80%85&category=elderly",
  "/charity/projects/p-heart-kids",
  "/charity/projects/p-warm-homes",
  "/charity/funds",
  "/charity/funds/f-haiwan",
  "/charity/district",
  "/memorial/info",
  "/memorial/book",
  "/memorial/book/baoshan",
];

test("elder mode: public pages", async ({ page }) => {
  const found = [];
  for (const path of PUBLIC) {
    await open(page, path);
    await check(page, path, found);
  }
  const detail = await (await page.request.get("/api/v1/memorial/cemeteries/baoshan")).json();
  const slots = `/memorial/book/baoshan/${detail.days[1].date}`;
  await open(page, slots);
  await check(page, "/memorial/book/baoshan/:date", found);
  // The sign-in code step.
  await open(page, "/sign-in");
  await page.getByLabel(t("zh-Hans", "PhoneLabel")).fill(randomPhone());
  await page.getByRole("button", { name: t("zh-Hans", "SendCode") }).click();
  await expect(page.getByLabel(t("zh-Hans", "CodeLabel"))).toBeVisible();
  await check(page, "/sign-in (code step)", found);
  record("public", found);
});

test("elder mode: 我的 and settings signed in", async ({ page }) => {
  const found = [];
  await signIn(page.request);
  for (const { path } of [...SIGNED_IN_PAGES, { path: "/mine/data" }]) {
    await open(page, path);
    await check(page, path, found);
  }
  record("mine", found);
});


test("elder mode: social assistance", async ({ page }) => {
  const found = [];
  await signIn(page.request);
  const up = await page.request.post("/api/v1/uploads", { headers: { "X-File-Name": "id.png" }, data: PNG });
  const draft = completeDraft((await up.json()).id);
  await page.addInitScript((d) => {
    if (!localStorage.getItem("baoan.my.draft.assistance")) localStorage.setItem("baoan.my.draft.assistance", JSON.stringify(d));
  }, draft);
  for (const path of ASSISTANCE) {
    await open(page, path);
    await check(page, path, found);
  }
  record("assistance", found);
});

test("elder mode: charity give, pay, receipt", async ({ page }) => {
  const found = [];
  const lang = "zh-Hans";
  await signIn(page.request);
  await open(page, "/charity/projects/p-dialysis/give");
  await check(page, "/charity/projects/:id/give", found);
  await page.getByLabel(ct(lang, "AmountOther")).check();
  await page.getByRole("button", { name: ct(lang, "Continue") }).click();
  await expect(page.locator(".ui-error-summary")).toBeVisible();
  await check(page, "/charity/projects/:id/give (errors)", found);
  await page.getByLabel(ct(lang, "AmountCustomLabel")).fill("10");
  await page.getByLabel(ct(lang, "DonorNameLabel")).fill("王");
  await page.getByLabel(ct(lang, "FrequencyMonthly")).check();
  await page.getByRole("button", { name: ct(lang, "Continue") }).click();
  await expect(page.getByRole("button", { name: ct(lang, "PayButton") })).toBeVisible();
  await check(page, "/charity/gifts/:id/pay", found);
  await page.getByRole("button", { name: ct(lang, "PayButton") }).click();
  await expect(page.locator(".charity-receipt")).toBeVisible();
  await check(page, "/charity/gifts/:id/receipt", found);
  await open(page, "/mine");
  await check(page, "/mine (with gifts)", found);
  record("charity", found);
});

test("elder mode: marriage", async ({ page }) => {
  const found = [];
  const lang = "zh-Hans";
  const couple = newCouple();
  await signInAs(page.request, couple.a);
  await open(page, "/marriage");
  await check(page, "/marriage", found);
  await page.locator("#kind-marriage").check();
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(h1(page)).toHaveText(mt(lang, "OfficeTitle"));
  await check(page, "/marriage/office", found);
  await page.getByRole("button", { name: mt(lang, "ChooseOffice") }).first().click();
  await expect(h1(page)).toHaveText(mt(lang, "DayTitle"));
  await check(page, "/marriage/day", found);
  await page.locator("main .ui-choice:not([disabled])").first().click();
  await expect(h1(page)).toHaveText(mt(lang, "SlotTitle"));
  await check(page, "/marriage/slot", found);
  await page.locator("main .ui-choice:not([disabled])").first().click();
  await expect(h1(page)).toHaveText(mt(lang, "PartiesTitle"));
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(page.locator(".ui-error-summary")).toBeVisible();
  await check(page, "/marriage/parties (errors)", found);
  await fillParty(page, "party_a", couple.a);
  await fillParty(page, "party_b", couple.b);
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(h1(page)).toHaveText(mt(lang, "ExtrasTitle"));
  await check(page, "/marriage/extras", found);
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(h1(page)).toHaveText(mt(lang, "CheckTitle"));
  await check(page, "/marriage/check", found);
  await page.getByRole("button", { name: mt(lang, "Submit") }).click();
  await expect(page.locator(".marriage-status")).toHaveText(mt(lang, "StatusAwaiting"));
  await check(page, "/marriage/bookings/:id (awaiting party B)", found);
  // A confirmed booking, its move and its second visit: another resident's (one booking each).
  await signIn(page.request);
  const { booking } = await bookedViaApi(page.request, { nth: 1 });
  await open(page, `/marriage/bookings/${booking.id}`);
  await check(page, "/marriage/bookings/:id (confirmed)", found);
  await open(page, `/marriage/bookings/${booking.id}/reschedule`);
  await check(page, "/marriage/bookings/:id/reschedule", found);
  await page.locator("main .ui-choice:not([disabled])").first().click();
  await expect(page.locator("main h2")).toHaveText(mt(lang, "SlotTitle"));
  await check(page, "/marriage/bookings/:id/reschedule (times)", found);
  await open(page, `/marriage/bookings/${booking.id}/second-visit`);
  await check(page, "/marriage/bookings/:id/second-visit", found);
  await open(page, "/marriage");
  await check(page, "/marriage (with a booking)", found);
  record("marriage", found);
});

test("elder mode: memorial", async ({ page }) => {
  const found = [];
  const lang = "zh-Hans";
  await signIn(page.request);
  await open(page, "/memorial");
  await check(page, "/memorial (signed in)", found);
  await open(page, "/memorial/book/details");
  await page.locator("#group_size").fill("9");
  await page.getByRole("button", { name: tm(lang, "Continue") }).click();
  await expect(page.locator("#group_size-error")).toBeVisible();
  await check(page, "/memorial/book/details (errors)", found);
  const detail = await (await page.request.get("/api/v1/memorial/cemeteries/baoshan")).json();
  const date = detail.days[1].date;
  const slots = await (await page.request.get(`/api/v1/memorial/cemeteries/baoshan/slots?date=${date}`)).json();
  const slot = slots.slots.find((s) => s.capacity - s.taken >= 1);
  const r = await page.request.post("/api/v1/memorial/bookings", {
    headers: { "idempotency-key": `elder-${Date.now()}-${Math.random()}` },
    data: { slot_id: slot.id, group_size: 1, plate: "", deceased_name: "陈国华", grave: { area: "A", row: "1", number: "2" } },
  });
  expect(r.status(), await r.text()).toBe(200);
  await open(page, `/memorial/bookings/${(await r.json()).id}`);
  await check(page, "/memorial/bookings/:id", found);
  await open(page, "/memorial/memorials/new");
  await check(page, "/memorial/memorials/new", found);
  const up = await page.request.post("/api/v1/uploads", { headers: { "content-type": "image/png" }, data: await portrait(page) });
  const m = await (await page.request.post("/api/v1/memorial/memorials", {
    data: { deceased_name: "陈国华", born_on: "1930-01-01", died_on: "2019-03-30", biography: "一生勤劳。", photo: (await up.json()).id },
  })).json();
  await page.request.post(`/api/v1/memorial/memorials/${m.id}/messages`, { data: { text: "想念您" } });
  await open(page, `/memorial/memorials/${m.id}`);
  await check(page, "/memorial/memorials/:id", found);
  const p = await page.request.post("/api/v1/memorial/proxy", {
    data: { cemetery_id: "baoshan", date: shenzhenDay(3), services: ["clean"], deceased_name: "陈国华", grave: { area: "A", row: "1", number: "2" } },
  });
  expect(p.status(), await p.text()).toBe(200);
  await open(page, "/memorial/proxy");
  await check(page, "/memorial/proxy", found);
  await open(page, "/mine");
  await check(page, "/mine (with records)", found);
  record("memorial", found);
});
