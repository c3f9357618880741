// 祭扫 at 390×844, second round: a memorial with a photo (uploaded through the app's shared
// upload helper, 404 to a stranger while private), and proxy sweeping (代祭扫) requested in the
// app, marked done by staff with a photo through the admin API, seen by the family.
import { request as playwrightRequest } from "@playwright/test";
import { test, expect, open, setPrefs, signIn } from "../support/app.mjs";
import { tm, portrait, STAFF_TOKEN, shenzhenDay } from "../support/memorial.mjs";

const L = "zh-Hans";
const h1 = (page) => page.locator("main h1");

test("create a memorial with a photo, see it, replace it, remove it; a stranger gets 404", async ({ page }) => {
  await setPrefs(page, { lang: L });
  await signIn(page.request);
  await open(page, "/memorial/memorials/new");
  await page.locator("#deceased_name").fill("陈国华");
  await page.locator("#born_on").fill("1935-03-02");
  await page.locator("#died_on").fill("2019-03-30");
  await page.locator("#photo").setInputFiles({ name: "portrait.png", mimeType: "image/png", buffer: await portrait(page) });
  const preview = page.getByTestId("memorial-photo");
  await expect(preview).toBeVisible();
  await expect(page.getByText(tm(L, "PhotoAdded"))).toBeVisible();
  await page.getByRole("button", { name: tm(L, "Create") }).click();

  await expect(h1(page)).toHaveText("陈国华");
  const photo = page.getByTestId("memorial-photo");
  await expect(photo).toHaveAttribute("alt", `陈国华 ${tm(L, "PhotoAlt")}`);
  await expect(photo).toHaveAttribute("width", "180");
  await expect(photo).toHaveAttribute("height", "240");
  await expect.poll(() => photo.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await photo.getAttribute("style")).toBeNull();
  const id = new URL(page.url()).pathname.split("/").pop();

  // A stranger (signed in elsewhere) and nobody signed in: 404 for a private memorial's photo.
  const stranger = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  await signIn(stranger);
  expect((await stranger.get(`/api/v1/memorial/memorials/${id}/photo`)).status()).toBe(404);
  const nobody = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await nobody.get(`/api/v1/memorial/memorials/${id}/photo`)).status()).toBe(404);
  await stranger.dispose();
  await nobody.dispose();

  // Replace, then remove.
  const before = await photo.getAttribute("src");
  await page.locator("#photo").setInputFiles({ name: "other.png", mimeType: "image/png", buffer: await portrait(page, "华") });
  await expect(photo).not.toHaveAttribute("src", before);
  await page.getByRole("button", { name: tm(L, "RemovePhoto") }).click();
  await expect(page.getByTestId("memorial-photo")).toHaveCount(0);
  await page.reload();
  await expect(h1(page)).toHaveText("陈国华");
  await expect(page.getByTestId("memorial-photo")).toHaveCount(0);
});

test("proxy sweeping at any cemetery offering it: staff mark it done with a photo, the family sees it", async ({ page }) => {
  await setPrefs(page, { lang: L });
  await signIn(page.request);
  await open(page, "/memorial/proxy");
  await expect(h1(page)).toHaveText(tm(L, "ProxyTitle"));
  // The cemeteries come from the data: those offering the service, and only those.
  // Each name as the page shows it in L (the server serves 简体, 繁體 and English).
  const cemeteries = (await (await page.request.get("/api/v1/memorial/cemeteries")).json())
    .map((c) => ({ ...c, name: c.name.zh_hans }));
  for (const c of cemeteries) {
    await expect(page.getByRole("radio", { name: c.name })).toHaveCount(c.proxy_service ? 1 : 0);
  }
  const choice = cemeteries.filter((c) => c.proxy_service).at(-1);
  await page.getByRole("radio", { name: choice.name }).check();
  await page.locator("#date").fill(shenzhenDay(3));
  await page.getByLabel(tm(L, "ServiceClean")).check();
  await page.getByLabel(tm(L, "ServicePhoto")).check();
  await page.locator("#deceased_name").fill("林秀英");
  await page.locator("#grave_area").fill("B");
  await page.locator("#grave_row").fill("2");
  await page.locator("#grave_number").fill("7");
  await page.getByRole("button", { name: tm(L, "ProxySubmit") }).click();
  const item = page.locator(".memorial-message", { hasText: "林秀英" });
  await expect(item).toContainText(tm(L, "StatusRequested"));
  await expect(item).toContainText(choice.name);

  // Staff: a photo from the staff device's account, then "done" through the admin API.
  const base = test.info().project.use.baseURL;
  const device = await playwrightRequest.newContext({ baseURL: base });
  await signIn(device);
  const uploaded = await device.post("/api/v1/uploads", { headers: { "content-type": "image/png", "x-file-name": "done.png" }, data: await portrait(page, "净") });
  expect(uploaded.status(), await uploaded.text()).toBe(200);
  const photoId = (await uploaded.json()).id;
  const staff = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { authorization: `Bearer ${STAFF_TOKEN}` } });
  const open_ = await (await staff.get("/api/v1/memorial/admin/proxy")).json();
  const mine = open_.requests.find((r) => r.deceased_name === "林秀英" && r.cemetery_name === choice.name && r.status === "requested");
  expect(mine).toBeTruthy();
  const done = await staff.post(`/api/v1/memorial/admin/proxy/${mine.id}/done`, { data: { photos: [photoId] } });
  expect(done.status(), await done.text()).toBe(200);
  await device.dispose();
  await staff.dispose();

  await page.reload();
  const seen = page.locator(".memorial-message", { hasText: mine.reference });
  await expect(seen).toContainText(tm(L, "StatusDone"));
  const img = seen.locator("img.proxy-photo");
  await expect(img).toHaveAttribute("alt", tm(L, "StaffPhoto"));
  await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
});
