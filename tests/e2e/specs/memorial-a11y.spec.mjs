// The axe-core scan of every memorial page, in each language, with elder mode off and on.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, open, setPrefs, signIn } from "../support/app.mjs";
import { t, LANGS } from "../support/i18n.mjs";
import { tm, portrait, shenzhenDay } from "../support/memorial.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function scan(page, elder) {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: "tag", values: TAGS }, rules: elder ? { "color-contrast-enhanced": { enabled: true } } : {} })
    .analyze();
  const described = results.violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");
  expect(results.violations, described).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

/** A bookable day of 宝山园 (from the server's data). */
async function bookableDay(request) {
  const detail = await (await request.get("/api/v1/memorial/cemeteries/baoshan")).json();
  return detail.days[1].date;
}

/** 宝山园's name in each language, as the server serves it. */
const BAOSHAN = { "zh-Hans": "宝山园", "zh-Hant": "寶山園", en: "Baoshan Cemetery" };

/** Pages and how to reach them: [name, async (page, lang) => expected h1 text]. */
const PAGES = [
  ["start", async (page, lang) => (await open(page, "/memorial"), t(lang, "MemorialTitle"))],
  ["information", async (page, lang) => (await open(page, "/memorial/info"), tm(lang, "InfoTitle"))],
  ["cemeteries", async (page, lang) => (await open(page, "/memorial/book"), tm(lang, "BookTitle"))],
  ["days", async (page, lang) => (await open(page, "/memorial/book/baoshan"), `${BAOSHAN[lang]} · ${tm(lang, "ChooseDay")}`)],
  ["slots", async (page, lang) => (await open(page, `/memorial/book/baoshan/${await bookableDay(page.request)}`), tm(lang, "ChooseSlot"))],
  ["slots of today, some ended", async (page, lang) => {
    // At noon by the device's clock: the demo window's slots from 07:00 to 12:00 have ended.
    const today = shenzhenDay(0);
    await page.clock.setFixedTime(Date.parse(`${today}T12:00:00+08:00`));
    await open(page, `/memorial/book/baoshan/${today}`);
    await expect(page.locator("main .slot-button[disabled]").first()).toContainText(tm(lang, "SlotEnded"));
    return tm(lang, "ChooseSlot");
  }],
  ["visitors with errors", async (page, lang) => {
    await open(page, "/memorial/book/details");
    await page.locator("#group_size").fill("9");
    await page.getByRole("button", { name: tm(lang, "Continue") }).click();
    await expect(page.locator("#group_size-error")).toBeVisible();
    return tm(lang, "DetailsTitle");
  }],
  ["confirmation", async (page, lang) => {
    const date = await bookableDay(page.request);
    const slots = await (await page.request.get(`/api/v1/memorial/cemeteries/baoshan/slots?date=${date}`)).json();
    const slot = slots.slots.find((s) => s.capacity - s.taken >= 1);
    const r = await page.request.post("/api/v1/memorial/bookings", {
      headers: { "idempotency-key": `a11y-${Date.now()}-${Math.random()}` },
      data: { slot_id: slot.id, group_size: 1, plate: "", deceased_name: "陈国华", grave: { area: "A", row: "1", number: "2" } },
    });
    expect(r.status(), await r.text()).toBe(200);
    await open(page, `/memorial/bookings/${(await r.json()).id}`);
    return tm(lang, "ConfirmedTitle");
  }],
  ["new memorial", async (page, lang) => (await open(page, "/memorial/memorials/new"), tm(lang, "CreateMemorial"))],
  ["memorial with a photo and a message", async (page) => {
    await open(page, "/memorial");
    const up = await page.request.post("/api/v1/uploads", { headers: { "content-type": "image/png" }, data: await portrait(page) });
    expect(up.status(), await up.text()).toBe(200);
    const m = await (await page.request.post("/api/v1/memorial/memorials", {
      data: { deceased_name: "陈国华", born_on: "1930-01-01", died_on: "2019-03-30", biography: "一生勤劳。", photo: (await up.json()).id },
    })).json();
    await page.request.post(`/api/v1/memorial/memorials/${m.id}/messages`, { data: { text: "想念您" } });
    await open(page, `/memorial/memorials/${m.id}`);
    await expect(page.getByTestId("memorial-photo")).toBeVisible();
    return "陈国华";
  }],
  ["proxy sweeping with a request", async (page, lang) => {
    const r = await page.request.post("/api/v1/memorial/proxy", {
      data: { cemetery_id: "baoshan", date: shenzhenDay(3), services: ["clean"], deceased_name: "陈国华", grave: { area: "A", row: "1", number: "2" } },
    });
    expect(r.status(), await r.text()).toBe(200);
    await open(page, "/memorial/proxy");
    await expect(page.locator(".memorial-message")).toHaveCount(1);
    return tm(lang, "ProxyTitle");
  }],
  ["proxy sweeping with errors", async (page, lang) => {
    await open(page, "/memorial/proxy");
    await page.getByRole("button", { name: tm(lang, "ProxySubmit") }).click();
    await expect(page.locator("#cemetery_id-error")).toBeVisible();
    return tm(lang, "ProxyTitle");
  }],
];

for (const lang of LANGS) {
  for (const elder of [false, true]) {
    const mode = `${lang}${elder ? ", elder mode" : ""}`;
    test.describe(`axe memorial: ${mode}`, () => {
      test.beforeEach(async ({ page }) => {
        await setPrefs(page, { lang, elder });
        await signIn(page.request);
      });
      for (const [name, reach] of PAGES) {
        test(`${name} (${mode})`, async ({ page }) => {
          const heading = await reach(page, lang);
          await expect(page.locator("main h1")).toHaveText(heading);
          await scan(page, elder);
        });
      }
    });
  }
}
