// 祭扫, issue 10, at 390×844: making a memorial public asks the relation; a public memorial shows
// a message author's name masked to a signed-out visitor; the owner withdraws an invitation link
// and removes a family member (who then gets "not found"); too many flowers say how long to wait.
import { request as playwrightRequest } from "@playwright/test";
import { test, expect, open, setPrefs, signIn } from "../support/app.mjs";
import { tm } from "../support/memorial.mjs";

const L = "zh-Hans";
const h1 = (page) => page.locator("main h1");
const shots = (name) => test.info().outputPath(name);

async function createMemorial(page, name) {
  await open(page, "/memorial/memorials/new");
  await page.locator("#deceased_name").fill(name);
  await page.locator("#born_on").fill("1935-03-02");
  await page.locator("#died_on").fill("2019-03-30");
  await page.getByRole("button", { name: tm(L, "Create") }).click();
  await expect(h1(page)).toHaveText(name);
  return new URL(page.url()).pathname.split("/").pop();
}

test("make public with the relation; a visitor sees the author's name masked", async ({ page, browser }) => {
  await setPrefs(page, { lang: L });
  await signIn(page.request);
  const id = await createMemorial(page, "陈国华");
  // The relation is asked, and checked in the browser by the contract's rule.
  await page.locator("#certificate_number").fill("BA-2019-000123");
  await page.getByRole("button", { name: tm(L, "MakePublic") }).last().click();
  await expect(page.locator("#relation-error")).toContainText(tm(L, "FeRelation"));
  await page.screenshot({ path: shots("make-public.png"), fullPage: true });
  await page.getByLabel(tm(L, "RelChild"), { exact: true }).check();
  await page.getByRole("button", { name: tm(L, "MakePublic") }).last().click();
  await expect(page.getByText(tm(L, "Public"), { exact: true })).toBeVisible();

  // A resident with a full name in their profile leaves a message.
  const author = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  await signIn(author);
  const profile = await author.put("/api/v1/me/profile", { data: { name: "王小明", id_type: "resident_id", id_number: "440306198006010115" } });
  expect(profile.status(), await profile.text()).toBe(200);
  expect((await author.post(`/api/v1/memorial/memorials/${id}/messages`, { data: { text: "永远怀念" } })).status()).toBe(200);
  await author.dispose();

  // A signed-out visitor, in a browser of their own.
  const visitorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  await setPrefs(visitor, { lang: L });
  await open(visitor, `/memorial/memorials/${id}`);
  await expect(visitor.locator(".message-text")).toHaveText("永远怀念");
  await expect(visitor.locator(".memorial-message")).toContainText("王**");
  expect(await visitor.content()).not.toContain("小明");
  await visitor.screenshot({ path: shots("public-visitor.png"), fullPage: true });
  await visitorContext.close();
});

test("the owner withdraws a link and removes a family member, who then gets not found", async ({ page, browser }) => {
  await setPrefs(page, { lang: L });
  await signIn(page.request);
  const id = await createMemorial(page, "林秀英");
  await page.getByRole("button", { name: tm(L, "Invite") }).click();
  const link = await page.getByTestId("invite-link").textContent();
  await expect(page.getByTestId("invitations")).toContainText(tm(L, "InvActive"));

  const familyContext = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 } });
  const fam = await familyContext.newPage();
  await setPrefs(fam, { lang: L });
  await signIn(fam.request);
  await fam.goto(new URL(link).pathname);
  await expect(h1(fam)).toHaveText("林秀英");

  // The owner sees the member (masked), withdraws the link, removes the member.
  await page.reload();
  await expect(page.getByTestId("members").locator("li")).toHaveCount(1);
  await page.getByRole("button", { name: tm(L, "Revoke") }).click();
  await expect(page.getByTestId("invitations")).toContainText(tm(L, "InvRevoked"));
  await page.screenshot({ path: shots("family-controls.png"), fullPage: true });
  await page.getByRole("button", { name: tm(L, "RemoveMember") }).click();
  await expect(page.getByText(tm(L, "NoMembers"))).toBeVisible();

  // Removed: the memorial is "not found"; the withdrawn link explains itself.
  expect((await fam.request.get(`/api/v1/memorial/memorials/${id}`)).status()).toBe(404);
  await fam.goto(new URL(link).pathname);
  await expect(fam.getByText(tm(L, "InvitationInvalid"))).toBeVisible();
  await fam.screenshot({ path: shots("join-invalid.png"), fullPage: true });
  await familyContext.close();
});

test("too many flowers: the refusal says how long to wait, in normal and elder mode", async ({ page }) => {
  await setPrefs(page, { lang: L, elder: true });
  await signIn(page.request);
  const id = await createMemorial(page, "陈国华");
  for (let i = 0; i < 30; i++) {
    expect((await page.request.post(`/api/v1/memorial/memorials/${id}/offerings`, { data: { kind: "flower" } })).status()).toBe(200);
  }
  await page.getByRole("button", { name: tm(L, "Flowers") }).click();
  const wait = page.getByTestId("wait");
  await expect(wait).toBeVisible();
  const text = await wait.textContent();
  expect(text).toMatch(/^操作太频繁，请 \d+ 分钟后再试。$/);
  await page.screenshot({ path: shots("wait-elder.png"), fullPage: true });
});
