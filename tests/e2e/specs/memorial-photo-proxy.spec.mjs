// 祭扫 at 390×844, second round: a memorial with a photo (uploaded through the app's shared
// upload helper, 404 to a stranger while private), and proxy sweeping (代祭扫) requested in the
// app, marked done with a photo by gate staff signed in to their own account, seen by the family.
import { request as playwrightRequest } from "@playwright/test";
import { test, expect, open, setPrefs, signIn } from "../support/app.mjs";
import { tm, portrait, STAFF_TOKEN, shenzhenDay } from "../support/memorial.mjs";
import { createHmac } from "node:crypto";

const L = "zh-Hans";

/** The authenticator's current code for a base32 secret (RFC 6238, SHA-1, 30 s, 6 digits). */
function totp(secret) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const step = Buffer.alloc(8);
  step.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000)));
  const digest = createHmac("sha1", key).update(step).digest();
  const at = digest[19] & 15;
  return String((digest.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** A gate-staff account at `cemetery`, made by a district admin the bootstrap token creates, signed in. */
async function gateStaff(base, cemetery) {
  const password = "a long staff passphrase";
  const token = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { authorization: `Bearer ${STAFF_TOKEN}` } });
  const suffix = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const made = async (client, login, role, place) => {
    const r = await client.post("/api/v1/staff/accounts", { data: { login, display_name: login, password, assignment: { role, place } } });
    expect(r.status(), await r.text()).toBe(201);
    return (await r.json()).totp_secret;
  };
  const signedIn = async (login, secret) => {
    const client = await playwrightRequest.newContext({ baseURL: base });
    const r = await client.post("/api/v1/staff/session", { data: { login, password, code: totp(secret) } });
    expect(r.status(), await r.text()).toBe(200);
    return client;
  };
  const admin = await signedIn(`admin.${suffix}`, await made(token, `admin.${suffix}`, "district_admin", null));
  const gate = await signedIn(`gate.${suffix}`, await made(admin, `gate.${suffix}`, "gate_staff", cemetery));
  await token.dispose();
  await admin.dispose();
  return gate;
}
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

  // Gate staff at that cemetery, under their own account: a photo, then "done".
  const base = test.info().project.use.baseURL;
  const staff = await gateStaff(base, choice.id);
  const open_ = await (await staff.get("/api/v1/staff/memorial/proxy")).json();
  const mine = open_.requests.find((r) => r.deceased_name === "林秀英" && r.cemetery_name === choice.name && r.status === "requested");
  expect(mine).toBeTruthy();
  const photo = await staff.post(`/api/v1/staff/memorial/proxy/${mine.id}/photos`, { headers: { "content-type": "image/png" }, data: await portrait(page, "净") });
  expect(photo.status(), await photo.text()).toBe(200);
  const done = await staff.post(`/api/v1/staff/memorial/proxy/${mine.id}/done`);
  expect(done.status(), await done.text()).toBe(200);
  await staff.dispose();

  await page.reload();
  const seen = page.locator(".memorial-message", { hasText: mine.reference });
  await expect(seen).toContainText(tm(L, "StatusDone"));
  const img = seen.locator("img.proxy-photo");
  await expect(img).toHaveAttribute("alt", tm(L, "StaffPhoto"));
  await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
});
