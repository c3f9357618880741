// A shared phone (issue 10, item 6), at 390×844 on one browser profile: resident A starts an
// assistance application (name, ID, a family member, bank account) and a marriage booking,
// then signs out; resident B signs in on the same profile and finds nothing of A's — not on
// the page, not in localStorage or sessionStorage, not in the service worker's caches, not in
// B's server draft. And when A's session ends on the server, the app finds it gone and clears
// the device the same way.
import { test, expect, open, h1, signIn, appReady } from "../support/app.mjs";
import { ta, residentId } from "../support/assistance.mjs";
import { mt } from "../support/marriage.mjs";
import { t } from "../support/i18n.mjs";

const L = "zh-Hans";

/** Everything this profile keeps for the site, as text: both storages and every cache entry. */
async function deviceContents(page) {
  return page.evaluate(async () => {
    const dump = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`);
    const cached = [];
    const cacheKeys = [];
    if (self.caches) {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) {
          cacheKeys.push(new URL(req.url).pathname);
          const res = await cache.match(req);
          cached.push(res ? await res.text() : "");
        }
      }
    }
    return { local: dump(localStorage), session: dump(sessionStorage), cacheKeys, cached: cached.join("\n") };
  });
}

function personal(contents) {
  return [...contents.local, ...contents.session, contents.cached].join("\n");
}

/** Resident A's answers: everything a stranger must never see. */
const A = {
  name: "林秀英",
  id: residentId("19750312", "031"),
  member: "林小宝",
  memberId: residentId("20100505", "052"),
  holder: "林秀英",
  account: "6217850000777732154",
};

async function startAssistance(page) {
  await open(page, "/assistance/apply/applicant");
  await page.getByLabel(t(L, "NameLabel")).fill(A.name);
  await page.getByLabel(t(L, "IdNumberLabel")).fill(A.id);
  await open(page, "/assistance/apply/members");
  await page.getByRole("button", { name: ta(L, "AddMember") }).click();
  await page.getByLabel(t(L, "NameLabel")).fill(A.member);
  await page.getByLabel(t(L, "IdNumberLabel")).fill(A.memberId);
  await open(page, "/assistance/apply/bank");
  await page.getByLabel(ta(L, "BankHolder")).fill(A.holder);
  await page.getByLabel(ta(L, "BankAccount")).fill(A.account);
  // Autosaved on the device at once, and (debounced) to A's own server draft.
  await expect.poll(async () => (await page.request.get("/api/v1/assistance/draft")).text(), { timeout: 10_000 }).toContain(A.account);
}

/** The first step of a marriage booking (the rest of that journey may change; this is enough). */
async function startMarriage(page) {
  await open(page, "/marriage");
  await page.locator("#kind-marriage").check();
  await page.getByRole("button", { name: mt(L, "Continue") }).click();
  await expect.poll(async () => (await deviceContents(page)).local.join("\n")).toContain("draft.marriage.kind=marriage");
}

async function expectNothingOfA(page) {
  await page.waitForLoadState();
  await appReady(page);
  const contents = await deviceContents(page);
  const text = personal(contents);
  for (const secret of [A.name, A.id, A.member, A.memberId, A.account, A.account.slice(-8)]) {
    expect(text, `${secret} is gone from the device`).not.toContain(secret);
  }
  await expect(page.locator("body")).not.toContainText(A.name);
  await expect(page.locator("body")).not.toContainText(A.account);
  return contents;
}

test("after A signs out, B on the same phone finds nothing of A's anywhere", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page.request);
  await startAssistance(page);
  await startMarriage(page);
  // Before signing out, the device does hold A's data (so its absence later means something),
  // and the service worker has cached the pages A opened.
  expect(personal(await deviceContents(page))).toContain(A.account);
  await expect.poll(async () => (await deviceContents(page)).cacheKeys, { timeout: 15_000 }).toContain("/assistance");

  await open(page, "/mine");
  await page.getByRole("button", { name: t(L, "SignOut") }).click();
  await expect(h1(page)).toHaveText(t(L, "HomeHeading"));
  const after = await expectNothingOfA(page);
  // Every key of a resident's data is gone (the next page may write its own empty drafts).
  expect(after.local.filter((l) => l.startsWith("baoan.my."))).toEqual([]);
  expect(after.session).toEqual([]);
  // The caches were emptied: the pages A opened are no longer kept (the home page may be again).
  expect(after.cacheKeys).not.toContain("/assistance");
  expect(after.cacheKeys).not.toContain("/mine");
  // Settings are not personal: still there.
  expect(after.local.some((l) => l.startsWith("baoan.lang=") || l.startsWith("baoan.elder="))).toBeTruthy();

  // B signs in on the same profile and opens the same pages.
  await signIn(page.request);
  await open(page, "/assistance/apply/applicant");
  await expect(page.getByLabel(t(L, "NameLabel"))).toHaveValue("");
  await expect(page.getByLabel(t(L, "IdNumberLabel"))).toHaveValue("");
  await open(page, "/assistance/apply/bank");
  await expect(page.getByLabel(ta(L, "BankAccount"))).toHaveValue("");
  // (A's marriage draft was already shown gone from the device right after signing out.)
  await open(page, "/marriage");
  await page.waitForTimeout(1500); // longer than the draft autosave's debounce
  await expectNothingOfA(page);
  // B's server draft holds nothing of A's.
  const draft = await page.request.get("/api/v1/assistance/draft");
  const body = draft.status() === 200 ? await draft.text() : "";
  for (const secret of [A.name, A.id, A.member, A.account]) expect(body).not.toContain(secret);
  await page.screenshot({ path: "test-results/shared-phone-b.png" });
});

test("when A's session ends on the server, the app finds it gone and clears the device", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page.request);
  await open(page, "/assistance/apply/applicant");
  await page.getByLabel(t(L, "NameLabel")).fill(A.name);
  await expect.poll(async () => personal(await deviceContents(page))).toContain(A.name);
  // The session ends on the server (here: ended from elsewhere; the page is not told).
  const ended = await page.request.delete("/api/v1/auth/session", { headers: { Origin: baseURL } });
  expect(ended.status()).toBe(204);
  // The next request the app makes (an autosave of the next keystroke) is answered 401.
  await page.getByLabel(t(L, "IdNumberLabel")).fill(A.id);
  await expect(h1(page)).toHaveText(t(L, "SignInTitle"), { timeout: 15_000 });
  await expectNothingOfA(page);
});

test("a device whose resident's session ended while the app was closed is cleared at start", async ({ page, context }) => {
  await signIn(page.request);
  await open(page, "/assistance/apply/applicant");
  await page.getByLabel(t(L, "NameLabel")).fill(A.name);
  await expect.poll(async () => personal(await deviceContents(page))).toContain(A.name);
  await page.goto("about:blank");
  await context.clearCookies();
  await open(page, "/assistance/apply/applicant");
  await expect(h1(page)).toHaveText(t(L, "SignInTitle"));
  await expectNothingOfA(page);
});
